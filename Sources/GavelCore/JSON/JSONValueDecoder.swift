// Decodes `Decodable` values from JSON bytes (event payloads) or a `JSON` value (command args,
// without a round trip through bytes) with JSONDecoder's rules, without Foundation: unknown keys
// are ignored, a missing or null optional is nil, an integer must fit its type exactly (up to
// UInt64.max from bytes), and every failure is a `DecodingError` whose coding path names the key
// (`Tests/GavelCoreTests/JSONValueDecoderTests.swift` pins the equivalence).

public struct JSONValueDecoder: Sendable {
  public init() {}

  public func decode<T: Decodable>(_ type: T.Type, from value: JSON) throws -> T {
    try JSONValueDecoding(JSONDecodingNode(value), under: [], key: nil).decode(T.self)
  }

  /// Parses `bytes` (JSONParseError if they are not JSON) and decodes them, every integer exact.
  public func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
    let node = try JSONParser<JSONDecodingNode>.parse(bytes.assumingMemoryBound(to: UInt8.self))
    return try JSONValueDecoding(node, under: [], key: nil).decode(T.self)
  }
}

/// The `Decoder` handed to `init(from:)`: one parsed value and the path that led to it. It is its
/// own single-value container, so decoding a scalar allocates nothing more.
final class JSONValueDecoding: Decoder, SingleValueDecodingContainer {
  let value: JSONDecodingNode
  private let path: JSONCodingPath
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  var codingPath: [any CodingKey] { path.keys }

  init(_ value: JSONDecodingNode, under parentPath: [any CodingKey], key: (any CodingKey)?) {
    self.value = value
    path = JSONCodingPath(parent: parentPath, key: key)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    let path = codingPath
    return KeyedDecodingContainer(JSONKeyedContainer<Key>(fields: try value.object(at: path), codingPath: path))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    JSONUnkeyedContainer(items: try value.array(at: codingPath), codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  // MARK: SingleValueDecodingContainer

  func decodeNil() -> Bool { value.isNull }
  func decode(_ type: Bool.Type) throws -> Bool { try value.bool(at: codingPath) }
  func decode(_ type: String.Type) throws -> String { try value.string(at: codingPath) }
  func decode(_ type: Double.Type) throws -> Double { try value.floatingPoint(type, at: codingPath) }
  func decode(_ type: Float.Type) throws -> Float { try value.floatingPoint(type, at: codingPath) }
  func decode(_ type: Int.Type) throws -> Int { try value.integer(type, at: codingPath) }
  func decode(_ type: Int8.Type) throws -> Int8 { try value.integer(type, at: codingPath) }
  func decode(_ type: Int16.Type) throws -> Int16 { try value.integer(type, at: codingPath) }
  func decode(_ type: Int32.Type) throws -> Int32 { try value.integer(type, at: codingPath) }
  func decode(_ type: Int64.Type) throws -> Int64 { try value.integer(type, at: codingPath) }
  func decode(_ type: UInt.Type) throws -> UInt { try value.integer(type, at: codingPath) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try value.integer(type, at: codingPath) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try value.integer(type, at: codingPath) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try value.integer(type, at: codingPath) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try value.integer(type, at: codingPath) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
}
