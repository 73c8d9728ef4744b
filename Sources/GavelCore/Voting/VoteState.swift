// The open vote and the record of closed votes. The electorate, the quorum finding and the
// call order are frozen when the vote opens (R2.9) and never recomputed from attendance.

public struct BallotEntry: Codable, Sendable, Hashable {
  public var seat: String
  public var choice: Choice
  public var round: Int
  public var rights: Bool
  /// True when the chair entered a spoken answer (`vote.record`) or the rules forced it (Art. 27(3)).
  public var byChair: Bool
  public init(seat: String, choice: Choice, round: Int, rights: Bool, byChair: Bool) {
    self.seat = seat
    self.choice = choice
    self.round = round
    self.rights = rights
    self.byChair = byChair
  }
}

public struct OpenVote: Codable, Sendable, Equatable {
  public var id: String
  public var subject: VoteSubject
  public var question: QuestionType
  public var threshold: ThresholdID
  public var method: VotingMethod
  public var round: Int = 1
  /// Call order (roll call: the roll rotated to the drawn seat; otherwise the roll order).
  public var order: [String] { didSet { indexSlot.index = nil } }
  /// Seats called again in round 2 (those that passed, in call order).
  public var secondRound: [String] = []
  public var eligible: [String] { didSet { indexSlot.index = nil } }
  /// Eligible seats that declared present and voting when the vote opened.
  public var presentAndVoting: [String]
  /// Art. 27(3) parties: forced to abstain.
  public var art27Parties: [String] = []
  public var chapter: CharterChapter?
  /// Veto holders that hold a vote in the body but are not in the electorate (absent at open).
  public var absentVetoHolders: [String] = []
  public var vetoHolders: [String] = []
  public var quorum: QuorumFigures
  /// M: seats with a vote in the body.
  public var members: Int
  public var drawnSeat: String?
  public var draw: UInt64?
  /// Every answer in the order given. Append with `record`, which keeps the ballot index.
  public var log: [BallotEntry] = [] { didSet { indexSlot.index = nil } }
  /// Placard totals entered by the dais.
  public var count: Tally?
  public var openedAt: Int64
  public var warnings: [String] = []
  /// The closed vote this one reconsiders (§5.11), never mutated.
  public var reconsiders: String?
  /// How the question type was reached (R5.1): `PRESET_DEFAULT` or `CHAIR_RULING`.
  public var classification: String = "PRESET_DEFAULT"
  /// The draft's or amendment's status when the vote opened, restored if the vote is cancelled or void.
  public var subjectStatus: String?
  /// What the log says about each seat (`BallotIndex`); nil until built, and whenever `order`,
  /// `eligible` or `log` changed behind its back. Not encoded (see `CodingKeys`).
  var indexSlot = BallotIndexSlot()

  /// Every stored property but the index, which is derived.
  enum CodingKeys: String, CodingKey {
    case id, subject, question, threshold, method, round, order, secondRound, eligible, presentAndVoting
    case art27Parties, chapter, absentVetoHolders, vetoHolders, quorum, members, drawnSeat, draw, log, count
    case openedAt, warnings, reconsiders, classification, subjectStatus
  }

  public init(
    id: String, subject: VoteSubject, question: QuestionType, threshold: ThresholdID, method: VotingMethod,
    order: [String], eligible: [String], presentAndVoting: [String], quorum: QuorumFigures, members: Int,
    openedAt: Int64
  ) {
    self.id = id
    self.subject = subject
    self.question = question
    self.threshold = threshold
    self.method = method
    self.order = order
    self.eligible = eligible
    self.presentAndVoting = presentAndVoting
    self.quorum = quorum
    self.members = members
    self.openedAt = openedAt
  }

  /// Appends one answer to the log, keeping the ballot index in step (building it first if
  /// there is none yet, or dropping it if the entry cannot be indexed).
  public mutating func record(_ entry: BallotEntry) {
    var index = indexSlot.index ?? BallotIndex(self)
    log.append(entry)  // drops the slot's index (didSet)
    if index?.add(entry) == false { index = nil }
    indexSlot.index = index
  }

  /// Builds the ballot index, if there is none (a vote just opened or decoded).
  public mutating func buildIndex() {
    if indexSlot.index == nil { indexSlot.index = BallotIndex(self) }
  }

  /// Each seat's latest answer (a round-2 answer replaces a pass).
  public var ballots: [String: Choice] {
    var all = [String: Choice](minimumCapacity: log.count)
    for entry in log { all[entry.seat] = entry.choice }
    return all
  }

  /// Seats that voted with the right of explanation, in call order. Constant while nobody has
  /// (the view asks after every ballot), else linear in the roll.
  public var rights: [String] {
    if let index = indexSlot.index {
      return index.withRights == 0 ? [] : index.seats(marked: BallotIndex.Mark.rights, in: order)
    }
    let withRights = Set(log.lazy.filter(\.rights).map(\.seat))
    return withRights.isEmpty ? [] : order.filter(withRights.contains)
  }

  /// Seats that passed in round 1, in call order (those called again in round 2).
  public var passedSeats: [String] {
    if let index = indexSlot.index { return index.seats(marked: BallotIndex.Mark.passed, in: order) }
    return order.filter { seat in log.contains { $0.seat == seat && $0.choice == .pass } }
  }

  /// True when `seat` is in the electorate.
  public func isEligible(_ seat: String) -> Bool {
    if let index = indexSlot.index, index.orderIsElectorate { return index.places[seat] != nil }
    return eligible.contains(seat)
  }

  public func answered(_ seat: String, round: Int) -> Bool {
    if let index = indexSlot.index { return index.answered(seat, round: round) }
    return log.contains { $0.seat == seat && $0.round == round }
  }

  /// Totals now: the placard count when entered, else the per-seat answers.
  public var tally: Tally { standing.tally }

  public var passes: Int { standing.passes }

  /// The totals and the passes not yet turned into a vote, from one reading of the answers (the
  /// view asks for both after every ballot).
  public var standing: (tally: Tally, passes: Int) {
    if let count { return (count, 0) }
    if let index = indexSlot.index { return (index.tally, index.passes) }
    var tally = Tally(yes: 0, no: 0, abstain: 0)
    var passes = 0
    for choice in ballots.values {
      switch choice {
      case .yes: tally.yes += 1
      case .no: tally.no += 1
      case .abstain: tally.abstain += 1
      case .pass: passes += 1
      }
    }
    return (tally, passes)
  }

  /// The seat called now in a roll call; seats that have left since the vote opened are passed
  /// over and recorded not voting (R2.9).
  public func next(isPresent: (String) -> Bool) -> String? {
    guard method == .rollCall else { return nil }
    if let index = indexSlot.index {
      if round == 1 { return index.firstUnansweredInRound1(of: order, isPresent: isPresent) }
      if round == 2 { return secondRound.first { !index.answered($0, round: 2) && isPresent($0) } }
    }
    let calls = round == 1 ? order : secondRound
    var answeredNow = Set<String>(minimumCapacity: log.count)
    for entry in log where entry.round == round { answeredNow.insert(entry.seat) }
    return calls.first { !answeredNow.contains($0) && isPresent($0) }
  }
}

public struct ClosedVote: Codable, Sendable, Equatable {
  public var vote: OpenVote
  public var tally: Tally
  public var notVoting: Int
  public var outcome: Outcome
  public var reason: OutcomeReason
  public var vetoedBy: [String]
  /// R2.9 SNAPSHOT_AT_OPEN: fewer members took part than the decision quorum.
  public var quorumChallenged: Bool
  public var announcement: String
  public var closedAt: Int64
  public var warnings: [String]

  public var id: String { vote.id }
  public var subject: VoteSubject { vote.subject }
  /// Final answers, without passes that were never turned into a vote.
  public var ballots: [String: Choice] { vote.ballots.filter { $0.value != .pass } }
}

extension CommitteeState {
  /// The id the next vote gets (`V1`, `V2`, …); cancelled votes keep their number.
  var nextVoteId: String { "V\(votes.count + 1)" }
}
