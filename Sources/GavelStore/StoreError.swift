// Store errors carry the SQLite code and the SQL that failed, never ballot contents or tokens.
// A broken or tampered log names the file and the first bad seq.

#if canImport(Glibc)
  import Glibc
#endif

public struct StoreError: Error, Sendable, CustomStringConvertible {
  /// The (extended) SQLite result code, or 0 for a problem Gavel itself detected.
  public let code: Int32
  /// A sentence a human can act on.
  public let message: String
  /// The statement that failed, when one did.
  public let sql: String?
  /// For a broken hash chain or an undecodable event: the first seq that is wrong.
  public let firstBadSeq: Int64?

  public init(code: Int32, message: String, sql: String? = nil, firstBadSeq: Int64? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
    self.firstBadSeq = firstBadSeq
  }

  /// A system call that failed: `what` was being done, then errno's text (so build it right
  /// after the call).
  static func system(_ what: String) -> StoreError {
    StoreError(code: 0, message: "\(what): \(String(cString: strerror(errno)))")
  }

  /// The primary SQLite result code (`SQLITE_FULL`, `SQLITE_BUSY`, …) without the extended bits.
  public var primaryCode: Int32 { code & 0xFF }

  public var description: String {
    var text = message
    if code != 0 { text += " (SQLite code \(code))" }
    if let sql { text += " [\(sql)]" }
    return text
  }
}
