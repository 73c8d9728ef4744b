// Attendance in the record: the roll call fills the meeting's attendance block (members, rule 37
// participants, rule 39 invitees, observers); later arrivals, departures and status changes are
// lines of the proceedings (rules.md §2.1, E-1, E-2). Invitations are announced per meeting.
import GavelCore

extension RecordBuilder {
  func attendance(_ e: AttendanceMarked, seq: Int64, _ s: CommitteeState) {
    guard !meetings.isEmpty, let seat = definition?.seat(e.seat) else { return }
    let m = meetings.count - 1
    let line = SeatLine(code: seat.code, name: seat.name, status: e.status.rawValue)
    if e.change == .rollCall || (seat.kind != .member && e.status != .absent) {
      switch seat.kind {
      case .member:
        if let i = meetings[m].members.firstIndex(where: { $0.code == seat.code }) { meetings[m].members[i] = line }
      case .participant: upsert(line, into: &meetings[m].participants)
      case .invitee: upsert(line, into: &meetings[m].invitees)
      case .observer: upsert(line, into: &meetings[m].observers)
      }
      if e.change == .rollCall { return }
    }
    let text: String
    switch e.change {
    case .lateArrival:
      text = "\(seat.name) joined the meeting" + (e.status == .presentAndVoting ? ", present and voting." : ".")
    case .departure: text = "\(seat.name) left the meeting."
    case .upgrade: text = "\(seat.name) declared itself present and voting."
    case .downgrade: text = "\(seat.name) is recorded as present."
    case .rollCall: return
    }
    var item = Item(.attendance, seq: seq, at: e.at, text: text)
    item.seat = seat.code
    append(item)
  }

  private func upsert(_ line: SeatLine, into lines: inout [SeatLine]) {
    if let i = lines.firstIndex(where: { $0.code == line.code }) { lines[i] = line } else { lines.append(line) }
  }

  /// The President's invitations under rules 37 and 39, from who attended each meeting.
  func announceInvitations() {
    for m in meetings.indices {
      let participants = meetings[m].participants.map(\.name)
      let invitees = meetings[m].invitees.map(\.name)
      var lines: [String] = []
      if !participants.isEmpty {
        let who = participants.count == 1 ? "the representative of" : "the representatives of"
        lines.append(
          "In accordance with rule 37 of the provisional rules of procedure, the President invited \(who) "
            + "\(Wording.list(participants)) to participate in the meeting, without vote.")
      }
      if !invitees.isEmpty {
        lines.append(
          "In accordance with rule 39 of the provisional rules of procedure, the President invited "
            + "\(invitees.count == 1 ? "the representative of" : "the representatives of") the "
            + "\(Wording.list(invitees)) to participate in the meeting.")
      }
      meetings[m].invitations = lines
    }
  }
}
