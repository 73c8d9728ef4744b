// speakers.add / remove / open / close / setTime: who may be on a list and when (R3.2–R3.5,
// §1.2, E-26). During a moderated caucus add/remove act on the caucus list, otherwise on the GSL.

extension Context {
  /// The seat a command acts for: a delegate's own seat (never another), or the seat the chair names.
  func actingSeat(_ named: String?) throws(Rejection) -> String {
    if actor.role == .delegate {
      let own = actor.seat ?? ""
      if let named, named != own { throw Rejection(.forbidden, "A delegation may act only for its own seat.") }
      return own
    }
    guard let named else { throw Rejection(.invalidArgs, "Name the seat the chair acts for (args.seat).") }
    return named
  }

  var by: String { actor.role == .delegate ? (actor.seat ?? "") : actor.role.rawValue }
}

extension CommitteeState {
  /// The list add/remove work on now.
  var activeList: SpeakersList { caucus?.kind == .moderated ? .caucus : .gsl }

  func queue(_ list: SpeakersList) -> [String] { list == .caucus ? caucus?.queue ?? [] : speakers.queue }

  func requireSessionOpen(_ doing: String) throws(Rejection) {
    guard session.phase == .open else {
      throw Rejection(
        .wrongState, "The session is \(session.phase.rawValue.replacingUnderscores); open it before \(doing).")
    }
    guard session.mode != .voting, vote == nil else {
      throw Rejection(.wrongState, "A vote is being taken; \(doing) must wait until it closes.")
    }
  }
}

struct SeatArgs: Decodable { var seat: String? }

enum SpeakersAdd: CommandHandler {
  static let name = "speakers.add"
  static let roles: Set<Role> = [.chair, .delegate]
  typealias Args = SeatArgs
  static func decide(_ args: SeatArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let code = try context.actingSeat(args.seat)
    let seat = try state.seatOrNotFound(code)
    try state.requireSessionOpen("adding speakers")
    let byChair = context.actor.role == .chair
    guard byChair ? state.maySpeak(seat) : state.maySpeakOnRequest(seat) else {
      let why =
        seat.kind == .invitee ? "speaks only when the chair invites it to brief" : "has not been invited to speak"
      throw Rejection(.notEligible, "\(CommitteeState.describe(seat)) and \(why) (§1.2).")
    }
    guard state.attendance.isPresent(code) else {
      throw Rejection(.notEligible, "\(seat.name) is not recorded present; mark its attendance first.")
    }
    let list = state.activeList
    if list == .gsl {
      guard !state.speakers.debateClosed else {
        throw Rejection(.outOfOrder, "Debate on this item is closed; the speakers list is exhausted (R3.6).")
      }
      guard state.speakers.open else {
        throw Rejection(.outOfOrder, "The speakers list is closed; no names may be added (R3.5).")
      }
    }
    let limit = state.rules.floor.gslMaxPendingPerSeat
    guard state.queue(list).filter({ $0 == code }).count < limit else {
      throw Rejection(.duplicate, "\(seat.name) is already on the speakers list (at most \(limit) pending, R3.3).")
    }
    return [SpeakerAdded(seat: code, list: list, by: context.by, at: context.now)]
  }
}

enum SpeakersRemove: CommandHandler {
  static let name = "speakers.remove"
  static let roles: Set<Role> = [.chair, .delegate]
  typealias Args = SeatArgs
  static func decide(_ args: SeatArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let code = try context.actingSeat(args.seat)
    let seat = try state.seatOrNotFound(code)
    let list = state.activeList
    guard state.queue(list).contains(code) else {
      throw Rejection(.notFound, "\(seat.name) is not on the \(list == .gsl ? "speakers" : "caucus") list.")
    }
    return [SpeakerRemoved(seat: code, list: list, by: context.by, at: context.now)]
  }
}

enum SpeakersOpen: CommandHandler {
  static let name = "speakers.open"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard !state.speakers.open else { throw Rejection(.wrongState, "The speakers list is already open.") }
    return [SpeakersListOpened(at: context.now)]
  }
}

enum SpeakersClose: CommandHandler {
  static let name = "speakers.close"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard state.speakers.open else { throw Rejection(.wrongState, "The speakers list is already closed.") }
    return [SpeakersListClosed(at: context.now)]
  }
}

enum SpeakersSetTime: CommandHandler {
  static let name = "speakers.setTime"
  static let roles: Set<Role> = [.chair]
  struct Args: Decodable { var ms: Int }
  static let maxMs = 3_600_000
  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    guard args.ms > 0, args.ms <= maxMs else {
      throw Rejection(.invalidArgs, "Speaking time must be between 1 ms and one hour (args.ms).")
    }
    guard args.ms != state.speakers.speakingTimeMs else {
      throw Rejection(.duplicate, "Speaking time is already \(args.ms / 1000) s.")
    }
    return [SpeakingTimeSet(ms: args.ms, at: context.now)]
  }
}
