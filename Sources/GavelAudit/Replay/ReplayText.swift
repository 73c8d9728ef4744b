// `gavel replay`: the committee's public view (protocol.md §6) after any seq, rebuilt from the
// log alone. Text is a readable outline — sections in floor order, one value per line, nested
// values indented; the JSON form (--json) is the exact view, canonical bytes.
import GavelCore
import GavelStore

public enum ReplayText {
  /// The public view after `seq` (nil or past the end: the end of the log).
  public static func view(_ store: EventStore, until seq: Int64?) throws(AuditFailure) -> (view: JSON, seq: Int64) {
    let last = store.lastSeq
    let through = min(seq ?? last, last)
    do {
      return (publicView(try store.load(through: through)), through)
    } catch {
      throw AuditFailure(error.message)
    }
  }

  static let sectionOrder = [
    "committee", "session", "quorum", "attendance", "speakers", "caucus", "points", "motions", "vote",
    "votes", "drafts", "seats",
  ]

  public static func render(_ view: JSON, seq: Int64, of last: Int64) -> String {
    var lines = ["state after seq \(seq) of \(last)"]
    guard let sections = view.objectValue, !sections.isEmpty else {
      lines.append("(the committee has not been convened)")
      return lines.joined(separator: "\n")
    }
    let keys =
      sectionOrder.filter { sections[$0] != nil } + sections.keys.filter { !sectionOrder.contains($0) }.sorted()
    for key in keys { outline(key, sections[key]!, indent: "", into: &lines) }
    return lines.joined(separator: "\n")
  }

  static func outline(_ key: String, _ value: JSON, indent: String, into lines: inout [String]) {
    switch value {
    case .object(let fields) where fields.isEmpty:
      lines.append("\(indent)\(key): (none)")
    case .object(let fields):
      lines.append("\(indent)\(key):")
      for name in fields.keys.sorted() { outline(name, fields[name]!, indent: indent + "  ", into: &lines) }
    case .array(let items) where items.isEmpty:
      lines.append("\(indent)\(key): (none)")
    case .array(let items) where items.allSatisfy(isScalar):
      lines.append("\(indent)\(key): \(items.map(scalar).joined(separator: ", "))")
    case .array(let items):
      lines.append("\(indent)\(key):")
      for (index, item) in items.enumerated() { outline("\(index + 1).", item, indent: indent + "  ", into: &lines) }
    default:
      lines.append("\(indent)\(key): \(scalar(value))")
    }
  }

  static func isScalar(_ value: JSON) -> Bool {
    switch value {
    case .object, .array: return false
    default: return true
    }
  }

  static func scalar(_ value: JSON) -> String {
    switch value {
    case .null: return "-"
    case .string(let s): return s
    default: return value.text
    }
  }
}
