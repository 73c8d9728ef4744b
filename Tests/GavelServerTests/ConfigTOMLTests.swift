// The TOML reader: what it accepts, what it refuses, and that refusals carry line and column.
import GavelCore
import Testing

@testable import GavelServer

@Suite struct ConfigTOMLTests {
  @Test func parsesTablesArraysOfTablesAndScalars() throws {
    let doc = try TOML.parse(
      """
      # comment
      title = "Gavel" # trailing comment
      count = 1_000
      negative = -42
      hex = 0xFF
      on = true
      off = false
      list = [1, 2,
        3, # comment inside
      ]
      point = { x = 1, y = "two", nested = { z = true } }
      "quoted key" = 'C:\\path'
      a.b.c = 7

      [server.tls]
      cert = "x"

      [[seats]]
      code = "FRA"
      [[seats]]
      code = "GBR"
      """)
    #expect(doc["title"] == "Gavel")
    #expect(doc["count"] == 1000)
    #expect(doc["negative"] == -42)
    #expect(doc["hex"] == 255)
    #expect(doc["on"] == true)
    #expect(doc["off"] == false)
    #expect(doc["list"] == [1, 2, 3])
    #expect(doc["point"] == ["x": 1, "y": "two", "nested": ["z": true]])
    #expect(doc["quoted key"] == "C:\\path")
    #expect(doc["a"]?["b"]?["c"] == 7)
    #expect(doc["server"]?["tls"]?["cert"] == "x")
    #expect(doc["seats"] == [["code": "FRA"], ["code": "GBR"]])
  }

  @Test func decodesEscapesAndUnicode() throws {
    let doc = try TOML.parse(#"s = "tab\there \"q\" \\ \u00E9 \U0001F3DB""# + "\nt = \"Côte d'Ivoire\"\r\n")
    #expect(doc["s"] == "tab\there \"q\" \\ é 🏛")
    #expect(doc["t"] == "Côte d'Ivoire")
  }

  @Test func subTablesOfArrayOfTablesGoToTheLastElement() throws {
    let doc = try TOML.parse("[[a]]\nx = 1\n[a.b]\ny = 2\n[[a]]\nx = 3\n")
    #expect(doc["a"] == [["x": 1, "b": ["y": 2]], ["x": 3]])
  }

  @Test func implicitTableMayBeDefinedLater() throws {
    let doc = try TOML.parse("[a.b]\nx = 1\n[a]\ny = 2\n")
    #expect(doc["a"] == ["b": ["x": 1], "y": 2])
  }

  @Test func extremesOfIntegers() throws {
    #expect(try TOML.parse("x = 9_223_372_036_854_775_807")["x"] == .int(Int.max))
    #expect(try TOML.parse("x = -9223372036854775808")["x"] == .int(Int.min))
    #expect(try TOML.parse("x = 0")["x"] == 0)
    #expect(try TOML.parse("x = +5")["x"] == 5)
    #expect(try TOML.parse("x = 0b101")["x"] == 5)
    #expect(try TOML.parse("x = 0o17")["x"] == 15)
  }

  /// Each malformed input fails with its reason at the right line and column.
  @Test(arguments: [
    ("a = 1\nb = \n", 2, 5, "expected a value"),
    ("a = 1\na = 2\n", 2, 1, "duplicate key 'a'"),
    ("[t]\nx = 1\n[t]\n", 3, 1, "defined twice"),
    ("x = \"open\n", 1, 5, "unterminated string"),
    ("x = \"\"\"multi\"\"\"\n", 1, 5, "multi-line strings are not supported"),
    ("x = '''multi'''\n", 1, 5, "multi-line strings are not supported"),
    ("x = 1.5\n", 1, 5, "floating-point"),
    ("x = 1979-05-27\n", 1, 5, "dates and times"),
    ("x = 007\n", 1, 5, "leading zeros"),
    ("x = 1__0\n", 1, 5, "underscores"),
    ("x = 99999999999999999999\n", 1, 5, "out of range"),
    ("x = yes\n", 1, 5, "strings need quotes"),
    ("x = 1 y = 2\n", 1, 7, "unexpected text"),
    ("x = [1, 2\n", 1, 5, "unterminated array"),
    ("x = [1 2]\n", 1, 8, "expected ',' or ']'"),
    ("x = {a = 1,}\n", 1, 12, "trailing comma"),
    ("x = {a = 1\n", 1, 11, "same line"),
    ("x = \"\\q\"\n", 1, 6, "unknown escape"),
    ("x = \"\\u12\"\n", 1, 6, "hex digits"),
    ("[a\n", 1, 3, "expected ']'"),
    ("[[a]\n", 1, 5, "expected ']]'"),
    ("x = 1\n[x]\n", 2, 2, "already a value"),
    ("a = {b = 1}\na.c = 2\n", 2, 1, "dotted keys cannot extend"),
    ("é = 1\n", 1, 1, "invalid character in a key"),
    ("x = 1\r2\n", 1, 6, "carriage return"),
    ("# café\nkey = \"ok\"\n  bad key = 1\n", 3, 7, "expected '='"),
  ])
  func refusesWithPosition(input: String, line: Int, column: Int, reason: String) {
    #expect {
      _ = try TOML.parse(input)
    } throws: { error in
      guard let error = error as? TOMLError else { return false }
      return error.line == line && error.column == column && error.reason.contains(reason)
    }
  }

  @Test func refusesDeepNestingAndHugeInput() {
    let deep = "x = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(throws: TOMLError.self) { try TOML.parse(deep) }
    let huge = [UInt8](repeating: UInt8(ascii: "#"), count: TOML.maxBytes + 1)
    #expect(throws: TOMLError.self) { try TOML.parse(huge) }
  }

  @Test func refusesInvalidUTF8() {
    #expect(throws: TOMLError.self) { try TOML.parse([0x78, 0x20, 0x3D, 0x20, 0x22, 0xC3, 0x28, 0x22]) }
  }

  /// A cheap fuzz: every prefix of a valid document either parses or fails with a position,
  /// and never crashes or reports a line past the end.
  @Test func everyPrefixParsesOrFailsCleanly() throws {
    let text = Array(
      """
      a = "x\\"y" # c
      b = [1, { c = 'd' }, [true]]
      [t.u]
      "k" = 0x10
      [[v]]
      w = 1_0
      """.utf8)
    for n in 0...text.count {
      do {
        _ = try TOML.parse(Array(text[0..<n]))
      } catch {
        #expect(error.line >= 1 && error.line <= 6)
        #expect(error.column >= 1)
      }
    }
  }
}
