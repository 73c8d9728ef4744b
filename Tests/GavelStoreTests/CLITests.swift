// The `gavel` CLI as a user runs it (protocol.md §1): the real binary, real files, exit codes
// 0 / 1 (failure) / 2 (usage), one-line errors on stderr.
import Foundation
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct CLITests {
  typealias Run = Subprocess

  static func gavel(_ arguments: String...) throws -> Run {
    try Subprocess.run(try CrashTests.sibling("gavel"), arguments)
  }

  /// DIR/unsc.gavel with `count` events, closed: the 2026 Council convened first (as every real
  /// log begins; `gavel verify` insists on it), then floor events.
  func makeCommittee(_ dir: TemporaryDirectory, count: Int = 5, convened: Bool = true) throws -> String {
    let path = dir.file("unsc.gavel")
    let store = try EventStore(path: path)
    if convened {
      let definition = Committees.unsc2026
      let hash = Digest.hex(Digest.sha256(canonicalBytes(of: definition)))
      try store.append([Fixture.request([convene(definition, definitionHash: hash, at: 1)], command: "convene")])
    }
    try Fixture.fill(store, count: count - (convened ? 1 : 0))
    return path
  }

  func expectOneLineError(_ run: Run, status: Int32, _ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  {
    #expect(run.status == status, "\(run)", sourceLocation: sourceLocation)
    #expect(run.stderr.hasPrefix("gavel: "), sourceLocation: sourceLocation)
    #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.contains(text), "\(run.stderr)", sourceLocation: sourceLocation)
  }

  @Test func tokenIssuePrintsOnlyTheTokenAndStoresItsHash() throws {
    let dir = try TemporaryDirectory()
    let path = try makeCommittee(dir)
    let run = try Self.gavel(
      "token", "issue", "--data", dir.path, "--committee", "unsc", "--role", "chair", "--label", "Dais")
    #expect(run.status == 0, "\(run)")
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.hasSuffix("\n"))
    let token = String(run.stdout.dropLast())
    #expect(token.count == 43)
    let store = try EventStore(path: path)
    let credential = try #require(try store.credential(token: token))
    #expect(credential.role == .chair)
    #expect(credential.seat == nil)
    #expect(credential.label == "Dais")

    let revoke = try Self.gavel("token", "revoke", "--data", dir.path, "--committee", "unsc", "--token", token)
    #expect(revoke.status == 0, "\(revoke)")
    #expect(try store.credential(token: token)?.revoked == true)
    expectOneLineError(
      try Self.gavel("token", "revoke", "--data", dir.path, "--committee", "unsc", "--token", "nope"), status: 1,
      "no such token")
    #expect(store.verify().eventCount == 5)
  }

  @Test func tokenUsageAndFailuresExitTwoAndOne() throws {
    let dir = try TemporaryDirectory()
    _ = try makeCommittee(dir)
    expectOneLineError(
      try Self.gavel("token", "issue", "--data", dir.path, "--committee", "unsc", "--role", "delegate"), status: 2,
      "--seat")
    expectOneLineError(
      try Self.gavel("token", "issue", "--data", dir.path, "--committee", "unsc", "--role", "display", "--seat", "FRA"),
      status: 2, "--seat")
    expectOneLineError(
      try Self.gavel("token", "issue", "--data", dir.path, "--committee", "unsc", "--role", "king"), status: 2, "king")
    expectOneLineError(
      try Self.gavel("token", "issue", "--data", dir.path, "--committee", "nope", "--role", "chair"), status: 1,
      "nope.gavel")
    expectOneLineError(
      try Self.gavel("token", "issue", "--data", dir.path, "--committee", "../unsc", "--role", "chair"), status: 2,
      "committee id")
    // A log without its committeeConvened event names no seat yet.
    let unconvened = try TemporaryDirectory()
    _ = try makeCommittee(unconvened, convened: false)
    expectOneLineError(
      try Self.gavel(
        "token", "issue", "--data", unconvened.path, "--committee", "unsc", "--role", "delegate", "--seat", "FRA"),
      status: 1, "not been convened")
    expectOneLineError(try Self.gavel("frobnicate"), status: 2, "frobnicate")
    expectOneLineError(try Self.gavel(), status: 2, "subcommand")
    #expect(try Self.gavel("token", "issue", "--help").status == 0)
  }

  @Test func verifyExitsZeroWhenSoundAndOneNamingTheFirstBadSeq() throws {
    let dir = try TemporaryDirectory()
    let path = try makeCommittee(dir)
    let good = try Self.gavel("verify", path)
    #expect(good.status == 0, "\(good)")
    #expect(good.stdout.contains("ok: 5 events"))
    #expect(good.stdout.filter { $0 == "\n" }.count == 1)

    let raw = try RawFile(path)
    try raw.dropEventTriggers()
    try raw.run("UPDATE events SET at = at + 1 WHERE seq = 3")
    let bad = try Self.gavel("verify", path)
    #expect(bad.status == 1, "\(bad)")
    #expect(bad.stdout.contains("first problem at seq 3"))
    expectOneLineError(try Self.gavel("verify", dir.file("missing.gavel")), status: 1, "missing.gavel")
  }

  @Test func replayPrintsThePublicViewAfterASeq() throws {
    let dir = try TemporaryDirectory()
    let path = try makeCommittee(dir)
    let store = try EventStore(path: path, options: StoreOptions(readOnly: true))
    let json = try Self.gavel("replay", path, "--until", "2", "--json")
    #expect(json.status == 0, "\(json)")
    #expect(json.stdout == publicView(try store.load(through: 2)).text + "\n")
    let text = try Self.gavel("replay", path)
    #expect(text.status == 0, "\(text)")
    #expect(text.stdout.hasPrefix("state after seq 5 of 5"))

    let raw = try RawFile(path)
    try raw.dropEventTriggers()
    try raw.run("DELETE FROM events WHERE seq = 4")
    expectOneLineError(try Self.gavel("replay", path), status: 1, "seq 4")
  }

  @Test func tokensAreIssuedAndRevokedWhileAnotherProcessKeepsAppending() throws {
    let dir = try TemporaryDirectory()
    let path = try makeCommittee(dir, count: 1)
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: try CrashTests.sibling("gavel-store-crash-child"))
    writer.arguments = [path, "3"]  // commits back to back, as a busy daemon would
    let out = Pipe()
    writer.standardOutput = out
    try writer.run()
    defer {
      kill(writer.processIdentifier, SIGKILL)
      writer.waitUntilExit()
    }
    let acks = CrashTests.AckReader(out.fileHandleForReading.fileDescriptor)
    acks.read(untilCount: 5)  // the writer is busy committing
    var tokens: [String] = []
    for _ in 0..<4 {
      let run = try Self.gavel("token", "issue", "--data", dir.path, "--committee", "unsc", "--role", "auditor")
      #expect(run.status == 0, "\(run)")
      tokens.append(String(run.stdout.dropLast()))
    }
    let revoke = try Self.gavel("token", "revoke", "--data", dir.path, "--committee", "unsc", "--token", tokens[0])
    #expect(revoke.status == 0, "\(revoke)")
    let verify = try Self.gavel("verify", path)
    #expect(verify.status == 0, "\(verify)")
    acks.read(untilCount: acks.acks.count + 5)  // and it is still committing
    #expect(!acks.atEOF)

    let store = try EventStore(path: path, options: StoreOptions(readOnly: true))
    #expect(try tokens.map { try store.credential(token: $0)?.revoked } == [true, false, false, false])
  }

  @Test func readOnlyCommandsLeaveTheFileUntouched() throws {
    let dir = try TemporaryDirectory()
    let path = try makeCommittee(dir)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(try Self.gavel("verify", path).status == 0)
    #expect(try Self.gavel("replay", path, "--json").status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}
