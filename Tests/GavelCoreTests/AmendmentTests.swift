// Amendments (rules.md §5.8): friendly ones incorporated when every sponsor accepts; unfriendly
// ones voted before the draft, changing the text when adopted.
import Testing

@testable import GavelCore

@Suite struct Amendments {
  @Test func friendlyWhenEverySponsorAccepts() {
    var floor = Floor(TestCommittee.ga(10))
    floor.run(
      "draft.submit",
      ["title": "T", "sponsors": ["M001", "M002"], "clauses": [["kind": "operative", "text": "Urges restraint;"]]],
      as: .delegate("M001"))
    let draft = floor.state.drafts.drafts[0].id
    floor.run(
      "amendment.submit", ["draft": .string(draft), "clause": 1, "action": "add", "text": "Requests a report."],
      as: .delegate("M005"))
    let id = floor.state.drafts.drafts[0].amendments[0].id
    #expect(id == "SIM-GA1/DR/1/Amend.1")
    floor.reject("amendment.accept", ["amendment": .string(id)], as: .delegate("M005"), .forbidden)
    floor.run("amendment.accept", ["amendment": .string(id)], as: .delegate("M001"))
    #expect(floor.state.drafts.drafts[0].amendments[0].status == .submitted)
    floor.run("amendment.accept", ["amendment": .string(id)], as: .delegate("M002"))
    let after = floor.state.drafts.drafts[0]
    #expect(after.amendments[0].friendly && after.amendments[0].status == .incorporated)
    #expect(after.operative.map(\.text) == ["Urges restraint;", "Requests a report."])
    #expect(!floor.log.contains { $0.name == "voteOpened" })
  }

  @Test func unfriendlyAmendmentIsVotedBeforeTheDraft() {
    var floor = Floor(TestCommittee.ga(10))
    let draft = floor.approvedDraft(by: "M001", signatories: ["M002"], operative: 2)
    floor.run(
      "amendment.submit", ["draft": .string(draft), "clause": 2, "action": "modify", "text": "Decides otherwise;"],
      as: .delegate("M003"))
    floor.reject(
      "amendment.submit", ["draft": .string(draft), "clause": 9, "action": "strike"], as: .delegate("M003"),
      .invalidArgs)
    floor.reject(
      "amendment.submit", ["draft": .string(draft), "clause": 1, "action": "strike"], as: .delegate("OBS"), .notEligible
    )
    let amendment = floor.state.drafts.draft(draft)!.amendments[0].id
    floor.closeDebate(mover: "M004", seconder: "M005")
    floor.reject("vote.open", ["subject": .subject(.draft, draft)], .outOfOrder)
    floor.run("vote.open", ["subject": .subject(.amendment, amendment)])
    #expect(floor.state.vote?.question == .substantive)
    floor.everyoneYesAndClose()
    #expect(floor.state.drafts.draft(draft)?.operative.map(\.text) == ["Operative 1;", "Decides otherwise;"])
    floor.run("vote.open", ["subject": .subject(.draft, draft)])
    #expect(floor.state.vote?.subject.id == draft)
  }
}
