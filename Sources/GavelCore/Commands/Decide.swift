// decide: the only place a command becomes events. Pure: it reads the state and the context,
// checks the role, decodes the arguments and applies the rule of the command's handler.

public func decide(_ command: Command, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [Event] {
  guard let handler = CommandRegistry.handlers[command.name] else {
    throw Rejection(.unknownCommand, "There is no command named \(command.name).")
  }
  return try run(handler, command.args, state, context)
}

private func run<H: CommandHandler>(_ handler: H.Type, _ args: JSON, _ state: CommitteeState, _ context: Context)
  throws(Rejection) -> [Event]
{
  guard H.roles.contains(context.actor.role) else {
    throw Rejection(.forbidden, "The \(context.actor.role.rawValue) role may not use \(H.name).")
  }
  guard state.isConvened else { throw Rejection(.wrongState, "The committee has not been convened.") }
  if context.actor.role == .delegate {
    guard let seat = context.actor.seat, state.committee.seat(seat) != nil else {
      throw Rejection(.forbidden, "This credential is not bound to a seat of the committee.")
    }
  }
  let parsed = try ArgsDecoder.decode(H.Args.self, from: args)
  return try H.decide(parsed, state, context).map(Event.init)
}

public enum CommandRegistry {
  public static let handlers: [String: any CommandHandler.Type] = {
    var all: [String: any CommandHandler.Type] = [:]
    for handler in floorCommands + decisionCommands {
      precondition(all[handler.name] == nil, "duplicate command \(handler.name)")
      all[handler.name] = handler
    }
    return all
  }()

  public static var names: [String] { handlers.keys.sorted() }
}

/// evolve: applies one event. Total: it never fails and never reads anything but its inputs.
public func evolve(_ state: CommitteeState, _ event: Event) -> CommitteeState {
  var next = state
  event.payload.apply(to: &next)
  return next
}

public func evolve(_ state: inout CommitteeState, _ event: Event) {
  event.payload.apply(to: &state)
}

/// replay: the state after a sequence of events, from nothing.
public func replay<S: Sequence>(_ events: S) -> CommitteeState where S.Element == Event {
  var state = CommitteeState()
  for event in events { event.payload.apply(to: &state) }
  return state
}
