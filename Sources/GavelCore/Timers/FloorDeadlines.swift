// The floor's deadlines (design rule 8): speech expiry (GSL, yield, reply, moderated-caucus
// speaker), caucus expiry and the end of a suspension of fixed length. Each is a `timer.expire`
// naming the run it belongs to, so a deadline computed before a pause or extension is stale.

extension CommitteeState {
  var floorDeadlines: [Deadline] {
    var due: [Deadline] = []
    if let speech = currentSpeech, let at = speech.expiresAt {
      due.append(
        Deadline(
          at: at,
          command: Command(
            TimerExpire.name,
            ["timer": "speech", "startedAt": .int(Int(speech.startedAt)), "seat": .string(speech.seat)])))
    }
    if let caucus, let at = caucus.expiresAt {
      due.append(
        Deadline(
          at: at, command: Command(TimerExpire.name, ["timer": "caucus", "startedAt": .int(Int(caucus.startedAt))])))
    }
    if session.phase == .suspended, let ms = session.suspensionMs {
      due.append(
        Deadline(
          at: session.since + Int64(ms),
          command: Command(TimerExpire.name, ["timer": "suspension", "startedAt": .int(Int(session.since))])))
    }
    return due
  }
}
