// maxMessageBytes: an oversized message closes the connection with 1009, whether it arrives
// whole, fragmented, or compressed with permessage-deflate (libwebsockets-notes pitfall 4).
import Foundation
import GavelWire
import Testing

@Suite("Wire message size limit")
struct LimitTests {
  @Test("a message at the limit passes; one byte over closes with 1009")
  func plainLimit() async throws {
    let h = try Harness { $0.maxMessageBytes = 1000 }
    let (client, id) = try await h.connect()
    let (echo, close) = try await offPool { () -> (String, (messages: [WSMessage], code: UInt16?, reason: String)) in
      try client.send(text: String(repeating: "a", count: 1000))
      let echo = try client.receiveText()
      try client.send(text: String(repeating: "b", count: 1001))
      return (echo, try client.receiveUntilClose())
    }
    #expect(echo.count == 1000)
    #expect(close.code == 1009)
    #expect(close.messages.isEmpty)
    try await h.recorder.wait("closed") { $0.closed.contains(id) }
    #expect(h.recorder.record.received[id]?.count == 1)
    #expect(h.server.stats.oversizeCloses == 1)
    await h.stop()
  }

  @Test("fragments that add up past the limit close with 1009 and are never delivered")
  func fragmentedLimit() async throws {
    let h = try Harness { $0.maxMessageBytes = 1000 }
    let (client, id) = try await h.connect()
    let close = try await offPool { () -> UInt16? in
      let part = [UInt8](repeating: 0x61, count: 400)
      try client.sendFrame(opcode: 0x1, part, fin: false)
      try client.sendFrame(opcode: 0x0, part, fin: false)
      try client.sendFrame(opcode: 0x0, part, fin: true)
      return try client.receiveUntilClose().code
    }
    #expect(close == 1009)
    try await h.recorder.wait("closed") { $0.closed.contains(id) }
    #expect(h.recorder.record.received[id] == nil)
    await h.stop()
  }

  @Test("with permessage-deflate: a large compressed message inside the limit is intact, one past it closes with 1009")
  func deflateLimit() async throws {
    let h = try Harness { $0.maxMessageBytes = 65536 }
    let output = try await Python.run(Python.deflateScript, arguments: ["\(h.port)"])
    #expect(output.contains("ext permessage-deflate"), "\(output)")
    #expect(output.contains("echo-ok 60000"), "\(output)")
    #expect(output.contains("closed 1009"), "\(output)")
    #expect(!output.contains("unexpected"), "\(output)")
    // Nothing corrupted reached the handler: only the in-limit messages, whole.
    try await h.recorder.wait("closed") { $0.closed.count == 1 }
    let delivered = h.recorder.record.received.values.flatMap { $0 }.map(\.count)
    #expect(delivered == [5, 60000])
    #expect(h.server.stats.oversizeCloses == 1)
    await h.stop()
  }
}

/// Runs Debian's python3 with python-websockets as a subprocess (a real, independent client).
enum Python {
  static func run(_ script: String, arguments: [String], seconds: Double = 60) async throws -> String {
    try await offPool {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
      process.arguments = ["-c", script] + arguments
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = pipe
      try process.run()
      let killer = DispatchWorkItem { process.terminate() }
      DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      killer.cancel()
      return String(decoding: data, as: UTF8.self)
    }
  }

  /// Offers permessage-deflate (python-websockets' default), round-trips a small and a 60000
  /// byte compressible message, then sends 200000 bytes (≈200 bytes compressed).
  static let deflateScript = #"""
    import asyncio, sys, websockets
    async def main(port):
        async with websockets.connect(f"ws://127.0.0.1:{port}/ws", subprotocols=["gavel.v1"], max_size=None) as ws:
            print("ext", ws.response_headers.get("Sec-WebSocket-Extensions") or "none", flush=True)
            await ws.send("small")
            print("echo", await asyncio.wait_for(ws.recv(), 10), flush=True)
            big = "a" * 60000
            got = await asyncio.wait_for(_roundtrip(ws, big), 10)
            print("echo-ok" if got == big else "echo-bad", len(got), flush=True)
            await ws.send("b" * 200000)
            try:
                m = await asyncio.wait_for(ws.recv(), 10)
                print("unexpected message", len(m), flush=True)
            except websockets.ConnectionClosed as e:
                print("closed", e.rcvd.code if e.rcvd else "none", flush=True)
    async def _roundtrip(ws, text):
        await ws.send(text)
        return await ws.recv()
    asyncio.run(main(sys.argv[1]))
    """#
}
