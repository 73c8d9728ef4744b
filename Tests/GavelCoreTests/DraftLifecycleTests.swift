// Draft resolutions (rules.md §6): symbols, sponsors and signatories, approval threshold,
// introduction, withdrawal by all sponsors, voting order and reordering (§5.9).
import Testing

@testable import GavelCore

@Suite struct DraftLifecycle {
  static let clauses: JSON = [
    ["kind": "preambular", "text": "Recalling,"], ["kind": "operative", "text": "Decides."],
  ]

  @Test func submissionGivesSymbolsAndChecksSponsors() {
    var floor = Floor(TestCommittee.ga(10))
    floor.reject(
      "draft.submit", ["title": "T", "sponsors": ["M002"], "clauses": Self.clauses], as: .delegate("M001"), .invalidArgs
    )
    floor.reject(
      "draft.submit", ["title": "T", "sponsors": ["M001", "OBS"], "clauses": Self.clauses], as: .delegate("M001"),
      .notEligible)
    floor.reject(
      "draft.submit", ["title": "T", "sponsors": ["M001"], "clauses": [["kind": "preambular", "text": "Noting,"]]],
      as: .delegate("M001"), .invalidArgs)
    floor.run(
      "draft.submit", ["title": "T", "sponsors": ["M001", "M002"], "clauses": Self.clauses], as: .delegate("M001"))
    floor.run("draft.submit", ["title": "U", "sponsors": ["M003"], "clauses": Self.clauses])
    #expect(floor.state.drafts.drafts.map(\.id) == ["SIM-GA1/DR/1", "SIM-GA1/DR/2"])
    #expect(floor.state.drafts.drafts[0].signatories == ["M001", "M002"])
    #expect(floor.state.drafts.drafts[0].status == .workingPaper)
  }

  @Test func approvalNeedsTheSignatoryThreshold() {
    var floor = Floor(TestCommittee.ga(10))
    floor.run("draft.submit", ["title": "T", "sponsors": ["M001"], "clauses": Self.clauses], as: .delegate("M001"))
    let id: JSON = "SIM-GA1/DR/1"
    // 20 % of 10 members: 2 member signatories; the observer's signature does not count (R6.3).
    floor.run("draft.sign", ["draft": id], as: .delegate("OBS"))
    floor.reject("draft.approve", ["draft": id], .outOfOrder)
    floor.reject("draft.sign", ["draft": id], as: .delegate("OBS"), .duplicate)
    floor.run("draft.sign", ["draft": id], as: .delegate("M002"))
    floor.run("draft.approve", ["draft": id])
    #expect(floor.state.drafts.drafts[0].status == .approved)
    let motion = floor.propose(.introduceDraft, ["draft": id], by: "M001")
    floor.run("motion.put", ["motion": .string(motion)])
    #expect(floor.state.drafts.drafts[0].status == .introduced)
    #expect(floor.state.vote == nil)
  }

  @Test func withdrawalNeedsEverySponsor() {
    var floor = Floor(TestCommittee.ga(10))
    floor.run(
      "draft.submit", ["title": "T", "sponsors": ["M001", "M002"], "clauses": Self.clauses], as: .delegate("M001"))
    let id: JSON = "SIM-GA1/DR/1"
    floor.reject("draft.withdraw", ["draft": id], as: .delegate("M003"), .forbidden)
    floor.run("draft.withdraw", ["draft": id], as: .delegate("M001"))
    #expect(floor.state.drafts.drafts[0].status == .workingPaper)
    floor.run("draft.withdraw", ["draft": id], as: .delegate("M002"))
    #expect(floor.state.drafts.drafts[0].status == .withdrawn)
    floor.reject("draft.sign", ["draft": id], as: .delegate("M003"), .wrongState)
  }

  @Test func draftsAreVotedInSubmissionOrderUnlessReordered() {
    var floor = Floor(TestCommittee.ga(10))
    let first = floor.approvedDraft(by: "M001", signatories: ["M002"], operative: 1)
    let second = floor.approvedDraft(by: "M003", signatories: ["M004"], operative: 1)
    floor.closeDebate(mover: "M005", seconder: "M006")
    floor.reject("vote.open", ["subject": .subject(.draft, second)], .outOfOrder)
    let motion = floor.propose(
      .reorderDrafts, ["order": [.string(second), .string(first)]], by: "M005", secondedBy: "M006")
    floor.run("motion.put", ["motion": .string(motion)])
    floor.everyoneYesAndClose()
    #expect(floor.state.drafts.order == [second, first])
    floor.run("vote.open", ["subject": .subject(.draft, second)])
    floor.everyoneYesAndClose()
    #expect(floor.state.drafts.draft(second)?.resolution == "SIM-GA1/RES/1")
    floor.run("vote.open", ["subject": .subject(.draft, first)])
    floor.everyoneYesAndClose()
    #expect(floor.state.drafts.draft(first)?.resolution == "SIM-GA1/RES/2")
  }

  @Test func cancelledVoteIsVoidAndRestoresTheDraft() {
    var floor = WorkedExamplesSecurityCouncil.draftVote()
    #expect(floor.state.drafts.drafts[0].status == .voting)
    floor.run("vote.cast", ["choice": "yes"], as: .delegate("ARG"))
    floor.run("vote.cancel")
    #expect(floor.state.drafts.drafts[0].status == .approved)
    #expect(floor.lastVote?.outcome == .void && floor.lastVote?.reason == .moot)
    floor.run("vote.open", ["subject": .subject(.draft, floor.state.drafts.drafts[0].id)])
    #expect(floor.state.vote?.id == "V2")
  }
}
