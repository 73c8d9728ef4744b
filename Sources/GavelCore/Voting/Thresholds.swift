// Every majority of rules.md §2.3 as a pure function in integer arithmetic (R2.12): no
// floating point, no ceil of a product. This file is the only place a threshold is computed.

public enum Thresholds {
  /// Y > N and Y ≥ 1 (GA rule 85; ties fail, R2.10; nothing cast fails, R2.11).
  public static func simpleMajorityOfVotesCast(yes: Int, no: Int) -> Bool {
    yes > no && yes >= 1
  }

  /// 3·Y ≥ 2·(Y+N) and Y ≥ 1 (GA rules 83–84).
  public static func twoThirdsOfVotesCast(yes: Int, no: Int) -> Bool {
    yes >= 1 && 3 * yes >= 2 * (yes + no)
  }

  /// Y ≥ ⌊P/2⌋+1.
  public static func simpleMajorityOfPresent(yes: Int, present: Int) -> Bool {
    yes >= present / 2 + 1
  }

  /// 3·Y ≥ 2·P, and at least one yes (an empty electorate decides nothing).
  public static func twoThirdsOfPresent(yes: Int, present: Int) -> Bool {
    yes >= 1 && 3 * yes >= 2 * present
  }

  /// Y ≥ ⌊M/2⌋+1.
  public static func majorityOfMembership(yes: Int, members: Int) -> Bool {
    yes >= members / 2 + 1
  }

  /// Y ≥ K (Art. 27(2); the affirmative part of Art. 27(3)).
  public static func affirmative(yes: Int, required: Int) -> Bool {
    yes >= required
  }

  /// The smallest number of yes votes that passes, for display (`threshold` explanations).
  public static func yesNeeded(_ id: ThresholdID, no: Int, present: Int, members: Int, required: Int) -> Int {
    switch id {
    case .simpleMajorityOfVotesCast: return no + 1
    case .twoThirdsOfVotesCast: return max(1, 2 * no)
    case .simpleMajorityOfPresent: return present / 2 + 1
    case .twoThirdsOfPresent: return max(1, (2 * present + 2) / 3)
    case .majorityOfMembership: return members / 2 + 1
    case .scProcedural, .scSubstantive: return required
    }
  }

  /// Whether the counts meet the threshold, ignoring vetoes (see `VoteResult` for SC_SUBSTANTIVE).
  public static func met(
    _ id: ThresholdID, _ tally: Tally, present: Int, members: Int, required: Int
  ) -> Bool {
    switch id {
    case .simpleMajorityOfVotesCast: return simpleMajorityOfVotesCast(yes: tally.yes, no: tally.no)
    case .twoThirdsOfVotesCast: return twoThirdsOfVotesCast(yes: tally.yes, no: tally.no)
    case .simpleMajorityOfPresent: return simpleMajorityOfPresent(yes: tally.yes, present: present)
    case .twoThirdsOfPresent: return twoThirdsOfPresent(yes: tally.yes, present: present)
    case .majorityOfMembership: return majorityOfMembership(yes: tally.yes, members: members)
    case .scProcedural, .scSubstantive: return affirmative(yes: tally.yes, required: required)
    }
  }
}
