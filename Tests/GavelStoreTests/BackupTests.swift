// Backup (SQLite's online backup API): a copy taken beside a live writer in another process
// holds every event acknowledged before it started, verifies, and stands alone (no -wal); a
// destination that exists is never overwritten; the copy opens as a log that continues its chain.
import Foundation
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct BackupTests {
  @Test func copyOfAnOpenStoreHoldsTheWALAndStandsAlone() throws {
    let dir = try TemporaryDirectory()
    let source = dir.file("unsc.gavel")
    let writer = try EventStore(path: source)
    try Fixture.fill(writer, count: 40)  // still in the WAL: the writer is open, nothing checkpointed
    let report = try Backup.copy(from: source, to: dir.file("copy.gavel"))
    #expect(report.lastSeq == 40)
    #expect(report.destination == dir.file("copy.gavel"))
    #expect(report.pages > 0)
    #expect(!FileManager.default.fileExists(atPath: dir.file("copy.gavel-wal")))
    let copy = try EventStore(path: dir.file("copy.gavel"), options: StoreOptions(readOnly: true))
    #expect(try Fixture.events(copy) == Fixture.events(writer))
    #expect(copy.verify().isValid)
    #expect(copy.lastHash == writer.lastHash)
  }

  @Test func aFolderDestinationKeepsTheFileName() throws {
    let dir = try TemporaryDirectory()
    let source = dir.file("ga-first.gavel")
    try Fixture.fill(try EventStore(path: source), count: 3)
    try FileManager.default.createDirectory(atPath: dir.file("backups"), withIntermediateDirectories: false)
    let report = try Backup.copy(from: source, to: dir.file("backups"))
    #expect(report.destination == dir.file("backups/ga-first.gavel"))
    #expect(report.lastSeq == 3)
  }

  @Test func anExistingDestinationOrStaleWALIsRefusedAndLeftAlone() throws {
    let dir = try TemporaryDirectory()
    let source = dir.file("unsc.gavel")
    try Fixture.fill(try EventStore(path: source), count: 2)
    for name in ["taken.gavel", "stale.gavel-wal"] {
      FileManager.default.createFile(atPath: dir.file(name), contents: Data("keep".utf8))
    }
    for (dest, blocker) in [("taken.gavel", "taken.gavel"), ("stale.gavel", "stale.gavel-wal")] {
      #expect {
        try Backup.copy(from: source, to: dir.file(dest))
      } throws: { error in
        (error as? StoreError)?.message.contains("\(dir.file(blocker)) already exists") == true
      }
      #expect(FileManager.default.contents(atPath: dir.file(blocker)) == Data("keep".utf8))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") }.isEmpty)
  }

  @Test func aMissingSourceNamesTheFile() throws {
    let dir = try TemporaryDirectory()
    #expect {
      try Backup.copy(from: dir.file("nope.gavel"), to: dir.file("copy.gavel"))
    } throws: { error in
      (error as? StoreError)?.message.hasPrefix("no such file: \(dir.file("nope.gavel"))") == true
    }
  }

  /// A writer in another process commits all the time; each copy is a consistent snapshot that
  /// holds at least every event acknowledged before the copy began.
  @Test func copiesBesideALiveWriterInAnotherProcess() throws {
    let dir = try TemporaryDirectory()
    let source = dir.file("live.gavel")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try CrashTests.sibling("gavel-store-crash-child"))
    process.arguments = [source, "1"]
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = Pipe()
    try process.run()
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    let acks = CrashTests.AckReader(stdout.fileHandleForReading.fileDescriptor)
    for round in 1...5 {
      acks.read(untilCount: round * 20)
      let acknowledged = try #require(acks.acks.last)
      let report = try Backup.copy(from: source, to: dir.file("copy-\(round).gavel"))
      #expect(report.lastSeq >= acknowledged, "round \(round)")
      let copy = try EventStore(path: dir.file("copy-\(round).gavel"), options: StoreOptions(readOnly: true))
      #expect(copy.verify().isValid, "round \(round)")
      #expect(try copy.events(after: 0, limit: .max).map(\.seq) == Array(1...report.lastSeq), "round \(round)")
    }
  }

  /// A restored copy is an ordinary log: a writer opens it (back to WAL) and continues the chain.
  @Test func aRestoredCopyContinuesTheChain() throws {
    let dir = try TemporaryDirectory()
    let source = dir.file("unsc.gavel")
    let original = try EventStore(path: source)
    try Fixture.fill(original, count: 12)
    try Backup.copy(from: source, to: dir.file("backup.gavel"))
    try FileManager.default.createDirectory(atPath: dir.file("elsewhere"), withIntermediateDirectories: false)
    let restored = try Backup.copy(from: dir.file("backup.gavel"), to: dir.file("elsewhere/unsc.gavel"))
    let store = try EventStore(path: restored.destination)
    #expect(store.lastSeq == 12)
    #expect(store.lastHash == original.lastHash)
    let next = try Fixture.fill(store, count: 1)
    #expect(next[0].events.first?.prevHash == original.lastHash)
    #expect(store.verify().isValid)
  }
}
