import GavelTesting
import Testing

@testable import GavelCore

/// R3.2–R3.6 and §1.2 on the general speakers list.
@Suite struct SpeakersListTests {
  let sc = Given(Committees.unsc2026)

  @Test func delegateAddsItselfAndChairAddsOthers() throws {
    let open = try sc.inSession()
    let t = open.now
    let one = try open.when("speakers.add", as: .delegate("FRA")).then([
      SpeakerAdded(seat: "FRA", list: .gsl, by: "FRA", at: t)
    ]) { $0.speakers.queue = ["FRA"] }
    try one.when("speakers.add", ["seat": "CIS"]).then([SpeakerAdded(seat: "CIS", list: .gsl, by: "chair", at: t)]) {
      $0.speakers.queue = ["FRA", "CIS"]
    }
    try one.when("speakers.add", ["seat": "GBR"], as: .delegate("FRA")).thenRejected(.forbidden)
    try one.when("speakers.add").thenRejected(.invalidArgs)
    try one.when("speakers.add", ["seat": "ZZZ"]).thenRejected(.notFound)
  }

  @Test func participantsSpeakInviteesOnlyWhenTheChairAddsThem() throws {
    let open = try sc.inSession()
    let t = open.now
    try open.when("speakers.add", as: .delegate("TJK")).then([SpeakerAdded(seat: "TJK", list: .gsl, by: "TJK", at: t)])
    {
      $0.speakers.queue = ["TJK"]
    }
    try open.when("speakers.add", as: .delegate("CIS")).thenRejected(.notEligible)
    var def = Committees.unsc2026
    def.rules.floor.participantsMaySpeak = false
    try Given(def).inSession().when("speakers.add", as: .delegate("AFG")).thenRejected(.notEligible)
  }

  @Test func absentSeatsAndClosedSessionsCannotAdd() throws {
    try sc.opened().when("speakers.add", as: .delegate("FRA")).thenRejected(.notEligible)
    try sc.when("speakers.add", as: .delegate("FRA")).thenRejected(.wrongState)
    try sc.inSession().and("session.suspend").when("speakers.add", as: .delegate("FRA")).thenRejected(.wrongState)
  }

  /// E-26: a seat already pending on the GSL cannot be added again (default one pending entry).
  @Test func E26_seatAlreadyPendingIsRejected() throws {
    let listed = try sc.inSession().and("speakers.add", as: .delegate("PAK"))
    let rejection = try listed.when("speakers.add", as: .delegate("PAK")).thenRejected(.duplicate)
    #expect(rejection.message.contains("Pakistan"))
    try listed.when("speakers.add", ["seat": "PAK"]).thenRejected(.duplicate)
    // After speaking, it may be re-added at the end (R3.3).
    let spoke = try listed.and("speakers.next").advanced(by: 10_000).and("speaker.end")
    let t = spoke.now
    try spoke.when("speakers.add", as: .delegate("PAK")).then([SpeakerAdded(seat: "PAK", list: .gsl, by: "PAK", at: t)])
    {
      $0.speakers.queue = ["PAK"]
    }
  }

  @Test func withdrawalAndRemovalByTheChair() throws {
    let listed = try sc.inSession().and("speakers.add", as: .delegate("PAK")).and("speakers.add", as: .delegate("DNK"))
    let t = listed.now
    try listed.when("speakers.remove", as: .delegate("PAK")).then([
      SpeakerRemoved(seat: "PAK", list: .gsl, by: "PAK", at: t)
    ]) { $0.speakers.queue = ["DNK"] }
    try listed.when("speakers.remove", ["seat": "DNK"]).then([
      SpeakerRemoved(seat: "DNK", list: .gsl, by: "chair", at: t)
    ]) {
      $0.speakers.queue = ["PAK"]
    }
    try listed.when("speakers.remove", as: .delegate("GRC")).thenRejected(.notFound)
  }

  /// R3.5: after closure no new names are added; the chair may reopen.
  @Test func closingAndReopeningTheList() throws {
    let open = try sc.inSession()
    let t = open.now
    let closed = try open.when("speakers.close").then([SpeakersListClosed(at: t)]) { $0.speakers.open = false }
    try closed.when("speakers.add", as: .delegate("FRA")).thenRejected(.outOfOrder)
    try closed.when("speakers.close").thenRejected(.wrongState)
    try open.when("speakers.open").thenRejected(.wrongState)
    try closed.when("speakers.open").then([SpeakersListOpened(at: t)]) { $0.speakers.open = true }
    try open.when("speakers.close", as: .delegate("FRA")).thenRejected(.forbidden)
  }

  /// R3.2: the GSL opens when the agenda is set (configurable), and a new item starts a fresh list.
  @Test func settingTheAgendaOpensAFreshList() throws {
    let empty = Committees.gaCommittee(members: 4, topic: "")
    let open = try Given(empty).inSession()
    #expect(!open.state.speakers.open)
    let t = open.now
    try open.when("agenda.set", ["topic": "Outer space"]).then([AgendaSet(topic: "Outer space", at: t)]) {
      $0.topic = "Outer space"
      $0.speakers.open = true
    }
    let listed = try sc.inSession().and("speakers.add", as: .delegate("FRA"))
    try listed.when("agenda.set", ["topic": "Cyber"]).then([AgendaSet(topic: "Cyber", at: t)]) {
      $0.topic = "Cyber"
      $0.speakers.queue = []
    }
  }

  @Test func settingSpeakingTime() throws {
    let open = try sc.inSession()
    let t = open.now
    try open.when("speakers.setTime", ["ms": 60_000]).then([SpeakingTimeSet(ms: 60_000, at: t)]) {
      $0.speakers.speakingTimeMs = 60_000
    }
    try open.when("speakers.setTime", ["ms": 0]).thenRejected(.invalidArgs)
    try open.when("speakers.setTime", ["ms": 90_000]).thenRejected(.duplicate)
    try open.when("speakers.setTime", ["ms": 60_000], as: .delegate("FRA")).thenRejected(.forbidden)
  }

  @Test func recognisingTheHeadOfTheListStartsTheSpeechTimer() throws {
    let listed = try sc.inSession().and("speakers.add", as: .delegate("PAK")).and("speakers.add", as: .delegate("DNK"))
    let t = listed.now
    let speaking = try listed.when("speakers.next").then([
      SpeakerRecognised(seat: "PAK", list: .gsl, timeMs: 90_000, at: t)
    ]) {
      $0.speakers.queue = ["DNK"]
      $0.speakers.current = Speech(seat: "PAK", kind: .gsl, timeMs: 90_000, startedAt: t)
    }
    #expect(!speaking.state.floorIsOpen)
    try speaking.when("speakers.next").thenRejected(.outOfOrder)
  }

  /// R2.8: debate needs the open quorum (GA committee: a third of the members).
  @Test func debateNeedsTheOpenQuorum() throws {
    let ga = try Given(Committees.gaCommittee(members: 9)).opened().marked(["S01", "S02"])
      .and("speakers.add", as: .delegate("S01"))
    try ga.when("speakers.next").thenRejected(.noQuorum)
    let t = ga.now
    try ga.marked(["S03"]).when("speakers.next").then([
      SpeakerRecognised(seat: "S01", list: .gsl, timeMs: 90_000, at: t)
    ]) {
      $0.attendance.statuses["S03"] = .present
      $0.attendance.recorded = ["S01", "S02", "S03"]
      $0.speakers.queue = []
      $0.speakers.current = Speech(seat: "S01", kind: .gsl, timeMs: 90_000, startedAt: t)
    }
  }

  @Test func absentHeadOfTheListMustBeRemovedFirst() throws {
    let listed = try sc.inSession().and("speakers.add", as: .delegate("PAK"))
      .and("attendance.mark", ["seat": "PAK", "status": "absent"])
    try listed.when("speakers.next").thenRejected(.notEligible)
  }

  /// E-25 under `prompt` (SC default): the chair is told to find speakers or motions.
  @Test func E25_exhaustedListPromptsTheChair() throws {
    let rejection = try sc.inSession().when("speakers.next").thenRejected(.wrongState)
    #expect(rejection.message.contains("exhausted"))
  }

  /// E-25 under `close_debate` (GA committee default): debate on the item closes.
  @Test func E25_exhaustedListClosesDebateUnderGAPreset() throws {
    let ga = try Given(Committees.gaCommittee(members: 6)).inSession()
    let t = ga.now
    let closed = try ga.when("speakers.next").then([SpeakersListExhausted(at: t)]) {
      $0.speakers.open = false
      $0.speakers.debateClosed = true
    }
    try closed.when("speakers.add", as: .delegate("S01")).thenRejected(.outOfOrder)
    try closed.when("speakers.next").thenRejected(.wrongState)
  }

  /// E-25 with a draft before the committee: the exhausted list moves it into voting procedure.
  @Test func E25_exhaustedListGoesStraightToVotingWhenADraftIsBeforeTheCommittee() throws {
    let ga = try Given(Committees.gaCommittee(members: 6)).inSession()
      .and(
        "draft.submit",
        [
          "title": "Border", "sponsors": ["S01"], "signatories": ["S02", "S03"],
          "clauses": [["kind": "operative", "text": "Decides to remain seized of the matter."]],
        ],
        as: .delegate("S01"))
    let approved = try ga.and("draft.approve", ["draft": .string(ga.state.drafts.drafts[0].id)])
    #expect(approved.state.drafts.drafts.contains { $0.isVotable })
    let t = approved.now
    try approved.when("speakers.next").then([SpeakersListExhausted(at: t)]) {
      $0.speakers.open = false
      $0.speakers.debateClosed = true
      $0.motions.votingProcedure = true
      $0.session.mode = .voting
      $0.session.since = t
    }
  }
}
