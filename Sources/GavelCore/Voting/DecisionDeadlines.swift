// Deadlines of votes and motions. None today: the second-round timeout of a roll call
// (FORCE_NOT_VOTING, rules.md §5.3 step 5) is the chair's `vote.close`, so nothing is scheduled.
extension CommitteeState {
  var decisionDeadlines: [Deadline] { [] }
}
