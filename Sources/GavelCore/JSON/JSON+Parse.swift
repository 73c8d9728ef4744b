// A strict RFC 8259 parser for untrusted input: bounded nesting, no trailing garbage,
// valid UTF-8 only, numbers without leading zeros. Errors name the byte offset. It writes a
// `JSONTape`, which `JSON.parse` turns into a `JSON` and JSONValueDecoder reads directly.

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
    try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in try JSONParser.parse(buffer).json(at: 0) }
  }
}

struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  /// The tape's entries, written in order, and the tape's copy of `bytes`, in which each string's
  /// escapes are resolved in place (an escape is never shorter than what it stands for).
  let entries: UnsafeMutablePointer<JSONTapeEntry>
  let capacity: Int
  var count = 0
  let text: UnsafeMutablePointer<UInt8>

  /// One value filling `buffer`, white space around it allowed.
  static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONTape {
    guard buffer.count < JSONTape.maxCount else { throw JSONParseError(offset: 0, reason: "document too large") }
    // In a valid document every entry but the first takes two bytes at least: its own first and
    // the `[`, `,`, `{` or `:` before it. So (n + 1) / 2 entries are room enough; a malformed
    // one may open more before it fails, and those are counted, not written.
    return try parse(buffer, capacity: buffer.count / 2 + 2)
  }

  static func parse(_ buffer: UnsafeBufferPointer<UInt8>, capacity: Int) throws(JSONParseError) -> JSONTape {
    let tape = JSONTape.allocate(capacity: capacity, text: buffer.count)
    let written = try tape.withStorage { (layout, entries, text) throws(JSONParseError) -> Int in
      if let base = buffer.baseAddress { text.initialize(from: base, count: buffer.count) }
      var parser = JSONParser(bytes: buffer, entries: entries, capacity: capacity, text: text)
      parser.skipSpace()
      try parser.value(depth: 0)
      parser.skipSpace()
      if parser.index != buffer.count { throw parser.fail("unexpected data after the value") }
      layout.pointee.entries = min(parser.count, capacity)
      return parser.count
    }
    // Never for a valid document (see above); should the bound be wrong, parse again with room.
    guard written <= capacity else { return try parse(buffer, capacity: written) }
    return tape
  }

  init(bytes: UnsafeBufferPointer<UInt8>, entries: UnsafeMutablePointer<JSONTapeEntry>, capacity: Int, text: UnsafeMutablePointer<UInt8>) {
    self.bytes = bytes
    self.entries = entries
    self.capacity = capacity
    self.text = text
  }

  /// Writes the next entry if there is room; counts it either way.
  @inline(__always)
  mutating func append(_ entry: JSONTapeEntry) {
    if count < capacity { (entries + count).initialize(to: entry) }
    count += 1
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

  mutating func value(depth: Int) throws(JSONParseError) {
    guard depth < JSON.maxDepth else { throw fail("nested too deeply") }
    guard index < bytes.count else { throw fail("unexpected end") }
    switch bytes[index] {
    case UInt8(ascii: "{"): try object(depth: depth)
    case UInt8(ascii: "["): try array(depth: depth)
    case UInt8(ascii: "\""): try string()
    case UInt8(ascii: "t"): try literal("true"); append(JSONTapeEntry(.bool, 1))
    case UInt8(ascii: "f"): try literal("false"); append(JSONTapeEntry(.bool, 0))
    case UInt8(ascii: "n"): try literal("null"); append(JSONTapeEntry(.null, 0))
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    default: throw fail("unexpected character")
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONParseError) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw fail("unexpected end") }
    for i in 0..<count where bytes[index + i] != word.utf8Start[i] { throw fail("unexpected character") }
    index += count
  }

  /// A container's entry, written before its contents and completed after them.
  mutating func open(_ kind: JSONTapeEntry.Kind) -> Int {
    append(JSONTapeEntry(kind, 0))
    return count - 1
  }

  /// `items`: the container's count of items or fields; its contents end at the tape's `count`.
  mutating func close(_ slot: Int, count items: Int) {
    guard slot < capacity else { return }
    entries[slot] = JSONTapeEntry(entries[slot].kind, high: self.count, low: items)
  }

  mutating func object(depth: Int) throws(JSONParseError) {
    index += 1
    let slot = open(.object)
    var count = 0
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return close(slot, count: count) }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      index += 1
      skipSpace()
      try value(depth: depth + 1)
      count += 1
      skipSpace()
      guard index < bytes.count else { throw fail("unexpected end") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "}") { index += 1; return close(slot, count: count) }
      throw fail("expected ',' or '}'")
    }
  }

  mutating func array(depth: Int) throws(JSONParseError) {
    index += 1
    let slot = open(.array)
    var count = 0
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return close(slot, count: count) }
    while true {
      skipSpace()
      try value(depth: depth + 1)
      count += 1
      skipSpace()
      guard index < bytes.count else { throw fail("unexpected end") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "]") { index += 1; return close(slot, count: count) }
      throw fail("expected ',' or ']'")
    }
  }

  /// An integer that fits in `Int` is `int`; a larger one that fits in `UInt64` is `uint` (a
  /// roll-call draw); any other number is the nearest finite `double`.
  mutating func number() throws(JSONParseError) {
    let start = index
    let negative = bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw fail("expected a digit") }
    // The integral digits' value, read as they are scanned (exact while `overflow` is false).
    var magnitude: UInt64 = 0
    var overflow = false
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) { throw fail("leading zero") }
    } else {
      while index < bytes.count, isDigit(bytes[index]) {
        let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
        let (next, o2) = times10.addingReportingOverflow(UInt64(bytes[index] &- UInt8(ascii: "0")))
        overflow = overflow || o1 || o2
        magnitude = next
        index += 1
      }
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
    if integral, !overflow {
      if !negative, magnitude <= UInt64(Int.max) { return append(JSONTapeEntry(.int, magnitude)) }
      if !negative { return append(JSONTapeEntry(.uint, magnitude)) }
      if magnitude <= UInt64(Int.max) + 1 { return append(JSONTapeEntry(.int, 0 &- magnitude)) }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let d = Double(text), d.isFinite else { throw fail("number out of range") }
    append(JSONTapeEntry(.double, d.bitPattern))
  }

  func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
