// The floor's event types (Core I). PLACEHOLDER list: Core I completes it.
public enum EventRegistry {
  public static let floor: [any EventPayload.Type] = [
    SessionSuspended.self, SessionAdjourned.self, AgendaSet.self,
    SpeakingTimeSet.self, CaucusStarted.self, CaucusExtended.self, CaucusEnded.self,
  ]
}
extension CommandRegistry {
  static let floorCommands: [any CommandHandler.Type] = []
}
