// WebSocket close codes of protocol.md §4. Stable: clients branch on them.

public enum CloseCode: UInt16, Sendable {
  /// Going away: the daemon shuts down.
  case goingAway = 1001
  /// Internal error: storage unreadable while joining.
  case internalError = 1011
  /// Protocol error: malformed hello, a command before hello, no hello in time.
  case protocolError = 4400
  /// Unknown or revoked token.
  case unauthorized = 4401
  /// The credential's role or seat is not allowed on this committee.
  case forbidden = 4403
  /// Unknown committee, or a hello that names another committee than the `/ws/ID` path.
  case unknownCommittee = 4404
  /// Outbox overflow (GavelWire closes the connection itself).
  case tooSlow = 4408
  /// Replaced by a newer connection of the same credential (limits.replaceConnections).
  case replaced = 4409
}
