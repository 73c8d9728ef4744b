// vote.close and vote.cancel. Closing a roll call with passes starts the second round (§5.3
// step 5); otherwise the result is computed, announced and its consequences logged: an
// adopted motion executed, moot amendments, a draft left without operative text (E-30).

public enum CloseVote: CommandHandler {
  public typealias Args = NoArgs
  public static let name = "vote.close"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard let vote = state.vote else { throw Rejection(.wrongState, "No vote is open.") }
    let isPresent = state.attendance.isPresent
    if vote.method == .rollCall && vote.round == 1 {
      if let next = vote.next(isPresent: isPresent) {
        throw Rejection(.outOfOrder, "\(state.name(next)) has not been called yet; every seat answers (§5.5).")
      }
      let passed = vote.passedSeats
      if !passed.isEmpty { return [SecondRoundStarted(vote: vote.id, order: passed, at: context.now)] }
    }
    // Round 2: a seat that still gives no valid answer is recorded not voting (FORCE_NOT_VOTING).
    return state.closingEvents(vote, at: context.now)
  }
}

public enum CancelVote: CommandHandler {
  public typealias Args = NoArgs
  public static let name = "vote.cancel"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard let vote = state.vote else { throw Rejection(.wrongState, "No vote is open.") }
    return [VoteCancelled(vote: vote.id, at: context.now)]
  }
}

extension CommitteeState {
  func closingEvents(_ vote: OpenVote, at: Int64) -> [any EventPayload] {
    let (result, challenged) = vote.result(rules: rules.voting, quorumNow: quorum)
    let tally = vote.tally
    let resolution =
      vote.subject.kind == .draft && result.outcome == .adopted
      ? "\(committee.symbolPrefix)/RES/\(drafts.resolutions + 1)" : nil
    let text = Announcement.text(
      subject: vote.subject.kind, tally: tally, result: result, resolution: resolution,
      announceAlsoVetoed: rules.voting.announceAlsoVetoed)
    let closed = VoteClosed(
      vote: vote.id, tally: tally, notVoting: vote.eligible.count - tally.participants, outcome: result.outcome,
      reason: result.reason, vetoedBy: result.vetoedBy, quorumChallenged: challenged, announcement: text,
      resolution: resolution, warnings: vote.warnings + result.warnings, at: at)
    var events: [any EventPayload] = [closed]
    guard result.outcome != .void else { return events }
    let after = evolve(self, Event(closed))
    switch vote.subject.kind {
    case .motion:
      if result.outcome == .adopted, let motion = motions.motion(vote.subject.id) {
        events += after.executionEvents(motion, vote: vote.id, at: at)
      }
    case .amendment:
      if result.outcome == .adopted, let draft = after.drafts.owner(ofAmendment: vote.subject.id),
        let amendment = draft.amendment(vote.subject.id)
      {
        let moot = draft.mootedBy(amendment)
        if !moot.isEmpty {
          events.append(AmendmentsMooted(draft: draft.id, amendments: moot, by: amendment.id, at: at))
        }
      }
    case .part:
      if rules.drafts.allOperativeFailedRejects, let draft = after.drafts.owner(ofPart: vote.subject.id),
        draft.pendingPartsInOrder.isEmpty, draft.operative.isEmpty
      {
        events.append(
          DraftRejectedWithoutVote(
            draft: draft.id, reason: "Every operative part was rejected; no final vote (GA rule 89).", at: at))
      }
    case .draft:
      break
    }
    return events
  }
}
