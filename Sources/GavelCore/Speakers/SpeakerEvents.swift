// Speakers-list and speech facts (R3.2–R3.7, §3.3). Each `apply` is total: an event that no
// longer fits the state (e.g. no speech to pause) changes nothing.

/// Which list an entry belongs to: the GSL or the current moderated caucus.
public enum SpeakersList: String, Codable, Sendable {
  case gsl, caucus
}

public struct SpeakerAdded: EventPayload {
  public static let wireName = "speakerAdded"
  public var seat: String
  public var list: SpeakersList
  /// `chair`, or the seat itself.
  public var by: String
  public var at: Int64
  public init(seat: String, list: SpeakersList, by: String, at: Int64) {
    self.seat = seat
    self.list = list
    self.by = by
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    if list == .caucus { state.caucus?.queue.append(seat) } else { state.speakers.queue.append(seat) }
  }
}

public struct SpeakerRemoved: EventPayload {
  public static let wireName = "speakerRemoved"
  public var seat: String
  public var list: SpeakersList
  public var by: String
  public var at: Int64
  public init(seat: String, list: SpeakersList, by: String, at: Int64) {
    self.seat = seat
    self.list = list
    self.by = by
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    if list == .caucus {
      if let i = state.caucus?.queue.firstIndex(of: seat) { state.caucus?.queue.remove(at: i) }
    } else if let i = state.speakers.queue.firstIndex(of: seat) {
      state.speakers.queue.remove(at: i)
    }
  }
}

public struct SpeakersListOpened: EventPayload {
  public static let wireName = "speakersListOpened"
  public var at: Int64
  public init(at: Int64) { self.at = at }
  public func apply(to state: inout CommitteeState) {
    state.speakers.open = true
    state.speakers.debateClosed = false
  }
}

public struct SpeakersListClosed: EventPayload {
  public static let wireName = "speakersListClosed"
  public var at: Int64
  public init(at: Int64) { self.at = at }
  public func apply(to state: inout CommitteeState) { state.speakers.open = false }
}

/// The list ran out under `on_gsl_exhausted = close_debate` (R3.6, E-25): debate on the item is
/// closed and, when there is a draft to vote on, the committee moves into voting procedure
/// exactly as an adopted closure of debate does (Core II's `motions.votingProcedure`).
public struct SpeakersListExhausted: EventPayload {
  public static let wireName = "speakersListExhausted"
  public var at: Int64
  public init(at: Int64) { self.at = at }
  public func apply(to state: inout CommitteeState) {
    state.speakers.open = false
    state.speakers.debateClosed = true
    if state.drafts.drafts.contains(where: \.isVotable) {
      state.motions.votingProcedure = true
      state.session.mode = .voting
      state.session.since = at
    }
  }
}

public struct SpeakerRecognised: EventPayload {
  public static let wireName = "speakerRecognised"
  public var seat: String
  public var list: SpeakersList
  public var timeMs: Int
  public var at: Int64
  public init(seat: String, list: SpeakersList, timeMs: Int, at: Int64) {
    self.seat = seat
    self.list = list
    self.timeMs = timeMs
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    let speech = Speech(seat: seat, kind: list == .caucus ? .caucus : .gsl, timeMs: timeMs, startedAt: at)
    if list == .caucus, state.caucus != nil {
      if let i = state.caucus!.queue.firstIndex(of: seat) { state.caucus!.queue.remove(at: i) }
      state.caucus!.current = speech
      state.caucus!.resume(at: at)
    } else {
      if let i = state.speakers.queue.firstIndex(of: seat) { state.speakers.queue.remove(at: i) }
      state.speakers.current = speech
    }
  }
}

public struct SpeechPaused: EventPayload {
  public static let wireName = "speechPaused"
  public var seat: String
  public var at: Int64
  public init(seat: String, at: Int64) {
    self.seat = seat
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.updateCurrentSpeech(of: seat) { $0.pause(at: at) }
  }
}

public struct SpeechResumed: EventPayload {
  public static let wireName = "speechResumed"
  public var seat: String
  public var at: Int64
  public init(seat: String, at: Int64) {
    self.seat = seat
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.updateCurrentSpeech(of: seat) { $0.resume(at: at) }
  }
}

public struct SpeechEnded: EventPayload {
  public static let wireName = "speechEnded"
  public var seat: String
  public var usedMs: Int
  /// `chair` (ended by the dais) or `expired` (time ran out, R7.3).
  public var reason: String
  public var at: Int64
  public init(seat: String, usedMs: Int, reason: String, at: Int64) {
    self.seat = seat
    self.usedMs = usedMs
    self.reason = reason
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let speech = state.currentSpeech, speech.seat == seat else { return }
    state.speakers.last = SpeechRecord(
      seat: seat, kind: speech.kind, usedMs: usedMs, endedAt: at, expired: reason == "expired")
    state.setCurrentSpeech(nil)
    if state.caucus != nil, !(state.definition?.rules.floor.modTotalRunsBetweenSpeakers ?? true) {
      state.caucus!.pause(at: at)
    }
  }
}

/// The chair let a cut-off speaker finish a sentence; logged with its length (R7.3).
public struct SpeechOverrun: EventPayload {
  public static let wireName = "speechOverrun"
  public var seat: String
  public var ms: Int
  public var at: Int64
  public init(seat: String, ms: Int, at: Int64) {
    self.seat = seat
    self.ms = ms
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard state.speakers.last?.seat == seat else { return }
    state.speakers.last?.overrunMs = ms
  }
}
