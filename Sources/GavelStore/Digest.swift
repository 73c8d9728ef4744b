// SHA-256 and the token CSPRNG, both from OpenSSL's libcrypto (already linked by libwebsockets),
// so no extra package has to be built.
import CCrypto

public enum Digest {
  public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
    bytes.withUnsafeBytes { input in
      out.withUnsafeMutableBufferPointer { gavel_sha256(input.baseAddress, input.count, $0.baseAddress) }
    }
    return out
  }

  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

public enum TokenGenerator {
  /// 256 random bits from RAND_bytes, base64url without padding (43 characters), never starting
  /// with `-`: a token that looks like an option breaks `gavel token revoke --token TOKEN`.
  /// Redrawing the 1 in 64 such tokens costs under 0.03 bits of entropy.
  public static func random() -> String {
    while true {
      var bytes = [UInt8](repeating: 0, count: 32)
      let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
      // A CSPRNG that cannot seed itself leaves no safe way to issue credentials.
      precondition(ok == 1, "RAND_bytes failed: the system CSPRNG is unavailable")
      let token = base64URL(bytes)
      if !token.hasPrefix("-") { return token }
    }
  }

  static func base64URL(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    var out: [UInt8] = []
    var index = 0
    while index + 3 <= bytes.count {
      let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      for shift in [18, 12, 6, 0] { out.append(alphabet[Int((n >> UInt32(shift)) & 63)]) }
      index += 3
    }
    let rest = bytes.count - index
    if rest > 0 {
      var n = UInt32(bytes[index]) << 16
      if rest == 2 { n |= UInt32(bytes[index + 1]) << 8 }
      let shifts = rest == 1 ? [18, 12] : [18, 12, 6]
      for shift in shifts { out.append(alphabet[Int((n >> UInt32(shift)) & 63)]) }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
