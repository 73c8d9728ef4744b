// PLACEHOLDER: the Core I work replaces this file (speech, caucus and suspension expiry).
extension CommitteeState {
  var floorDeadlines: [Deadline] { [] }
}
