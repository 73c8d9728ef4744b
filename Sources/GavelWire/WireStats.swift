// Transport counters: written on the lws thread, read from any thread, all atomics so reading
// them (e.g. for /metrics) never takes a lock the lws thread needs.
import Synchronization

/// A snapshot of the transport counters. Plain value, any thread.
public struct WireStats: Sendable, Equatable {
  public var connectionsOpen: Int
  public var framesSent: Int
  /// Writes to sockets (lws_write calls); `framesSent / writes` is the frames each write carried.
  public var writes: Int
  /// Message bytes written (frame headers not counted).
  public var bytesSent: Int
  /// Connections dropped with 4408 because their outbox overflowed.
  public var outboxDrops: Int
  /// Connections closed with 1009 because a message exceeded `maxMessageBytes`.
  public var oversizeCloses: Int
}

/// The live counters. Incremented on the lws thread, read anywhere.
final class WireCounters: Sendable {
  let connectionsOpen = Atomic<Int>(0)
  let framesSent = Atomic<Int>(0)
  let writes = Atomic<Int>(0)
  let bytesSent = Atomic<Int>(0)
  let outboxDrops = Atomic<Int>(0)
  let oversizeCloses = Atomic<Int>(0)

  /// Any thread.
  var snapshot: WireStats {
    WireStats(
      connectionsOpen: connectionsOpen.load(ordering: .relaxed),
      framesSent: framesSent.load(ordering: .relaxed),
      writes: writes.load(ordering: .relaxed),
      bytesSent: bytesSent.load(ordering: .relaxed),
      outboxDrops: outboxDrops.load(ordering: .relaxed),
      oversizeCloses: oversizeCloses.load(ordering: .relaxed))
  }

}
