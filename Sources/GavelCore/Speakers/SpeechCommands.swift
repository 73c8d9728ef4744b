// speakers.next and speaker.pause / resume / end: the chair runs the floor. Debate starts only
// with the open quorum present (R2.8); an empty GSL follows `on_gsl_exhausted` (R3.6, E-25).

enum SpeakersNext: CommandHandler {
  static let name = "speakers.next"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    try state.requireSessionOpen("recognising a speaker")
    if let speech = state.currentSpeech {
      throw Rejection(.outOfOrder, "\(state.name(speech.seat)) holds the floor; end that speech first.")
    }
    guard state.caucus?.kind != .unmoderated else {
      throw Rejection(.wrongState, "An unmoderated caucus is running; end it to return to the speakers list.")
    }
    let quorum = state.quorum
    guard quorum.canOpen else {
      throw Rejection(.noQuorum, "Debate needs \(quorum.toOpen) members present; \(quorum.present) are (R2.8).")
    }
    let list = state.activeList
    guard let head = state.queue(list).first else {
      if list == .gsl {
        if state.rules.floor.onGslExhausted == .closeDebate && !state.speakers.debateClosed {
          return [SpeakersListExhausted(at: context.now)]
        }
        throw Rejection(.wrongState, "The speakers list is exhausted: add speakers or entertain motions (R3.6).")
      }
      throw Rejection(.wrongState, "No one is waiting on the caucus list.")
    }
    guard state.attendance.isPresent(head) else {
      throw Rejection(.notEligible, "\(state.name(head)) is absent; remove it from the list or mark it present (R3.4).")
    }
    var timeMs = state.speakers.speakingTimeMs
    if list == .caucus, let caucus = state.caucus {
      let slot = caucus.speakerMs ?? timeMs
      let left = caucus.remainingMs(at: context.now)
      if left < slot {
        guard state.rules.floor.modLeftover == .shortFinalSlot, left > 0 else {
          throw Rejection(
            .outOfOrder,
            "Only \(left / 1000) s remain in the caucus, less than a speaking slot; the leftover is dropped.")
        }
      }
      timeMs = min(slot, left)
    }
    return [SpeakerRecognised(seat: head, list: list, timeMs: timeMs, at: context.now)]
  }
}

extension CommitteeState {
  func requireSpeech() throws(Rejection) -> Speech {
    guard let speech = currentSpeech else { throw Rejection(.wrongState, "No one holds the floor.") }
    return speech
  }
}

enum SpeakerPause: CommandHandler {
  static let name = "speaker.pause"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let speech = try state.requireSpeech()
    guard speech.running else { throw Rejection(.wrongState, "The speech timer is already paused.") }
    return [SpeechPaused(seat: speech.seat, at: context.now)]
  }
}

enum SpeakerResume: CommandHandler {
  static let name = "speaker.resume"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let speech = try state.requireSpeech()
    guard state.session.phase == .open else { throw Rejection(.wrongState, "Resume the session first.") }
    guard !speech.running else { throw Rejection(.wrongState, "The speech timer is already running.") }
    guard speech.remainingMs(at: context.now) > 0 else {
      throw Rejection(.outOfOrder, "\(state.name(speech.seat)) has no time left; end the speech.")
    }
    return [SpeechResumed(seat: speech.seat, at: context.now)]
  }
}

enum SpeakerEnd: CommandHandler {
  static let name = "speaker.end"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    let speech = try state.requireSpeech()
    return [SpeechEnded(seat: speech.seat, usedMs: speech.usedMs(at: context.now), reason: "chair", at: context.now)]
  }
}

enum CaucusEnd: CommandHandler {
  static let name = "caucus.end"
  static let roles: Set<Role> = [.chair]
  typealias Args = NoArgs
  static func decide(_ args: NoArgs, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard state.caucus != nil else { throw Rejection(.wrongState, "No caucus is running.") }
    return [CaucusEnded(at: context.now, reason: "chair")]
  }
}

/// speaker.overrun {ms}: records the finishing sentence the chair allowed after a speaker was
/// cut off (R7.3). Only for the speech that just expired, while nobody else has the floor.
enum SpeakerOverrun: CommandHandler {
  static let name = "speaker.overrun"
  static let roles: Set<Role> = [.chair]
  struct Args: Decodable { var ms: Int }
  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    guard args.ms > 0, args.ms <= 600_000 else {
      throw Rejection(.invalidArgs, "An overrun is between 1 ms and ten minutes (args.ms).")
    }
    guard state.currentSpeech == nil, let last = state.speakers.last, last.expired else {
      throw Rejection(.wrongState, "Only a speech that was just cut off at the end of its time can run over.")
    }
    guard last.overrunMs == nil else { throw Rejection(.duplicate, "The overrun of this speech is already recorded.") }
    return [SpeechOverrun(seat: last.seat, ms: args.ms, at: context.now)]
  }
}
