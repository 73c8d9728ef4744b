// The canonical bytes of an event are what the hash chain covers: EventCodec.encode, now built
// on JSONValueEncoder, must give exactly the bytes JSONEncoder (sorted keys, unescaped slashes)
// gave, for every event type and for every shape of value.
import GavelTesting
import Testing

@testable import GavelCore

@Suite struct JSONValueEncoderTests {
  @Test func everySampleEventEncodesToJSONEncodersBytes() throws {
    let samples = FloorEventSamples.all + DecisionEventSamples.all
    #expect(Set(samples.map(\.wireName)) == Set(EventCodec.types.keys))
    for payload in samples {
      let bytes = EventCodec.encode(payload)
      #expect(try bytes == FoundationCodec.encode(payload), "\(payload.wireName)")
      #expect(try JSONValueEncoder().encode(payload).serialized() == bytes, "\(payload.wireName): tree and bytes differ")
    }
  }

  @Test func drawsBeyondIntMaxAreWrittenWithEveryDigit() throws {
    for draw in [0, UInt64(Int64.max), UInt64(Int64.max) + 1, .max] as [UInt64] {
      var vote = DecisionEventSamples.vote
      vote.draw = draw
      let payload = VoteOpened(vote: vote, usesRollCallRequest: false)
      let bytes = EventCodec.encode(payload)
      #expect(try bytes == FoundationCodec.encode(payload), "draw \(draw)")
      #expect(String(decoding: bytes, as: UTF8.self).contains("\"draw\":\(draw),"))
    }
    var vote = DecisionEventSamples.vote
    vote.draw = .max
    #expect(throws: JSONValueEncoder.TooLarge.self) { try JSONValueEncoder().encode(vote) }
  }

  @Test func randomValuesEncodeToJSONEncodersBytes() throws {
    var rng = SeededRandom(seed: 7)
    for _ in 0..<500 {
      let probe = Probe.random(&rng)
      let reference = try FoundationCodec.encode(probe)
      #expect(EventCodec.canonicalBytes(probe) == reference, "\(String(decoding: reference, as: UTF8.self))")
    }
  }

  @Test func nilOptionalsAreLeftOutAndNestedValuesKeepTheirShape() throws {
    struct Shape: Encodable {
      var present: Int? = 1
      var absent: String? = nil
      var list: [[String]?] = [["a"], nil]
      var map: [Int: Bool] = [10: true, 9: false]
    }
    let bytes = EventCodec.canonicalBytes(Shape())
    #expect(String(decoding: bytes, as: UTF8.self) == #"{"list":[["a"],null],"map":{"10":true,"9":false},"present":1}"#)
    #expect(try bytes == FoundationCodec.encode(Shape()))
  }

  @Test func aKeyWrittenTwiceKeepsItsLastValueInBothForms() throws {
    struct Twice: Encodable {
      enum Key: String, CodingKey { case b, a }
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: .b)
        try container.encode("x", forKey: .a)
        try container.encode(2, forKey: .b)
      }
    }
    #expect(String(decoding: EventCodec.canonicalBytes(Twice()), as: UTF8.self) == #"{"a":"x","b":2}"#)
    #expect(try EventCodec.canonicalBytes(Twice()) == FoundationCodec.encode(Twice()))
    #expect(try JSONValueEncoder().encode(Twice()) == ["a": "x", "b": 2])
  }
}
