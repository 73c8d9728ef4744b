// Frames handed over are written without another trip through the event loop. A hand-over
// (or a batch window) is applied inside one turn of the loop; each connection it gave frames
// to asks for WRITEABLE at once and is listed here. When the turn ends, the lws thread tells lws
// each listed socket is writable (`lws_service_fd` with POLLOUT, the call an external event loop
// makes), so the WRITEABLE comes now instead of after the next wait: with poll, a scan of every
// socket saved per delivery; with epoll, a readiness event per delivery (the write interest is
// set and cleared within the turn, so libev seldom tells the kernel at all).
// lws's own POLLOUT handling still decides — a connection that is closing, or still owes the
// rest of a write the socket did not take, is dealt with as lws always does.
import CLibWebSockets

#if canImport(Glibc)
  import Glibc
#endif

/// The connections given frames during the current turn of the event loop, each once, in the
/// order they were first given one. lws thread only.
final class DueWrites {
  private var connections: [Connection] = []

  var isEmpty: Bool { connections.isEmpty }

  /// `connection` has new frames: it asks for WRITEABLE and is listed (once).
  func add(_ connection: Connection) {
    connection.requestWrite()
    guard !connection.due else { return }
    connection.due = true
    connections.append(connection)
  }

  /// Every listed connection, once; the list starts again empty.
  func take() -> [Connection] {
    let taken = connections
    connections = []
    for connection in taken { connection.due = false }
    return taken
  }
}

extension ServiceLoop {
  /// lws thread, between turns of the event loop (never inside an lws callback): services
  /// POLLOUT on every listed connection that is still open and still waits for its WRITEABLE.
  /// Left to the real POLLOUT: a connection that owes a close (lws would start its close-frame
  /// timeout over, and a socket too full for data cannot take the frame either — it is being
  /// killed), and one whose unsent remainder lws still holds.
  func serviceDueWrites(_ context: OpaquePointer) {
    guard !due.isEmpty else { return }
    for connection in due.take() {
      guard connections[connection.id] === connection, connection.writeRequested, connection.pendingClose == nil,
        connection.ownsSocket, lws_partial_buffered(connection.wsi) == 0
      else { continue }
      let writable = Int16(POLLOUT)
      // lws_pollfd is struct pollfd under a macro name, which Swift does not import.
      var ready = pollfd(fd: lws_get_socket_fd(connection.wsi), events: writable, revents: writable)
      lws_service_fd(context, &ready)
    }
  }
}
