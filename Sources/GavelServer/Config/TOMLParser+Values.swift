// Values: strings (basic with escapes, literal), integers, booleans, arrays and inline tables.
// Kinds the config never needs (floats, dates, multi-line strings) are refused by name.
import GavelCore

extension TOMLParser {
  mutating func parseValue(depth: Int) throws(TOMLError) -> JSON {
    guard depth < TOML.maxDepth else { throw fail("arrays or inline tables nested too deeply") }
    guard let b = peek else { throw fail("expected a value after '='") }
    switch b {
    case UInt8(ascii: "\""): return .string(try parseBasicString())
    case UInt8(ascii: "'"): return .string(try parseLiteralString())
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "{"): return try parseInlineTable(depth: depth)
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: return try parseWord()
    }
  }

  // MARK: Strings

  mutating func rejectMultiline(_ quote: UInt8) throws(TOMLError) {
    if byte(at: 1) == quote && byte(at: 2) == quote {
      throw fail("multi-line strings are not supported here; write the text on one line")
    }
  }

  mutating func parseBasicString() throws(TOMLError) -> String {
    try rejectMultiline(UInt8(ascii: "\""))
    let start = index
    index += 1
    var out: [UInt8] = []
    while true {
      guard let b = peek, b != 0x0A, b != 0x0D else {
        throw fail("unterminated string; add the closing '\"'", at: start)
      }
      switch b {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        try parseEscape(into: &out)
      default:
        if (b < 0x20 && b != 0x09) || b == 0x7F { throw fail("control character in a string; use an escape") }
        out.append(b)
        index += 1
      }
    }
  }

  mutating func parseEscape(into out: inout [UInt8]) throws(TOMLError) {
    let escapeStart = index - 1
    guard let e = peek else { throw fail("unterminated escape") }
    index += 1
    switch e {
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
    case UInt8(ascii: "u"), UInt8(ascii: "U"):
      let digits = e == UInt8(ascii: "u") ? 4 : 8
      var code: UInt32 = 0
      for _ in 0..<digits {
        guard let h = peek, let v = Self.hexValue(h) else {
          throw fail("\\\(Character(Unicode.Scalar(e))) needs \(digits) hex digits", at: escapeStart)
        }
        code = code << 4 | UInt32(v)
        index += 1
      }
      guard let scalar = Unicode.Scalar(code) else {
        throw fail("\\\(Character(Unicode.Scalar(e))) escape is not a Unicode scalar value", at: escapeStart)
      }
      out.append(contentsOf: Array(String(Character(scalar)).utf8))
    default:
      throw fail("unknown escape; use \\\\ \\\" \\n \\t \\r \\b \\f \\uXXXX or \\UXXXXXXXX", at: escapeStart)
    }
  }

  static func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  mutating func parseLiteralString() throws(TOMLError) -> String {
    try rejectMultiline(UInt8(ascii: "'"))
    let start = index
    index += 1
    let contentStart = index
    while true {
      guard let b = peek, b != 0x0A, b != 0x0D else {
        throw fail("unterminated string; add the closing \"'\"", at: start)
      }
      if b == UInt8(ascii: "'") {
        let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
        index += 1
        return text
      }
      if (b < 0x20 && b != 0x09) || b == 0x7F { throw fail("control character in a string") }
      index += 1
    }
  }

  // MARK: Numbers and words

  mutating func parseNumber() throws(TOMLError) -> JSON {
    let start = index
    while let b = peek,
      Self.isBareKeyByte(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    {
      index += 1
    }
    let token = String(decoding: bytes[start..<index], as: UTF8.self)
    var body = Substring(token)
    var negative = false
    if let sign = body.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      body = body.dropFirst()
    }
    var radix = 10
    if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
      guard token.first != "+" && token.first != "-" else {
        throw fail("a hexadecimal, octal or binary integer takes no sign", at: start)
      }
      radix = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : 2
      body = body.dropFirst(2)
    } else if body == "inf" || body == "nan" || token.contains(".")
      || (token.contains("e") || token.contains("E")) && !token.contains(":")
    {
      throw fail("floating-point numbers are not supported here; use an integer", at: start)
    } else if token.contains(":") || body.dropFirst().contains("-") {
      throw fail("dates and times are not supported here; write them as a string", at: start)
    }
    guard !body.isEmpty, body.first != "_", body.last != "_", !body.contains("__") else {
      throw fail("invalid integer '\(token)'; underscores go only between digits", at: start)
    }
    if radix == 10 && body.count > 1 && body.first == "0" {
      throw fail("invalid integer '\(token)'; leading zeros are not allowed", at: start)
    }
    let digits = body.filter { $0 != "_" }
    guard let magnitude = UInt64(digits, radix: radix) else {
      let valid = digits.allSatisfy { $0.isASCII && $0.hexDigitValue.map { $0 < radix } == true }
      throw fail(valid ? "integer '\(token)' is out of range" : "invalid integer '\(token)'", at: start)
    }
    let limit = UInt64(Int64.max) + (negative ? 1 : 0)
    guard magnitude <= limit else { throw fail("integer '\(token)' is out of range", at: start) }
    if negative { return .int(magnitude == limit ? Int.min : -Int(magnitude)) }
    return .int(Int(magnitude))
  }

  mutating func parseWord() throws(TOMLError) -> JSON {
    let start = index
    while let b = peek, Self.isBareKeyByte(b) { index += 1 }
    let word = String(decoding: bytes[start..<index], as: UTF8.self)
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "inf", "nan": throw fail("floating-point numbers are not supported here; use an integer", at: start)
    case "": throw fail("expected a value (a \"string\", an integer, true/false, [array] or {inline table})", at: start)
    default: throw fail("unquoted text '\(word)'; strings need quotes: \"\(word)\"", at: start)
    }
  }

  // MARK: Arrays and inline tables

  /// Blank space inside an array may span lines and hold comments.
  mutating func skipArraySpace() throws(TOMLError) {
    while true {
      skipBlanks()
      try skipComment()
      if try !consumeNewline() { return }
    }
  }

  mutating func parseArray(depth: Int) throws(TOMLError) -> JSON {
    let start = index
    index += 1
    var items: [JSON] = []
    while true {
      try skipArraySpace()
      guard let b = peek else { throw fail("unterminated array; add the closing ']'", at: start) }
      if b == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      items.append(try parseValue(depth: depth + 1))
      try skipArraySpace()
      switch peek {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"): continue
      case nil: throw fail("unterminated array; add the closing ']'", at: start)
      default: throw fail("expected ',' or ']' in the array")
      }
    }
  }

  mutating func parseInlineTable(depth: Int) throws(TOMLError) -> JSON {
    index += 1
    let table = TOMLTable(origin: .header)
    skipBlanks()
    if peek == UInt8(ascii: "}") {
      index += 1
      return table.json
    }
    while true {
      skipBlanks()
      if peek == 0x0A || peek == 0x0D || peek == nil {
        throw fail("an inline table must be closed with '}' on the same line")
      }
      if peek == UInt8(ascii: "}") { throw fail("trailing comma in an inline table; remove it") }
      try parseKeyValue(into: table, depth: depth + 1)
      skipBlanks()
      switch peek {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return table.json
      case 0x0A, 0x0D, nil: throw fail("an inline table must be closed with '}' on the same line")
      default: throw fail("expected ',' or '}' in the inline table")
      }
    }
  }
}
