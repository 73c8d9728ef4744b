// Pending motions and the standing effects of adopted ones (voting procedure, tabled item,
// roll-call request, caucus extensions). Owns rules.md §4.1's lifecycle after PROPOSED.

public enum MotionStatus: String, Codable, Sendable {
  case awaitingSecond = "awaiting_second"
  case onFloor = "on_floor"
  case voting
}

public struct Motion: Codable, Sendable, Equatable {
  public var id: String
  public var kind: MotionKind
  public var by: String
  public var secondedBy: String?
  public var args: JSON
  public var status: MotionStatus
  /// Raised order: the last tie-breaker (§4.3).
  public var number: Int
  public var raisedAt: Int64
  /// E-28 and similar warnings logged when proposed.
  public var warnings: [String]

  public init(
    id: String, kind: MotionKind, by: String, secondedBy: String?, args: JSON, status: MotionStatus,
    number: Int, raisedAt: Int64, warnings: [String]
  ) {
    self.id = id
    self.kind = kind
    self.by = by
    self.secondedBy = secondedBy
    self.args = args
    self.status = status
    self.number = number
    self.raisedAt = raisedAt
    self.warnings = warnings
  }
}

/// A chair's ruling on a motion (R4.3), kept for appeals.
public struct Ruling: Codable, Sendable, Equatable {
  public var id: String
  public var motion: Motion
  public var reason: String
  public var dilatory: Bool
  public var appealable: Bool
  public var overturned: Bool
  public var at: Int64
}

public struct MotionsState: Codable, Sendable, Equatable {
  /// Pending motions in raised order; `ordered` gives the order they will be put.
  public var pending: [Motion] = []
  /// Motions raised so far (ids `M1`, `M2`, …).
  public var raised: Int = 0
  /// A seconded motion its mover withdrew, which the seconder may keep alive (R4.5).
  public var withdrawn: [Motion] = []
  public var rulings: [Ruling] = []
  /// After closure (§6.5): drafts are being voted.
  public var votingProcedure: Bool = false
  /// The item's debate is adjourned (tabled).
  public var debateAdjourned: Bool = false
  /// The next substantive vote is taken by roll call (a `roll_call_vote` motion).
  public var rollCallRequested: Bool = false
  /// Extensions granted to the running caucus and its original total (E-27).
  public var caucusExtensions: Int = 0
  public var caucusOriginalMs: Int = 0
  /// Rulings on points of order (Core I's point ids) overturned on appeal.
  public var overturnedRulings: [String] = []
  /// Closed votes whose subject is being reconsidered, by subject id.
  public var reconsidering: [String: String] = [:]

  public init() {}

  public func motion(_ id: String) -> Motion? { pending.first { $0.id == id } }
}
