// A credential as the store knows it: never the token itself, only what its hash unlocks.
import GavelCore

public struct Credential: Sendable, Hashable {
  public let id: Int64
  public let role: Role
  /// The seat a delegate credential acts for; nil for other roles.
  public let seat: String?
  public let label: String
  public let revoked: Bool

  public init(id: Int64, role: Role, seat: String?, label: String, revoked: Bool) {
    self.id = id
    self.role = role
    self.seat = seat
    self.label = label
    self.revoked = revoked
  }
}
