// The baseline: plain SQLite inserts and a plain full-table scan, with the settings GavelStore
// uses (WAL, synchronous=FULL, BEGIN IMMEDIATE), into a table of the same columns, with the same
// payload bytes and 32-byte hashes — but no hash chain, no triggers, no outcome rows, no decoding.
import CSQLite

final class RawSQLite {
  let db: OpaquePointer
  private var insert: OpaquePointer?

  init(path: String) {
    var handle: OpaquePointer?
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
      let handle
    else { fatalError("gavel-bench-store: cannot open \(path)") }
    db = handle
    exec("PRAGMA journal_mode = WAL")
    exec("PRAGMA synchronous = FULL")
    exec("""
      CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL,
        actor_role TEXT NOT NULL, actor_seat TEXT, credential_id INTEGER, command_id TEXT,
        name TEXT NOT NULL, version INTEGER NOT NULL, payload TEXT NOT NULL,
        prev_hash BLOB NOT NULL, hash BLOB NOT NULL)
      """)
    sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &insert, nil)
  }

  deinit {
    sqlite3_finalize(insert)
    sqlite3_close_v2(db)
  }

  func exec(_ sql: String) {
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
      fatalError("gavel-bench-store: \(sql): \(String(cString: sqlite3_errmsg(db)))")
    }
  }

  /// Inserts `rows` rows from `seq + 1`, `perCommit` per transaction.
  func insertRows(from seq: Int64, rows: Int, perCommit: Int, name: String, payload: [UInt8]) {
    let hash = [UInt8](repeating: 7, count: 32)
    var s = seq
    var left = rows
    while left > 0 {
      exec("BEGIN IMMEDIATE")
      for _ in 0..<min(perCommit, left) {
        s += 1
        sqlite3_bind_int64(insert, 1, s)
        sqlite3_bind_int64(insert, 2, 1_000)
        sqlite3_bind_text(insert, 3, "delegate", -1, csqlite_transient())
        sqlite3_bind_text(insert, 4, "S0001", -1, csqlite_transient())
        sqlite3_bind_int64(insert, 5, 1)
        sqlite3_bind_text(insert, 6, "k-\(s)", -1, csqlite_transient())
        sqlite3_bind_text(insert, 7, name, -1, csqlite_transient())
        sqlite3_bind_int64(insert, 8, 1)
        payload.withUnsafeBytes { p in
          _ = sqlite3_bind_text(insert, 9, p.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(p.count), csqlite_transient())
        }
        hash.withUnsafeBytes { p in
          _ = sqlite3_bind_blob(insert, 10, p.baseAddress, 32, csqlite_transient())
          _ = sqlite3_bind_blob(insert, 11, p.baseAddress, 32, csqlite_transient())
        }
        guard sqlite3_step(insert) == SQLITE_DONE else { fatalError(String(cString: sqlite3_errmsg(db))) }
        sqlite3_reset(insert)
      }
      exec("COMMIT")
      left -= perCommit
    }
  }

  /// Reads every column of every row; returns the row count.
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
