// The keyed container of `JSONValueDecoder`: a JSON object read by key, its keys compared as
// bytes on the tape. Keys the type does not ask for are ignored; `decodeIfPresent` gives nil for
// a missing key and for null, as JSONDecoder does.

struct JSONKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let tape: JSONTape
  /// The object's index on the tape.
  let object: Int
  let codingPath: [any CodingKey]

  /// Each key once, in the order first read.
  var allKeys: [Key] {
    var seen: Set<String> = []
    return tape.keys(of: object).compactMap {
      let name = tape.string(at: $0)
      return seen.insert(name).inserted ? Key(stringValue: name) : nil
    }
  }

  /// The last field named `key`: of duplicate keys, the last counts, as in JSONDecoder.
  func lookUp(_ key: String) -> Int? { tape.lookUp(key, in: object) }

  func contains(_ key: Key) -> Bool { lookUp(key.stringValue) != nil }

  func value(_ key: Key) throws -> Int {
    guard let value = lookUp(key.stringValue) else {
      throw DecodingError.keyNotFound(
        key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
    }
    return value
  }

  /// The value of a key that is present and not null.
  func presentValue(_ key: Key) -> Int? {
    guard let value = lookUp(key.stringValue), !tape.isNull(value) else { return nil }
    return value
  }

  func decoder(_ value: Int, _ key: any CodingKey) -> JSONValueDecoding {
    JSONValueDecoding(tape, value, under: codingPath, key: key)
  }

  func decodeNil(forKey key: Key) throws -> Bool { tape.isNull(try value(key)) }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try tape.bool(value(key), at: codingPath + [key]) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try tape.string(value(key), at: codingPath + [key]) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try number(type, key) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try number(type, key) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(value(key), key).decode(T.self) }

  // The optional fields of the payloads, read with one lookup instead of three.
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    try presentValue(key).map { try tape.string($0, at: codingPath + [key]) }
  }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    try presentValue(key).map { try tape.integer($0, type, at: codingPath + [key]) }
  }
  func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
    try presentValue(key).map { try tape.integer($0, type, at: codingPath + [key]) }
  }
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    try presentValue(key).map { try decoder($0, key).decode(T.self) }
  }

  @inline(__always)
  func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
    try tape.integer(value(key), type, at: codingPath + [key])
  }

  func number<T: BinaryFloatingPoint>(_ type: T.Type, _ key: Key) throws -> T {
    try tape.floatingPoint(value(key), type, at: codingPath + [key])
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try decoder(value(key), key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder(value(key), key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { superDecoder(lookUp("super"), JSONCodingKey.name("super")) }

  func superDecoder(forKey key: Key) throws -> any Decoder { superDecoder(lookUp(key.stringValue), key) }

  /// A missing key's super decoder decodes null, as JSONDecoder's does.
  private func superDecoder(_ value: Int?, _ key: any CodingKey) -> any Decoder {
    guard let value else { return JSONValueDecoding(JSONTape.null, 0, under: codingPath, key: key) }
    return decoder(value, key)
  }
}
