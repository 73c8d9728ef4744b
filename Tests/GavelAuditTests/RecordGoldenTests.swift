// The record, the vote export and replay of the fixture session, pinned by golden files, and
// the determinism the audit promises: the same log gives the same bytes, twice.
import Foundation
import GavelAudit
import GavelCore
import GavelStore
import GavelTesting
import Testing

@Suite struct RecordGoldenTests {
  /// The fixture session in a fresh directory, reopened read-only as `gavel` would.
  static func fixture() throws -> (TemporaryDirectory, EventStore) {
    let dir = try TemporaryDirectory(prefix: "gavel-audit")
    let path = dir.file("unsc.gavel")
    _ = try ScriptedLog.session(at: path)
    let store = try EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: false))
    return (dir, store)
  }

  /// The log itself, one event per line (seq, time, actor, command, name, payload): the script pinned.
  @Test func theFixtureLog() throws {
    let (dir, store) = try Self.fixture()
    defer { withExtendedLifetime(dir) {} }
    let lines = try store.events(after: 0, limit: .max).map { row in
      let actor = row.actor.seat.map { "\(row.actor.role.rawValue):\($0)" } ?? row.actor.role.rawValue
      return "\(row.seq)\t\(row.at)\t\(actor)\t\(row.commandId ?? "-")\t\(row.name)\t\(String(decoding: row.payload, as: UTF8.self))"
    }
    try Golden.check(lines.joined(separator: "\n") + "\n", "session.tsv")
  }

  @Test func recordInThreeFormats() throws {
    let (dir, store) = try Self.fixture()
    defer { withExtendedLifetime(dir) {} }
    let record = try RecordBuilder.build(store)
    try Golden.check(RecordMarkdown.render(record), "record.md")
    try Golden.check(RecordHTML.render(record), "record.html")
    try Golden.check(RecordJSON.render(record), "record.json")
  }

  @Test func voteExportAsCSVAndJSON() throws {
    let (dir, store) = try Self.fixture()
    defer { withExtendedLifetime(dir) {} }
    let record = try RecordBuilder.build(store)
    try Golden.check(VoteExport.csv(record), "votes.csv")
    try Golden.check(VoteExport.json(record), "votes.json")
  }

  /// Replay after the roll call, in the middle of the roll-call vote (second round), and at the end.
  @Test func replayAtThreePoints() throws {
    let (dir, store) = try Self.fixture()
    defer { withExtendedLifetime(dir) {} }
    let rows = try store.events(after: 0, limit: .max)
    let afterRollCall = try #require(rows.last { $0.name == "attendanceMarked" && $0.seq < 30 }).seq
    let secondRound = try #require(rows.first { $0.name == "secondRoundStarted" }).seq
    for (label, seq) in [("roll-call", afterRollCall), ("second-round", secondRound), ("end", store.lastSeq)] {
      let (view, at) = try ReplayText.view(store, until: seq)
      try Golden.check(ReplayText.render(view, seq: at, of: store.lastSeq) + "\n", "replay-\(label).txt")
      try Golden.check(view.text + "\n", "replay-\(label).json")
    }
  }

  @Test func theSameLogGivesTheSameBytes() throws {
    let (dir1, first) = try Self.fixture()
    let (dir2, second) = try Self.fixture()
    defer { withExtendedLifetime((dir1, dir2)) {} }
    let a = try RecordBuilder.build(first)
    let b = try RecordBuilder.build(second)
    #expect(RecordJSON.render(a) == RecordJSON.render(b))
    #expect(RecordHTML.render(a) == RecordHTML.render(b))
    #expect(VoteExport.csv(a) == VoteExport.csv(b))
  }

  /// §8.2 wording: the veto and the adoption, as announced, and the lists of the roll call.
  @Test func theRecordDistinguishesAVetoFromAnAdoption() throws {
    let (dir, store) = try Self.fixture()
    defer { withExtendedLifetime(dir) {} }
    let record = try RecordBuilder.build(store)
    let drafts = record.votes.filter { $0.subjectKind == "draft" }
    #expect(drafts.count == 2)
    #expect(
      drafts[0].announcement
        == "The draft resolution received 11 votes in favour, 2 against and 2 abstentions. The draft resolution has not "
        + "been adopted, owing to the negative vote of a permanent member of the Council.")
    #expect(drafts[0].vetoedBy == ["RUS"])
    #expect(drafts[0].against == ["Pakistan", "Russian Federation"])
    #expect(drafts[0].abstaining == ["China", "Somalia"])
    #expect(drafts[0].ballots.filter { $0.round == 2 }.map(\.seat) == ["COL"])
    #expect(drafts[1].resolution == "SIM-SC/RES/1")
    #expect(drafts[1].announcement?.hasSuffix("has been adopted as resolution SIM-SC/RES/1.") == true)
    let speeches = record.meetings[0].proceedings.filter { $0.kind == .explanationOfVote }
    #expect(speeches.map(\.seat) == ["DNK", "PAK"])
    #expect(record.meetings[0].participants.map(\.code) == ["AFG", "TJK"])
    #expect(record.meetings[0].invitees.map(\.code) == ["CIS"])
  }
}
