// A strict RFC 8259 parser for untrusted input: bounded nesting, no trailing garbage,
// valid UTF-8 only, numbers without leading zeros. Errors name the byte offset.

public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  public let offset: Int
  public let reason: String
  public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSON {
  public static let maxDepth = 64

  public static func parse(_ text: String) throws(JSONParseError) -> JSON {
    try parse(Array(text.utf8))
  }

  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
    try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in try JSONParser<JSON>.parse(buffer) }
  }
}

/// What the parser builds: a `JSON`, or the value decoder's `JSONDecodingNode`. The enums' cases
/// meet most requirements themselves.
protocol JSONParsedValue {
  static var null: Self { get }
  static func bool(_ value: Bool) -> Self
  static func int(_ value: Int) -> Self
  static func double(_ value: Double) -> Self
  static func string(_ value: String) -> Self
  static func array(_ items: [Self]) -> Self
  /// An object's fields in the order read; of two equal keys the last counts.
  static func fields(_ fields: [(key: String, value: Self)]) -> Self
  /// An integer above `Int.max` that fits in `UInt64`, or nil to read it as the nearest `Double`.
  static func largeInteger(_ value: UInt64) -> Self?
}

extension JSON: JSONParsedValue {
  static func fields(_ fields: [(key: String, value: JSON)]) -> JSON {
    .object(Dictionary(fields, uniquingKeysWith: { _, last in last }))
  }

  static func largeInteger(_ value: UInt64) -> JSON? { nil }
}

struct JSONParser<Value: JSONParsedValue> {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// One value filling `buffer`, white space around it allowed.
  static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> Value {
    var parser = JSONParser(bytes: buffer)
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.index != buffer.count { throw parser.fail("unexpected data after the value") }
    return value
  }

  func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

  mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) throws(JSONParseError) -> Value {
    guard depth < JSON.maxDepth else { throw fail("nested too deeply") }
    guard index < bytes.count else { throw fail("unexpected end") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw fail("unexpected character")
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONParseError) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw fail("unexpected end") }
    for i in 0..<count where bytes[index + i] != word.utf8Start[i] { throw fail("unexpected character") }
    index += count
  }

  mutating func object(depth: Int) throws(JSONParseError) -> Value {
    index += 1
    var fields: [(key: String, value: Value)] = []
    fields.reserveCapacity(8)
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .fields(fields) }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      index += 1
      skipSpace()
      fields.append((key, try value(depth: depth + 1)))
      skipSpace()
      guard index < bytes.count else { throw fail("unexpected end") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "}") { index += 1; return .fields(fields) }
      throw fail("expected ',' or '}'")
    }
  }

  mutating func array(depth: Int) throws(JSONParseError) -> Value {
    index += 1
    var items: [Value] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
    while true {
      skipSpace()
      items.append(try value(depth: depth + 1))
      skipSpace()
      guard index < bytes.count else { throw fail("unexpected end") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
      throw fail("expected ',' or ']'")
    }
  }

  mutating func number() throws(JSONParseError) -> Value {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw fail("expected a digit") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) { throw fail("leading zero") }
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    var integral = true
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      integral = false
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail("expected a digit") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      integral = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail("expected a digit") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if integral, let i = integer(bytes[start..<index]) { return .int(i) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    if integral, let large = UInt64(text).flatMap(Value.largeInteger) { return large }
    guard let d = Double(text), d.isFinite else { throw fail("number out of range") }
    return .double(d)
  }

  /// The value of an optional minus and digits, nil when it does not fit in `Int`.
  func integer(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
    let negative = digits.first == UInt8(ascii: "-")
    var value = 0
    for digit in digits.dropFirst(negative ? 1 : 0) {
      let (times10, o1) = value.multipliedReportingOverflow(by: 10)
      let d = Int(digit &- UInt8(ascii: "0"))
      let (next, o2) = negative ? times10.subtractingReportingOverflow(d) : times10.addingReportingOverflow(d)
      if o1 || o2 { return nil }
      value = next
    }
    return value
  }

  func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  mutating func string() throws(JSONParseError) -> String {
    index += 1
    // Most strings have no escape: validate them in place, without an intermediate buffer.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let text = UnsafeBufferPointer(rebasing: bytes[index..<end])
      index = end + 1
      // ASCII needs no validation; `String(validating:)` is generic and slower.
      if text.allSatisfy({ $0 < 0x80 }) { return String(decoding: text, as: UTF8.self) }
      guard let s = String(validating: text, as: UTF8.self) else { throw fail("invalid UTF-8") }
      return s
    }
    var out = Array(UnsafeBufferPointer(rebasing: bytes[index..<end]))
    index = end
    while true {
      guard index < bytes.count else { throw fail("unterminated string") }
      let b = bytes[index]
      switch b {
      case UInt8(ascii: "\""):
        index += 1
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8") }
        return s
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw fail("unterminated escape") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): out.append(34)
        case UInt8(ascii: "\\"): out.append(92)
        case UInt8(ascii: "/"): out.append(47)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if scalar >= 0xD800 && scalar < 0xDC00 {
            guard index + 1 < bytes.count, bytes[index] == 92, bytes[index + 1] == UInt8(ascii: "u") else {
              throw fail("lone surrogate")
            }
            index += 2
            let low = try hex4()
            guard low >= 0xDC00 && low < 0xE000 else { throw fail("lone surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if scalar >= 0xDC00 && scalar < 0xE000 {
            throw fail("lone surrogate")
          }
          guard let u = Unicode.Scalar(scalar) else { throw fail("invalid escape") }
          out.append(contentsOf: Array(String(Character(u)).utf8))
        default: throw fail("invalid escape")
        }
      case 0..<0x20: throw fail("control character in string")
      default:
        out.append(b)
        index += 1
      }
    }
  }

  mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[index]
      let d: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 48)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 87)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 55)
      default: throw fail("invalid \\u escape")
      }
      v = v << 4 | d
      index += 1
    }
    return v
  }
}
