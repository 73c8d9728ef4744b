// The scratch space of a chain walk or a group commit: the bytes a link hashes (prevHash ‖
// canonical bytes), the digest and OpenSSL's digest context are made once per walk or batch, so
// hashing a row allocates nothing.
import CCrypto
import GavelCore

#if canImport(Glibc)
  import Glibc
#endif

final class ChainHasher {
  /// The chain hash the next row must link to.
  private(set) var prev: [UInt8]
  private var input: [UInt8] = []
  private let digest = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(SHA256_DIGEST_LENGTH), alignment: 8)
  private let context: OpaquePointer

  init(prev: [UInt8]) {
    self.prev = prev
    guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL cannot allocate a digest context") }
    self.context = context
  }

  deinit {
    EVP_MD_CTX_free(context)
    digest.deallocate()
  }

  /// Hashes prevHash and the canonical bytes of a row (`HashChain.writeCanonical`), from
  /// SQLite's column buffers (walk) or Swift strings (append).
  func hash(
    seq: Int64, at: Int64, role: some Collection<UInt8>, seat: (some Collection<UInt8>)?, credentialId: Int64?,
    commandId: (some Collection<UInt8>)?, name: some Collection<UInt8>, version: Int64, payload: some Collection<UInt8>
  ) {
    input.removeAll(keepingCapacity: true)
    input.append(contentsOf: prev)
    HashChain.writeCanonical(
      into: &input, seq: seq, at: at, role: role, seat: seat, credentialId: credentialId, commandId: commandId,
      name: name, version: version, payload: payload)
    // Init, update and final with a fetched algorithm cannot fail on a live context.
    _ = EVP_DigestInit_ex2(context, Digest.sha256Algorithm, nil)
    input.withUnsafeBytes { bytes in _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) }
    _ = EVP_DigestFinal_ex(context, digest.baseAddress!.assumingMemoryBound(to: UInt8.self), nil)
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
