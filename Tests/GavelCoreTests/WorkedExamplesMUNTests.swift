// rules.md §9 MUN-1 … MUN-4, driven through commands.
import Testing

@testable import GavelCore

@Suite struct WorkedExamplesMUN {
  static let codes = TestCommittee.gaCodes(36)

  @Test func mun1_moderatedCaucusTieFails() {
    var floor = Floor(TestCommittee.ga(36), present: Self.codes)
    let motion = floor.propose(
      .moderatedCaucus, ["totalMs": 600_000, "speakerMs": 60_000, "topic": "border"], by: "M001", secondedBy: "M002")
    floor.run("motion.put", ["motion": .string(motion)])
    #expect(floor.state.vote?.threshold == .simpleMajorityOfPresent)
    floor.reject("vote.cast", ["choice": "abstain"], as: .delegate("M001"), .abstainNotAllowed)
    floor.castAll(Floor.split(Self.codes, yes: 18, no: 18, abstain: 0))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 18, no: 18, abstain: 0))
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .tie)
    #expect(vote.vetoedBy.isEmpty)
  }

  @Test func mun1_moderatedCaucusPasses19to17() {
    var floor = Floor(TestCommittee.ga(36), present: Self.codes)
    let motion = floor.propose(
      .moderatedCaucus, ["totalMs": 600_000, "speakerMs": 60_000, "topic": "border"], by: "M001", secondedBy: "M002")
    floor.run("motion.put", ["motion": .string(motion)])
    floor.castAll(Floor.split(Self.codes, yes: 19, no: 17, abstain: 0))
    let events = floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 19, no: 17, abstain: 0))
    #expect(vote.outcome == .adopted)
    #expect(vote.reason == .thresholdMet)
    #expect(events.map(\.name) == ["voteClosed", "motionExecuted", "caucusStarted"])
    #expect(floor.state.session.mode == .moderatedCaucus)
  }

  @Test(arguments: [(23, Outcome.rejected, OutcomeReason.thresholdNotMet), (24, .adopted, .thresholdMet)])
  func mun1_closureNeedsTwoThirdsOfPresent(yes: Int, outcome: Outcome, reason: OutcomeReason) {
    var floor = Floor(TestCommittee.ga(36), present: Self.codes)
    let motion = floor.propose(.closeDebate, by: "M001", secondedBy: "M002")
    floor.run("motion.put", ["motion": .string(motion)])
    #expect(floor.state.vote?.threshold == .twoThirdsOfPresent)
    floor.castAll(Floor.split(Self.codes, yes: yes, no: 36 - yes, abstain: 0))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: yes, no: 36 - yes, abstain: 0))
    #expect(vote.outcome == outcome)
    #expect(vote.reason == reason)
    #expect(vote.vetoedBy.isEmpty)
    #expect(floor.state.motions.votingProcedure == (outcome == .adopted))
  }

  /// (a) mod 10 min/60 s, (b) mod 15 min/45 s, (c) unmod 20 min, (d) speaking time 60 s, (e) closure.
  static func mun2Floor(rules: RulesProfile) -> (Floor, [String: String]) {
    var floor = Floor(TestCommittee.ga(36, rules: rules), present: codes)
    var ids: [String: String] = [:]
    ids["a"] = floor.propose(
      .moderatedCaucus, ["totalMs": 600_000, "speakerMs": 60_000, "topic": "border security"], by: "M001",
      secondedBy: "M002")
    ids["b"] = floor.propose(
      .moderatedCaucus, ["totalMs": 900_000, "speakerMs": 45_000, "topic": "refugee flows"], by: "M003",
      secondedBy: "M004")
    ids["c"] = floor.propose(.unmoderatedCaucus, ["totalMs": 1_200_000], by: "M005", secondedBy: "M006")
    ids["d"] = floor.propose(.setSpeakingTime, ["ms": 60_000], by: "M007", secondedBy: "M008")
    ids["e"] = floor.propose(.closeDebate, by: "M009", secondedBy: "M010")
    return (floor, ids)
  }

  @Test func mun2_precedenceResolutionNA() {
    var (floor, ids) = Self.mun2Floor(rules: .gaCommittee)
    let order = publicView(floor.state)["motions"]!.arrayValue!.map { $0["id"]!.stringValue! }
    #expect(order == ["c", "b", "a", "e", "d"].map { ids[$0]! })
    floor.reject("motion.put", ["motion": .string(ids["b"]!)], .outOfOrder)
    floor.run("motion.put")
    #expect(floor.state.vote?.subject.id == ids["c"])
    floor.castAll(Floor.split(Self.codes, yes: 14, no: 22, abstain: 0))
    floor.run("vote.close")
    #expect(floor.lastVote?.outcome == .rejected)
    #expect(floor.lastVote?.tally == Tally(yes: 14, no: 22, abstain: 0))
    #expect(floor.lastVote?.reason == .thresholdNotMet)
    floor.run("motion.put")
    #expect(floor.state.vote?.subject.id == ids["b"])
    floor.castAll(Floor.split(Self.codes, yes: 20, no: 16, abstain: 0))
    let events = floor.run("vote.close")
    #expect(floor.lastVote?.outcome == .adopted)
    #expect(floor.lastVote?.tally == Tally(yes: 20, no: 16, abstain: 0))
    let discarded = events.compactMap { $0.payload as? MotionDiscarded }.map(\.motion)
    #expect(discarded == ["a", "e", "d"].map { ids[$0]! })
    #expect(floor.state.motions.pending.isEmpty)
    #expect(floor.state.session.mode == .moderatedCaucus)
  }

  @Test func mun2_underTheUNPresetClosureComesFirst() {
    var rules = RulesProfile.gaCommittee
    rules.motions = .unGeneralAssembly
    let (floor, ids) = Self.mun2Floor(rules: rules)
    #expect(floor.state.motionToPut?.id == ids["e"])
  }

  /// SIM-SC/DR/2 with OP1–OP6 before a Council (DR/1 withdrawn).
  static func mun3Floor(rules: RulesProfile = .securityCouncil) -> (Floor, String) {
    var floor = Floor(TestCommittee.unsc1994(rules: rules))
    let first = floor.approvedDraft(by: "ESP", signatories: ["BRA", "CZE"], operative: 1)
    floor.run("draft.withdraw", ["draft": .string(first)])
    let draft = floor.approvedDraft(by: "ARG", signatories: ["BRA", "CZE"], operative: 6)
    #expect(draft == "SIM-SC/DR/2")
    return (floor, draft)
  }

  @Test func mun3_divisionThenWhole() {
    var (floor, draft) = Self.mun3Floor()
    let roll = WorkedExamplesSecurityCouncil.roll
    let motion = floor.propose(.divideQuestion, ["draft": .string(draft), "parts": [[4], [6]]], by: "NZL")
    floor.run("motion.put", ["motion": .string(motion)])
    floor.castAll(Floor.split(roll, yes: 10, no: 5, abstain: 0))
    floor.run("vote.close")
    #expect(floor.lastVote?.outcome == .adopted)
    #expect(floor.lastVote?.tally == Tally(yes: 10, no: 5, abstain: 0))
    let parts = floor.state.drafts.draft(draft)!.parts.map(\.id)
    #expect(parts == ["SIM-SC/DR/2/Part.1", "SIM-SC/DR/2/Part.2"])

    floor.reject("vote.open", ["subject": .subject(.draft, draft)], .outOfOrder)
    floor.reject("vote.open", ["subject": .subject(.part, parts[1])], .outOfOrder)
    floor.run("vote.open", ["subject": .subject(.part, parts[0])])
    #expect(floor.state.vote?.question == .substantive)
    floor.castAll(Floor.split(roll, yes: 7, no: 6, abstain: 2))
    floor.run("vote.close")
    #expect(floor.lastVote?.tally == Tally(yes: 7, no: 6, abstain: 2))
    #expect(floor.lastVote?.outcome == .rejected)
    #expect(floor.lastVote?.reason == .insufficientVotes)

    floor.run("vote.open", ["subject": .subject(.part, parts[1])])
    var op6 = WorkedExamplesSecurityCouncil.choices(no: ["RUS", "PAK", "OMN"], abstain: ["BRA", "DJI"])
    op6["RUS"] = .no
    floor.castAll(op6)
    floor.run("vote.close")
    #expect(floor.lastVote?.tally == Tally(yes: 10, no: 3, abstain: 2))
    #expect(floor.lastVote?.outcome == .rejected)
    #expect(floor.lastVote?.reason == .veto)
    #expect(floor.lastVote?.vetoedBy == ["RUS"])

    #expect(floor.state.drafts.draft(draft)!.operative.map(\.n) == [1, 2, 3, 5])
    floor.run("vote.open", ["subject": .subject(.draft, draft)])
    floor.castAll(WorkedExamplesSecurityCouncil.choices(no: [], abstain: ["BRA", "DJI"]))
    floor.run("vote.close")
    let whole = floor.lastVote!
    #expect(whole.tally == Tally(yes: 13, no: 0, abstain: 2))
    #expect(whole.outcome == .adopted)
    #expect(whole.reason == .thresholdMet)
    #expect(whole.vetoedBy.isEmpty)
    let view = publicView(floor.state)["drafts"]!.arrayValue!.first { $0["id"]?.stringValue == draft }!
    #expect(
      view["clauses"]!.arrayValue!.filter { $0["kind"] == "operative" }.map { $0["n"]!.intValue! } == [1, 2, 3, 5])
    #expect(view["status"] == "adopted")
  }

  /// OP3 "Requests deployment of 40 military observers"; A: 100, B: 60, C: delete OP3.
  static func mun4Floor() -> (Floor, String, [String]) {
    var floor = Floor(TestCommittee.unsc1994())
    let draft = floor.approvedDraft(by: "ARG", signatories: ["BRA", "CZE"], operative: 4)
    for (seat, action, text) in [
      ("NZL", "modify", "Requests deployment of 100 military observers;"),
      ("OMN", "modify", "Requests deployment of 60 military observers;"), ("RUS", "strike", ""),
    ] {
      floor.run(
        "amendment.submit", ["draft": .string(draft), "clause": 3, "action": .string(action), "text": .string(text)],
        as: .delegate(seat))
    }
    let ids = floor.state.drafts.draft(draft)!.amendments.map(\.id)
    floor.run("amendment.order", ["draft": .string(draft), "order": [.string(ids[0]), .string(ids[1])]])
    return (floor, draft, ids)
  }

  @Test func mun4_deletionFirstThenMoot() {
    var (floor, draft, ids) = Self.mun4Floor()
    let roll = WorkedExamplesSecurityCouncil.roll
    floor.reject("vote.open", ["subject": .subject(.amendment, ids[0])], .outOfOrder)
    floor.reject("vote.open", ["subject": .subject(.draft, draft)], .outOfOrder)
    floor.run("vote.open", ["subject": .subject(.amendment, ids[2])])
    floor.castAll(Floor.split(roll, yes: 15, no: 0, abstain: 0))
    let events = floor.run("vote.close")
    #expect(floor.lastVote?.outcome == .adopted)
    #expect(floor.lastVote?.tally == Tally(yes: 15, no: 0, abstain: 0))
    #expect(events.compactMap { $0.payload as? AmendmentsMooted }.first?.amendments == [ids[0], ids[1]])
    let amendments = floor.state.drafts.draft(draft)!.amendments
    #expect(amendments.map(\.status) == [.moot, .moot, .adopted])
    floor.reject("vote.open", ["subject": .subject(.amendment, ids[0])], .outOfOrder)
    floor.run("vote.open", ["subject": .subject(.draft, draft)])
    #expect(floor.state.drafts.draft(draft)!.operative.map(\.n) == [1, 2, 4])
  }

  @Test func mun4_deletionFailsFurthestRemovedNext() {
    var (floor, draft, ids) = Self.mun4Floor()
    let roll = WorkedExamplesSecurityCouncil.roll
    floor.run("vote.open", ["subject": .subject(.amendment, ids[2])])
    floor.castAll(Floor.split(roll, yes: 5, no: 10, abstain: 0))
    floor.run("vote.close")
    #expect(floor.lastVote?.outcome == .rejected)
    #expect(floor.lastVote?.reason == .insufficientVotes)
    floor.reject("vote.open", ["subject": .subject(.amendment, ids[1])], .outOfOrder)
    floor.run("vote.open", ["subject": .subject(.amendment, ids[0])])
    floor.castAll(Floor.split(roll, yes: 15, no: 0, abstain: 0))
    floor.run("vote.close")
    #expect(floor.lastVote?.outcome == .adopted)
    #expect(floor.state.drafts.draft(draft)!.amendments.map(\.status) == [.adopted, .moot, .rejected])
    floor.run("vote.open", ["subject": .subject(.draft, draft)])
    #expect(
      floor.state.drafts.draft(draft)!.operative.first { $0.n == 3 }?.text
        == "Requests deployment of 100 military observers;")
    floor.castAll(Floor.split(roll, yes: 15, no: 0, abstain: 0))
    floor.run("vote.close")
    #expect(floor.lastVote?.outcome == .adopted)
    #expect(floor.lastVote?.tally == Tally(yes: 15, no: 0, abstain: 0))
    #expect(floor.lastVote?.reason == .thresholdMet)
    #expect(floor.lastVote?.vetoedBy == [])
  }
}
