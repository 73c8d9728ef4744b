// PLACEHOLDER: the Core I work replaces this file.
extension CommitteeState {
  var committeeView: JSON { .null }
  var seatsView: JSON { .null }
  var sessionView: JSON { .null }
  var attendanceView: JSON { .null }
  var quorumView: JSON { .null }
  var speakersView: JSON { .null }
  var caucusView: JSON { .null }
  var pointsView: JSON { .null }
}
