// motion.propose / second / withdraw / keep / ruleOut (protocol.md §7; rules.md §4.1).

public enum ProposeMotion: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var kind: MotionKind
    public var args: JSON?
    public var seat: String?
  }
  public static let name = "motion.propose"
  public static let roles: Set<Role> = [.delegate, .chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let mover = try state.actingSeat(context, args.seat)
    try state.requireOpenSession()
    try state.requireNoVoteOpen()
    if state.session.mode == .voting && state.motions.votingProcedure {
      // Voting procedure (§6.5): between votes only the motions that belong to it are in order.
      guard state.rules.motions.spec(args.kind).inVotingProcedure else {
        throw Rejection(
          .outOfOrder, "The committee is in voting procedure; a \(args.kind.rawValue) motion is not in order.")
      }
    } else if !state.floorIsOpen {
      throw Rejection(.outOfOrder, "Motions are in order only when the floor is open (R4.2).")
    }
    try state.requireMayMove(mover)
    if !state.quorum.canDecide && args.kind != .suspendMeeting && args.kind != .adjournMeeting {
      // E-6: without a quorum the committee can only recess or adjourn to find one.
      throw Rejection(.noQuorum, "Without a quorum only suspension or adjournment of the meeting is in order.")
    }
    let motionArgs = args.args ?? .object([:])
    let parameters = try MotionParameters.parse(args.kind, motionArgs)
    let warnings = try state.checkInOrder(args.kind, parameters, mover: mover)
    let number = state.motions.raised + 1
    let spec = state.rules.motions.spec(args.kind)
    let motion = Motion(
      id: "M\(number)", kind: args.kind, by: mover, secondedBy: nil, args: motionArgs,
      status: spec.secondRequired ? .awaitingSecond : .onFloor, number: number, raisedAt: context.now,
      warnings: warnings)
    return [MotionProposed(motion: motion)]
  }
}

public enum SecondMotion: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var motion: String
    public var seat: String?
  }
  public static let name = "motion.second"
  public static let roles: Set<Role> = [.delegate, .chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let seat = try state.actingSeat(context, args.seat)
    try state.requireOpenSession()
    try state.requireNoVoteOpen()
    guard let motion = state.motions.motion(args.motion) else {
      throw Rejection(.notFound, "There is no pending motion \(args.motion).")
    }
    // Where no second is needed (UNSC rule 34) a second is still recorded: it lets the
    // seconder keep the motion alive if the mover withdraws it (R4.5).
    guard motion.secondedBy == nil, motion.status != .voting else {
      throw Rejection(.wrongState, "\(motion.id) is already seconded.")
    }
    guard seat != motion.by else { throw Rejection(.outOfOrder, "The mover cannot second its own motion (R4.4).") }
    try state.requireMayMove(seat)
    return [MotionSeconded(motion: motion.id, by: seat, at: context.now)]
  }
}

public enum WithdrawMotion: CommandHandler {
  public struct Args: Decodable, Sendable { public var motion: String }
  public static let name = "motion.withdraw"
  public static let roles: Set<Role> = [.delegate]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard let motion = state.motions.motion(args.motion) else {
      throw Rejection(.notFound, "There is no pending motion \(args.motion).")
    }
    guard motion.by == context.actor.seat else {
      throw Rejection(.forbidden, "Only the mover may withdraw \(motion.id).")
    }
    guard motion.status != .voting else { throw Rejection(.wrongState, "\(motion.id) is being voted on.") }
    let keepable = state.rules.motions.seconderMayKeep && motion.secondedBy != nil
    return [MotionWithdrawn(motion: motion.id, by: motion.by, keepable: keepable, at: context.now)]
  }
}

/// UNSC rule 35: the seconder insists that a withdrawn motion be put, as its own.
public enum KeepMotion: CommandHandler {
  public struct Args: Decodable, Sendable { public var motion: String }
  public static let name = "motion.keep"
  public static let roles: Set<Role> = [.delegate]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard let motion = state.motions.withdrawn.first(where: { $0.id == args.motion }) else {
      throw Rejection(.notFound, "There is no withdrawn motion \(args.motion) to keep alive.")
    }
    guard let seat = context.actor.seat, motion.secondedBy == seat else {
      throw Rejection(.forbidden, "Only the seconder of \(motion.id) may keep it alive.")
    }
    try state.requireOpenSession()
    try state.requireNoVoteOpen()
    return [MotionKept(motion: motion.id, by: seat, at: context.now)]
  }
}

public enum RuleOutMotion: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var motion: String
    public var reason: String
    public var dilatory: Bool?
  }
  public static let name = "motion.ruleOut"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard let motion = state.motions.motion(args.motion) else {
      throw Rejection(.notFound, "There is no pending motion \(args.motion).")
    }
    guard motion.status != .voting else { throw Rejection(.wrongState, "\(motion.id) is being voted on.") }
    guard !args.reason.isEmpty else { throw Rejection(.invalidArgs, "A ruling needs a reason (args.reason).") }
    let dilatory = args.dilatory ?? false
    let appealable = !dilatory || state.rules.motions.dilatoryRulingsAppealable
    return [
      MotionRuledOut(
        motion: motion.id, ruling: "R\(state.motions.rulings.count + 1)", reason: args.reason, dilatory: dilatory,
        appealable: appealable, at: context.now)
    ]
  }
}
