// The result of a vote, as announced (rules.md §5.5, §8.2), and what it does to its subject:
// a rejected motion leaves the floor, a draft is adopted (with its resolution symbol) or
// rejected, an adopted amendment changes the text, a failed part is struck (§5.7).

public struct VoteClosed: EventPayload {
  public static let wireName = "voteClosed"
  public var vote: String
  public var tally: Tally
  public var notVoting: Int
  public var outcome: Outcome
  public var reason: OutcomeReason
  public var vetoedBy: [String]
  public var quorumChallenged: Bool
  public var announcement: String
  /// `PREFIX/RES/n` for an adopted draft.
  public var resolution: String?
  public var warnings: [String]
  public var at: Int64

  public init(
    vote: String, tally: Tally, notVoting: Int, outcome: Outcome, reason: OutcomeReason, vetoedBy: [String],
    quorumChallenged: Bool, announcement: String, resolution: String?, warnings: [String], at: Int64
  ) {
    self.vote = vote
    self.tally = tally
    self.notVoting = notVoting
    self.outcome = outcome
    self.reason = reason
    self.vetoedBy = vetoedBy
    self.quorumChallenged = quorumChallenged
    self.announcement = announcement
    self.resolution = resolution
    self.warnings = warnings
    self.at = at
  }

  public func apply(to state: inout CommitteeState) {
    guard let open = state.vote, open.id == vote else { return }
    state.votes.append(
      ClosedVote(
        vote: open, tally: tally, notVoting: notVoting, outcome: outcome, reason: reason, vetoedBy: vetoedBy,
        quorumChallenged: quorumChallenged, announcement: announcement, closedAt: at, warnings: warnings))
    state.motions.reconsidering[open.subject.id] = nil
    if outcome == .void {
      state.setSubject(open.subject, voting: false)
      state.vote = nil
      return
    }
    state.vote = nil
    let adopted = outcome == .adopted
    let id = open.subject.id
    switch open.subject.kind {
    case .motion:
      // An adopted motion leaves the floor with `motionExecuted`, logged right after.
      if !adopted { state.motions.pending.removeAll { $0.id == id } }
    case .draft:
      state.drafts.update(id) { draft in
        draft.status = adopted ? .adopted : (reason == .veto ? .vetoed : .rejected)
        draft.resolution = adopted ? resolution : nil
      }
      if adopted { state.drafts.resolutions += 1 }
      state.endVotingProcedureIfDone(at: at)
    case .amendment:
      guard let owner = state.drafts.owner(ofAmendment: id) else { return }
      state.drafts.update(owner.id) { draft in
        draft.updateAmendment(id) { $0.status = adopted ? .adopted : .rejected }
        if adopted, let amendment = draft.amendment(id) { draft.apply(amendment) }
      }
    case .part:
      guard let owner = state.drafts.owner(ofPart: id) else { return }
      state.drafts.update(owner.id) { draft in
        guard let i = draft.parts.firstIndex(where: { $0.id == id }) else { return }
        draft.parts[i].status = adopted ? .adopted : .rejected
        if !adopted { draft.strike(operative: draft.parts[i].clauses) }
      }
    }
  }
}

/// Amendments an adopted amendment made moot (E-29): never put to the vote.
public struct AmendmentsMooted: EventPayload {
  public static let wireName = "amendmentsMooted"
  public var draft: String
  public var amendments: [String]
  public var by: String
  public var at: Int64
  public init(draft: String, amendments: [String], by: String, at: Int64) {
    self.draft = draft
    self.amendments = amendments
    self.by = by
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { draft in
      for id in amendments { draft.updateAmendment(id) { $0.status = .moot } }
    }
  }
}

/// GA rule 89 / E-30: every operative part failed, so the draft is rejected with no final vote.
public struct DraftRejectedWithoutVote: EventPayload {
  public static let wireName = "draftRejectedWithoutVote"
  public var draft: String
  public var reason: String
  public var at: Int64
  public init(draft: String, reason: String, at: Int64) {
    self.draft = draft
    self.reason = reason
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { $0.status = .rejected }
    state.endVotingProcedureIfDone(at: at)
  }
}

extension CommitteeState {
  /// Voting procedure ends once no draft is left to vote on (§6.5).
  mutating func endVotingProcedureIfDone(at: Int64) {
    guard motions.votingProcedure, !drafts.drafts.contains(where: \.isVotable) else { return }
    motions.votingProcedure = false
    if session.mode == .voting {
      session.mode = .formal
      session.since = at
    }
  }
}
