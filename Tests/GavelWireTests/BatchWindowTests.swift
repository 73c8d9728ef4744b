// `Delivery.batched`: frames that may wait are held until the batch window ends and then go
// out together, in order, in one write; a prompt frame queued behind them takes them along at
// once; a connection that goes away while held is skipped.
import Dispatch
import GavelWire
import Testing

@Suite("Wire batch window")
struct BatchWindowTests {
  static func text(_ n: Int) -> Frame { Frame(Array("frame \(n)".utf8)) }
  static func expected(_ range: Range<Int>) -> [WSMessage] { range.map { .text(Array("frame \($0)".utf8)) } }

  /// The counters once `frames` more frames than in `before` are counted (the client can read
  /// a write before the lws thread, back from lws_write, has counted it).
  static func stats(_ server: WireServer, after before: WireStats, frames: Int) async throws -> WireStats {
    for _ in 0..<1000 {
      let now = server.stats
      if now.framesSent - before.framesSent >= frames { return now }
      try await Task.sleep(for: .milliseconds(5))
    }
    return server.stats
  }

  @Test("batched frames wait for the window, then arrive in order in one write")
  func heldThenOneWrite() async throws {
    let h = try Harness { $0.batchWindowMs = 300 }
    let (client, id) = try await h.connect()
    let before = h.server.stats
    for n in 0..<100 { h.server.send(Self.text(n), to: [id], delivery: .batched) }
    let received = try await offPool { try (0..<100).map { _ in try client.receive() } }
    #expect(received == Self.expected(0..<100))
    let after = try await Self.stats(h.server, after: before, frames: 100)
    #expect(after.framesSent - before.framesSent == 100)
    #expect(after.writes - before.writes == 1)
    await h.stop()
  }

  @Test("a prompt frame takes the held frames along without waiting for the window")
  func promptFlushesHeld() async throws {
    let h = try Harness { $0.batchWindowMs = 1000 }
    let (client, id) = try await h.connect()
    let before = h.server.stats
    let sent = DispatchTime.now()
    for n in 0..<20 { h.server.send(Self.text(n), to: [id], delivery: .batched) }
    h.server.send(Self.text(20), to: id)
    let received = try await offPool { try (0..<21).map { _ in try client.receive() } }
    let waitedMs = (DispatchTime.now().uptimeNanoseconds - sent.uptimeNanoseconds) / 1_000_000
    #expect(received == Self.expected(0..<21))
    #expect(try await Self.stats(h.server, after: before, frames: 21).writes - before.writes == 1)
    #expect(waitedMs < 900, "the held frames left with the prompt one, not at the window's end")
    await h.stop()
  }

  @Test("a connection that closes while held is skipped; the others still get their frames")
  func closedWhileHeld() async throws {
    let h = try Harness { $0.batchWindowMs = 200 }
    let (leaving, leavingId) = try await h.connect()
    let (staying, stayingId) = try await h.connect()
    h.server.send(Self.text(0), to: [leavingId, stayingId], delivery: .batched)
    leaving.abort()
    _ = try await h.recorder.wait("the leaving connection closed") { $0.closed.contains(leavingId) }
    h.server.send(Self.text(1), to: [stayingId], delivery: .batched)
    let received = try await offPool { try (0..<2).map { _ in try staying.receive() } }
    #expect(received == Self.expected(0..<2))
    await h.stop()
  }
}
