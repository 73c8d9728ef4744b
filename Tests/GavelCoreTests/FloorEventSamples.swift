import GavelTesting

@testable import GavelCore

/// One sample of every floor event, for the golden fixture and the codec round trip.
enum FloorEventSamples {
  static let t: Int64 = ManualClock.epoch

  static let all: [any EventPayload] = [
    CommitteeConvened(definition: Committees.unsc1994, definitionHash: String(repeating: "ab", count: 32), at: t),
    SessionOpened(number: 1, at: t),
    SessionSuspended(at: t, durationMs: 600_000),
    SessionResumed(at: t, reason: "expired"),
    SessionAdjourned(at: t),
    AgendaSet(topic: "The situation in Tajikistan", at: t),
    AttendanceMarked(seat: "USA", status: .presentAndVoting, change: .lateArrival, by: "chair", at: t),
    AttendanceDeclared(seat: "FRA", status: .present, at: t),
    SpeakerAdded(seat: "PAK", list: .gsl, by: "PAK", at: t),
    SpeakerRemoved(seat: "PAK", list: .caucus, by: "chair", at: t),
    SpeakersListOpened(at: t),
    SpeakersListClosed(at: t),
    SpeakersListExhausted(at: t),
    SpeakerRecognised(seat: "FRA", list: .gsl, timeMs: 90_000, at: t),
    SpeechPaused(seat: "FRA", at: t),
    SpeechResumed(seat: "FRA", at: t),
    SpeechEnded(seat: "FRA", usedMs: 90_000, reason: "expired", at: t),
    SpeechOverrun(seat: "FRA", ms: 4_000, at: t),
    SpeechYielded(seat: "FRA", to: .delegate, receiver: "PAK", usedMs: 52_400, remainderMs: 37_000, at: t),
    ReplyRequested(seat: "GBR", to: "RUS", at: t),
    ReplyGranted(seat: "GBR", timeMs: 30_000, at: t),
    ReplyDenied(seat: "GBR", at: t),
    SpeakingTimeSet(ms: 60_000, at: t),
    CaucusStarted(kind: .moderated, topic: "Border security", totalMs: 600_000, speakerMs: 45_000, at: t),
    CaucusExtended(ms: 300_000, at: t),
    CaucusEnded(at: t, reason: "expired"),
    PointRaised(id: "P1", kind: .personalPrivilege, by: "OMN", text: "We cannot hear", interrupts: true, at: t),
    PointResolved(id: "P1", ruling: "Microphone fixed", at: t),
  ]
}
