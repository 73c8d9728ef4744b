// Encodes `Encodable` values into a `JSON` value, whose canonical serialization is the bytes
// JSONEncoder gives with `.sortedKeys` and `.withoutEscapingSlashes` — the bytes the event log
// stores and hashes (Tests/GavelCoreTests/JSONValueEncoderTests.swift pins the equality). An
// optional that is nil is left out, as the synthesized `encodeIfPresent` asks. The one value a
// `JSON` cannot hold, an unsigned integer above `Int.max`, fails with `JSONValueEncoder.TooLarge`
// so that the caller can fall back to JSONEncoder, which writes its digits exactly.

public struct JSONValueEncoder: Sendable {
  public struct TooLarge: Error {}

  public init() {}

  public func encode<T: Encodable>(_ value: T) throws -> JSON {
    let node = JSONNode()
    try value.encode(to: JSONValueEncoding(node, path: []))
    guard !node.isEmpty else {
      throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
    }
    return node.json
  }
}

/// A JSON value under construction. The containers an encoder hands out write into the same
/// node, and a nested container is a node of its own, so a parent sees what its children write.
final class JSONNode {
  enum Slot {
    case value(JSON)
    case node(JSONNode)

    var json: JSON {
      switch self {
      case .value(let value): return value
      case .node(let node): return node.json
      }
    }
  }

  private(set) var value: JSON?
  var fields: [String: Slot]?
  var items: [Slot]?

  var isEmpty: Bool { value == nil && fields == nil && items == nil }

  func set(_ value: JSON) { self.value = value }

  var json: JSON {
    if let fields { return .object(fields.mapValues(\.json)) }
    if let items { return .array(items.map(\.json)) }
    return value ?? .object([:])
  }
}

/// The `Encoder` handed to `encode(to:)`; it is its own single-value container.
struct JSONValueEncoding: Encoder, SingleValueEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(_ node: JSONNode, path: [any CodingKey]) {
    self.node = node
    codingPath = path
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if node.fields == nil { node.fields = [:] }
    return KeyedEncodingContainer(JSONKeyedEncodingContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if node.items == nil { node.items = [] }
    return JSONUnkeyedEncodingContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { self }

  // MARK: SingleValueEncodingContainer

  func encodeNil() { node.set(.null) }
  func encode(_ value: Bool) { node.set(.bool(value)) }
  func encode(_ value: String) { node.set(.string(value)) }
  func encode(_ value: Double) throws { node.set(try JSON.number(value, at: codingPath)) }
  func encode(_ value: Float) throws { node.set(try JSON.number(Double(value), at: codingPath)) }
  func encode(_ value: Int) { node.set(.int(value)) }
  func encode(_ value: Int8) { node.set(.int(Int(value))) }
  func encode(_ value: Int16) { node.set(.int(Int(value))) }
  func encode(_ value: Int32) { node.set(.int(Int(value))) }
  func encode(_ value: Int64) { node.set(.int(Int(value))) }
  func encode(_ value: UInt) throws { node.set(try JSON.number(value)) }
  func encode(_ value: UInt8) { node.set(.int(Int(value))) }
  func encode(_ value: UInt16) { node.set(.int(Int(value))) }
  func encode(_ value: UInt32) { node.set(.int(Int(value))) }
  func encode(_ value: UInt64) throws { node.set(try JSON.number(value)) }
  func encode<T: Encodable>(_ value: T) throws { try value.encode(to: self) }
}

extension JSON {
  /// An unsigned integer, or `TooLarge` above `Int.max`.
  static func number(_ value: some UnsignedInteger & FixedWidthInteger) throws -> JSON {
    guard let int = Int(exactly: value) else { throw JSONValueEncoder.TooLarge() }
    return .int(int)
  }

  /// A finite number; JSONEncoder refuses NaN and the infinities, and so does this.
  static func number(_ value: Double, at path: [any CodingKey]) throws -> JSON {
    guard value.isFinite else {
      throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "Unable to encode \(value) directly in JSON."))
    }
    return .double(value)
  }
}
