// The few distinct strings a replay reads again and again (event names, actor roles), looked up
// once: a small direct-mapped cache from the bytes in a row buffer to what they name, so that a
// million rows neither build a million Strings nor hash them into a dictionary. Keys live inline
// in one flat array, compared where they lie (no array per slot to retain); a key longer than a
// slot is simply not cached.

// Inlinable, so that a caller in another module (the store, for roles) gets a version for its own
// Value: an unspecialized one asks the runtime for type metadata on every call.
public struct BytesCache<Value> {
  @usableFromInline static var slotCount: Int { 64 }
  @usableFromInline static var keyCapacity: Int { 48 }
  /// Each slot's key bytes, `keyCapacity` apiece.
  @usableFromInline var keys = [UInt8](repeating: 0, count: 64 * 48)
  /// Each slot's key length; -1 for an empty slot.
  @usableFromInline var lengths = [Int](repeating: -1, count: 64)
  @usableFromInline var values: [Value?] = Array(repeating: nil, count: 64)

  @inlinable public init() {}

  /// What `bytes` name: from the cache, or `make` of their string (then cached).
  @inlinable public mutating func value(for bytes: UnsafeRawBufferPointer, make: (String) -> Value) -> Value {
    let slot = Self.slot(bytes)
    if lengths[slot] == bytes.count, let value = values[slot], matches(slot, bytes) { return value }
    let value = make(String(decoding: bytes, as: UTF8.self))
    if bytes.count <= Self.keyCapacity {
      keys.withUnsafeMutableBytes { keys in
        UnsafeMutableRawBufferPointer(rebasing: keys[(slot * Self.keyCapacity)...]).copyMemory(from: bytes)
      }
      lengths[slot] = bytes.count
      values[slot] = value
    }
    return value
  }

  @inlinable func matches(_ slot: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    keys.withUnsafeBufferPointer { keys in
      let start = slot * Self.keyCapacity
      for i in 0..<bytes.count where keys[start + i] != bytes[i] { return false }
      return true
    }
  }

  /// Length and the last two bytes: enough to keep the event names apart in most slots.
  @inlinable static func slot(_ bytes: UnsafeRawBufferPointer) -> Int {
    var h = bytes.count &* 31
    if bytes.count >= 2 { h = h &+ Int(bytes[bytes.count - 1]) &* 7 &+ Int(bytes[bytes.count - 2]) }
    return h & (slotCount - 1)
  }
}
