// Which connections get a ballot at once (Audience): in a roll call the chair and the seat
// called next; everyone else gets voting-board updates batched. Every other event, and every
// ack, is prompt. Driven through the real Floor and store with a recording sink.
import GavelCore
import GavelTesting
import GavelWire
import Testing

@testable import GavelServer

@Suite struct BoardDeliveryTests {
  static let seats = ["S01", "S02", "S03", "S04", "S05"]
  static let chair: ConnectionID = 1
  static let display: ConnectionID = 2
  /// S01 is connection 11, … S05 is 15.
  static func conn(_ seat: String) -> ConnectionID { 10 + ConnectionID(seats.firstIndex(of: seat)! + 1) }

  /// Chair, display and every delegate joined; the session open with everyone present and
  /// voting; M1 moved by S01 and seconded by S02; a vote on it opened with `method`.
  static func openVote(_ method: String) throws -> FloorHarness {
    let h = try FloorHarness(delegates: seats)
    _ = h.hello(chair, h.chairToken)
    _ = h.hello(display, h.displayToken)
    for seat in seats { _ = h.hello(conn(seat), h.delegateTokens[seat]!) }
    try expectAck(h.command(chair, "open", "session.open"))
    for seat in seats {
      try expectAck(h.command(chair, "mark-\(seat)", "attendance.mark", ["seat": .string(seat), "status": "present_and_voting"]))
    }
    try expectAck(h.command(conn("S01"), "m", "motion.propose", ["kind": "set_speaking_time", "args": ["ms": 60000]]))
    try expectAck(h.command(conn("S02"), "s", "motion.second", ["motion": "M1"]))
    try expectAck(h.command(chair, "v", "vote.open", ["subject": ["kind": "motion", "id": "M1"], "method": .string(method)]))
    return h
  }

  static func expectAck(_ answer: JSON?, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(answer?["type"] == "ack", "\(String(describing: answer))", sourceLocation: sourceLocation)
  }

  static func called(_ h: FloorHarness) -> String? {
    h.floor.queue.sync {
      let state = h.floor.state
      return state.vote?.next(isPresent: { state.attendance.isPresent($0) })
    }
  }

  /// The delivery of the last frame `conn` got that is the event named `name`.
  static func delivery(_ h: FloorHarness, _ conn: ConnectionID, of name: String) -> Delivery? {
    let frames = h.sink.received(conn)
    return frames.indices.last { frames[$0]["name"] == JSON.string(name) }.map { h.sink.delivered(conn)[$0] }
  }

  @Test func aRollCallBallotIsPromptForTheChairAndTheSeatCalledNextOnly() throws {
    let h = try Self.openVote("roll_call")
    // Given the vote was opened: everyone got it at once.
    for conn in [Self.chair, Self.display] + Self.seats.map(Self.conn) {
      #expect(Self.delivery(h, conn, of: "voteOpened") == .prompt)
    }
    for turn in 0..<Self.seats.count {
      // When the seat called casts its ballot…
      let voter = try #require(Self.called(h))
      let ack = h.command(Self.conn(voter), "b\(turn)", "vote.cast", ["choice": "yes"])
      try Self.expectAck(ack)
      #expect(h.sink.delivered(Self.conn(voter)).last == .prompt, "the voter's ack is prompt")
      // …then the chair and the seat now called get the ballot at once, every other screen batched.
      let nowCalled = Self.called(h)
      for conn in [Self.chair, Self.display] + Self.seats.map(Self.conn) {
        let expected: Delivery =
          conn == Self.chair || nowCalled.map { Self.conn($0) == conn } == true ? .prompt : .batched
        #expect(Self.delivery(h, conn, of: "ballotCast") == expected, "turn \(turn), connection \(conn)")
      }
    }
    #expect(Self.called(h) == nil)
    // The close (the result) goes to everyone at once, and takes any held ballots with it.
    try Self.expectAck(h.command(Self.chair, "c", "vote.close"))
    for conn in [Self.chair, Self.display] + Self.seats.map(Self.conn) {
      #expect(Self.delivery(h, conn, of: "voteClosed") == .prompt)
    }
  }

  @Test func aRecordedVoteBallotIsPromptForTheChairOnly() throws {
    let h = try Self.openVote("recorded")
    try Self.expectAck(h.command(Self.conn("S03"), "b", "vote.cast", ["choice": "no"]))
    #expect(Self.delivery(h, Self.chair, of: "ballotCast") == .prompt)
    for conn in [Self.display] + Self.seats.map(Self.conn) {
      #expect(Self.delivery(h, conn, of: "ballotCast") == .batched)
    }
  }

  @Test func otherEventsArePromptForEveryone() throws {
    let h = try Self.openVote("recorded")
    for conn in [Self.chair, Self.display] + Self.seats.map(Self.conn) {
      #expect(h.sink.delivered(conn).allSatisfy { $0 == .prompt }, "connection \(conn)")
    }
  }
}
