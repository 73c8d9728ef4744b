// A prepared statement: the one owner of its sqlite3_stmt. Binds copy their bytes
// (SQLITE_TRANSIENT), so no Swift buffer has to outlive a call.
import CSQLite

final class SQLiteStatement {
  let handle: OpaquePointer
  let sql: String

  init(_ handle: OpaquePointer, sql: String) {
    self.handle = handle
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  func reset() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  // MARK: binding (1-based indexes, as in SQL)

  func bind(_ index: Int32, _ value: Int64?) {
    if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
  }

  /// Binds the string's UTF-8 with its length: no C-string copy, no scan for the terminator.
  func bind(_ index: Int32, _ value: String?) {
    guard var value else { return bindNull(index) }
    value.withUTF8 { bindText(index, $0) }
  }

  /// Binds bytes as TEXT (the JSON payloads stay readable in the stock sqlite3 shell).
  func bindText(_ index: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { bindText(index, $0) }
  }

  private func bindText(_ index: Int32, _ buffer: UnsafeBufferPointer<UInt8>) {
    let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
    _ = sqlite3_bind_text(
      handle, index, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), csqlite_transient())
  }

  func bindBlob(_ index: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
      _ = sqlite3_bind_blob(
        handle, index, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, Int32(buffer.count), csqlite_transient())
    }
  }

  func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

  // MARK: stepping

  /// True when a row is ready, false when the statement is done.
  func step() throws(StoreError) -> Bool {
    let rc = sqlite3_step(handle)
    switch rc {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let db = sqlite3_db_handle(handle)
      let reason = String(cString: sqlite3_errmsg(db))
      let path = sqlite3_db_filename(db, "main").map { String(cString: $0) } ?? "database"
      let code = sqlite3_extended_errcode(db)
      sqlite3_reset(handle)
      throw StoreError(code: code, message: "\(path): \(reason)", sql: sql)
    }
  }

  /// Steps a statement that returns no rows, then resets it.
  func run() throws(StoreError) {
    defer { sqlite3_reset(handle) }
    _ = try step()
  }

  // MARK: columns (0-based)

  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

  func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

  func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

  func string(_ column: Int32) -> String { String(decoding: borrowedBytes(column), as: UTF8.self) }

  func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }

  /// The column's bytes (TEXT or BLOB), exactly as stored.
  func bytes(_ column: Int32) -> [UInt8] { Array(borrowedBytes(column)) }

  /// The column's bytes in SQLite's own buffer, without a copy: valid only until the next
  /// step or reset of this statement.
  func borrowedBytes(_ column: Int32) -> UnsafeRawBufferPointer {
    guard let base = sqlite3_column_blob(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: base, count: Int(sqlite3_column_bytes(handle, column)))
  }

  func optionalBorrowedBytes(_ column: Int32) -> UnsafeRawBufferPointer? {
    isNull(column) ? nil : borrowedBytes(column)
  }
}
