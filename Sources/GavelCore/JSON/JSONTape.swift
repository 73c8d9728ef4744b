// A parsed JSON document as a flat tape: its values in document order, each container followed
// by its contents and knowing where they end, and the unescaped UTF-8 of every string in one
// byte array. Reading a payload this way builds no tree: no array per object, no String per key
// (keys are compared as bytes), and a string value becomes a String only when a type asks for it.

struct JSONTapeEntry {
  enum Kind: UInt8 { case null, bool, int, uint, double, string, array, object }

  let kind: Kind
  /// bool, int, uint, double: the value's bits. string: its first byte in `strings` (high 32
  /// bits) and its length. array, object: the index just past its contents (high 32 bits) and
  /// its count of items or fields.
  var payload: UInt64

  init(_ kind: Kind, _ payload: UInt64) {
    self.kind = kind
    self.payload = payload
  }

  init(_ kind: Kind, high: Int, low: Int) { self.init(kind, UInt64(high) << 32 | UInt64(low)) }

  var high: Int { Int(payload >> 32) }
  var low: Int { Int(payload & 0xFFFF_FFFF) }
}

final class JSONTape: Sendable {
  /// Values in document order; an object's contents alternate key (a string) and value.
  let entries: [JSONTapeEntry]
  /// The unescaped UTF-8 of every string, keys included, validated.
  let strings: [UInt8]

  init(entries: [JSONTapeEntry], strings: [UInt8]) {
    self.entries = entries
    self.strings = strings
  }

  /// A lone null (what a missing key's super decoder reads).
  static let null = JSONTape(entries: [JSONTapeEntry(.null, 0)], strings: [])

  /// Sizes past which a tape's 32-bit offsets could overflow.
  static let maxCount = Int(UInt32.max)

  /// The index just past the value at `index` (and past its contents).
  @inline(__always)
  func next(after index: Int) -> Int {
    let entry = entries[index]
    switch entry.kind {
    case .array, .object: return entry.high
    default: return index + 1
    }
  }

  /// The string at `index` (which must be a string).
  func string(at index: Int) -> String {
    let entry = entries[index]
    return strings.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[entry.high..<(entry.high + entry.low)]), as: UTF8.self)
    }
  }

  /// The value of the last field named `key` in the object at `object`: of duplicate keys the
  /// last counts, as in JSONDecoder.
  func lookUp(_ key: String, in object: Int) -> Int? {
    var key = key
    return key.withUTF8 { key in
      strings.withUnsafeBufferPointer { strings in
        var found: Int?
        var index = object + 1
        let end = entries[object].high
        while index < end {
          let name = entries[index]
          if name.low == key.count, Self.equal(strings, name.high, key) {
            found = index + 1
          }
          index = next(after: index + 1)
        }
        return found
      }
    }
  }

  @inline(__always)
  static func equal(_ strings: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    for i in 0..<key.count where strings[start + i] != key[i] { return false }
    return true
  }

  /// The indexes of an object's keys, in document order.
  func keys(of object: Int) -> [Int] {
    var keys: [Int] = []
    var index = object + 1
    let end = entries[object].high
    while index < end {
      keys.append(index)
      index = next(after: index + 1)
    }
    return keys
  }
}

