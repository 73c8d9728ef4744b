// A small, strict TOML reader for the config files. It owns one promise: a file either parses
// into exactly the values it spells, or fails with a line and column; nothing is guessed.
// Supported: tables, arrays of tables, inline tables, dotted keys, basic and literal strings,
// integers, booleans, arrays. Refused with a clear message: multi-line strings, floats, dates.
import GavelCore

public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 1-based line and column (columns count characters, not bytes).
  public let line: Int
  public let column: Int
  public let reason: String

  public init(line: Int, column: Int, reason: String) {
    self.line = line
    self.column = column
    self.reason = reason
  }

  public var description: String { "\(line):\(column): \(reason)" }
}

public enum TOML {
  /// Config files are small; anything larger is a mistake, not a config.
  public static let maxBytes = 1 << 20
  /// Arrays and inline tables nest at most this deep; keys have at most this many parts.
  public static let maxDepth = 32

  /// Parses a TOML document into a JSON object (tables become objects, arrays of tables arrays).
  public static func parse(_ text: String) throws(TOMLError) -> JSON {
    try parse(Array(text.utf8))
  }

  public static func parse(_ bytes: [UInt8]) throws(TOMLError) -> JSON {
    guard bytes.count <= maxBytes else {
      throw TOMLError(line: 1, column: 1, reason: "file is larger than \(maxBytes) bytes")
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw TOMLError(line: 1, column: 1, reason: "file is not valid UTF-8")
    }
    var parser = TOMLParser(bytes: bytes)
    try parser.parseDocument()
    return parser.root.json
  }
}
