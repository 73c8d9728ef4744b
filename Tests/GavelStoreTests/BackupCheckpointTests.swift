// StoreOptions.walAutocheckpoint: with 0 (Litestream owns checkpoints) the writer never folds
// the WAL back itself, so every frame stays for the replicator to copy; with a threshold it does.
import Foundation
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct BackupCheckpointTests {
  /// Frames now in the WAL (the `log` column of `PRAGMA wal_checkpoint`).
  func walFrames(_ store: EventStore) throws -> Int64 {
    let stmt = try store.db.statement("PRAGMA wal_checkpoint(PASSIVE)")
    defer { stmt.reset() }
    _ = try stmt.step()
    return stmt.int64(1)
  }

  func framesAfterCommits(walAutocheckpoint: Int) throws -> Int64 {
    let dir = try TemporaryDirectory()
    let store = try EventStore(path: dir.file("x.gavel"), options: StoreOptions(walAutocheckpoint: walAutocheckpoint))
    #expect(try store.db.integer("PRAGMA wal_autocheckpoint") == Int64(walAutocheckpoint))
    for _ in 0..<200 { try Fixture.fill(store, count: 1) }  // 200 commits
    return try walFrames(store)
  }

  @Test func zeroLeavesEveryFrameToTheReplicator() throws {
    // Each commit writes at least one page: 200 commits leave at least 200 frames.
    #expect(try framesAfterCommits(walAutocheckpoint: 0) >= 200)
  }

  @Test func aThresholdCheckpointsInTheWriter() throws {
    #expect(try framesAfterCommits(walAutocheckpoint: 20) < 200)
  }

  @Test func theDefaultIsSQLites() {
    #expect(StoreOptions().walAutocheckpoint == 1000)
  }
}
