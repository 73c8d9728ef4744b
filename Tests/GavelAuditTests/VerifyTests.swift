// `gavel verify` on the fixture session: sound as written; a changed byte, a deleted row or two
// swapped rows are named by their first bad seq; and forgeries whose hash chain was rebuilt
// around them (written through the real store) are caught by re-deriving the votes.
import Foundation
import GavelAudit
import GavelCore
import GavelStore
import GavelTesting
import Testing

@Suite struct VerifyTests {
  static func log(forge: ((String, inout [Event]) -> Void)? = nil) throws -> (TemporaryDirectory, String) {
    let dir = try TemporaryDirectory(prefix: "gavel-audit")
    let path = dir.file("unsc.gavel")
    _ = try ScriptedLog.session(at: path, forge: forge)
    return (dir, path)
  }

  static func verify(_ path: String) throws -> AuditReport {
    Verifier.verify(try EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: false)))
  }

  static func seq(_ path: String, where match: (StoredEvent) -> Bool) throws -> Int64 {
    let store = try EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: false))
    return try #require(try store.events(after: 0, limit: .max).first(where: match)).seq
  }

  static func payload(_ row: StoredEvent) -> String { String(decoding: row.payload, as: UTF8.self) }

  @Test func theFixtureSessionIsSound() throws {
    let (dir, path) = try Self.log()
    defer { withExtendedLifetime(dir) {} }
    let report = try Self.verify(path)
    #expect(report.isValid, "\(report.problems)")
    #expect(report.votes == 4)
    #expect(report.ballots == 31)
    #expect(report.summary.hasPrefix("ok: \(report.events) events, 4 votes, 31 ballots"))
  }

  @Test func changingOnePayloadByteNamesItsSeq() throws {
    let (dir, path) = try Self.log()
    defer { withExtendedLifetime(dir) {} }
    let bad = try Self.seq(path) { $0.name == "motionProposed" && Self.payload($0).contains("Border security") }
    try Tools.tamper(path, "UPDATE events SET payload = replace(payload, 'Border security', 'Border sdcurity') WHERE seq = \(bad);")
    let report = try Self.verify(path)
    #expect(report.firstProblem?.seq == bad)
    #expect(report.firstProblem?.code == .chain)
  }

  @Test func deletingARowNamesItsSeq() throws {
    let (dir, path) = try Self.log()
    defer { withExtendedLifetime(dir) {} }
    let bad = try Self.seq(path) { $0.name == "ballotCast" && Self.payload($0).contains("\"RUS\"") }
    try Tools.tamper(path, "DELETE FROM events WHERE seq = \(bad);")
    #expect(try Self.verify(path).firstProblem?.seq == bad)
  }

  @Test func swappingTwoRowsNamesTheFirst() throws {
    let (dir, path) = try Self.log()
    defer { withExtendedLifetime(dir) {} }
    let first = try Self.seq(path) { $0.name == "voteClosed" }
    try Tools.tamper(
      path,
      "UPDATE events SET seq = -1 WHERE seq = \(first); UPDATE events SET seq = \(first) WHERE seq = \(first + 3); "
        + "UPDATE events SET seq = \(first + 3) WHERE seq = -1;")
    #expect(try Self.verify(path).firstProblem?.seq == first)
  }

  /// A forger turns the veto into an adoption and rebuilds the chain: the outcome is derived again.
  @Test func aForgedOutcomeIsFound() throws {
    let (dir, path) = try Self.log { name, events in
      guard name == "vote.close", var closed = events.first?.payload as? VoteClosed, closed.reason == .veto else { return }
      closed.outcome = .adopted
      closed.reason = .thresholdMet
      closed.vetoedBy = []
      events[0] = Event(closed)
    }
    defer { withExtendedLifetime(dir) {} }
    let bad = try Self.seq(path) { $0.name == "voteClosed" && Self.payload($0).contains("V3") }
    let report = try Self.verify(path)
    #expect(report.firstProblem?.seq == bad)
    #expect(report.firstProblem?.code == .outcome)
    #expect(report.firstProblem?.message.contains("rejected (veto)") == true, "\(report.summary)")
  }

  @Test func aBallotFromASeatWithoutAVoteIsFound() throws {
    let (dir, path) = try Self.log { name, events in
      guard name == "vote.cast", var ballot = events.first?.payload as? BallotCast, ballot.seat == "SOM" else { return }
      ballot.seat = "TJK"
      events.append(Event(ballot))
    }
    defer { withExtendedLifetime(dir) {} }
    let bad = try Self.seq(path) { $0.name == "ballotCast" && Self.payload($0).contains("\"TJK\"") }
    let report = try Self.verify(path)
    #expect(report.firstProblem?.seq == bad)
    #expect(report.firstProblem?.code == .ballot)
  }

  @Test func aBallotAfterTheCloseIsFound() throws {
    let (dir, path) = try Self.log { name, events in
      guard name == "vote.close", let closed = events.first?.payload as? VoteClosed, closed.vote == "V4" else { return }
      events.append(Event(BallotCast(vote: "V4", seat: "GBR", choice: .no, round: 1, rights: false, byChair: false, at: closed.at)))
    }
    defer { withExtendedLifetime(dir) {} }
    let closedSeq = try Self.seq(path) { $0.name == "voteClosed" && Self.payload($0).contains("V4") }
    let report = try Self.verify(path)
    #expect(report.firstProblem?.seq == closedSeq + 1)
    #expect(report.firstProblem?.code == .ballot)
  }

  /// A roll-call order that does not follow from the logged draw (§8.3 check 7).
  @Test func aRollCallOrderNotFromTheDrawIsFound() throws {
    let (dir, path) = try Self.log { name, events in
      guard name == "vote.open", var opened = events.first?.payload as? VoteOpened, opened.vote.method == .rollCall else {
        return
      }
      opened.vote.draw = (opened.vote.draw ?? 0) + 1
      events[0] = Event(opened)
    }
    defer { withExtendedLifetime(dir) {} }
    let bad = try Self.seq(path) { $0.name == "voteOpened" && Self.payload($0).contains("roll_call") }
    let report = try Self.verify(path)
    #expect(report.firstProblem?.seq == bad)
    #expect(report.firstProblem?.code == .rollCallOrder)
  }

  /// A forged consequence: the adopted caucus motion's event changed, re-derived through `decide`.
  @Test func aForgedConsequenceOfACloseIsFound() throws {
    let (dir, path) = try Self.log { name, events in
      guard name == "vote.close", let i = events.firstIndex(where: { $0.payload is CaucusStarted }),
        var caucus = events[i].payload as? CaucusStarted
      else { return }
      caucus.totalMs *= 2
      events[i] = Event(caucus)
    }
    defer { withExtendedLifetime(dir) {} }
    let bad = try Self.seq(path) { $0.name == "caucusStarted" }
    let report = try Self.verify(path)
    #expect(report.firstProblem?.seq == bad)
    #expect(report.firstProblem?.code == .rederived)
  }

  @Test func theCLISummarisesAndExitsOneOnAProblem() throws {
    let (dir, path) = try Self.log()
    defer { withExtendedLifetime(dir) {} }
    let ok = try Tools.gavel("verify", path)
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout.contains("ok: ") && ok.stdout.contains("4 votes"))
    let bad = try Self.seq(path) { $0.name == "voteOpened" }
    try Tools.tamper(path, "DELETE FROM events WHERE seq = \(bad);")
    let broken = try Tools.gavel("verify", path)
    #expect(broken.status == 1)
    #expect(broken.stdout.contains("first problem at seq \(bad)"), "\(broken.stdout)")
    let record = try Tools.gavel("record", path, "--format", "md")
    #expect(record.status == 1)
    #expect(record.stderr.contains("seq \(bad)"))
  }
}
