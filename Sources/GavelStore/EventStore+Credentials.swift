// Credentials: only the SHA-256 of a token is stored. `gavel token` writes them through its own
// connection while gaveld holds the writer (WAL + busy timeout); gaveld looks tokens up on each
// hello and polls `credentialsVersion` / `revokedCredentialIds(since:)` to drop revoked ones.
import GavelCore

extension EventStore {
  public func credential(token: String) throws(StoreError) -> Credential? {
    let stmt = try db.statement("SELECT id, role, seat, label, revoked_at FROM credentials WHERE token_hash = ?")
    defer { stmt.reset() }
    stmt.bindBlob(1, Digest.sha256(Array(token.utf8)))
    guard try stmt.step() else { return nil }
    return try credential(stmt)
  }

  /// Stores a new credential and returns its token: 256 random bits, base64url (43 characters).
  public func issueCredential(role: Role, seat: String?, label: String, at: Int64) throws(StoreError) -> String {
    let token = TokenGenerator.random()
    let stmt = try db.statement(
      "INSERT INTO credentials (token_hash, role, seat, label, issued_at) VALUES (?, ?, ?, ?, ?)")
    stmt.bindBlob(1, Digest.sha256(Array(token.utf8)))
    stmt.bind(2, role.rawValue)
    stmt.bind(3, seat)
    stmt.bind(4, label)
    stmt.bind(5, at)
    try stmt.run()
    return token
  }

  /// Revokes the credential of `token`. False when there is no such credential or it was
  /// already revoked.
  public func revokeCredential(token: String, at: Int64) throws(StoreError) -> Bool {
    let stmt = try db.statement("UPDATE credentials SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
    stmt.bind(1, at)
    stmt.bindBlob(2, Digest.sha256(Array(token.utf8)))
    try stmt.run()
    return db.changes > 0
  }

  public func credentials() throws(StoreError) -> [Credential] {
    let stmt = try db.statement("SELECT id, role, seat, label, revoked_at FROM credentials ORDER BY id")
    defer { stmt.reset() }
    var all: [Credential] = []
    while try stmt.step() { all.append(try credential(stmt)) }
    return all
  }

  /// Ids of credentials revoked at or after `since` (ms; 0 for all), oldest revocation first.
  /// Inclusive, so that a poll never misses a revocation in the same millisecond.
  public func revokedCredentialIds(since: Int64) throws(StoreError) -> [Int64] {
    let stmt = try db.statement(
      "SELECT id FROM credentials WHERE revoked_at IS NOT NULL AND revoked_at >= ? ORDER BY revoked_at, id")
    defer { stmt.reset() }
    stmt.bind(1, since)
    var ids: [Int64] = []
    while try stmt.step() { ids.append(stmt.int64(0)) }
    return ids
  }

  /// Grows whenever a credential is issued or revoked (the triggers allow nothing else), so a
  /// poller only re-reads credentials when this changes.
  public var credentialsVersion: Int64 {
    get throws(StoreError) { try db.integer("SELECT count(*) + count(revoked_at) FROM credentials") }
  }

  private func credential(_ stmt: SQLiteStatement) throws(StoreError) -> Credential {
    guard let role = Role(rawValue: stmt.string(1)) else {
      throw StoreError(code: 0, message: "\(path): credential \(stmt.int64(0)) has an unknown role \(stmt.string(1))")
    }
    return Credential(
      id: stmt.int64(0), role: role, seat: stmt.optionalString(2), label: stmt.string(3), revoked: !stmt.isNull(4))
  }
}
