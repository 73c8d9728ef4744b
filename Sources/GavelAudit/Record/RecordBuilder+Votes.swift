// Votes in the record (rules.md §5, §8.1 item 7, §8.2 "Recorded vote listing"): how the vote
// was taken, every ballot with its round, the In favour / Against / Abstaining lists in roll
// order, the permanent members' answers, and the President's announcement as logged.
import GavelCore

extension RecordBuilder {
  func addVote(_ row: AuditRow, _ s: CommitteeState) -> Bool {
    let seq = row.seq
    switch row.event.payload {
    case let e as VoteOpened:
      opened(e.vote, seq: seq, s)
    case let e as BallotCast:
      guard let i = voteIndex[e.vote] else { return true }
      votes[i].ballots.append(
        BallotLine(seat: e.seat, name: name(e.seat), choice: e.choice.rawValue, round: e.round, rights: e.rights, seq: seq,
          at: e.at))
    case let e as PlacardCounted:
      guard let i = voteIndex[e.vote] else { return true }
      votes[i].yes = e.yes
      votes[i].no = e.no
      votes[i].abstain = e.abstain
    case let e as SecondRoundStarted:
      guard let i = voteIndex[e.vote] else { return true }
      votes[i].methodText += " In a second round, \(Wording.list(e.order.map(name))), having passed, \(e.order.count == 1 ? "was" : "were") called again."
    case let e as VoteClosed:
      guard let i = voteIndex[e.vote], let open = s.vote, open.id == e.vote else { return true }
      closed(i, open, e, seq: seq)
    case let e as VoteCancelled:
      guard let i = voteIndex[e.vote] else { return true }
      votes[i].closedSeq = seq
      votes[i].closedAt = e.at
      votes[i].outcome = Outcome.void.rawValue
      votes[i].reason = OutcomeReason.moot.rawValue
      votes[i].announcement = "The vote was cancelled."
      if let open = s.vote, open.id == e.vote {
        let t = open.tally
        (votes[i].yes, votes[i].no, votes[i].abstain) = (t.yes, t.no, t.abstain)
        votes[i].notVotingCount = open.eligible.count - t.participants
      }
    default:
      return false
    }
    return true
  }

  func subjectText(_ subject: VoteSubject, _ s: CommitteeState) -> String {
    switch subject.kind {
    case .motion: return motionNames[subject.id] ?? "motion \(subject.id)"
    case .draft:
      let title = s.drafts.draft(subject.id).map { ", \"\($0.title)\"" } ?? ""
      return "draft resolution \(subject.id)\(title)"
    case .amendment:
      let draft = s.drafts.owner(ofAmendment: subject.id)?.id ?? "?"
      return "amendment \(subject.id) to draft resolution \(draft)"
    case .part:
      let owner = s.drafts.owner(ofPart: subject.id)
      let clauses = owner?.part(subject.id)?.clauses.map(String.init).joined(separator: ", ") ?? ""
      return "\(subject.id) (operative paragraphs \(clauses)) of draft resolution \(owner?.id ?? "?")"
    }
  }

  func opened(_ v: OpenVote, seq: Int64, _ s: CommitteeState) {
    let methodText: String
    switch v.method {
    case .placard: methodText = "A vote was taken by show of hands."
    case .recorded: methodText = "A recorded vote was taken."
    case .rollCall:
      let drawn = v.drawnSeat.map(name) ?? "-"
      methodText = "A vote was taken by roll call. The name of \(drawn) was drawn by lot (draw \(v.draw ?? 0)); the call began with \(drawn)."
    }
    let required = s.rules.voting.scAffirmativeRequired
    let entry = VoteEntry(
      id: v.id, openedSeq: seq, closedSeq: nil, subject: subjectText(v.subject, s), subjectKind: v.subject.kind.rawValue,
      subjectId: v.subject.id, question: v.question.rawValue, threshold: v.threshold.rawValue,
      thresholdText: Wording.thresholdText(v.threshold, required: required), method: v.method.rawValue,
      methodText: methodText, drawnSeat: v.drawnSeat, order: v.order, ballots: [], inFavour: [], against: [],
      abstaining: [], notVoting: [], yes: 0, no: 0, abstain: 0, notVotingCount: 0, outcome: nil, reason: nil, vetoedBy: [],
      permanentMembers: [], announcement: nil, resolution: nil, warnings: v.warnings, openedAt: v.openedAt,
      closedAt: nil)
    voteIndex[v.id] = votes.count
    votes.append(entry)
    var item = Item(.vote, seq: seq, at: v.openedAt, text: "The President put \(entry.subject) to the vote (\(v.id)).")
    item.vote = v.id
    if v.subject.kind == .motion { item.motion = v.subject.id }
    append(item)
  }

  func closed(_ i: Int, _ open: OpenVote, _ e: VoteClosed, seq: Int64) {
    let final = open.ballots.filter { $0.value != .pass }
    let roll = definition?.seats.map(\.code) ?? open.eligible
    func names(_ choice: Choice) -> [String] { roll.filter { final[$0] == choice }.map(name) }
    votes[i].closedSeq = seq
    votes[i].closedAt = e.at
    votes[i].yes = e.tally.yes
    votes[i].no = e.tally.no
    votes[i].abstain = e.tally.abstain
    votes[i].notVotingCount = e.notVoting
    votes[i].inFavour = names(.yes)
    votes[i].against = names(.no)
    votes[i].abstaining = names(.abstain)
    votes[i].notVoting = open.count == nil ? roll.filter { open.eligible.contains($0) && final[$0] == nil }.map(name) : []
    votes[i].outcome = e.outcome.rawValue
    votes[i].reason = e.reason.rawValue
    votes[i].vetoedBy = e.vetoedBy
    votes[i].announcement = e.announcement
    votes[i].resolution = e.resolution
    votes[i].warnings = e.warnings
    if (open.threshold == .scSubstantive || open.threshold == .scProcedural) && !open.log.isEmpty {
      let holders = definition?.members.filter(\.veto).map(\.code) ?? []
      votes[i].permanentMembers = holders.map { code in
        let choice = final[code]?.rawValue ?? (open.eligible.contains(code) ? "not_voting" : "absent")
        let round = open.log.last { $0.seat == code }?.round ?? 0
        return BallotLine(seat: code, name: name(code), choice: choice, round: round, rights: false, seq: nil, at: nil)
      }
    }
    for seat in open.rights { explanationsOwed[seat] = open.id }
  }
}
