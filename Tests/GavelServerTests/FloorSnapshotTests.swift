// Snapshots are encoded off the Floor's queue (Floor+Snapshot.swift) and written back by the
// Floor: every one lands where it was taken, the log keeps verifying, and a restart loads the
// same state from the newest snapshot plus the tail.
import Foundation
import GavelCore
import GavelTesting
import Logging
import Testing

@testable import GavelServer
@testable import GavelStore

@Suite struct FloorSnapshotTests {
  @Test func snapshotsTakenOffTheQueueLandWhereTheyWereTakenAndARestartUsesThem() throws {
    // Given a Floor whose store takes a snapshot every 5 events, and a chair joined
    let dir = try TemporaryDirectory()
    let definition = Committees.gaCommittee(members: 5)
    let options = StoreOptions(snapshotEvery: 5)
    let opened = try Convening.open(definition, dataDir: dir.path, options: options, logger: Logger(label: "test"))
    let chair = try opened.store.issueCredential(role: .chair, seat: nil, label: "chair", at: 1)
    let sink = RecordingSink()
    let floor = Floor(
      committeeId: definition.id, store: opened.store, state: opened.state, sink: sink, metrics: Metrics(),
      logger: Logger(label: "test"))
    floor.submit(.hello(1, Hello(token: chair, committee: definition.id, after: nil)))

    // When 23 commands are committed one batch at a time (the state after each kept by seq)
    var states: [Int64: CommitteeState] = [:]
    for i in 0..<23 {
      floor.submit(.command(1, ClientCommand(id: "t\(i)", name: "agenda.set", args: ["topic": .string("Topic \(i)")])))
      let (seq, state) = floor.queue.sync { (floor.seq, floor.state) }
      states[seq] = state
    }
    // Then a snapshot arrives once the encoding is done (waited for, with a deadline)
    let deadline = Date().addingTimeInterval(10)
    var snapshotSeq: Int64 = 0
    while Date() < deadline {
      snapshotSeq = floor.queue.sync { floor.store?.lastSnapshotSeq ?? 0 }
      if snapshotSeq >= 20 { break }
      usleep(10_000)
    }
    #expect(snapshotSeq >= 5, "a snapshot was written")
    let finalState = floor.queue.sync { floor.state }
    let lastSeq = floor.queue.sync { floor.seq }
    floor.shutdown()

    // And the reopened log verifies, its newest snapshot holds the state at its seq, and a
    // start from it reaches the same state
    let reopened = try EventStore(path: dir.path + "/" + definition.id + ".gavel", options: options)
    #expect(reopened.lastSeq == lastSeq)
    #expect(reopened.lastSnapshotSeq == snapshotSeq)
    let anchor = try #require(try reopened.newestSnapshot(through: .max, decodeState: true))
    #expect(anchor.seq == snapshotSeq)
    #expect(anchor.state == states[snapshotSeq])
    #expect(try reopened.load() == finalState)
  }
}
