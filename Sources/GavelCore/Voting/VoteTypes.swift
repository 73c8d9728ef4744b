// The vocabulary of a vote (protocol.md §6 `vote`/`votes`): wire spellings are hand-written here
// and nowhere else.

/// Threshold names of rules.md §2.3, spelled as there.
public enum ThresholdID: String, Codable, Sendable, CaseIterable {
  case simpleMajorityOfVotesCast = "SIMPLE_MAJORITY_OF_VOTES_CAST"
  case twoThirdsOfVotesCast = "TWO_THIRDS_OF_VOTES_CAST"
  case simpleMajorityOfPresent = "SIMPLE_MAJORITY_OF_PRESENT"
  case twoThirdsOfPresent = "TWO_THIRDS_OF_PRESENT"
  case majorityOfMembership = "MAJORITY_OF_MEMBERSHIP"
  case scProcedural = "SC_PROCEDURAL"
  case scSubstantive = "SC_SUBSTANTIVE"

  /// Bases of Y+N: abstentions do not count, ties and empty tallies fail (R2.10, R2.11).
  public var isVotesCastBase: Bool { self == .simpleMajorityOfVotesCast || self == .twoThirdsOfVotesCast }
}

public enum QuestionType: String, Codable, Sendable {
  case procedural, substantive
}

public enum VotingMethod: String, Codable, Sendable {
  case placard
  case rollCall = "roll_call"
  case recorded
}

public enum Choice: String, Codable, Sendable, CaseIterable {
  case yes, no, abstain, pass
}

public enum SubjectKind: String, Codable, Sendable {
  case motion, draft, amendment, part
}

public struct VoteSubject: Codable, Sendable, Hashable {
  public var kind: SubjectKind
  public var id: String
  public init(kind: SubjectKind, id: String) {
    self.kind = kind
    self.id = id
  }
}

public enum Outcome: String, Codable, Sendable {
  case adopted, rejected, void
}

/// Reason codes of protocol.md §6, exactly.
public enum OutcomeReason: String, Codable, Sendable {
  case thresholdMet = "threshold_met"
  case thresholdNotMet = "threshold_not_met"
  case insufficientVotes = "insufficient_votes"
  case veto
  case tie
  case noVotesCast = "no_votes_cast"
  case noQuorum = "no_quorum"
  case moot
}

/// The UN Charter chapter a Council decision falls under (Art. 27(3) proviso, R5.6.5).
public enum CharterChapter: String, Codable, Sendable {
  case vi = "VI"
  case vii = "VII"
  case viii523 = "VIII_52_3"
  case other = "OTHER"

  /// Obligatory abstention applies only to Chapter VI and Art. 52(3) decisions.
  public var obligesAbstention: Bool { self == .vi || self == .viii523 }
}

/// Yes, no and abstain counts of one question; `notVoting` is derived from the electorate.
public struct Tally: Codable, Sendable, Hashable {
  public var yes: Int
  public var no: Int
  public var abstain: Int
  public init(yes: Int, no: Int, abstain: Int) {
    self.yes = yes
    self.no = no
    self.abstain = abstain
  }
  /// Votes cast in the UN sense: Y + N (rules.md §0).
  public var votesCast: Int { yes + no }
  public var participants: Int { yes + no + abstain }
}
