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

  /// Appends the canonical bytes of one logged event (envelope and payload) to `out`: sized
  /// first, then written in place.
  static func writeCanonical(
    into out: inout [UInt8], seq: Int64, at: Int64, role: some Collection<UInt8>, seat: (some Collection<UInt8>)?,
    credentialId: Int64?, commandId: (some Collection<UInt8>)?, name: some Collection<UInt8>, version: Int64,
    payload: some Collection<UInt8>
  ) {
    let size = canonicalSize(
      role: role, seat: seat, credentialId: credentialId, commandId: commandId, name: name, payload: payload)
    let start = out.count
    out.append(contentsOf: repeatElement(0, count: size))
    out.withUnsafeMutableBytes { buffer in
      writeCanonical(
        into: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]), seq: seq, at: at, role: role, seat: seat,
        credentialId: credentialId, commandId: commandId, name: name, version: version, payload: payload)
    }
  }

  /// The length of an event's canonical bytes.
  static func canonicalSize(
    role: some Collection<UInt8>, seat: (some Collection<UInt8>)?, credentialId: Int64?,
    commandId: (some Collection<UInt8>)?, name: some Collection<UInt8>, payload: some Collection<UInt8>
  ) -> Int {
    eventTag.count + 8 + 8 + 4 + role.count + 1 + (seat.map { 4 + $0.count } ?? 0) + 1 + (credentialId == nil ? 0 : 8)
      + 1 + (commandId.map { 4 + $0.count } ?? 0) + 4 + name.count + 8 + 4 + payload.count
  }

  /// Writes the canonical bytes of one logged event at the start of `buffer`, which holds
  /// `canonicalSize` bytes at least.
  static func writeCanonical(
    into buffer: UnsafeMutableRawBufferPointer, seq: Int64, at: Int64, role: some Collection<UInt8>,
    seat: (some Collection<UInt8>)?, credentialId: Int64?, commandId: (some Collection<UInt8>)?,
    name: some Collection<UInt8>, version: Int64, payload: some Collection<UInt8>
  ) {
    var w = CanonicalWriter(buffer: buffer)
    w.bytes(eventTag)
    w.int(seq)
    w.int(at)
    w.string(role)
    w.optional(seat)
    if let credentialId {
      w.byte(1)
      w.int(credentialId)
    } else {
      w.byte(0)
    }
    w.optional(commandId)
    w.string(name)
    w.int(version)
    w.string(payload)
  }

  /// The canonical bytes of one logged event, as a new array.
  static func canonicalBytes(
    seq: Int64, at: Int64, actor: Actor, credentialId: Int64?, commandId: String?,
    name: String, version: Int, payload: [UInt8]
  ) -> [UInt8] {
    var out: [UInt8] = []
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
}

/// Writes the canonical encodings into a buffer sized for them: `i64` big-endian, `str` a
/// 4-byte big-endian length and the bytes, `opt` 0x00 or 0x01 and the value.
private struct CanonicalWriter {
  let buffer: UnsafeMutableRawBufferPointer
  var offset = 0

  init(buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

  mutating func byte(_ value: UInt8) {
    buffer[offset] = value
    offset += 1
  }

  mutating func bytes(_ bytes: some Collection<UInt8>) {
    UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]).copyBytes(from: bytes)
    offset += bytes.count
  }

  mutating func int(_ value: Int64) {
    buffer.storeBytes(of: value.bigEndian, toByteOffset: offset, as: Int64.self)
    offset += 8
  }

  mutating func string(_ bytes: some Collection<UInt8>) {
    buffer.storeBytes(of: UInt32(bytes.count).bigEndian, toByteOffset: offset, as: UInt32.self)
    offset += 4
    self.bytes(bytes)
  }

  mutating func optional(_ bytes: (some Collection<UInt8>)?) {
    guard let bytes else { return byte(0) }
    byte(1)
    string(bytes)
  }
}
