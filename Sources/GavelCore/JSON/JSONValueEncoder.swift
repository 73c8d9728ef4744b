// Encodes `Encodable` values into their canonical JSON bytes — the bytes JSONEncoder gives with
// `.sortedKeys` and `.withoutEscapingSlashes`, which the event log stores and hashes
// (Tests/GavelCoreTests/JSONValueEncoderTests.swift pins the equality) — or into a `JSON` value
// whose serialization is those bytes. An optional that is nil is left out, as the synthesized
// `encodeIfPresent` asks. An unsigned integer above `Int.max` is written digit for digit; only a
// `JSON` value cannot hold it (`JSONValueEncoder.TooLarge`).

public struct JSONValueEncoder: Sendable {
  public struct TooLarge: Error {}

  public init() {}

  public func encode<T: Encodable>(_ value: T) throws -> JSON { try root(value).json() }

  /// The canonical bytes of the value, `encode(value).serialized()`, written without building
  /// the intermediate `JSON` tree.
  public func canonicalBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    try root(value).write(into: &out)
    return out
  }

  private func root<T: Encodable>(_ value: T) throws -> JSONNode {
    let node = JSONNode()
    try value.encode(to: JSONValueEncoding(node, under: [], key: nil))
    guard !node.isEmpty else {
      throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
    }
    return node
  }
}

/// A JSON value under construction. The containers an encoder hands out write into the same
/// node, and a nested container is a node of its own, so a parent sees what its children write.
/// An object's fields are kept in the order written; the later of two writes to a key wins.
final class JSONNode {
  enum Slot {
    case value(JSON)
    /// An unsigned integer above `Int.max`, which `JSON` cannot hold.
    case large(UInt64)
    case node(JSONNode)

    static func unsigned(_ value: some UnsignedInteger & FixedWidthInteger) -> Slot {
      Int(exactly: value).map { .value(.int($0)) } ?? .large(UInt64(value))
    }

    func json() throws -> JSON {
      switch self {
      case .value(let value): return value
      case .large: throw JSONValueEncoder.TooLarge()
      case .node(let node): return try node.json()
      }
    }

    func write(into out: inout [UInt8]) {
      switch self {
      case .value(let value): value.write(into: &out)
      case .large(let value): out.append(contentsOf: String(value).utf8)
      case .node(let node): node.write(into: &out)
      }
    }
  }

  private(set) var value: Slot?
  var fields: [(key: String, slot: Slot)]?
  var items: [Slot]?

  var isEmpty: Bool { value == nil && fields == nil && items == nil }

  func set(_ value: JSON) { self.value = .value(value) }
  func set(_ slot: Slot) { value = slot }

  func json() throws -> JSON {
    if let fields {
      return .object(Dictionary(try fields.map { ($0.key, try $0.slot.json()) }, uniquingKeysWith: { _, last in last }))
    }
    if let items { return .array(try items.map { try $0.json() }) }
    return try value?.json() ?? .object([:])
  }

  /// The bytes `json.serialized()` gives: keys sorted by their UTF-8 bytes, as JSON.write does,
  /// and of two writes to one key the last. Sorts the fields in place: call once.
  func write(into out: inout [UInt8]) {
    if fields != nil {
      sortFields()
      let fields = self.fields!
      out.append(UInt8(ascii: "{"))
      var first = true
      for (i, field) in fields.enumerated() where i + 1 == fields.count || fields[i + 1].key != field.key {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSON.writeString(field.key, into: &out)
        out.append(UInt8(ascii: ":"))
        field.slot.write(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    } else if let items {
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        item.write(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    } else {
      (value ?? .value(.object([:]))).write(into: &out)
    }
  }

  /// Objects are small: an insertion sort, which is stable, so the last write to a key ends its
  /// run of equal keys.
  private func sortFields() {
    guard var sorted = fields, sorted.count > 1 else { return }
    fields = nil  // the array is uniquely referenced while it is sorted
    for i in sorted.indices.dropFirst() {
      var j = i
      while j > 0, sorted[j].key.utf8.lexicographicallyPrecedes(sorted[j - 1].key.utf8) {
        sorted.swapAt(j, j - 1)
        j -= 1
      }
    }
    fields = sorted
  }
}

/// The `Encoder` handed to `encode(to:)`; it is its own single-value container.
struct JSONValueEncoding: Encoder, SingleValueEncodingContainer {
  let node: JSONNode
  private let path: JSONCodingPath
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  var codingPath: [any CodingKey] { path.keys }

  init(_ node: JSONNode, under parentPath: [any CodingKey], key: (any CodingKey)?) {
    self.node = node
    path = JSONCodingPath(parent: parentPath, key: key)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if node.fields == nil {
      node.fields = []
      node.fields!.reserveCapacity(8)  // a typical object without regrowing
    }
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
  func encode(_ value: UInt) { node.set(.unsigned(value)) }
  func encode(_ value: UInt8) { node.set(.int(Int(value))) }
  func encode(_ value: UInt16) { node.set(.int(Int(value))) }
  func encode(_ value: UInt32) { node.set(.int(Int(value))) }
  func encode(_ value: UInt64) { node.set(.unsigned(value)) }
  func encode<T: Encodable>(_ value: T) throws { try value.encode(to: self) }
}

extension JSON {
  /// A finite number; JSONEncoder refuses NaN and the infinities, and so does this.
  static func number(_ value: Double, at path: [any CodingKey]) throws -> JSON {
    guard value.isFinite else {
      throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "Unable to encode \(value) directly in JSON."))
    }
    return .double(value)
  }
}
