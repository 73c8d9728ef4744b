// The audit subcommands as a user runs them: the real `gavel` binary on the fixture session,
// read-only, printing exactly what the library renders (the golden files), or writing --out.
import Foundation
import GavelAudit
import GavelStore
import GavelTesting
import Testing

@Suite struct CommandLineTests {
  @Test func recordAndExportPrintTheGoldenBytes() throws {
    let (dir, path) = try VerifyTests.log()
    defer { withExtendedLifetime(dir) {} }
    let md = try Tools.gavel("record", path)
    #expect(md.status == 0, "\(md.stderr)")
    let store = try EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: false))
    let record = try RecordBuilder.build(store)
    #expect(md.stdout == RecordMarkdown.render(record))
    let csv = try Tools.gavel("export", path, "--votes", "--format", "csv")
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout == VoteExport.csv(record))
    let out = dir.file("record.html")
    let html = try Tools.gavel("record", path, "--format", "html", "--out", out)
    #expect(html.status == 0 && html.stdout.isEmpty, "\(html.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8) == RecordHTML.render(record))
    let replay = try Tools.gavel("replay", path, "--until", "30")
    #expect(replay.status == 0 && replay.stdout.hasPrefix("state after seq 30 of \(store.lastSeq)"))
  }

  @Test func exportNeedsToBeToldWhat() throws {
    let (dir, path) = try VerifyTests.log()
    defer { withExtendedLifetime(dir) {} }
    let ran = try Tools.gavel("export", path)
    #expect(ran.status == 2)
    #expect(ran.stderr.contains("--votes"))
  }
}

@Suite struct WordingTests {
  @Test func timesAreUTCWithIntegerArithmetic() {
    let t: Int64 = 1_764_432_000_000 + 5 * 60_000 + 7_250  // 2025-11-29 16:05:07.250 UTC
    #expect(RecordTimes.date(t) == "Saturday, 29 November 2025")
    #expect(RecordTimes.time(t) == "16.05")
    #expect(RecordTimes.iso(t) == "2025-11-29T16:05:07.250Z")
    #expect(RecordTimes.date(0) == "Thursday, 1 January 1970")
    #expect(RecordTimes.iso(951_782_400_000) == "2000-02-29T00:00:00.000Z")
  }
}
