// Failure injection: disk full, read-only, busy, a statement failing mid-batch. Each time the
// whole batch rolls back, `append` throws, the in-memory end of the log is unchanged, nothing
// unacknowledged is on disk, nothing acknowledged is missing, and appends resume afterwards.
import CSQLite
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct FailureTests {
  /// Runs a failing append and checks the store is exactly where it was.
  func expectFailedAppend(
    _ store: EventStore, _ batch: [AppendRequest], code: Int32, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let (seq, hash) = (store.lastSeq, store.lastHash)
    do {
      _ = try store.append(batch)
      Issue.record("append succeeded", sourceLocation: sourceLocation)
    } catch {
      #expect(error.primaryCode == code, "\(error)", sourceLocation: sourceLocation)
      if code != 0 { #expect(error.sql != nil, "the error names the SQL", sourceLocation: sourceLocation) }
    }
    #expect(store.lastSeq == seq, sourceLocation: sourceLocation)
    #expect(store.lastHash == hash, sourceLocation: sourceLocation)
  }

  /// The file holds exactly the acknowledged events, in a sound chain.
  func expectOnDisk(_ path: String, _ acknowledged: [Event], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let store = try EventStore(path: path, options: StoreOptions(readOnly: true))
    #expect(store.verify().isValid, sourceLocation: sourceLocation)
    #expect(try Fixture.events(store) == acknowledged, sourceLocation: sourceLocation)
  }

  func big(_ i: Int) -> Event { Event(AgendaSet(topic: String(repeating: "x", count: 20_000) + "\(i)", at: Int64(i))) }

  @Test func diskFullRollsBackAndAppendsResumeWhenSpaceReturns() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    try Fixture.fill(store, count: 5)
    var acknowledged = (1...5).map(Fixture.event)
    let pages = try store.db.integer("PRAGMA page_count")
    try store.db.execute("PRAGMA max_page_count = \(pages + 2)")
    let batch = (6...9).map { Fixture.request([big($0)], command: "big-\($0)") }
    expectFailedAppend(store, batch, code: SQLITE_FULL)
    try expectOnDisk(path, acknowledged)
    #expect(try store.outcome(credentialId: 1, commandId: "big-6") == nil)

    try store.db.execute("PRAGMA max_page_count = 1000000")
    let results = try store.append(batch)
    #expect(results.map(\.outcome) == (6...9).map { .accepted(seq: Int64($0)) })
    acknowledged += (6...9).map(big)
    try expectOnDisk(path, acknowledged)
  }

  @Test func readOnlyRollsBackAndAppendsResumeWhenWritable() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    try Fixture.fill(store, count: 3)
    try store.db.execute("PRAGMA query_only = 1")
    expectFailedAppend(store, [Fixture.request([Fixture.event(4)], command: "c-4")], code: SQLITE_READONLY)
    try store.db.execute("PRAGMA query_only = 0")
    try Fixture.fill(store, count: 1)
    try expectOnDisk(path, (1...4).map(Fixture.event))

    // A store opened with SQLITE_OPEN_READONLY can read but never write.
    let reader = try EventStore(path: path, options: StoreOptions(readOnly: true))
    #expect(reader.lastSeq == 4)
    expectFailedAppend(reader, [Fixture.request([Fixture.event(5)], command: "c-5")], code: SQLITE_READONLY)
    #expect(throws: StoreError.self) { _ = try reader.issueCredential(role: .chair, seat: nil, label: "x", at: 1) }
  }

  @Test func busyRollsBackAndAppendsResumeWhenTheLockIsReleased() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path, options: StoreOptions(busyTimeoutMs: 10))
    try Fixture.fill(store, count: 2)
    let other = try RawFile(path, busyTimeoutMs: 10)
    try other.run("BEGIN IMMEDIATE")
    expectFailedAppend(store, [Fixture.request([Fixture.event(3)], command: "c-3")], code: SQLITE_BUSY)
    try other.run("ROLLBACK")
    try Fixture.fill(store, count: 1)
    try expectOnDisk(path, (1...3).map(Fixture.event))
  }

  @Test func aFailureMidBatchWritesNothingOfTheBatch() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    try Fixture.fill(store, count: 2)
    let other = try RawFile(path)
    try other.run(
      "CREATE TRIGGER boom BEFORE INSERT ON outcomes WHEN NEW.command_id = 'boom' BEGIN SELECT RAISE(ABORT, 'injected'); END"
    )
    let batch = [
      Fixture.request([Fixture.event(3)], command: "ok"),
      Fixture.request([Fixture.event(4)], command: "boom"),
      Fixture.request([Fixture.event(5)], command: "after"),
    ]
    expectFailedAppend(store, batch, code: SQLITE_CONSTRAINT)
    #expect(try store.outcome(credentialId: 1, commandId: "ok") == nil)
    try expectOnDisk(path, (1...2).map(Fixture.event))
    try other.run("DROP TRIGGER boom")
    #expect(try store.append(batch).map(\.outcome) == [.accepted(seq: 3), .accepted(seq: 4), .accepted(seq: 5)])
    try expectOnDisk(path, (1...5).map(Fixture.event))
  }

  @Test func anotherWriterIsDetectedInsteadOfForkingTheChain() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let first = try EventStore(path: path)
    let second = try EventStore(path: path)
    try Fixture.fill(first, count: 1)
    expectFailedAppend(second, [Fixture.request([Fixture.event(9)], command: "x")], code: 0)
    try expectOnDisk(path, [Fixture.event(1)])
  }
}
