// Outbound path on the lws thread: queue shared frames into bounded outboxes, make exactly one
// lws_write per SERVER_WRITEABLE (runtime rule 6, pitfall 6) — carrying every queued frame that
// fits when the connection has no extension — send closes only from WRITEABLE, and drop slow
// readers with 4408 (runtime rule 7, pitfall 7).
import CLibWebSockets

#if canImport(Glibc)
  import Glibc
#endif

extension ServiceLoop {
  /// lws thread. Queue `frame` for `id` and list the connection in `due` if the frame is due
  /// now (see `queue`).
  func enqueue(_ frame: Frame, to id: ConnectionID, _ delivery: Delivery = .prompt) {
    guard let connection = connections[id], queue(frame, on: connection, delivery) else { return }
    due.add(connection)
  }

  /// lws thread. Queue `frame` on `connection` (looked up earlier: it may have closed since); an
  /// overflowing outbox drops the connection with 4408. A batched frame waits for the batch
  /// window unless a write is already on its way. True when the frame is due now: the caller
  /// writes the connection or lists it in `due`.
  func queue(_ frame: Frame, on connection: Connection, _ delivery: Delivery) -> Bool {
    guard connection.isOpen, connection.pendingClose == nil else { return false }
    guard connection.outbox.push(frame) else {
      dropSlow(connection)
      return false
    }
    if delivery == .batched && batchWindow.isOpen {
      batchWindow.hold(connection)
      return false
    }
    return true
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

  /// At most this many bytes of queued frames go out in one write (lws's send size for the
  /// protocol, so lws never has to buffer the remainder of a batch itself).
  static let coalesceBytes = 65536

  /// lws thread, SERVER_WRITEABLE. One lws_write at most; returning -1 closes (always honoured).
  /// A connection without extensions gets every queued frame that fits in one raw write (framed
  /// here), so a burst of events costs one system call per client rather than one per event;
  /// with permessage-deflate lws must frame (and compress) each message itself.
  func writeable(_ connection: Connection) -> Int32 {
    connection.writeRequested = false
    connection.writeables &+= 1
    if let close = connection.pendingClose, close.urgent || connection.outbox.isEmpty {
      sendClose(connection, close)
      return -1
    }
    guard !connection.outbox.isEmpty else { return 0 }
    let bytes: UnsafeMutablePointer<UInt8>
    let count: Int
    let frames: Int
    let payloadBytes: Int
    let written: Int32
    if connection.framesItself {
      (bytes, count, frames, payloadBytes) = scratch.pack(&connection.outbox, budget: Self.coalesceBytes)
      // LWS_WRITE_HTTP is lws' raw write on a ws connection: the bytes are already frames.
      written = lws_write(connection.wsi, bytes, count, LWS_WRITE_HTTP)
    } else {
      let frame = connection.outbox.popFirst()!
      (bytes, count, frames, payloadBytes) = (scratch.load(frame.bytes), frame.bytes.count, 1, frame.bytes.count)
      written = lws_write(connection.wsi, bytes, count, frame.isBinary ? LWS_WRITE_BINARY : LWS_WRITE_TEXT)
    }
    if written < count {
      logger.info("write failed; closing", metadata: ["connection.id": "\(connection.id)"])
      return -1
    }
    counters.framesSent.wrappingAdd(frames, ordering: .relaxed)
    counters.writes.wrappingAdd(1, ordering: .relaxed)
    counters.bytesSent.wrappingAdd(payloadBytes, ordering: .relaxed)
    if !connection.outbox.isEmpty || connection.pendingClose != nil {
      connection.requestWrite()
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
