// Credentials: random tokens, only their hashes stored, issued and revoked through a second
// connection while the writer holds the file, and revocation visible to a poller.
import Foundation
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct CredentialTests {
  @Test func issuedTokenIsFoundByItsHashOnly() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    let token = try store.issueCredential(role: .delegate, seat: "FRA", label: "France", at: 10)
    #expect(token.count == 43)
    #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    let credential = try #require(try store.credential(token: token))
    #expect(credential.role == .delegate)
    #expect(credential.seat == "FRA")
    #expect(credential.label == "France")
    #expect(!credential.revoked)
    #expect(try store.credential(token: token + "x") == nil)
    #expect(try store.credentials() == [credential])

    let other = try store.issueCredential(role: .chair, seat: nil, label: "Chair", at: 11)
    #expect(other != token)
    #expect(try store.credentials().map(\.role) == [.delegate, .chair])

    // The token itself is nowhere in the file; its SHA-256 is.
    let raw = try RawFile(path)
    let stmt = try raw.db.statement("SELECT token_hash FROM credentials WHERE id = ?")
    stmt.bind(1, credential.id)
    #expect(try stmt.step())
    #expect(stmt.bytes(0) == Digest.sha256(Array(token.utf8)))
    stmt.reset()
    try raw.run("PRAGMA wal_checkpoint(TRUNCATE)")
    let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let needle = Array(token.utf8)
    #expect(!file.indices.contains { file[$0...].starts(with: needle) })
  }

  @Test func revocationIsSeenByTheWriterAndOnlyHappensOnce() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let daemon = try EventStore(path: path)
    try Fixture.fill(daemon, count: 2)
    let versionBefore = try daemon.credentialsVersion

    // `gavel token` opens its own connection while the daemon holds its writer.
    let cli = try EventStore(path: path)
    let token = try cli.issueCredential(role: .display, seat: nil, label: "Projector", at: 100)
    #expect(try daemon.credential(token: token)?.role == .display)
    let versionIssued = try daemon.credentialsVersion
    #expect(versionIssued > versionBefore)
    #expect(try daemon.revokedCredentialIds(since: 0).isEmpty)

    #expect(try cli.revokeCredential(token: token, at: 200))
    #expect(try !cli.revokeCredential(token: token, at: 300))
    #expect(try !cli.revokeCredential(token: "unknown", at: 300))
    let id = try #require(try daemon.credential(token: token)).id
    #expect(try daemon.credential(token: token)?.revoked == true)
    #expect(try daemon.credentialsVersion > versionIssued)
    #expect(try daemon.revokedCredentialIds(since: 0) == [id])
    #expect(try daemon.revokedCredentialIds(since: 200) == [id])
    #expect(try daemon.revokedCredentialIds(since: 201).isEmpty)

    // The daemon's log is untouched and it goes on appending.
    try Fixture.fill(daemon, count: 1)
    #expect(daemon.verify().eventCount == 3)
  }

  @Test func triggersAllowOnlyRevocation() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    let token = try store.issueCredential(role: .delegate, seat: "FRA", label: "France", at: 1)
    let raw = try RawFile(path)
    for sql in [
      "UPDATE credentials SET role = 'chair'", "UPDATE credentials SET seat = 'USA'",
      "DELETE FROM credentials", "UPDATE credentials SET label = 'x', revoked_at = 5",
    ] {
      #expect(throws: StoreError.self, "\(sql)") { try raw.run(sql) }
    }
    try raw.run("UPDATE credentials SET revoked_at = 5")
    #expect(throws: StoreError.self) { try raw.run("UPDATE credentials SET revoked_at = NULL") }
    #expect(try store.credential(token: token)?.revoked == true)
  }
}

@Suite struct TokenShapeTests {
  @Test func tokensAreURLSafeAndNeverLookLikeAnOption() {
    let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    var seen = Set<String>()
    for _ in 0..<2_000 {
      let token = TokenGenerator.random()
      #expect(token.count == 43)
      #expect(!token.hasPrefix("-"))
      #expect(token.allSatisfy(alphabet.contains))
      seen.insert(token)
    }
    #expect(seen.count == 2_000)
  }
}
