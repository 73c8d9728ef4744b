// draft.submit / sign / unsign / approve / withdraw / request (protocol.md §7; rules.md §6,
// R1.3, R6.2–R6.4, E-11, E-31).

public struct ClauseInput: Decodable, Sendable {
  public var kind: ClauseKind
  public var text: String
}

public enum SubmitDraft: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var title: String
    public var sponsors: [String]
    public var signatories: [String]?
    public var clauses: [ClauseInput]
  }
  public static let name = "draft.submit"
  public static let roles: Set<Role> = [.delegate, .chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard !args.title.isEmpty else { throw Rejection(.invalidArgs, "A draft needs a title.") }
    guard !args.sponsors.isEmpty, Set(args.sponsors).count == args.sponsors.count else {
      throw Rejection(.invalidArgs, "List each sponsor once (args.sponsors).")
    }
    let submitter = context.actor.role == .delegate ? context.actor.seat! : args.sponsors[0]
    guard args.sponsors.contains(submitter) else {
      throw Rejection(.invalidArgs, "The submitting seat must be a sponsor.")
    }
    let rules = state.rules.drafts
    guard args.sponsors.count <= rules.maxSponsors else {
      throw Rejection(.outOfOrder, "At most \(rules.maxSponsors) sponsors are allowed.")
    }
    var nonMember = false
    for code in args.sponsors {
      guard let seat = state.committee.seat(code) else { throw Rejection(.notFound, "There is no seat \(code).") }
      if seat.kind == .participant && rules.participantsMaySubmit && code == submitter {
        nonMember = true
      } else if seat.kind != .member {
        throw Rejection(.notEligible, "\(seat.name) is a \(seat.kind.rawValue) and cannot sponsor a draft.")
      }
    }
    guard args.clauses.contains(where: { $0.kind == .operative }), args.clauses.allSatisfy({ !$0.text.isEmpty }) else {
      throw Rejection(.invalidArgs, "A draft needs at least one operative clause and no empty clause.")
    }
    var signatories = args.sponsors
    for code in args.signatories ?? [] where !signatories.contains(code) {
      try state.requireMaySign(code)
      signatories.append(code)
    }
    var preambular = 0
    var operative = 0
    let clauses = args.clauses.map { input -> Clause in
      switch input.kind {
      case .preambular: preambular += 1; return Clause(n: preambular, kind: .preambular, text: input.text)
      case .operative: operative += 1; return Clause(n: operative, kind: .operative, text: input.text)
      }
    }
    let draft = Draft(
      id: "\(state.committee.symbolPrefix)/DR/\(state.drafts.submitted + 1)", title: args.title,
      submittedBy: submitter, sponsors: args.sponsors, signatories: signatories,
      status: nonMember ? .submittedNonMember : .workingPaper, clauses: clauses, nonMember: nonMember,
      submittedAt: context.now)
    return [DraftSubmitted(draft: draft)]
  }
}

public struct DraftArgs: Decodable, Sendable {
  public var draft: String
}

public enum SignDraft: CommandHandler {
  public typealias Args = DraftArgs
  public static let name = "draft.sign"
  public static let roles: Set<Role> = [.delegate]

  public static func decide(_ args: DraftArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let seat = context.actor.seat!
    let draft = try state.requireDraft(args.draft, before: .voting)
    guard !draft.signatories.contains(seat) else {
      throw Rejection(.duplicate, "\(state.name(seat)) has already signed.")
    }
    try state.requireMaySign(seat)
    return [DraftSigned(draft: draft.id, seat: seat, at: context.now)]
  }
}

public enum UnsignDraft: CommandHandler {
  public typealias Args = DraftArgs
  public static let name = "draft.unsign"
  public static let roles: Set<Role> = [.delegate]

  public static func decide(_ args: DraftArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let seat = context.actor.seat!
    let draft = try state.requireDraft(args.draft, before: .voting)
    guard draft.signatories.contains(seat) else { throw Rejection(.notFound, "\(state.name(seat)) has not signed.") }
    let sponsor = draft.sponsors.contains(seat)
    if sponsor && draft.sponsors.count == 1 {
      throw Rejection(.outOfOrder, "The last sponsor cannot leave a draft; withdraw it instead.")
    }
    let remaining = state.memberSignatories(draft.signatories.filter { $0 != seat })
    let below = remaining < state.signatoriesRequired
    let advanced = draft.status == .approved || draft.status == .introduced
    let reverted = below && advanced && !state.rules.drafts.keepBelowThreshold
    return [DraftUnsigned(draft: draft.id, seat: seat, sponsor: sponsor, reverted: reverted, at: context.now)]
  }
}

public enum ApproveDraft: CommandHandler {
  public typealias Args = DraftArgs
  public static let name = "draft.approve"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: DraftArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let draft = try state.requireDraft(args.draft, before: .voting)
    guard draft.status == .workingPaper || draft.status == .submittedNonMember else {
      throw Rejection(.wrongState, "\(draft.id) is already \(draft.status.rawValue).")
    }
    let count = state.memberSignatories(draft.signatories)
    let required = state.signatoriesRequired
    guard count >= required else {
      throw Rejection(.outOfOrder, "\(draft.id) has \(count) member signatories; \(required) are required (§6.2).")
    }
    return [DraftApproved(draft: draft.id, signatories: count, required: required, at: context.now)]
  }
}

public enum RequestDraftVote: CommandHandler {
  public typealias Args = DraftArgs
  public static let name = "draft.request"
  public static let roles: Set<Role> = [.delegate]

  public static func decide(_ args: DraftArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let seat = context.actor.seat!
    let draft = try state.requireDraft(args.draft, before: .voting)
    guard draft.nonMember, draft.requestedBy == nil else {
      throw Rejection(.wrongState, "\(draft.id) needs no member's request.")
    }
    guard state.committee.seat(seat)?.kind == .member else {
      throw Rejection(.notEligible, "Only a member may request a vote on a non-member's draft (rule 38).")
    }
    return [DraftVoteRequested(draft: draft.id, by: seat, at: context.now)]
  }
}

public enum WithdrawDraft: CommandHandler {
  public typealias Args = DraftArgs
  public static let name = "draft.withdraw"
  public static let roles: Set<Role> = [.delegate, .chair]

  public static func decide(_ args: DraftArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let draft = try state.requireDraft(args.draft, before: .voting)
    if context.actor.role == .chair { return [DraftWithdrawn(draft: draft.id, at: context.now)] }
    let seat = context.actor.seat!
    guard draft.sponsors.contains(seat) else { throw Rejection(.forbidden, "Only a sponsor may withdraw \(draft.id).") }
    guard !draft.withdrawalConsents.contains(seat) else {
      throw Rejection(.duplicate, "\(state.name(seat)) already agreed.")
    }
    var events: [any EventPayload] = [DraftWithdrawalConsented(draft: draft.id, seat: seat, at: context.now)]
    // Every sponsor must agree (§4.2 "Withdraw draft").
    if Set(draft.withdrawalConsents + [seat]).isSuperset(of: draft.sponsors) {
      events.append(DraftWithdrawn(draft: draft.id, at: context.now))
    }
    return events
  }
}

extension CommitteeState {
  /// A draft that has not yet reached `status` in its lifecycle (here: not voted or closed).
  func requireDraft(_ id: String, before status: DraftStatus) throws(Rejection) -> Draft {
    guard let draft = drafts.draft(id) else { throw Rejection(.notFound, "There is no draft \(id).") }
    switch draft.status {
    case .voting, .adopted, .rejected, .vetoed, .withdrawn:
      throw Rejection(.wrongState, "\(id) is \(draft.status.rawValue).")
    default: return draft
    }
  }

  func requireMaySign(_ code: String) throws(Rejection) {
    guard let seat = committee.seat(code) else { throw Rejection(.notFound, "There is no seat \(code).") }
    let nonMember = seat.kind == .participant || seat.kind == .observer
    guard seat.kind == .member || (nonMember && rules.drafts.nonMemberMaySign) else {
      throw Rejection(.notEligible, "\(seat.name) is a \(seat.kind.rawValue) and may not sign drafts (R6.3).")
    }
  }

  /// Signatories counted toward the threshold: members only (R6.3).
  func memberSignatories(_ codes: [String]) -> Int {
    codes.filter { committee.seat($0)?.kind == .member }.count
  }

  var signatoriesRequired: Int { rules.drafts.signatoryThreshold.required(members: committee.members.count) }
}
