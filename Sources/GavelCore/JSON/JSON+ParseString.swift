// The parser's strings: escapes resolved in place in the tape's text, which must be valid UTF-8.
// Errors name the same offsets as ever: an invalid escape where it is read, invalid UTF-8 just
// past the closing quote.

extension JSONParser {
  mutating func string() throws(JSONParseError) {
    index += 1
    let start = index
    // Most strings have no escape: they stay where they are in the text.
    var end = index
    var ascii = true
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
      ascii = ascii && bytes[end] < 0x80
      end += 1
    }
    index = end
    var written = end
    while true {
      guard index < bytes.count else { throw fail("unterminated string") }
      let b = bytes[index]
      switch b {
      case UInt8(ascii: "\""):
        index += 1
        guard ascii || Self.isValidUTF8(UnsafeBufferPointer(start: text + start, count: written - start)) else {
          throw fail("invalid UTF-8")
        }
        return append(JSONTapeEntry(.string, high: start, low: written - start))
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw fail("unterminated escape") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): put(34, at: &written)
        case UInt8(ascii: "\\"): put(92, at: &written)
        case UInt8(ascii: "/"): put(47, at: &written)
        case UInt8(ascii: "b"): put(8, at: &written)
        case UInt8(ascii: "f"): put(12, at: &written)
        case UInt8(ascii: "n"): put(10, at: &written)
        case UInt8(ascii: "r"): put(13, at: &written)
        case UInt8(ascii: "t"): put(9, at: &written)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if scalar >= 0xD800 && scalar < 0xDC00 {
            guard index + 1 < bytes.count, bytes[index] == 92, bytes[index + 1] == UInt8(ascii: "u") else {
              throw fail("lone surrogate")
            }
            index += 2
            let low = try hex4()
            guard low >= 0xDC00 && low < 0xE000 else { throw fail("lone surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if scalar >= 0xDC00 && scalar < 0xE000 {
            throw fail("lone surrogate")
          }
          guard let u = Unicode.Scalar(scalar) else { throw fail("invalid escape") }
          UTF8.encode(u) { put($0, at: &written) }
        default: throw fail("invalid escape")
        }
        ascii = false  // validated as a whole at the end
      case 0..<0x20: throw fail("control character in string")
      default:
        put(b, at: &written)
        ascii = false
        index += 1
      }
    }
  }

  /// Writes an unescaped byte into the text, never past the bytes already read.
  @inline(__always)
  func put(_ byte: UInt8, at written: inout Int) {
    text[written] = byte
    written += 1
  }

  mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[index]
      let d: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 48)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 87)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 55)
      default: throw fail("invalid \\u escape")
      }
      v = v << 4 | d
      index += 1
    }
    return v
  }

  /// Well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms, no surrogates, nothing past
  /// U+10FFFF, no truncated sequence. What `String(validating:)` accepts.
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    do {
      var i = 0
      let n = bytes.count
      while i < n {
        let b0 = bytes[i]
        if b0 < 0x80 {
          i += 1
          continue
        }
        func continuation(_ j: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { j < n && range.contains(bytes[j]) }
        switch b0 {
        case 0xC2...0xDF:
          guard continuation(i + 1) else { return false }
          i += 2
        case 0xE0...0xEF:
          let second: ClosedRange<UInt8> = b0 == 0xE0 ? 0xA0...0xBF : b0 == 0xED ? 0x80...0x9F : 0x80...0xBF
          guard continuation(i + 1, second), continuation(i + 2) else { return false }
          i += 3
        case 0xF0...0xF4:
          let second: ClosedRange<UInt8> = b0 == 0xF0 ? 0x90...0xBF : b0 == 0xF4 ? 0x80...0x8F : 0x80...0xBF
          guard continuation(i + 1, second), continuation(i + 2), continuation(i + 3) else { return false }
          i += 4
        default: return false
        }
      }
      return true
    }
  }
}
