// The result of a full verification: how far the log is sound and where it first is not.

public struct VerificationReport: Sendable, Equatable, CustomStringConvertible {
  public struct Problem: Sendable, Equatable {
    /// The first seq that is wrong (missing, altered, out of place or undecodable).
    public let seq: Int64
    public let reason: String
  }

  /// Event rows read (up to the first problem).
  public let eventCount: Int
  /// The last seq whose chain and payload check out.
  public let lastGoodSeq: Int64
  /// The chain hash at `lastGoodSeq` (32 zero bytes for an empty log).
  public let lastGoodHash: [UInt8]
  /// Nil when the whole log is sound.
  public let problem: Problem?

  public var isValid: Bool { problem == nil }
  public var firstBadSeq: Int64? { problem?.seq }

  public var description: String {
    if let problem {
      return "bad: \(eventCount) events read; first problem at seq \(problem.seq): \(problem.reason)"
    }
    return
      "ok: \(eventCount) events, chain intact, every event decodable (last seq \(lastGoodSeq), hash \(Digest.hex(lastGoodHash)))"
  }
}
