// Timer arithmetic shared by speeches and caucuses (design rule 8): a timer is state —
// `startedAt`, `elapsedMs` accumulated before the current run, `running` — never a countdown.

public protocol RunningTimer {
  /// When the current run started (server ms); meaningful while `running`.
  var startedAt: Int64 { get set }
  /// Time used before the current run.
  var elapsedMs: Int { get set }
  var running: Bool { get set }
  /// The time allowed in all.
  var limitMs: Int { get }
}

extension RunningTimer {
  /// Time used by `now`, never more than the time allowed.
  public func usedMs(at now: Int64) -> Int {
    let run = running ? Int(max(0, now - startedAt)) : 0
    return min(limitMs, elapsedMs + run)
  }

  public func remainingMs(at now: Int64) -> Int { limitMs - usedMs(at: now) }

  /// When the timer runs out, if it is running.
  public var expiresAt: Int64? { running ? startedAt + Int64(limitMs - elapsedMs) : nil }

  mutating func pause(at now: Int64) {
    guard running else { return }
    elapsedMs = usedMs(at: now)
    running = false
  }

  mutating func resume(at now: Int64) {
    guard !running else { return }
    startedAt = now
    running = true
  }
}
