// Kind-specific order checks made when a motion is proposed (rules.md §4.2, E-27, E-28, E-36).
// Returns warnings to log with the motion; throws when the motion is out of order.

extension CommitteeState {
  func checkInOrder(_ kind: MotionKind, _ parameters: MotionParameters, mover: String) throws(Rejection) -> [String] {
    let spec = rules.motions.spec(kind)
    if spec.votingProcedureOnly && !motions.votingProcedure {
      throw Rejection(.outOfOrder, "A \(kind.rawValue) motion is in order only in voting procedure, after closure.")
    }
    switch parameters {
    case .moderated(let total, let speaker, _):
      guard speaker <= total else { throw Rejection(.outOfOrder, "The speaking time exceeds the caucus total.") }
      let slots = CommitteeState.caucusSlots(totalMs: total, speakerMs: speaker)
      if slots.leftoverMs != 0 {
        return ["mod_leftover: \(slots.slots) speakers of \(speaker) ms leave \(slots.leftoverMs) ms unused (E-28)."]
      }
    case .extend(let ms):
      let inCaucus = caucus != nil || session.mode == .moderatedCaucus || session.mode == .unmoderatedCaucus
      guard inCaucus else { throw Rejection(.outOfOrder, "No caucus is running to extend.") }
      if motions.caucusExtensions >= rules.motions.caucusExtensionMaxCount {
        throw Rejection(.outOfOrder, "This caucus has already been extended the maximum number of times (E-27).")
      }
      if rules.motions.extensionLeOriginal && ms > motions.caucusOriginalMs {
        throw Rejection(.outOfOrder, "An extension may not be longer than the original caucus (E-27).")
      }
    case .none:
      switch kind {
      case .closeDebate where motions.votingProcedure:
        throw Rejection(.outOfOrder, "Debate is already closed; the committee is in voting procedure.")
      case .adjournDebate where motions.debateAdjourned:
        throw Rejection(.outOfOrder, "Debate on the item is already adjourned.")
      case .resumeDebate where !motions.debateAdjourned:
        throw Rejection(.outOfOrder, "Debate on the item is not adjourned.")
      default: break
      }
    case .draft(let id):
      guard let draft = drafts.draft(id) else { throw Rejection(.notFound, "There is no draft \(id).") }
      guard draft.status == .approved else {
        throw Rejection(.outOfOrder, "\(id) must be approved by the dais before it is introduced.")
      }
    case .amendment(let id):
      guard let amendment = drafts.owner(ofAmendment: id)?.amendment(id) else {
        throw Rejection(.notFound, "There is no amendment \(id).")
      }
      guard amendment.status == .submitted else {
        throw Rejection(.outOfOrder, "\(id) is \(amendment.status.rawValue).")
      }
    case .divide(let id, let groups):
      guard let draft = drafts.draft(id) else { throw Rejection(.notFound, "There is no draft \(id).") }
      guard draft.isVotable else { throw Rejection(.outOfOrder, "\(id) is not before the committee for a vote.") }
      guard draft.parts.allSatisfy({ $0.status != .pending }) else {
        throw Rejection(.outOfOrder, "\(id) has already been divided.")
      }
      let numbers = Set(draft.operative.map(\.n))
      for n in groups.flatMap({ $0 }) where !numbers.contains(n) {
        throw Rejection(.invalidArgs, "\(id) has no operative clause \(n).")
      }
    case .reorder(let order):
      for id in order where drafts.draft(id) == nil { throw Rejection(.notFound, "There is no draft \(id).") }
    case .vote(let id):
      try checkReconsider(id, mover: mover)
    case .ruling(let id):
      try checkAppeal(id)
    case .speakingTime, .unmoderated, .suspend, .agenda:
      break
    }
    return []
  }

  /// An appeal names a motion ruling (`R1`, …) or a ruling on a point of order (`P1`, …, Core I).
  private func checkAppeal(_ id: String) throws(Rejection) {
    if let ruling = motions.rulings.first(where: { $0.id == id }) {
      guard ruling.appealable, !ruling.overturned else {
        throw Rejection(.outOfOrder, "Ruling \(id) cannot be appealed.")
      }
      return
    }
    guard points.rulings.contains(where: { $0.id == id }) else {
      throw Rejection(.notFound, "There is no ruling \(id).")
    }
    guard !motions.overturnedRulings.contains(id) else {
      throw Rejection(.outOfOrder, "The ruling on \(id) has already been overturned.")
    }
  }

  /// E-36: only a decided draft vote, and (by default) only from the prevailing side.
  private func checkReconsider(_ id: String, mover: String) throws(Rejection) {
    guard let old = votes.first(where: { $0.id == id }) else { throw Rejection(.notFound, "There is no vote \(id).") }
    guard old.outcome != .void, old.subject.kind == .draft else {
      throw Rejection(.outOfOrder, "Only a decided vote on a draft can be reconsidered.")
    }
    if rules.motions.reconsiderPrevailingSideOnly {
      let prevailing: Choice = old.outcome == .adopted ? .yes : .no
      guard old.ballots[mover] == prevailing else {
        throw Rejection(
          .outOfOrder,
          "Only a seat that voted \(prevailing.rawValue) (the prevailing side) may move to reconsider \(id).")
      }
    }
  }
}
