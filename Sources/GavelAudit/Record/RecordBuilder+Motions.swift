// Motions and documents in the record (rules.md §4, §6): who moved and seconded what, rulings,
// withdrawals and discards, motions that take effect without a vote; drafts submitted, signed,
// approved, requested under rule 38, withdrawn; amendments and moot amendments (E-29).
import GavelCore

extension RecordBuilder {
  func motionArgs(_ kind: MotionKind, _ args: JSON) -> String {
    guard let p = try? MotionParameters.parse(kind, args) else { return "" }
    switch p {
    case .speakingTime(let ms): return " (\(Wording.duration(ms)))"
    case .moderated(let total, let speaker, let topic):
      return " of \(Wording.duration(total)), \(Wording.duration(speaker)) per speaker, on \"\(topic)\""
    case .unmoderated(let total, let topic): return " of \(Wording.duration(total))" + (topic.map { " on \"\($0)\"" } ?? "")
    case .extend(let ms): return " by \(Wording.duration(ms))"
    case .suspend(let d): return d.map { " for \(Wording.duration($0))" } ?? ""
    case .none: return ""
    case .agenda(let topic): return " to \"\(topic)\""
    case .draft(let id), .amendment(let id): return " \(id)"
    case .divide(let draft, let parts):
      return " of \(draft) into parts " + parts.map { "(\($0.map(String.init).joined(separator: ", ")))" }.joined(separator: ", ")
    case .reorder(let order): return ": \(order.joined(separator: ", "))"
    case .vote(let id): return " of vote \(id)"
    case .ruling(let id): return " \(id)"
    }
  }

  func addMotion(_ row: AuditRow, _ s: CommitteeState) -> Bool {
    let seq = row.seq
    let at = row.at
    var item: Item
    switch row.event.payload {
    case let e as MotionProposed:
      let m = e.motion
      let what = "a motion \(Wording.motionName(m.kind))\(motionArgs(m.kind, m.args))"
      motionNames[m.id] = "the motion \(Wording.motionName(m.kind))\(motionArgs(m.kind, m.args)) (\(m.id)), moved by \(name(m.by))"
      item = Item(.motion, seq: seq, at: m.raisedAt, text: "\(name(m.by)) moved \(what) (\(m.id)).")
      item.seat = m.by
      item.motion = m.id
    case let e as MotionSeconded:
      item = Item(.motion, seq: seq, at: at, text: "\(name(e.by)) seconded motion \(e.motion).")
      item.motion = e.motion
    case let e as MotionWithdrawn:
      item = Item(.motion, seq: seq, at: at, text: "Motion \(e.motion) was withdrawn by \(name(e.by)).")
      item.motion = e.motion
    case let e as MotionKept:
      item = Item(.motion, seq: seq, at: at, text: "\(name(e.by)) asked that motion \(e.motion) be put to the vote as its own motion (rule 35).")
      item.motion = e.motion
    case let e as MotionRuledOut:
      let dilatory = e.dilatory ? " as dilatory" : ""
      let appeal = e.appealable ? "" : " The ruling is not appealable."
      item = Item(.ruling, seq: seq, at: at, text: "The President ruled motion \(e.motion) out of order\(dilatory) (ruling \(e.ruling)): \(e.reason)\(e.reason.hasSuffix(".") ? "" : ".")\(appeal)")
      item.motion = e.motion
    case let e as MotionDiscarded:
      item = Item(.motion, seq: seq, at: at, text: "Motion \(e.motion) lapsed on the adoption of motion \(e.adopted).")
      item.motion = e.motion
    case let e as MotionExecuted:
      guard e.vote == nil else { return true }
      item = Item(.motion, seq: seq, at: at, text: "Motion \(e.motion) \(Wording.motionName(e.kind)) took effect without a vote.")
      item.motion = e.motion
    default:
      return false
    }
    append(item)
    return true
  }

  func addDocument(_ row: AuditRow, _ s: CommitteeState) -> Bool {
    let seq = row.seq
    let at = row.at
    let text: String
    switch row.event.payload {
    case let e as DraftSubmitted:
      let d = e.draft
      let status = d.nonMember ? " It may be put to the vote only at the request of a member of the Council (rule 38)." : ""
      text = "Draft resolution \(d.id), \"\(d.title)\", was submitted by \(name(d.submittedBy)) (sponsors: "
        + "\(Wording.list(d.sponsors.map(name))); signatories: \(d.signatories.count)).\(status)"
    case let e as DraftSigned: text = "\(name(e.seat)) signed draft resolution \(e.draft)."
    case let e as DraftUnsigned:
      text = "\(name(e.seat)) withdrew its \(e.sponsor ? "sponsorship of" : "signature from") draft resolution \(e.draft)"
        + (e.reverted ? "; the draft returned to a working paper." : ".")
    case let e as DraftApproved:
      text = "The President approved draft resolution \(e.draft) for distribution (\(e.signatories) signatories; \(e.required) required)."
    case let e as DraftVoteRequested:
      text = "\(name(e.by)) requested under rule 38 that draft resolution \(e.draft) be put to the vote."
    case let e as DraftWithdrawalConsented: text = "\(name(e.seat)) consented to the withdrawal of draft resolution \(e.draft)."
    case let e as DraftWithdrawn: text = "Draft resolution \(e.draft) was withdrawn."
    case let e as AmendmentSubmitted:
      let a = e.amendment
      let action = a.action == .add ? "to add after operative paragraph \(a.clause)" : a.action == .strike
        ? "to delete operative paragraph \(a.clause)" : "to revise operative paragraph \(a.clause)"
      text = "\(name(a.by)) submitted amendment \(a.id) to draft resolution \(a.draft), \(action)"
        + (a.text.isEmpty ? "." : ": \"\(a.text)\".")
    case let e as AmendmentAccepted: text = "\(name(e.seat)) accepted amendment \(e.amendment) as a sponsor."
    case let e as AmendmentIncorporated:
      text = "Amendment \(e.amendment), accepted by every sponsor, was incorporated without a vote."
    case let e as AmendmentsOrdered:
      text = "The President ruled that the amendments to \(e.draft) be voted in the order \(e.order.joined(separator: ", "))."
    case let e as AmendmentsMooted:
      text = "On the adoption of amendment \(e.by), \(Wording.list(e.amendments)) became moot and \(e.amendments.count == 1 ? "was" : "were") not put to the vote."
    case let e as DraftRejectedWithoutVote:
      text = "Draft resolution \(e.draft) was rejected without a final vote: \(e.reason)"
    default:
      return false
    }
    append(Item(.document, seq: seq, at: at, text: text))
    return true
  }
}
