// The result of a question (rules.md §5.5): outcome, reason and vetoes from the tally, the
// frozen electorate and the profile. Pure; `gavel verify` recomputes it from the log.

public struct VoteResult: Codable, Sendable, Hashable {
  public var outcome: Outcome
  public var reason: OutcomeReason
  /// Veto holders whose vote is a veto (also when the draft failed for lack of votes, E-14).
  public var vetoedBy: [String]
  public var warnings: [String]

  public init(outcome: Outcome, reason: OutcomeReason, vetoedBy: [String] = [], warnings: [String] = []) {
    self.outcome = outcome
    self.reason = reason
    self.vetoedBy = vetoedBy
    self.warnings = warnings
  }
}

public enum VoteDecision {
  /// §5.5 `decide`. `vetoNo`, `vetoAbstained` and `vetoAbsent` list veto holders (roll order)
  /// who voted no, abstained, or were absent or not voting.
  public static func decide(
    threshold: ThresholdID, tally: Tally, present: Int, members: Int, rules: VotingRules,
    vetoNo: [String] = [], vetoAbstained: [String] = [], vetoAbsent: [String] = []
  ) -> VoteResult {
    let required = rules.scAffirmativeRequired
    if tally.votesCast == 0 { return VoteResult(outcome: .rejected, reason: .noVotesCast) }
    switch threshold {
    case .scSubstantive:
      var vetoes = vetoNo
      var warnings: [String] = []
      if rules.p5AbstentionIsVeto {
        vetoes += vetoAbstained
      } else if !vetoAbstained.isEmpty {
        warnings.append("Abstention by \(vetoAbstained.joined(separator: ", ")) is not a veto (R5.6.3).")
      }
      if rules.p5AbsenceIsVeto {
        vetoes += vetoAbsent
      } else if !vetoAbsent.isEmpty {
        warnings.append("Absence of \(vetoAbsent.joined(separator: ", ")) is not a veto (R5.6.4).")
      }
      if !Thresholds.affirmative(yes: tally.yes, required: required) {
        return VoteResult(outcome: .rejected, reason: .insufficientVotes, vetoedBy: vetoes, warnings: warnings)
      }
      if !vetoes.isEmpty {
        return VoteResult(outcome: .rejected, reason: .veto, vetoedBy: vetoes, warnings: warnings)
      }
      return VoteResult(outcome: .adopted, reason: .thresholdMet, warnings: warnings)
    case .scProcedural:
      if Thresholds.affirmative(yes: tally.yes, required: required) {
        return VoteResult(outcome: .adopted, reason: .thresholdMet)
      }
      return VoteResult(outcome: .rejected, reason: .insufficientVotes)
    default:
      if Thresholds.met(threshold, tally, present: present, members: members, required: required) {
        return VoteResult(outcome: .adopted, reason: .thresholdMet)
      }
      return VoteResult(outcome: .rejected, reason: tally.yes == tally.no ? .tie : .thresholdNotMet)
    }
  }
}

extension OpenVote {
  /// The result at close, with the quorum policy of R2.9 applied. `quorumNow` is the quorum
  /// figure when the vote closes (used by REQUIRE_AT_CLOSE).
  public func result(rules: VotingRules, quorumNow: QuorumFigures) -> (VoteResult, quorumChallenged: Bool) {
    let final = tally
    let answers = ballots
    let eligibleVeto = vetoHolders
    let vetoNo = eligibleVeto.filter { answers[$0] == .no }
    let vetoAbstained = eligibleVeto.filter { answers[$0] == .abstain }
    let vetoNotVoting = eligibleVeto.filter { answers[$0] == nil || answers[$0] == .pass }
    // A placard count without per-seat entries cannot show a veto; `vote.count` refuses that.
    let vetoAbsent = absentVetoHolders + (count == nil ? vetoNotVoting : [])
    var result = VoteDecision.decide(
      threshold: threshold, tally: final, present: eligible.count, members: members, rules: rules,
      vetoNo: vetoNo, vetoAbstained: vetoAbstained, vetoAbsent: vetoAbsent)
    let tookPart = final.participants
    let short = tookPart < quorum.toDecide
    switch rules.quorumPolicy {
    case .snapshotAtOpen:
      if short {
        result.warnings.append("Only \(tookPart) members took part; the decision quorum is \(quorum.toDecide).")
      }
      return (result, short)
    case .requireAtClose:
      if short || !quorumNow.canDecide {
        return (VoteResult(outcome: .void, reason: .noQuorum, warnings: result.warnings), false)
      }
      return (result, false)
    }
  }
}
