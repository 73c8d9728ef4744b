// Yields (rules.md §3.3, §7.3): the remainder is computed once, in `decide`, and written into
// the event, so replay never recomputes time.

public enum YieldTarget: String, Codable, Sendable {
  case chair, questions, delegate
}

public struct SpeechYielded: EventPayload {
  public static let wireName = "speechYielded"
  public var seat: String
  public var to: YieldTarget
  /// The receiving seat of a yield to another delegate.
  public var receiver: String?
  public var usedMs: Int
  /// Time left, rounded down to whole seconds (`roundMs`); forfeited on a yield to the chair.
  public var remainderMs: Int
  public var at: Int64
  public init(seat: String, to: YieldTarget, receiver: String?, usedMs: Int, remainderMs: Int, at: Int64) {
    self.seat = seat
    self.to = to
    self.receiver = receiver
    self.usedMs = usedMs
    self.remainderMs = remainderMs
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard var speech = state.currentSpeech, speech.seat == seat else { return }
    switch to {
    case .chair:
      state.speakers.last = SpeechRecord(seat: seat, kind: speech.kind, usedMs: usedMs, endedAt: at)
      state.setCurrentSpeech(nil)
    case .delegate:
      state.speakers.last = SpeechRecord(seat: seat, kind: speech.kind, usedMs: usedMs, endedAt: at)
      state.setCurrentSpeech(
        Speech(
          seat: receiver ?? seat, kind: .yielded, timeMs: remainderMs, startedAt: at, yieldedFrom: seat,
          yieldDepth: speech.yieldDepth + 1))
    case .questions:
      // Only answers count by default: the chair resumes the timer for each answer.
      let questionsCount = state.definition?.rules.floor.poiQuestionTimeCounts ?? false
      speech = Speech(
        seat: seat, kind: .questions, timeMs: remainderMs, startedAt: at, running: questionsCount,
        yieldedFrom: speech.yieldedFrom, yieldDepth: speech.yieldDepth + 1)
      state.setCurrentSpeech(speech)
    }
  }
}

public struct ReplyRequested: EventPayload {
  public static let wireName = "replyRequested"
  public var seat: String
  /// The speaker whose speech is answered.
  public var to: String
  public var at: Int64
  public init(seat: String, to: String, at: Int64) {
    self.seat = seat
    self.to = to
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.speakers.replies.append(ReplyRequest(seat: seat, to: to, at: at))
  }
}

public struct ReplyGranted: EventPayload {
  public static let wireName = "replyGranted"
  public var seat: String
  public var timeMs: Int
  public var at: Int64
  public init(seat: String, timeMs: Int, at: Int64) {
    self.seat = seat
    self.timeMs = timeMs
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.speakers.replies.removeAll { $0.seat == seat }
    state.setCurrentSpeech(Speech(seat: seat, kind: .reply, timeMs: timeMs, startedAt: at))
  }
}

public struct ReplyDenied: EventPayload {
  public static let wireName = "replyDenied"
  public var seat: String
  public var at: Int64
  public init(seat: String, at: Int64) {
    self.seat = seat
    self.at = at
  }
  public func apply(to state: inout CommitteeState) { state.speakers.replies.removeAll { $0.seat == seat } }
}
