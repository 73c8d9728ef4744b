// The lws thread's one reusable write buffer, with LWS_PRE bytes of headroom before the payload
// (libwebsockets-notes pitfall 6). It holds either one message for lws to frame, or several
// messages framed here (RFC 6455 §5.2, server to client: unmasked) so that one write carries
// everything a connection has queued.
import CLibWebSockets

/// lws thread only.
final class ScratchBuffer {
  static let headroom = Int(LWSSHIM_PRE)
  private var base = UnsafeMutableRawPointer.allocate(byteCount: headroom + 65536, alignment: 16)
  private var capacity = 65536

  deinit { base.deallocate() }

  private var payload: UnsafeMutablePointer<UInt8> {
    (base + Self.headroom).assumingMemoryBound(to: UInt8.self)
  }

  /// Room for `count` payload bytes; the first `keeping` bytes already written survive a move.
  private func reserve(_ count: Int, keeping: Int = 0) {
    guard count > capacity else { return }
    capacity = max(count, capacity * 2)
    let grown = UnsafeMutableRawPointer.allocate(byteCount: Self.headroom + capacity, alignment: 16)
    (grown + Self.headroom).copyMemory(from: base + Self.headroom, byteCount: keeping)
    base.deallocate()
    base = grown
  }

  /// Copies `bytes` after the headroom; returns the payload pointer lws_write wants.
  func load(_ bytes: [UInt8]) -> UnsafeMutablePointer<UInt8> {
    reserve(bytes.count)
    bytes.withUnsafeBytes { raw in
      if let src = raw.baseAddress { payload.update(from: src.assumingMemoryBound(to: UInt8.self), count: raw.count) }
    }
    return payload
  }

  /// Frames the outbox's oldest messages one after another, as many as fit in `budget` bytes
  /// (always at least one), and removes them from the outbox. Returns the bytes to write raw
  /// and how many messages (and message bytes, headers not counted) they hold.
  func pack(_ outbox: inout Outbox, budget: Int)
    -> (bytes: UnsafeMutablePointer<UInt8>, count: Int, frames: Int, payload: Int)
  {
    var used = 0
    var frames = 0
    var payloadBytes = 0
    while let length = outbox.firstLength {
      let size = Self.headerSize(length) + length
      if frames > 0 && used + size > budget { break }
      reserve(used + size, keeping: used)
      let frame = outbox.popFirst()!
      let at = payload + used
      // One borrow of the message for the header and the copy (each separate read of
      // `frame.bytes` costs a retain and a release of its storage).
      frame.bytes.withUnsafeBufferPointer { src in
        let header = Self.writeHeader(length: src.count, binary: frame.isBinary, at: at)
        if let start = src.baseAddress { (at + header).update(from: start, count: src.count) }
      }
      used += size
      payloadBytes += length
      frames += 1
    }
    return (payload, used, frames, payloadBytes)
  }

  static func headerSize(_ length: Int) -> Int { length < 126 ? 2 : length <= 0xFFFF ? 4 : 10 }

  /// FIN, the opcode (text 0x1 or binary 0x2) and the payload length, no mask.
  private static func writeHeader(length: Int, binary: Bool, at out: UnsafeMutablePointer<UInt8>) -> Int {
    out[0] = 0x80 | (binary ? 0x2 : 0x1)
    if length < 126 {
      out[1] = UInt8(length)
      return 2
    }
    if length <= 0xFFFF {
      out[1] = 126
      out[2] = UInt8(length >> 8)
      out[3] = UInt8(length & 0xFF)
      return 4
    }
    out[1] = 127
    for i in 0..<8 { out[2 + i] = UInt8((UInt64(length) >> (56 - 8 * UInt64(i))) & 0xFF) }
    return 10
  }

  /// Room for HTTP headers (they also need LWS_PRE headroom).
  var headerArea: (start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) {
    (payload, payload + min(capacity, 4096))
  }
}
