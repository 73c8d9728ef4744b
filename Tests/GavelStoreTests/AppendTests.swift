// Append: group commit, the hash chain as specified in docs/event-log.md, idempotent outcomes,
// and the append-only triggers.
import CSQLite
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct AppendTests {
  @Test func appendedEventsSurviveReopenAndReplayToTheSameState() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let expected: CommitteeState
    let hash: [UInt8]
    do {
      let store = try EventStore(path: path)
      #expect(store.lastSeq == 0)
      #expect(store.lastHash == [UInt8](repeating: 0, count: 32))
      let results = try Fixture.fill(store, count: 10)
      #expect(results.map(\.outcome) == (1...10).map { .accepted(seq: Int64($0)) })
      #expect(store.lastSeq == 10)
      expected = replay((1...10).map(Fixture.event))
      #expect(try store.load() == expected)
      hash = store.lastHash
    }
    let reopened = try EventStore(path: path)
    #expect(reopened.lastSeq == 10)
    #expect(reopened.lastHash == hash)
    #expect(try reopened.load() == expected)
    #expect(try Fixture.events(reopened) == (1...10).map(Fixture.event))
  }

  @Test func chainHashIsSHA256OfPrevHashAndDocumentedCanonicalBytes() throws {
    let dir = try TemporaryDirectory()
    let store = try EventStore(path: dir.file("c.gavel"))
    let request = AppendRequest(
      actor: .delegate("FRA"), at: 1_764_432_000_123, credentialId: 7, commandId: "c-1",
      events: [Event(AgendaSet(topic: "Climate", at: 5))], rejection: nil)
    let row = try #require(try store.append([request]).first?.events.first)
    #expect(row.payload == Array(#"{"at":5,"topic":"Climate"}"#.utf8))
    // The byte layout written out by hand, as docs/event-log.md specifies it.
    func int(_ v: Int64) -> [UInt8] {
      (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(bitPattern: v) >> UInt64($0 * 8)) }
    }
    func str(_ s: String) -> [UInt8] {
      let b = Array(s.utf8); return [0, 0, UInt8(b.count >> 8), UInt8(b.count & 255)] + b
    }
    let canonical =
      Array("gavel.event.v1".utf8) + int(1) + int(1_764_432_000_123) + str("delegate") + [1] + str("FRA")
      + [1] + int(7) + [1] + str("c-1") + str("agendaSet") + int(1) + str(#"{"at":5,"topic":"Climate"}"#)
    #expect(row.canonicalBytes == canonical)
    #expect(row.prevHash == [UInt8](repeating: 0, count: 32))
    #expect(row.hash == Digest.sha256([UInt8](repeating: 0, count: 32) + canonical))
    #expect(store.lastHash == row.hash)
  }

  @Test func oneBatchHoldsManyCommandsRejectionsAndNoOps() throws {
    let dir = try TemporaryDirectory()
    let store = try EventStore(path: dir.file("c.gavel"))
    let rejection = Rejection(.wrongState, "No vote is open.")
    let results = try store.append([
      Fixture.request([Fixture.event(1), Fixture.event(2)], command: "a"),
      AppendRequest(actor: .delegate("FRA"), at: 2, credentialId: 2, commandId: "b", events: [], rejection: rejection),
      Fixture.request([], command: "noop"),
      AppendRequest(
        actor: .system, at: 3, credentialId: nil, commandId: nil, events: [Fixture.event(3)], rejection: nil),
    ])
    #expect(results.map(\.outcome) == [.accepted(seq: 2), .rejected(rejection), .accepted(seq: 2), .accepted(seq: 3)])
    #expect(results.map(\.events.count) == [2, 0, 0, 1])
    #expect(results[3].events[0].actor == .system)
    #expect(results[3].events[0].credentialId == nil)
    #expect(try store.outcome(credentialId: 1, commandId: "a") == .accepted(seq: 2))
    #expect(try store.outcome(credentialId: 2, commandId: "b") == .rejected(rejection))
    #expect(try store.outcome(credentialId: 1, commandId: "noop") == .accepted(seq: 2))
    #expect(try store.outcome(credentialId: 2, commandId: "a") == nil)
  }

  @Test func retriedCommandIdReturnsTheFirstOutcomeAndWritesNothing() throws {
    let dir = try TemporaryDirectory()
    let store = try EventStore(path: dir.file("c.gavel"))
    let first = try store.append([Fixture.request([Fixture.event(1)], command: "x")])
    let retried = try store.append([
      Fixture.request([Fixture.event(2)], command: "x"),
      Fixture.request([Fixture.event(3)], command: "y"),
      Fixture.request([Fixture.event(4)], command: "y"),
    ])
    #expect(first[0].outcome == .accepted(seq: 1))
    #expect(retried.map(\.outcome) == [.accepted(seq: 1), .accepted(seq: 2), .accepted(seq: 2)])
    #expect(retried.map(\.isReplay) == [true, false, true])
    #expect(store.lastSeq == 2)
    #expect(try Fixture.events(store) == [Fixture.event(1), Fixture.event(3)])
  }

  @Test func eventsAfterPagesThroughTheLog() throws {
    let dir = try TemporaryDirectory()
    let store = try EventStore(path: dir.file("c.gavel"))
    try Fixture.fill(store, count: 7)
    #expect(try store.events(after: 2, limit: 3).map(\.seq) == [3, 4, 5])
    #expect(try store.events(after: 5, limit: 10).map(\.seq) == [6, 7])
    #expect(try store.events(after: 7, limit: 10).isEmpty)
    let rows = try store.events(after: 0, limit: 10)
    for (previous, row) in zip(rows, rows.dropFirst()) { #expect(row.prevHash == previous.hash) }
  }

  @Test func triggersRefuseUpdateAndDeleteOfEventsAndOutcomes() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    try Fixture.fill(store, count: 3)
    let raw = try RawFile(path)
    for sql in [
      "UPDATE events SET payload = '{}' WHERE seq = 2", "DELETE FROM events WHERE seq = 3",
      "INSERT INTO events SELECT seq + 5, at, actor_role, actor_seat, credential_id, command_id, name, version, payload, prev_hash, hash FROM events WHERE seq = 1",
      "UPDATE outcomes SET seq = 9", "DELETE FROM outcomes",
    ] {
      #expect(throws: StoreError.self, "\(sql)") { try raw.run(sql) }
    }
    #expect(store.verify().isValid)
    #expect(store.verify().eventCount == 3)
  }

  @Test func payloadIsReadableTextForTheSqlite3Shell() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    try Fixture.fill(store, count: 1)
    let raw = try RawFile(path)
    let stmt = try raw.db.statement("SELECT typeof(payload), payload, typeof(hash) FROM events")
    #expect(try stmt.step())
    #expect(stmt.string(0) == "text")
    #expect(stmt.string(1) == #"{"at":1,"kind":"moderated","speakerMs":30000,"topic":"caucus 1","totalMs":60000}"#)
    #expect(stmt.string(2) == "blob")
  }
}
