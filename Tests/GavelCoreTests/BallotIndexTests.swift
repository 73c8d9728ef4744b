// The ballot index (Voting/BallotIndex.swift) kept in step with the log must answer exactly
// what reading the log from scratch answers, after any sequence of answers; and it must never
// show in a vote's encoding or equality.
import GavelTesting
import Testing

@testable import GavelCore

@Suite struct BallotIndexTests {
  /// The same vote with its index dropped: every question is then answered from the log.
  static func fromScratch(_ vote: OpenVote) -> OpenVote {
    var plain = vote
    plain.log = vote.log  // any assignment drops the index
    return plain
  }

  static func expectSameAnswers(
    _ vote: OpenVote, _ seats: [String], present: Set<String>, recorded: Bool = true, _ note: String
  ) {
    let plain = fromScratch(vote)
    // Once an answer is recorded the index is built, unless the log holds what it cannot index.
    let indexable = !vote.log.contains { !vote.order.contains($0.seat) || $0.round > 2 }
    #expect(!recorded || (vote.indexSlot.index != nil) == indexable, "\(note)")
    #expect(plain.indexSlot.index == nil)
    #expect(vote.ballots == plain.ballots, "\(note)")
    #expect(vote.standing == plain.standing, "\(note)")
    #expect(vote.rights == plain.rights, "\(note)")
    #expect(vote.passedSeats == plain.passedSeats, "\(note)")
    for seat in seats {
      #expect(vote.isEligible(seat) == plain.isEligible(seat), "\(note) \(seat)")
      for round in 0...3 {
        #expect(vote.answered(seat, round: round) == plain.answered(seat, round: round), "\(note) \(seat) r\(round)")
      }
    }
    let isPresent = { (seat: String) in present.contains(seat) }
    #expect(vote.next(isPresent: isPresent) == plain.next(isPresent: isPresent), "\(note)")
    #expect(vote.next(isPresent: { _ in true }) == plain.next(isPresent: { _ in true }), "\(note)")
  }

  @Test(arguments: 0..<40) func givenRandomAnswersWhenRecordedThenTheIndexAgreesWithTheLog(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    // Given: a vote of up to 12 seats, call order rotated, electorate sometimes not the order.
    let roll = (1...Int.random(in: 1...12, using: &random)).map { "S\($0)" }
    let start = Int.random(in: 0..<roll.count, using: &random)
    let order = Array(roll[start...] + roll[..<start])
    var eligible = roll
    if Bool.random(using: &random) && eligible.count > 1 { eligible.removeLast() }
    let seats = roll + ["X1"]  // X1: never in the order
    var vote = OpenVote(
      id: "V1", subject: VoteSubject(kind: .motion, id: "M1"), question: .procedural,
      threshold: .simpleMajorityOfVotesCast, method: .rollCall, order: order, eligible: eligible,
      presentAndVoting: [], quorum: QuorumFigures(members: roll.count, present: roll.count, toOpen: 1, toDecide: 1),
      members: roll.count, openedAt: 0)
    if Bool.random(using: &random) { vote.buildIndex() }
    let present = Set(roll.filter { _ in Int.random(in: 0..<5, using: &random) > 0 })
    Self.expectSameAnswers(vote, seats, present: present, recorded: false, "seed \(seed) empty")
    // When: answers are recorded one by one (any seat, any choice, round 1 or 2, rarely an
    // unindexable one), and the second round starts half-way.
    for step in 0..<Int.random(in: 1...30, using: &random) {
      if step == 8 {
        vote.secondRound = vote.passedSeats
        vote.round = 2
      }
      let rare = Int.random(in: 0..<40, using: &random)
      let seat = rare == 0 ? "X1" : roll.randomElement(using: &random)!
      let round = rare == 1 ? 3 : Int.random(in: 1...2, using: &random)
      vote.record(
        BallotEntry(
          seat: seat, choice: Choice.allCases.randomElement(using: &random)!, round: round,
          rights: Int.random(in: 0..<6, using: &random) == 0, byChair: Bool.random(using: &random)))
      // Then: every question gets the answer the log gives when read from scratch.
      Self.expectSameAnswers(vote, seats, present: present, "seed \(seed) step \(step)")
    }
  }

  @Test func givenAnIndexedVoteWhenTheLogIsReplacedThenTheIndexIsDropped() {
    var vote = OpenVote(
      id: "V1", subject: VoteSubject(kind: .motion, id: "M1"), question: .procedural,
      threshold: .simpleMajorityOfVotesCast, method: .rollCall, order: ["A", "B"], eligible: ["A", "B"],
      presentAndVoting: [], quorum: QuorumFigures(members: 2, present: 2, toOpen: 1, toDecide: 1), members: 2,
      openedAt: 0)
    vote.record(BallotEntry(seat: "A", choice: .yes, round: 1, rights: false, byChair: false))
    #expect(vote.indexSlot.index != nil)
    vote.log = [BallotEntry(seat: "B", choice: .no, round: 1, rights: false, byChair: false)]
    #expect(vote.indexSlot.index == nil)
    #expect(vote.tally == Tally(yes: 0, no: 1, abstain: 0) && vote.next(isPresent: { _ in true }) == "A")
    vote.record(BallotEntry(seat: "A", choice: .yes, round: 1, rights: false, byChair: false))
    #expect(vote.indexSlot.index != nil && vote.tally == Tally(yes: 1, no: 1, abstain: 0))
    vote.order = ["B", "A"]
    #expect(vote.indexSlot.index == nil)
  }

  @Test func theIndexTakesNoPartInEncodingOrEquality() throws {
    var floor = WorkedExamplesSecurityCouncil.draftVote(method: .rollCall, draw: 2)
    floor.castInOrder(Dictionary(uniqueKeysWithValues: WorkedExamplesSecurityCouncil.roll.map { ($0, Choice.yes) }))
    let vote = try #require(floor.state.vote)
    #expect(vote.indexSlot.index != nil)
    let plain = Self.fromScratch(vote)
    #expect(vote == plain)
    #expect(try JSONValueEncoder().canonicalBytes(vote) == JSONValueEncoder().canonicalBytes(plain))
    #expect(try FoundationCodec.encode(vote) == FoundationCodec.encode(plain))
    let decoded = try FoundationCodec.decode(OpenVote.self, FoundationCodec.encode(vote))
    #expect(decoded == vote && decoded.indexSlot.index == nil)
    #expect(!String(decoding: try FoundationCodec.encode(vote), as: UTF8.self).contains("index"))
  }
}
