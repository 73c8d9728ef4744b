// Frames handed over are written without another trip through the event loop. A hand-over is
// applied when a turn of the loop ends (a batch window releases its connections inside one);
// each connection given frames is listed here. Then the lws thread tells lws each listed socket is
// writable (`lws_service_fd` with POLLOUT, the call an external event loop makes), so the
// WRITEABLE comes now instead of after the next wait: with poll, a scan of every socket saved
// per delivery; with epoll, a readiness event per delivery — and no write interest is set and
// cleared in the event loop for a connection served this way.
// lws's own POLLOUT handling still decides — a connection that is closing, or still owes the
// rest of a write the socket did not take, is dealt with as lws always does; one that cannot be
// served now asks for WRITEABLE the usual way.
import CLibWebSockets

#if canImport(Glibc)
  import Glibc
#endif

/// The connections given frames during the current turn of the event loop, each once, in the
/// order they were first given one. lws thread only.
final class DueWrites {
  private var connections: [Connection] = []

  var isEmpty: Bool { connections.isEmpty }

  /// `connection` has new frames: it is listed (once), to be written when the turn ends.
  func add(_ connection: Connection) {
    guard !connection.due else { return }
    connection.due = true
    connections.append(connection)
  }

  /// Every listed connection, once; the list starts again empty. Each stays marked `due` until
  /// `serve` clears the mark, so adding it again before then is a no-op (it is about to be
  /// served) and afterwards lists it anew.
  func take() -> [Connection] {
    defer { connections.removeAll(keepingCapacity: true) }
    return connections
  }
}

extension ServiceLoop {
  /// lws thread, between turns of the event loop (never inside an lws callback): services
  /// POLLOUT on every listed connection that is still open. Left to the real POLLOUT, through
  /// an ordinary request for WRITEABLE: a connection that owes a close (lws would start its
  /// close-frame timeout over, and a socket too full for data cannot take the frame either — it
  /// is being killed), one whose unsent remainder lws still holds, and a stream of an HTTP/2
  /// connection. If lws spends the POLLOUT on something of its own (a pong, its own close)
  /// without a WRITEABLE for us, the connection asks for one.
  func serviceDueWrites(_ context: OpaquePointer) {
    guard !due.isEmpty else { return }
    for connection in due.take() where connection.due {  // not served already in this turn
      serve(connection, context)
    }
  }

  /// lws thread, outside lws's callbacks: writes what `connection` has queued now (see above),
  /// or has it ask for WRITEABLE. If it is listed, it is no longer due.
  func serve(_ connection: Connection, _ context: OpaquePointer) {
    connection.due = false
    guard connection.isOpen else { return }
    guard connection.pendingClose == nil, connection.ownsSocket, lws_partial_buffered(connection.wsi) == 0 else {
      connection.requestWrite()
      return
    }
    let writeables = connection.writeables
    let writable = Int16(POLLOUT)
    // lws_pollfd is struct pollfd under a macro name, which Swift does not import.
    var ready = pollfd(fd: lws_get_socket_fd(connection.wsi), events: writable, revents: writable)
    servicing = Unmanaged.passUnretained(connection)
    lws_service_fd(context, &ready)
    servicing = nil
    if connection.isOpen && connection.writeables == writeables {
      connection.writeRequested = false
      connection.requestWrite()
    }
  }
}
