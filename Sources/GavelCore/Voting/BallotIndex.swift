// What an open vote's log says about each seat, kept in step with the log one ballot at a time:
// judging a ballot, calling the next seat and tallying then cost O(1) instead of a pass over
// every answer (issue #9: a 193-seat roll call asked those questions several times per ballot).
// Derived data only, a function of the vote's `order`, `eligible` and `log`: never encoded, and
// no part of the vote's equality. `OpenVote` drops it when any of those is changed other than
// by `record`, and reads the log itself until the index is built again.

struct BallotIndex: Sendable {
  /// Seat → its place in the call order. Built once per vote and never changed, so every copy
  /// of the vote shares one buffer.
  let places: [String: Int]
  /// True when the call order holds exactly the electorate: `places` then answers eligibility.
  let orderIsElectorate: Bool
  /// Per place: `Mark` bits.
  private(set) var marks: [UInt8]
  /// Per place: the seat's latest answer (a round-2 answer replaces a pass).
  private(set) var latest: [Choice?]
  private(set) var tally = Tally(yes: 0, no: 0, abstain: 0)
  /// Seats whose latest answer is a pass.
  private(set) var passes = 0
  /// Entries with the right of explanation.
  private(set) var withRights = 0
  /// The first place in the call order not yet answered in round 1.
  private(set) var cursor = 0

  enum Mark {
    static let round1: UInt8 = 1
    static let round2: UInt8 = 2
    static let passed: UInt8 = 4
    static let rights: UInt8 = 8
    static func answered(round: Int) -> UInt8 { round == 1 ? round1 : round2 }
  }

  /// The index of `vote`'s log; nil when the log holds what the index cannot represent (a seat
  /// outside the call order, a round other than 1 or 2, a seat called twice).
  init?(_ vote: OpenVote) {
    var places = [String: Int](minimumCapacity: vote.order.count)
    for (place, seat) in vote.order.enumerated() {
      guard places.updateValue(place, forKey: seat) == nil else { return nil }
    }
    self.places = places
    orderIsElectorate = vote.eligible.count == places.count && vote.eligible.allSatisfy { places[$0] != nil }
    marks = Array(repeating: 0, count: places.count)
    latest = Array(repeating: nil, count: places.count)
    for entry in vote.log {
      guard add(entry) else { return nil }
    }
  }

  /// Takes in the entry appended to the log; false when it cannot be represented.
  mutating func add(_ entry: BallotEntry) -> Bool {
    guard let place = places[entry.seat], entry.round == 1 || entry.round == 2 else { return false }
    if let old = latest[place] { adjust(old, -1) }
    adjust(entry.choice, 1)
    latest[place] = entry.choice
    var mark = marks[place] | Mark.answered(round: entry.round)
    if entry.choice == .pass { mark |= Mark.passed }
    if entry.rights {
      mark |= Mark.rights
      withRights += 1
    }
    marks[place] = mark
    while cursor < marks.count && marks[cursor] & Mark.round1 != 0 { cursor += 1 }
    return true
  }

  private mutating func adjust(_ choice: Choice, _ step: Int) {
    switch choice {
    case .yes: tally.yes += step
    case .no: tally.no += step
    case .abstain: tally.abstain += step
    case .pass: passes += step
    }
  }

  func answered(_ seat: String, round: Int) -> Bool {
    guard round == 1 || round == 2, let place = places[seat] else { return false }
    return marks[place] & Mark.answered(round: round) != 0
  }

  /// The first seat of the call order `order` (the one the index was built from) not answered
  /// in round 1 and present. Starts at the cursor: every seat before it has answered.
  func firstUnansweredInRound1(of order: [String], isPresent: (String) -> Bool) -> String? {
    var place = cursor
    while place < marks.count {
      if marks[place] & Mark.round1 == 0 && isPresent(order[place]) { return order[place] }
      place += 1
    }
    return nil
  }

  /// `order`'s seats whose places carry `mark`, in call order.
  func seats(marked mark: UInt8, in order: [String]) -> [String] {
    marks.indices.filter { marks[$0] & mark != 0 }.map { order[$0] }
  }
}

/// The slot that holds a vote's index. Derived from the vote's own fields, so any two slots
/// compare equal: the index never makes two votes differ.
struct BallotIndexSlot: Sendable, Equatable {
  var index: BallotIndex?
  static func == (lhs: Self, rhs: Self) -> Bool { true }
}
