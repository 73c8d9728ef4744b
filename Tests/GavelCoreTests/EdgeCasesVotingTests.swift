// rules.md §10 edge cases about ballots, tallies and results (one test per case, named after it).
import Testing

@testable import GavelCore

@Suite struct EdgeCasesVoting {
  typealias SC = WorkedExamplesSecurityCouncil
  typealias GA = WorkedExamplesGeneralAssembly

  @Test func E03_presentAndVotingSeatCannotAbstainOnSubstantive() {
    let codes = TestCommittee.gaCodes(20)
    var floor = Floor(TestCommittee.ga(20), present: codes, presentAndVoting: ["M010", "M011"])
    let draft = floor.approvedDraft(by: "M001", signatories: ["M002", "M003", "M004"], operative: 1)
    floor.closeDebate(mover: "M002", seconder: "M003")
    floor.run("vote.open", ["subject": .subject(.draft, draft)])
    floor.reject("vote.cast", ["choice": "abstain"], as: .delegate("M010"), .abstainNotAllowed)
    floor.reject("vote.record", ["seat": "M011", "choice": "abstain"], .abstainNotAllowed)
    floor.run("vote.cast", ["choice": "abstain"], as: .delegate("M012"))
    // Placard: abstentions may not exceed the 18 seats that are merely present.
    floor.reject("vote.count", ["yes": 1, "no": 0, "abstain": 19], .invalidArgs)
    floor.run("vote.cast", ["choice": "yes"], as: .delegate("M010"))
    #expect(floor.state.vote?.ballots["M010"] == .yes)
  }

  @Test func E05_quorumLostDuringAVoteSnapshotAtOpen() {
    var floor = Floor(TestCommittee.unsc1994())
    let draft = floor.approvedDraft(by: "ARG", signatories: ["BRA", "CZE"], operative: 1)
    floor.run("vote.open", ["subject": .subject(.draft, draft), "method": "roll_call"], draw: 0)
    floor.run("vote.cast", ["choice": "yes"], as: .delegate("ARG"))
    // Brazil leaves after the vote opened, before it was called (a departure, R2.9).
    floor.depart("BRA")
    #expect(floor.state.vote?.eligible.count == 15)
    #expect(floor.state.vote?.next(isPresent: { floor.state.attendance.isPresent($0) }) == "CHN")
    floor.castInOrder(Dictionary(uniqueKeysWithValues: SC.roll.map { ($0, Choice.yes) }))
    floor.run("vote.close")
    #expect(floor.lastVote?.tally == Tally(yes: 14, no: 0, abstain: 0))
    #expect(floor.lastVote?.notVoting == 1)
    #expect(floor.lastVote?.ballots["BRA"] == nil)
  }

  static func frozenVote(toDecide: Int, ballots: [Choice]) -> OpenVote {
    let seats = (1...ballots.count).map { "S\($0)" }
    var vote = OpenVote(
      id: "V1", subject: VoteSubject(kind: .draft, id: "D"), question: .substantive,
      threshold: .simpleMajorityOfVotesCast, method: .recorded, order: seats, eligible: seats, presentAndVoting: [],
      quorum: QuorumFigures(members: 20, present: ballots.count, toOpen: 5, toDecide: toDecide), members: 20,
      openedAt: 0)
    vote.log = zip(seats, ballots).map { BallotEntry(seat: $0, choice: $1, round: 1, rights: false, byChair: false) }
    return vote
  }

  @Test func E05_quorumPoliciesAtClose() {
    // 11 were present at open (quorum 11 of 20); only 8 took part by the close.
    let vote = Self.frozenVote(toDecide: 11, ballots: [.yes, .yes, .yes, .yes, .yes, .no, .no, .abstain])
    let now = QuorumFigures(members: 20, present: 8, toOpen: 5, toDecide: 11)
    let (snapshot, challenged) = vote.result(rules: .gaCommittee, quorumNow: now)
    #expect(snapshot.outcome == .adopted && challenged)
    var strict = VotingRules.gaCommittee
    strict.quorumPolicy = .requireAtClose
    let (void, _) = vote.result(rules: strict, quorumNow: now)
    #expect(void.outcome == .void && void.reason == .noQuorum)
  }

  @Test(arguments: [QuorumPolicy.snapshotAtOpen, .requireAtClose])
  func E05_quorumLostThroughDepartures(policy: QuorumPolicy) {
    var rules = RulesProfile.gaCommittee
    rules.voting.quorumPolicy = policy
    rules.drafts.votingRequiresClosure = false
    let codes = TestCommittee.gaCodes(20)
    var floor = Floor(TestCommittee.ga(20, rules: rules), present: Array(codes.prefix(11)))
    let draft = floor.approvedDraft(by: "M001", signatories: ["M002", "M003", "M004"], operative: 1)
    floor.run("vote.open", ["subject": .subject(.draft, draft)])
    let quorum = floor.state.vote!.quorum
    #expect(quorum.present == 11 && quorum.canDecide)
    for seat in codes[8..<11] { floor.depart(seat) }
    floor.castAll(Floor.split(Array(codes.prefix(8)), yes: 6, no: 2, abstain: 0))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 6, no: 2, abstain: 0))
    #expect(vote.notVoting == 3)
    switch policy {
    case .snapshotAtOpen:
      #expect(vote.outcome == .adopted && vote.reason == .thresholdMet && vote.quorumChallenged)
    case .requireAtClose:
      #expect(vote.outcome == .void && vote.reason == .noQuorum)
      #expect(vote.announcement == "The vote is void for want of a quorum.")
    }
  }

  @Test func E06_noQuorumWhenAVoteShouldOpen() {
    var floor = Floor(TestCommittee.ga(10))
    let motion = floor.propose(.suspendMeeting, ["durationMs": 600_000], by: "M001", secondedBy: "M002")
    for seat in TestCommittee.gaCodes(10) { floor.depart(seat) }
    floor.reject("motion.put", ["motion": .string(motion)], .noQuorum)
    #expect(floor.state.vote == nil)
    floor.run("attendance.mark", ["seat": "M001", "status": "present"])
    floor.reject(
      "motion.propose", ["kind": "set_speaking_time", "args": ["ms": 60_000]], as: .delegate("M001"), .noQuorum)
    floor.run("motion.propose", ["kind": "adjourn_meeting"], as: .delegate("M001"))
  }

  @Test func E08_passTwiceThenNotVoting() {
    var floor = SC.draftVote(method: .rollCall, draw: 0)
    for seat in SC.roll {
      floor.run("vote.cast", ["choice": seat == "BRA" ? "pass" : "yes"], as: .delegate(seat))
    }
    floor.run("vote.close")
    floor.reject("vote.cast", ["choice": "pass"], as: .delegate("BRA"), .outOfOrder)
    floor.reject("vote.cast", ["choice": "abstain"], as: .delegate("BRA"), .abstainNotAllowed)
    // The chair's timeout: closing round 2 records Brazil not voting (FORCE_NOT_VOTING).
    floor.run("vote.close")
    #expect(floor.lastVote?.tally == Tally(yes: 14, no: 0, abstain: 0))
    #expect(floor.lastVote?.notVoting == 1)
    #expect(floor.lastVote?.outcome == .adopted)
  }

  @Test func E09_seatAbsentWhenCalledIsNotVotingAndNotRecalled() {
    let present = TestCommittee.unsc1994().seats.map(\.code).filter { $0 != "DJI" }
    var floor = SC.draftVote(present: present, method: .rollCall, draw: 0)
    #expect(floor.state.vote?.order.contains("DJI") == false)
    floor.depart("OMN")
    let choices = Dictionary(uniqueKeysWithValues: SC.roll.map { ($0, $0 == "ESP" ? Choice.pass : .yes) })
    floor.castInOrder(choices)
    floor.run("vote.close")
    #expect(floor.state.vote?.secondRound == ["ESP"])
    floor.run("vote.cast", ["choice": "yes"], as: .delegate("ESP"))
    floor.run("vote.close")
    #expect(floor.lastVote?.tally == Tally(yes: 13, no: 0, abstain: 0))
    #expect(floor.lastVote?.notVoting == 1)
  }

  @Test func E12_permanentNoOnAProceduralQuestionIsAnOrdinaryNo() {
    var floor = Floor(TestCommittee.unsc1994())
    let motion = floor.propose(.suspendMeeting, ["durationMs": 300_000], by: "ARG")
    floor.run("motion.put", ["motion": .string(motion)])
    floor.castAll(SC.choices(no: TestCommittee.p5, abstain: []))
    floor.run("vote.close")
    #expect(floor.lastVote?.tally == Tally(yes: 10, no: 5, abstain: 0))
    #expect(floor.lastVote?.outcome == .adopted)
    #expect(floor.lastVote?.vetoedBy == [])
    #expect(floor.state.session.phase == .suspended)
  }

  @Test func E13_permanentAbstentionOrAbsenceIsNotAVeto() {
    let present = TestCommittee.unsc1994().seats.map(\.code).filter { $0 != "GBR" }
    var floor = SC.draftVote(present: present)
    floor.castAll(SC.choices(no: [], abstain: ["CHN"], absent: ["GBR"]))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 13, no: 0, abstain: 1))
    #expect(vote.outcome == .adopted)
    #expect(vote.vetoedBy.isEmpty)
    #expect(vote.warnings.contains { $0.contains("CHN") && $0.contains("not a veto") })
    #expect(vote.warnings.contains { $0.contains("GBR") && $0.contains("not a veto") })
  }

  @Test(arguments: [false, true])
  func E14_insufficientVotesAlsoVetoed(announce: Bool) {
    var rules = RulesProfile.securityCouncil
    rules.voting.announceAlsoVetoed = announce
    var floor = SC.draftVote(rules: rules)
    floor.castAll(SC.choices(no: ["FRA", "ARG"], abstain: ["BRA", "CZE", "DJI", "NZL", "NGA"]))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 8, no: 2, abstain: 5))
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .insufficientVotes)
    #expect(vote.vetoedBy == ["FRA"])
    #expect(vote.announcement.contains("negative vote") == announce)
  }

  @Test func E15_disputedClassificationIsNonProcedural() {
    var floor = Floor(TestCommittee.unsc1994())
    let motion = floor.propose(.setAgenda, ["topic": "Invitation of the CIS"], by: "ARG")
    floor.run("vote.open", ["subject": .subject(.motion, motion), "classification": "substantive"])
    #expect(floor.state.vote?.question == .substantive)
    #expect(floor.state.vote?.threshold == .scSubstantive)
    #expect(floor.state.vote?.classification == "CHAIR_RULING")
    floor.castAll(SC.choices(no: ["RUS"], abstain: []))
    floor.run("vote.close")
    #expect(floor.lastVote?.reason == .veto)
    #expect(floor.lastVote?.vetoedBy == ["RUS"])
    #expect(floor.lastVote?.tally == Tally(yes: 14, no: 1, abstain: 0))
    #expect(floor.state.motions.pending.isEmpty)
  }

  @Test(arguments: [("VI", true), ("VIII_52_3", true), ("VII", false), ("OTHER", false)])
  func E16_artTwentySevenPartyMayNotVoteYesOrNo(chapter: String, forced: Bool) {
    var floor = SC.draftVote(extra: ["art27Parties": ["RWA"], "chapter": .string(chapter)])
    if forced {
      floor.reject("vote.cast", ["choice": "yes"], as: .delegate("RWA"), .notEligible)
      #expect(floor.state.vote?.ballots["RWA"] == .abstain)
    } else {
      floor.run("vote.cast", ["choice": "yes"], as: .delegate("RWA"))
      #expect(floor.state.vote?.ballots["RWA"] == .yes)
    }
  }

  @Test func E17_tiesFailUnderEveryBase() {
    for threshold in [
      ThresholdID.simpleMajorityOfVotesCast, .twoThirdsOfVotesCast, .simpleMajorityOfPresent, .twoThirdsOfPresent,
    ] {
      let result = VoteDecision.decide(
        threshold: threshold, tally: Tally(yes: 18, no: 18, abstain: 0), present: 36, members: 40, rules: .gaCommittee)
      #expect(result.outcome == .rejected && result.reason == .tie, "\(threshold)")
    }
    var floor = GA.draftVote(members: 10, present: 10)
    floor.castAll(Floor.split(floor.state.vote!.eligible, yes: 4, no: 4, abstain: 2))
    floor.run("vote.close")
    #expect(floor.lastVote?.reason == .tie)
  }

  @Test func E18_everyoneAbstains() {
    var floor = GA.draftVote(members: 10, present: 10)
    floor.castAll(Floor.split(floor.state.vote!.eligible, yes: 0, no: 0, abstain: 10))
    floor.run("vote.close")
    #expect(floor.lastVote?.tally == Tally(yes: 0, no: 0, abstain: 10))
    #expect(floor.lastVote?.outcome == .rejected)
    #expect(floor.lastVote?.reason == .noVotesCast)
  }

  @Test func E32_thresholdRoundingCounterExamples() {
    #expect(!Thresholds.simpleMajorityOfPresent(yes: 8, present: 16))
    #expect(Thresholds.simpleMajorityOfPresent(yes: 9, present: 16))
    #expect(Thresholds.simpleMajorityOfPresent(yes: 8, present: 15))
    #expect(!Thresholds.simpleMajorityOfPresent(yes: 7, present: 15))
    #expect(!Thresholds.twoThirdsOfPresent(yes: 66, present: 100))
    #expect(Thresholds.twoThirdsOfPresent(yes: 67, present: 100))
  }

  @Test func E33_duplicateAndLateBallots() {
    var floor = SC.draftVote()
    floor.run("vote.cast", ["choice": "yes"], as: .delegate("ARG"))
    floor.reject("vote.cast", ["choice": "yes"], as: .delegate("ARG"), .alreadyVoted)
    floor.reject("vote.cast", ["choice": "no"], as: .delegate("ARG"), .alreadyVoted)
    floor.run("vote.close")
    floor.reject("vote.cast", ["choice": "yes"], as: .delegate("BRA"), .wrongState)
    #expect(floor.lastVote?.ballots == ["ARG": .yes])
  }

  @Test func E34_inconsistentPlacardCount() {
    var floor = GA.draftVote(members: 20, present: 12)
    floor.reject("vote.count", ["yes": 10, "no": 2, "abstain": 1], .invalidArgs)
    floor.reject("vote.count", ["yes": -1, "no": 2, "abstain": 1], .invalidArgs)
    floor.run("vote.cast", ["choice": "no"], as: .delegate("M001"))
    floor.reject("vote.count", ["yes": 5, "no": 0, "abstain": 1], .invalidArgs)
    floor.countAndClose(yes: 6, no: 4, abstain: 2)
    #expect(floor.lastVote?.tally == Tally(yes: 6, no: 4, abstain: 2))
    #expect(floor.lastVote?.outcome == .adopted)
  }

  @Test func E34_councilPlacardNeedsThePermanentMembersVotes() {
    var floor = SC.draftVote(method: .placard)
    floor.reject("vote.count", ["yes": 15, "no": 0, "abstain": 0], .outOfOrder)
    for seat in TestCommittee.p5 { floor.run("vote.record", ["seat": .string(seat), "choice": "yes"]) }
    floor.countAndClose(yes: 15, no: 0, abstain: 0)
    #expect(floor.lastVote?.outcome == .adopted)
  }

  @Test func E35_presidingStateKeepsItsVoteThroughItsDelegate() {
    var floor = SC.draftVote()
    // The chair has no seat: it cannot cast for itself, only record a delegate's spoken answer.
    floor.reject("vote.cast", ["choice": "yes"], as: .chair, .forbidden)
    floor.run("vote.cast", ["choice": "yes"], as: .delegate("CHN"))
    #expect(floor.state.vote?.log.last?.byChair == false)
    floor.run("vote.record", ["seat": "FRA", "choice": "yes"])
    #expect(floor.state.vote?.log.last?.byChair == true)
  }
}
