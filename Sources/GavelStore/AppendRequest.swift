// What the Floor hands the store for one group commit (invariant 2), and what comes back.
// Invariant 3 (exactly once): a command with a credential and an id has its outcome recorded
// in the same transaction as its events.
import GavelCore

/// One command's result inside a group commit.
public struct AppendRequest: Sendable {
  public var actor: Actor
  public var at: Int64
  public var credentialId: Int64?
  public var commandId: String?
  /// Empty for a rejected command or a no-op.
  public var events: [Event]
  /// Non-nil: recorded for idempotency, no events are written.
  public var rejection: Rejection?

  public init(actor: Actor, at: Int64, credentialId: Int64?, commandId: String?, events: [Event], rejection: Rejection?)
  {
    self.actor = actor
    self.at = at
    self.credentialId = credentialId
    self.commandId = commandId
    self.events = events
    self.rejection = rejection
  }
}

public enum StoredOutcome: Sendable, Equatable {
  /// The seq of the command's last event, or the current seq for a no-op.
  case accepted(seq: Int64)
  case rejected(Rejection)
}

public struct AppendResult: Sendable {
  public let outcome: StoredOutcome
  /// The rows written for this request; empty for a rejection, a no-op, or a retried command id
  /// (whose original outcome is returned unchanged).
  public let events: [StoredEvent]
  /// True when the (credential, command id) already had an outcome and nothing was written.
  public let isReplay: Bool

  public init(outcome: StoredOutcome, events: [StoredEvent], isReplay: Bool = false) {
    self.outcome = outcome
    self.events = events
    self.isReplay = isReplay
  }
}
