// Core II's event types and commands: motions, votes, drafts. Every wire name here is pinned by
// the golden fixture in Tests/GavelCoreTests/VotingGoldenEventsTests.swift.
extension EventRegistry {
  public static let decisions: [any EventPayload.Type] = [
    MotionProposed.self, MotionSeconded.self, MotionWithdrawn.self, MotionKept.self, MotionRuledOut.self,
    MotionDiscarded.self, MotionExecuted.self,
    VoteOpened.self, BallotCast.self, PlacardCounted.self, SecondRoundStarted.self, VoteClosed.self,
    VoteCancelled.self, AmendmentsMooted.self, DraftRejectedWithoutVote.self,
    DraftSubmitted.self, DraftSigned.self, DraftUnsigned.self, DraftApproved.self, DraftVoteRequested.self,
    DraftWithdrawalConsented.self, DraftWithdrawn.self, AmendmentSubmitted.self, AmendmentAccepted.self,
    AmendmentIncorporated.self, AmendmentsOrdered.self,
  ]
}
extension CommandRegistry {
  static let decisionCommands: [any CommandHandler.Type] = [
    ProposeMotion.self, SecondMotion.self, WithdrawMotion.self, KeepMotion.self, RuleOutMotion.self, PutMotion.self,
    OpenVoteCommand.self, CastVote.self, RecordVote.self, CountVote.self, CloseVote.self, CancelVote.self,
    SubmitDraft.self, SignDraft.self, UnsignDraft.self, ApproveDraft.self, RequestDraftVote.self, WithdrawDraft.self,
    SubmitAmendment.self, AcceptAmendment.self, OrderAmendments.self,
  ]
}
