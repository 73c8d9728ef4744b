// One speech and its timer (design rule 8, rules.md §7.1): the timer is state written by
// events — `startedAt` of the current run, `elapsedMs` accumulated before it, `running` — and
// every reading of it takes `now` from the caller, never from a clock.

public enum SpeechKind: String, Codable, Sendable {
  /// Recognised from the general speakers list.
  case gsl
  /// Time received from another delegate's yield.
  case yielded
  /// The speaker yielded to questions: the timer runs only while answers are given.
  case questions
  /// A right of reply (R3.8).
  case reply
  /// A speaker of a moderated caucus.
  case caucus
}

public struct Speech: Codable, Sendable, Equatable, RunningTimer {
  public var seat: String
  public var kind: SpeechKind
  /// Time allowed for this speech.
  public var timeMs: Int
  /// When the current run started (meaningful while `running`; the generation of its expiry).
  public var startedAt: Int64
  /// Time used before the current run.
  public var elapsedMs: Int
  public var running: Bool
  /// The seat that yielded its remaining time to this speaker, if any.
  public var yieldedFrom: String?
  /// Yields in the chain that led to this speech (0 for a speech from the list).
  public var yieldDepth: Int

  public init(
    seat: String, kind: SpeechKind, timeMs: Int, startedAt: Int64, elapsedMs: Int = 0, running: Bool = true,
    yieldedFrom: String? = nil, yieldDepth: Int = 0
  ) {
    self.seat = seat
    self.kind = kind
    self.timeMs = timeMs
    self.startedAt = startedAt
    self.elapsedMs = elapsedMs
    self.running = running
    self.yieldedFrom = yieldedFrom
    self.yieldDepth = yieldDepth
  }

  public var limitMs: Int { timeMs }
}

/// A speech that has ended, kept so that a right of reply knows what it answers (R3.9).
public struct SpeechRecord: Codable, Sendable, Equatable {
  public var seat: String
  public var kind: SpeechKind
  public var usedMs: Int
  public var endedAt: Int64
  /// The speaker was cut off when its time ran out (R7.3).
  public var expired: Bool
  /// A finishing sentence the chair allowed after expiry, in ms (R7.3).
  public var overrunMs: Int?

  public init(seat: String, kind: SpeechKind, usedMs: Int, endedAt: Int64, expired: Bool = false, overrunMs: Int? = nil)
  {
    self.seat = seat
    self.kind = kind
    self.usedMs = usedMs
    self.endedAt = endedAt
    self.expired = expired
    self.overrunMs = overrunMs
  }
}
