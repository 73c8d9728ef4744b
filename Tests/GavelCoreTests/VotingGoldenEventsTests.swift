// Golden fixture: the wire name, version and canonical bytes of every Core II event. A change
// here changes the meaning of stored logs: bump the event's version instead of editing a line.
import Testing

@testable import GavelCore

enum DecisionEventSamples {
  static let motion = Motion(
    id: "M1", kind: .moderatedCaucus, by: "FRA", secondedBy: nil,
    args: ["totalMs": 600_000, "speakerMs": 45_000, "topic": "Border security"], status: .onFloor, number: 1,
    raisedAt: 1000, warnings: ["mod_leftover"])

  static var vote: OpenVote {
    var vote = OpenVote(
      id: "V1", subject: VoteSubject(kind: .draft, id: "SIM-SC/DR/1"), question: .substantive,
      threshold: .scSubstantive, method: .rollCall, order: ["NGA", "FRA"], eligible: ["FRA", "NGA"],
      presentAndVoting: ["NGA"], quorum: QuorumFigures(members: 15, present: 15, toOpen: 0, toDecide: 9), members: 15,
      openedAt: 2000)
    vote.vetoHolders = ["FRA"]
    vote.drawnSeat = "NGA"
    vote.draw = 7
    return vote
  }

  static let draft = Draft(
    id: "SIM-SC/DR/1", title: "The situation in Tajikistan", submittedBy: "ARG", sponsors: ["ARG"],
    signatories: ["ARG", "BRA"], status: .workingPaper,
    clauses: [Clause(n: 1, kind: .preambular, text: "Recalling,"), Clause(n: 1, kind: .operative, text: "Decides.")],
    nonMember: false, submittedAt: 3000)

  static let amendment = Amendment(
    id: "SIM-SC/DR/1/Amend.1", draft: "SIM-SC/DR/1", clause: 1, action: .modify, text: "Requests.", by: "NZL",
    submittedAt: 4000)

  /// One sample per event type of `EventRegistry.decisions`, in registry order.
  static let all: [any EventPayload] = [
    MotionProposed(motion: motion),
    MotionSeconded(motion: "M1", by: "GBR", at: 1100),
    MotionWithdrawn(motion: "M1", by: "FRA", keepable: true, at: 1200),
    MotionKept(motion: "M1", by: "GBR", at: 1300),
    MotionRuledOut(motion: "M2", ruling: "R1", reason: "Dilatory", dilatory: true, appealable: false, at: 1400),
    MotionDiscarded(motion: "M3", adopted: "M1", at: 1500),
    MotionExecuted(motion: "M1", kind: .setSpeakingTime, args: ["ms": 60_000], vote: "V1", at: 1600),
    VoteOpened(vote: vote, usesRollCallRequest: false),
    BallotCast(vote: "V1", seat: "NGA", choice: .pass, round: 1, rights: false, byChair: false, at: 2100),
    PlacardCounted(vote: "V2", yes: 9, no: 3, abstain: 3, at: 2200),
    SecondRoundStarted(vote: "V1", order: ["NGA"], at: 2300),
    VoteClosed(
      vote: "V1", tally: Tally(yes: 11, no: 2, abstain: 2), notVoting: 0, outcome: .rejected, reason: .veto,
      vetoedBy: ["FRA"], quorumChallenged: false,
      announcement: "The draft resolution received 11 votes in favour, 2 against and 2 abstentions.", resolution: nil,
      warnings: [], at: 2400),
    VoteCancelled(vote: "V3", at: 2500),
    AmendmentsMooted(draft: "SIM-SC/DR/1", amendments: ["SIM-SC/DR/1/Amend.2"], by: "SIM-SC/DR/1/Amend.3", at: 2600),
    DraftRejectedWithoutVote(draft: "SIM-GA1/DR/1", reason: "GA rule 89", at: 2700),
    DraftSubmitted(draft: draft),
    DraftSigned(draft: "SIM-SC/DR/1", seat: "CZE", at: 3100),
    DraftUnsigned(draft: "SIM-SC/DR/1", seat: "CZE", sponsor: false, reverted: false, at: 3200),
    DraftApproved(draft: "SIM-SC/DR/1", signatories: 3, required: 3, at: 3300),
    DraftVoteRequested(draft: "SIM-SC/DR/1", by: "NZL", at: 3400),
    DraftWithdrawalConsented(draft: "SIM-SC/DR/1", seat: "ARG", at: 3500),
    DraftWithdrawn(draft: "SIM-SC/DR/1", at: 3600),
    AmendmentSubmitted(amendment: amendment),
    AmendmentAccepted(amendment: "SIM-SC/DR/1/Amend.1", seat: "ARG", at: 4100),
    AmendmentIncorporated(amendment: "SIM-SC/DR/1/Amend.1", at: 4200),
    AmendmentsOrdered(draft: "SIM-SC/DR/1", order: ["SIM-SC/DR/1/Amend.1"], at: 4300),
  ]

  static func line(_ payload: any EventPayload) -> String {
    let bytes = String(decoding: EventCodec.encode(payload), as: UTF8.self)
    return "{\"name\":\"\(payload.wireName)\",\"version\":\(payload.version),\"payload\":\(bytes)}"
  }
}

@Suite struct VotingGoldenEvents {
  static let golden = """
    {"name":"motionProposed","version":1,"payload":{"motion":{"args":{"speakerMs":45000,"topic":"Border security","totalMs":600000},"by":"FRA","id":"M1","kind":"moderated_caucus","number":1,"raisedAt":1000,"status":"on_floor","warnings":["mod_leftover"]}}}
    {"name":"motionSeconded","version":1,"payload":{"at":1100,"by":"GBR","motion":"M1"}}
    {"name":"motionWithdrawn","version":1,"payload":{"at":1200,"by":"FRA","keepable":true,"motion":"M1"}}
    {"name":"motionKept","version":1,"payload":{"at":1300,"by":"GBR","motion":"M1"}}
    {"name":"motionRuledOut","version":1,"payload":{"appealable":false,"at":1400,"dilatory":true,"motion":"M2","reason":"Dilatory","ruling":"R1"}}
    {"name":"motionDiscarded","version":1,"payload":{"adopted":"M1","at":1500,"motion":"M3"}}
    {"name":"motionExecuted","version":1,"payload":{"args":{"ms":60000},"at":1600,"kind":"set_speaking_time","motion":"M1","vote":"V1"}}
    {"name":"voteOpened","version":1,"payload":{"usesRollCallRequest":false,"vote":{"absentVetoHolders":[],"art27Parties":[],"classification":"PRESET_DEFAULT","draw":7,"drawnSeat":"NGA","eligible":["FRA","NGA"],"id":"V1","log":[],"members":15,"method":"roll_call","openedAt":2000,"order":["NGA","FRA"],"presentAndVoting":["NGA"],"question":"substantive","quorum":{"members":15,"present":15,"toDecide":9,"toOpen":0},"round":1,"secondRound":[],"subject":{"id":"SIM-SC/DR/1","kind":"draft"},"threshold":"SC_SUBSTANTIVE","vetoHolders":["FRA"],"warnings":[]}}}
    {"name":"ballotCast","version":1,"payload":{"at":2100,"byChair":false,"choice":"pass","rights":false,"round":1,"seat":"NGA","vote":"V1"}}
    {"name":"placardCounted","version":1,"payload":{"abstain":3,"at":2200,"no":3,"vote":"V2","yes":9}}
    {"name":"secondRoundStarted","version":1,"payload":{"at":2300,"order":["NGA"],"vote":"V1"}}
    {"name":"voteClosed","version":1,"payload":{"announcement":"The draft resolution received 11 votes in favour, 2 against and 2 abstentions.","at":2400,"notVoting":0,"outcome":"rejected","quorumChallenged":false,"reason":"veto","tally":{"abstain":2,"no":2,"yes":11},"vetoedBy":["FRA"],"vote":"V1","warnings":[]}}
    {"name":"voteCancelled","version":1,"payload":{"at":2500,"vote":"V3"}}
    {"name":"amendmentsMooted","version":1,"payload":{"amendments":["SIM-SC/DR/1/Amend.2"],"at":2600,"by":"SIM-SC/DR/1/Amend.3","draft":"SIM-SC/DR/1"}}
    {"name":"draftRejectedWithoutVote","version":1,"payload":{"at":2700,"draft":"SIM-GA1/DR/1","reason":"GA rule 89"}}
    {"name":"draftSubmitted","version":1,"payload":{"draft":{"amendmentOrder":[],"amendments":[],"clauses":[{"kind":"preambular","n":1,"struck":false,"text":"Recalling,"},{"kind":"operative","n":1,"struck":false,"text":"Decides."}],"id":"SIM-SC/DR/1","nonMember":false,"parts":[],"revision":1,"signatories":["ARG","BRA"],"sponsors":["ARG"],"status":"working_paper","submittedAt":3000,"submittedBy":"ARG","title":"The situation in Tajikistan","withdrawalConsents":[]}}}
    {"name":"draftSigned","version":1,"payload":{"at":3100,"draft":"SIM-SC/DR/1","seat":"CZE"}}
    {"name":"draftUnsigned","version":1,"payload":{"at":3200,"draft":"SIM-SC/DR/1","reverted":false,"seat":"CZE","sponsor":false}}
    {"name":"draftApproved","version":1,"payload":{"at":3300,"draft":"SIM-SC/DR/1","required":3,"signatories":3}}
    {"name":"draftVoteRequested","version":1,"payload":{"at":3400,"by":"NZL","draft":"SIM-SC/DR/1"}}
    {"name":"draftWithdrawalConsented","version":1,"payload":{"at":3500,"draft":"SIM-SC/DR/1","seat":"ARG"}}
    {"name":"draftWithdrawn","version":1,"payload":{"at":3600,"draft":"SIM-SC/DR/1"}}
    {"name":"amendmentSubmitted","version":1,"payload":{"amendment":{"acceptedBy":[],"action":"modify","by":"NZL","clause":1,"draft":"SIM-SC/DR/1","friendly":false,"id":"SIM-SC/DR/1/Amend.1","status":"submitted","submittedAt":4000,"text":"Requests."}}}
    {"name":"amendmentAccepted","version":1,"payload":{"amendment":"SIM-SC/DR/1/Amend.1","at":4100,"seat":"ARG"}}
    {"name":"amendmentIncorporated","version":1,"payload":{"amendment":"SIM-SC/DR/1/Amend.1","at":4200}}
    {"name":"amendmentsOrdered","version":1,"payload":{"at":4300,"draft":"SIM-SC/DR/1","order":["SIM-SC/DR/1/Amend.1"]}}
    """

  @Test func everyDecisionEventTypeHasASample() {
    let sampled = DecisionEventSamples.all.map { $0.wireName }
    #expect(sampled == EventRegistry.decisions.map { $0.wireName })
  }

  @Test func encodingMatchesTheGoldenFixture() {
    let lines = Self.golden.split(separator: "\n").map(String.init)
    let actual = DecisionEventSamples.all.map(DecisionEventSamples.line)
    #expect(lines.count == actual.count)
    for (expected, got) in zip(lines, actual) { #expect(got == expected) }
  }

  @Test func goldenPayloadsDecodeAndReencodeToTheSameBytes() throws {
    for line in Self.golden.split(separator: "\n") {
      let object = try JSON.parse(String(line))
      let name = object["name"]!.stringValue!
      let version = object["version"]!.intValue!
      let payload = object["payload"]!
      // The fixture's payload text is the canonical bytes, verbatim.
      let text = String(line)
      let start = text.firstRange(of: "\"payload\":")!.upperBound
      let bytes = Array(text[start..<text.index(before: text.endIndex)].utf8)
      let event = try EventCodec.decode(name: name, version: version, payload: bytes)
      #expect(EventCodec.encode(event) == bytes, "\(name)")
      #expect(EventCodec.json(event.payload) == payload)
    }
  }
}
