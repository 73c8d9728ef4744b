// Right of reply (R3.8–R3.10, E-24): asked for by the impugned delegation, granted or denied by
// the chair at discretion, with no second, no vote and no appeal. A reply to a reply is out of
// order unless the profile allows it.

enum ReplyAsk: CommandHandler {
  static let name = "reply.request"
  static let roles: Set<Role> = [.delegate]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let code = context.actor.seat ?? ""
    let seat = try state.seatOrNotFound(code)
    guard state.session.phase == .open else { throw Rejection(.wrongState, "The session is not open.") }
    guard state.mayReceiveTime(seat) else {
      throw Rejection(.notEligible, "\(CommitteeState.describe(seat)) and has no right of reply (§1.2).")
    }
    guard state.attendance.isPresent(code) else {
      throw Rejection(.notEligible, "\(seat.name) is not recorded present.")
    }
    let answered: (seat: String, kind: SpeechKind)
    if let speech = state.currentSpeech {
      answered = (speech.seat, speech.kind)
    } else if let last = state.speakers.last {
      answered = (last.seat, last.kind)
    } else {
      throw Rejection(.wrongState, "No speech has been made that a reply could answer.")
    }
    guard answered.seat != code else { throw Rejection(.outOfOrder, "A delegation cannot reply to its own speech.") }
    if answered.kind == .reply && !state.rules.floor.replyToReplyAllowed {
      throw Rejection(.outOfOrder, "A right of reply to a right of reply is out of order (R3.9).")
    }
    guard !state.speakers.replies.contains(where: { $0.seat == code }) else {
      throw Rejection(.duplicate, "\(seat.name) has already asked for a right of reply.")
    }
    return [ReplyRequested(seat: code, to: answered.seat, at: context.now)]
  }
}

struct ReplySeatArgs: Decodable { var seat: String }

enum ReplyGrant: CommandHandler {
  static let name = "reply.grant"
  static let roles: Set<Role> = [.chair]
  typealias Args = ReplySeatArgs
  static func decide(_ args: ReplySeatArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard state.speakers.replies.contains(where: { $0.seat == args.seat }) else {
      throw Rejection(.notFound, "\(state.name(args.seat)) has not asked for a right of reply.")
    }
    try state.requireSessionOpen("granting a reply")
    if let speech = state.currentSpeech {
      throw Rejection(.outOfOrder, "\(state.name(speech.seat)) holds the floor; grant the reply when the speech ends.")
    }
    guard state.caucus == nil else { throw Rejection(.outOfOrder, "End the caucus before granting a right of reply.") }
    guard state.attendance.isPresent(args.seat) else {
      throw Rejection(.notEligible, "\(state.name(args.seat)) is no longer present.")
    }
    return [ReplyGranted(seat: args.seat, timeMs: state.rules.floor.rightOfReplyMs, at: context.now)]
  }
}

enum ReplyDeny: CommandHandler {
  static let name = "reply.deny"
  static let roles: Set<Role> = [.chair]
  typealias Args = ReplySeatArgs
  static func decide(_ args: ReplySeatArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard state.speakers.replies.contains(where: { $0.seat == args.seat }) else {
      throw Rejection(.notFound, "\(state.name(args.seat)) has not asked for a right of reply.")
    }
    return [ReplyDenied(seat: args.seat, at: context.now)]
  }
}
