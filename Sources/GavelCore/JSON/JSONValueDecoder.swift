// Decodes `Decodable` values from JSON bytes (event payloads) or a `JSON` value (command args,
// without a round trip through bytes) with JSONDecoder's rules, without Foundation: unknown keys
// are ignored, a missing or null optional is nil, an integer must fit its type exactly (up to
// UInt64.max from bytes), and every failure is a `DecodingError` whose coding path names the key
// (`Tests/GavelCoreTests/JSONValueDecoderTests.swift` pins the equivalence).

public struct JSONValueDecoder: Sendable {
  public init() {}

  public func decode<T: Decodable>(_ type: T.Type, from value: JSON) throws -> T {
    try JSONValueDecoding(JSONTape.make(value), 0, under: [], key: nil).decode(T.self)
  }

  /// Parses `bytes` (JSONParseError if they are not JSON) and decodes them, every integer exact.
  public func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
    let tape = try JSONParser.parse(bytes.assumingMemoryBound(to: UInt8.self))
    return try JSONValueDecoding(tape, 0, under: [], key: nil).decode(T.self)
  }
}

/// The `Decoder` handed to `init(from:)`: one value on a tape and the path that led to it. It is
/// its own single-value container, so decoding a scalar allocates nothing more.
final class JSONValueDecoding: Decoder, SingleValueDecodingContainer {
  let tape: JSONTape
  /// The value's index on the tape.
  let value: Int
  private let path: JSONCodingPath
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  var codingPath: [any CodingKey] { path.keys }

  init(_ tape: JSONTape, _ value: Int, under parentPath: [any CodingKey], key: (any CodingKey)?) {
    self.tape = tape
    self.value = value
    path = JSONCodingPath(parent: parentPath, key: key)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    let path = codingPath
    return KeyedDecodingContainer(JSONKeyedContainer<Key>(tape: tape, object: try tape.object(value, at: path), codingPath: path))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    JSONUnkeyedContainer(tape: tape, array: try tape.array(value, at: codingPath), codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  // MARK: SingleValueDecodingContainer

  func decodeNil() -> Bool { tape.isNull(value) }
  func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(value, at: codingPath) }
  func decode(_ type: String.Type) throws -> String { try tape.string(value, at: codingPath) }
  func decode(_ type: Double.Type) throws -> Double { try tape.floatingPoint(value, type, at: codingPath) }
  func decode(_ type: Float.Type) throws -> Float { try tape.floatingPoint(value, type, at: codingPath) }
  func decode(_ type: Int.Type) throws -> Int { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: Int8.Type) throws -> Int8 { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: Int16.Type) throws -> Int16 { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: Int32.Type) throws -> Int32 { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: Int64.Type) throws -> Int64 { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: UInt.Type) throws -> UInt { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try tape.integer(value, type, at: codingPath) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try tape.integer(value, type, at: codingPath) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
}
