// How `JSONValueDecoder` reads one JSON value as a Swift scalar or container, and the errors
// JSONDecoder gives when it cannot: null is `valueNotFound` (except for a Bool), another kind of
// value is `typeMismatch`, a number that does not fit the type exactly is `dataCorrupted`. The path is
// an autoclosure so that a successful read never builds it.

extension JSONDecodingNode {
  /// JSONDecoder's one exception: a null where a Bool should be is a type mismatch.
  func bool(at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
    if case .bool(let b) = self { return b }
    throw DecodingError.typeMismatch(
      Bool.self, .init(codingPath: path(), debugDescription: "Expected to decode Bool but found \(kindName) instead."))
  }

  func string(at path: @autoclosure () -> [any CodingKey]) throws -> String {
    if case .string(let s) = self { return s }
    throw mismatch(String.self, at: path())
  }

  @inline(__always)  // so that every caller gets a version for its own type, not a generic one
  func integer<T: FixedWidthInteger>(_ type: T.Type, at path: @autoclosure () -> [any CodingKey]) throws -> T {
    let exact: T?
    switch self {
    case .int(let i): exact = T(exactly: i)
    case .uint(let u): exact = T(exactly: u)
    case .double(let d): exact = T(exactly: d)
    default: throw mismatch(T.self, at: path())
    }
    guard let exact else { throw doesNotFit(T.self, at: path()) }
    return exact
  }

  func floatingPoint<T: BinaryFloatingPoint>(_ type: T.Type, at path: @autoclosure () -> [any CodingKey]) throws -> T {
    switch self {
    case .int(let i): return T(i)
    case .uint(let u): return T(u)
    case .double(let d):
      guard abs(d) <= Double(T.greatestFiniteMagnitude) else { throw doesNotFit(T.self, at: path()) }
      return T(d)
    default: throw mismatch(T.self, at: path())
    }
  }

  func object(at path: @autoclosure () -> [any CodingKey]) throws -> [(key: String, value: JSONDecodingNode)] {
    if case .fields(let fields) = self { return fields }
    throw mismatch([String: Any].self, at: path(), container: "keyed decoding container")
  }

  func array(at path: @autoclosure () -> [any CodingKey]) throws -> [JSONDecodingNode] {
    if case .array(let items) = self { return items }
    throw mismatch([Any].self, at: path(), container: "unkeyed decoding container")
  }

  /// `valueNotFound` for null, `typeMismatch` for anything else, worded as JSONDecoder words them.
  func mismatch(_ type: Any.Type, at path: [any CodingKey], container: String? = nil) -> DecodingError {
    if isNull {
      let what = container.map { "\($0) -- found null value instead" } ?? "value of type \(type) -- found null value instead"
      return .valueNotFound(type, .init(codingPath: path, debugDescription: "Cannot get \(what)"))
    }
    return .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(kindName) instead."))
  }

  func doesNotFit(_ type: Any.Type, at path: [any CodingKey]) -> DecodingError {
    .dataCorrupted(.init(codingPath: path, debugDescription: "Parsed JSON number <\(numberText)> does not fit in \(type)."))
  }

  var kindName: String {
    switch self {
    case .null: return "null"
    case .bool: return "bool"
    case .int, .uint, .double: return "number"
    case .string: return "a string"
    case .array: return "an array"
    case .fields: return "a dictionary"
    }
  }
}
