// The one rule every attendance change passes, whoever asks for it (R2.2, R2.3, R2.5, E-1, E-4).

extension CommitteeState {
  /// The roll call is over once every seat has been recorded this session; later arrivals are late.
  public var rollCallComplete: Bool { attendance.recorded.count >= committee.seats.count }

  func attendanceChange(_ code: String, to status: AttendanceStatus) throws(Rejection) -> AttendanceChange {
    guard session.phase == .open || session.phase == .suspended else {
      throw Rejection(.wrongState, "Open the session first: attendance is taken for each session (R2.1).")
    }
    let seat = try seatOrNotFound(code)
    let floor = rules.floor
    let current = attendance.status(code)
    if status == .presentAndVoting {
      guard floor.pvStatusEnabled else {
        throw Rejection(.outOfOrder, "This committee does not use the present-and-voting declaration.")
      }
      guard seat.kind == .member else {
        throw Rejection(.notEligible, "\(Self.describe(seat)) and may be recorded present only (R2.2).")
      }
    }
    guard status != current || (status == .absent && !attendance.wasRecorded(code)) else {
      throw Rejection(.duplicate, "\(seat.name) is already recorded \(status.rawValue.replacingUnderscores).")
    }
    if current == .presentAndVoting && status == .present && floor.pvIrrevocableInSession {
      throw Rejection(
        .outOfOrder, "\(seat.name) declared present and voting; that cannot be withdrawn in this session (R2.5).")
    }
    if current == .absent && status == .present && floor.pvIrrevocableInSession && attendance.hasDeclaredVoting(code) {
      throw Rejection(
        .outOfOrder,
        "\(seat.name) declared present and voting earlier in this session; record it present and voting (R2.5).")
    }
    if current == .present && status == .presentAndVoting && vote != nil {
      throw Rejection(
        .wrongState, "A vote is open; \(seat.name) may upgrade to present and voting once it closes (R2.5).")
    }
    switch (current, status) {
    case (_, .absent): return attendance.wasRecorded(code) || current != .absent ? .departure : .rollCall
    case (.absent, _): return rollCallComplete || attendance.wasRecorded(code) ? .lateArrival : .rollCall
    case (.present, .presentAndVoting): return .upgrade
    default: return .downgrade
    }
  }
}

extension String {
  var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
