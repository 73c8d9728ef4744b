import GavelTesting
import Testing

@testable import GavelCore

@Suite struct SessionTests {
  let sc = Given(Committees.unsc2026)

  @Test func openingStartsSessionOneAndResetsAttendance() throws {
    let t = sc.now
    try sc.when("session.open").then([SessionOpened(number: 1, at: t)]) {
      $0.session.phase = .open
      $0.session.number = 1
      $0.session.since = t
    }
  }

  @Test func attendanceDoesNotCarryOverBetweenSessions() throws {
    let first = try sc.inSession().and("session.adjourn").advanced(by: 60_000)
    let t = first.now
    try first.when("session.open").then([SessionOpened(number: 2, at: t)]) {
      $0.session.phase = .open
      $0.session.number = 2
      $0.session.since = t
      $0.attendance = AttendanceState()
    }
  }

  @Test func openingAnOpenSessionIsWrongState() throws {
    try sc.opened().when("session.open").thenRejected(.wrongState)
  }

  @Test func suspensionWithDurationEndsByItself() throws {
    let open = try sc.inSession()
    let t = open.now
    let suspended = try open.when("session.suspend", ["durationMs": 600_000]).then([
      SessionSuspended(at: t, durationMs: 600_000)
    ]) {
      $0.session.phase = .suspended
      $0.session.since = t
      $0.session.suspensionMs = 600_000
    }
    #expect(deadlines(suspended.state).map(\.at) == [t + 600_000])
    let due = try #require(deadlines(suspended.state).first)
    try suspended.when(due.command.name, due.command.args, as: .system, at: due.at).then([
      SessionResumed(at: t + 600_000, reason: "expired")
    ]) {
      $0.session.phase = .open
      $0.session.since = t + 600_000
      $0.session.suspensionMs = nil
    }
  }

  @Test func resumeAdjournAndAgenda() throws {
    let open = try sc.inSession()
    try open.when("session.resume").thenRejected(.wrongState)
    try open.when("session.suspend", ["durationMs": 0]).thenRejected(.invalidArgs)
    try open.when("session.open", as: .delegate("FRA")).thenRejected(.forbidden)
    try sc.when("session.adjourn").thenRejected(.wrongState)
    let t = open.now
    try open.when("agenda.set", ["topic": "  Non-proliferation  "]).then([AgendaSet(topic: "Non-proliferation", at: t)])
    {
      $0.topic = "Non-proliferation"
    }
    try open.when("agenda.set", ["topic": .string(Committees.tajikistan)]).thenRejected(.duplicate)
    try open.when("agenda.set", ["topic": " "]).thenRejected(.invalidArgs)
    try open.when("agenda.set", ["topic": .string(String(repeating: "x", count: 501))]).thenRejected(.invalidArgs)
  }

  /// R7.2: a suspension stops the speech timer; after resumption the chair restarts it.
  @Test func suspensionPausesTheSpeechUntilTheChairResumesIt() throws {
    let speaking = try sc.inSession().and("speakers.add", as: .delegate("FRA")).and("speakers.next").advanced(
      by: 20_000)
    let t = speaking.now
    let suspended = try speaking.when("session.suspend").then([SessionSuspended(at: t, durationMs: nil)]) {
      $0.session.phase = .suspended
      $0.session.since = t
      $0.speakers.current!.running = false
      $0.speakers.current!.elapsedMs = 20_000
    }
    try suspended.when("speaker.resume").thenRejected(.wrongState)
    try suspended.when("session.suspend").thenRejected(.wrongState)
    let resumed = try suspended.advanced(by: 300_000).when("session.resume").then([
      SessionResumed(at: t + 300_000, reason: "chair")
    ]) {
      $0.session.phase = .open
      $0.session.since = t + 300_000
    }
    #expect(deadlines(resumed.state).isEmpty)
    #expect(try resumed.and("speaker.resume").state.speakers.current?.expiresAt == t + 300_000 + 70_000)
  }

  /// Adjournment ends the speech, caucus and points; the speakers list waits for the next meeting (E-40).
  @Test func adjournmentEndsTheFloorButKeepsTheList() throws {
    let s = try sc.inSession().and("speakers.add", as: .delegate("PAK")).and("speakers.add", as: .delegate("FRA"))
      .and("speakers.next").and("point.raise", ["kind": "order"], as: .delegate("RUS")).advanced(by: 5_000)
    let t = s.now
    try s.when("session.adjourn").then([SessionAdjourned(at: t)]) {
      $0.session.phase = .adjourned
      $0.session.since = t
      $0.speakers.current = nil
      $0.speakers.last = SpeechRecord(seat: "PAK", kind: .gsl, usedMs: 0, endedAt: t)
      $0.points.items = []
    }
  }
}
