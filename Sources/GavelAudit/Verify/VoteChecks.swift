// The vote checks of rules.md §8.3, written out independently of the core's command handlers:
// quorum and electorate at open (check 3), the roll-call order from the draw (check 7), moot
// amendments never voted (check 6), each ballot from an eligible seat, once per round, in turn,
// before the close and never an abstention the rules forbid (check 2), and the outcome derived
// again with the pure threshold functions (check 1).
import GavelCore

enum VoteChecks {
  static func opened(_ vote: OpenVote, _ s: CommitteeState) -> (AuditProblem.Code, String)? {
    if let open = s.vote { return (.subject, "vote \(vote.id) opened while vote \(open.id) was still open") }
    let quorum = s.quorum
    guard vote.quorum == quorum else {
      return (.quorum, "vote \(vote.id) froze a quorum of \(vote.quorum.present)/\(vote.quorum.toDecide), but \(quorum.present) members were present")
    }
    guard quorum.canDecide else {
      return (.quorum, "vote \(vote.id) opened without the decision quorum (\(quorum.present) of \(quorum.toDecide) members present)")
    }
    let electorate = s.committee.seats.filter { seat in
      guard s.attendance.isPresent(seat.code) else { return false }
      if seat.kind == .member { return true }
      return vote.question == .procedural && seat.kind == .observer && s.rules.voting.observerProceduralVote
    }.map(\.code)
    guard vote.eligible == electorate else {
      return (.quorum, "vote \(vote.id) froze the electorate [\(vote.eligible.joined(separator: ", "))], but the seats present with a vote were [\(electorate.joined(separator: ", "))]")
    }
    if vote.method == .rollCall {
      guard let draw = vote.draw, !electorate.isEmpty else {
        return (.rollCallOrder, "roll-call vote \(vote.id) has no logged draw")
      }
      let start = Int(draw % UInt64(electorate.count))
      let order = Array(electorate[start...] + electorate[..<start])
      guard vote.order == order, vote.drawnSeat == electorate[start] else {
        return (.rollCallOrder, "roll-call vote \(vote.id): draw \(draw) gives the order starting at \(electorate[start]), not the logged one starting at \(vote.order.first ?? "-")")
      }
    } else if vote.order != electorate {
      return (.rollCallOrder, "vote \(vote.id): the call order is not the roll order")
    }
    if vote.subject.kind == .amendment {
      guard let draft = s.drafts.owner(ofAmendment: vote.subject.id), let amendment = draft.amendment(vote.subject.id) else {
        return (.subject, "vote \(vote.id) is on amendment \(vote.subject.id), which does not exist")
      }
      guard amendment.isPending else {
        return (.subject, "vote \(vote.id) put amendment \(amendment.id) to the vote although it was \(amendment.status.rawValue)")
      }
    }
    if vote.subject.kind == .draft {
      guard let draft = s.drafts.draft(vote.subject.id), draft.isVotable else {
        return (.subject, "vote \(vote.id) is on draft \(vote.subject.id), which was not votable")
      }
    }
    return nil
  }

  static func ballot(_ b: BallotCast, _ s: CommitteeState) -> (AuditProblem.Code, String)? {
    guard let vote = s.vote, vote.id == b.vote else {
      return (.ballot, "\(b.seat)'s ballot on vote \(b.vote) came when that vote was not open (after its close)")
    }
    guard vote.eligible.contains(b.seat) else {
      return (.ballot, "\(b.seat) voted on \(vote.id) but is not in its frozen electorate")
    }
    guard b.round == vote.round else { return (.ballot, "\(b.seat) answered in round \(b.round) while round \(vote.round) was on") }
    guard !vote.answered(b.seat, round: b.round) else {
      return (.ballot, "\(b.seat) voted twice in round \(b.round) of \(vote.id)")
    }
    guard vote.count == nil else { return (.ballot, "\(b.seat) voted on \(vote.id) after the placard totals were entered") }
    let forced = vote.art27Parties.contains(b.seat)
    if forced && !(b.choice == .abstain && b.byChair) {
      return (.ballot, "\(b.seat) is an Art. 27(3) party and must abstain on \(vote.id)")
    }
    if b.choice == .abstain && !forced {
      if vote.question == .procedural && !s.rules.voting.abstainOnProcedural {
        return (.ballot, "\(b.seat) abstained on procedural vote \(vote.id), where abstentions are not allowed")
      }
      if vote.question == .substantive && s.rules.voting.pvCannotAbstain && vote.presentAndVoting.contains(b.seat) {
        return (.ballot, "\(b.seat) declared present and voting and abstained on substantive vote \(vote.id)")
      }
    }
    if b.round == 2 {
      guard vote.secondRound.contains(b.seat), b.choice == .yes || b.choice == .no else {
        return (.ballot, "\(b.seat)'s second-round answer on \(vote.id) is not a yes or no of a seat that passed")
      }
    } else if b.choice == .pass && !(vote.method == .rollCall && s.rules.voting.passAllowed) {
      return (.ballot, "\(b.seat) passed on \(vote.id), which is not a roll call allowing passes")
    }
    if b.rights && !(s.rules.voting.rightsAllowed && vote.method == .rollCall && (b.choice == .yes || b.choice == .no)) {
      return (.ballot, "\(b.seat) voted \(b.choice.rawValue) with rights on \(vote.id), which only a roll-call yes or no may carry")
    }
    if vote.method == .rollCall && !forced {
      let next = vote.next(isPresent: { s.attendance.isPresent($0) })
      guard next == b.seat else { return (.ballot, "\(b.seat) answered out of turn on \(vote.id) (\(next ?? "nobody") was called)") }
    }
    return nil
  }

  /// The outcome derived again from the ballots (or placard totals), the frozen electorate and
  /// the convened rules, compared field by field with what was logged.
  static func closed(_ c: VoteClosed, _ s: CommitteeState) -> (AuditProblem.Code, String)? {
    guard let vote = s.vote, vote.id == c.vote else { return (.outcome, "vote \(c.vote) was closed but was not open") }
    let (result, challenged) = vote.result(rules: s.rules.voting, quorumNow: s.quorum)
    let tally = vote.tally
    let resolution =
      vote.subject.kind == .draft && result.outcome == .adopted
      ? "\(s.committee.symbolPrefix)/RES/\(s.drafts.resolutions + 1)" : nil
    let text = Announcement.text(
      subject: vote.subject.kind, tally: tally, result: result, resolution: resolution,
      announceAlsoVetoed: s.rules.voting.announceAlsoVetoed)
    func differs(_ what: String, _ logged: String, _ derived: String) -> (AuditProblem.Code, String) {
      (.outcome, "vote \(c.vote): the log records \(what) \(logged), the ballots and rules give \(derived)")
    }
    if c.tally != tally { return differs("the tally", show(c.tally), show(tally)) }
    if c.notVoting != vote.eligible.count - tally.participants {
      return differs("not voting", "\(c.notVoting)", "\(vote.eligible.count - tally.participants)")
    }
    if c.outcome != result.outcome || c.reason != result.reason {
      return differs("the outcome", "\(c.outcome.rawValue) (\(c.reason.rawValue))", "\(result.outcome.rawValue) (\(result.reason.rawValue))")
    }
    if c.vetoedBy != result.vetoedBy {
      return differs("vetoes by", "[\(c.vetoedBy.joined(separator: ", "))]", "[\(result.vetoedBy.joined(separator: ", "))]")
    }
    if c.quorumChallenged != challenged { return differs("quorum challenged", "\(c.quorumChallenged)", "\(challenged)") }
    if c.resolution != resolution { return differs("the resolution", c.resolution ?? "none", resolution ?? "none") }
    if c.announcement != text { return differs("the announcement", "\"\(c.announcement)\"", "\"\(text)\"") }
    return nil
  }

  static func show(_ t: Tally) -> String { "\(t.yes)-\(t.no)-\(t.abstain)" }
}
