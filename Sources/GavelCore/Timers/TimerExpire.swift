// timer.expire: the server feeds back a deadline of `floorDeadlines` (design rule 8). The args
// name the timer and the `startedAt` of the run it was computed from; if the floor has moved on
// (paused, resumed, extended, ended) the expiry is stale and does nothing.

public enum FloorTimer: String, Codable, Sendable {
  case speech, caucus, suspension
}

enum TimerExpire: CommandHandler {
  static let name = "timer.expire"
  static let roles: Set<Role> = [.system]
  struct Args: Decodable {
    var timer: FloorTimer
    var startedAt: Int64
    var seat: String?
  }

  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    let now = context.now
    switch args.timer {
    case .speech:
      guard let speech = state.currentSpeech, speech.running, speech.startedAt == args.startedAt,
        args.seat == nil || args.seat == speech.seat, let due = speech.expiresAt, now >= due
      else { return [] }
      return [SpeechEnded(seat: speech.seat, usedMs: speech.timeMs, reason: "expired", at: now)]
    case .caucus:
      guard let caucus = state.caucus, caucus.running, caucus.startedAt == args.startedAt,
        let due = caucus.expiresAt, now >= due
      else { return [] }
      return [CaucusEnded(at: now, reason: "expired")]
    case .suspension:
      guard state.session.phase == .suspended, state.session.since == args.startedAt,
        let ms = state.session.suspensionMs, now >= state.session.since + Int64(ms)
      else { return [] }
      return [SessionResumed(at: now, reason: "expired")]
    }
  }
}
