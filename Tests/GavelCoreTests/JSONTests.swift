import GavelTesting
import Testing

@testable import GavelCore

@Suite struct JSONTests {
  @Test func canonicalSerializationSortsKeysAndRoundTrips() throws {
    let value: JSON = ["b": [1, "x\n\"", true, nil], "a": ["z": .double(2.5), "é": -3]]
    let text = value.text
    #expect(text == #"{"a":{"z":2.5,"é":-3},"b":[1,"x\n\"",true,null]}"#)
    #expect(try JSON.parse(text) == value)
  }

  @Test func parserRejectsMalformedInput() {
    for bad in ["", "{", "[1,]", "01", "\"\\x\"", "{\"a\" 1}", "1 2", "\"\u{01}\"", "[\"\\ud800\"]"] {
      #expect(throws: JSONParseError.self) { try JSON.parse(bad) }
    }
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(throws: JSONParseError.self) { try JSON.parse(deep) }
  }

  @Test func malformedInputThatOpensMoreValuesThanAValidDocumentCouldFailsWhereItDid() throws {
    // Found by the frames fuzzer: nine `[` in 13 bytes outgrow the tape a valid document of 13
    // bytes needs; the parser must still reach the bad byte and name it.
    #expect(throws: JSONParseError(offset: 9, reason: "unexpected character")) {
      try JSON.parse([0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x01, 0x03, 0x5D, 0x5D])
    }
    for n in [1, 10, 63] {
      let open = String(repeating: "[", count: n)
      #expect(throws: JSONParseError(offset: n, reason: "unexpected end")) { try JSON.parse(open) }
      #expect(throws: JSONParseError(offset: 4 * n - 3, reason: "expected a key")) {
        try JSON.parse(String(repeating: "{\"\":", count: n - 1) + "{,")
      }
      let valid = open + "1" + String(repeating: "]", count: n)
      #expect(try JSON.parse(valid).text == valid)
    }
  }

  @Test func parserDecodesEscapesAndSurrogatePairs() throws {
    #expect(try JSON.parse(#""\u00e9\ud83d\ude00\/""#) == .string("é😀/"))
  }

  @Test func patchTurnsOneViewIntoAnother() throws {
    let before: JSON = ["a": 1, "b": ["c": [1, 2], "d": "x"], "gone": true]
    let after: JSON = ["a": 2, "b": ["c": [1, 2, 3], "e/f": nil], "new": ["k": "v"]]
    let ops = before.diff(to: after)
    #expect(try before.applying(ops) == after)
    #expect(ops.contains(JSONPatchOperation(op: .remove, path: "/gone", value: nil)))
    #expect(ops.contains(JSONPatchOperation(op: .add, path: "/b/e~1f", value: .null)))
    #expect(before.diff(to: before).isEmpty)
  }
}

@Suite struct JSONArrayPatchTests {
  func roundTrip(_ before: JSON, _ after: JSON) throws -> [JSONPatchOperation] {
    let ops = before.diff(to: after)
    #expect(try before.applying(ops) == after)
    return ops
  }

  @Test func anAppendedElementIsOneAdd() throws {
    let ops = try roundTrip(["queue": ["FRA", "GBR"]], ["queue": ["FRA", "GBR", "TJK"]])
    #expect(ops == [JSONPatchOperation(op: .add, path: "/queue/2", value: "TJK")])
  }

  @Test func aShrunkTailIsRemovedFromTheEnd() throws {
    let ops = try roundTrip(["q": [1, 2, 3, 4]], ["q": [1, 2]])
    #expect(ops.map(\.path) == ["/q/3", "/q/2"])
  }

  @Test func aChangedElementIsPatchedInPlace() throws {
    let ops = try roundTrip(
      ["rounds": [["n": 1, "ballots": ["FRA": "yes"]]]], ["rounds": [["n": 1, "ballots": ["FRA": "yes", "CHN": "no"]]]])
    #expect(ops == [JSONPatchOperation(op: .add, path: "/rounds/0/ballots/CHN", value: "no")])
  }

  @Test func aReorderedArrayIsReplacedWhole() throws {
    let ops = try roundTrip(["q": [1, 2, 3, 4, 5, 6]], ["q": [6, 5, 4, 3, 2, 1]])
    #expect(ops == [JSONPatchOperation(op: .replace, path: "/q", value: [6, 5, 4, 3, 2, 1])])
  }

  @Test func givenAQueueWhenItsHeadIsTakenThenThePatchIsOneRemove() throws {
    let ops = try roundTrip(["q": ["S4", "S3", "S2", "S1"]], ["q": ["S3", "S2", "S1"]])
    #expect(ops == [JSONPatchOperation(op: .remove, path: "/q/0", value: nil)])
  }

  @Test func givenAQueueWhenAnEntryIsPutInTheMiddleThenThePatchIsOneAdd() throws {
    let ops = try roundTrip(["q": ["A", "B", "D", "E"]], ["q": ["A", "B", "C", "D", "E"]])
    #expect(ops == [JSONPatchOperation(op: .add, path: "/q/2", value: "C")])
  }

  @Test func givenAQueueWhenAMiddleRunIsRemovedThenItIsRemovedFromItsEnd() throws {
    let ops = try roundTrip(["q": [1, 2, 3, 4, 5, 6]], ["q": [1, 5, 6]])
    #expect(ops.map(\.path) == ["/q/3", "/q/2", "/q/1"])
    #expect(ops.allSatisfy { $0.op == .remove })
  }

  @Test func givenRepeatedElementsWhenTheArrayShrinksThenPrefixAndSuffixDoNotOverlap() throws {
    let ops = try roundTrip(["q": ["a", "b", "a"]], ["q": ["a"]])
    #expect(ops.map(\.path) == ["/q/2", "/q/1"])
    _ = try roundTrip(["q": ["a"]], ["q": ["a", "a", "a"]])
  }

  @Test func aRemovedHeadStillRoundTrips() throws {
    _ = try roundTrip(["q": ["A", "B", "C"]], ["q": ["B", "C"]])
    _ = try roundTrip(["q": []], ["q": [["x": 1]]])
    _ = try roundTrip(["q": [["x": 1]]], ["q": []])
  }

  @Test func randomArraysAlwaysRoundTrip() throws {
    var rng = SeededRandom(seed: 7)
    for _ in 0..<2000 {
      let a = JSON.array((0..<Int(rng.next() % 6)).map { _ in JSON.int(Int(rng.next() % 4)) })
      let b = JSON.array((0..<Int(rng.next() % 6)).map { _ in JSON.int(Int(rng.next() % 4)) })
      _ = try roundTrip(["v": a], ["v": b])
    }
  }

  @Test func givenPatchOperationsWhenWrittenDirectlyThenTheBytesAreTheirJSONs() {
    let ops = [
      JSONPatchOperation(op: .add, path: "/vote/ballots/S001", value: "yes"),
      JSONPatchOperation(
        op: .replace, path: "/a\"b\n~1c", value: ["seat": "S1", "round": 1, "é": [nil, .double(2.5)]]),
      JSONPatchOperation(op: .remove, path: "/gone", value: nil),
      JSONPatchOperation(op: .add, path: "", value: .object([:])),
    ]
    for op in ops {
      var out: [UInt8] = []
      op.write(into: &out)
      #expect(out == op.json.serialized(), "\(op)")
    }
  }
}
