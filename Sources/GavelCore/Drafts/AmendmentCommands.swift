// amendment.submit / accept / order (protocol.md §7; rules.md §5.8): friendly when every sponsor
// accepts (incorporated at once), otherwise voted before the draft in the ruled order.

public enum SubmitAmendment: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var draft: String
    public var clause: Int
    public var action: AmendmentAction
    public var text: String?
  }
  public static let name = "amendment.submit"
  public static let roles: Set<Role> = [.delegate]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let seat = context.actor.seat!
    guard state.committee.seat(seat)?.kind == .member else {
      throw Rejection(.notEligible, "Only members may submit amendments (§1.2).")
    }
    let draft = try state.requireDraft(args.draft, before: .voting)
    let text = args.text ?? ""
    switch args.action {
    case .add:
      guard args.clause == 0 || draft.operative.contains(where: { $0.n == args.clause }) else {
        throw Rejection(.invalidArgs, "\(draft.id) has no operative clause \(args.clause) to add after.")
      }
      guard !text.isEmpty else { throw Rejection(.invalidArgs, "An added clause needs text.") }
    case .modify:
      guard draft.operative.contains(where: { $0.n == args.clause }) else {
        throw Rejection(.invalidArgs, "\(draft.id) has no operative clause \(args.clause).")
      }
      guard !text.isEmpty else { throw Rejection(.invalidArgs, "A revision needs the new text.") }
    case .strike:
      guard draft.operative.contains(where: { $0.n == args.clause }) else {
        throw Rejection(.invalidArgs, "\(draft.id) has no operative clause \(args.clause).")
      }
    }
    let amendment = Amendment(
      id: "\(draft.id)/Amend.\(draft.amendments.count + 1)", draft: draft.id, clause: args.clause,
      action: args.action, text: text, by: seat, submittedAt: context.now)
    return [AmendmentSubmitted(amendment: amendment)]
  }
}

public enum AcceptAmendment: CommandHandler {
  public struct Args: Decodable, Sendable { public var amendment: String }
  public static let name = "amendment.accept"
  public static let roles: Set<Role> = [.delegate]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let seat = context.actor.seat!
    guard let draft = state.drafts.owner(ofAmendment: args.amendment), let amendment = draft.amendment(args.amendment)
    else { throw Rejection(.notFound, "There is no amendment \(args.amendment).") }
    _ = try state.requireDraft(draft.id, before: .voting)
    guard draft.sponsors.contains(seat) else {
      throw Rejection(.forbidden, "Only a sponsor of \(draft.id) may accept.")
    }
    guard amendment.status == .submitted else {
      throw Rejection(.wrongState, "\(amendment.id) is \(amendment.status.rawValue).")
    }
    guard !amendment.acceptedBy.contains(seat) else {
      throw Rejection(.duplicate, "\(state.name(seat)) already accepted.")
    }
    var events: [any EventPayload] = [AmendmentAccepted(amendment: amendment.id, seat: seat, at: context.now)]
    if Set(amendment.acceptedBy + [seat]).isSuperset(of: draft.sponsors) {
      events.append(AmendmentIncorporated(amendment: amendment.id, at: context.now))
    }
    return events
  }
}

/// The chair rules on the order of amendments (GA rule 90: furthest removed first).
public enum OrderAmendments: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var draft: String
    public var order: [String]
  }
  public static let name = "amendment.order"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let draft = try state.requireDraft(args.draft, before: .voting)
    guard Set(args.order).count == args.order.count else { throw Rejection(.invalidArgs, "Name each amendment once.") }
    for id in args.order where draft.amendment(id)?.isPending != true {
      throw Rejection(.notFound, "\(id) is not a pending amendment of \(draft.id).")
    }
    return [AmendmentsOrdered(draft: draft.id, order: args.order, at: context.now)]
  }
}
