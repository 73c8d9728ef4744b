// Points raised and not yet disposed of (protocol.md §6 `points`, rules.md §3.5). R3.11: they
// are disposed of before any motion, so Core II may read `isEmpty` before putting a motion.

public enum PointKind: String, Codable, Sendable, CaseIterable {
  case order
  case personalPrivilege = "personal_privilege"
  case parliamentaryInquiry = "parliamentary_inquiry"
  case information
}

public struct Point: Codable, Sendable, Equatable {
  /// `P1`, `P2`, … in the order raised; also the id of the chair's ruling on it.
  public var id: String
  public var kind: PointKind
  public var by: String
  public var text: String
  /// The point interrupted a speaker and paused the speech timer (R7.2).
  public var pausedSpeech: Bool
  public var at: Int64

  public init(id: String, kind: PointKind, by: String, text: String, pausedSpeech: Bool, at: Int64) {
    self.id = id
    self.kind = kind
    self.by = by
    self.text = text
    self.pausedSpeech = pausedSpeech
    self.at = at
  }
}

/// The chair's ruling on a point of order, kept for the record and for an appeal (which names its id).
public struct PointRuling: Codable, Sendable, Equatable {
  public var id: String
  public var by: String
  public var ruling: String?
  public var at: Int64

  public init(id: String, by: String, ruling: String?, at: Int64) {
    self.id = id
    self.by = by
    self.ruling = ruling
    self.at = at
  }
}

public struct PointsState: Codable, Sendable, Equatable {
  public var items: [Point] = []
  /// Rulings on points of order, oldest first (appealable: R3.12, §3.5).
  public var rulings: [PointRuling] = []
  /// Points raised so far in the committee's life: ids are never reused.
  public var raised: Int = 0

  public init() {}

  public var isEmpty: Bool { items.isEmpty }
}
