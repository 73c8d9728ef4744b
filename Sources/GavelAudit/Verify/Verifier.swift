// `gavel verify` as a library call: one walk over the log (chain, decoding), and for every vote
// event the independent checks of VoteChecks, then the command re-derived through the core's
// `decide` (Rederive). Stops reading at a chain problem; collects audit problems in log order.
import GavelCore
import GavelStore

public enum Verifier {
  /// At most this many problems are kept (the first is what matters; the rest are for context).
  static let maxProblems = 100

  public static func verify(_ store: EventStore) -> AuditReport {
    let auditor = Auditor()
    let (walk, _) = LogWalk.run(store) { row, before in auditor.check(row, before) }
    if walk.problem == nil { auditor.finish(lastSeq: walk.lastSeq) }
    var report = auditor.report
    report.events = walk.events
    report.lastSeq = walk.lastSeq
    if let problem = walk.problem {
      let code: AuditProblem.Code = problem.reason.hasPrefix("cannot decode") ? .undecodable : .chain
      report.problems.append(AuditProblem(seq: problem.seq, code: code, message: problem.reason))
      report.problems.sort { $0.seq < $1.seq }
    }
    return report
  }
}

final class Auditor {
  var report = AuditReport()
  private var expectation: Expectation?

  func add(_ seq: Int64, _ code: AuditProblem.Code, _ message: String) {
    guard report.problems.count < Verifier.maxProblems else { return }
    report.problems.append(AuditProblem(seq: seq, code: code, message: message))
  }

  func check(_ row: AuditRow, _ s: CommitteeState) {
    let envelope = Envelope(row.stored)
    // The independent checks speak first: their sentences name the rule that was broken.
    let independent = independentCheck(row, s)
    var rederived: String?
    var consumed = false
    if var expected = expectation {
      if expected.isDone {
        expectation = nil
        if envelope == expected.envelope && envelope.commandId != nil {
          rederived = "\(expected.command) logged an extra event \(row.stored.name)"
        }
      } else if envelope != expected.envelope {
        rederived = "\(expected.command) should also have logged \(expected.events[expected.next].name) before this row"
        expectation = nil
      } else {
        rederived = expected.match(row)
        expectation = expected
        consumed = true
      }
    }
    if let (code, message) = independent {
      add(row.seq, code, message)
    } else if let rederived {
      add(row.seq, .rederived, rederived)
    }
    guard !consumed, independent == nil, rederived == nil,
      let (command, context) = Rederive.command(for: row, s)
    else { return }
    do {
      let events = try decide(command, s, context)
      var expected = Expectation(command: command.name, events: events, envelope: envelope)
      if let problem = expected.match(row) {
        add(row.seq, .rederived, problem)
      } else {
        expectation = expected
      }
    } catch {
      add(row.seq, .rederived, "\(row.stored.name) could not have been logged: \(command.name) is refused on the replayed state (\(error))")
    }
  }

  private func independentCheck(_ row: AuditRow, _ s: CommitteeState) -> (AuditProblem.Code, String)? {
    switch row.event.payload {
    case let opened as VoteOpened:
      report.votes += 1
      return VoteChecks.opened(opened.vote, s)
    case let ballot as BallotCast:
      report.ballots += 1
      return VoteChecks.ballot(ballot, s)
    case let closed as VoteClosed:
      return VoteChecks.closed(closed, s)
    default:
      return nil
    }
  }

  /// A command cut short at the end of the log.
  func finish(lastSeq: Int64) {
    if let expected = expectation, !expected.isDone {
      add(lastSeq + 1, .rederived, "\(expected.command) should also have logged \(expected.events[expected.next].name) (the log ends)")
    }
  }
}
