// The unkeyed container of `JSONValueDecoder`: a JSON array read in order. Reading past the end
// is `valueNotFound`; the index only moves on after a successful read, as in JSONDecoder.

struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
  let tape: JSONTape
  let codingPath: [any CodingKey]
  private let itemCount: Int
  private(set) var currentIndex = 0
  /// The tape index of the item at `currentIndex`.
  private var position: Int

  init(tape: JSONTape, array: Int, codingPath: [any CodingKey]) {
    self.tape = tape
    self.codingPath = codingPath
    itemCount = tape.entry(array).low
    position = array + 1
  }

  var count: Int? { itemCount }
  var isAtEnd: Bool { currentIndex >= itemCount }

  private mutating func advance() {
    position = tape.next(after: position)
    currentIndex += 1
  }

  private func path(_ index: Int) -> [any CodingKey] { codingPath + [JSONCodingKey.index(index)] }

  /// The next value, read with `read` from a decoder at it; the index moves on only if the read
  /// succeeded.
  private mutating func next<T>(_ type: T.Type, _ read: (JSONValueDecoding) throws -> T) throws -> T {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        type, .init(codingPath: path(currentIndex), debugDescription: "Unkeyed container is at end."))
    }
    let result = try read(JSONValueDecoding(tape, position, under: codingPath, key: JSONCodingKey.index(currentIndex)))
    advance()
    return result
  }

  /// The next scalar: like `next`, without a decoder; `read` gets the path to build on failure.
  private mutating func scalar<T>(_ type: T.Type, _ read: (JSONTape, Int, () -> [any CodingKey]) throws -> T) throws -> T {
    let index = currentIndex
    guard index < itemCount else {
      throw DecodingError.valueNotFound(type, .init(codingPath: path(index), debugDescription: "Unkeyed container is at end."))
    }
    let result = try read(tape, position, { path(index) })
    advance()
    return result
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any?.self, .init(codingPath: path(currentIndex), debugDescription: "Unkeyed container is at end."))
    }
    guard tape.isNull(position) else { return false }
    advance()
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) { try $0.bool($1, at: $2()) } }
  mutating func decode(_ type: String.Type) throws -> String { try scalar(type) { try $0.string($1, at: $2()) } }
  mutating func decode(_ type: Double.Type) throws -> Double { try scalar(type) { try $0.floatingPoint($1, type, at: $2()) } }
  mutating func decode(_ type: Float.Type) throws -> Float { try scalar(type) { try $0.floatingPoint($1, type, at: $2()) } }
  mutating func decode(_ type: Int.Type) throws -> Int { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) { try $0.integer($1, type, at: $2()) } }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.decode(T.self) } }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next(KeyedDecodingContainer<NestedKey>.self) { try $0.container(keyedBy: type) }
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next((any UnkeyedDecodingContainer).self) { try $0.unkeyedContainer() }
  }

  mutating func superDecoder() throws -> any Decoder { try next((any Decoder).self) { $0 } }
}
