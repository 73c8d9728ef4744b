// A command as it arrives: a wire name and JSON arguments, decoded by its handler.

public struct Command: Sendable, Hashable {
  public var name: String
  public var args: JSON

  public init(_ name: String, _ args: JSON = .object([:])) {
    self.name = name
    self.args = args
  }
}

/// One command: its wire name, who may send it, how its arguments decode, and its rule.
/// `decide` must be pure: everything it needs is in `state` and `context`.
public protocol CommandHandler: Sendable {
  associatedtype Args: Decodable
  static var name: String { get }
  /// Roles that may send this command at all (seat and rule checks happen in `decide`).
  static var roles: Set<Role> { get }
  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
}

/// Arguments of a command that takes none; any object is accepted.
public struct NoArgs: Decodable, Sendable {
  public init() {}
  public init(from decoder: any Decoder) throws {}
}
