// point.raise / point.resolve (§3.5, R3.11–R3.12, E-21, E-22): who may raise which point, and
// which points may interrupt a speaker — PPP only for audibility, a point of order only where
// the profile follows UN practice, a parliamentary inquiry never (only when the floor is open).

enum PointRaise: CommandHandler {
  static let name = "point.raise"
  static let roles: Set<Role> = [.delegate]
  struct Args: Decodable {
    var kind: PointKind
    var text: String?
    /// A PPP about audibility, the one personal-privilege point that may interrupt a speaker.
    var audibility: Bool?
  }
  static let maxText = 2_000

  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    let code = context.actor.seat ?? ""
    let seat = try state.seatOrNotFound(code)
    let text = (args.text ?? "").trimmingSpaces
    guard text.count <= maxText else {
      throw Rejection(.invalidArgs, "A point's text is limited to \(maxText) characters.")
    }
    guard state.session.phase == .open else { throw Rejection(.wrongState, "Points are raised in an open session.") }
    if args.kind == .order && !state.mayRaisePointOfOrder(seat) {
      throw Rejection(.notEligible, "\(CommitteeState.describe(seat)) and may not raise a point of order (§1.2).")
    }
    if state.session.mode == .voting || state.vote != nil {
      guard args.kind == .order else {
        throw Rejection(
          .outOfOrder, "During voting only a point of order on the conduct of the vote is in order (E-22).")
      }
    }
    guard !state.points.items.contains(where: { $0.by == code && $0.kind == args.kind }) else {
      throw Rejection(.duplicate, "Your \(args.kind.rawValue.replacingUnderscores) point is still before the chair.")
    }
    let interrupts = try interruption(args, seat, state)
    let id = "P\(state.points.raised + 1)"
    return [PointRaised(id: id, kind: args.kind, by: code, text: text, interrupts: interrupts, at: context.now)]
  }

  /// Whether the point interrupts a speaker; throws when it may not be raised while one speaks.
  static func interruption(_ args: Args, _ seat: Seat, _ state: CommitteeState) throws(Rejection) -> Bool {
    guard let speech = state.currentSpeech else {
      if args.kind == .information {
        throw Rejection(.outOfOrder, "Points of information are in order only after a speaker yields to questions.")
      }
      return false
    }
    switch args.kind {
    case .personalPrivilege:
      guard args.audibility == true else {
        throw Rejection(
          .outOfOrder, "A point of personal privilege may interrupt a speaker only for audibility; raise it afterwards."
        )
      }
      return true
    case .order:
      guard state.rules.floor.pointOfOrderInterruptsSpeaker else {
        throw Rejection(
          .outOfOrder, "A point of order may not interrupt a speaker in this committee; raise it afterwards.")
      }
      return true
    case .parliamentaryInquiry:
      throw Rejection(.outOfOrder, "A parliamentary inquiry is in order only when the floor is open.")
    case .information:
      guard speech.kind == .questions else {
        throw Rejection(.outOfOrder, "Points of information are in order only after a speaker yields to questions.")
      }
      guard speech.seat != seat.code else { throw Rejection(.outOfOrder, "A speaker cannot question itself.") }
      return false
    }
  }
}

enum PointResolve: CommandHandler {
  static let name = "point.resolve"
  static let roles: Set<Role> = [.chair]
  struct Args: Decodable {
    var id: String
    var ruling: String?
  }
  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    guard state.points.items.contains(where: { $0.id == args.id }) else {
      throw Rejection(.notFound, "There is no pending point \(args.id).")
    }
    let ruling = args.ruling?.trimmingSpaces
    return [PointResolved(id: args.id, ruling: ruling?.isEmpty == true ? nil : ruling, at: context.now)]
  }
}
