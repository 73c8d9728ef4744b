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
