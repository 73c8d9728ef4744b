// The `motions`, `vote`, `votes` and `drafts` sections of the public view carry the keys of
// protocol.md §6, spelled exactly.
import Testing

@testable import GavelCore

@Suite struct VoteView {
  static func keys(_ json: JSON?) -> Set<String> { Set(json?.objectValue?.keys.map { $0 } ?? []) }

  @Test func sectionsHaveTheProtocolKeys() {
    var floor = WorkedExamplesSecurityCouncil.draftVote(method: .rollCall, draw: 2)
    var view = publicView(floor.state)
    let vote = view["vote"]!
    #expect(
      Self.keys(vote).isSuperset(of: [
        "id", "subject", "question", "threshold", "method", "round", "order", "next", "eligible", "ballots", "rights",
        "tally",
      ]))
    #expect(vote["next"] == "CHN")
    #expect(vote["subject"] == ["kind": "draft", "id": "SIM-SC/DR/1"])
    #expect(vote["tally"] == ["yes": 0, "no": 0, "abstain": 0, "pass": 0])
    floor.run("vote.cast", ["choice": "pass"], as: .delegate("CHN"))
    #expect(publicView(floor.state)["vote"]?["tally"]?["pass"] == 1)
    floor.castInOrder(Dictionary(uniqueKeysWithValues: WorkedExamplesSecurityCouncil.roll.map { ($0, Choice.yes) }))
    floor.run("vote.close")
    floor.run("vote.cast", ["choice": "no"], as: .delegate("CHN"))
    floor.run("vote.close")
    view = publicView(floor.state)
    #expect(view["vote"] == .null)
    let closed = view["votes"]!.arrayValue![0]
    #expect(
      Self.keys(closed).isSuperset(of: [
        "id", "subject", "question", "threshold", "method", "tally", "outcome", "reason", "vetoedBy", "ballots",
        "openedAt",
        "closedAt",
      ]))
    #expect(closed["tally"] == ["yes": 14, "no": 1, "abstain": 0, "notVoting": 0])
    #expect(closed["outcome"] == "rejected" && closed["reason"] == "veto" && closed["vetoedBy"] == ["CHN"])
    #expect(closed["ballots"]?["CHN"] == "no")
    let draft = view["drafts"]!.arrayValue![0]
    #expect(
      Self.keys(draft).isSuperset(of: ["id", "title", "sponsors", "signatories", "status", "clauses", "amendments"]))
    #expect(draft["status"] == "vetoed")
    #expect(draft["clauses"]?.arrayValue?.first == ["n": 1, "kind": "preambular", "text": "Recalling 1,"])
  }

  @Test func motionsSectionListsPendingMotions() {
    var floor = Floor(TestCommittee.ga(10))
    floor.propose(.setSpeakingTime, ["ms": 60_000], by: "M001", secondedBy: "M002")
    floor.propose(.suspendMeeting, [:], by: "M003")
    let motions = publicView(floor.state)["motions"]!.arrayValue!
    #expect(motions.map { $0["id"]! } == ["M1", "M2"])
    #expect(Self.keys(motions[0]).isSuperset(of: ["id", "kind", "by", "secondedBy", "args", "status"]))
    #expect(motions[0]["status"] == "on_floor" && motions[1]["status"] == "awaiting_second")
    #expect(motions[1]["secondedBy"] == .null)
    #expect(motions[0]["args"] == ["ms": 60_000])
  }
}
