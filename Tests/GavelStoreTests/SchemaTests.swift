// The file format's version: created at the current version, refused when newer, refused when
// it is not a Gavel log; read-only opening never creates anything.
import CSQLite
import Foundation
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct SchemaTests {
  @Test func newFileHasTheCurrentVersionWALAndTheGavelApplicationId() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    let store = try EventStore(path: path)
    #expect(try store.db.integer("PRAGMA user_version") == Schema.currentVersion)
    #expect(try store.db.integer("PRAGMA application_id") == Schema.applicationId)
    #expect(try store.db.integer("PRAGMA synchronous") == 2)  // FULL
    let mode = try store.db.statement("PRAGMA journal_mode")
    #expect(try mode.step())
    #expect(mode.string(0) == "wal")
  }

  @Test func aFileFromANewerBuildIsRefused() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("c.gavel")
    _ = try EventStore(path: path)
    try RawFile(path).run("PRAGMA user_version = \(Schema.currentVersion + 1)")
    let error = try #require(throws: StoreError.self) { _ = try EventStore(path: path) }
    #expect(error.message.contains("newer"))
    #expect(error.message.contains(path))
  }

  @Test func aForeignSQLiteFileIsRefusedAndLeftAlone() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("other.db")
    try RawFile(path).run("CREATE TABLE notes (x)")
    #expect(throws: StoreError.self) { _ = try EventStore(path: path) }
    #expect(try RawFile(path).db.integer("PRAGMA user_version") == 0)
  }

  @Test func readOnlyOpeningNeverCreatesAFile() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("missing.gavel")
    let error = try #require(throws: StoreError.self) {
      _ = try EventStore(path: path, options: StoreOptions(readOnly: true))
    }
    #expect(error.primaryCode == SQLITE_CANTOPEN)
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func notADatabaseIsRefused() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("junk.gavel")
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: StoreError.self) { _ = try EventStore(path: path) }
    #expect(error.primaryCode == SQLITE_NOTADB)
  }
}
