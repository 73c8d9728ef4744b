// Document facts (rules.md §8.2 "Documents"): submission, signatures, approval, the rule 38
// request, withdrawal, and amendments (submitted, accepted, incorporated, ordered).

public struct DraftSubmitted: EventPayload {
  public static let wireName = "draftSubmitted"
  public var draft: Draft
  public init(draft: Draft) { self.draft = draft }
  public func apply(to state: inout CommitteeState) {
    state.drafts.drafts.append(draft)
    state.drafts.order.append(draft.id)
    state.drafts.submitted += 1
  }
}

public struct DraftSigned: EventPayload {
  public static let wireName = "draftSigned"
  public var draft: String
  public var seat: String
  public var at: Int64
  public init(draft: String, seat: String, at: Int64) {
    self.draft = draft
    self.seat = seat
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { draft in
      if !draft.signatories.contains(seat) { draft.signatories.append(seat) }
      draft.revision += 1
    }
  }
}

public struct DraftUnsigned: EventPayload {
  public static let wireName = "draftUnsigned"
  public var draft: String
  public var seat: String
  /// A sponsor left the sponsor list too (E-31).
  public var sponsor: Bool
  /// The draft fell below the signatory threshold and went back to a working paper (R6.4).
  public var reverted: Bool
  public var at: Int64
  public init(draft: String, seat: String, sponsor: Bool, reverted: Bool, at: Int64) {
    self.draft = draft
    self.seat = seat
    self.sponsor = sponsor
    self.reverted = reverted
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { draft in
      draft.signatories.removeAll { $0 == seat }
      if sponsor { draft.sponsors.removeAll { $0 == seat } }
      if reverted { draft.status = .workingPaper }
      draft.revision += 1
    }
  }
}

public struct DraftApproved: EventPayload {
  public static let wireName = "draftApproved"
  public var draft: String
  public var signatories: Int
  public var required: Int
  public var at: Int64
  public init(draft: String, signatories: Int, required: Int, at: Int64) {
    self.draft = draft
    self.signatories = signatories
    self.required = required
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { $0.status = .approved }
  }
}

/// UNSC rule 38: a Council member asks that a participant's draft be put to the vote.
public struct DraftVoteRequested: EventPayload {
  public static let wireName = "draftVoteRequested"
  public var draft: String
  public var by: String
  public var at: Int64
  public init(draft: String, by: String, at: Int64) {
    self.draft = draft
    self.by = by
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { $0.requestedBy = by }
  }
}

public struct DraftWithdrawalConsented: EventPayload {
  public static let wireName = "draftWithdrawalConsented"
  public var draft: String
  public var seat: String
  public var at: Int64
  public init(draft: String, seat: String, at: Int64) {
    self.draft = draft
    self.seat = seat
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { draft in
      if !draft.withdrawalConsents.contains(seat) { draft.withdrawalConsents.append(seat) }
    }
  }
}

public struct DraftWithdrawn: EventPayload {
  public static let wireName = "draftWithdrawn"
  public var draft: String
  public var at: Int64
  public init(draft: String, at: Int64) {
    self.draft = draft
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { $0.status = .withdrawn }
  }
}

public struct AmendmentSubmitted: EventPayload {
  public static let wireName = "amendmentSubmitted"
  public var amendment: Amendment
  public init(amendment: Amendment) { self.amendment = amendment }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(amendment.draft) { $0.amendments.append(amendment) }
  }
}

public struct AmendmentAccepted: EventPayload {
  public static let wireName = "amendmentAccepted"
  public var amendment: String
  public var seat: String
  public var at: Int64
  public init(amendment: String, seat: String, at: Int64) {
    self.amendment = amendment
    self.seat = seat
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let owner = state.drafts.owner(ofAmendment: amendment) else { return }
    state.drafts.update(owner.id) { draft in
      draft.updateAmendment(amendment) { if !$0.acceptedBy.contains(seat) { $0.acceptedBy.append(seat) } }
    }
  }
}

/// Every sponsor accepted: a friendly amendment, incorporated without a vote (§5.8).
public struct AmendmentIncorporated: EventPayload {
  public static let wireName = "amendmentIncorporated"
  public var amendment: String
  public var at: Int64
  public init(amendment: String, at: Int64) {
    self.amendment = amendment
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let owner = state.drafts.owner(ofAmendment: amendment) else { return }
    state.drafts.update(owner.id) { draft in
      draft.updateAmendment(amendment) {
        $0.friendly = true
        $0.status = .incorporated
      }
      if let incorporated = draft.amendment(amendment) { draft.apply(incorporated) }
    }
  }
}

/// The chair's ruling on the order of amendments (GA rule 90, UNSC rule 36).
public struct AmendmentsOrdered: EventPayload {
  public static let wireName = "amendmentsOrdered"
  public var draft: String
  public var order: [String]
  public var at: Int64
  public init(draft: String, order: [String], at: Int64) {
    self.draft = draft
    self.order = order
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.drafts.update(draft) { $0.amendmentOrder = order }
  }
}
