// The scratch space of a chain walk or a group commit: the bytes a link hashes (prevHash ‖
// canonical bytes) and the digest are made once per walk or batch, and SHA-256 runs on a stack
// context, so hashing a row allocates nothing.
import CCrypto
import GavelCore

#if canImport(Glibc)
  import Glibc
#endif

final class ChainHasher {
  /// The chain hash the next row must link to.
  private(set) var prev: [UInt8]
  /// prevHash ‖ canonical bytes, rewritten for each row; grown when a row needs more.
  private var input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1024, alignment: 8)
  private let digest = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(SHA256_DIGEST_LENGTH), alignment: 8)

  init(prev: [UInt8]) { self.prev = prev }

  deinit {
    digest.deallocate()
    input.deallocate()
  }

  /// Hashes prevHash and the canonical bytes of a row (`HashChain.writeCanonical`), from
  /// SQLite's column buffers (walk) or Swift strings (append).
  func hash(
    seq: Int64, at: Int64, role: some Collection<UInt8>, seat: (some Collection<UInt8>)?, credentialId: Int64?,
    commandId: (some Collection<UInt8>)?, name: some Collection<UInt8>, version: Int64, payload: some Collection<UInt8>
  ) {
    let size = prev.count + HashChain.canonicalSize(
      role: role, seat: seat, credentialId: credentialId, commandId: commandId, name: name, payload: payload)
    if size > input.count {
      input.deallocate()
      input = .allocate(byteCount: max(size, 2 * input.count), alignment: 8)
    }
    prev.withUnsafeBytes { input.copyMemory(from: $0) }
    HashChain.writeCanonical(
      into: UnsafeMutableRawBufferPointer(rebasing: input[prev.count..<size]), seq: seq, at: at, role: role, seat: seat,
      credentialId: credentialId, commandId: commandId, name: name, version: version, payload: payload)
    gavel_sha256(input.baseAddress, size, digest.baseAddress!.assumingMemoryBound(to: UInt8.self))
  }

  func prevEquals(_ bytes: UnsafeRawBufferPointer) -> Bool {
    prev.withUnsafeBytes { Self.equal($0, bytes) }
  }

  /// True when the last `hash` gave `bytes`.
  func digestEquals(_ bytes: UnsafeRawBufferPointer) -> Bool { Self.equal(UnsafeRawBufferPointer(digest), bytes) }

  /// The last `hash`, as a new array.
  var digestBytes: [UInt8] { Array(digest) }

  /// The row checked out: its hash is what the next row must link to.
  func advance() {
    if prev.count == digest.count {
      prev.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(digest)) }
    } else {
      prev = Array(digest)
    }
  }

  static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
  }
}
