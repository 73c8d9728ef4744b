import GavelCore
import Logging

// Snapshots let a start replay only the tail. Each stores the state as JSON (readable in the
// sqlite3 shell) with SHA-256(tag ‖ seq ‖ chain hash at seq ‖ state). A snapshot whose hash or
// chain link does not match, or that no longer decodes, is ignored: the next older one (or
// genesis) is used instead, so a bad snapshot costs time, never correctness.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct SnapshotAnchor {
  let seq: Int64
  let chainHash: [UInt8]
  let state: CommitteeState?
}

/// Where a snapshot belongs: the last event it includes and that event's chain hash.
public struct SnapshotPoint: Sendable, Equatable {
  public let seq: Int64
  public let chainHash: [UInt8]
}

extension EventStore {
  /// The end of the log now: a state taken at this moment is the state at `seq`.
  public var snapshotPoint: SnapshotPoint { SnapshotPoint(seq: lastSeq, chainHash: lastHash) }

  /// Writes the state as of `lastSeq`. The caller passes the state it holds at that seq.
  public func writeSnapshot(_ state: CommitteeState) throws(StoreError) {
    try writeSnapshot(encoded: Self.encodeState(state), at: snapshotPoint)
  }

  /// Writes a state encoded elsewhere (`encodeState`, which any thread may run) as the state at
  /// `point`, a `snapshotPoint` taken together with that state. Later events may have been
  /// appended since; the snapshot still belongs where it was taken.
  public func writeSnapshot(encoded bytes: [UInt8], at point: SnapshotPoint) throws(StoreError) {
    guard point.seq > 0 else { return }
    let hash = HashChain.snapshotHash(seq: point.seq, chainHash: point.chainHash, state: bytes)
    let stmt = try db.statement("INSERT OR IGNORE INTO snapshots (seq, chain_hash, state, hash) VALUES (?, ?, ?, ?)")
    stmt.bind(1, point.seq)
    stmt.bindBlob(2, point.chainHash)
    stmt.bindText(3, bytes)
    stmt.bindBlob(4, hash)
    try stmt.run()
    lastSnapshotSeq = max(lastSnapshotSeq, point.seq)
  }

  /// The state's canonical bytes: what JSONEncoder (`.sortedKeys`, `.withoutEscapingSlashes`)
  /// wrote into every existing snapshot (VotingReplayPropertyTests compares the two), written
  /// without Foundation's intermediate tree. Pure: the Floor runs it off its queue.
  public static func encodeState(_ state: CommitteeState) -> [UInt8] {
    // The state is plain Codable data (strings, integers, booleans, arrays); encoding cannot fail.
    try! JSONValueEncoder().canonicalBytes(state)
  }

  /// The newest snapshot at or before `end` that checks out, or nil (start from genesis).
  func newestSnapshot(through end: Int64, decodeState: Bool) throws(StoreError) -> SnapshotAnchor? {
    let stmt = try db.statement("SELECT seq, chain_hash, state, hash FROM snapshots WHERE seq <= ? ORDER BY seq DESC")
    defer { stmt.reset() }
    stmt.bind(1, end)
    while try stmt.step() {
      let seq = stmt.int64(0)
      let chainHash = stmt.bytes(1)
      let bytes = stmt.bytes(2)
      guard HashChain.snapshotHash(seq: seq, chainHash: chainHash, state: bytes) == stmt.bytes(3),
        try chainHash == eventHash(seq: seq)
      else {
        logger.warning("snapshot ignored: its hash or chain link does not match", metadata: ["event.seq": "\(seq)"])
        continue
      }
      guard decodeState else { return SnapshotAnchor(seq: seq, chainHash: chainHash, state: nil) }
      guard let state = try? JSONDecoder().decode(CommitteeState.self, from: Data(bytes)) else {
        logger.warning("snapshot ignored: its state does not decode with this build", metadata: ["event.seq": "\(seq)"])
        continue
      }
      return SnapshotAnchor(seq: seq, chainHash: chainHash, state: state)
    }
    return nil
  }

  /// The stored chain hash of one event, or nil when there is no such row.
  func eventHash(seq: Int64) throws(StoreError) -> [UInt8]? {
    let stmt = try db.statement("SELECT hash FROM events WHERE seq = ?")
    defer { stmt.reset() }
    stmt.bind(1, seq)
    return try stmt.step() ? stmt.bytes(0) : nil
  }
}
