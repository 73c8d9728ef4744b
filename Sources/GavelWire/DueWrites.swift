// The connections given frames while one hand-over (or one batch window) is applied, each
// listed once, in the order they were first given one. `ServiceLoop.writeDue` writes them when
// the hand-over is done, so a connection given several frames costs one write.

/// lws thread only.
final class DueWrites {
  private var connections: [Connection] = []

  var isEmpty: Bool { connections.isEmpty }

  /// `connection` has new frames to write (a no-op if it is listed already).
  func add(_ connection: Connection) {
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
