// The President's announcement of a result (rules.md §8.2 wording), stored with the result so
// the record never has to re-derive it.

public enum Announcement {
  public static func text(
    subject: SubjectKind, tally: Tally, result: VoteResult, resolution: String?, announceAlsoVetoed: Bool
  ) -> String {
    let noun: String
    switch subject {
    case .draft: noun = "The draft resolution"
    case .amendment: noun = "The amendment"
    case .part: noun = "The part"
    case .motion: noun = "The motion"
    }
    let counts =
      "\(noun) received \(tally.yes) \(tally.yes == 1 ? "vote" : "votes") in favour, \(tally.no) against and "
      + "\(tally.abstain) \(tally.abstain == 1 ? "abstention" : "abstentions")."
    let members = result.vetoedBy.count > 1 ? "members" : "a permanent member"
    let vetoWording =
      result.vetoedBy.count > 1 ? "negative votes of permanent \(members)" : "negative vote of \(members)"
    let outcome: String
    switch (result.outcome, result.reason) {
    case (.adopted, _):
      if let resolution {
        outcome = "\(noun) has been adopted as resolution \(resolution)."
      } else {
        outcome = "\(noun) has been adopted."
      }
    case (.rejected, .veto): outcome = "\(noun) has not been adopted, owing to the \(vetoWording) of the Council."
    case (.rejected, .insufficientVotes):
      if announceAlsoVetoed && !result.vetoedBy.isEmpty {
        outcome =
          "\(noun) has not been adopted, having failed to obtain the required number of votes and "
          + "owing to the \(vetoWording) of the Council."
      } else {
        outcome = "\(noun) has not been adopted, having failed to obtain the required number of votes."
      }
    case (.rejected, .tie): outcome = "\(noun) has not been adopted, the votes being equally divided."
    case (.rejected, .noVotesCast): outcome = "\(noun) has not been adopted, no votes having been cast."
    case (.rejected, _): outcome = "\(noun) has not been adopted."
    case (.void, .noQuorum): return "The vote is void for want of a quorum."
    case (.void, _): return "The vote was cancelled."
    }
    return counts + " " + outcome
  }
}
