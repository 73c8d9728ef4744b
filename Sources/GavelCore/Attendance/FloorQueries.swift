// Questions Core II asks of the floor: quorum (R2.7, R2.8) and whether the floor is open for
// motions (R4.2). The signatures are a contract with Core II.

public struct QuorumFigures: Codable, Sendable, Hashable {
  /// Seats with a vote (members).
  public var members: Int
  /// Members present (present or present and voting).
  public var present: Int
  /// Members needed to open the meeting / permit debate.
  public var toOpen: Int
  /// Members needed to take a decision.
  public var toDecide: Int
  public var canOpen: Bool { present >= toOpen }
  public var canDecide: Bool { present >= toDecide }

  public init(members: Int, present: Int, toOpen: Int, toDecide: Int) {
    self.members = members
    self.present = present
    self.toOpen = toOpen
    self.toDecide = toDecide
  }
}

extension CommitteeState {
  /// Quorum from members only (rules.md §2.2, R1.2, R2.7): non-members never count.
  public var quorum: QuorumFigures {
    // One pass over the roster, without building the member list: every speech asks.
    var members = 0
    var present = 0
    for seat in committee.seats where seat.kind == .member {
      members += 1
      if attendance.isPresent(seat.code) { present += 1 }
    }
    let floor = rules.floor
    return QuorumFigures(
      members: members, present: present,
      toOpen: FloorRules.needed(floor.quorumOpenFraction, strict: floor.quorumOpenStrict, of: members),
      toDecide: FloorRules.needed(floor.quorumDecideFraction, strict: floor.quorumDecideStrict, of: members))
  }

  /// True when the meeting is open, no vote is being taken and nobody holds the floor (no speech
  /// recognised, running or paused, in formal debate or a moderated caucus), so motions are in
  /// order (R4.2, E-21). An unmoderated caucus leaves the floor open (to extend or end it).
  public var floorIsOpen: Bool {
    session.phase == .open && session.mode != .voting && currentSpeech == nil
  }
}
