// rules.md §10 edge cases about motions, drafts and amendments (one test per case).
import Testing

@testable import GavelCore

@Suite struct EdgeCasesMotionsDrafts {
  typealias SC = WorkedExamplesSecurityCouncil
  typealias GA = WorkedExamplesGeneralAssembly

  @Test func E07_motionRuledDilatory() {
    var floor = Floor(TestCommittee.ga(10))
    let motion = floor.propose(.adjournMeeting, by: "M001", secondedBy: "M002")
    let events = floor.run(
      "motion.ruleOut", ["motion": .string(motion), "reason": "Obstructs debate", "dilatory": true])
    let ruling = events.first?.payload as? MotionRuledOut
    #expect(ruling?.dilatory == true && ruling?.appealable == false && ruling?.reason == "Obstructs debate")
    #expect(floor.state.motions.pending.isEmpty)
    #expect(floor.state.vote == nil)
    floor.reject(
      "motion.propose", ["kind": "appeal", "args": ["ruling": .string(ruling!.ruling)]], as: .delegate("M003"),
      .outOfOrder)
    // The mover is not penalised: it may move again.
    floor.propose(.adjournMeeting, by: "M001", secondedBy: "M002")
    #expect(floor.state.motions.pending.count == 1)
  }

  @Test func E07_nonDilatoryRulingCanBeAppealedAndOverturned() {
    var floor = Floor(TestCommittee.ga(10))
    let motion = floor.propose(.setSpeakingTime, ["ms": 60_000], by: "M001", secondedBy: "M002")
    floor.run("motion.ruleOut", ["motion": .string(motion), "reason": "Premature"])
    let appeal = floor.propose(.appeal, ["ruling": "R1"], by: "M001", secondedBy: "M003")
    floor.run("motion.put", ["motion": .string(appeal)])
    #expect(floor.state.vote?.threshold == .twoThirdsOfPresent)
    floor.everyoneYesAndClose()
    #expect(floor.state.motions.rulings.first?.overturned == true)
    #expect(floor.state.motions.pending.map(\.id) == [motion])
  }

  @Test func E10_nonMembersMayNotMoveSecondOrVote() {
    var floor = Floor(TestCommittee.unsc1994())
    floor.reject("motion.propose", ["kind": "adjourn_meeting"], as: .delegate("TJK"), .notEligible)
    floor.reject("motion.propose", ["kind": "adjourn_meeting"], as: .delegate("CIS"), .notEligible)
    let motion = floor.propose(.suspendMeeting, ["durationMs": 60_000], by: "ARG")
    floor.reject("motion.second", ["motion": .string(motion)], as: .delegate("AFG"), .notEligible)
    floor.run("motion.put")
    floor.reject("vote.cast", ["choice": "yes"], as: .delegate("TJK"), .notEligible)
    var ga = Floor(TestCommittee.ga(10))
    ga.reject("motion.propose", ["kind": "adjourn_meeting"], as: .delegate("OBS"), .notEligible)
  }

  @Test func E11_participantDraftNeedsAMembersRequest() {
    var floor = Floor(TestCommittee.unsc1994())
    floor.run(
      "draft.submit",
      [
        "title": "Tajik draft", "sponsors": ["TJK"], "signatories": ["ARG", "BRA", "CZE"],
        "clauses": [["kind": "operative", "text": "Requests a ceasefire."]],
      ], as: .delegate("TJK"))
    let draft = floor.state.drafts.drafts[0]
    #expect(draft.status == .submittedNonMember)
    #expect(draft.id == "SIM-SC/DR/1")
    floor.run("draft.approve", ["draft": .string(draft.id)])
    floor.reject("vote.open", ["subject": .subject(.draft, draft.id)], .outOfOrder)
    floor.reject("draft.request", ["draft": .string(draft.id)], as: .delegate("AFG"), .notEligible)
    floor.run("draft.request", ["draft": .string(draft.id)], as: .delegate("NZL"))
    floor.run("vote.open", ["subject": .subject(.draft, draft.id)])
    #expect(floor.state.vote?.subject.id == draft.id)
  }

  @Test func E19_equalCaucusesOrderedByTotalThenSpeakingTimeThenRaised() {
    var floor = Floor(TestCommittee.ga(10))
    let short = floor.propose(
      .moderatedCaucus, ["totalMs": 600_000, "speakerMs": 30_000, "topic": "a"], by: "M001", secondedBy: "M002")
    let long = floor.propose(
      .moderatedCaucus, ["totalMs": 600_000, "speakerMs": 60_000, "topic": "b"], by: "M003", secondedBy: "M004")
    let early = floor.propose(
      .moderatedCaucus, ["totalMs": 600_000, "speakerMs": 60_000, "topic": "c"], by: "M005", secondedBy: "M006")
    let bigger = floor.propose(
      .moderatedCaucus, ["totalMs": 900_000, "speakerMs": 30_000, "topic": "d"], by: "M007", secondedBy: "M008")
    #expect(floor.state.rules.motions.ordered(floor.state.motions.pending).map(\.id) == [bigger, long, early, short])
    var rules = floor.state.rules.motions
    rules.longerSpeakingTimeFirst = false
    #expect(rules.ordered(floor.state.motions.pending).map(\.id) == [bigger, short, long, early])
  }

  @Test func E20_adoptedMotionDiscardsTheRest() {
    var floor = Floor(TestCommittee.ga(10))
    let suspend = floor.propose(.suspendMeeting, ["durationMs": 600_000], by: "M001", secondedBy: "M002")
    let time = floor.propose(.setSpeakingTime, ["ms": 45_000], by: "M003", secondedBy: "M004")
    let unseconded = floor.propose(.unmoderatedCaucus, ["totalMs": 300_000], by: "M005")
    floor.run("motion.put")
    #expect(floor.state.vote?.subject.id == suspend)
    floor.everyoneYesAndClose()
    let discarded = floor.log.compactMap { $0.payload as? MotionDiscarded }
    #expect(discarded.map(\.motion) == [time, unseconded])
    #expect(discarded.allSatisfy { $0.adopted == suspend })
    #expect(floor.state.motions.pending.isEmpty)
  }

  @Test func E22_noInterruptionsDuringVoting() {
    var floor = SC.draftVote()
    floor.reject("motion.propose", ["kind": "suspend_meeting"], as: .delegate("ARG"), .outOfOrder)
    floor.reject("motion.put", [:], .outOfOrder)
    floor.reject("vote.open", ["subject": .subject(.draft, "SIM-SC/DR/1")], .wrongState)
  }

  @Test func E27_caucusExtensionCaps() {
    var floor = Floor(TestCommittee.ga(10))
    let caucus = floor.propose(.unmoderatedCaucus, ["totalMs": 900_000], by: "M001", secondedBy: "M002")
    floor.run("motion.put", ["motion": .string(caucus)])
    floor.everyoneYesAndClose()
    floor.reject(
      "motion.propose", ["kind": "extend_caucus", "args": ["ms": 960_000]], as: .delegate("M003"), .outOfOrder)
    let extend = floor.propose(.extendCaucus, ["ms": 300_000], by: "M003", secondedBy: "M004")
    floor.run("motion.put", ["motion": .string(extend)])
    let events = floor.log.suffix(3).map(\.name)
    floor.everyoneYesAndClose()
    #expect(floor.log.contains { ($0.payload as? CaucusExtended)?.ms == 300_000 })
    #expect(events.contains("voteOpened"))
    floor.reject(
      "motion.propose", ["kind": "extend_caucus", "args": ["ms": 60_000]], as: .delegate("M005"), .outOfOrder)
  }

  @Test func E28_moderatedCaucusLeftoverIsWarned() {
    var floor = Floor(TestCommittee.ga(10))
    let events = floor.run(
      "motion.propose", ["kind": "moderated_caucus", "args": ["totalMs": 600_000, "speakerMs": 45_000, "topic": "x"]],
      as: .delegate("M001"))
    let warnings = (events.first?.payload as? MotionProposed)?.motion.warnings ?? []
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("13 speakers") == true && warnings.first?.contains("15000 ms") == true)
  }

  @Test func E29_mootAmendmentIsNeverVoted() {
    var (floor, _, ids) = WorkedExamplesMUN.mun4Floor()
    floor.run("vote.open", ["subject": .subject(.amendment, ids[2])])
    floor.castAll(Floor.split(SC.roll, yes: 15, no: 0, abstain: 0))
    floor.run("vote.close")
    for moot in ids.prefix(2) {
      floor.reject("vote.open", ["subject": .subject(.amendment, moot)], .outOfOrder)
    }
    #expect(floor.state.votes.allSatisfy { $0.subject.id != ids[0] && $0.subject.id != ids[1] })
  }

  @Test func E30_allOperativePartsFailInTheGA() {
    var floor = GA.draftVote(members: 10, present: 10)
    floor.run("vote.cancel")
    let draft = floor.state.drafts.drafts[0].id
    let motion = floor.propose(
      .divideQuestion, ["draft": .string(draft), "parts": [[1], [2]]], by: "M004", secondedBy: "M005")
    floor.run("motion.put", ["motion": .string(motion)])
    floor.everyoneYesAndClose()
    for part in floor.state.drafts.draft(draft)!.parts.map(\.id) {
      floor.run("vote.open", ["subject": .subject(.part, part)])
      floor.castAll(Floor.split(TestCommittee.gaCodes(10), yes: 2, no: 8, abstain: 0))
      floor.run("vote.close")
    }
    #expect(floor.log.last?.name == "draftRejectedWithoutVote")
    #expect(floor.state.drafts.draft(draft)?.status == .rejected)
    floor.reject("vote.open", ["subject": .subject(.draft, draft)], .outOfOrder)
  }

  @Test(arguments: [true, false])
  func E31_sponsorLeavesBelowThreshold(keep: Bool) {
    var rules = RulesProfile.securityCouncil
    rules.drafts.keepBelowThreshold = keep
    var floor = Floor(TestCommittee.unsc1994(rules: rules))
    floor.run(
      "draft.submit",
      [
        "title": "T", "sponsors": ["ARG", "BRA"], "signatories": ["CZE"],
        "clauses": [["kind": "operative", "text": "Decides."]],
      ], as: .delegate("ARG"))
    let draft = floor.state.drafts.drafts[0].id
    floor.run("draft.approve", ["draft": .string(draft)])
    floor.run("draft.unsign", ["draft": .string(draft)], as: .delegate("BRA"))
    let after = floor.state.drafts.draft(draft)!
    #expect(after.sponsors == ["ARG"])
    #expect(after.status == (keep ? .approved : .workingPaper))
  }

  @Test func E36_reconsiderationOnlyFromThePrevailingSide() {
    var floor = GA.draftVote(members: 10, present: 10)
    let draft = floor.state.drafts.drafts[0].id
    floor.castAll(Floor.split(TestCommittee.gaCodes(10), yes: 4, no: 6, abstain: 0))
    floor.run("vote.close")
    let old = floor.lastVote!
    #expect(old.outcome == .rejected)
    floor.reject(
      "motion.propose", ["kind": "reconsider", "args": ["vote": .string(old.id)]], as: .delegate("M001"), .outOfOrder)
    let motion = floor.propose(.reconsider, ["vote": .string(old.id)], by: "M009", secondedBy: "M010")
    floor.run("motion.put", ["motion": .string(motion)])
    #expect(floor.state.vote?.threshold == .twoThirdsOfVotesCast)
    floor.everyoneYesAndClose()
    floor.run("vote.open", ["subject": .subject(.draft, draft)])
    #expect(floor.state.vote?.reconsiders == old.id)
    floor.castAll(Floor.split(TestCommittee.gaCodes(10), yes: 7, no: 3, abstain: 0))
    floor.run("vote.close")
    #expect(floor.lastVote?.outcome == .adopted)
    #expect(floor.state.votes.first { $0.id == old.id } == old)
  }
}
