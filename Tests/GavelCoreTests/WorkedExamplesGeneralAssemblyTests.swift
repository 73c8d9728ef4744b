// rules.md §9 GA-1 … GA-3, driven through commands on GA committees.
import Testing

@testable import GavelCore

@Suite struct WorkedExamplesGeneralAssembly {
  /// A GA committee of `members` with `present` of them present, debate closed and a vote open
  /// on an approved draft.
  static func draftVote(members: Int, present: Int, rules: RulesProfile = .gaCommittee, important: Bool = false)
    -> Floor
  {
    let codes = TestCommittee.gaCodes(members)
    var floor = Floor(TestCommittee.ga(members, rules: rules), present: Array(codes.prefix(present)))
    let required = floor.state.signatoriesRequired
    let draft = floor.approvedDraft(by: codes[0], signatories: Array(codes[1..<required]), operative: 2)
    floor.closeDebate(mover: codes[1], seconder: codes[2])
    floor.run("vote.open", ["subject": .subject(.draft, draft), "important": .bool(important)])
    return floor
  }

  @Test func ga1_simpleMajorityOfVotesCast() {
    var floor = Self.draftVote(members: 40, present: 36)
    #expect(floor.state.vote?.threshold == .simpleMajorityOfVotesCast)
    floor.castAll(Floor.split(floor.state.vote!.eligible, yes: 15, no: 12, abstain: 9))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 15, no: 12, abstain: 9))
    #expect(vote.outcome == .adopted)
    #expect(vote.reason == .thresholdMet)
    #expect(vote.vetoedBy.isEmpty)
    #expect(floor.state.drafts.drafts[0].resolution == "SIM-GA1/RES/1")
  }

  @Test func ga1_sameTallyUnderTheMajorityOfPresentBase() {
    var rules = RulesProfile.gaCommittee
    rules.voting.substantiveThreshold = .simpleMajorityOfPresent
    var floor = Self.draftVote(members: 40, present: 36, rules: rules)
    floor.castAll(Floor.split(floor.state.vote!.eligible, yes: 15, no: 12, abstain: 9))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 15, no: 12, abstain: 9))
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .thresholdNotMet)
    #expect(vote.vetoedBy.isEmpty)
  }

  @Test func ga2_twoThirdsOfVotesCastExactly() {
    var floor = Self.draftVote(members: 193, present: 190, important: true)
    #expect(floor.state.vote?.threshold == .twoThirdsOfVotesCast)
    floor.countAndClose(yes: 100, no: 50, abstain: 40)
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 100, no: 50, abstain: 40))
    #expect(vote.notVoting == 0)
    #expect(vote.outcome == .adopted)
    #expect(vote.reason == .thresholdMet)
    #expect(vote.vetoedBy.isEmpty)
  }

  @Test func ga2_oneVoteShortOfTwoThirds() {
    var floor = Self.draftVote(members: 193, present: 190, important: true)
    floor.countAndClose(yes: 99, no: 51, abstain: 40)
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 99, no: 51, abstain: 40))
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .thresholdNotMet)
    #expect(vote.vetoedBy.isEmpty)
  }

  @Test func ga2_twoThirdsOfPresentBaseNeeds127() {
    var rules = RulesProfile.gaCommittee
    rules.voting.importantThreshold = .twoThirdsOfPresent
    var floor = Self.draftVote(members: 193, present: 190, rules: rules, important: true)
    floor.countAndClose(yes: 100, no: 50, abstain: 40)
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 100, no: 50, abstain: 40))
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .thresholdNotMet)
    #expect(Thresholds.yesNeeded(.twoThirdsOfPresent, no: 50, present: 190, members: 193, required: 0) == 127)
  }

  @Test func ga3_tiesFail() {
    var floor = Self.draftVote(members: 45, present: 45)
    floor.castAll(Floor.split(floor.state.vote!.eligible, yes: 20, no: 20, abstain: 5))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 20, no: 20, abstain: 5))
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .tie)
    #expect(vote.vetoedBy.isEmpty)
    #expect(vote.announcement.hasSuffix("the votes being equally divided."))
  }
}
