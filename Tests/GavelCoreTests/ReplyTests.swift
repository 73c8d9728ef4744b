import GavelTesting
import Testing

@testable import GavelCore

/// Right of reply (R3.8–R3.10, E-24).
@Suite struct ReplyTests {
  /// RUS spoke and ended; the floor is free.
  func afterRussia() throws -> Given {
    try Given(Committees.unsc2026).inSession().and("speakers.add", as: .delegate("RUS")).and("speakers.next")
      .advanced(by: 40_000).and("speaker.end")
  }

  @Test func replyIsAskedGrantedAndTimed() throws {
    let s = try afterRussia()
    let t = s.now
    let asked = try s.when("reply.request", as: .delegate("GBR")).then([ReplyRequested(seat: "GBR", to: "RUS", at: t)])
    {
      $0.speakers.replies = [ReplyRequest(seat: "GBR", to: "RUS", at: t)]
    }
    try asked.when("reply.request", as: .delegate("GBR")).thenRejected(.duplicate)
    try asked.when("reply.request", as: .delegate("RUS")).thenRejected(.outOfOrder)
    try asked.when("reply.request", as: .delegate("CIS")).thenRejected(.notEligible)
    try asked.when("reply.grant", ["seat": "FRA"]).thenRejected(.notFound)
    try asked.when("reply.grant", ["seat": "GBR"], as: .delegate("GBR")).thenRejected(.forbidden)
    let replying = try asked.when("reply.grant", ["seat": "GBR"]).then([
      ReplyGranted(seat: "GBR", timeMs: 30_000, at: t)
    ]) {
      $0.speakers.replies = []
      $0.speakers.current = Speech(seat: "GBR", kind: .reply, timeMs: 30_000, startedAt: t)
    }
    #expect(deadlines(replying.state).map(\.at) == [t + 30_000])
    try replying.when("speaker.yield", ["to": "questions"], as: .delegate("GBR")).thenRejected(.outOfOrder)
    try s.when("reply.deny", ["seat": "GBR"]).thenRejected(.notFound)
    try asked.when("reply.deny", ["seat": "GBR"]).then([ReplyDenied(seat: "GBR", at: t)]) { $0.speakers.replies = [] }
  }

  /// E-24: a right of reply to a right of reply is out of order by default.
  @Test func E24_replyToAReplyIsOutOfOrder() throws {
    let replying = try afterRussia().and("reply.request", as: .delegate("GBR")).and("reply.grant", ["seat": "GBR"])
    try replying.when("reply.request", as: .delegate("RUS")).thenRejected(.outOfOrder)
    let done = try replying.advanced(by: 20_000).and("speaker.end")
    let rejection = try done.when("reply.request", as: .delegate("RUS")).thenRejected(.outOfOrder)
    #expect(rejection.message.contains("R3.9"))
    var def = Committees.unsc2026
    def.rules.floor.replyToReplyAllowed = true
    let lenient = try Given(def).inSession().and("speakers.add", as: .delegate("RUS")).and("speakers.next")
      .and("speaker.end").and("reply.request", as: .delegate("GBR")).and("reply.grant", ["seat": "GBR"]).and(
        "speaker.end")
    let t = lenient.now
    try lenient.when("reply.request", as: .delegate("RUS")).then([ReplyRequested(seat: "RUS", to: "GBR", at: t)]) {
      $0.speakers.replies = [ReplyRequest(seat: "RUS", to: "GBR", at: t)]
    }
  }

  @Test func replyWaitsForTheFloor() throws {
    let s = try afterRussia().and("reply.request", as: .delegate("GBR")).and("speakers.add", as: .delegate("FRA"))
      .and("speakers.next")
    try s.when("reply.grant", ["seat": "GBR"]).thenRejected(.outOfOrder)
    try Given(Committees.unsc2026).inSession().when("reply.request", as: .delegate("GBR")).thenRejected(.wrongState)
  }
}
