// PLACEHOLDER: the Core II work replaces this file.
extension CommitteeState {
  var motionsView: JSON { .array([]) }
  var voteView: JSON { .null }
  var votesView: JSON { .array([]) }
  var draftsView: JSON { .array([]) }
}
