// What JSONValueDecoder reads. Like `JSON`, but an object keeps its fields as read, in a small
// array looked up by a linear scan (a payload has a handful of keys: cheaper than hashing each
// key twice, into a dictionary and out of it), and an integer up to `UInt64.max` stays exact
// (a roll-call draw is a `UInt64`), which `JSON` cannot hold.

enum JSONDecodingNode: JSONParsedValue {
  case null
  case bool(Bool)
  case int(Int)
  /// Only above `Int.max`; smaller integers are `int`.
  case uint(UInt64)
  case double(Double)
  case string(String)
  case array([JSONDecodingNode])
  case fields([(key: String, value: JSONDecodingNode)])

  static func largeInteger(_ value: UInt64) -> JSONDecodingNode? { .uint(value) }

  init(_ json: JSON) {
    switch json {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .double(let d): self = .double(d)
    case .string(let s): self = .string(s)
    case .array(let items): self = .array(items.map(JSONDecodingNode.init))
    case .object(let fields): self = .fields(fields.map { ($0.key, JSONDecodingNode($0.value)) })
    }
  }

  var isNull: Bool { if case .null = self { return true } else { return false } }

  /// A number as JSON text, for an error message.
  var numberText: String {
    switch self {
    case .int(let i): return String(i)
    case .uint(let u): return String(u)
    case .double(let d): return JSON.double(d).text
    default: return ""
    }
  }
}
