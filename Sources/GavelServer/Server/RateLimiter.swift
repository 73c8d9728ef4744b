// Per-connection token bucket (limits.commandsPerSecond, limits.commandBurst): a flooding
// client gets `rate_limited` rejects and slows nobody else.

struct TokenBucket: Sendable {
  let ratePerSecond: Double
  let burst: Double
  private var tokens: Double
  private var last: Double

  init(ratePerSecond: Int, burst: Int, now: Double) {
    self.ratePerSecond = Double(max(ratePerSecond, 1))
    self.burst = Double(max(burst, 1))
    self.tokens = Double(max(burst, 1))
    self.last = now
  }

  /// Takes one token if there is one. `now` is monotonic seconds.
  mutating func take(now: Double) -> Bool {
    tokens = min(burst, tokens + max(0, now - last) * ratePerSecond)
    last = now
    guard tokens >= 1 else { return false }
    tokens -= 1
    return true
  }
}
