// A connection without extensions gets every queued frame that fits in one write, framed by
// GavelWire itself (RFC 6455 §5.2): lengths on both sides of the 7-bit, 16-bit and 64-bit
// encodings, text and binary, more than one write's worth, must arrive whole and in order.
// A permessage-deflate client takes the one-message-per-write path and must see the same.
import Foundation
import GavelWire
import Testing

@Suite("Wire batched writes")
struct BatchedWriteTests {
  static let sizes = [0, 1, 125, 126, 127, 65535, 65536, 70_000, 2, 125, 126, 3] + Array(repeating: 300, count: 500)

  static func frame(_ index: Int, _ size: Int) -> Frame {
    let byte = UInt8(ascii: "a") + UInt8(index % 26)
    return Frame(Array(repeating: byte, count: size), binary: index % 3 == 1)
  }

  @Test("queued frames of every length encoding arrive whole, in order, with their opcodes")
  func lengthsAndOpcodes() async throws {
    let h = try Harness { $0.outboxLimit = 1000 }
    let (client, id) = try await h.connect()
    for (index, size) in Self.sizes.enumerated() { h.server.send(Self.frame(index, size), to: id) }
    let received = try await offPool { try Self.sizes.indices.map { _ in try client.receive() } }
    for (index, size) in Self.sizes.enumerated() {
      let bytes = Self.frame(index, size).bytes
      #expect(received[index] == (index % 3 == 1 ? .binary(bytes) : .text(bytes)), "frame \(index) of \(size) bytes")
    }
    #expect(h.server.stats.framesSent == Self.sizes.count)
    #expect(h.server.stats.bytesSent == Self.sizes.reduce(0, +))
    await h.stop()
  }

  @Test("a permessage-deflate client gets the same burst, one message per write")
  func deflateClient() async throws {
    let h = try Harness({ $0.outboxLimit = 1000 }, recorder: Recorder(echo: false))
    let server = h.server
    async let output = Python.run(Self.burstScript, arguments: ["\(h.port)"])
    let record = try await h.recorder.wait("burst request") { !$0.received.isEmpty }
    let id = try #require(record.received.keys.first)
    for n in 0..<200 { server.send(Frame(Array("\(n)".utf8)), to: id) }
    let printed = try await output
    #expect(printed.contains("ext permessage-deflate"), "\(printed)")
    #expect(printed.contains("got 200 in order"), "\(printed)")
    await h.stop()
  }

  /// Sends "burst", then reads 200 messages and checks their order ("0" … "199").
  static let burstScript = #"""
    import asyncio, sys, websockets
    async def main(port):
        async with websockets.connect(f"ws://127.0.0.1:{port}/ws", subprotocols=["gavel.v1"], max_size=None) as ws:
            print("ext", ws.response_headers.get("Sec-WebSocket-Extensions") or "none", flush=True)
            await ws.send("burst")
            got = [await asyncio.wait_for(ws.recv(), 10) for _ in range(200)]
            print("got", len(got), "in order" if got == [str(i) for i in range(200)] else "out of order", flush=True)
    asyncio.run(main(sys.argv[1]))
    """#
}
