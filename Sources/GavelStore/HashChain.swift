// Invariant 9 (tamper-evident log): each event row stores
// `hash = SHA-256(prevHash ‖ canonical bytes)`, the first prevHash being 32 zero bytes.
// The canonical bytes are a length-prefixed binary form, specified in docs/event-log.md;
// changing anything here breaks every existing log.
import GavelCore

enum HashChain {
  static let genesis = [UInt8](repeating: 0, count: 32)
  static let eventTag = Array("gavel.event.v1".utf8)
  static let snapshotTag = Array("gavel.snapshot.v1".utf8)

  /// The canonical bytes of one logged event (envelope and payload).
  static func canonicalBytes(
    seq: Int64, at: Int64, actor: Actor, credentialId: Int64?, commandId: String?,
    name: String, version: Int, payload: [UInt8]
  ) -> [UInt8] {
    var out = eventTag
    out.reserveCapacity(eventTag.count + 64 + name.utf8.count + payload.count)
    appendInt(seq, to: &out)
    appendInt(at, to: &out)
    appendBytes(Array(actor.role.rawValue.utf8), to: &out)
    appendOptional(actor.seat.map { Array($0.utf8) }, to: &out)
    if let credentialId {
      out.append(1)
      appendInt(credentialId, to: &out)
    } else {
      out.append(0)
    }
    appendOptional(commandId.map { Array($0.utf8) }, to: &out)
    appendBytes(Array(name.utf8), to: &out)
    appendInt(Int64(version), to: &out)
    appendBytes(payload, to: &out)
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
    let bits = UInt64(bitPattern: value)
    for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
  }

  /// A 4-byte big-endian length, then the bytes.
  static func appendBytes(_ bytes: [UInt8], to out: inout [UInt8]) {
    let count = UInt32(bytes.count)
    for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
    out += bytes
  }

  /// 0x00 when absent; 0x01 and the length-prefixed bytes when present.
  static func appendOptional(_ bytes: [UInt8]?, to out: inout [UInt8]) {
    guard let bytes else { return out.append(0) }
    out.append(1)
    appendBytes(bytes, to: &out)
  }
}
