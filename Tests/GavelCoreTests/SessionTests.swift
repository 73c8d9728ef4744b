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
    try open.when("agenda.set", ["topic": "  Non-proliferation  "]).then([AgendaSet(topic: "Non-proliferation", at: t)]) {
      $0.topic = "Non-proliferation"
    }
    try open.when("agenda.set", ["topic": .string(Committees.tajikistan)]).thenRejected(.duplicate)
    try open.when("agenda.set", ["topic": " "]).thenRejected(.invalidArgs)
  }
}
