// The Router on its own thread's terms: frames in, frames and closes out, with a real Floor and
// store behind it (the wire replaced by the recording sink of FloorTests).
import GavelCore
import GavelWire
import Logging
import Testing

@testable import GavelServer

@Suite struct RouterTests {
  func router(_ h: FloorHarness, burst: Int = 40) -> Router {
    var limits = RouterLimits()
    limits.commandBurst = burst
    limits.commandsPerSecond = 1
    let metrics = Metrics()
    return Router(
      floors: [h.floor], sink: h.sink, metrics: metrics, limits: limits, logger: Logger(label: "test"),
      http: HTTPEndpoints(floors: [h.floor], metrics: metrics) { [] })
  }

  func send(_ r: Router, _ id: ConnectionID, _ text: String) { r.wireReceived(id, Array(text.utf8), isText: true) }

  @Test func committeeFromThePath() {
    #expect(Router.committee(inPath: "/ws") == nil)
    #expect(Router.committee(inPath: "/ws/unsc") == "unsc")
    #expect(Router.committee(inPath: "/ws/unsc?x=1") == "unsc")
    #expect(Router.committee(inPath: "/ws?committee=disec") == "disec")
    #expect(Router.committee(inPath: "/ws?a=b&committee=disec") == "disec")
    #expect(Router.committee(inPath: "/ws/") == nil)
  }

  @Test func helloJoinsTheFloorAndCommandsFollowInOrder() throws {
    let h = try FloorHarness()
    let r = router(h)
    r.wireOpened(1, path: "/ws", peer: "test")
    send(r, 1, #"{"type":"hello","token":"\#(h.chairToken)","committee":"\#(h.floor.committeeId)"}"#)
    send(r, 1, #"{"type":"command","id":"a","name":"session.open","args":{}}"#)
    h.settle()
    #expect(h.sink.received(1).map { $0["type"]! } == ["welcome", "event", "ack"])
  }

  @Test func commandBeforeHelloIsFatal() throws {
    let h = try FloorHarness()
    let r = router(h)
    r.wireOpened(2, path: "/ws", peer: "test")
    send(r, 2, #"{"type":"command","id":"a","name":"session.open"}"#)
    #expect(h.sink.received(2).first?["code"] == "no_hello")
    #expect(h.sink.closeCode(2) == CloseCode.protocolError.rawValue)
  }

  @Test func unknownOrMismatchedCommitteeIs4404() throws {
    let h = try FloorHarness()
    let r = router(h)
    r.wireOpened(3, path: "/ws", peer: "test")
    send(r, 3, #"{"type":"hello","token":"t","committee":"nope"}"#)
    #expect(h.sink.closeCode(3) == CloseCode.unknownCommittee.rawValue)
    r.wireOpened(4, path: "/ws/other", peer: "test")
    send(r, 4, #"{"type":"hello","token":"t","committee":"\#(h.floor.committeeId)"}"#)
    #expect(h.sink.closeCode(4) == CloseCode.unknownCommittee.rawValue)
  }

  @Test func floodingIsRateLimitedPerConnection() throws {
    let h = try FloorHarness()
    let r = router(h, burst: 3)
    r.wireOpened(5, path: "/ws", peer: "test")
    send(r, 5, #"{"type":"hello","token":"\#(h.chairToken)","committee":"\#(h.floor.committeeId)"}"#)
    for i in 0..<5 { send(r, 5, #"{"type":"command","id":"n\#(i)","name":"no.such"}"#) }
    h.settle()
    let codes = h.sink.received(5).filter { $0["type"] == "reject" }.map { $0["code"]!.stringValue! }
    #expect(codes.filter { $0 == "rate_limited" }.count == 2)
    #expect(codes.filter { $0 == "unknown_command" }.count == 3)
  }

  @Test func healthz() throws {
    let h = try FloorHarness()
    let response = try #require(router(h).wireHTTP(path: "/healthz"))
    #expect(response.status == 200)
    let body = try JSON.parse(response.body)
    #expect(body["status"] == "ok")
    #expect(body["committees"] == [.string(h.floor.committeeId)])
    #expect(router(h).wireHTTP(path: "/nope") == nil)
  }
}
