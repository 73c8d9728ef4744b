// The bounded in-memory structures: the resume ring, the outcome cache and the rate limiter.
import GavelStore
import GavelWire
import Testing

@testable import GavelServer

@Suite struct BoundsTests {
  func frame(_ seq: Int64) -> Frame { Frame(Array("\(seq)".utf8)) }
  func seqs(_ frames: [Frame]?) -> [Int64]? { frames?.map { Int64(String(decoding: $0.bytes, as: UTF8.self))! } }

  @Test func ringServesWhatItHoldsAndRefusesOlder() {
    var ring = EventRing(capacity: 4, lastSeq: 10)
    #expect(seqs(ring.frames(after: 10)) == [])
    #expect(ring.frames(after: 9) == nil)
    for seq in Int64(11)...17 { ring.append(seq: seq, frame(seq)) }
    #expect(ring.firstSeq == 14)
    #expect(seqs(ring.frames(after: 13)) == [14, 15, 16, 17])
    #expect(seqs(ring.frames(after: 15)) == [16, 17])
    #expect(seqs(ring.frames(after: 17)) == [])
    #expect(ring.frames(after: 12) == nil)
    #expect(ring.frames(after: 18) == nil)
  }

  @Test func outcomeCacheForgetsTheOldest() {
    var cache = OutcomeCache(capacity: 2)
    let a = OutcomeKey(credentialId: 1, commandId: "a")
    let b = OutcomeKey(credentialId: 1, commandId: "b")
    let c = OutcomeKey(credentialId: 2, commandId: "a")
    cache.record(a, .accepted(seq: 1))
    cache.record(b, .accepted(seq: 2))
    cache.record(a, .accepted(seq: 99))  // already known: the first outcome stays
    #expect(cache[a] == .accepted(seq: 1))
    cache.record(c, .accepted(seq: 3))
    #expect(cache[a] == nil)
    #expect(cache[b] == .accepted(seq: 2))
    #expect(cache[c] == .accepted(seq: 3))
  }

  @Test func bucketAllowsTheBurstThenTheRate() {
    var bucket = TokenBucket(ratePerSecond: 10, burst: 3, now: 100)
    // The burst, then one token per 1/rate seconds, and a long pause refills only to the burst.
    let times: [Double] = [100, 100, 100, 100, 100.15, 100.15, 200, 200, 200, 200]
    var taken: [Bool] = []
    for t in times { taken.append(bucket.take(now: t)) }
    #expect(taken == [true, true, true, false, true, false, true, true, true, false])
  }
}
