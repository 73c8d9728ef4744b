// The wire's numbers as Prometheus gauges (outbox drops and open sockets).
import GavelWire

extension Daemon {
  static func gauges(_ stats: WireStats) -> [(name: String, help: String, value: Double)] {
    [
      ("gavel_wire_connections", "Open WebSocket connections.", Double(stats.connectionsOpen)),
      ("gavel_frames_sent_total", "WebSocket messages written to clients.", Double(stats.framesSent)),
      ("gavel_socket_writes_total", "Socket writes that carried them (several frames per write when batched).", Double(stats.writes)),
      ("gavel_oversize_closes_total", "Connections closed with 1009 for an inbound frame over the limit.", Double(stats.oversizeCloses)),
      ("gavel_outbox_drops_total", "Connections dropped with 4408 because their outbox overflowed.", Double(stats.outboxDrops)),
    ]
  }
}
