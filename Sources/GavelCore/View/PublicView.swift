// The public view of protocol.md §6: a pure function of the state. Keys are stable.
// Sections are built by the concept that owns them (FloorView, DecisionsView).

public func publicView(_ state: CommitteeState) -> JSON {
  guard state.isConvened else { return .object([:]) }
  return .object([
    "committee": state.committeeView,
    "seats": state.seatsView,
    "session": state.sessionView,
    "attendance": state.attendanceView,
    "quorum": state.quorumView,
    "speakers": state.speakersView,
    "caucus": state.caucusView,
    "points": state.pointsView,
    "motions": state.motionsView,
    "vote": state.voteView,
    "votes": state.votesView,
    "drafts": state.draftsView,
  ])
}
