// Invariant 9 (tamper-evident log): each event row stores
// `hash = SHA-256(prevHash ‖ canonical bytes)`, the first prevHash being 32 zero bytes.
// The canonical bytes are a length-prefixed binary form, specified in docs/event-log.md;
// changing anything here breaks every existing log. They are written from any byte collection
// (Swift strings' UTF-8 when appending, SQLite's column buffers when walking), by this one
// function, into a caller's reused buffer.
import GavelCore

enum HashChain {
  static let genesis = [UInt8](repeating: 0, count: 32)
  static let eventTag = Array("gavel.event.v1".utf8)
  static let snapshotTag = Array("gavel.snapshot.v1".utf8)

  /// Appends the canonical bytes of one logged event (envelope and payload) to `out`.
  static func writeCanonical(
    into out: inout [UInt8], seq: Int64, at: Int64, role: some Collection<UInt8>, seat: (some Collection<UInt8>)?,
    credentialId: Int64?, commandId: (some Collection<UInt8>)?, name: some Collection<UInt8>, version: Int64,
    payload: some Collection<UInt8>
  ) {
    out.append(contentsOf: eventTag)
    appendInt(seq, to: &out)
    appendInt(at, to: &out)
    appendBytes(role, to: &out)
    appendOptional(seat, to: &out)
    if let credentialId {
      out.append(1)
      appendInt(credentialId, to: &out)
    } else {
      out.append(0)
    }
    appendOptional(commandId, to: &out)
    appendBytes(name, to: &out)
    appendInt(version, to: &out)
    appendBytes(payload, to: &out)
  }

  /// The canonical bytes of one logged event, as a new array.
  static func canonicalBytes(
    seq: Int64, at: Int64, actor: Actor, credentialId: Int64?, commandId: String?,
    name: String, version: Int, payload: [UInt8]
  ) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(eventTag.count + 64 + name.utf8.count + payload.count)
    writeCanonical(
      into: &out, seq: seq, at: at, role: actor.role.rawValue.utf8, seat: actor.seat?.utf8,
      credentialId: credentialId, commandId: commandId?.utf8, name: name.utf8, version: Int64(version),
      payload: payload)
    return out
  }

  static func link(prevHash: [UInt8], canonical: [UInt8]) -> [UInt8] {
    Digest.sha256(prevHash + canonical)
  }

  /// What a snapshot's hash covers: its seq, the chain hash at that seq, and the state bytes.
  static func snapshotHash(seq: Int64, chainHash: [UInt8], state: [UInt8]) -> [UInt8] {
    var input = snapshotTag
    appendInt(seq, to: &input)
    input += chainHash
    input += state
    return Digest.sha256(input)
  }

  /// Big-endian two's complement, 8 bytes.
  static func appendInt(_ value: Int64, to out: inout [UInt8]) {
    withUnsafeBytes(of: value.bigEndian) { out.append(contentsOf: $0) }
  }

  /// A 4-byte big-endian length, then the bytes.
  static func appendBytes(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
    withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { out.append(contentsOf: $0) }
    out.append(contentsOf: bytes)
  }

  /// 0x00 when absent; 0x01 and the length-prefixed bytes when present.
  static func appendOptional(_ bytes: (some Collection<UInt8>)?, to out: inout [UInt8]) {
    guard let bytes else { return out.append(0) }
    out.append(1)
    appendBytes(bytes, to: &out)
  }
}
