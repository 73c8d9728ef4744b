// How `JSONValueDecoder` reads one value of a tape as a Swift scalar or container, and the errors
// JSONDecoder gives when it cannot: null is `valueNotFound` (except for a Bool), another kind of
// value is `typeMismatch`, a number that does not fit the type exactly is `dataCorrupted`. The path is
// an autoclosure so that a successful read never builds it.

extension JSONTape {
  func isNull(_ index: Int) -> Bool { entry(index).kind == .null }

  /// JSONDecoder's one exception: a null where a Bool should be is a type mismatch.
  func bool(_ index: Int, at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
    let entry = entry(index)
    if entry.kind == .bool { return entry.payload != 0 }
    throw DecodingError.typeMismatch(
      Bool.self, .init(codingPath: path(), debugDescription: "Expected to decode Bool but found \(kindName(index)) instead."))
  }

  func string(_ index: Int, at path: @autoclosure () -> [any CodingKey]) throws -> String {
    if entry(index).kind == .string { return string(at: index) }
    throw mismatch(index, String.self, at: path())
  }

  @inline(__always)  // so that every caller gets a version for its own type, not a generic one
  func integer<T: FixedWidthInteger>(_ index: Int, _ type: T.Type, at path: @autoclosure () -> [any CodingKey]) throws -> T {
    let entry = entry(index)
    let exact: T?
    switch entry.kind {
    case .int: exact = T(exactly: Int64(bitPattern: entry.payload))
    case .uint: exact = T(exactly: entry.payload)
    case .double: exact = T(exactly: Double(bitPattern: entry.payload))
    default: throw mismatch(index, T.self, at: path())
    }
    guard let exact else { throw doesNotFit(index, T.self, at: path()) }
    return exact
  }

  func floatingPoint<T: BinaryFloatingPoint>(_ index: Int, _ type: T.Type, at path: @autoclosure () -> [any CodingKey]) throws -> T {
    let entry = entry(index)
    switch entry.kind {
    case .int: return T(Int64(bitPattern: entry.payload))
    case .uint: return T(entry.payload)
    case .double:
      let d = Double(bitPattern: entry.payload)
      guard abs(d) <= Double(T.greatestFiniteMagnitude) else { throw doesNotFit(index, T.self, at: path()) }
      return T(d)
    default: throw mismatch(index, T.self, at: path())
    }
  }

  /// The index of the object at `index`, or the error JSONDecoder gives for anything else.
  func object(_ index: Int, at path: @autoclosure () -> [any CodingKey]) throws -> Int {
    if entry(index).kind == .object { return index }
    throw mismatch(index, [String: Any].self, at: path(), container: "keyed decoding container")
  }

  func array(_ index: Int, at path: @autoclosure () -> [any CodingKey]) throws -> Int {
    if entry(index).kind == .array { return index }
    throw mismatch(index, [Any].self, at: path(), container: "unkeyed decoding container")
  }

  /// `valueNotFound` for null, `typeMismatch` for anything else, worded as JSONDecoder words them.
  func mismatch(_ index: Int, _ type: Any.Type, at path: [any CodingKey], container: String? = nil) -> DecodingError {
    if isNull(index) {
      let what = container.map { "\($0) -- found null value instead" } ?? "value of type \(type) -- found null value instead"
      return .valueNotFound(type, .init(codingPath: path, debugDescription: "Cannot get \(what)"))
    }
    return .typeMismatch(
      type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(kindName(index)) instead."))
  }

  func doesNotFit(_ index: Int, _ type: Any.Type, at path: [any CodingKey]) -> DecodingError {
    .dataCorrupted(.init(codingPath: path, debugDescription: "Parsed JSON number <\(numberText(index))> does not fit in \(type)."))
  }

  /// A number as JSON text, for an error message.
  func numberText(_ index: Int) -> String {
    let entry = entry(index)
    switch entry.kind {
    case .int: return String(Int64(bitPattern: entry.payload))
    case .uint: return String(entry.payload)
    case .double: return JSON.double(Double(bitPattern: entry.payload)).text
    default: return ""
    }
  }

  func kindName(_ index: Int) -> String {
    switch entry(index).kind {
    case .null: return "null"
    case .bool: return "bool"
    case .int, .uint, .double: return "number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "a dictionary"
    }
  }
}
