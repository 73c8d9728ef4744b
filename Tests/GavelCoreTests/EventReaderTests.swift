// EventReader (the replay's decoder: wire names looked up from row bytes) decodes every event
// type as EventCodec does, and fails alike; the tape-reading decoder finds keys as JSONDecoder
// does (escaped keys, duplicates, keys that share a length).
import GavelTesting
import Testing

@testable import GavelCore

@Suite struct EventReaderTests {
  static func decode(_ reader: inout EventReader, _ name: String, _ version: Int, _ payload: [UInt8]) throws(EventDecodingError)
    -> Event
  {
    let result = Array(name.utf8).withUnsafeBytes { name in
      payload.withUnsafeBytes { payload in
        Result { () throws(EventDecodingError) in try reader.decode(name: name, version: version, payload: payload) }
      }
    }
    return try result.get()
  }

  static func failure(_ body: () throws(EventDecodingError) -> Event) -> String? {
    do {
      _ = try body()
      return nil
    } catch {
      return error.description
    }
  }

  @Test func everyEventTypeRoundTripsThroughOneReader() throws {
    var reader = EventReader()
    let samples = FloorEventSamples.all + DecisionEventSamples.all
    #expect(Set(samples.map(\.wireName)) == Set(EventCodec.types.keys))
    // Twice round, so that the second finds every name in the cache.
    for payload in samples + samples {
      let event = Event(payload)
      let decoded = try Self.decode(&reader, event.name, event.version, EventCodec.encode(event))
      #expect(decoded == event, "\(event.name)")
    }
  }

  @Test func failuresReadAsEventCodecsDo() {
    var reader = EventReader()
    let cases: [(String, Int, String)] = [
      ("noSuchEvent", 1, "{}"), ("agendaSet", 1, "{\"topic\":\"x\"}"), ("agendaSet", 1, "{\"topic\":1,\"at\":2}"),
      ("agendaSet", 9, "{\"topic\":\"x\",\"at\":2}"), ("agendaSet", 1, "{\"topic\":\"x\",\"at\":2"),
      ("caucusStarted", 1, "{\"at\":1,\"kind\":\"sideways\",\"topic\":\"t\",\"totalMs\":1}"),
      ("sessionSuspended", 1, "[]"), ("sessionSuspended", 1, "{\"at\":1.5}"),
    ]
    for (name, version, text) in cases {
      let payload = Array(text.utf8)
      let ours = Self.failure { () throws(EventDecodingError) in try Self.decode(&reader, name, version, payload) }
      let codec = Self.failure { () throws(EventDecodingError) in try EventCodec.decode(name: name, version: version, payload: payload) }
      #expect(ours != nil && ours == codec, "\(name) \(text)")
    }
  }

  @Test func namesThatShareACacheSlotStayApart() {
    // Same length, same last two bytes: the same slot of the cache.
    var cache = BytesCache<String>()
    for name in ["xxab", "yyab", "xxab", "zzab", "yyab"] {
      let got = Array(name.utf8).withUnsafeBytes { cache.value(for: $0, make: { $0.uppercased() }) }
      #expect(got == name.uppercased())
    }
  }

  struct Pair: Decodable, Equatable {
    var ab: Int
    var ba: Int
    var é: String?
  }

  @Test func keysAreFoundByTheirUnescapedBytesAndTheLastDuplicateCounts() throws {
    func decode(_ text: String) throws -> Pair {
      try Array(text.utf8).withUnsafeBytes { try JSONValueDecoder().decode(Pair.self, from: $0) }
    }
    #expect(try decode(#"{"ab":1,"ba":2}"#) == Pair(ab: 1, ba: 2))
    #expect(try decode(#"{"\u0061b":1,"b\u0061":2,"\u00e9":"x"}"#) == Pair(ab: 1, ba: 2, é: "x"))
    #expect(try decode(#"{"ab":1,"ba":2,"ab":3,"x":{"ab":9,"ba":[{"ab":7}]}}"#) == Pair(ab: 3, ba: 2))
    #expect(try decode(#"{"ab":1,"é":null,"ba":2}"#) == Pair(ab: 1, ba: 2))
    #expect(throws: DecodingError.self) { try decode(#"{"ab":1,"bb":2}"#) }
  }
}
