// `[rules]` overrides on top of the body's preset (rules.md §11). Generic on purpose: the preset
// is encoded to JSON, the TOML table (snake_case keys) is deep-merged into it (camelCase keys),
// and the result is decoded back, so every field a rules group adds is configurable at once.
// Unknown keys, wrong types, negative numbers and zero denominators are refused by name.
import Foundation
import GavelCore

enum RulesOverride {
  static func apply(_ table: ConfigTable?, to preset: RulesProfile) throws(ConfigError) -> RulesProfile {
    guard let table, !table.fields.isEmpty else { return preset }
    guard case .object(let base)? = encode(preset) else { return preset }
    var names: [[String]: String] = [:]  // JSON path → TOML key, to report errors in the file's words
    var unverified: [[String]] = []  // keys absent from the preset (e.g. nil optionals): checked after decoding
    let merged = try merge(
      table.fields, into: base, json: [], toml: table.path, table: table, names: &names, unverified: &unverified)

    let profile: RulesProfile
    do {
      profile = try JSONDecoder().decode(RulesProfile.self, from: Data(JSON.object(merged).serialized()))
    } catch let error as DecodingError {
      // A key the preset does not have that made decoding fail is an unknown key, not a bad value.
      let failedAt = codingPath(of: error)
      if let path = unverified.first(where: { failedAt.starts(with: $0) }) {
        throw unknownKey(path, base: base, names: names, table: table)
      }
      throw describe(error, names: names, base: .object(base), table: table)
    } catch {
      throw table.error(nil, "cannot apply the overrides (\(error)) — compare with docs/configuration.md")
    }
    let result = encode(profile) ?? .null
    for path in unverified where value(at: path, in: result) == nil {
      throw unknownKey(path, base: base, names: names, table: table)
    }
    return profile
  }

  static func unknownKey(_ path: [String], base: [String: JSON], names: [[String]: String], table: ConfigTable)
    -> ConfigError
  {
    let siblings = value(at: Array(path.dropLast()), in: .object(base))?.objectValue?.keys.map(snakeCase) ?? []
    let key = names[path] ?? path.joined(separator: ".")
    let guess =
      KeySuggestion.closest(to: snakeCase(path.last ?? ""), among: siblings).map { "did you mean '\($0)'? " } ?? ""
    return ConfigError(
      file: table.file, key: key, message: "unknown rules setting — \(guess)see docs/configuration.md for the settings")
  }

  static func codingPath(of error: DecodingError) -> [String] {
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return context.codingPath.map(\.stringValue)
    case .keyNotFound(let key, let context):
      return context.codingPath.map(\.stringValue) + [key.stringValue]
    @unknown default:
      return []
    }
  }

  static func merge(
    _ override: [String: JSON], into target: [String: JSON], json: [String], toml: String, table: ConfigTable,
    names: inout [[String]: String], unverified: inout [[String]]
  ) throws(ConfigError) -> [String: JSON] {
    var out = target
    // Maps keyed by wire names (e.g. motion kinds) keep snake_case keys; struct fields are camelCase.
    let snakeMap = target.keys.contains { $0.contains("_") }
    for key in override.keys.sorted() {
      let value = override[key]!
      let tomlKey = "\(toml).\(key)"
      let resolved = target[key] != nil || snakeMap ? key : camelCase(key)
      let path = json + [resolved]
      names[path] = tomlKey
      if target[resolved] == nil { unverified.append(path) }
      try checkNumbers(value, key: tomlKey, file: table.file)
      if case .object(let inner) = value, case .object(let existing)? = target[resolved] {
        out[resolved] = .object(
          try merge(
            inner, into: existing, json: path, toml: tomlKey, table: table, names: &names, unverified: &unverified))
      } else {
        out[resolved] = camelKeys(value)
      }
    }
    return out
  }

  /// Rules hold counts, durations and fractions: no negative numbers, no zero denominators.
  static func checkNumbers(_ value: JSON, key: String, file: String) throws(ConfigError) {
    switch value {
    case .int(let n) where n < 0:
      throw ConfigError(
        file: file, key: key, message: "\(n) is negative — rules settings are counts, durations or fractions")
    case .array(let items):
      for item in items { try checkNumbers(item, key: key, file: file) }
    case .object(let fields):
      if let d = fields["denominator"]?.intValue, d <= 0 {
        throw ConfigError(
          file: file, key: "\(key).denominator", message: "must be at least 1 — e.g. { numerator = 1, denominator = 2 }"
        )
      }
      for (k, v) in fields { try checkNumbers(v, key: "\(key).\(k)", file: file) }
    default: break
    }
  }

  /// A replaced whole table (inline table or array of tables) gets camelCase keys too.
  static func camelKeys(_ value: JSON) -> JSON {
    switch value {
    case .object(let fields):
      var out: [String: JSON] = [:]
      for (k, v) in fields { out[camelCase(k)] = camelKeys(v) }
      return .object(out)
    case .array(let items): return .array(items.map(camelKeys))
    default: return value
    }
  }

  static func camelCase(_ key: String) -> String {
    var out = ""
    var upper = false
    for c in key {
      if c == "_" {
        upper = true
      } else {
        out.append(upper ? Character(c.uppercased()) : c)
        upper = false
      }
    }
    return out
  }

  static func snakeCase(_ key: String) -> String {
    var out = ""
    for c in key {
      if c.isUppercase {
        out += "_" + c.lowercased()
      } else {
        out.append(c)
      }
    }
    return out
  }

  static func encode(_ profile: RulesProfile) -> JSON? {
    guard let data = try? JSONEncoder().encode(profile) else { return nil }
    return try? JSON.parse([UInt8](data))
  }

  static func value(at path: [String], in root: JSON) -> JSON? {
    var node: JSON? = root
    for key in path { node = node?[key] }
    return node
  }

  static func describe(_ error: DecodingError, names: [[String]: String], base: JSON, table: ConfigTable) -> ConfigError
  {
    func key(_ codingPath: [any CodingKey]) -> String {
      let path = codingPath.map(\.stringValue)
      for n in stride(from: path.count, through: 1, by: -1) {
        if let name = names[Array(path.prefix(n))] {
          return ([name] + path.dropFirst(n).map(snakeCase)).joined(separator: ".")
        }
      }
      return ([table.path] + path.map(snakeCase)).joined(separator: ".")
    }
    switch error {
    case .typeMismatch(let type, let context):
      return ConfigError(
        file: table.file, key: key(context.codingPath), message: "expected \(typeName(type)) — change the value's type")
    case .valueNotFound(let type, let context):
      return ConfigError(
        file: table.file, key: key(context.codingPath), message: "missing \(typeName(type)) — give a value")
    case .keyNotFound(let missing, let context):
      return ConfigError(
        file: table.file, key: key(context.codingPath + [missing]),
        message: "missing in the replaced table — give every field, or override single fields with dotted keys")
    case .dataCorrupted(let context):
      let preset =
        value(at: context.codingPath.map(\.stringValue), in: base).map { " (the preset has \($0.text))" } ?? ""
      return ConfigError(
        file: table.file, key: key(context.codingPath),
        message: "value not allowed here — use one of the values listed in docs/configuration.md\(preset)")
    @unknown default:
      return table.error(nil, "cannot apply the overrides — compare with docs/configuration.md")
    }
  }

  static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is Bool.Type: return "true or false"
    case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: return "an integer"
    case is Double.Type, is Float.Type: return "a number"
    case is String.Type: return "a string"
    default:
      let name = String(describing: type)
      if name.hasPrefix("Array") { return "an array" }
      if name.hasPrefix("Dictionary") { return "a table" }
      return "a \(name) value (a string or table, as in docs/configuration.md)"
    }
  }
}
