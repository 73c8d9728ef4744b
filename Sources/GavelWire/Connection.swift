// Per-connection state of one WebSocket, confined to the lws thread: its outbox, the message
// being reassembled, and the close it owes the peer.
import CLibWebSockets

/// A close the connection will send from its next WRITEABLE (closes are only ever sent from
/// there, because the WRITEABLE return value is always honoured — pitfall 4).
struct PendingClose {
  var code: UInt16
  var reason: String
  /// True: send before anything queued (1009, 4408). False: after the outbox drains.
  var urgent: Bool
}

/// One open WebSocket. lws thread only.
final class Connection {
  let id: ConnectionID
  let wsi: OpaquePointer
  var outbox: Outbox
  var pendingClose: PendingClose? = nil
  /// A WRITEABLE has been asked for and not yet delivered.
  var writeRequested = false
  /// Its queued frames wait for the end of the batch window (it is in `BatchWindow.held`).
  var held = false
  /// Given frames since the event loop last returned (it is in `ServiceLoop.due`).
  var due = false
  /// False once lws has said CLOSED: lists that still hold it skip it.
  var isOpen = true
  /// Given a fan-out's frame ahead of the fan-out's pass (`applyHandedOver`), which skips it.
  var takenAhead = false
  /// SERVER_WRITEABLE callbacks so far (tells whether lws_service_fd delivered one).
  var writeables = 0
  /// True when no extension was offered, so frames can be written raw, several per write
  /// (with permessage-deflate lws must frame and compress each message itself).
  let framesItself: Bool
  /// True when the socket is this connection's own (not a stream of an HTTP/2 connection,
  /// whose writes lws must schedule itself).
  let ownsSocket: Bool

  /// When inbound data last reset lws's ping timer (`DispatchTime` nanoseconds; 0: never).
  var livenessConfirmedAt: UInt64 = 0

  /// The message being reassembled from RECEIVE chunks.
  var rx: [UInt8] = []
  var rxInMessage = false
  var rxIsText = true
  /// Sticky: once a message is over the limit, every further chunk is ignored until the close
  /// goes out (lws may drop a -1 from RECEIVE with permessage-deflate — pitfall 4).
  var rxRejected = false

  init(id: ConnectionID, wsi: OpaquePointer, outboxLimit: Int) {
    self.id = id
    self.wsi = wsi
    self.framesItself = lws_hdr_total_length(wsi, WSI_TOKEN_EXTENSIONS) <= 0
    self.ownsSocket = lws_get_network_wsi(wsi) == wsi
    self.outbox = Outbox(limit: outboxLimit)
  }

  /// lws thread. Queue a close; an urgent one replaces a polite one and discards the outbox.
  func requestClose(code: UInt16, reason: String, urgent: Bool) {
    if let existing = pendingClose, existing.urgent || !urgent { return }
    pendingClose = PendingClose(code: code, reason: reason, urgent: urgent)
    if urgent { outbox.removeAll() }
    requestWrite()
  }

  /// lws thread. Asks lws for one WRITEABLE, unless one is already on its way.
  func requestWrite() {
    guard !writeRequested else { return }
    writeRequested = true
    lws_callback_on_writable(wsi)
  }
}
