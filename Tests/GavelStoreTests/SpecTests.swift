// docs/event-log.md is the file format's specification: its independent Python verifier must
// accept a log this build wrote and reject one with a changed byte, or the two have drifted.
import Foundation
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct SpecTests {
  static let python = "/usr/bin/python3"

  /// The ```python block of docs/event-log.md.
  static func verifierScript() throws -> String {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let doc = try String(contentsOf: repo.appendingPathComponent("docs/event-log.md"), encoding: .utf8)
    let start = try #require(doc.range(of: "```python\n"))
    let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
    return String(doc[start.upperBound..<end.lowerBound])
  }

  static func runVerifier(_ script: String, _ path: String) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script, path]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python)))
  func theDocumentedVerifierAgreesWithTheStore() throws {
    let script = try Self.verifierScript()
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let hash: [UInt8]
    do {
      let store = try EventStore(path: path)
      try Fixture.fill(store, count: 9)
      _ = try store.append([
        AppendRequest(
          actor: .system, at: -5, credentialId: nil, commandId: nil, events: [Fixture.event(10)], rejection: nil)
      ])
      hash = store.lastHash
    }
    let (status, text) = try Self.runVerifier(script, path)
    #expect(status == 0, "\(text)")
    #expect(text == "ok: 10 events, last hash \(Digest.hex(hash))\n")

    let raw = try RawFile(path)
    try raw.dropEventTriggers()
    try raw.run("UPDATE events SET command_id = 'c-x' WHERE seq = 6")
    let (badStatus, badText) = try Self.runVerifier(script, path)
    #expect(badStatus != 0)
    #expect(badText.contains("bad at seq 6"))
  }
}
