// The motion lifecycle of rules.md §4.1: seconds, withdrawal and the seconder's right (R4.5),
// order checks, motions that take no vote, and what adopted motions execute.
import Testing

@testable import GavelCore

@Suite struct MotionLifecycle {
  @Test func secondsAreNeededInTheGAButNotInTheCouncil() {
    var ga = Floor(TestCommittee.ga(10))
    let motion = ga.propose(.suspendMeeting, ["durationMs": 60_000], by: "M001")
    #expect(ga.state.motions.motion(motion)?.status == .awaitingSecond)
    ga.reject("motion.put", [:], .wrongState)
    ga.reject("motion.second", ["motion": .string(motion)], as: .delegate("M001"), .outOfOrder)
    ga.run("motion.second", ["motion": .string(motion)], as: .delegate("M002"))
    #expect(ga.state.motions.motion(motion)?.status == .onFloor)
    #expect(ga.state.motions.motion(motion)?.secondedBy == "M002")
    ga.reject("motion.second", ["motion": .string(motion)], as: .delegate("M003"), .wrongState)

    var sc = Floor(TestCommittee.unsc1994())
    let council = sc.propose(.suspendMeeting, ["durationMs": 60_000], by: "ARG")
    #expect(sc.state.motions.motion(council)?.status == .onFloor)
  }

  @Test func chairProposesForASeat() {
    var floor = Floor(TestCommittee.ga(10))
    floor.run("motion.propose", ["kind": "adjourn_meeting", "seat": "M004"])
    #expect(floor.state.motions.pending.first?.by == "M004")
    floor.reject("motion.propose", ["kind": "adjourn_meeting"], .invalidArgs)
  }

  @Test func withdrawnSecondedMotionCanBeKeptAliveBySeconderInTheCouncil() {
    var floor = Floor(TestCommittee.unsc1994())
    let motion = floor.propose(.setSpeakingTime, ["ms": 60_000], by: "ARG")
    floor.run("motion.second", ["motion": .string(motion)], as: .delegate("BRA"))
    floor.reject("motion.withdraw", ["motion": .string(motion)], as: .delegate("BRA"), .forbidden)
    floor.run("motion.withdraw", ["motion": .string(motion)], as: .delegate("ARG"))
    #expect(floor.state.motions.pending.isEmpty)
    floor.reject("motion.keep", ["motion": .string(motion)], as: .delegate("CZE"), .forbidden)
    floor.run("motion.keep", ["motion": .string(motion)], as: .delegate("BRA"))
    let kept = floor.state.motions.pending.first
    #expect(kept?.id == motion && kept?.by == "BRA" && kept?.number == 1)
  }

  @Test func withdrawnMotionIsGoneWhereTheProfileGivesNoKeepRight() {
    var floor = Floor(TestCommittee.ga(10))
    let motion = floor.propose(.setSpeakingTime, ["ms": 60_000], by: "M001", secondedBy: "M002")
    floor.run("motion.withdraw", ["motion": .string(motion)], as: .delegate("M001"))
    floor.reject("motion.keep", ["motion": .string(motion)], as: .delegate("M002"), .notFound)
  }

  @Test func motionsNeedAnOpenMeetingAndValidArguments() {
    var floor = Floor(TestCommittee.ga(10))
    floor.reject(
      "motion.propose", ["kind": "set_speaking_time", "args": ["ms": 0]], as: .delegate("M001"), .invalidArgs)
    floor.reject("motion.propose", ["kind": "no_such_motion"], as: .delegate("M001"), .invalidArgs)
    floor.reject(
      "motion.propose", ["kind": "divide_question", "args": ["draft": "X", "parts": [[1]]]], as: .delegate("M001"),
      .outOfOrder)
    floor.run("session.suspend")
    floor.reject("motion.propose", ["kind": "adjourn_meeting"], as: .delegate("M001"), .wrongState)
    floor.run("session.resume")
    floor.depart("M001")
    floor.reject("motion.propose", ["kind": "adjourn_meeting"], as: .delegate("M001"), .notEligible)
  }

  @Test func rollCallRequestTakesNoVoteAndSetsTheNextSubstantiveMethod() {
    var floor = WorkedExamplesGeneralAssembly.draftVote(members: 10, present: 10)
    floor.run("vote.cancel")
    let events = floor.run("motion.propose", ["kind": "roll_call_vote"], as: .delegate("M005"))
    #expect(events.count == 1)
    floor.run("motion.put")
    #expect(floor.state.vote == nil)
    #expect(floor.state.motions.rollCallRequested)
    floor.run("vote.open", ["subject": .subject(.draft, floor.state.drafts.drafts[0].id)], draw: 3)
    #expect(floor.state.vote?.method == .rollCall)
    #expect(floor.state.vote?.drawnSeat == "M004")
    #expect(!floor.state.motions.rollCallRequested)
  }

  @Test func adoptedMotionsExecuteCoreIEvents() {
    let cases: [(MotionKind, JSON, [String])] = [
      (.setSpeakingTime, ["ms": 45_000], ["speakingTimeSet"]),
      (.unmoderatedCaucus, ["totalMs": 300_000], ["caucusStarted"]),
      (.suspendMeeting, ["durationMs": 600_000], ["sessionSuspended"]),
      (.adjournMeeting, [:], ["sessionAdjourned"]),
      (.setAgenda, ["topic": "Topic B"], ["agendaSet"]),
      (.adjournDebate, [:], []),
    ]
    for (kind, args, expected) in cases {
      var floor = Floor(TestCommittee.ga(10))
      let motion = floor.propose(kind, args, by: "M001", secondedBy: "M002")
      floor.run("motion.put", ["motion": .string(motion)])
      floor.everyoneYesAndClose()
      let names = floor.log.suffix(expected.count + 2).map(\.name)
      #expect(names == ["voteClosed", "motionExecuted"] + expected, "\(kind)")
    }
  }

  @Test func adjournAndResumeDebateTableTheItem() {
    var floor = Floor(TestCommittee.ga(10))
    let draft = floor.approvedDraft(by: "M001", signatories: ["M002"], operative: 1)
    let adjourn = floor.propose(.adjournDebate, by: "M003", secondedBy: "M004")
    floor.run("motion.put", ["motion": .string(adjourn)])
    floor.everyoneYesAndClose()
    #expect(floor.state.drafts.draft(draft)?.status == .tabled)
    let resume = floor.propose(.resumeDebate, by: "M003", secondedBy: "M004")
    floor.run("motion.put", ["motion": .string(resume)])
    floor.everyoneYesAndClose()
    #expect(floor.state.drafts.draft(draft)?.status == .introduced)
  }

  @Test func closureEntersVotingProcedureUntilTheLastDraftIsDecided() {
    var floor = WorkedExamplesGeneralAssembly.draftVote(members: 10, present: 10)
    #expect(floor.state.session.mode == .voting)
    floor.castAll(Floor.split(TestCommittee.gaCodes(10), yes: 7, no: 3, abstain: 0))
    floor.run("vote.close")
    #expect(!floor.state.motions.votingProcedure)
    #expect(floor.state.session.mode == .formal)
  }

  @Test func pointsAreDisposedOfBeforeAMotionIsPut() {
    var floor = Floor(TestCommittee.ga(10))
    let motion = floor.propose(.suspendMeeting, ["durationMs": 60_000], by: "M001", secondedBy: "M002")
    floor.run(
      "point.raise", ["kind": "parliamentary_inquiry", "text": "Which motion is first?"], as: .delegate("M003"))
    floor.reject("motion.put", ["motion": .string(motion)], .outOfOrder)
    floor.run("point.resolve", ["id": "P1", "ruling": "The suspension."])
    floor.run("motion.put", ["motion": .string(motion)])
    #expect(floor.state.vote?.subject.id == motion)
  }

  @Test func appealOfARulingOnAPointOfOrder() {
    var floor = Floor(TestCommittee.ga(10))
    floor.reject("motion.propose", ["kind": "appeal", "args": ["ruling": "P1"]], as: .delegate("M001"), .notFound)
    floor.run("point.raise", ["kind": "order", "text": "The list was closed wrongly."], as: .delegate("M001"))
    floor.reject("motion.propose", ["kind": "appeal", "args": ["ruling": "P1"]], as: .delegate("M001"), .notFound)
    floor.run("point.resolve", ["id": "P1", "ruling": "Not well taken."])
    let appeal = floor.propose(.appeal, ["ruling": "P1"], by: "M001", secondedBy: "M002")
    floor.run("motion.put", ["motion": .string(appeal)])
    floor.everyoneYesAndClose()
    #expect(floor.state.motions.overturnedRulings == ["P1"])
    floor.reject("motion.propose", ["kind": "appeal", "args": ["ruling": "P1"]], as: .delegate("M003"), .outOfOrder)
  }
}
