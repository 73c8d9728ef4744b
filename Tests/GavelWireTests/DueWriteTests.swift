// Frames handed over are written in the same turn of the event loop (DueWrites.swift: lws is
// told the socket is writable). When the socket takes only part of a write, or none of it, lws
// keeps the rest and must send it before anything written later: a reader that lags behind
// large frames, each handed over on its own, still gets every byte in order.
import Foundation
import GavelWire
import Testing

@Suite("Wire writes in the turn they are due")
struct DueWriteTests {
  static func frame(_ n: Int, bytes: Int) -> [UInt8] {
    let head = Array(String(format: "%08d", n).utf8)
    return head + [UInt8](repeating: UInt8(ascii: "a") + UInt8(n % 26), count: bytes - head.count)
  }

  @Test("large frames handed over one by one to a lagging reader arrive whole and in order")
  func partialWritesKeepOrder() async throws {
    let h = try Harness({ $0.outboxLimit = 200 }, recorder: Recorder(echo: false))
    let (client, id) = try await h.connect(receiveBufferBytes: 4096)
    let frameCount = 80
    let frameBytes = 100_000  // 8 MB in all: more than the socket buffers hold, so writes split
    for n in 0..<frameCount { h.server.send(Frame(Self.frame(n, bytes: frameBytes)), to: id) }
    let received = try await offPool { try (0..<frameCount).map { _ in try client.receive() } }
    for (n, message) in received.enumerated() {
      #expect(message == .text(Self.frame(n, bytes: frameBytes)), "frame \(n)")
    }
    #expect(h.server.stats.framesSent == frameCount)
    #expect(h.server.stats.outboxDrops == 0)
    await h.stop()
  }

  @Test("frames for many connections in one hand-over reach each, in order, one write apiece")
  func oneHandOverManyConnections() async throws {
    let h = try Harness({ $0.outboxLimit = 100 }, recorder: Recorder(echo: false))
    var clients: [WSClient] = []
    var ids: [ConnectionID] = []
    for _ in 0..<10 {
      let (client, id) = try await h.connect()
      clients.append(client)
      ids.append(id)
    }
    var batch = WireBatch()
    for n in 0..<5 { batch.send(Frame(Array("f\(n)".utf8)), to: ids) }
    h.server.send(batch)
    for client in clients {
      let texts = try await offPool { try (0..<5).map { _ in try client.receiveText() } }
      #expect(texts == ["f0", "f1", "f2", "f3", "f4"])
    }
    #expect(h.server.stats.framesSent == 50)
    #expect(h.server.stats.writes == 10, "five frames per connection, one write each")
    await h.stop()
  }

  @Test("a fan-out and the sender's ack in one hand-over: everyone gets the event, the sender then its ack, one write apiece")
  func fanOutWithAck() async throws {
    let h = try Harness({ $0.outboxLimit = 100 }, recorder: Recorder(echo: false))
    var clients: [WSClient] = []
    var ids: [ConnectionID] = []
    for _ in 0..<12 {  // more than a few: the event is a fan-out, written connection by connection
      let (client, id) = try await h.connect()
      clients.append(client)
      ids.append(id)
    }
    var batch = WireBatch()
    batch.send(Frame(Array("event".utf8)), to: ids)
    batch.send(Frame(Array("ack".utf8)), to: [ids[5]])
    h.server.send(batch)
    for (n, client) in clients.enumerated() {
      let expected = n == 5 ? ["event", "ack"] : ["event"]
      let texts = try await offPool { try expected.map { _ in try client.receiveText() } }
      #expect(texts == expected, "client \(n)")
    }
    #expect(h.server.stats.framesSent == 13)
    #expect(h.server.stats.writes == 12, "the sender's event and ack leave in one write")
    await h.stop()
  }
}
