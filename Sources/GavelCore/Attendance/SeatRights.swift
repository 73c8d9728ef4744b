// The rights matrix of rules.md §1.2 for the floor, read from the seat kind and the rules
// profile. Rule 37 participants in the roster count as invited (the invitation is the config).

extension CommitteeState {
  func seatOrNotFound(_ code: String) throws(Rejection) -> Seat {
    guard let seat = committee.seat(code) else {
      throw Rejection(.notFound, "There is no seat \(code) in \(committee.name).")
    }
    return seat
  }

  /// May the seat put its own name down to speak? Invitees speak only when the chair adds them.
  func maySpeakOnRequest(_ seat: Seat) -> Bool {
    switch seat.kind {
    case .member, .observer: return true
    case .participant: return rules.floor.participantsMaySpeak
    case .invitee: return false
    }
  }

  /// May the seat take the floor at all (the chair may add it)?
  func maySpeak(_ seat: Seat) -> Bool { seat.kind == .invitee || maySpeakOnRequest(seat) }

  /// May the seat receive yielded time or a right of reply? (§1.2: invitees may not.)
  func mayReceiveTime(_ seat: Seat) -> Bool { seat.kind != .invitee && maySpeakOnRequest(seat) }

  func mayRaisePointOfOrder(_ seat: Seat) -> Bool {
    switch seat.kind {
    case .member: return true
    case .participant: return rules.floor.participantPointOfOrder
    case .observer: return rules.floor.observerPointOfOrder
    case .invitee: return false
    }
  }

  static func describe(_ seat: Seat) -> String {
    switch seat.kind {
    case .member: return "\(seat.name) is a member"
    case .participant: return "\(seat.name) participates without vote (rule 37)"
    case .invitee: return "\(seat.name) is an invitee (rule 39)"
    case .observer: return "\(seat.name) is an observer"
    }
  }

  func name(_ code: String) -> String { committee.seat(code)?.name ?? code }
}
