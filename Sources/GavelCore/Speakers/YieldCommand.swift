// speaker.yield: the one yield a speaker with time left may make (rules.md §3.3, §7.3, E-23).
// The remainder is `time − used`, rounded down to whole seconds (`roundMs`); a refused yield
// changes nothing, so the speech goes on.

enum SpeakerYield: CommandHandler {
  static let name = "speaker.yield"
  static let roles: Set<Role> = [.chair, .delegate]
  struct Args: Decodable {
    var to: YieldTarget
    var seat: String?
  }

  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    let speech = try state.requireSpeech()
    if context.actor.role == .delegate, context.actor.seat != speech.seat {
      throw Rejection(.notYourTurn, "Only \(state.name(speech.seat)), who holds the floor, may yield.")
    }
    guard state.session.phase == .open else { throw Rejection(.wrongState, "The session is not open.") }
    let floor = state.rules.floor
    let used = speech.usedMs(at: context.now)
    let step = max(1, floor.roundMs)
    let remainder = (speech.timeMs - used) / step * step
    if args.to != .chair {
      try checkYieldable(speech, remainder, floor, state)
    }
    var receiver: String? = nil
    if args.to == .delegate {
      receiver = try checkReceiver(args.seat, speech, state)
    }
    return [
      SpeechYielded(
        seat: speech.seat, to: args.to, receiver: receiver, usedMs: used, remainderMs: remainder, at: context.now)
    ]
  }

  static func checkYieldable(_ speech: Speech, _ remainder: Int, _ floor: FloorRules, _ state: CommitteeState)
    throws(Rejection)
  {
    guard floor.yieldsEnabled else { throw Rejection(.outOfOrder, "Yields are not used in this committee.") }
    if speech.kind == .caucus && !floor.yieldsInModeratedCaucus {
      throw Rejection(.outOfOrder, "Yields are not permitted in a moderated caucus (§3.3).")
    }
    guard speech.kind != .reply else { throw Rejection(.outOfOrder, "A right of reply cannot be yielded.") }
    guard speech.kind != .questions else {
      throw Rejection(.outOfOrder, "\(state.name(speech.seat)) already yielded to questions; a speech has one yield.")
    }
    guard speech.yieldDepth < floor.maxConsecutiveYields else {
      throw Rejection(.outOfOrder, "\(state.name(speech.seat)) received yielded time and may not yield again (§3.3).")
    }
    guard remainder > 0 else { throw Rejection(.outOfOrder, "No whole second is left to yield; yield to the chair.") }
  }

  static func checkReceiver(_ named: String?, _ speech: Speech, _ state: CommitteeState) throws(Rejection) -> String {
    guard let code = named else {
      throw Rejection(.invalidArgs, "Name the delegation that receives the time (args.seat).")
    }
    guard code != speech.seat else { throw Rejection(.invalidArgs, "A speaker cannot yield to itself.") }
    let seat = try state.seatOrNotFound(code)
    guard state.mayReceiveTime(seat) else {
      throw Rejection(.notEligible, "\(CommitteeState.describe(seat)) and cannot be yielded time (§1.2).")
    }
    guard state.attendance.isPresent(code) else {
      throw Rejection(.notEligible, "\(seat.name) is not present and cannot receive the time.")
    }
    return code
  }
}
