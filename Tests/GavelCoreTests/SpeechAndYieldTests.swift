import GavelTesting
import Testing

@testable import GavelCore

/// §3.3 speech lifecycle and yields, with the worked timer examples of rules.md §7.3.
@Suite struct SpeechAndYieldTests {
  /// FRA holds the floor with 90 s, recognised at `start`.
  func speaking(_ def: CommitteeDefinition = Committees.unsc2026) throws -> Given {
    try Given(def).inSession().and("speakers.add", as: .delegate("FRA")).and("speakers.next")
  }

  @Test func pauseResumeAndEndRecordUsedTime() throws {
    let s = try speaking()
    let t0 = s.now
    let paused = try s.advanced(by: 20_000).when("speaker.pause").then([SpeechPaused(seat: "FRA", at: t0 + 20_000)]) {
      $0.speakers.current!.running = false
      $0.speakers.current!.elapsedMs = 20_000
    }
    #expect(deadlines(paused.state).isEmpty)
    try paused.when("speaker.pause").thenRejected(.wrongState)
    let resumed = try paused.advanced(by: 5_000).when("speaker.resume").then([
      SpeechResumed(seat: "FRA", at: t0 + 25_000)
    ]) {
      $0.speakers.current!.running = true
      $0.speakers.current!.startedAt = t0 + 25_000
    }
    #expect(deadlines(resumed.state).map(\.at) == [t0 + 25_000 + 70_000])
    try resumed.advanced(by: 10_000).when("speaker.end").then([
      SpeechEnded(seat: "FRA", usedMs: 30_000, reason: "chair", at: t0 + 35_000)
    ]) {
      $0.speakers.current = nil
      $0.speakers.last = SpeechRecord(seat: "FRA", kind: .gsl, usedMs: 30_000, endedAt: t0 + 35_000)
    }
    try resumed.when("speaker.end", as: .delegate("FRA")).thenRejected(.forbidden)
  }

  /// R7.3: a speaker whose time runs out is cut off by the server-fed expiry.
  @Test func speechExpiresAtItsDeadlineAndStaleExpiriesDoNothing() throws {
    let s = try speaking()
    let due = try #require(deadlines(s.state).first)
    #expect(due.at == s.now + 90_000)
    #expect(due.command == Command("timer.expire", ["timer": "speech", "startedAt": .int(Int(s.now)), "seat": "FRA"]))
    try s.when(due.command.name, due.command.args, as: .system, at: due.at - 1).thenNothing()
    try s.when(due.command.name, due.command.args, as: .chair, at: due.at).thenRejected(.forbidden)
    try s.when(due.command.name, due.command.args, as: .system, at: due.at).then([
      SpeechEnded(seat: "FRA", usedMs: 90_000, reason: "expired", at: due.at)
    ]) {
      $0.speakers.current = nil
      $0.speakers.last = SpeechRecord(seat: "FRA", kind: .gsl, usedMs: 90_000, endedAt: due.at, expired: true)
    }
    // After a pause and resume the old deadline belongs to a finished run.
    let moved = try s.advanced(by: 1_000).and("speaker.pause").advanced(by: 1_000).and("speaker.resume")
    try moved.when(due.command.name, due.command.args, as: .system, at: due.at).thenNothing()
  }

  /// §7.3: 90 s, the speaker stops at 52.4 s and yields to Pakistan, who gets ⌊37.6⌋ = 37 s and may not yield again.
  @Test func workedExample_yieldToPakistanGets37Seconds() throws {
    let s = try speaking()
    let t = s.now + 52_400
    let yielded = try s.at(t).when("speaker.yield", ["to": "delegate", "seat": "PAK"], as: .delegate("FRA")).then([
      SpeechYielded(seat: "FRA", to: .delegate, receiver: "PAK", usedMs: 52_400, remainderMs: 37_000, at: t)
    ]) {
      $0.speakers.last = SpeechRecord(seat: "FRA", kind: .gsl, usedMs: 52_400, endedAt: t)
      $0.speakers.current = Speech(
        seat: "PAK", kind: .yielded, timeMs: 37_000, startedAt: t, yieldedFrom: "FRA", yieldDepth: 1)
    }
    #expect(deadlines(yielded.state).map(\.at) == [t + 37_000])
    // E-23: no chaining — Pakistan may not yield to another delegate or to questions; the speech continues.
    try yielded.advanced(by: 5_000).when("speaker.yield", ["to": "delegate", "seat": "DNK"], as: .delegate("PAK"))
      .thenRejected(.outOfOrder)
    try yielded.when("speaker.yield", ["to": "questions"], as: .delegate("PAK")).thenRejected(.outOfOrder)
    // Yielding back to the chair is always possible.
    try yielded.advanced(by: 7_000).when("speaker.yield", ["to": "chair"], as: .delegate("PAK")).then([
      SpeechYielded(seat: "PAK", to: .chair, receiver: nil, usedMs: 7_000, remainderMs: 30_000, at: t + 7_000)
    ]) {
      $0.speakers.last = SpeechRecord(seat: "FRA", kind: .gsl, usedMs: 52_400, endedAt: t)
      $0.speakers.last = SpeechRecord(seat: "PAK", kind: .yielded, usedMs: 7_000, endedAt: t + 7_000)
      $0.speakers.current = nil
    }
  }

  /// §7.3: 90 s, yield to questions at 60 s (30 s left). Questions (20 s) do not count; answers of
  /// 12 s and 14 s do (26 ≤ 30); a third answer is cut off at 4 s.
  @Test func workedExample_yieldToQuestionsCountsOnlyAnswers() throws {
    let s = try speaking()
    let t = s.now + 60_000
    let questions = try s.at(t).when("speaker.yield", ["to": "questions"], as: .delegate("FRA")).then([
      SpeechYielded(seat: "FRA", to: .questions, receiver: nil, usedMs: 60_000, remainderMs: 30_000, at: t)
    ]) {
      $0.speakers.current = Speech(
        seat: "FRA", kind: .questions, timeMs: 30_000, startedAt: t, running: false, yieldDepth: 1)
    }
    #expect(deadlines(questions.state).isEmpty)
    // Question 1 (10 s, not counted), answer 1 (12 s), question 2 (10 s), answer 2 (14 s).
    let q1 = try questions.and(
      "point.raise", ["kind": "information", "text": "Will the mission grow?"], as: .delegate("PAK"))
    let a1 = try q1.advanced(by: 10_000).and("point.resolve", ["id": "P1"]).and("speaker.resume").advanced(by: 12_000)
      .and("speaker.pause")
    let a2 = try a1.advanced(by: 10_000).and("speaker.resume").advanced(by: 14_000).and("speaker.pause")
    #expect(a2.state.speakers.current?.elapsedMs == 26_000)
    #expect(a2.state.speakers.current?.remainingMs(at: a2.now) == 4_000)
    // The third answer runs into the deadline 4 s later and is cut off.
    let third = try a2.advanced(by: 10_000).and("speaker.resume")
    let due = try #require(deadlines(third.state).first)
    #expect(due.at == third.now + 4_000)
    try third.when(due.command.name, due.command.args, as: .system, at: due.at).then([
      SpeechEnded(seat: "FRA", usedMs: 30_000, reason: "expired", at: due.at)
    ]) {
      $0.speakers.current = nil
      $0.speakers.last = SpeechRecord(seat: "FRA", kind: .questions, usedMs: 30_000, endedAt: due.at, expired: true)
    }
    // One yield per speech.
    try a2.when("speaker.yield", ["to": "delegate", "seat": "PAK"], as: .delegate("FRA")).thenRejected(.outOfOrder)
  }

  @Test func yieldToTheChairForfeitsTheRemainder() throws {
    let s = try speaking()
    let t = s.now + 45_500
    try s.at(t).when("speaker.yield", ["to": "chair"], as: .delegate("FRA")).then([
      SpeechYielded(seat: "FRA", to: .chair, receiver: nil, usedMs: 45_500, remainderMs: 44_000, at: t)
    ]) {
      $0.speakers.current = nil
      $0.speakers.last = SpeechRecord(seat: "FRA", kind: .gsl, usedMs: 45_500, endedAt: t)
    }
  }

  /// E-23: yields to an absent seat, to a seat that may not speak, by someone else, or to nobody are refused; the speech goes on.
  @Test func E23_invalidYieldsAreRejectedAndTheSpeechContinues() throws {
    let s = try speaking().and("attendance.mark", ["seat": "GRC", "status": "absent"]).advanced(by: 30_000)
    try s.when("speaker.yield", ["to": "delegate", "seat": "GRC"], as: .delegate("FRA")).thenRejected(.notEligible)
    try s.when("speaker.yield", ["to": "delegate", "seat": "CIS"], as: .delegate("FRA")).thenRejected(.notEligible)
    try s.when("speaker.yield", ["to": "delegate", "seat": "FRA"], as: .delegate("FRA")).thenRejected(.invalidArgs)
    try s.when("speaker.yield", ["to": "delegate"], as: .delegate("FRA")).thenRejected(.invalidArgs)
    try s.when("speaker.yield", ["to": "delegate", "seat": "XYZ"], as: .delegate("FRA")).thenRejected(.notFound)
    try s.when("speaker.yield", ["to": "delegate", "seat": "PAK"], as: .delegate("PAK")).thenRejected(.notYourTurn)
    try s.when("speaker.yield", ["to": "somewhere"], as: .delegate("FRA")).thenRejected(.invalidArgs)
    #expect(s.state.speakers.current?.running == true)
    // A rule 37 participant, invited to speak, may receive the time.
    let t = s.now
    try s.when("speaker.yield", ["to": "delegate", "seat": "TJK"], as: .delegate("FRA")).then([
      SpeechYielded(seat: "FRA", to: .delegate, receiver: "TJK", usedMs: 30_000, remainderMs: 60_000, at: t)
    ]) {
      $0.speakers.last = SpeechRecord(seat: "FRA", kind: .gsl, usedMs: 30_000, endedAt: t)
      $0.speakers.current = Speech(
        seat: "TJK", kind: .yielded, timeMs: 60_000, startedAt: t, yieldedFrom: "FRA", yieldDepth: 1)
    }
  }

  /// THIMUN-style `max_consecutive_yields = 2` allows one further yield.
  @Test func consecutiveYieldsFollowTheProfile() throws {
    var def = Committees.unsc2026
    def.rules.floor.maxConsecutiveYields = 2
    let s = try speaking(def).advanced(by: 30_000).and(
      "speaker.yield", ["to": "delegate", "seat": "PAK"], as: .delegate("FRA")
    )
    .advanced(by: 10_000)
    let t = s.now
    try s.when("speaker.yield", ["to": "delegate", "seat": "DNK"], as: .delegate("PAK")).then([
      SpeechYielded(seat: "PAK", to: .delegate, receiver: "DNK", usedMs: 10_000, remainderMs: 50_000, at: t)
    ]) {
      $0.speakers.last = SpeechRecord(seat: "PAK", kind: .yielded, usedMs: 10_000, endedAt: t)
      $0.speakers.current = Speech(
        seat: "DNK", kind: .yielded, timeMs: 50_000, startedAt: t, yieldedFrom: "PAK", yieldDepth: 2)
    }
  }

  /// R7.3: the cut-off speaker's finishing sentence is logged as an overrun with its length.
  @Test func finishingSentenceIsLoggedAsAnOverrun() throws {
    let s = try speaking()
    let due = try #require(deadlines(s.state).first)
    try s.when("speaker.overrun", ["ms": 3_000]).thenRejected(.wrongState)
    let cut = try s.and(due.command.name, due.command.args, as: .system, at: due.at).advanced(by: 3_500)
    let t = cut.now
    let logged = try cut.when("speaker.overrun", ["ms": 3_500]).then([SpeechOverrun(seat: "FRA", ms: 3_500, at: t)]) {
      $0.speakers.last?.overrunMs = 3_500
    }
    try logged.when("speaker.overrun", ["ms": 1_000]).thenRejected(.duplicate)
    try cut.when("speaker.overrun", ["ms": 0]).thenRejected(.invalidArgs)
    try s.and("speaker.end").when("speaker.overrun", ["ms": 1_000]).thenRejected(.wrongState)
  }
}
