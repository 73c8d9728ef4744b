// rules.md §9 SC-1 … SC-7, driven through commands on the illustrative 1994 Council.
import Testing

@testable import GavelCore

@Suite struct WorkedExamplesSecurityCouncil {
  static let roll = TestCommittee.unsc1994().members.map(\.code)

  /// A Council with an approved draft SIM-SC/DR/1 (sponsor Argentina) and a vote open on it.
  static func draftVote(
    present: [String]? = nil, rules: RulesProfile = .securityCouncil, method: VotingMethod = .recorded,
    draw: UInt64 = 0,
    extra: [String: JSON] = [:]
  ) -> Floor {
    var floor = Floor(TestCommittee.unsc1994(rules: rules), present: present)
    let draft = floor.approvedDraft(by: "ARG", signatories: ["BRA", "CZE"], operative: 3)
    var args: [String: JSON] = ["subject": .subject(.draft, draft), "method": .string(method.rawValue)]
    args.merge(extra) { _, new in new }
    floor.run("vote.open", .object(args), draw: draw)
    return floor
  }

  static func choices(no: [String], abstain: [String], absent: [String] = []) -> [String: Choice] {
    var all: [String: Choice] = [:]
    for seat in roll where !absent.contains(seat) {
      all[seat] = no.contains(seat) ? .no : abstain.contains(seat) ? .abstain : .yes
    }
    return all
  }

  @Test func sc1_vetoDespiteElevenVotes() {
    var floor = Self.draftVote()
    floor.castAll(Self.choices(no: ["FRA", "PAK"], abstain: ["CZE", "DJI"]))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 11, no: 2, abstain: 2))
    #expect(vote.notVoting == 0)
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .veto)
    #expect(vote.vetoedBy == ["FRA"])
    #expect(
      vote.announcement.hasPrefix("The draft resolution received 11 votes in favour, 2 against and 2 abstentions."))
    #expect(
      vote.announcement.hasSuffix("not been adopted, owing to the negative vote of a permanent member of the Council."))
    #expect(floor.state.drafts.drafts[0].status == .vetoed)
  }

  @Test func sc1_sameTallyOnAProceduralQuestionIsAdopted() {
    var floor = Floor(TestCommittee.unsc1994())
    let motion = floor.propose(.setAgenda, ["topic": "Invitation of the CIS under rule 39"], by: "NZL")
    floor.run("motion.put", ["motion": .string(motion)])
    #expect(floor.state.vote?.question == .procedural)
    #expect(floor.state.vote?.threshold == .scProcedural)
    floor.castAll(Self.choices(no: ["FRA", "PAK"], abstain: ["CZE", "DJI"]))
    let events = floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 11, no: 2, abstain: 2))
    #expect(vote.outcome == .adopted)
    #expect(vote.reason == .thresholdMet)
    #expect(vote.vetoedBy.isEmpty)
    #expect(events.map(\.name) == ["voteClosed", "motionExecuted", "agendaSet"])
    #expect(floor.state.topic == "Invitation of the CIS under rule 39")
    #expect(floor.state.motions.pending.isEmpty)
  }

  @Test func sc2_permanentAbstentionsAreNotVetoes() {
    var floor = Self.draftVote()
    floor.castAll(Self.choices(no: [], abstain: ["CHN", "RUS", "ARG", "BRA", "CZE", "DJI"]))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 9, no: 0, abstain: 6))
    #expect(vote.outcome == .adopted)
    #expect(vote.reason == .thresholdMet)
    #expect(vote.vetoedBy.isEmpty)
    #expect(vote.ballots["CHN"] == .abstain && vote.ballots["RUS"] == .abstain)
    #expect(floor.state.drafts.drafts[0].resolution == "SIM-SC/RES/1")
    #expect(vote.announcement.hasSuffix("The draft resolution has been adopted as resolution SIM-SC/RES/1."))
  }

  @Test func sc3_insufficientVotesIsNotAVeto() {
    var floor = Self.draftVote()
    floor.castAll(Self.choices(no: [], abstain: ["ARG", "BRA", "CZE", "DJI", "NZL", "NGA", "OMN"]))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 8, no: 0, abstain: 7))
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .insufficientVotes)
    #expect(vote.vetoedBy.isEmpty)
    #expect(vote.announcement.hasSuffix("having failed to obtain the required number of votes."))
  }

  @Test func sc4_proceduralVoteWithPermanentNoes() {
    var floor = Floor(TestCommittee.unsc1994())
    let motion = floor.propose(.setAgenda, ["topic": "The situation in Tajikistan"], by: "ARG")
    floor.run("motion.put", ["motion": .string(motion)])
    floor.castAll(Self.choices(no: ["CHN", "RUS", "PAK"], abstain: ["BRA", "DJI"]))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 10, no: 3, abstain: 2))
    #expect(vote.outcome == .adopted)
    #expect(vote.reason == .thresholdMet)
    #expect(vote.vetoedBy.isEmpty)
  }

  @Test func sc5_absentPermanentMemberIsNotAVetoByDefault() {
    let present = TestCommittee.unsc1994().seats.map(\.code).filter { $0 != "USA" }
    var floor = Self.draftVote(present: present)
    #expect(floor.state.vote?.eligible.count == 14)
    floor.castAll(Self.choices(no: ["OMN"], abstain: ["ARG", "BRA", "CZE", "DJI"], absent: ["USA"]))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 9, no: 1, abstain: 4))
    #expect(vote.outcome == .adopted)
    #expect(vote.reason == .thresholdMet)
    #expect(vote.vetoedBy.isEmpty)
    #expect(vote.warnings.contains { $0.contains("USA absent") })
  }

  @Test func sc5_absentPermanentMemberVetoesWhenConfigured() {
    var rules = RulesProfile.securityCouncil
    rules.voting.p5AbsenceIsVeto = true
    let present = TestCommittee.unsc1994().seats.map(\.code).filter { $0 != "USA" }
    var floor = Self.draftVote(present: present, rules: rules)
    floor.castAll(Self.choices(no: ["OMN"], abstain: ["ARG", "BRA", "CZE", "DJI"], absent: ["USA"]))
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 9, no: 1, abstain: 4))
    #expect(vote.outcome == .rejected)
    #expect(vote.reason == .veto)
    #expect(vote.vetoedBy == ["USA"])
  }

  @Test func sc6_obligatoryAbstentionOfAPartyToTheDispute() {
    var floor = Self.draftVote(extra: ["art27Parties": ["PAK"], "chapter": "VI"])
    floor.reject("vote.cast", ["choice": "no"], as: .delegate("PAK"), .notEligible)
    floor.reject("vote.record", ["seat": "PAK", "choice": "yes"], .notEligible)
    #expect(floor.state.vote?.ballots["PAK"] == .abstain)
    var choices = Self.choices(no: [], abstain: ["ARG", "BRA", "CZE", "DJI", "NZL"])
    choices["PAK"] = nil
    floor.castAll(choices)
    floor.run("vote.close")
    let vote = floor.lastVote!
    #expect(vote.tally == Tally(yes: 9, no: 0, abstain: 6))
    #expect(vote.outcome == .adopted)
    #expect(vote.reason == .thresholdMet)
    #expect(vote.vetoedBy.isEmpty)
  }

  @Test func sc6_chapterSevenDecisionIgnoresTheFlag() {
    var floor = Self.draftVote(extra: ["art27Parties": ["PAK"], "chapter": "VII"])
    #expect(floor.state.vote?.ballots["PAK"] == nil)
    floor.run("vote.cast", ["choice": "no"], as: .delegate("PAK"))
    #expect(floor.state.vote?.ballots["PAK"] == .no)
  }

  @Test func sc7_rollCallWithPasses() {
    // Nigeria is eighth in the roll: a draw of 7 (mod 15) puts it first.
    var floor = Self.draftVote(method: .rollCall, draw: 7)
    let vote = floor.state.vote!
    #expect(vote.drawnSeat == "NGA")
    #expect(vote.draw == 7)
    #expect(
      vote.order == [
        "NGA", "OMN", "PAK", "RUS", "RWA", "ESP", "GBR", "USA", "ARG", "BRA", "CHN", "CZE", "DJI", "FRA", "NZL",
      ])
    #expect(!vote.order.contains("TJK") && !vote.order.contains("AFG") && !vote.order.contains("CIS"))

    floor.reject("vote.cast", ["choice": "yes"], as: .delegate("OMN"), .notYourTurn)
    let round1: [(String, Choice, Bool)] = [
      ("NGA", .yes, false), ("OMN", .pass, false), ("PAK", .yes, false), ("RUS", .yes, false), ("RWA", .yes, false),
      ("ESP", .yes, true), ("GBR", .yes, false), ("USA", .abstain, false), ("ARG", .yes, false), ("BRA", .pass, false),
      ("CHN", .abstain, false), ("CZE", .yes, false), ("DJI", .yes, false), ("FRA", .yes, false), ("NZL", .yes, false),
    ]
    for (seat, choice, rights) in round1 {
      floor.run("vote.cast", ["choice": .string(choice.rawValue), "rights": .bool(rights)], as: .delegate(seat))
    }
    floor.run("vote.close")
    #expect(floor.state.vote?.round == 2)
    #expect(floor.state.vote?.secondRound == ["OMN", "BRA"])
    floor.reject("vote.cast", ["choice": "yes"], as: .delegate("BRA"), .notYourTurn)
    floor.run("vote.cast", ["choice": "yes"], as: .delegate("OMN"))
    floor.reject("vote.cast", ["choice": "pass"], as: .delegate("BRA"), .outOfOrder)
    floor.reject("vote.cast", ["choice": "abstain"], as: .delegate("BRA"), .abstainNotAllowed)
    floor.run("vote.cast", ["choice": "no"], as: .delegate("BRA"))
    floor.run("vote.close")

    let closed = floor.lastVote!
    #expect(closed.tally == Tally(yes: 12, no: 1, abstain: 2))
    #expect(closed.notVoting == 0)
    #expect(closed.outcome == .adopted)
    #expect(closed.reason == .thresholdMet)
    #expect(closed.vetoedBy.isEmpty)
    #expect(closed.vote.rights == ["ESP"])
    let yes = Set(closed.ballots.filter { $0.value == .yes }.keys)
    #expect(yes == ["NGA", "OMN", "PAK", "RUS", "RWA", "ESP", "GBR", "ARG", "CZE", "DJI", "FRA", "NZL"])
    #expect(closed.ballots["BRA"] == .no)
    #expect(Set(closed.ballots.filter { $0.value == .abstain }.keys) == ["USA", "CHN"])
  }
}
