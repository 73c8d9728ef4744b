// Session state and floor mode (protocol.md §6 `session`). Core II sets `mode = .voting` and back.

public enum SessionPhase: String, Codable, Sendable {
  case notStarted = "not_started", open, suspended, adjourned
}

public enum FloorMode: String, Codable, Sendable {
  case formal
  case moderatedCaucus = "moderated_caucus"
  case unmoderatedCaucus = "unmoderated_caucus"
  case voting
}

public struct SessionState: Codable, Sendable, Equatable {
  public var phase: SessionPhase = .notStarted
  public var mode: FloorMode = .formal
  /// When the phase or mode last changed (server ms).
  public var since: Int64 = 0
  /// Meeting blocks opened so far; attendance does not carry over between them (R2.1).
  public var number: Int = 0
  /// Length of the current suspension when one was given; it ends by itself at `since + ms`.
  public var suspensionMs: Int? = nil

  public init() {}
}
