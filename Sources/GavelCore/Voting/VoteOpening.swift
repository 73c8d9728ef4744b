// Opening a vote (rules.md §5.1–§5.4, R2.8, R2.9): the subject's order checks, question type and
// threshold from the profile, the electorate and quorum frozen, and for a roll call the
// starting seat drawn from `context.draw` and logged with the draw (§5.3 steps 1–2).

public struct VoteRequest: Sendable, Hashable {
  public var subject: VoteSubject
  public var method: VotingMethod?
  public var art27Parties: [String] = []
  public var chapter: CharterChapter?
  /// GA important question (rules 83–85): the two-thirds threshold.
  public var important: Bool = false
  /// R5.1 / E-15: the dais classifies a disputed question as non-procedural (the preliminary
  /// question); nil keeps the preset's classification.
  public var classification: QuestionType?

  public init(subject: VoteSubject, method: VotingMethod? = nil) {
    self.subject = subject
    self.method = method
  }
}

extension CommitteeState {
  func openVote(_ request: VoteRequest, _ context: Context) throws(Rejection) -> [any EventPayload] {
    try requireOpenSession()
    if let vote { throw Rejection(.wrongState, "Vote \(vote.id) is still open.") }
    let (question, threshold) = try questionFor(request)
    let voting = rules.voting
    let wantsRollCall = question == .substantive && motions.rollCallRequested
    let method = request.method ?? (wantsRollCall ? .rollCall : voting.defaultMethod)

    let eligible = committee.seats.filter { seat in
      guard attendance.isPresent(seat.code) else { return false }
      if seat.kind == .member { return true }
      return question == .procedural && seat.kind == .observer && voting.observerProceduralVote
    }.map(\.code)
    let quorum = self.quorum
    guard quorum.canDecide, !eligible.isEmpty else {
      throw Rejection(
        .noQuorum, "The decision quorum is not met (\(quorum.present) of \(quorum.toDecide) members present).")
    }

    var vote = OpenVote(
      id: nextVoteId, subject: request.subject, question: question, threshold: threshold, method: method,
      order: eligible, eligible: eligible,
      presentAndVoting: eligible.filter { attendance.status($0) == .presentAndVoting }, quorum: quorum,
      members: committee.members.count, openedAt: context.now)
    vote.vetoHolders = eligible.filter { committee.seat($0)?.veto == true }
    vote.absentVetoHolders = committee.members.filter { $0.veto && !eligible.contains($0.code) }.map(\.code)
    if threshold == .scSubstantive && !vote.absentVetoHolders.isEmpty {
      vote.warnings.append(
        "\(vote.absentVetoHolders.joined(separator: ", ")) absent: "
          + (voting.p5AbsenceIsVeto ? "counted as a veto (p5_absence_is_veto)." : "not a veto (R5.6.4)."))
    }
    if method == .rollCall {
      let start = Int(context.draw % UInt64(eligible.count))
      vote.order = Array(eligible[start...] + eligible[..<start])
      vote.drawnSeat = eligible[start]
      vote.draw = context.draw
    }
    vote.classification = request.classification == nil ? "PRESET_DEFAULT" : "CHAIR_RULING"
    vote.reconsiders = question == .substantive ? motions.reconsidering[request.subject.id] : nil

    var forced: [any EventPayload] = []
    if !request.art27Parties.isEmpty {
      guard voting.art27Enforcement else {
        throw Rejection(.outOfOrder, "This committee's rules do not apply Art. 27(3).")
      }
      guard question == .substantive, let chapter = request.chapter else {
        throw Rejection(.invalidArgs, "Art. 27(3) parties need a substantive question and args.chapter.")
      }
      for party in request.art27Parties where !eligible.contains(party) {
        throw Rejection(.notEligible, "\(name(party)) does not vote on this question.")
      }
      vote.chapter = chapter
      if chapter.obligesAbstention {
        vote.art27Parties = request.art27Parties
        forced = request.art27Parties.map {
          BallotCast(vote: vote.id, seat: $0, choice: .abstain, round: 1, rights: false, byChair: true, at: context.now)
        }
      } else {
        vote.warnings.append("Chapter \(chapter.rawValue): obligatory abstention does not apply (R5.6.5).")
      }
    }
    let uses = wantsRollCall && method == .rollCall
    return [VoteOpened(vote: vote, usesRollCallRequest: uses)] + forced
  }

  private func questionFor(_ request: VoteRequest) throws(Rejection) -> (QuestionType, ThresholdID) {
    let voting = rules.voting
    let substantive =
      request.important && voting.importantQuestionEnabled ? voting.importantThreshold : voting.substantiveThreshold
    let id = request.subject.id
    switch request.subject.kind {
    case .motion:
      guard points.isEmpty else {
        throw Rejection(.outOfOrder, "Points are disposed of before any motion is put (R3.11).")
      }
      guard let top = motionToPut, top.id == id else {
        throw Rejection(.outOfOrder, "\(id) is not the motion with precedence on the floor.")
      }
      guard let threshold = rules.motions.spec(top.kind).threshold else {
        throw Rejection(.outOfOrder, "A \(top.kind.rawValue) motion takes no vote; put it with motion.put.")
      }
      if request.classification == .substantive { return (.substantive, voting.substantiveThreshold) }
      return (.procedural, threshold)
    case .draft:
      guard let draft = drafts.draft(id) else { throw Rejection(.notFound, "There is no draft \(id).") }
      try requireDraftVotable(draft)
      if let amendment = draft.amendmentsInVotingOrder(addOrDeleteFirst: rules.drafts.addOrDeleteFirst).first {
        throw Rejection(.outOfOrder, "Amendment \(amendment.id) must be voted before the draft (§5.8).")
      }
      if let part = draft.pendingPartsInOrder.first {
        throw Rejection(.outOfOrder, "\(part.id) must be voted before the remaining text (§5.7).")
      }
      if let first = drafts.order.compactMap({ drafts.draft($0) }).first(where: \.isVotable), first.id != id {
        throw Rejection(.outOfOrder, "\(first.id) comes first in the voting order (§5.9).")
      }
      return (.substantive, substantive)
    case .amendment:
      guard let draft = drafts.owner(ofAmendment: id), let amendment = draft.amendment(id) else {
        throw Rejection(.notFound, "There is no amendment \(id).")
      }
      try requireDraftVotable(draft)
      guard amendment.isPending else {
        throw Rejection(.outOfOrder, "\(id) is \(amendment.status.rawValue) and is not voted.")
      }
      let next = draft.amendmentsInVotingOrder(addOrDeleteFirst: rules.drafts.addOrDeleteFirst).first
      guard next?.id == id else {
        throw Rejection(.outOfOrder, "\(next?.id ?? "another amendment") is voted first (§5.8).")
      }
      return (.substantive, substantive)
    case .part:
      guard let draft = drafts.owner(ofPart: id) else { throw Rejection(.notFound, "There is no part \(id).") }
      try requireDraftVotable(draft)
      if let amendment = draft.amendmentsInVotingOrder(addOrDeleteFirst: rules.drafts.addOrDeleteFirst).first {
        throw Rejection(.outOfOrder, "Amendment \(amendment.id) must be voted first (§6.5).")
      }
      guard draft.pendingPartsInOrder.first?.id == id else {
        throw Rejection(.outOfOrder, "Parts are voted in document order (§5.7).")
      }
      return (.substantive, substantive)
    }
  }

  private func requireDraftVotable(_ draft: Draft) throws(Rejection) {
    guard draft.isVotable else {
      if draft.nonMember && draft.requestedBy == nil {
        throw Rejection(
          .outOfOrder, "\(draft.id) was submitted by a non-member; a member must request a vote (rule 38).")
      }
      throw Rejection(.outOfOrder, "\(draft.id) is \(draft.status.rawValue) and cannot be voted.")
    }
    if rules.drafts.votingRequiresClosure && !motions.votingProcedure {
      throw Rejection(.outOfOrder, "Drafts are voted only in voting procedure, after debate is closed (§6.5).")
    }
  }
}
