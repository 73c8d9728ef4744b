// Typed, checked reading of one TOML table. Each accessor either returns a valid value or throws
// the one ConfigError that names the file, the full dotted key and the fix.
import GavelCore

struct ConfigTable {
  let file: String
  /// Dotted path of this table, e.g. `limits` or `seats[3]`; empty at the root.
  let path: String
  let fields: [String: JSON]

  init(file: String, path: String = "", fields: [String: JSON]) {
    self.file = file
    self.path = path
    self.fields = fields
  }

  func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func error(_ key: String?, _ message: String) -> ConfigError {
    ConfigError(file: file, key: key.map(keyPath) ?? (path.isEmpty ? nil : path), message: message)
  }

  /// Rejects the first (in sorted order) key that is not one of `known`, suggesting the closest.
  func checkKeys(_ known: [String]) throws(ConfigError) {
    for key in fields.keys.sorted() where !known.contains(key) {
      if let guess = KeySuggestion.closest(to: key, among: known) {
        throw error(key, "unknown key — did you mean '\(guess)'?")
      }
      throw error(key, "unknown key — remove it; keys allowed here: \(known.sorted().joined(separator: ", "))")
    }
  }

  static func typeName(_ value: JSON) -> String {
    switch value {
    case .null: return "nothing"
    case .bool: return "a boolean"
    case .int: return "an integer"
    case .double: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "a table"
    }
  }

  func wrongType(_ key: String, expected: String, example: String) -> ConfigError {
    error(key, "expected \(expected), found \(Self.typeName(fields[key]!)) — write it as \(key) = \(example)")
  }

  func missing(_ key: String, example: String) -> ConfigError {
    error(key, "missing — add \(key) = \(example)")
  }

  // MARK: Scalars

  func optionalString(_ key: String, example: String = "\"…\"") throws(ConfigError) -> String? {
    guard let value = fields[key] else { return nil }
    guard let s = value.stringValue else { throw wrongType(key, expected: "a string", example: example) }
    return s
  }

  func string(_ key: String, example: String = "\"…\"", nonEmpty: Bool = true) throws(ConfigError) -> String {
    guard let s = try optionalString(key, example: example) else { throw missing(key, example: example) }
    if nonEmpty && s.trimmingSpaces.isEmpty { throw error(key, "is empty — write it as \(key) = \(example)") }
    return s
  }

  func int(_ key: String, default value: Int, range: ClosedRange<Int>) throws(ConfigError) -> Int {
    guard let raw = fields[key] else { return value }
    guard case .int(let n) = raw else { throw wrongType(key, expected: "an integer", example: "\(value)") }
    guard range.contains(n) else {
      throw error(
        key, "\(n) is out of range — use a value from \(range.lowerBound) to \(range.upperBound) (default \(value))")
    }
    return n
  }

  func bool(_ key: String, default value: Bool) throws(ConfigError) -> Bool {
    guard let raw = fields[key] else { return value }
    guard let b = raw.boolValue else { throw wrongType(key, expected: "true or false", example: "\(value)") }
    return b
  }

  func stringArray(_ key: String, example: String) throws(ConfigError) -> [String]? {
    guard let raw = fields[key] else { return nil }
    guard let items = raw.arrayValue else { throw wrongType(key, expected: "an array of strings", example: example) }
    var out: [String] = []
    for (i, item) in items.enumerated() {
      guard let s = item.stringValue else {
        throw error("\(key)[\(i)]", "expected a string, found \(Self.typeName(item)) — write it as \(key) = \(example)")
      }
      out.append(s)
    }
    return out
  }

  // MARK: Tables

  func table(_ key: String) throws(ConfigError) -> ConfigTable? {
    guard let raw = fields[key] else { return nil }
    guard let object = raw.objectValue else {
      throw error(key, "expected a table, found \(Self.typeName(raw)) — write it as a [\(keyPath(key))] section")
    }
    return ConfigTable(file: file, path: keyPath(key), fields: object)
  }

  /// An array of tables (`[[seats]]`); each element's path is `seats[i]`.
  func tables(_ key: String) throws(ConfigError) -> [ConfigTable]? {
    guard let raw = fields[key] else { return nil }
    let fix = "write each entry as a [[\(keyPath(key))]] section"
    guard let items = raw.arrayValue else {
      throw error(key, "expected an array of tables, found \(Self.typeName(raw)) — \(fix)")
    }
    var out: [ConfigTable] = []
    for (i, item) in items.enumerated() {
      guard let object = item.objectValue else {
        throw error("\(key)[\(i)]", "expected a table, found \(Self.typeName(item)) — \(fix)")
      }
      out.append(ConfigTable(file: file, path: "\(keyPath(key))[\(i)]", fields: object))
    }
    return out
  }
}

extension String {
  var trimmingSpaces: Substring {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s = s.dropFirst() }
    while let c = s.last, c.isWhitespace { s = s.dropLast() }
    return s
  }
}
