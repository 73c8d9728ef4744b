// Outbound path on the lws thread: queue shared frames into bounded outboxes, write exactly one
// frame per SERVER_WRITEABLE (runtime rule 6, pitfall 6), send closes only from WRITEABLE, and
// drop slow readers with 4408 (runtime rule 7, pitfall 7).
import CLibWebSockets

#if canImport(Glibc)
  import Glibc
#endif

/// One reusable write buffer with LWS_PRE bytes of headroom before the payload. lws thread.
final class ScratchBuffer {
  static let headroom = Int(LWSSHIM_PRE)
  private var base = UnsafeMutableRawPointer.allocate(byteCount: headroom + 65536, alignment: 16)
  private var capacity = 65536

  deinit { base.deallocate() }

  /// Copies `bytes` after the headroom; returns the payload pointer lws_write wants.
  func load(_ bytes: [UInt8]) -> UnsafeMutablePointer<UInt8> {
    if bytes.count > capacity {
      base.deallocate()
      capacity = max(bytes.count, capacity * 2)
      base = .allocate(byteCount: Self.headroom + capacity, alignment: 16)
    }
    let payload = base + Self.headroom
    bytes.withUnsafeBytes { raw in
      if let src = raw.baseAddress { payload.copyMemory(from: src, byteCount: raw.count) }
    }
    return payload.assumingMemoryBound(to: UInt8.self)
  }

  /// Room for HTTP headers (they also need LWS_PRE headroom).
  var headerArea: (start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) {
    let start = (base + Self.headroom).assumingMemoryBound(to: UInt8.self)
    return (start, start + min(capacity, 4096))
  }
}

extension ServiceLoop {
  /// lws thread. Queue `frame` for `id`; an overflowing outbox drops the connection with 4408.
  func enqueue(_ frame: Frame, to id: ConnectionID) {
    guard let connection = connections[id], connection.pendingClose == nil else { return }
    if connection.outbox.push(frame) {
      if connection.outbox.count == 1 { lws_callback_on_writable(connection.wsi) }
    } else {
      dropSlow(connection)
    }
  }

  /// lws thread. A close frame if the socket can still take one; if it is choked no close frame
  /// can ever be written, so kill the connection asynchronously instead.
  private func dropSlow(_ connection: Connection) {
    counters.outboxDrops.wrappingAdd(1, ordering: .relaxed)
    logger.notice(
      "dropping slow connection: outbox full",
      metadata: ["connection.id": "\(connection.id)", "wire.outboxLimit": "\(config.outboxLimit)"])
    connection.requestClose(code: 4408, reason: "too slow", urgent: true)
    let choked = lws_send_pipe_choked(connection.wsi) != 0
    // Backstop: if the close frame does not get out within a few seconds, kill anyway.
    lws_set_timeout(connection.wsi, PENDING_TIMEOUT_USER_OK, choked ? LWS_TO_KILL_ASYNC : 5)
  }

  /// lws thread, SERVER_WRITEABLE. One lws_write at most; returning -1 closes (always honoured).
  func writeable(_ connection: Connection) -> Int32 {
    if let close = connection.pendingClose, close.urgent || connection.outbox.isEmpty {
      sendClose(connection, close)
      return -1
    }
    guard let frame = connection.outbox.first else { return 0 }
    connection.outbox.removeFirst()
    let count = frame.bytes.count
    let payload = scratch.load(frame.bytes)
    let written = lws_write(
      connection.wsi, payload, count, frame.isBinary ? LWS_WRITE_BINARY : LWS_WRITE_TEXT)
    if written < count {
      logger.info("write failed; closing", metadata: ["connection.id": "\(connection.id)"])
      return -1
    }
    counters.framesSent.wrappingAdd(1, ordering: .relaxed)
    counters.bytesSent.wrappingAdd(count, ordering: .relaxed)
    if !connection.outbox.isEmpty || connection.pendingClose != nil {
      lws_callback_on_writable(connection.wsi)
    }
    return 0
  }

  /// lws thread. Sets the close code and reason lws sends when WRITEABLE returns -1.
  private func sendClose(_ connection: Connection, _ close: PendingClose) {
    var reason = Array(close.reason.utf8.prefix(123))  // close payload ≤ 125 bytes with the code
    lws_close_reason(
      connection.wsi, lws_close_status(rawValue: UInt32(close.code)), &reason, reason.count)
  }
}
