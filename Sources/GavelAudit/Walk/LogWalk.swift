// Reading a committee log from start to end for the audit: pages of rows, each checked against
// the hash chain (invariant 9), decoded, handed to a visitor with the state BEFORE it, then
// evolved. One pass, constant memory besides the state: every audit output is a function of
// exactly this sequence (rules.md §8.3 check 8).
import GavelCore
import GavelStore

/// One logged event with its envelope, as the audit sees it.
public struct AuditRow: Sendable {
  public let stored: StoredEvent
  public let event: Event
  public var seq: Int64 { stored.seq }
  public var at: Int64 { stored.at }
}

/// Where the walk stopped early: the first seq that breaks the chain or cannot be decoded.
public struct ChainProblem: Sendable, Equatable {
  public let seq: Int64
  public let reason: String
}

public struct WalkSummary: Sendable {
  /// Rows read and accepted (up to the first chain problem).
  public var events: Int
  public var lastSeq: Int64
  public var problem: ChainProblem?
}

public enum LogWalk {
  static let genesis = [UInt8](repeating: 0, count: 32)
  static let pageSize = 4096

  /// Walks the whole log of `store`, calling `visit(row, stateBefore)` for each sound row, then
  /// applying it. Stops at the first row that breaks the chain or does not decode.
  public static func run(
    _ store: EventStore, through end: Int64 = .max,
    visit: (AuditRow, CommitteeState) -> Void
  ) -> (WalkSummary, CommitteeState) {
    var state = CommitteeState()
    var summary = WalkSummary(events: 0, lastSeq: 0, problem: nil)
    var prev = genesis
    var expected: Int64 = 1
    func stop(_ seq: Int64, _ reason: String) -> (WalkSummary, CommitteeState) {
      summary.problem = ChainProblem(seq: seq, reason: reason)
      return (summary, state)
    }
    // Rows below seq 1 are outside the chain; their presence alone means someone wrote around
    // the store's triggers.
    do {
      if let first = try store.events(after: .min, limit: 1).first, first.seq < 1 {
        return stop(first.seq, "a row with seq \(first.seq) lies outside the chain")
      }
    } catch {
      return stop(1, "the events cannot be read: \(error.message)")
    }
    while expected <= end {
      let page: [StoredEvent]
      do {
        page = try store.events(after: expected - 1, limit: pageSize)
      } catch {
        return stop(error.firstBadSeq ?? expected, "the events cannot be read: \(error.message)")
      }
      if page.isEmpty { break }
      for stored in page {
        if stored.seq > end { return (summary, state) }
        guard stored.seq == expected else {
          return stop(expected, "seq \(expected) is missing (the next row is seq \(stored.seq))")
        }
        guard stored.prevHash == prev else {
          return stop(expected, "prev_hash does not match the hash of seq \(expected - 1)")
        }
        guard stored.isSelfConsistent else { return stop(expected, "the hash does not match the row's content") }
        let event: Event
        do {
          event = try stored.decode()
        } catch {
          return stop(expected, error.description)
        }
        visit(AuditRow(stored: stored, event: event), state)
        evolve(&state, event)
        prev = stored.hash
        summary.events += 1
        summary.lastSeq = stored.seq
        expected += 1
      }
    }
    return (summary, state)
  }
}
