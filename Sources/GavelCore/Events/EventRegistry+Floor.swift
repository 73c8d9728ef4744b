// The floor's event types and command handlers (Core I). A type missing here cannot be decoded
// from the log, and a handler missing here is an unknown command.
public enum EventRegistry {
  public static let floor: [any EventPayload.Type] = [
    CommitteeConvened.self,
    SessionOpened.self, SessionSuspended.self, SessionResumed.self, SessionAdjourned.self, AgendaSet.self,
    AttendanceMarked.self, AttendanceDeclared.self,
    SpeakerAdded.self, SpeakerRemoved.self, SpeakersListOpened.self, SpeakersListClosed.self,
    SpeakersListExhausted.self, SpeakerRecognised.self, SpeechPaused.self, SpeechResumed.self, SpeechEnded.self,
    SpeechOverrun.self, SpeechYielded.self, ReplyRequested.self, ReplyGranted.self, ReplyDenied.self,
    SpeakingTimeSet.self, CaucusStarted.self, CaucusExtended.self, CaucusEnded.self,
    PointRaised.self, PointResolved.self,
  ]
}
extension CommandRegistry {
  static let floorCommands: [any CommandHandler.Type] = [
    SessionOpen.self, SessionSuspend.self, SessionResume.self, SessionAdjourn.self, AgendaSetCommand.self,
    AttendanceMark.self, AttendanceDeclare.self,
    SpeakersAdd.self, SpeakersRemove.self, SpeakersOpen.self, SpeakersClose.self, SpeakersSetTime.self,
    SpeakersNext.self, SpeakerPause.self, SpeakerResume.self, SpeakerEnd.self, SpeakerYield.self, SpeakerOverrun.self,
    ReplyAsk.self, ReplyGrant.self, ReplyDeny.self, CaucusEnd.self,
    PointRaise.self, PointResolve.self,
    TimerExpire.self,
  ]
}
