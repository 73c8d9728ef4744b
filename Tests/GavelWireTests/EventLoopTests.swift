// The lws thread waits on libev (epoll) when lws's plugin is installed, and on lws's own poll
// loop otherwise; both must echo, run lws's timers (the batch window here) and stop cleanly.
import Testing

@testable import GavelWire

@Suite("Wire event loops")
struct EventLoopTests {
  @Test("libev is available here and waits with epoll")
  func libevIsEpoll() {
    let loop = EventLoop(preferLibev: true)
    #expect(loop.name == "libev (epoll)")
    #expect(EventLoop(preferLibev: false).name == "poll")
  }

  @Test("either loop echoes, fires timers and stops", arguments: WireEventLoop.allCases)
  func echoTimersStop(eventLoop: WireEventLoop) async throws {
    let h = try Harness {
      $0.eventLoop = eventLoop
      $0.batchWindowMs = 50
    }
    let (client, id) = try await h.connect()
    try await offPool { try client.send(text: "ping") }
    #expect(try await offPool { try client.receiveText() } == "ping")
    h.server.send(Frame(Array("held".utf8)), to: [id], delivery: .batched)
    #expect(try await offPool { try client.receiveText() } == "held")
    await h.stop()
    #expect(h.server.stats.connectionsOpen == 0)
  }
}
