// Timers live on the server (design rule 8): the core says when the next system command is due,
// the server feeds it back at that time, and `decide` ignores it if the floor moved on.

public struct Deadline: Sendable, Hashable {
  /// Server wall time (ms) at which `command` should be submitted by the system actor.
  public var at: Int64
  public var command: Command

  public init(at: Int64, command: Command) {
    self.at = at
    self.command = command
  }
}

/// Every system command the server should schedule for the current state, earliest first.
public func deadlines(_ state: CommitteeState) -> [Deadline] {
  guard state.isConvened else { return [] }
  return (state.floorDeadlines + state.decisionDeadlines).sorted { $0.at < $1.at }
}
