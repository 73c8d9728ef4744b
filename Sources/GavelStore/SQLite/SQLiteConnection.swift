// The one owner of a sqlite3 handle: opens it, caches prepared statements, runs transactions,
// and turns every SQLite failure into a StoreError that names the SQL. No other file calls
// sqlite3_* on the connection handle directly.
import CSQLite

final class SQLiteConnection {
  let handle: OpaquePointer
  let path: String
  private var cache: [String: SQLiteStatement] = [:]

  init(path: String, readOnly: Bool, busyTimeoutMs: Int32) throws(StoreError) {
    var db: OpaquePointer?
    let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(db)
      throw StoreError(code: rc, message: "cannot open \(path): \(reason)")
    }
    handle = db
    self.path = path
    sqlite3_extended_result_codes(db, 1)
    sqlite3_busy_timeout(db, busyTimeoutMs)
    if readOnly {
      // A reader should get as far as the file allows: without this, a file shorter than its
      // header says is refused before a single row is read, and verify could not name the first
      // missing seq. A read-only connection cannot write the schema, so this is safe.
      sqlite3_exec(db, "PRAGMA writable_schema = ON", nil, nil, nil)
    }
  }

  deinit {
    cache.removeAll()  // finalizes every statement before the handle closes
    sqlite3_close_v2(handle)
  }

  /// A prepared statement, compiled once per connection and reset before reuse.
  func statement(_ sql: String) throws(StoreError) -> SQLiteStatement {
    if let cached = cache[sql] {
      cached.reset()
      return cached
    }
    var stmt: OpaquePointer?
    let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
    guard rc == SQLITE_OK, let stmt else { throw error(rc, sql: sql) }
    let statement = SQLiteStatement(stmt, sql: sql)
    cache[sql] = statement
    return statement
  }

  /// Runs one or more statements without results (schema scripts, pragmas).
  func execute(_ sql: String) throws(StoreError) {
    var message: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &message)
    if rc != SQLITE_OK {
      let reason = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
      sqlite3_free(message)
      throw StoreError(code: sqlite3_extended_errcode(handle), message: "\(path): \(reason)", sql: sql)
    }
  }

  /// A single integer from a query such as `PRAGMA user_version`.
  func integer(_ sql: String) throws(StoreError) -> Int64 {
    let stmt = try statement(sql)
    defer { stmt.reset() }
    guard try stmt.step() else { return 0 }
    return stmt.int64(0)
  }

  /// Rows changed by the last INSERT/UPDATE/DELETE.
  var changes: Int { Int(sqlite3_changes(handle)) }

  /// The rowid of the last INSERT.
  var lastInsertRowId: Int64 { sqlite3_last_insert_rowid(handle) }

  var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; any failure rolls back and rethrows.
  func immediateTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try statement("BEGIN IMMEDIATE").run()
    do throws(StoreError) {
      let result = try body()
      try statement("COMMIT").run()
      return result
    } catch {
      rollback()
      throw error
    }
  }

  /// Rolls back if a transaction is still open (a failed COMMIT may or may not have ended it).
  func rollback() {
    guard inTransaction else { return }
    sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
  }

  func error(_ rc: Int32, sql: String?) -> StoreError {
    let reason = String(cString: sqlite3_errmsg(handle))
    return StoreError(code: sqlite3_extended_errcode(handle), message: "\(path): \(reason)", sql: sql)
  }
}
