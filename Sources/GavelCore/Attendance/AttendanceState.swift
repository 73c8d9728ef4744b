// Attendance of the current session (protocol.md §6 `attendance`; absent seats omitted).

public enum AttendanceStatus: String, Codable, Sendable {
  case present
  case presentAndVoting = "present_and_voting"
  case absent
}

public struct AttendanceState: Codable, Sendable, Equatable {
  /// Seat code → status; a seat not listed is absent.
  public var statuses: [String: AttendanceStatus] = [:]

  public init() {}

  public func status(_ seat: String) -> AttendanceStatus { statuses[seat] ?? .absent }
  public func isPresent(_ seat: String) -> Bool { status(seat) != .absent }
}
