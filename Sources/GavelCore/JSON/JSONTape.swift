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

/// One allocation: the layout, room for the entries, then the text (for a parsed document, a
/// copy of its bytes with each string's escapes resolved in place). Immutable once written.
final class JSONTape: ManagedBuffer<JSONTape.Layout, JSONTapeEntry> {
  struct Layout {
    /// Entries written.
    var entries: Int
    /// Entries there is room for; the text starts after them.
    let capacity: Int
    let text: Int
  }

  /// A tape with room for `capacity` entries and `text` bytes, none written.
  static func allocate(capacity: Int, text: Int) -> JSONTape {
    let stride = MemoryLayout<JSONTapeEntry>.stride
    let slots = capacity + (text + stride - 1) / stride
    return unsafeDowncast(
      create(minimumCapacity: slots) { _ in Layout(entries: 0, capacity: capacity, text: text) }, to: JSONTape.self)
  }

  /// Runs `body` with the tape's storage: its layout, entries and text.
  @inline(__always)
  func withStorage<R, E: Error>(
    _ body: (UnsafeMutablePointer<Layout>, UnsafeMutablePointer<JSONTapeEntry>, UnsafeMutablePointer<UInt8>) throws(E) -> R
  ) throws(E) -> R {
    // The layout is read through its pointer: `header` is a class property, and every access to
    // it would be checked for exclusivity at run time.
    let result = withUnsafeMutablePointers { layout, entries in
      Result { () throws(E) -> R in
        let text = UnsafeMutableRawPointer(entries + layout.pointee.capacity).assumingMemoryBound(to: UInt8.self)
        return try body(layout, entries, text)
      }
    }
    return try result.get()
  }

  /// A tape of `entries` and `text`.
  static func make(entries: [JSONTapeEntry], text: [UInt8]) -> JSONTape {
    let tape = allocate(capacity: entries.count, text: text.count)
    tape.withStorage { layout, tapeEntries, tapeText in
      entries.withUnsafeBufferPointer { if let base = $0.baseAddress { tapeEntries.initialize(from: base, count: $0.count) } }
      text.withUnsafeBufferPointer { if let base = $0.baseAddress { tapeText.initialize(from: base, count: $0.count) } }
      layout.pointee.entries = entries.count
    }
    return tape
  }

  /// A lone null (what a missing key's super decoder reads). Never changed, so safe to share.
  nonisolated(unsafe) static let null = make(entries: [JSONTapeEntry(.null, 0)], text: [])

  /// Sizes past which a tape's 32-bit offsets could overflow.
  static let maxCount = Int(UInt32.max) / 2

  @inline(__always)
  func entry(_ index: Int) -> JSONTapeEntry {
    withStorage { layout, entries, _ in
      precondition(index >= 0 && index < layout.pointee.entries, "JSON tape index out of range")
      return entries[index]
    }
  }

  /// The index just past the value at `index` (and past its contents).
  @inline(__always)
  func next(after index: Int) -> Int {
    let entry = entry(index)
    switch entry.kind {
    case .array, .object: return entry.high
    default: return index + 1
    }
  }

  /// The string at `index` (which must be a string).
  func string(at index: Int) -> String {
    let entry = entry(index)
    return withStorage { _, _, text in
      String(decoding: UnsafeBufferPointer(start: text + entry.high, count: entry.low), as: UTF8.self)
    }
  }

  /// The value of the last field named `key` in the object at `object`: of duplicate keys the
  /// last counts, as in JSONDecoder.
  func lookUp(_ key: String, in object: Int) -> Int? {
    var key = key
    return key.withUTF8 { key in
      withStorage { layout, entries, text in
        let end = entries[object].high
        precondition(entries[object].kind == .object && end <= layout.pointee.entries, "not an object on this tape")
        var found: Int?
        var index = object + 1
        while index < end {
          let name = entries[index]
          if name.low == key.count, Self.equal(text + name.high, key) { found = index + 1 }
          let value = entries[index + 1]
          index = value.kind == .array || value.kind == .object ? value.high : index + 2
        }
        return found
      }
    }
  }

  @inline(__always)
  static func equal(_ bytes: UnsafePointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    for i in 0..<key.count where bytes[i] != key[i] { return false }
    return true
  }

  /// The indexes of an object's keys, in document order.
  func keys(of object: Int) -> [Int] {
    var keys: [Int] = []
    var index = object + 1
    let end = entry(object).high
    while index < end {
      keys.append(index)
      index = next(after: index + 1)
    }
    return keys
  }
}
