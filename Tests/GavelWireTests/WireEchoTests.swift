// The wire-echo executable that conformance tools drive: it prints its URL, echoes, closes on
// request and exits 0 on SIGTERM.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("wire-echo executable")
struct WireEchoTests {
  /// Built next to the test bundle by `swift build --build-tests` (which `make test` runs).
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0])
    .deletingLastPathComponent().appendingPathComponent("wire-echo").path

  @Test(
    "prints its URL, echoes, closes with a requested code and exits 0 on SIGTERM",
    .enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
  func echoBinary() async throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = ["--max-message", "1000"]
    let stdout = Pipe()
    process.standardOutput = stdout
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    let line = try await offPool { () -> String in
      var bytes: [UInt8] = []
      while bytes.last != 0x0A {
        let chunk = stdout.fileHandleForReading.readData(ofLength: 1)
        if chunk.isEmpty { throw ClientError("wire-echo exited before printing its URL") }
        bytes += chunk
      }
      return String(decoding: bytes.dropLast(), as: UTF8.self)
    }
    #expect(line.hasPrefix("listening on http://127.0.0.1:"))
    let port = try #require(Int(line.split(separator: ":").last ?? ""))

    let (echo, binary, oversize, requested) = try await offPool {
      () -> (String, WSMessage, UInt16?, UInt16?) in
      let a = try WSClient(port: port, subprotocol: nil)
      try a.send(text: "hi")
      let echo = try a.receiveText()
      try a.sendFrame(opcode: 0x2, [0xff, 0x00])
      let binary = try a.receive()
      try a.send(text: String(repeating: "x", count: 1001))
      let oversize = try a.receiveUntilClose().code
      let b = try WSClient(port: port)
      try b.send(text: "close 4401")
      return (echo, binary, oversize, try b.receiveUntilClose().code)
    }
    #expect(echo == "hi")
    #expect(binary == .binary([0xff, 0x00]))
    #expect(oversize == 1009)
    #expect(requested == 4401)

    kill(process.processIdentifier, SIGTERM)
    try await offPool { process.waitUntilExit() }
    #expect(process.terminationStatus == 0)
  }
}
