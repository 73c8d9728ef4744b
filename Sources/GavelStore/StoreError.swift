// Store errors carry the SQLite code and the SQL that failed, never ballot contents or tokens.
// A broken or tampered log names the file and the first bad seq.

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

  /// The primary SQLite result code (`SQLITE_FULL`, `SQLITE_BUSY`, …) without the extended bits.
  public var primaryCode: Int32 { code & 0xFF }

  public var description: String {
    var text = message
    if code != 0 { text += " (SQLite code \(code))" }
    if let sql { text += " [\(sql)]" }
    return text
  }
}
