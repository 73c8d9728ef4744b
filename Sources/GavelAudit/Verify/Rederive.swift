// Decisions re-derived: the vote commands whose arguments the log itself holds (vote.open,
// vote.count, vote.close, vote.cancel) are decided again, through the core's own `decide`, on
// the replayed state before them, and must give exactly the logged events, byte for byte. This
// catches a forged event whose hash chain was rebuilt around it. Ballots — most of a long log —
// take the fast path: VoteChecks.ballot checks every rule `vote.cast` applies, without the cost
// of decoding arguments and encoding events again for each one.
import GavelCore
import GavelStore

/// The command a logged event is the first fact of, rebuilt from the event.
enum Rederive {
  static func command(for row: AuditRow, _ s: CommitteeState) -> (Command, Context)? {
    let stored = row.stored
    var context = Context(now: row.at, actor: stored.actor, commandId: stored.commandId ?? "")
    switch row.event.payload {
    case let opened as VoteOpened:
      let vote = opened.vote
      var args: [String: JSON] = [
        "subject": ["kind": .string(vote.subject.kind.rawValue), "id": .string(vote.subject.id)],
        "method": .string(vote.method.rawValue),
      ]
      if let chapter = vote.chapter {
        args["chapter"] = .string(chapter.rawValue)
        // Parties of a chapter without obligatory abstention leave no trace but a warning; any
        // voting seat stands in for them.
        let parties = vote.art27Parties.isEmpty ? Array(vote.eligible.prefix(1)) : vote.art27Parties
        args["art27Parties"] = .array(parties.map(JSON.string))
      }
      let voting = s.rules.voting
      if vote.question == .substantive && voting.importantQuestionEnabled && vote.threshold == voting.importantThreshold
        && voting.importantThreshold != voting.substantiveThreshold
      {
        args["important"] = true
      }
      if vote.classification == "CHAIR_RULING" { args["classification"] = .string(vote.question.rawValue) }
      context.draw = vote.draw ?? 0
      context.actor = .chair
      return (Command("vote.open", .object(args)), context)
    case let count as PlacardCounted:
      context.actor = .chair
      return (
        Command("vote.count", ["yes": .int(count.yes), "no": .int(count.no), "abstain": .int(count.abstain)]), context
      )
    case is VoteClosed, is SecondRoundStarted:
      context.actor = .chair
      return (Command("vote.close"), context)
    case is VoteCancelled:
      context.actor = .chair
      return (Command("vote.cancel"), context)
    default:
      return nil
    }
  }
}

/// The events a re-derived command must have logged, matched one row at a time.
struct Expectation {
  let command: String
  let events: [Event]
  let envelope: Envelope
  var next = 0

  var isDone: Bool { next >= events.count }

  /// Nil when the row is the expected event; otherwise why not.
  mutating func match(_ row: AuditRow) -> String? {
    let want = events[next]
    next += 1
    let bytes = EventCodec.encode(want)
    if row.stored.name == want.name && row.stored.payload == bytes { return nil }
    if row.stored.name != want.name {
      return "\(command) on the replayed state gives \(want.name) here, the log has \(row.stored.name)"
    }
    let logged = (try? JSON.parse(row.stored.payload)) ?? .null
    let derived = (try? JSON.parse(bytes)) ?? .null
    let first = derived.diff(to: logged).first
    let path = first?.path ?? ""
    return "\(row.stored.name) differs from what \(command) gives on the replayed state at \(path.isEmpty ? "/" : path)"
      + " (logged \(value(logged, at: path)), derived \(value(derived, at: path)))"
  }

  private func value(_ json: JSON, at path: String) -> String {
    var node: JSON? = json
    for token in path.split(separator: "/", omittingEmptySubsequences: true) {
      let key = String(token)
      if let array = node?.arrayValue, let i = Int(key), i < array.count { node = array[i] } else { node = node?[key] }
    }
    let text = node?.text ?? "nothing"
    return text.count > 120 ? String(text.prefix(117)) + "..." : text
  }
}

/// Who logged a row: rows of one command share it.
struct Envelope: Equatable {
  let actor: Actor
  let credentialId: Int64?
  let commandId: String?
  let at: Int64

  init(_ row: StoredEvent) {
    actor = row.actor
    credentialId = row.credentialId
    commandId = row.commandId
    at = row.at
  }
}
