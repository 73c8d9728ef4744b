// Attendance facts (R2.1–R2.5, E-1, E-2, E-4). Quorum is never stored: it is computed from
// these statuses whenever it is read, so it is recomputed at once by construction.

/// Why a status changed, for the record (rules.md §8: LATE_ARRIVAL, DEPARTURE).
public enum AttendanceChange: String, Codable, Sendable {
  case rollCall = "roll_call"
  case lateArrival = "late_arrival"
  case departure
  case upgrade
  case downgrade
}

public struct AttendanceMarked: EventPayload {
  public static let wireName = "attendanceMarked"
  public var seat: String
  public var status: AttendanceStatus
  public var change: AttendanceChange
  /// `chair`, or the seat itself for a direct self-declaration.
  public var by: String
  public var at: Int64
  public init(seat: String, status: AttendanceStatus, change: AttendanceChange, by: String, at: Int64) {
    self.seat = seat
    self.status = status
    self.change = change
    self.by = by
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.attendance.statuses[seat] = status == .absent ? nil : status
    if !state.attendance.recorded.contains(seat) {
      state.attendance.recorded.append(seat)
      state.attendance.recorded.sort()
    }
    if status == .presentAndVoting && !state.attendance.declaredVoting.contains(seat) {
      state.attendance.declaredVoting.append(seat)
      state.attendance.declaredVoting.sort()
    }
    state.attendance.pending[seat] = nil
  }
}

/// A delegate's own declaration, waiting for the chair (`selfDeclaration = chair_confirms`).
public struct AttendanceDeclared: EventPayload {
  public static let wireName = "attendanceDeclared"
  public var seat: String
  public var status: AttendanceStatus
  public var at: Int64
  public init(seat: String, status: AttendanceStatus, at: Int64) {
    self.seat = seat
    self.status = status
    self.at = at
  }
  public func apply(to state: inout CommitteeState) { state.attendance.pending[seat] = status }
}
