// The keyed and unkeyed containers of `JSONValueEncoder`: each writes into its node, scalars as
// values and nested containers as nodes of their own.

struct JSONKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  let codingPath: [any CodingKey]

  private func put(_ value: JSON, _ key: Key) { put(slot: .value(value), key) }
  private func put(slot: JSONNode.Slot, _ key: Key) { node.fields!.append((key.stringValue, slot)) }

  private func child(_ key: Key) -> JSONValueEncoding {
    let child = JSONNode()
    node.fields!.append((key.stringValue, .node(child)))
    return JSONValueEncoding(child, under: codingPath, key: key)
  }

  mutating func encodeNil(forKey key: Key) { put(.null, key) }
  mutating func encode(_ value: Bool, forKey key: Key) { put(.bool(value), key) }
  mutating func encode(_ value: String, forKey key: Key) { put(.string(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { put(try JSON.number(value, at: codingPath + [key]), key) }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    put(try JSON.number(Double(value), at: codingPath + [key]), key)
  }
  mutating func encode(_ value: Int, forKey key: Key) { put(.int(value), key) }
  mutating func encode(_ value: Int8, forKey key: Key) { put(.int(Int(value)), key) }
  mutating func encode(_ value: Int16, forKey key: Key) { put(.int(Int(value)), key) }
  mutating func encode(_ value: Int32, forKey key: Key) { put(.int(Int(value)), key) }
  mutating func encode(_ value: Int64, forKey key: Key) { put(.int(Int(value)), key) }
  mutating func encode(_ value: UInt, forKey key: Key) { put(slot: .unsigned(value), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) { put(.int(Int(value)), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) { put(.int(Int(value)), key) }
  mutating func encode(_ value: UInt32, forKey key: Key) { put(.int(Int(value)), key) }
  mutating func encode(_ value: UInt64, forKey key: Key) { put(slot: .unsigned(value), key) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try value.encode(to: child(key)) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    child(key).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    child(key).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let child = JSONNode()
    node.fields!.append(("super", .node(child)))
    return JSONValueEncoding(child, under: codingPath, key: JSONCodingKey.name("super"))
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
}

struct JSONUnkeyedEncodingContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]

  var count: Int { node.items!.count }

  private func put(_ value: JSON) { node.items!.append(.value(value)) }
  private func put(slot: JSONNode.Slot) { node.items!.append(slot) }

  private func child() -> JSONValueEncoding {
    let child = JSONNode()
    let index = count
    node.items!.append(.node(child))
    return JSONValueEncoding(child, under: codingPath, key: JSONCodingKey.index(index))
  }

  private var nextPath: [any CodingKey] { codingPath + [JSONCodingKey.index(count)] }

  mutating func encodeNil() { put(.null) }
  mutating func encode(_ value: Bool) { put(.bool(value)) }
  mutating func encode(_ value: String) { put(.string(value)) }
  mutating func encode(_ value: Double) throws { put(try JSON.number(value, at: nextPath)) }
  mutating func encode(_ value: Float) throws { put(try JSON.number(Double(value), at: nextPath)) }
  mutating func encode(_ value: Int) { put(.int(value)) }
  mutating func encode(_ value: Int8) { put(.int(Int(value))) }
  mutating func encode(_ value: Int16) { put(.int(Int(value))) }
  mutating func encode(_ value: Int32) { put(.int(Int(value))) }
  mutating func encode(_ value: Int64) { put(.int(Int(value))) }
  mutating func encode(_ value: UInt) { put(slot: .unsigned(value)) }
  mutating func encode(_ value: UInt8) { put(.int(Int(value))) }
  mutating func encode(_ value: UInt16) { put(.int(Int(value))) }
  mutating func encode(_ value: UInt32) { put(.int(Int(value))) }
  mutating func encode(_ value: UInt64) { put(slot: .unsigned(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: child()) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    child().container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { child().unkeyedContainer() }

  mutating func superEncoder() -> any Encoder { child() }
}
