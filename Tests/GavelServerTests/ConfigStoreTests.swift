// `[store] wal_autocheckpoint`: the default is SQLite's, 0 hands checkpoints to Litestream, and a
// bad value is refused with the key and the range.
import Foundation
import Testing

@testable import GavelServer

@Suite struct ConfigStoreTests {
  func load(_ text: String) throws -> GaveldConfig { try ConfigFixture.loadGaveld(text) }

  @Test func defaultIsSQLitesThousandPages() throws {
    #expect(try load(ConfigFixture.gaveld()).walAutocheckpoint == 1000)
  }

  @Test func zeroLeavesCheckpointsToLitestream() throws {
    #expect(try load(ConfigFixture.gaveld() + "[store]\nwal_autocheckpoint = 0\n").walAutocheckpoint == 0)
  }

  @Test func negativeIsRefusedWithTheRange() throws {
    #expect {
      try load(ConfigFixture.gaveld() + "[store]\nwal_autocheckpoint = -1\n")
    } throws: { error in
      let error = try #require(error as? ConfigError)
      return error.key == "store.wal_autocheckpoint" && error.message.contains("from 0 to 1000000")
    }
  }

  @Test func unknownStoreKeyIsRefused() throws {
    #expect(throws: ConfigError.self) { try load(ConfigFixture.gaveld() + "[store]\ncheckpoint = 0\n") }
  }

  /// The shipped gaveld.toml documents the key with its default.
  @Test func shippedConfigKeepsTheDefault() throws {
    let path = ConfigFixture.shipped("Config/gaveld.toml")
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\nwal_autocheckpoint = 1000\n"))
    #expect(try ConfigLoader.load(path: path).walAutocheckpoint == 1000)
  }
}
