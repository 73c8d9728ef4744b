// Session events also emitted by motions (Core II executes suspend/adjourn/agenda motions).
// Core I owns this file and may add fields with defaults; the names and the initialisers used
// by Core II must stay.

public struct SessionSuspended: EventPayload {
  public static let wireName = "sessionSuspended"
  public var at: Int64
  public var durationMs: Int?
  public init(at: Int64, durationMs: Int?) {
    self.at = at
    self.durationMs = durationMs
  }
  public func apply(to state: inout CommitteeState) {
    state.session.phase = .suspended
    state.session.since = at
  }
}

public struct SessionAdjourned: EventPayload {
  public static let wireName = "sessionAdjourned"
  public var at: Int64
  public init(at: Int64) { self.at = at }
  public func apply(to state: inout CommitteeState) {
    state.session.phase = .adjourned
    state.session.since = at
  }
}

public struct AgendaSet: EventPayload {
  public static let wireName = "agendaSet"
  public var topic: String
  public var at: Int64
  public init(topic: String, at: Int64) {
    self.topic = topic
    self.at = at
  }
  public func apply(to state: inout CommitteeState) { state.topic = topic }
}
