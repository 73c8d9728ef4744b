// Speaker and caucus events also emitted by motions (Core II executes set_speaking_time,
// moderated/unmoderated caucus and extend_caucus). Core I owns this file and fills in `apply`;
// the names and the initialisers used by Core II must stay.

public enum CaucusKind: String, Codable, Sendable {
  case moderated, unmoderated
}

public struct SpeakingTimeSet: EventPayload {
  public static let wireName = "speakingTimeSet"
  public var ms: Int
  public var at: Int64
  public init(ms: Int, at: Int64) {
    self.ms = ms
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {}
}

public struct CaucusStarted: EventPayload {
  public static let wireName = "caucusStarted"
  public var kind: CaucusKind
  public var topic: String
  public var totalMs: Int
  /// Speaking time per speaker (moderated caucus only).
  public var speakerMs: Int?
  public var at: Int64
  public init(kind: CaucusKind, topic: String, totalMs: Int, speakerMs: Int?, at: Int64) {
    self.kind = kind
    self.topic = topic
    self.totalMs = totalMs
    self.speakerMs = speakerMs
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.session.mode = kind == .moderated ? .moderatedCaucus : .unmoderatedCaucus
    state.session.since = at
  }
}

public struct CaucusExtended: EventPayload {
  public static let wireName = "caucusExtended"
  public var ms: Int
  public var at: Int64
  public init(ms: Int, at: Int64) {
    self.ms = ms
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {}
}

public struct CaucusEnded: EventPayload {
  public static let wireName = "caucusEnded"
  public var at: Int64
  /// `expired`, `chair`, …
  public var reason: String
  public init(at: Int64, reason: String) {
    self.at = at
    self.reason = reason
  }
  public func apply(to state: inout CommitteeState) {
    state.caucus = nil
    state.session.mode = .formal
    state.session.since = at
  }
}
