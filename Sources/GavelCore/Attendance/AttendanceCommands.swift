// attendance.mark (the dais: roll call, late arrival, departure) and attendance.declare (a
// delegate's own check-in, applied directly or held for the chair as the profile says).

enum AttendanceMark: CommandHandler {
  static let name = "attendance.mark"
  static let roles: Set<Role> = [.chair]
  struct Args: Decodable {
    var seat: String
    var status: AttendanceStatus
  }
  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    let change = try state.attendanceChange(args.seat, to: args.status)
    return [AttendanceMarked(seat: args.seat, status: args.status, change: change, by: "chair", at: context.now)]
  }
}

enum AttendanceDeclare: CommandHandler {
  static let name = "attendance.declare"
  static let roles: Set<Role> = [.delegate]
  struct Args: Decodable { var status: AttendanceStatus }
  static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection) -> [any EventPayload]
  {
    let seat = context.actor.seat ?? ""
    guard args.status != .absent else {
      throw Rejection(.invalidArgs, "A delegation declares present or present_and_voting; the dais records departures.")
    }
    let mode = state.rules.floor.selfDeclaration
    guard mode != .off else {
      throw Rejection(.outOfOrder, "In this committee the dais takes attendance; answer the roll call.")
    }
    let change = try state.attendanceChange(seat, to: args.status)
    if mode == .direct {
      return [AttendanceMarked(seat: seat, status: args.status, change: change, by: seat, at: context.now)]
    }
    guard state.attendance.pending[seat] != args.status else {
      throw Rejection(.duplicate, "Your declaration is already waiting for the chair.")
    }
    return [AttendanceDeclared(seat: seat, status: args.status, at: context.now)]
  }
}
