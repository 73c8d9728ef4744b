// `event_loop` (top level): what the WebSocket thread waits with (docs/operations.md).
import GavelWire
import Testing

@testable import GavelServer

/// `event_loop`: epoll by default, poll on request, anything else refused with the choices.
@Suite struct ConfigEventLoopTests {
  func load(_ text: String) throws -> GaveldConfig { try ConfigFixture.loadGaveld(text) }

  @Test func defaultIsEpoll() throws {
    #expect(try load(ConfigFixture.gaveld()).eventLoop == "epoll")
  }

  @Test func pollOnRequest() throws {
    #expect(try load("event_loop = \"poll\"\n" + ConfigFixture.gaveld()).eventLoop == "poll")
  }

  @Test func anythingElseIsRefused() throws {
    #expect {
      try load("event_loop = \"kqueue\"\n" + ConfigFixture.gaveld())
    } throws: { error in
      let error = try #require(error as? ConfigError)
      return error.key == "event_loop" && error.message.contains("use poll or epoll")
    }
  }

  /// The config layer does not link the wire; its names must be the wire's cases.
  @Test func theNamesAreTheWiresLoops() {
    #expect(ConfigLoader.eventLoops == WireEventLoop.allCases.map(\.rawValue))
  }
}
