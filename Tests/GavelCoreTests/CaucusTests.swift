import GavelTesting
import Testing

@testable import GavelCore

/// Caucuses started by motions (Core II emits the shared events), R3.7 and the §7.3 arithmetic.
@Suite struct CaucusTests {
  let sc = Given(Committees.unsc2026)

  /// R3.7: the GSL is suspended, not cleared, while a caucus runs, and resumes at the same position.
  @Test func caucusSuspendsTheSpeakersListWithoutClearingIt() throws {
    let listed = try sc.inSession().and("speakers.add", as: .delegate("PAK")).and("speakers.add", as: .delegate("DNK"))
    let t = listed.now
    let caucus = listed.and(CaucusStarted(kind: .unmoderated, topic: "Border", totalMs: 900_000, speakerMs: nil, at: t))
    var expected = listed.state
    expected.caucus = CaucusState(
      kind: .unmoderated, topic: "Border", totalMs: 900_000, speakerMs: nil, startedAt: t, running: true)
    expected.session.mode = .unmoderatedCaucus
    expected.session.since = t
    try expectState(caucus.state, equals: expected)
    try caucus.when("speakers.next").thenRejected(.wrongState)
    try caucus.advanced(by: 60_000).when("caucus.end").then([CaucusEnded(at: t + 60_000, reason: "chair")]) {
      $0.caucus = nil
      $0.session.mode = .formal
      $0.session.since = t + 60_000
    }
    try listed.when("caucus.end").thenRejected(.wrongState)
  }

  /// §7.3: a 15 min unmoderated caucus extended by 5 min when 2 min remain: 7 min remain, total 20 min.
  @Test func workedExample_extensionIsMeasuredFromTheOriginalEnd() throws {
    let t = sc.now
    let caucus = try sc.inSession().and(
      CaucusStarted(kind: .unmoderated, topic: "", totalMs: 900_000, speakerMs: nil, at: t))
    let late = caucus.advanced(by: 780_000)
    #expect(late.state.caucus?.remainingMs(at: late.now) == 120_000)
    let oldDue = try #require(deadlines(late.state).first)
    let extended = late.and(CaucusExtended(ms: 300_000, at: late.now))
    #expect(extended.state.caucus?.remainingMs(at: extended.now) == 420_000)
    #expect(extended.state.caucus?.totalMs == 1_200_000)
    #expect(extended.state.caucus?.extensions == 1)
    #expect(extended.state.caucus?.originalMs == 900_000)
    // The deadline computed before the extension is stale; the new one ends the caucus.
    try extended.when(oldDue.command.name, oldDue.command.args, as: .system, at: oldDue.at).thenNothing()
    let due = try #require(deadlines(extended.state).first)
    #expect(due.at == t + 1_200_000)
    try extended.when(due.command.name, due.command.args, as: .system, at: due.at).then([
      CaucusEnded(at: due.at, reason: "expired")
    ]) {
      $0.caucus = nil
      $0.session.mode = .formal
      $0.session.since = due.at
    }
  }

  /// §7.3: 10 min at 45 s gives 13 slots and 15 s left over, dropped by default.
  @Test func workedExample_moderatedCaucusLeftoverIsDropped() throws {
    let t = sc.now
    var s = try sc.inSession().and(
      CaucusStarted(kind: .moderated, topic: "Refugees", totalMs: 600_000, speakerMs: 45_000, at: t))
    let speakers = ["BHR", "CHN", "COL", "COD", "DNK", "FRA", "GRC", "LVA", "LBR", "PAK", "PAN", "RUS", "SOM", "GBR"]
    for seat in speakers.prefix(13) {
      s = try s.and("speakers.add", as: .delegate(seat)).and("speakers.next").advanced(by: 45_000).and("speaker.end")
    }
    #expect(s.state.caucus?.remainingMs(at: s.now) == 15_000)
    try s.and("speakers.add", as: .delegate("GBR")).when("speakers.next").thenRejected(.outOfOrder)
  }

  @Test func moderatedCaucusShortFinalSlotGetsTheLeftover() throws {
    var def = Committees.unsc2026
    def.rules.floor.modLeftover = .shortFinalSlot
    let t = ManualClock().now
    let s = try Given(def).inSession().and(
      CaucusStarted(kind: .moderated, topic: "", totalMs: 100_000, speakerMs: 45_000, at: t)
    )
    .and("speakers.add", as: .delegate("FRA")).and("speakers.next").advanced(by: 45_000).and("speaker.end")
    .and("speakers.add", as: .delegate("PAK")).and("speakers.next").advanced(by: 45_000).and("speaker.end")
    .and("speakers.add", as: .delegate("DNK"))
    let now = s.now
    try s.when("speakers.next").then([SpeakerRecognised(seat: "DNK", list: .caucus, timeMs: 10_000, at: now)]) {
      $0.caucus!.queue = []
      $0.caucus!.current = Speech(seat: "DNK", kind: .caucus, timeMs: 10_000, startedAt: now)
    }
  }

  /// Moderated caucus speakers use the caucus list; yields are not permitted there (§3.3); unused
  /// time returns to the pool.
  @Test func moderatedCaucusListAndNoYields() throws {
    let t = sc.now
    let s = try sc.inSession().and("speakers.add", as: .delegate("PAK"))
      .and(CaucusStarted(kind: .moderated, topic: "Border", totalMs: 600_000, speakerMs: 60_000, at: t))
    let added = try s.when("speakers.add", as: .delegate("FRA")).then([
      SpeakerAdded(seat: "FRA", list: .caucus, by: "FRA", at: t)
    ]) {
      $0.caucus!.queue = ["FRA"]
    }
    let speaking = try added.when("speakers.next").then([
      SpeakerRecognised(seat: "FRA", list: .caucus, timeMs: 60_000, at: t)
    ]) {
      $0.caucus!.queue = []
      $0.caucus!.current = Speech(seat: "FRA", kind: .caucus, timeMs: 60_000, startedAt: t)
    }
    #expect(deadlines(speaking.state).map(\.at) == [t + 60_000, t + 600_000])
    try speaking.advanced(by: 20_000).when("speaker.yield", ["to": "delegate", "seat": "DNK"], as: .delegate("FRA"))
      .thenRejected(.outOfOrder)
    let ended = try speaking.advanced(by: 20_000).and("speaker.end")
    #expect(ended.state.caucus?.remainingMs(at: ended.now) == 580_000)
    #expect(ended.state.speakers.queue == ["PAK"])
  }

  /// A suspension stops the caucus clock; resuming starts it again.
  @Test func suspensionPausesTheCaucusClock() throws {
    let t = sc.now
    let s = try sc.inSession().and(
      CaucusStarted(kind: .unmoderated, topic: "", totalMs: 600_000, speakerMs: nil, at: t)
    )
    .advanced(by: 100_000)
    let suspended = try s.when("session.suspend").then([SessionSuspended(at: t + 100_000, durationMs: nil)]) {
      $0.session.phase = .suspended
      $0.session.since = t + 100_000
      $0.caucus!.running = false
      $0.caucus!.elapsedMs = 100_000
    }
    #expect(deadlines(suspended.state).isEmpty)
    let resumed = try suspended.advanced(by: 50_000).and("session.resume")
    #expect(deadlines(resumed.state).map(\.at) == [t + 150_000 + 500_000])
  }

  @Test func speakingTimeSetAppliesToLaterSpeeches() throws {
    let s = try sc.inSession().and(SpeakingTimeSet(ms: 45_000, at: sc.now)).and("speakers.add", as: .delegate("FRA"))
    let t = s.now
    try s.when("speakers.next").then([SpeakerRecognised(seat: "FRA", list: .gsl, timeMs: 45_000, at: t)]) {
      $0.speakers.queue = []
      $0.speakers.current = Speech(seat: "FRA", kind: .gsl, timeMs: 45_000, startedAt: t)
    }
  }
}

@Suite struct CaucusClockTests {
  /// `mod_total_runs_between_speakers = false`: the caucus clock runs only while someone speaks.
  @Test func caucusClockCanRunOnlyWhileSomeoneSpeaks() throws {
    var def = Committees.unsc2026
    def.rules.floor.modTotalRunsBetweenSpeakers = false
    let t = ManualClock.epoch
    let s = try Given(def).inSession().and(
      CaucusStarted(kind: .moderated, topic: "", totalMs: 600_000, speakerMs: 60_000, at: t))
    #expect(s.state.caucus?.running == false)
    #expect(deadlines(s.state).isEmpty)
    let spoke = try s.advanced(by: 30_000).and("speakers.add", as: .delegate("FRA")).and("speakers.next").advanced(
      by: 40_000
    )
    .and("speaker.end").advanced(by: 30_000)
    #expect(spoke.state.caucus?.remainingMs(at: spoke.now) == 560_000)
    #expect(spoke.state.caucus?.running == false)
  }
}

@Suite struct CaucusQueryTests {
  /// §7.3: 600 s at 45 s → 13 slots and 15 s left over.
  @Test func moderatedCaucusSlotsAreIntegerArithmetic() {
    #expect(
      CommitteeState.caucusSlots(totalMs: 600_000, speakerMs: 45_000) == CaucusSlots(slots: 13, leftoverMs: 15_000))
    #expect(CommitteeState.caucusSlots(totalMs: 600_000, speakerMs: 60_000) == CaucusSlots(slots: 10, leftoverMs: 0))
  }

  /// The caucus clock keeps running while its speaker is paused; running out cuts the speaker
  /// off, and the GSL then resumes where it was (R3.7).
  @Test func caucusExpiryEndsItsSpeakerAndReturnsToTheList() throws {
    let t = ManualClock.epoch
    let s = try Given(Committees.unsc2026).inSession().and("speakers.add", as: .delegate("PAK"))
      .and(CaucusStarted(kind: .moderated, topic: "", totalMs: 100_000, speakerMs: 60_000, at: t))
      .advanced(by: 20_000).and("speakers.add", as: .delegate("FRA")).and("speakers.next")
    #expect(deadlines(s.state).map(\.at) == [t + 80_000, t + 100_000])
    let paused = try s.advanced(by: 10_000).and("speaker.pause")
    #expect(deadlines(paused.state).map(\.at) == [t + 100_000])
    let due = try #require(deadlines(paused.state).first)
    let ended = try paused.when(due.command.name, due.command.args, as: .system, at: due.at).then([
      CaucusEnded(at: t + 100_000, reason: "expired")
    ]) {
      $0.caucus = nil
      $0.session.mode = .formal
      $0.session.since = t + 100_000
      $0.speakers.last = SpeechRecord(seat: "FRA", kind: .caucus, usedMs: 10_000, endedAt: t + 100_000)
    }
    #expect(ended.state.speakers.queue == ["PAK"])
    #expect(deadlines(ended.state).isEmpty)
  }
}
