// motion.put: the chair puts the highest-precedence motion (§4.3). Motions that take a vote go
// to a procedural vote; the others (e.g. a roll-call request, GA rule 87) take effect at once.

public enum PutMotion: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var motion: String?
    public var method: VotingMethod?
  }
  public static let name = "motion.put"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    try state.requireOpenSession()
    try state.requireNoVoteOpen()
    guard state.points.isEmpty else {
      throw Rejection(.outOfOrder, "Points are disposed of before any motion is put (R3.11).")
    }
    guard let top = state.motionToPut else { throw Rejection(.wrongState, "No seconded motion is on the floor.") }
    if let named = args.motion, named != top.id {
      throw Rejection(.outOfOrder, "\(top.id) (\(top.kind.rawValue)) has precedence and must be put first.")
    }
    guard state.rules.motions.spec(top.kind).threshold != nil else {
      return state.executionEvents(top, vote: nil, at: context.now)
    }
    return try state.openVote(
      VoteRequest(subject: VoteSubject(kind: .motion, id: top.id), method: args.method), context)
  }
}

extension CommitteeState {
  /// What an adopted motion does: `motionExecuted`, Core I's floor events, then the other
  /// pending motions discarded (E-20) when it was adopted by a vote.
  func executionEvents(_ motion: Motion, vote: String?, at: Int64) -> [any EventPayload] {
    var events: [any EventPayload] = [
      MotionExecuted(motion: motion.id, kind: motion.kind, args: motion.args, vote: vote, at: at)
    ]
    if let parameters = try? MotionParameters.parse(motion.kind, motion.args) {
      switch parameters {
      case .speakingTime(let ms): events.append(SpeakingTimeSet(ms: ms, at: at))
      case .moderated(let total, let speaker, let topic):
        events.append(CaucusStarted(kind: .moderated, topic: topic, totalMs: total, speakerMs: speaker, at: at))
      case .unmoderated(let total, let topic):
        events.append(CaucusStarted(kind: .unmoderated, topic: topic ?? "", totalMs: total, speakerMs: nil, at: at))
      case .extend(let ms): events.append(CaucusExtended(ms: ms, at: at))
      case .suspend(let duration): events.append(SessionSuspended(at: at, durationMs: duration))
      case .agenda(let topic): events.append(AgendaSet(topic: topic, at: at))
      case .none where motion.kind == .adjournMeeting: events.append(SessionAdjourned(at: at))
      default: break
      }
    }
    if vote != nil && rules.motions.discardOnPass {
      for other in rules.motions.ordered(motions.pending) where other.id != motion.id {
        events.append(MotionDiscarded(motion: other.id, adopted: motion.id, at: at))
      }
    }
    return events
  }
}
