// Snapshots: a start replays only the tail, and gets exactly the state a replay from zero gives;
// a snapshot that does not check out is ignored.
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct SnapshotTests {
  /// Appends `count` events, writing a snapshot whenever one is due, as the server does.
  func fillWithSnapshots(_ store: EventStore, count: Int) throws {
    var state = try store.load()
    for _ in 0..<count {
      let results = try Fixture.fill(store, count: 1)
      for row in results[0].events { evolve(&state, try row.decode()) }
      if store.snapshotDue { try store.writeSnapshot(state) }
    }
  }

  @Test func replayFromASnapshotEqualsReplayFromZero() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path, options: StoreOptions(snapshotEvery: 10))
    try fillWithSnapshots(store, count: 35)
    #expect(store.lastSnapshotSeq == 30)
    let fromZero = replay(try Fixture.events(store))
    #expect(fromZero == replay((1...35).map(Fixture.event)))
    let reopened = try EventStore(path: path, options: StoreOptions(snapshotEvery: 10))
    #expect(reopened.lastSnapshotSeq == 30)
    #expect(!reopened.snapshotDue)
    #expect(try reopened.load() == fromZero)
    // Every intermediate point agrees too, whether or not a snapshot precedes it.
    for seq in [0, 5, 10, 19, 20, 29, 30, 31] {
      #expect(try reopened.load(through: Int64(seq)) == replay((0..<seq).map { Fixture.event($0 + 1) }))
    }
  }

  @Test func snapshotDueCountsEventsSinceTheLastSnapshot() throws {
    let dir = try TemporaryDirectory()
    let store = try EventStore(path: dir.file("c.gavel"), options: StoreOptions(snapshotEvery: 3))
    try Fixture.fill(store, count: 2)
    #expect(!store.snapshotDue)
    try Fixture.fill(store, count: 1)
    #expect(store.snapshotDue)
    try store.writeSnapshot(try store.load())
    #expect(!store.snapshotDue)
  }

  @Test func aTamperedSnapshotIsIgnoredAndTheOlderOneUsed() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    do {
      let store = try EventStore(path: path, options: StoreOptions(snapshotEvery: 5))
      try fillWithSnapshots(store, count: 12)
    }
    let raw = try RawFile(path)
    try raw.run("DROP TRIGGER snapshots_no_update")
    // A plausible but false state in the newest snapshot: its hash no longer matches.
    try raw.run("UPDATE snapshots SET state = replace(state, 'Topic-8', 'Forged') WHERE seq = 10")
    let store = try EventStore(path: path)
    #expect(store.lastSnapshotSeq == 5)
    let state = try store.load()
    #expect(state == replay((1...12).map(Fixture.event)))
    #expect(state.topic == "Topic-12")
    #expect(try store.load(through: 10).topic == "Topic-8")

    // With every snapshot broken, the load starts from zero.
    try raw.run("UPDATE snapshots SET hash = zeroblob(32)")
    let again = try EventStore(path: path)
    #expect(again.lastSnapshotSeq == 0)
    #expect(try again.load() == state)
  }

  @Test func aSnapshotOfAnotherChainIsIgnored() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    do {
      let store = try EventStore(path: path, options: StoreOptions(snapshotEvery: 4))
      try fillWithSnapshots(store, count: 6)
    }
    // Rewrite the snapshot's chain hash (and its own hash, consistently): it no longer links to
    // event 4's stored hash, so it must not be trusted.
    let raw = try RawFile(path)
    try raw.run("DROP TRIGGER snapshots_no_update")
    let stmt = try raw.db.statement("SELECT seq, state FROM snapshots")
    #expect(try stmt.step())
    let (seq, bytes) = (stmt.int64(0), stmt.bytes(1))
    stmt.reset()
    let forgedChain = [UInt8](repeating: 7, count: 32)
    let update = try raw.db.statement("UPDATE snapshots SET chain_hash = ?, hash = ? WHERE seq = ?")
    update.bindBlob(1, forgedChain)
    update.bindBlob(2, HashChain.snapshotHash(seq: seq, chainHash: forgedChain, state: bytes))
    update.bind(3, seq)
    try update.run()
    let store = try EventStore(path: path)
    #expect(store.lastSnapshotSeq == 0)
    #expect(try store.load() == replay((1...6).map(Fixture.event)))
  }
}
