// The few distinct strings a replay reads again and again (event names, actor roles), looked up
// once: a small direct-mapped cache from the bytes in a row buffer to what they name, so that a
// million rows neither build a million Strings nor hash them into a dictionary.

// Inlinable, so that a caller in another module (the store, for roles) gets a version for its own
// Value: an unspecialized one asks the runtime for the slot's type metadata on every call.
public struct BytesCache<Value> {
  @usableFromInline var slots: [(bytes: [UInt8], value: Value)?] = Array(repeating: nil, count: 64)

  @inlinable public init() {}

  /// What `bytes` name: from the cache, or `make` of their string, then cached.
  @inlinable public mutating func value(for bytes: UnsafeRawBufferPointer, make: (String) -> Value) -> Value {
    let slot = Self.slot(bytes, of: slots.count)
    if let cached = slots[slot], Self.equal(cached.bytes, bytes) { return cached.value }
    let value = make(String(decoding: bytes, as: UTF8.self))
    slots[slot] = (Array(bytes), value)
    return value
  }

  @inlinable static func equal(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    return a.withUnsafeBufferPointer { a in
      for i in 0..<a.count where a[i] != b[i] { return false }
      return true
    }
  }

  /// Length and the last two bytes: enough to keep the event names apart in most slots.
  @inlinable static func slot(_ bytes: UnsafeRawBufferPointer, of count: Int) -> Int {
    var h = bytes.count &* 31
    if bytes.count >= 2 { h = h &+ Int(bytes[bytes.count - 1]) &* 7 &+ Int(bytes[bytes.count - 2]) }
    return h & (count - 1)
  }
}
