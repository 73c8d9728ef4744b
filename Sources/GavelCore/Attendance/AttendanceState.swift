// Attendance of the current session (protocol.md §6 `attendance`; absent seats omitted).
// Owns R2.1: everything here is reset when a session opens.

public enum AttendanceStatus: String, Codable, Sendable, CaseIterable {
  case present
  case presentAndVoting = "present_and_voting"
  case absent
}

public struct AttendanceState: Codable, Sendable, Equatable {
  /// Seat code → status; a seat not listed is absent.
  public var statuses: [String: AttendanceStatus] = [:]
  /// Seats recorded at least once this session (any status), sorted: once every seat has been
  /// recorded the roll call is over, and a later arrival is a late arrival (R2.3, E-1).
  public var recorded: [String] = []
  /// Seats that declared present and voting this session, sorted (R2.5 irrevocability survives a departure).
  public var declaredVoting: [String] = []
  /// Delegates' own declarations waiting for the chair (`selfDeclaration = chair_confirms`).
  public var pending: [String: AttendanceStatus] = [:]

  public init() {}

  public func status(_ seat: String) -> AttendanceStatus { statuses[seat] ?? .absent }
  public func isPresent(_ seat: String) -> Bool { status(seat) != .absent }
  public func wasRecorded(_ seat: String) -> Bool { recorded.contains(seat) }
  public func hasDeclaredVoting(_ seat: String) -> Bool { declaredVoting.contains(seat) }
}
