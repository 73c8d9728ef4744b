// Exactly once across a restart, with the outcome cache preloaded from the log: complete while
// every outcome fits (a new id then needs no lookup in the log), and falling back to the log
// once it cannot hold them all.
import GavelCore
import GavelStore
import GavelTesting
import Testing

@testable import GavelServer

@Suite struct OutcomeCacheTests {
  @Test func givenRecordedOutcomesWhenTheCacheOverflowsThenTheOldestIsForgotten() {
    var cache = OutcomeCache(capacity: 2)
    #expect(!cache.isComplete)  // built empty, it knows nothing of the log
    let a = OutcomeKey(credentialId: 1, commandId: "a")
    let b = OutcomeKey(credentialId: 1, commandId: "b")
    cache.record(a, .accepted(seq: 2))
    cache.record(a, .accepted(seq: 9))
    #expect(cache[a] == .accepted(seq: 2))  // the first outcome is the outcome
    cache.record(b, .accepted(seq: 3))
    cache.record(OutcomeKey(credentialId: 2, commandId: "a"), .accepted(seq: 4))
    #expect(cache[a] == nil && cache[b] == .accepted(seq: 3))
  }

  /// Capacity 100 holds the log's outcomes (complete); 3 holds them until the next command;
  /// 2 never does (lookups in the log).
  @Test(arguments: [100, 3, 2]) func givenALogWithOutcomesWhenTheFloorReopensThenRetriedIdsGetTheirFirstOutcome(
    capacity: Int
  ) throws {
    let dir = try TemporaryDirectory()
    var tokens: (String, String)
    var first: [JSON] = []
    do {
      let h = try FloorHarness(dir: dir)
      tokens = (h.chairToken, h.displayToken)
      _ = h.hello(1, h.chairToken)
      first.append(try #require(h.command(1, "open", "session.open")))
      first.append(try #require(h.command(1, "topic", "agenda.set", ["topic": "Small arms"])))
      first.append(try #require(h.command(1, "bad", "agenda.set", ["topic": 5])))
      h.floor.shutdown()
    }
    let h = try FloorHarness(dir: dir, tokens: tokens, outcomeCapacity: capacity)
    #expect(h.floor.queue.sync { h.floor.outcomes.isComplete } == (capacity >= 3))
    _ = h.hello(2, tokens.0)
    // Retried ids: the first outcomes, nothing logged again.
    #expect(try #require(h.command(2, "open", "session.open")) == first[0])
    #expect(try #require(h.command(2, "topic", "agenda.set", ["topic": "Other"])) == first[1])
    #expect(try #require(h.command(2, "bad", "agenda.set", ["topic": "Fine now"])) == first[2])
    #expect(h.floor.queue.sync { h.floor.seq } == 3)
    // A new id is decided.
    let ack = try #require(h.command(2, "next", "agenda.set", ["topic": "Other"]))
    #expect(ack["type"] == "ack" && ack["seq"] == 4)
    #expect(h.floor.queue.sync { h.floor.outcomes.isComplete } == (capacity >= 4))
  }
}
