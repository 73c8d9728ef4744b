// Closing: a custom code after the queued frames, and stop() closing everyone with 1001.
import Dispatch
import GavelWire
import Testing

@Suite("Wire closing")
struct CloseTests {
  @Test("close(4400) is delivered after the frames already queued")
  func customCode() async throws {
    let h = try Harness()
    let (client, id) = try await h.connect()
    for n in 1...3 { h.server.send(Frame(Array("f\(n)".utf8)), to: id) }
    h.server.close(id, code: 4400, reason: "no hello within 10 s")
    h.server.send(Frame(Array("late".utf8)), to: id)  // after the close: never sent
    let result = try await offPool { try client.receiveUntilClose() }
    #expect(result.messages == [.text(Array("f1".utf8)), .text(Array("f2".utf8)), .text(Array("f3".utf8))])
    #expect(result.code == 4400)
    #expect(result.reason == "no hello within 10 s")
    try await h.recorder.wait("closed") { $0.closed == [id] }
    await h.stop()
  }

  @Test("stop() closes every client with 1001 and returns")
  func stopClosesAll() async throws {
    let h = try Harness()
    var clients: [WSClient] = []
    for _ in 0..<3 { clients.append(try await h.connect().0) }
    let server = h.server
    async let stopped: Void = offPool { server.stop() }
    let codes = try await offPool { [clients] in try clients.map { try $0.receiveUntilClose().code } }
    try await stopped
    #expect(codes == [1001, 1001, 1001])
    #expect(h.recorder.record.closed.count == 3)
    #expect(h.server.stats.connectionsOpen == 0)
    // After stop everything is a harmless no-op.
    h.server.send(Frame([1]), to: 1)
    h.server.stop()
  }

  @Test("stop() returns after its grace period even if a client never answers the close")
  func stopGrace() async throws {
    let h = try Harness()
    let (silent, _) = try await h.connect()  // never reads, never answers
    let server = h.server
    let start = DispatchTime.now()
    try await offPool { server.stop(code: 1001, graceMs: 300) }
    let elapsedMs = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    #expect(elapsedMs < 3000)
    #expect(h.recorder.record.closed.count == 1)
    withExtendedLifetime(silent) {}
  }
}
