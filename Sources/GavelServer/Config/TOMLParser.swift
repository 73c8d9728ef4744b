// The line-level grammar: blank lines, comments, `[table]`, `[[array.of.tables]]` and
// `key = value` lines, each followed by an optional comment and the end of the line.
import GavelCore

struct TOMLParser {
  let bytes: [UInt8]
  var index = 0
  let root = TOMLTable(origin: .header)
  var current: TOMLTable

  init(bytes: [UInt8]) {
    self.bytes = bytes
    self.current = root
    // A UTF-8 byte-order mark is tolerated at the very start.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  // MARK: Positions and errors

  var atEnd: Bool { index >= bytes.count }
  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  func byte(at offset: Int) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  func fail(_ reason: String, at position: Int? = nil) -> TOMLError {
    // Errors are rare: find the position by scanning from the start rather than tracking it.
    // Columns count characters, not bytes: UTF-8 continuation bytes (10xxxxxx) start none.
    let at = min(position ?? index, bytes.count)
    var line = 1
    var column = 1
    for i in 0..<at {
      if bytes[i] == 0x0A {
        line += 1
        column = 1
      } else if bytes[i] & 0xC0 != 0x80 && !(i < 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF])) {
        column += 1
      }
    }
    return TOMLError(line: line, column: column, reason: reason)
  }

  // MARK: White space, comments, line ends

  mutating func skipBlanks() {
    while let b = peek, b == 0x20 || b == 0x09 { index += 1 }
  }

  mutating func skipComment() throws(TOMLError) {
    guard peek == UInt8(ascii: "#") else { return }
    while let b = peek, b != 0x0A, b != 0x0D {
      if (b < 0x20 && b != 0x09) || b == 0x7F { throw fail("control character in a comment") }
      index += 1
    }
  }

  /// Consumes one line break (LF or CRLF); returns false if there is none here.
  mutating func consumeNewline() throws(TOMLError) -> Bool {
    switch peek {
    case 0x0A:
      index += 1
    case 0x0D:
      guard byte(at: 1) == 0x0A else { throw fail("a carriage return must be followed by a line feed") }
      index += 2
    default:
      return false
    }
    return true
  }

  /// After a statement only blanks and a comment may follow on the same line.
  mutating func endOfLine() throws(TOMLError) {
    skipBlanks()
    try skipComment()
    if atEnd { return }
    guard try consumeNewline() else {
      throw fail("unexpected text after the value; put one key = value on each line")
    }
  }

  // MARK: Document

  mutating func parseDocument() throws(TOMLError) {
    while true {
      skipBlanks()
      try skipComment()
      guard let b = peek else { return }
      if try consumeNewline() { continue }
      if b == UInt8(ascii: "[") {
        try parseHeader()
      } else {
        try parseKeyValue(into: current, depth: 0)
      }
      try endOfLine()
    }
  }

  mutating func parseHeader() throws(TOMLError) {
    let start = index
    index += 1
    let isArray = peek == UInt8(ascii: "[")
    if isArray { index += 1 }
    skipBlanks()
    let key = try parseKey()
    skipBlanks()
    guard peek == UInt8(ascii: "]") else { throw fail("expected ']' to close the table header") }
    index += 1
    if isArray {
      guard peek == UInt8(ascii: "]") else { throw fail("expected ']]' to close the array-of-tables header") }
      index += 1
    }
    let dotted = key.map(\.name).joined(separator: ".")
    var table = root
    for part in key.dropLast() {
      switch table.entries[part.name] {
      case nil:
        let child = TOMLTable(origin: .implicit)
        table.entries[part.name] = .table(child)
        table = child
      case .table(let child): table = child
      case .tableArray(let list): table = list[list.count - 1]
      case .value:
        throw fail("'\(part.name)' is already a value, so [\(dotted)] cannot be a table in it", at: part.position)
      }
    }
    let last = key[key.count - 1]
    if isArray {
      let element = TOMLTable(origin: .header)
      switch table.entries[last.name] {
      case nil: table.entries[last.name] = .tableArray([element])
      case .tableArray(let list): table.entries[last.name] = .tableArray(list + [element])
      default: throw fail("'\(dotted)' is already defined and is not an array of tables", at: start)
      }
      current = element
      return
    }
    switch table.entries[last.name] {
    case nil:
      let child = TOMLTable(origin: .header)
      table.entries[last.name] = .table(child)
      current = child
    case .table(let child) where child.origin == .implicit:
      child.origin = .header
      current = child
    case .value:
      throw fail("'\(dotted)' is already a value, so it cannot be a table", at: last.position)
    default:
      throw fail("table [\(dotted)] is defined twice; merge the two sections", at: start)
    }
  }

  // MARK: Keys

  struct KeyPart {
    let name: String
    let position: Int
  }

  /// A key: bare (`A-Za-z0-9_-`) or quoted parts joined by dots, blanks allowed around dots.
  mutating func parseKey() throws(TOMLError) -> [KeyPart] {
    var parts: [KeyPart] = []
    while true {
      guard parts.count < TOML.maxDepth else { throw fail("key has too many dotted parts") }
      let start = index
      let name: String
      switch peek {
      case UInt8(ascii: "\""): name = try parseBasicString()
      case UInt8(ascii: "'"): name = try parseLiteralString()
      default:
        while let b = peek, Self.isBareKeyByte(b) { index += 1 }
        guard index > start else {
          throw fail(
            peek == nil || peek == 0x0A || peek == 0x0D
              ? "expected a key" : "invalid character in a key; quote keys that are not A-Z a-z 0-9 _ -")
        }
        name = String(decoding: bytes[start..<index], as: UTF8.self)
      }
      parts.append(KeyPart(name: name, position: start))
      skipBlanks()
      guard peek == UInt8(ascii: ".") else { return parts }
      index += 1
      skipBlanks()
    }
  }

  static func isBareKeyByte(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
      return true
    default: return false
    }
  }

  /// `key = value`, storing into `table` (the current section or an inline table).
  mutating func parseKeyValue(into table: TOMLTable, depth: Int) throws(TOMLError) {
    let key = try parseKey()
    skipBlanks()
    guard peek == UInt8(ascii: "=") else { throw fail("expected '=' after the key") }
    index += 1
    skipBlanks()
    let value = try parseValue(depth: depth)
    var target = table
    for part in key.dropLast() {
      switch target.entries[part.name] {
      case nil:
        let child = TOMLTable(origin: .dotted)
        target.entries[part.name] = .table(child)
        target = child
      case .table(let child) where child.origin != .header:
        target = child
      default:
        throw fail("'\(part.name)' is already defined; dotted keys cannot extend it", at: part.position)
      }
    }
    let last = key[key.count - 1]
    guard target.entries[last.name] == nil else {
      throw fail("duplicate key '\(key.map(\.name).joined(separator: "."))'", at: last.position)
    }
    target.entries[last.name] = .value(value)
  }
}
