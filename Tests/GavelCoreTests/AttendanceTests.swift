import GavelTesting
import Testing

@testable import GavelCore

@Suite struct AttendanceTests {
  let sc = Given(Committees.unsc2026)

  func mark(_ seat: String, _ status: AttendanceStatus) -> JSON {
    ["seat": .string(seat), "status": .string(status.rawValue)]
  }

  @Test func rollCallRecordsAnswersAndQuorumCountsMembersOnly() throws {
    let open = try sc.opened()
    let t = open.now
    let after = try open.when("attendance.mark", mark("FRA", .presentAndVoting)).then([
      AttendanceMarked(seat: "FRA", status: .presentAndVoting, change: .rollCall, by: "chair", at: t)
    ]) {
      $0.attendance.statuses["FRA"] = .presentAndVoting
      $0.attendance.recorded = ["FRA"]
      $0.attendance.declaredVoting = ["FRA"]
    }
    let withGuests = try after.marked(["TJK", "AFG", "CIS"])
    #expect(withGuests.state.quorum == QuorumFigures(members: 15, present: 1, toOpen: 0, toDecide: 9))
  }

  @Test func onlyMembersMayBePresentAndVoting() throws {
    let open = try sc.opened()
    try open.when("attendance.mark", mark("TJK", .presentAndVoting)).thenRejected(.notEligible)
    try open.when("attendance.mark", mark("CIS", .presentAndVoting)).thenRejected(.notEligible)
    try open.when("attendance.mark", mark("XXX", .present)).thenRejected(.notFound)
    try open.when("attendance.mark", ["seat": "FRA", "status": "here"]).thenRejected(.invalidArgs)
    try sc.when("attendance.mark", mark("FRA", .present)).thenRejected(.wrongState)
  }

  /// E-1: a delegate arriving after the roll call is a late arrival; quorum is recomputed at once.
  @Test func E1_lateArrivalIsRegisteredAndQuorumRecomputed() throws {
    let codes = sc.state.committee.seats.map(\.code)
    let rollCall = try sc.opened().marked(codes.filter { $0 != "USA" }).marked(["USA"], .absent)
    #expect(rollCall.state.rollCallComplete)
    #expect(rollCall.state.quorum.present == 14)
    let t = rollCall.now
    let after = try rollCall.when("attendance.mark", mark("USA", .present)).then([
      AttendanceMarked(seat: "USA", status: .present, change: .lateArrival, by: "chair", at: t)
    ]) { $0.attendance.statuses["USA"] = .present }
    #expect(after.state.quorum.present == 15)
  }

  /// E-2: a departure recomputes quorum.
  @Test func E2_departureRecomputesQuorum() throws {
    let open = try sc.inSession()
    let t = open.now
    let after = try open.when("attendance.mark", mark("CHN", .absent)).then([
      AttendanceMarked(seat: "CHN", status: .absent, change: .departure, by: "chair", at: t)
    ]) { $0.attendance.statuses["CHN"] = nil }
    #expect(after.state.quorum.present == 14)
    try after.when("attendance.mark", mark("CHN", .absent)).thenRejected(.duplicate)
  }

  /// E-4: present-and-voting cannot be downgraded in the same session (default), nor re-entered as present.
  @Test func E4_presentAndVotingCannotBeDowngraded() throws {
    let pv = try sc.opened().marked(["PAK"], .presentAndVoting)
    try pv.when("attendance.mark", mark("PAK", .present)).thenRejected(.outOfOrder)
    let left = try pv.and("attendance.mark", mark("PAK", .absent))
    try left.when("attendance.mark", mark("PAK", .present)).thenRejected(.outOfOrder)
    _ = try left.and("attendance.mark", mark("PAK", .presentAndVoting))
    // With the setting off, the downgrade is allowed and recorded as such.
    var rules = RulesProfile.securityCouncil
    rules.floor.pvIrrevocableInSession = false
    var def = Committees.unsc2026
    def.rules = rules
    let lenient = try Given(def).opened().marked(["PAK"], .presentAndVoting)
    let t = lenient.now
    try lenient.when("attendance.mark", mark("PAK", .present)).then([
      AttendanceMarked(seat: "PAK", status: .present, change: .downgrade, by: "chair", at: t)
    ]) { $0.attendance.statuses["PAK"] = .present }
  }

  @Test func upgradeFromPresentIsAllowed() throws {
    let present = try sc.opened().marked(["DNK"])
    let t = present.now
    try present.when("attendance.mark", mark("DNK", .presentAndVoting)).then([
      AttendanceMarked(seat: "DNK", status: .presentAndVoting, change: .upgrade, by: "chair", at: t)
    ]) {
      $0.attendance.statuses["DNK"] = .presentAndVoting
      $0.attendance.declaredVoting = ["DNK"]
    }
  }

  @Test func delegateDeclarationWaitsForTheChairUnderTheSCProfile() throws {
    let open = try sc.opened()
    let t = open.now
    let declared = try open.when("attendance.declare", ["status": "present_and_voting"], as: .delegate("GRC")).then([
      AttendanceDeclared(seat: "GRC", status: .presentAndVoting, at: t)
    ]) { $0.attendance.pending["GRC"] = .presentAndVoting }
    try declared.when("attendance.declare", ["status": "present_and_voting"], as: .delegate("GRC"))
      .thenRejected(.duplicate)
    try declared.when("attendance.declare", ["status": "present_and_voting"], as: .delegate("TJK"))
      .thenRejected(.notEligible)
    try declared.when("attendance.declare", ["status": "absent"], as: .delegate("GRC")).thenRejected(.invalidArgs)
    try declared.when("attendance.mark", mark("GRC", .presentAndVoting)).then([
      AttendanceMarked(seat: "GRC", status: .presentAndVoting, change: .rollCall, by: "chair", at: t)
    ]) {
      $0.attendance.statuses["GRC"] = .presentAndVoting
      $0.attendance.recorded = ["GRC"]
      $0.attendance.declaredVoting = ["GRC"]
      $0.attendance.pending = [:]
    }
  }

  @Test func delegateDeclarationAppliesDirectlyUnderTheGenericProfile() throws {
    let open = try Given(Committees.gaCommittee(members: 4, rules: .generic)).opened()
    let t = open.now
    try open.when("attendance.declare", ["status": "present"], as: .delegate("S02")).then([
      AttendanceMarked(seat: "S02", status: .present, change: .rollCall, by: "S02", at: t)
    ]) {
      $0.attendance.statuses["S02"] = .present
      $0.attendance.recorded = ["S02"]
    }
  }

  /// R2.7 and E-32: quorum fractions are exact; a majority of 16 is 9, a third of 16 is 6.
  @Test func quorumFractionsAreExact() throws {
    let ga = try Given(Committees.gaCommittee(members: 16, observers: 2)).opened()
    let half = try ga.marked((1...8).map { "S" + String(format2: $0) } + ["O01", "O02"])
    #expect(half.state.quorum == QuorumFigures(members: 16, present: 8, toOpen: 6, toDecide: 9))
    #expect(half.state.quorum.canOpen && !half.state.quorum.canDecide)
    let ecosoc = Given(Committees.gaCommittee(members: 54, rules: .ecosoc))
    #expect(ecosoc.state.quorum.toOpen == 28 && ecosoc.state.quorum.toDecide == 28)
  }
}

extension String {
  init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
