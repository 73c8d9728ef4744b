import GavelTesting
import Testing

@testable import GavelCore

/// Points (§3.5, R3.11–R3.12, E-21).
@Suite struct PointsTests {
  func speaking(_ def: CommitteeDefinition) throws -> Given {
    try Given(def).inSession().and("speakers.add", as: .delegate(def.members[0].code)).and("speakers.next")
  }

  /// E-21 (points): while a speaker holds the floor only a PPP for audibility and, under UN presets,
  /// a point of order interrupt; both pause the speech timer until disposed of (R7.2).
  @Test func E21_onlyAudibilityAndUNPointsOfOrderInterruptASpeaker() throws {
    let ga = try speaking(Committees.gaCommittee(members: 6)).advanced(by: 10_000)
    let t = ga.now
    try ga.when("point.raise", ["kind": "personal_privilege", "text": "Too cold"], as: .delegate("S02")).thenRejected(
      .outOfOrder)
    try ga.when("point.raise", ["kind": "order"], as: .delegate("S02")).thenRejected(.outOfOrder)
    try ga.when("point.raise", ["kind": "parliamentary_inquiry"], as: .delegate("S02")).thenRejected(.outOfOrder)
    try ga.when("point.raise", ["kind": "information"], as: .delegate("S02")).thenRejected(.outOfOrder)
    let ppp = try ga.when(
      "point.raise", ["kind": "personal_privilege", "text": "We cannot hear", "audibility": true], as: .delegate("S02")
    )
    .then([PointRaised(id: "P1", kind: .personalPrivilege, by: "S02", text: "We cannot hear", interrupts: true, at: t)])
    {
      $0.points.raised = 1
      $0.points.items = [
        Point(id: "P1", kind: .personalPrivilege, by: "S02", text: "We cannot hear", pausedSpeech: true, at: t)
      ]
      $0.speakers.current!.running = false
      $0.speakers.current!.elapsedMs = 10_000
    }
    #expect(deadlines(ppp.state).isEmpty)
    try ppp.advanced(by: 3_000).when("point.resolve", ["id": "P1", "ruling": "Microphone fixed"]).then([
      PointResolved(id: "P1", ruling: "Microphone fixed", at: t + 3_000)
    ]) {
      $0.points.raised = 1
      $0.points.items = []
      $0.speakers.current!.running = true
      $0.speakers.current!.elapsedMs = 10_000
      $0.speakers.current!.startedAt = t + 3_000
    }
    let sc = try speaking(Committees.unsc2026)
    let t2 = sc.now
    try sc.when("point.raise", ["kind": "order", "text": "Rule 30"], as: .delegate("RUS")).then([
      PointRaised(id: "P1", kind: .order, by: "RUS", text: "Rule 30", interrupts: true, at: t2)
    ]) {
      $0.points.raised = 1
      $0.points.items = [Point(id: "P1", kind: .order, by: "RUS", text: "Rule 30", pausedSpeech: true, at: t2)]
      $0.speakers.current!.running = false
    }
  }

  @Test func pointsWhenTheFloorIsOpen() throws {
    let open = try Given(Committees.unsc2026).inSession()
    let t = open.now
    let ppi = try open.when(
      "point.raise", ["kind": "parliamentary_inquiry", "text": "  What is next? "], as: .delegate("TJK")
    )
    .then([
      PointRaised(id: "P1", kind: .parliamentaryInquiry, by: "TJK", text: "What is next?", interrupts: false, at: t)
    ]) {
      $0.points.raised = 1
      $0.points.items = [
        Point(id: "P1", kind: .parliamentaryInquiry, by: "TJK", text: "What is next?", pausedSpeech: false, at: t)
      ]
    }
    try ppi.when("point.raise", ["kind": "parliamentary_inquiry"], as: .delegate("TJK")).thenRejected(.duplicate)
    try ppi.when("point.resolve", ["id": "P9"]).thenRejected(.notFound)
    try ppi.when("point.resolve", ["id": "P1"], as: .delegate("TJK")).thenRejected(.forbidden)
    // Rule 37 participants and invitees may not raise points of order by default (§1.2).
    try open.when("point.raise", ["kind": "order"], as: .delegate("TJK")).thenRejected(.notEligible)
    try open.when("point.raise", ["kind": "order"], as: .delegate("CIS")).thenRejected(.notEligible)
    try open.when("point.raise", ["kind": "rumour"], as: .delegate("FRA")).thenRejected(.invalidArgs)
    try Given(Committees.unsc2026).when("point.raise", ["kind": "order"], as: .delegate("FRA")).thenRejected(
      .wrongState)
    // Ids are never reused.
    let next = try ppi.and("point.resolve", ["id": "P1"]).and("point.raise", ["kind": "order"], as: .delegate("FRA"))
    #expect(next.state.points.items.map(\.id) == ["P2"])
  }
}

/// Stands in for Core II's vote opening: only the floor mode matters here.
struct VotingModeEntered: EventPayload {
  static let wireName = "test.votingModeEntered"
  var at: Int64
  func apply(to state: inout CommitteeState) {
    state.session.mode = .voting
    state.session.since = at
  }
}

@Suite struct PointsDuringVotingTests {
  /// E-22: during voting only a point of order (on the conduct of the vote) is accepted.
  @Test func E22_onlyPointsOfOrderDuringVoting() throws {
    let voting = try Given(Committees.unsc2026).inSession().and(VotingModeEntered(at: ManualClock.epoch))
    for kind in ["personal_privilege", "parliamentary_inquiry", "information"] {
      try voting.when("point.raise", ["kind": .string(kind), "audibility": true], as: .delegate("FRA")).thenRejected(
        .outOfOrder)
    }
    try voting.when("speakers.add", as: .delegate("FRA")).thenRejected(.wrongState)
    try voting.when("speakers.next").thenRejected(.wrongState)
    let t = voting.now
    let raised = try voting.when(
      "point.raise", ["kind": "order", "text": "The vote was called out of order"], as: .delegate("FRA")
    )
    .then([
      PointRaised(id: "P1", kind: .order, by: "FRA", text: "The vote was called out of order", interrupts: false, at: t)
    ]) {
      $0.points.raised = 1
      $0.points.items = [
        Point(id: "P1", kind: .order, by: "FRA", text: "The vote was called out of order", pausedSpeech: false, at: t)
      ]
    }
    // The ruling is kept so it can be appealed by its id.
    try raised.when("point.resolve", ["id": "P1", "ruling": "Not well taken"]).then([
      PointResolved(id: "P1", ruling: "Not well taken", at: t)
    ]) {
      $0.points.items = []
      $0.points.rulings = [PointRuling(id: "P1", by: "FRA", ruling: "Not well taken", at: t)]
    }
  }
}
