// A member list as data: a CSV with the header `code,name,collation`, one state per line
// (official English short name, ISO 3166 alpha-3, roll-call collation key). Every row becomes a
// member seat. Fields may be quoted ("…", with "" for a quote); blank lines and # comments are skipped.
import GavelCore

enum MemberList {
  struct Entry {
    let seat: Seat
    let line: Int
  }

  static func load(path: String) throws(ConfigError) -> [Entry] {
    guard let bytes = ConfigPaths.read(path), let text = String(validating: bytes, as: UTF8.self) else {
      throw ConfigError(
        file: path, key: nil, message: "cannot read the members file as UTF-8 text — check the path in members = \"…\"")
    }
    return try parse(text, file: path)
  }

  static func parse(_ text: String, file: String) throws(ConfigError) -> [Entry] {
    var entries: [Entry] = []
    var header: [String]?
    for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let lineNumber = offset + 1
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      if line.trimmedOf(" \t").isEmpty || line.hasPrefix("#") { continue }
      func fail(_ message: String) -> ConfigError {
        ConfigError(file: file, key: nil, message: message, line: lineNumber, column: 1)
      }
      guard let fields = splitCSV(line) else { throw fail("unbalanced quotes — close every \"quoted\" field") }
      guard let columns = header else {
        guard fields == ["code", "name", "collation"] || fields == ["code", "name"] else {
          throw fail("the first line must be the header code,name,collation")
        }
        header = fields
        continue
      }
      guard fields.count == columns.count else {
        throw fail(
          "expected \(columns.count) fields (\(columns.joined(separator: ","))), found \(fields.count) — quote names that contain commas"
        )
      }
      let code = fields[0]
      guard CommitteeLoader.isSeatCode(code) else {
        throw fail("'\(code)' is not a seat code — use ISO 3166 alpha-3, e.g. FRA")
      }
      guard !fields[1].isEmpty else { throw fail("\(code) has no name — add its official English short name") }
      let collation =
        columns.count > 2 && !fields[2].isEmpty ? fields[2] : CommitteeLoader.defaultCollationKey(fields[1])
      entries.append(
        Entry(seat: Seat(code: code, name: fields[1], collationKey: collation, kind: .member), line: lineNumber))
    }
    guard header != nil else {
      throw ConfigError(
        file: file, key: nil,
        message: "the members file is empty — add the header code,name,collation and one line per state")
    }
    return entries
  }

  /// Splits one CSV line; nil when a quote is left open.
  static func splitCSV(_ line: Substring) -> [String]? {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var chars = line.makeIterator()
    var pending: Character? = nil
    while let c = pending ?? chars.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          if let next = chars.next() {
            if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" && field.isEmpty {
        quoted = true
      } else if c == "," {
        fields.append(field)
        field = ""
      } else {
        field.append(c)
      }
    }
    if quoted { return nil }
    fields.append(field)
    return fields
  }
}

extension Substring {
  func trimmedOf(_ set: String) -> Substring {
    var s = self
    while let c = s.first, set.contains(c) { s = s.dropFirst() }
    while let c = s.last, set.contains(c) { s = s.dropLast() }
    return s
  }
}
