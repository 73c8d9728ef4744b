// Closing a vote adds one entry to the view's `votes`: LiveView sends it as one `add` and
// builds only that entry, however many votes the session has closed before (ViewSection's
// `appended`). The patched view must still be exactly `publicView` of the new state.
import Testing

@testable import GavelCore

@Suite struct LiveViewVotesTests {
  /// A procedural motion put to the vote and carried, `n` times over.
  static func votedOn(_ n: Int, _ floor: inout Floor) {
    let codes = TestCommittee.gaCodes(10)
    for i in 0..<n {
      let motion = floor.propose(.setSpeakingTime, ["ms": .int(60_000 + i * 1000)], by: codes[i], secondedBy: codes[i + 1])
      floor.run("motion.put", ["motion": .string(motion)])
      floor.everyoneYesAndClose()
    }
  }

  @Test func closingAVoteAddsOneEntry() throws {
    // Given two votes closed and a third with every ballot cast
    var floor = Floor(TestCommittee.ga(10))
    Self.votedOn(2, &floor)
    let codes = TestCommittee.gaCodes(10)
    let motion = floor.propose(.setSpeakingTime, ["ms": 45_000], by: codes[5], secondedBy: codes[6])
    floor.run("motion.put", ["motion": .string(motion)])
    floor.castAll(Dictionary(uniqueKeysWithValues: codes.map { ($0, Choice.yes) }))
    var live = LiveView(floor.state)
    let before = live.json
    // When the chair closes it
    floor.run("vote.close")
    let patch = live.advance(to: floor.state)
    // Then `votes` gets exactly the new entry, and the patched view is the new public view
    let after = publicView(floor.state)
    let third = try #require(after["votes"]?.arrayValue?.last)
    #expect(floor.state.votes.count == 3)
    #expect(patch.filter { $0.path.hasPrefix("/votes") } == [JSONPatchOperation(op: .add, path: "/votes/2", value: third)])
    #expect(try before.applying(patch) == after)
    #expect(live.json == after)
  }

  @Test func anotherChangeToVotesRebuildsTheSection() throws {
    // Given a view of three closed votes
    var floor = Floor(TestCommittee.ga(10))
    Self.votedOn(3, &floor)
    var live = LiveView(floor.state)
    let before = live.json
    // When a state whose `votes` lost its first entry follows (not an append)
    var shorter = floor.state
    shorter.votes.removeFirst()
    let patch = live.advance(to: shorter)
    // Then the patch still turns the old view into exactly the new one
    #expect(try before.applying(patch) == publicView(shorter))
    #expect(live.json == publicView(shorter))
  }
}
