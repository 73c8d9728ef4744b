// session.open / suspend / resume / adjourn and agenda.set: the chair moves the meeting between
// its phases. Quorum is not required to open (attendance resets at opening, R2.1); it is checked
// before debate starts, when the first speaker is recognised (R2.8).

enum SessionOpen: CommandHandler {
  static let name = "session.open"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    switch state.session.phase {
    case .open: throw Rejection(.wrongState, "The session is already open.")
    case .suspended: throw Rejection(.wrongState, "The session is suspended; resume it with session.resume.")
    case .notStarted, .adjourned: return [SessionOpened(number: state.session.number + 1, at: context.now)]
    }
  }
}

enum SessionSuspend: CommandHandler {
  static let name = "session.suspend"
  static let roles: Set<Role> = [.chair]
  struct Args: Decodable { var durationMs: Int? }
  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    guard state.session.phase == .open else { throw Rejection(.wrongState, "Only an open session can be suspended.") }
    guard state.vote == nil else { throw Rejection(.wrongState, "A vote is open; it must finish before a suspension (E-38).") }
    if let ms = args.durationMs, ms <= 0 || ms > maxDurationMs {
      throw Rejection(.invalidArgs, "durationMs must be a number of milliseconds from 1 to 86400000 (24 hours).")
    }
    return [SessionSuspended(at: context.now, durationMs: args.durationMs)]
  }
}

enum SessionResume: CommandHandler {
  static let name = "session.resume"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard state.session.phase == .suspended else { throw Rejection(.wrongState, "The session is not suspended.") }
    return [SessionResumed(at: context.now, reason: "chair")]
  }
}

enum SessionAdjourn: CommandHandler {
  static let name = "session.adjourn"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard state.session.phase == .open || state.session.phase == .suspended else {
      throw Rejection(.wrongState, "There is no session to adjourn.")
    }
    guard state.vote == nil else {
      throw Rejection(.wrongState, "A vote is open; it must finish before adjournment (E-38).")
    }
    return [SessionAdjourned(at: context.now)]
  }
}

enum AgendaSetCommand: CommandHandler {
  static let name = "agenda.set"
  static let roles: Set<Role> = [.chair]
  struct Args: Decodable { var topic: String }
  static let maxTopic = 500
  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    let topic = args.topic.trimmingSpaces
    guard !topic.isEmpty else { throw Rejection(.invalidArgs, "The topic must not be empty.") }
    guard topic.count <= maxTopic else {
      throw Rejection(.invalidArgs, "A topic is limited to \(maxTopic) characters.")
    }
    guard topic != state.topic else { throw Rejection(.duplicate, "The agenda is already set to \(topic).") }
    guard state.session.mode != .voting, state.vote == nil else {
      throw Rejection(.wrongState, "A vote is being taken; set the agenda after it.")
    }
    guard state.currentSpeech == nil, state.caucus == nil else {
      throw Rejection(.outOfOrder, "The floor is not open: end the speech or caucus before changing the agenda.")
    }
    return [AgendaSet(topic: topic, at: context.now)]
  }
}

extension String {
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[start...end])
  }
}
