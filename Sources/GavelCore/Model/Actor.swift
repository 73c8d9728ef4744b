// Who sends a command. A delegate's seat comes from its credential, never from arguments.

public enum Role: String, Codable, Sendable, CaseIterable {
  case chair, delegate, display, auditor
  /// The daemon itself: timer expiry and other server-fed commands.
  case system
}

public struct Actor: Codable, Sendable, Hashable {
  public var role: Role
  public var seat: String?

  public init(role: Role, seat: String? = nil) {
    self.role = role
    self.seat = seat
  }

  public static let chair = Actor(role: .chair)
  public static let system = Actor(role: .system)
  public static func delegate(_ seat: String) -> Actor { Actor(role: .delegate, seat: seat) }
}

/// Everything `decide` may know besides the command and the state: supplied by the server,
/// written into the events, so that replay never needs it again.
public struct Context: Sendable, Hashable {
  /// Server wall time, milliseconds since the Unix epoch.
  public var now: Int64
  public var actor: Actor
  public var commandId: String
  /// A random 64-bit draw for commands that need one (roll-call starting seat).
  public var draw: UInt64

  public init(now: Int64, actor: Actor, commandId: String = "", draw: UInt64 = 0) {
    self.now = now
    self.actor = actor
    self.commandId = commandId
    self.draw = draw
  }
}
