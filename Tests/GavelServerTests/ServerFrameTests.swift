// Server frames are canonical JSON with exactly the fields of protocol.md §4.
import GavelCore
import GavelWire
import Testing

@testable import GavelServer

@Suite struct ServerFrameTests {
  func parse(_ frame: Frame) throws -> JSON { try JSON.parse(frame.bytes) }

  @Test func eventFrameSplicesThePayloadAndThePatch() throws {
    let patch = JSON.object(["a": 1]).diff(to: ["a": 2, "b": "x"])
    let frame = ServerFrame.event(
      seq: 1235, at: 1_764_432_001_456, name: "ballotCast", payload: Array(#"{"choice":"yes","seat":"FRA"}"#.utf8),
      patch: patch)
    let json = try parse(frame)
    #expect(json["type"] == "event")
    #expect(json["seq"] == 1235)
    #expect(json["at"] == 1_764_432_001_456)
    #expect(json["name"] == "ballotCast")
    #expect(json["data"] == ["choice": "yes", "seat": "FRA"])
    #expect(json["patch"] == .array(patch.map(\.json)))
    // Canonical: what the frame says is what the core's serializer would write.
    #expect(frame.bytes == json.serialized())
  }

  @Test func resumedWelcomeHasNoState() throws {
    let resumed = try parse(
      ServerFrame.welcome(
        committee: "unsc", role: .delegate, seat: "FRA", seq: 9, resumed: true, serverTime: 5, state: nil))
    #expect(resumed["state"] == nil)
    #expect(resumed["resumed"] == true)
    #expect(resumed["protocol"] == 1)
    #expect(resumed["seat"] == "FRA")
    let fresh = try parse(
      ServerFrame.welcome(committee: "unsc", role: .chair, seat: nil, seq: 9, resumed: false, serverTime: 5, state: [:]))
    #expect(fresh["state"] == .object([:]))
    #expect(fresh["seat"] == .null)
  }

  @Test func ackRejectAndError() throws {
    #expect(try parse(ServerFrame.ack(id: "c-1", seq: 4)) == ["type": "ack", "id": "c-1", "seq": 4])
    #expect(
      try parse(ServerFrame.reject(id: "c-2", Rejection(.notEligible, "No vote.")))
        == ["type": "reject", "id": "c-2", "code": "not_eligible", "message": "No vote."])
    #expect(
      try parse(ServerFrame.error(code: "bad_json", message: "m")) == ["type": "error", "code": "bad_json", "message": "m"])
  }
}
