// Tamper evidence (invariant 9): whatever an attacker or a bad disk changes, verification names
// the first bad seq, and opening or loading the file refuses it.
import Foundation
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct TamperTests {
  /// A closed, checkpointed log of `count` events (no snapshots, so open checks the whole chain).
  func makeLog(_ dir: TemporaryDirectory, count: Int = 20) throws -> String {
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    try Fixture.fill(store, count: count)
    #expect(store.verify().isValid)
    return path
  }

  /// Verify names `seq`; open (which checks the chain) and load refuse the file.
  func expectBroken(_ path: String, at seq: Int64, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let report = try EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: false)).verify()
    #expect(report.firstBadSeq == seq, "\(report)", sourceLocation: sourceLocation)
    #expect(report.lastGoodSeq == seq - 1, sourceLocation: sourceLocation)
    do {
      let store = try EventStore(path: path)
      _ = try store.load()
      Issue.record("a broken log was opened and loaded", sourceLocation: sourceLocation)
    } catch {
      #expect(error.firstBadSeq == seq, "\(error)", sourceLocation: sourceLocation)
      #expect(error.message.contains(path), sourceLocation: sourceLocation)
    }
  }

  @Test func changingOnePayloadByteIsFound() throws {
    let dir = try TemporaryDirectory()
    let path = try makeLog(dir)
    let raw = try RawFile(path)
    try raw.dropEventTriggers()
    try raw.run("UPDATE events SET payload = replace(payload, 'Topic-8', 'Topic-9') WHERE seq = 8")
    try expectBroken(path, at: 8)
  }

  @Test func deletingARowIsFound() throws {
    let dir = try TemporaryDirectory()
    let path = try makeLog(dir)
    let raw = try RawFile(path)
    try raw.dropEventTriggers()
    try raw.run("DELETE FROM events WHERE seq = 5")
    try expectBroken(path, at: 5)
  }

  @Test func swappingTwoRowsIsFound() throws {
    let dir = try TemporaryDirectory()
    let path = try makeLog(dir)
    let raw = try RawFile(path)
    try raw.dropEventTriggers()
    try raw.run(
      "UPDATE events SET seq = -1 WHERE seq = 3; UPDATE events SET seq = 3 WHERE seq = 7; UPDATE events SET seq = 7 WHERE seq = -1"
    )
    try expectBroken(path, at: 3)
  }

  @Test func aRowSlippedInBeforeTheChainIsFound() throws {
    let dir = try TemporaryDirectory()
    let path = try makeLog(dir, count: 3)
    let raw = try RawFile(path)
    try raw.dropEventTriggers()
    try raw.run(
      "INSERT INTO events SELECT -1, at, actor_role, actor_seat, credential_id, command_id, name, version, payload, prev_hash, hash FROM events WHERE seq = 2"
    )
    let report = try EventStore(path: path, options: StoreOptions(readOnly: true)).verify()
    #expect(report.firstBadSeq == -1)
    #expect(report.eventCount == 3)
  }

  @Test func aFlippedBitInTheFileIsFound() throws {
    let dir = try TemporaryDirectory()
    let path = try makeLog(dir)  // closed: the WAL is checkpointed into the file
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let needle = Array(#""topic":"Topic-12""#.utf8)
    let offset = try #require(bytes.indices.first { bytes[$0...].starts(with: needle) })
    bytes[offset + needle.count - 2] ^= 0x01  // "Topic-12" becomes "Topic-13"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    try expectBroken(path, at: 12)
  }

  @Test func aTruncatedFileIsRefused() throws {
    let dir = try TemporaryDirectory()
    let path = try makeLog(dir, count: 300)
    let size = try Fixture.size(path)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: UInt64(size * 6 / 10))
    try handle.close()
    let report = try EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: false)).verify()
    let bad = try #require(report.firstBadSeq, "\(report)")
    #expect((1...300).contains(bad))
    #expect(report.lastGoodSeq == bad - 1)
    let error = try #require(throws: StoreError.self) { _ = try EventStore(path: path).load() }
    #expect(error.firstBadSeq == bad, "\(error)")
    #expect(error.message.contains(path))
  }

  @Test func anUndecodableEventIsNamedByVerifyAndRefusedByLoad() throws {
    let dir = try TemporaryDirectory()
    let path = try makeLog(dir, count: 4)
    // A row with a correct chain link but a payload this build cannot read (e.g. written by a
    // newer build, or forged with the hashes recomputed).
    let store = try EventStore(path: path)
    let payload = Array(#"{"x":1}"#.utf8)
    let canonical = HashChain.canonicalBytes(
      seq: 5, at: 9, actor: .chair, credentialId: nil, commandId: nil, name: "noSuchEvent", version: 1, payload: payload
    )
    let raw = try RawFile(path)
    let insert = try raw.db.statement(
      "INSERT INTO events (\(EventStore.eventColumns)) VALUES (5, 9, 'chair', NULL, NULL, NULL, 'noSuchEvent', 1, ?, ?, ?)"
    )
    insert.bindText(1, payload)
    insert.bindBlob(2, store.lastHash)
    insert.bindBlob(3, HashChain.link(prevHash: store.lastHash, canonical: canonical))
    try insert.run()
    let reopened = try EventStore(path: path)  // the chain itself is intact
    #expect(reopened.lastSeq == 5)
    let report = reopened.verify()
    #expect(report.firstBadSeq == 5)
    #expect(report.problem?.reason.contains("noSuchEvent") == true)
    #expect(throws: StoreError.self) { _ = try reopened.load() }
  }

  @Test func verifyOfASoundLogReportsItsEnd() throws {
    let dir = try TemporaryDirectory()
    let path = try makeLog(dir, count: 6)
    let store = try EventStore(path: path, options: StoreOptions(readOnly: true))
    let report = store.verify()
    #expect(report.isValid)
    #expect(report.eventCount == 6)
    #expect(report.lastGoodSeq == 6)
    #expect(report.lastGoodHash == store.lastHash)
    #expect(report.description.hasPrefix("ok: 6 events"))
  }
}
