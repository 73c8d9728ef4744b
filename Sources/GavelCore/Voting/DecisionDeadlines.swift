// PLACEHOLDER: the Core II work replaces this file (e.g. second-round pass timeout), or leaves it empty.
extension CommitteeState {
  var decisionDeadlines: [Deadline] { [] }
}
