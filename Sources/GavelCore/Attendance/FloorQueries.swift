// Questions Core II asks of the floor. Core I owns this file and implements them for real
// (PLACEHOLDER bodies); the signatures must stay.

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
  /// Quorum from members only (rules.md §2.2, R2.7).
  public var quorum: QuorumFigures {
    let members = committee.members
    let present = members.filter { attendance.isPresent($0.code) }.count
    return QuorumFigures(members: members.count, present: present, toOpen: 0, toDecide: 0)
  }

  /// True when nobody holds the floor (no speech running or recognised), so motions are in order (R4.2).
  public var floorIsOpen: Bool { true }
}
