// The document tree while parsing. It enforces TOML's "defined once" rules: a key is set once,
// a table header names a table once, and inline tables and plain values are never extended.
import GavelCore

final class TOMLTable {
  enum Origin {
    /// Created as the parent of a header (`[a.b]` creates `a`); may still get its own header.
    case implicit
    /// Named by a `[header]` (or the root, or an element of `[[array]]`).
    case header
    /// Created by a dotted key (`a.b = 1` creates `a`).
    case dotted
  }

  enum Node {
    case value(JSON)
    case table(TOMLTable)
    case tableArray([TOMLTable])
  }

  var origin: Origin
  var entries: [String: Node] = [:]

  init(origin: Origin) { self.origin = origin }

  var json: JSON {
    var object: [String: JSON] = [:]
    for (key, node) in entries {
      switch node {
      case .value(let value): object[key] = value
      case .table(let table): object[key] = table.json
      case .tableArray(let tables): object[key] = .array(tables.map(\.json))
      }
    }
    return .object(object)
  }
}
