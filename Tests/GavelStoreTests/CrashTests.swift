// Invariant 1 under SIGKILL: a child process appends in a loop and reports each acknowledged
// seq; the test kills it at random moments (8 rounds, 50 with GAVEL_LONG_TESTS=1) and then finds
// every acknowledged seq on disk, the chain intact, and the next append continuing it.
import Foundation
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct CrashTests {
  static var rounds: Int { ProcessInfo.processInfo.environment["GAVEL_LONG_TESTS"] == "1" ? 50 : 8 }

  /// An executable built next to the test binary (`swift build --build-tests` builds them all).
  static func sibling(_ name: String) throws -> String {
    let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let dir = URL(fileURLWithPath: me).deletingLastPathComponent()
    let candidates = [dir, dir.deletingLastPathComponent()].map { $0.appendingPathComponent(name).path }
    return try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
      "\(name) not built; run `swift build --build-tests`")
  }

  /// Reads `ack N` lines from the child's stdout: blocks until `count` more arrived, or to EOF.
  final class AckReader {
    let fd: Int32
    var buffer: [UInt8] = []
    var acks: [Int64] = []
    var atEOF = false

    init(_ fd: Int32) { self.fd = fd }

    func read(untilCount target: Int?) {
      var chunk = [UInt8](repeating: 0, count: 4096)
      while !atEOF, target.map({ acks.count < $0 }) ?? true {
        let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
        if n <= 0 {
          atEOF = true
          break
        }
        buffer += chunk[0..<n]
        while let newline = buffer.firstIndex(of: 10) {
          let line = String(decoding: buffer[..<newline], as: UTF8.self)
          buffer.removeSubrange(...newline)
          if line.hasPrefix("ack "), let seq = Int64(line.dropFirst(4)) { acks.append(seq) }
        }
      }
    }
  }

  @Test func aKilledWriterLosesNothingItAcknowledged() throws {
    let child = try Self.sibling("gavel-store-crash-child")
    let dir = try TemporaryDirectory()
    let path = dir.file("crash.gavel")
    var acknowledged: Set<Int64> = []
    for round in 0..<Self.rounds {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: child)
      process.arguments = [path]
      let stdout = Pipe()
      let stderr = Pipe()
      process.standardOutput = stdout
      process.standardError = stderr
      try process.run()
      let reader = AckReader(stdout.fileHandleForReading.fileDescriptor)
      // Random moments: right at start (during open or migration), or after a few commits.
      let target = round == 0 ? 0 : Int.random(in: 0...30)
      reader.read(untilCount: target)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      reader.read(untilCount: nil)  // acks written before the kill are still in the pipe
      if reader.acks.count < target {
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        Issue.record("round \(round): the child stopped early: \(errors)")
        return
      }
      #expect(process.terminationReason == .uncaughtSignal, "round \(round)")
      acknowledged.formUnion(reader.acks)

      let store = try EventStore(path: path, options: StoreOptions(snapshotEvery: 7))  // verifies the tail
      let report = store.verify()
      #expect(report.isValid, "round \(round): \(report)")
      let rows = try store.events(after: 0, limit: .max)
      #expect(rows.map(\.seq) == Array(0..<Int64(rows.count)).map { $0 + 1 }, "round \(round)")
      let present = Set(rows.map(\.seq))
      #expect(acknowledged.isSubset(of: present), "round \(round): lost \(acknowledged.subtracting(present).sorted())")
      let state = try store.load()
      #expect(state == replay(try rows.map { try $0.decode() }), "round \(round)")

      // The next append continues the chain where the crash left it.
      let (seq, hash) = (store.lastSeq, store.lastHash)
      let next = try store.append([Fixture.request([Fixture.event(0)], command: "after-\(round)")])
      #expect(next[0].events.map(\.seq) == [seq + 1])
      #expect(next[0].events.first?.prevHash == hash)
      acknowledged.insert(seq + 1)
    }
    #expect(acknowledged.count > Self.rounds)
  }
}
