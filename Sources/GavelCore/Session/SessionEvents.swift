// Session events. Suspension, adjournment and the agenda are also emitted by motions (Core II
// executes suspend/adjourn/agenda motions): their names and initialisers must stay.
// Owns R2.1 (a new session resets attendance) and R7.2 (a suspension stops every timer).

public struct SessionOpened: EventPayload {
  public static let wireName = "sessionOpened"
  /// The meeting block's number, from 1.
  public var number: Int
  public var at: Int64
  public init(number: Int, at: Int64) {
    self.number = number
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.session.phase = .open
    state.session.mode = .formal
    state.session.since = at
    state.session.number = number
    state.session.suspensionMs = nil
    state.attendance = AttendanceState()
  }
}

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
    state.session.suspensionMs = durationMs
    state.speakers.current?.pause(at: at)
    state.caucus?.current?.pause(at: at)
    state.caucus?.pause(at: at)
  }
}

public struct SessionResumed: EventPayload {
  public static let wireName = "sessionResumed"
  public var at: Int64
  /// `chair`, or `expired` when a suspension of fixed length ran out.
  public var reason: String
  public init(at: Int64, reason: String) {
    self.at = at
    self.reason = reason
  }
  /// A caucus clock runs again (unless it runs only while someone speaks); a paused speech
  /// waits for the chair (`speaker.resume`).
  public func apply(to state: inout CommitteeState) {
    state.session.phase = .open
    state.session.since = at
    state.session.suspensionMs = nil
    let runsBetween = state.definition?.rules.floor.modTotalRunsBetweenSpeakers ?? true
    if let caucus = state.caucus, caucus.kind == .unmoderated || runsBetween || caucus.current != nil {
      state.caucus!.resume(at: at)
    }
  }
}

public struct SessionAdjourned: EventPayload {
  public static let wireName = "sessionAdjourned"
  public var at: Int64
  public init(at: Int64) { self.at = at }
  /// The meeting ends: speeches, caucus and points end with it; the GSL and pending
  /// replies stay for the next meeting (E-40).
  public func apply(to state: inout CommitteeState) {
    state.session.phase = .adjourned
    state.session.since = at
    state.session.suspensionMs = nil
    if state.session.mode != .voting { state.session.mode = .formal }
    if let speech = state.currentSpeech {
      state.speakers.last = SpeechRecord(
        seat: speech.seat, kind: speech.kind, usedMs: speech.usedMs(at: at), endedAt: at)
    }
    state.speakers.current = nil
    state.caucus = nil
    state.points.items = []
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
  /// A new item gets a fresh speakers list, opened at once where the rules say so (R3.2).
  public func apply(to state: inout CommitteeState) {
    state.topic = topic
    state.speakers.queue = []
    state.speakers.replies = []
    state.speakers.debateClosed = false
    if let floor = state.definition?.rules.floor, floor.gslOpensWhenAgendaSet { state.speakers.open = true }
  }
}
