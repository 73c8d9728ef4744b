// Speaker and caucus events also emitted by motions (Core II executes set_speaking_time,
// moderated/unmoderated caucus and extend_caucus); the names and initialisers must stay.
// Owns R3.7 (a caucus suspends the GSL and its speech, never clears them) and the extension
// arithmetic of rules.md §7.3: new_total = elapsed + remaining + extension.

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
  /// Applies to speeches recognised from now on.
  public func apply(to state: inout CommitteeState) { state.speakers.speakingTimeMs = ms }
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
    state.speakers.current?.pause(at: at)
    let runsAtOnce = kind == .unmoderated || (state.definition?.rules.floor.modTotalRunsBetweenSpeakers ?? true)
    state.caucus = CaucusState(
      kind: kind, topic: topic, totalMs: totalMs, speakerMs: kind == .moderated ? speakerMs : nil, startedAt: at,
      running: runsAtOnce)
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
  /// The total grows by the extension: the end moves from the original end, not from now.
  public func apply(to state: inout CommitteeState) {
    state.caucus?.totalMs += ms
    state.caucus?.extensions += 1
  }
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
  /// The GSL resumes where it was; its suspended speech waits for the chair (`speaker.resume`).
  public func apply(to state: inout CommitteeState) {
    if let speech = state.caucus?.current {
      state.speakers.last = SpeechRecord(
        seat: speech.seat, kind: speech.kind, usedMs: speech.usedMs(at: at), endedAt: at)
    }
    state.caucus = nil
    if state.session.mode != .voting { state.session.mode = .formal }
    state.session.since = at
  }
}
