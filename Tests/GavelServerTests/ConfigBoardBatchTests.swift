// `[limits] board_batch_ms`: how late a ballot may reach a screen that is neither the chair's
// nor the called seat's. The default is 100 ms, 0 turns batching off, and a value past a second
// is refused with the key and the range; the daemon hands it to the wire as its batch window.
import Testing

@testable import GavelServer

@Suite struct ConfigBoardBatchTests {
  func load(_ text: String) throws -> GaveldConfig { try ConfigFixture.loadGaveld(text) }

  @Test func defaultIsATenthOfASecond() throws {
    #expect(try load(ConfigFixture.gaveld()).limits.boardBatchMs == 100)
  }

  @Test func zeroSendsEveryEventAtOnce() throws {
    #expect(try load(ConfigFixture.gaveld() + "[limits]\nboard_batch_ms = 0\n").limits.boardBatchMs == 0)
  }

  @Test func overASecondIsRefusedWithTheRange() throws {
    #expect {
      try load(ConfigFixture.gaveld() + "[limits]\nboard_batch_ms = 1001\n")
    } throws: { error in
      let error = try #require(error as? ConfigError)
      return error.key == "limits.board_batch_ms" && error.message.contains("from 0 to 1000")
    }
  }
}
