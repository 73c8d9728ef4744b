// An adopted motion takes effect. Effects on the floor (suspension, caucus, speaking time,
// agenda) are Core I's events emitted alongside; this event carries the effects on motions,
// votes and drafts, and removes the motion from the floor.

public struct MotionExecuted: EventPayload {
  public static let wireName = "motionExecuted"
  public var motion: String
  public var kind: MotionKind
  public var args: JSON
  /// The vote that adopted it; nil for motions that take no vote (e.g. a roll-call request).
  public var vote: String?
  public var at: Int64

  public init(motion: String, kind: MotionKind, args: JSON, vote: String?, at: Int64) {
    self.motion = motion
    self.kind = kind
    self.args = args
    self.vote = vote
    self.at = at
  }

  public func apply(to state: inout CommitteeState) {
    state.motions.pending.removeAll { $0.id == motion }
    guard let parameters = try? MotionParameters.parse(kind, args) else { return }
    switch parameters {
    case .moderated(let total, _, _), .unmoderated(let total, _):
      state.motions.caucusExtensions = 0
      state.motions.caucusOriginalMs = total
    case .extend:
      state.motions.caucusExtensions += 1
    case .none:
      applySimple(to: &state)
    case .draft(let id):
      state.drafts.update(id) { $0.status = .introduced }
    case .amendment(let id):
      if let owner = state.drafts.owner(ofAmendment: id) {
        state.drafts.update(owner.id) { draft in draft.updateAmendment(id) { $0.status = .introduced } }
      }
    case .divide(let id, let groups):
      state.drafts.update(id) { draft in
        let first = draft.parts.count
        for (k, group) in groups.enumerated() {
          draft.parts.append(DraftPart(id: "\(id)/Part.\(first + k + 1)", clauses: group, status: .pending))
        }
      }
    case .reorder(let order):
      let rest = state.drafts.order.filter { !order.contains($0) }
      state.drafts.order = order.filter { state.drafts.draft($0) != nil } + rest
    case .vote(let voteId):
      guard let old = state.votes.first(where: { $0.id == voteId }) else { return }
      state.motions.reconsidering[old.subject.id] = voteId
      reopen(old.subject, in: &state)
    case .ruling(let rulingId):
      guard let i = state.motions.rulings.firstIndex(where: { $0.id == rulingId }) else {
        state.motions.overturnedRulings.append(rulingId)
        return
      }
      state.motions.rulings[i].overturned = true
      var reinstated = state.motions.rulings[i].motion
      reinstated.status = .onFloor
      state.motions.pending.append(reinstated)
    case .speakingTime, .suspend, .agenda:
      break
    }
  }

  private func applySimple(to state: inout CommitteeState) {
    switch kind {
    case .adjournDebate:
      state.motions.debateAdjourned = true
      for draft in state.drafts.drafts where draft.status == .introduced || draft.status == .approved {
        state.drafts.update(draft.id) { $0.status = .tabled }
      }
    case .resumeDebate:
      state.motions.debateAdjourned = false
      for draft in state.drafts.drafts where draft.status == .tabled {
        state.drafts.update(draft.id) { $0.status = .introduced }
      }
    case .closeDebate:
      state.motions.votingProcedure = true
      state.session.mode = .voting
      state.session.since = at
    case .rollCallVote:
      state.motions.rollCallRequested = true
    default:
      break
    }
  }

  /// Reconsideration (§5.11) makes the draft votable again; the old vote is never touched.
  private func reopen(_ subject: VoteSubject, in state: inout CommitteeState) {
    guard subject.kind == .draft else { return }
    // The draft goes back to the vote, so the committee is in voting procedure again.
    state.motions.votingProcedure = true
    state.session.mode = .voting
    state.session.since = at
    state.drafts.update(subject.id) { draft in
      draft.status = .introduced
      draft.resolution = nil
    }
  }
}
