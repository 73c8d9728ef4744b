// One finding of `gavel verify`: the seq where the log first goes wrong, a stable code and a
// sentence an auditor can act on (design.md: errors are structs with a code and a sentence).

public struct AuditProblem: Sendable, Equatable, CustomStringConvertible {
  public enum Code: String, Sendable {
    /// The hash chain is broken, a row is missing or out of place (§8.3 check 8).
    case chain
    /// A payload cannot be decoded by this build.
    case undecodable
    /// A vote opened without the decision quorum, or with a wrong electorate (check 3).
    case quorum
    /// A ballot from a seat that may not cast it, twice, out of turn or after the close (check 2).
    case ballot
    /// The recorded outcome differs from the one the rules give (check 1).
    case outcome
    /// The roll-call order does not follow from the logged draw (check 7).
    case rollCallOrder = "roll_call_order"
    /// A moot or already decided subject was put to the vote (check 6).
    case subject
    /// Re-running the command on the replayed state does not give the logged events.
    case rederived
  }

  public let seq: Int64
  public let code: Code
  public let message: String

  public init(seq: Int64, code: Code, message: String) {
    self.seq = seq
    self.code = code
    self.message = message
  }

  public var description: String { "seq \(seq) [\(code.rawValue)]: \(message)" }
}

/// What `verify` found: counts, and the problems in log order (the first is the one to fix).
public struct AuditReport: Sendable {
  public var events: Int = 0
  public var lastSeq: Int64 = 0
  public var votes: Int = 0
  public var ballots: Int = 0
  public var problems: [AuditProblem] = []

  public init() {}

  public var isValid: Bool { problems.isEmpty }
  public var firstProblem: AuditProblem? { problems.first }

  /// The short summary `gavel verify` prints (one or two lines).
  public var summary: String {
    let counts = "\(events) events, \(votes) votes, \(ballots) ballots"
    guard let first = firstProblem else {
      return "ok: \(counts); chain intact, every event decodable, every outcome derived again (last seq \(lastSeq))"
    }
    let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
    return "bad: \(counts) read; first problem at seq \(first.seq): \(first.message)\(more)"
  }
}
