// Order checks shared by the motion commands (rules.md §4.1, R4.2, R4.4, R5.3, E-10, E-22).

extension CommitteeState {
  /// The seat a command acts for: a delegate's own seat, or the chair's `seat` argument.
  func actingSeat(_ context: Context, _ seat: String?) throws(Rejection) -> String {
    if context.actor.role == .delegate, let own = context.actor.seat { return own }
    guard let seat else { throw Rejection(.invalidArgs, "The chair must name the seat it acts for (args.seat).") }
    guard committee.seat(seat) != nil else { throw Rejection(.notFound, "There is no seat \(seat) in this committee.") }
    return seat
  }

  func requireOpenSession() throws(Rejection) {
    guard session.phase == .open else {
      throw Rejection(.wrongState, "The meeting is not open; open or resume it first.")
    }
  }

  /// R5.3 / E-22: once voting has begun nothing interrupts it but a point of order on its conduct.
  func requireNoVoteOpen() throws(Rejection) {
    if let vote {
      throw Rejection(.outOfOrder, "Vote \(vote.id) is in progress; only a point of order on its conduct is in order.")
    }
  }

  /// R4.4 / E-10: movers and seconders must be present and able to vote on procedural matters.
  func requireMayMove(_ code: String) throws(Rejection) {
    guard let seat = committee.seat(code) else { throw Rejection(.notFound, "There is no seat \(code).") }
    let allowed = seat.kind == .member || (seat.kind == .observer && rules.motions.observersMayMove)
    guard allowed else {
      throw Rejection(.notEligible, "\(seat.name) is a \(seat.kind.rawValue) and may not make or second motions.")
    }
    guard attendance.isPresent(code) else {
      throw Rejection(.notEligible, "\(seat.name) is not marked present.")
    }
  }

}
