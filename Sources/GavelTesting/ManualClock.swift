// A clock that moves only when a test moves it: the core never reads a clock, so every `now`
// in a scenario comes from here.

public struct ManualClock: Sendable, Hashable {
  /// 2025-11-29T16:00:00Z, a fixed and readable start for every scenario.
  public static let epoch: Int64 = 1_764_432_000_000

  public private(set) var now: Int64

  public init(now: Int64 = ManualClock.epoch) { self.now = now }

  public mutating func advance(by ms: Int64) {
    precondition(ms >= 0, "a clock does not go back")
    now += ms
  }

  public mutating func set(_ time: Int64) {
    precondition(time >= now, "a clock does not go back")
    now = time
  }
}

/// SplitMix64: a tiny seeded generator, so property tests are reproducible without a dependency.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
