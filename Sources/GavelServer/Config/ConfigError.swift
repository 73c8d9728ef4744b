// Every config problem becomes exactly one line an operator can act on:
// `FILE[:LINE:COL]: KEY: what is wrong — how to fix`. gaveld prints it and exits 2.

public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file at fault (or `command line` for `--listen` / `--data`).
  public let file: String
  /// The dotted key at fault (`limits.max_frame_bytes`, `seats[3].code`), if there is one.
  public let key: String?
  /// What is wrong and how to fix it, separated by " — ".
  public let message: String
  /// Where a syntax error sits (1-based), when the file did not parse.
  public let line: Int?
  public let column: Int?

  public init(file: String, key: String?, message: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.key = key
    self.message = message
    self.line = line
    self.column = column
  }

  public var description: String {
    var text = file
    if let line, let column { text += ":\(line):\(column)" }
    if let key { text += ": \(key)" }
    text += ": " + message
    // One line, always: values echoed from the file may hold escaped line breaks.
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
    var line = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .control {
        line += scalar.escaped(asASCII: true)
      } else {
        line.unicodeScalars.append(scalar)
      }
    }
    return line
  }
}

/// "Did you mean": the closest known key within a small edit distance.
enum KeySuggestion {
  static func closest(to key: String, among known: [String]) -> String? {
    let limit = max(2, key.count / 3)
    var best: (key: String, distance: Int)?
    for candidate in known.sorted() {
      let d = distance(key.lowercased(), candidate.lowercased())
      if d <= limit && d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.key
  }

  /// Levenshtein distance over characters.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      row[0] = i
      for j in 1...b.count {
        row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &row)
    }
    return previous[b.count]
  }
}
