import GavelTesting
import Testing

@testable import GavelCore

/// protocol.md §6: the floor's sections of the public view, with their documented keys and spellings.
@Suite struct FloorViewTests {
  @Test func floorSectionsFollowTheProtocol() throws {
    let t = ManualClock.epoch
    let s = try Given(Committees.unsc2026).opened().marked(["FRA"], .presentAndVoting).marked(["PAK", "TJK", "GBR"])
      .and("speakers.add", as: .delegate("PAK")).and("speakers.add", as: .delegate("TJK")).and("speakers.next")
      .advanced(by: 30_000).and("speaker.yield", ["to": "delegate", "seat": "GBR"], as: .delegate("PAK"))
      .and("point.raise", ["kind": "order", "text": "Rule 30"], as: .delegate("FRA"))
    let view = publicView(s.state)
    #expect(
      view["committee"]
        == [
          "id": "unsc", "name": "Security Council", "body": "security_council", "rules": "UNSC_PROVISIONAL+MUN_NA@1",
          "topic": .string(Committees.tajikistan), "symbolPrefix": "SIM-SC",
        ])
    #expect(view["seats"]?["TJK"] == ["name": "Tajikistan", "kind": "participant", "veto": false])
    #expect(view["seats"]?["CHN"] == ["name": "China", "kind": "member", "veto": true])
    #expect(view["seats"]?.objectValue?.count == 18)
    #expect(view["session"]?["state"] == "open")
    #expect(view["session"]?["mode"] == "formal")
    #expect(view["session"]?["since"] == .int(Int(t)))
    #expect(view["attendance"] == ["FRA": "present_and_voting", "PAK": "present", "TJK": "present", "GBR": "present"])
    #expect(
      view["quorum"]
        == ["members": 15, "present": 3, "toOpen": 0, "toDecide": 9, "canOpen": true, "canDecide": false])
    let speakers = try #require(view["speakers"])
    #expect(speakers["open"] == true)
    #expect(speakers["speakingTimeMs"] == 90_000)
    #expect(speakers["queue"] == ["TJK"])
    #expect(
      speakers["current"]?.objectValue?.filter {
        ["seat", "timeMs", "startedAt", "elapsedMs", "running", "yieldedFrom"].contains($0.key)
      }
        == [
          "seat": "GBR", "timeMs": 60_000, "startedAt": .int(Int(t + 30_000)), "elapsedMs": 0, "running": false,
          "yieldedFrom": "PAK",
        ])
    #expect(view["caucus"] == .null)
    #expect(view["points"] == [["id": "P1", "kind": "order", "by": "FRA", "text": "Rule 30"]])
  }

  @Test func caucusSection() throws {
    let t = ManualClock.epoch
    let s = try Given(Committees.unsc2026).inSession()
      .and(CaucusStarted(kind: .moderated, topic: "Border", totalMs: 600_000, speakerMs: 60_000, at: t))
      .and("speakers.add", as: .delegate("DNK"))
    let caucus = try #require(publicView(s.state)["caucus"])
    #expect(caucus["kind"] == "moderated")
    #expect(caucus["topic"] == "Border")
    #expect(caucus["totalMs"] == 600_000)
    #expect(caucus["speakerMs"] == 60_000)
    #expect(caucus["startedAt"] == .int(Int(t)))
    #expect(caucus["elapsedMs"] == 0)
    #expect(caucus["running"] == true)
    #expect(caucus["queue"] == ["DNK"])
    #expect(caucus["current"] == .null)
    #expect(publicView(s.state)["session"]?["mode"] == "moderated_caucus")
  }
}
