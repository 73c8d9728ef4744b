// The general speakers list and the caucus in progress (protocol.md §6 `speakers`, `caucus`).
// Owns R3.7: a caucus suspends the GSL, it never clears it.

public struct ReplyRequest: Codable, Sendable, Equatable {
  public var seat: String
  /// The speaker whose speech the reply answers.
  public var to: String
  public var at: Int64

  public init(seat: String, to: String, at: Int64) {
    self.seat = seat
    self.to = to
    self.at = at
  }
}

public struct SpeakersState: Codable, Sendable, Equatable {
  /// Whether names may be added to the GSL (R3.2, R3.5).
  public var open: Bool = false
  public var speakingTimeMs: Int = 90_000
  /// Pending GSL entries, in order.
  public var queue: [String] = []
  /// The speech holding the floor in formal debate (or suspended under a caucus).
  public var current: Speech? = nil
  /// The last speech that ended, for the right of reply.
  public var last: SpeechRecord? = nil
  /// Rights of reply asked for and not yet granted or denied, in order.
  public var replies: [ReplyRequest] = []
  /// Set when the list ran out under `on_gsl_exhausted = close_debate` (R3.6); cleared by a new agenda.
  public var debateClosed: Bool = false

  public init() {}
}

public struct CaucusState: Codable, Sendable, Equatable, RunningTimer {
  public var kind: CaucusKind
  public var topic: String
  public var totalMs: Int
  /// Total as first adopted, for the extension cap (rules.md §7.2).
  public var originalMs: Int
  public var extensions: Int
  public var speakerMs: Int?
  public var startedAt: Int64
  public var elapsedMs: Int
  public var running: Bool
  /// Moderated caucus speakers waiting, in order.
  public var queue: [String]
  public var current: Speech?

  public init(kind: CaucusKind, topic: String, totalMs: Int, speakerMs: Int?, startedAt: Int64, running: Bool) {
    self.kind = kind
    self.topic = topic
    self.totalMs = totalMs
    self.originalMs = totalMs
    self.extensions = 0
    self.speakerMs = speakerMs
    self.startedAt = startedAt
    self.elapsedMs = 0
    self.running = running
    self.queue = []
    self.current = nil
  }

  public var limitMs: Int { totalMs }
}

extension CommitteeState {
  /// The speech holding the floor: a moderated caucus speaker, else the formal-debate speaker.
  /// During a caucus the GSL speech (if any) is suspended and does not hold the floor.
  public var currentSpeech: Speech? {
    if let caucus { return caucus.current }
    return speakers.current
  }

  /// Replaces the speech holding the floor (see `currentSpeech`).
  mutating func setCurrentSpeech(_ speech: Speech?) {
    if caucus != nil { caucus!.current = speech } else { speakers.current = speech }
  }

  /// Applies `change` to the speech holding the floor, if it is `seat`'s; otherwise nothing
  /// (an event about a speech that already ended changes no state).
  mutating func updateCurrentSpeech(of seat: String, _ change: (inout Speech) -> Void) {
    guard var speech = currentSpeech, speech.seat == seat else { return }
    change(&speech)
    setCurrentSpeech(speech)
  }
}
