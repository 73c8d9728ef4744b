// The wire's numbers as Prometheus gauges (outbox drops and open sockets).
import GavelWire

extension Daemon {
  static func gauges(_ stats: WireStats) -> [(name: String, help: String, value: Double)] {
    [
      ("gavel_wire_connections", "Open WebSocket connections.", Double(stats.connectionsOpen)),
      ("gavel_oversize_closes_total", "Connections closed with 1009 for an inbound frame over the limit.", Double(stats.oversizeCloses)),
      ("gavel_outbox_drops_total", "Connections dropped with 4408 because their outbox overflowed.", Double(stats.outboxDrops)),
    ]
  }
}
