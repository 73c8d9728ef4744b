// The few distinct strings a walk reads again and again (event names, actor roles), made once:
// a small direct-mapped cache from the bytes in SQLite's buffer to the String, so a million
// rows do not validate and build a million copies of "speakerRecognised".

struct InternedStrings {
  private var slots: [(bytes: [UInt8], string: String)?] = Array(repeating: nil, count: 64)

  mutating func string(_ bytes: UnsafeRawBufferPointer) -> String {
    let slot = Self.slot(bytes, of: slots.count)
    if let cached = slots[slot], cached.bytes.withUnsafeBytes({ ChainHasher.equal($0, bytes) }) {
      return cached.string
    }
    let string = String(decoding: bytes, as: UTF8.self)
    slots[slot] = (Array(bytes), string)
    return string
  }

  /// Length and the last two bytes: enough to keep the event names apart in most slots.
  private static func slot(_ bytes: UnsafeRawBufferPointer, of count: Int) -> Int {
    var h = bytes.count &* 31
    if bytes.count >= 2 { h = h &+ Int(bytes[bytes.count - 1]) &* 7 &+ Int(bytes[bytes.count - 2]) }
    return h & (count - 1)
  }
}
