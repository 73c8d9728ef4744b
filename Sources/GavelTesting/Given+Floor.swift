// Shortcuts for the usual opening of a meeting, through the real commands so that the rules
// that govern them also hold in every fixture.
import GavelCore

extension Given {
  /// The chair opened the session.
  public func opened() throws -> Given { try and("session.open") }

  /// The chair marked these seats with `status` (roll call or late arrival).
  public func marked(_ seats: [String], _ status: AttendanceStatus = .present) throws -> Given {
    var next = self
    for seat in seats {
      next = try next.and("attendance.mark", ["seat": .string(seat), "status": .string(status.rawValue)])
    }
    return next
  }

  /// The chair marked every seat of the committee present.
  public func allPresent() throws -> Given { try marked(state.committee.seats.map(\.code)) }

  /// The session opened with every seat present: the common starting point of floor tests.
  public func inSession() throws -> Given { try opened().allPresent() }
}
