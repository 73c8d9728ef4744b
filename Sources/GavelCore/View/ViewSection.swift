// One top-level section of the public view (protocol.md §6): its key, how it is built from the
// state, and which parts of the state it reads. `LiveView` rebuilds a section only when those
// parts changed, so an event costs the sections it touches, not the whole view.

struct ViewSection: Sendable {
  let key: String
  let build: @Sendable (CommitteeState) -> JSON
  /// True when `build` reads nothing that differs between the two states. Comparing the parts
  /// is cheap: the state's collections are copy-on-write, so an untouched one is the same buffer.
  let readsSame: @Sendable (CommitteeState, CommitteeState) -> Bool
  /// For a section updated member by member: how each member that differs going from the
  /// first state to the second changed; nil when the whole section must be rebuilt.
  var changedMembers: (@Sendable (CommitteeState, CommitteeState) -> [String: MemberChange]?)? = nil
  /// Builds one member of the section (a member left out of date by a `.grown` change).
  var member: (@Sendable (CommitteeState, String) -> JSON)? = nil
  /// For an array section that mostly grows: the entries the second state only appended to
  /// the first's, built; nil when anything else changed (the section is then rebuilt).
  var appended: (@Sendable (CommitteeState, CommitteeState) -> [JSON]?)? = nil

  /// Every section, in key order (the order a whole-view diff visits them).
  static let all: [ViewSection] = [
    ViewSection(key: "attendance", build: { $0.attendanceView }, readsSame: { $0.attendance == $1.attendance }),
    ViewSection(key: "caucus", build: { $0.caucusView }, readsSame: { $0.caucus == $1.caucus }),
    ViewSection(
      key: "committee", build: { $0.committeeView },
      readsSame: { $0.definition == $1.definition && $0.topic == $1.topic }),
    ViewSection(key: "drafts", build: { $0.draftsView }, readsSame: { $0.drafts == $1.drafts }),
    ViewSection(
      key: "motions", build: { $0.motionsView },
      readsSame: { $0.motions == $1.motions && $0.definition == $1.definition }),
    ViewSection(key: "points", build: { $0.pointsView }, readsSame: { $0.points == $1.points }),
    ViewSection(
      key: "quorum", build: { $0.quorumView },
      readsSame: { $0.attendance == $1.attendance && $0.definition == $1.definition }),
    ViewSection(key: "seats", build: { $0.seatsView }, readsSame: { $0.definition == $1.definition }),
    ViewSection(
      key: "session", build: { $0.sessionView },
      readsSame: { $0.session == $1.session && $0.attendance.pending == $1.attendance.pending }),
    ViewSection(key: "speakers", build: { $0.speakersView }, readsSame: { $0.speakers == $1.speakers }),
    ViewSection(
      key: "vote", build: { $0.voteView },
      readsSame: { $0.vote == $1.vote && $0.attendance == $1.attendance },
      changedMembers: { old, new in new.voteMembers(changedFrom: old) },
      member: { state, key in state.voteMember(key) }),
    ViewSection(
      key: "votes", build: { $0.votesView }, readsSame: { $0.votes == $1.votes },
      appended: { old, new in new.votesAppended(since: old) }),
  ]

  static let byKey = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
}

/// How one member of a section changed from one state to the next.
enum MemberChange: Sendable {
  /// Built anew (LiveView diffs it against the old one).
  case rebuilt(JSON)
  /// Grew by these operations, their paths relative to the member (a ballot appended to the
  /// rounds): sent as they are, without building or diffing the whole member.
  case grown([JSONPatchOperation])
}
