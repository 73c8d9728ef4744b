// Rebuilding the state: the newest valid snapshot, then the events after it, each verified
// against the chain and decoded (EventCodec).
import GavelCore

extension EventStore {
  /// The committee's state at the end of the log.
  public func load() throws(StoreError) -> CommitteeState {
    try load(through: nil)
  }

  /// The committee's state after `seq` (nil: the end of the log).
  public func load(through seq: Int64?) throws(StoreError) -> CommitteeState {
    let end = seq ?? .max
    let base = try newestSnapshot(through: end, decodeState: true)
    var state = base?.state ?? CommitteeState()
    let report = walk(
      after: base?.seq ?? 0, hash: base?.chainHash ?? HashChain.genesis, through: end, decoding: true
    ) {
      evolve(&state, $0)
    }
    if let problem = report.problem { throw broken(problem) }
    if seq == nil { commit(seq: report.lastGoodSeq, hash: report.lastGoodHash) }
    return state
  }

  /// Rows after `seq`, oldest first, at most `limit` (for resume and audit).
  public func events(after seq: Int64, limit: Int) throws(StoreError) -> [StoredEvent] {
    let stmt = try db.statement("SELECT \(Self.eventColumns) FROM events WHERE seq > ? ORDER BY seq LIMIT ?")
    defer { stmt.reset() }
    stmt.bind(1, seq)
    stmt.bind(2, Int64(limit))
    var rows: [StoredEvent] = []
    while try stmt.step() {
      guard let event = storedEvent(stmt) else {
        throw StoreError(
          code: 0, message: "\(path): unknown actor role at seq \(stmt.int64(0))", firstBadSeq: stmt.int64(0))
      }
      rows.append(event)
    }
    return rows
  }
}
