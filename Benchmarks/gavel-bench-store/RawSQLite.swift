// The baseline: raw SQLite doing the same inserts under the same settings. The file is created
// by GavelStore (so it has the very same tables, keys, indexes and triggers) and then written
// through a plain connection: WAL, synchronous=FULL, one BEGIN IMMEDIATE … COMMIT per batch,
// and per command one `events` row (the same columns and payload bytes, a constant 32-byte hash)
// and one `outcomes` row. What it leaves out is what GavelStore adds: encoding the payload,
// the hash chain, the check that the file still ends where the writer left it, and the lookup
// of a retried command's earlier outcome.
import CSQLite
import GavelCore
import GavelStore

final class RawSQLite {
  let db: OpaquePointer
  private var insertEvent: OpaquePointer?
  private var insertOutcome: OpaquePointer?

  /// Opens `path`, creating it with GavelStore's schema first when it does not exist.
  init(path: String) throws {
    _ = try EventStore(path: path, options: StoreOptions(verifyOnOpen: false))
    var handle: OpaquePointer?
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle
    else { fatalError("gavel-bench-store: cannot open \(path)") }
    db = handle
    exec("PRAGMA journal_mode = WAL")
    exec("PRAGMA synchronous = FULL")
    sqlite3_prepare_v2(
      db, "INSERT INTO events (seq, at, actor_role, actor_seat, credential_id, command_id, name, version, payload, "
        + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &insertEvent, nil)
    sqlite3_prepare_v2(
      db, "INSERT INTO outcomes (credential_id, command_id, at, seq) VALUES (?, ?, ?, ?)", -1, &insertOutcome, nil)
  }

  deinit {
    sqlite3_finalize(insertEvent)
    sqlite3_finalize(insertOutcome)
    sqlite3_close_v2(db)
  }

  func exec(_ sql: String) {
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
      fatalError("gavel-bench-store: \(sql): \(String(cString: sqlite3_errmsg(db)))")
    }
  }

  /// One commit of commands `first + 1 ... first + count`: the rows GavelStore writes for
  /// `StoreRuns.request(i, withOutcome: true)`, with command i's payload (`payloads[i - 1]`)
  /// encoded beforehand.
  func insertCommands(after first: Int, count: Int, payloads: [(name: String, bytes: [UInt8])]) {
    let hash = [UInt8](repeating: 7, count: 32)
    exec("BEGIN IMMEDIATE")
    for i in (first + 1)...(first + count) {
      let seq = Int64(i)
      let commandId = "k-\(seq)"
      let payload = payloads[i - 1]
      sqlite3_bind_int64(insertEvent, 1, seq)
      sqlite3_bind_int64(insertEvent, 2, 1_000 + seq)
      sqlite3_bind_text(insertEvent, 3, "delegate", -1, csqlite_transient())
      sqlite3_bind_text(insertEvent, 4, "S0001", -1, csqlite_transient())
      sqlite3_bind_int64(insertEvent, 5, 1)
      sqlite3_bind_text(insertEvent, 6, commandId, -1, csqlite_transient())
      sqlite3_bind_text(insertEvent, 7, payload.name, -1, csqlite_transient())
      sqlite3_bind_int64(insertEvent, 8, 1)
      payload.bytes.withUnsafeBytes { p in
        _ = sqlite3_bind_text(
          insertEvent, 9, p.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(p.count), csqlite_transient())
      }
      hash.withUnsafeBytes { p in
        _ = sqlite3_bind_blob(insertEvent, 10, p.baseAddress, 32, csqlite_transient())
        _ = sqlite3_bind_blob(insertEvent, 11, p.baseAddress, 32, csqlite_transient())
      }
      step(insertEvent)
      sqlite3_bind_int64(insertOutcome, 1, 1)
      sqlite3_bind_text(insertOutcome, 2, commandId, -1, csqlite_transient())
      sqlite3_bind_int64(insertOutcome, 3, 1_000 + seq)
      sqlite3_bind_int64(insertOutcome, 4, seq)
      step(insertOutcome)
    }
    exec("COMMIT")
  }

  private func step(_ stmt: OpaquePointer?) {
    guard sqlite3_step(stmt) == SQLITE_DONE else { fatalError(String(cString: sqlite3_errmsg(db))) }
    sqlite3_reset(stmt)
  }

  /// Reads every column of every event row; returns the row count.
  func scanAll() -> Int {
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, "SELECT * FROM events ORDER BY seq", -1, &stmt, nil)
    defer { sqlite3_finalize(stmt) }
    var rows = 0
    var bytes = 0
    while sqlite3_step(stmt) == SQLITE_ROW {
      rows += 1
      bytes &+= Int(sqlite3_column_int64(stmt, 0)) &+ Int(sqlite3_column_bytes(stmt, 8))
      _ = sqlite3_column_text(stmt, 8)
      _ = sqlite3_column_blob(stmt, 10)
    }
    return rows + (bytes == -1 ? 1 : 0)  // keeps the reads from being optimised away
  }
}
