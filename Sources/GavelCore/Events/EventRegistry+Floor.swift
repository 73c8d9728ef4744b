// The floor's event types and command handlers (Core I). A type missing here cannot be decoded
// from the log, and a handler missing here is an unknown command.
public enum EventRegistry {
  public static let floor: [any EventPayload.Type] = [
    CommitteeConvened.self,
    SessionOpened.self, SessionSuspended.self, SessionResumed.self, SessionAdjourned.self, AgendaSet.self,
    AttendanceMarked.self, AttendanceDeclared.self,
    SpeakingTimeSet.self, CaucusStarted.self, CaucusExtended.self, CaucusEnded.self,
  ]
}
extension CommandRegistry {
  // Handler metatypes are immutable, stateless values; the protocol just is not marked Sendable.
  nonisolated(unsafe) static let floorCommands: [any CommandHandler.Type] = [
    SessionOpen.self, SessionSuspend.self, SessionResume.self, SessionAdjourn.self, AgendaSetCommand.self,
    AttendanceMark.self, AttendanceDeclare.self,
  ]
}
