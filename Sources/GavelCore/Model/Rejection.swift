// Why a command was refused: a stable code (protocol.md §7) and a sentence a chair can act on.

public enum RejectionCode: String, Codable, Sendable, CaseIterable {
  case invalidArgs = "invalid_args"
  case unknownCommand = "unknown_command"
  case forbidden
  case notEligible = "not_eligible"
  case wrongState = "wrong_state"
  case notYourTurn = "not_your_turn"
  case alreadyVoted = "already_voted"
  case abstainNotAllowed = "abstain_not_allowed"
  case noQuorum = "no_quorum"
  case outOfOrder = "out_of_order"
  case duplicate
  case notFound = "not_found"
  case rateLimited = "rate_limited"
  case unavailable
}

public struct Rejection: Error, Codable, Sendable, Hashable, CustomStringConvertible {
  public var code: RejectionCode
  public var message: String

  public init(_ code: RejectionCode, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "\(code.rawValue): \(message)" }
}
