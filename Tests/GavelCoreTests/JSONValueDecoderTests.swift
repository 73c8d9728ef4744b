// JSONValueDecoder (behind EventCodec.decode and ArgsDecoder) must read everything exactly as
// JSONDecoder read it before: every event type, every integer width, and the same failures at
// the same coding paths.
import GavelTesting
import Testing

@testable import GavelCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A value with every shape the payloads use, and a few they might.
struct Probe: Codable, Equatable {
  struct Inner: Codable, Equatable {
    var id: String
    var at: Int64
  }
  var name: String
  var small: Int8
  var count: Int
  var big: Int64
  var draw: UInt64
  var ratio: Double
  var flag: Bool
  var note: String?
  var limit: Int?
  var tags: [String]
  var grid: [[Int]]
  var scores: [String: Int]
  var byNumber: [Int: String]
  var choice: Choice
  var nested: Inner?
  var json: JSON?
}

/// What a decoder made of some bytes: the value, or the kind of error and where it happened.
enum DecodingOutcome: Equatable {
  case value(Probe)
  case failure(kind: String, path: [String], detail: String)

  static func of(_ body: () throws -> Probe) -> DecodingOutcome {
    do {
      return .value(try body())
    } catch let error as DecodingError {
      func names(_ path: [any CodingKey]) -> [String] { path.map { $0.intValue.map { "#\($0)" } ?? $0.stringValue } }
      switch error {
      case .keyNotFound(let key, let ctx): return .failure(kind: "keyNotFound", path: names(ctx.codingPath + [key]), detail: "")
      case .typeMismatch(_, let ctx): return .failure(kind: "typeMismatch", path: names(ctx.codingPath), detail: "")
      case .valueNotFound(_, let ctx): return .failure(kind: "valueNotFound", path: names(ctx.codingPath), detail: "")
      case .dataCorrupted(let ctx):
        return .failure(kind: "dataCorrupted", path: names(ctx.codingPath), detail: ctx.debugDescription)
      @unknown default: return .failure(kind: "unknown", path: [], detail: "")
      }
    } catch {
      return .failure(kind: "other", path: [], detail: "\(error)")
    }
  }
}

@Suite struct JSONValueDecoderTests {
  static let valid = #"""
    {"name":"Ms. \"Ré\"\n","small":-128,"count":3,"big":9223372036854775807,"draw":9223372036854775806,
     "ratio":0.1,"flag":true,"note":null,"tags":["a","b"],"grid":[[1],[2,3]],"scores":{"FRA":1},
     "byNumber":{"1":"one","20":"twenty"},"choice":"abstain","nested":{"id":"x","at":-5},
     "json":{"a":[1,2.5,null,true,"s",{"b":1.0}]},"extra":{"ignored":[1,2]}}
    """#

  /// `valid` with one field replaced (nil: removed).
  static func variant(_ key: String, _ value: JSON?) throws -> [UInt8] {
    guard case .object(var fields) = try JSON.parse(valid) else { fatalError("valid is an object") }
    fields[key] = value
    return JSON.object(fields).serialized()
  }

  func expectSameOutcome(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    let reference = DecodingOutcome.of { try FoundationCodec.decode(Probe.self, bytes) }
    let ours = DecodingOutcome.of { try bytes.withUnsafeBytes { try EventCodec.decodePayload(Probe.self, $0) } }
    if case .failure("dataCorrupted", [], "The given data was not valid JSON.") = reference {
      // This JSONDecoder reports a number that does not fit its type as invalid JSON at the root;
      // JSONValueDecoder says which key and why. Both refuse it.
      guard case .failure("dataCorrupted", let path, let detail) = ours else {
        Issue.record("\(ours) where JSONDecoder refused", sourceLocation: sourceLocation)
        return
      }
      #expect(detail.hasPrefix("Parsed JSON number <") && !path.isEmpty, sourceLocation: sourceLocation)
      return
    }
    #expect(ours == reference, "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
  }

  @Test func aValidValueDecodesAlikeWithUnknownKeysIgnoredAndNullOptionalsNil() throws {
    // A draw beyond Int.max cannot pass through the JSON tree of `variant`: spliced in as text.
    let bytes = Array(Self.valid.split(separator: "9223372036854775806").joined(separator: "18446744073709551615").utf8)
    expectSameOutcome(bytes)
    let probe = try bytes.withUnsafeBytes { try EventCodec.decodePayload(Probe.self, $0) }
    #expect(probe.draw == .max, "\(probe.draw)")
    #expect(probe.big == .max && probe.small == -128)
    #expect(probe.note == nil && probe.limit == nil && probe.byNumber == [1: "one", 20: "twenty"])
  }

  @Test(arguments: [
    ("name", nil), ("note", "text"), ("limit", 7), ("limit", nil), ("nested", nil), ("nested", .null), ("json", nil),
    ("draw", 0), ("draw", 9_223_372_036_854_775_807), ("big", -9_223_372_036_854_775_808), ("count", .double(2.0)),
    ("ratio", 7), ("ratio", .double(1e300)), ("tags", []), ("scores", [:]), ("json", .null),
  ] as [(String, JSON?)])
  func variantsThatDecodeOrFailDoSoAlike(key: String, value: JSON?) throws {
    expectSameOutcome(try Self.variant(key, value))
  }

  @Test(arguments: [
    ("small", 128), ("small", -129), ("count", "3"), ("count", .null), ("count", .double(2.5)), ("draw", -1),
    ("flag", 1), ("flag", .null), ("name", 5), ("tags", ["a", 2]), ("tags", [:]), ("tags", .null), ("grid", [[1], [2, "x"]]),
    ("scores", ["a": "x"]), ("byNumber", ["x": "b"]), ("choice", "maybe"), ("nested", ["id": "x"]),
    ("nested", ["id": "x", "at": .null]), ("nested", [1]), ("name", .null), ("ratio", .null), ("big", .null),
    ("draw", .null), ("choice", .null), ("grid", [[1], [.null]]), ("grid", [.null]), ("scores", ["a": .null]),
    ("byNumber", ["1": .null]),
  ] as [(String, JSON?)])
  func failuresHaveTheSameKindAndPath(key: String, value: JSON?) throws {
    let bytes = try Self.variant(key, value)
    expectSameOutcome(bytes)
    #expect(throws: DecodingError.self) { try FoundationCodec.valueDecode(Probe.self, bytes) }
  }

  @Test(arguments: ["null", "[]", "\"s\"", "3", "{}"])
  func topLevelValuesOfTheWrongShapeFailAlike(text: String) {
    expectSameOutcome(Array(text.utf8))
  }

  @Test func integersBeyondIntRoundTripExactlyThroughTheEventCodec() throws {
    for draw in [0, 7, UInt64(Int64.max), UInt64(Int64.max) + 1, UInt64.max - 1, .max] as [UInt64] {
      var vote = DecisionEventSamples.vote
      vote.draw = draw
      let event = Event(VoteOpened(vote: vote, usesRollCallRequest: false))
      let decoded = try EventCodec.decode(name: event.name, version: event.version, payload: EventCodec.encode(event))
      #expect(decoded == event, "draw \(draw)")
    }
  }

  @Test func bytesKeepEveryIntegerUpToUInt64MaxExact() throws {
    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
      try Array(text.utf8).withUnsafeBytes { try JSONValueDecoder().decode(T.self, from: $0) }
    }
    #expect(try decode(UInt64.self, "18446744073709551615") == .max)
    #expect(try decode([UInt64].self, "[9223372036854775808, 0]") == [1 << 63, 0])
    #expect(try decode(Double.self, "18446744073709551615") == 18_446_744_073_709_551_615.0)
    #expect(throws: DecodingError.self) { try decode(UInt64.self, "18446744073709551616") }
    #expect(throws: DecodingError.self) { try decode(Int64.self, "9223372036854775808") }
    #expect(throws: JSONParseError.self) { try decode(Int.self, "01") }
  }

  @Test func everySampleEventDecodesAlikeThroughBothDecoders() throws {
    let samples = FloorEventSamples.all + DecisionEventSamples.all
    #expect(Set(samples.map(\.wireName)) == Set(EventCodec.types.keys))
    for payload in samples {
      let event = Event(payload)
      #expect(try FoundationCodec.decodeWithValueDecoder(event) == event, "\(event.name)")
      #expect(try FoundationCodec.decode(event) == event, "\(event.name)")
    }
  }

  @Test func randomValuesDecodeAlike() throws {
    var rng = SeededRandom(seed: 42)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for _ in 0..<300 {
      let probe = Probe.random(&rng)
      let bytes = Array(try encoder.encode(probe))
      let ours = try bytes.withUnsafeBytes { try EventCodec.decodePayload(Probe.self, $0) }
      #expect(ours == probe, "\(String(decoding: bytes, as: UTF8.self))")
    }
  }
}

@Suite struct ArgsDecoderMessageTests {
  struct Args: Decodable {
    var seat: String
    var ms: Int?
    var order: [String]
  }

  func message(_ args: JSON) -> String? {
    do {
      _ = try ArgsDecoder.decode(Args.self, from: args)
      return nil
    } catch {
      return error.message
    }
  }

  @Test func messagesNameTheArgumentByItsPath() {
    #expect(message(["ms": 1, "order": []]) == "Missing argument args.seat.")
    #expect(message(["seat": 5, "order": []]) == "Argument args.seat has the wrong type.")
    #expect(message(["seat": nil, "order": []]) == "Argument args.seat must not be null.")
    #expect(message(["seat": "FRA", "order": ["A", 2]]) == "Argument args.order.1 has the wrong type.")
    #expect(message(["seat": "FRA", "ms": .double(1.5), "order": []]) == "Argument args.ms is invalid: Parsed JSON number <1.5> does not fit in Int.")
    #expect(message([1]) == "Argument args has the wrong type.")
    #expect(message(["seat": "FRA", "ms": nil, "order": [], "unknown": true]) == nil)
  }
}

/// Random values for the property test.
extension SeededRandom {
  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
  mutating func text() -> String {
    let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "é", "€", "𝄞", "\u{2028}"]
    return String((0..<int(0...12)).map { _ in alphabet[int(0...alphabet.count - 1)] })
  }
}

extension Probe {
  static func random(_ rng: inout SeededRandom) -> Probe {
    let ratios: [Double] = [0, -0.5, 0.1, 1e-300, 123_456.789, 1e21, -3]
    return Probe(
      name: rng.text(), small: Int8(truncatingIfNeeded: rng.next()), count: Int(truncatingIfNeeded: rng.next()),
      big: Int64(bitPattern: rng.next()), draw: rng.next(), ratio: ratios[rng.int(0...ratios.count - 1)],
      flag: rng.next() % 2 == 0, note: rng.next() % 2 == 0 ? nil : rng.text(),
      limit: rng.next() % 2 == 0 ? nil : rng.int(-5...5), tags: (0..<rng.int(0...3)).map { _ in rng.text() },
      grid: (0..<rng.int(0...3)).map { _ in (0..<rng.int(0...3)).map { _ in rng.int(-1000...1000) } },
      scores: Dictionary(uniqueKeysWithValues: (0..<rng.int(0...3)).map { i in ("S\(i)\(rng.text())", rng.int(0...9)) }),
      byNumber: Dictionary(uniqueKeysWithValues: (0..<rng.int(0...3)).map { i in (i * 7 - 3, rng.text()) }),
      choice: Choice.allCases[rng.int(0...3)],
      nested: rng.next() % 2 == 0 ? nil : Inner(id: rng.text(), at: Int64(bitPattern: rng.next())),
      json: rng.next() % 2 == 0 ? nil : ["k": .string(rng.text()), "n": .int(rng.int(-9...9)), "l": [true, nil]])
  }
}
