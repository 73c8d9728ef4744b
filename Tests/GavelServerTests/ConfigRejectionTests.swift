// Each kind of bad config is refused with one line naming the file, the key and the fix.
import Foundation
import GavelCore
import Testing

@testable import GavelServer

@Suite struct ConfigRejectionTests {
  /// Loads a gaveld.toml + tiny.toml pair written to a scratch folder and returns the error.
  func failure(
    gaveld: String = ConfigFixture.gaveld(), committee: String = ConfigFixture.smallCommittee,
    more: [String: String] = [:]
  ) throws -> ConfigError? {
    var files = ["gaveld.toml": gaveld, "tiny.toml": committee]
    files.merge(more) { _, new in new }
    let dir = try ConfigFixture.folder(files)
    defer { ConfigFixture.remove(dir) }
    do {
      _ = try ConfigLoader.load(path: dir + "/gaveld.toml")
      return nil
    } catch {
      // Paths in messages are the scratch folder's; tests compare what follows it.
      return ConfigError(
        file: String(error.file.dropFirst(dir.count + 1)), key: error.key, message: error.message,
        line: error.line, column: error.column)
    }
  }

  @Test func theFixtureItselfIsValid() throws {
    #expect(try failure() == nil)
  }

  @Test func unknownKeySuggestsTheClosest() throws {
    let error = try #require(try failure(gaveld: ConfigFixture.gaveld(extra: "log_levl = \"debug\"")))
    #expect(error.description == "gaveld.toml: log_levl: unknown key — did you mean 'log_level'?")
  }

  @Test func unknownKeyWithoutNearNeighbourListsTheKeys() throws {
    let error = try #require(try failure(gaveld: ConfigFixture.gaveld() + "[limits]\nzzz = 1\n"))
    #expect(error.key == "limits.zzz")
    #expect(error.message.hasPrefix("unknown key — remove it; keys allowed here: board_batch_ms, command_burst, "))
  }

  /// TOML's classic trap: a top-level key written after a [section] lands inside it.
  @Test func topLevelKeyInsideASection() throws {
    let error = try #require(try failure(gaveld: ConfigFixture.gaveld(extra: "[limits]\nping_seconds = 5\n")))
    #expect(
      error.description
        == "gaveld.toml: limits.committees: belongs at the top of the file — move it above the first [section]")
  }

  @Test func wrongType() throws {
    let error = try #require(try failure(gaveld: ConfigFixture.gaveld(extra: "snapshot_every = \"100\"")))
    #expect(
      error.description
        == "gaveld.toml: snapshot_every: expected an integer, found a string — write it as snapshot_every = 1000")
  }

  @Test func outOfRangeLimit() throws {
    let error = try #require(
      try failure(gaveld: ConfigFixture.gaveld() + "[limits]\nmax_frame_bytes = 10\n"))
    #expect(
      error.description
        == "gaveld.toml: limits.max_frame_bytes: 10 is out of range — use a value from 1024 to 16777216 (default 65536)"
    )
  }

  @Test func inconsistentLimits() throws {
    let error = try #require(
      try failure(gaveld: ConfigFixture.gaveld() + "[limits]\nping_seconds = 30\nhangup_seconds = 30\n"))
    #expect(error.key == "limits.hangup_seconds")
    #expect(error.message.contains("not longer than ping_seconds"))
  }

  @Test(arguments: [
    ("127.0.0.1:99999", "port '99999' is not a number from 0 to 65535"),
    ("127.0.0.1", "has no port"),
    (":8080", "has no host"),
    ("::1:8080", "put an IPv6 address in brackets"),
    ("127.0.0.1:http", "port 'http' is not a number"),
  ])
  func badListenAddress(listen: String, reason: String) throws {
    let gaveld = "listen = \"\(listen)\"\ncommittees = [\"tiny.toml\"]\n"
    let error = try #require(try failure(gaveld: gaveld))
    #expect(error.file == "gaveld.toml")
    #expect(error.key == "listen")
    #expect(error.message.contains(reason))
  }

  @Test func badListenOverrideNamesTheCommandLine() throws {
    #expect {
      _ = try ConfigLoader.load(path: ConfigFixture.shipped("Config/gaveld.toml"), listen: "localhost:-1")
    } throws: { error in
      (error as? ConfigError)?.description.hasPrefix("command line: --listen: port '-1' is not a number") == true
    }
  }

  @Test func badLogLevel() throws {
    let error = try #require(try failure(gaveld: ConfigFixture.gaveld(extra: "log_level = \"loud\"")))
    #expect(error.key == "log_level")
    #expect(error.message.contains("use one of trace, debug, info"))
  }

  @Test func missingConfigFile() {
    #expect {
      _ = try ConfigLoader.load(path: "/nonexistent/gaveld.toml")
    } throws: { error in
      (error as? ConfigError)?.description
        == "/nonexistent/gaveld.toml: cannot read the config file — check the path given to --config (default Config/gaveld.toml)"
    }
  }

  @Test func missingCommitteeFile() throws {
    let error = try #require(try failure(gaveld: ConfigFixture.gaveld(committees: #"["tiny.toml", "nope.toml"]"#)))
    #expect(error.key == "committees[1]")
    #expect(error.message.contains("nope.toml' — committee files are relative to the config file's folder"))
  }

  @Test func noCommittees() throws {
    let error = try #require(try failure(gaveld: "listen = \"127.0.0.1:0\"\n"))
    #expect(error.description == "gaveld.toml: committees: missing — add committees = [\"committees/unsc.toml\"]")
  }

  @Test func duplicateCommitteeID() throws {
    let error = try #require(
      try failure(
        gaveld: ConfigFixture.gaveld(committees: #"["tiny.toml", "again.toml"]"#),
        more: ["again.toml": ConfigFixture.smallCommittee]))
    #expect(error.file == "again.toml")
    #expect(error.key == "id")
    #expect(error.message == "duplicate committee id 'tiny' (also in tiny.toml) — give each committee its own id")
  }

  @Test(arguments: ["UNSC", "un sc", "", String(repeating: "a", count: 41), "unsc_1"])
  func badCommitteeID(id: String) throws {
    let committee = ConfigFixture.smallCommittee.replacingOccurrences(of: "id = \"tiny\"", with: "id = \"\(id)\"")
    let error = try #require(try failure(committee: committee))
    #expect(error.file == "tiny.toml")
    #expect(error.key == "id")
  }

  @Test func duplicateSeat() throws {
    let error = try #require(
      try failure(committee: ConfigFixture.smallCommittee + "\n[[seats]]\ncode = \"FRA\"\nname = \"France again\"\n"))
    #expect(
      error.description
        == "tiny.toml: seats[2].code: duplicate seat code 'FRA' (also at seats[0]) — list each seat once")
  }

  @Test(arguments: ["fra", "F", "FR A", "1FR", "ABCDEFGHIJKLM"])
  func badSeatCode(code: String) throws {
    let error = try #require(
      try failure(committee: ConfigFixture.smallCommittee + "\n[[seats]]\ncode = \"\(code)\"\nname = \"X\"\n"))
    #expect(error.key == "seats[2].code")
    #expect(error.message.contains("is not a seat code"))
  }

  @Test func unknownBody() throws {
    let committee = ConfigFixture.smallCommittee.replacingOccurrences(of: "\"generic\"", with: "\"security_counsel\"")
    let error = try #require(try failure(committee: committee))
    #expect(error.key == "body")
    #expect(error.message.hasPrefix("unknown body 'security_counsel' — did you mean 'security_council'?"))
  }

  @Test func unknownSeatKind() throws {
    let error = try #require(
      try failure(
        committee: ConfigFixture.smallCommittee + "\n[[seats]]\ncode = \"CIS\"\nname = \"CIS\"\nkind = \"guest\"\n"))
    #expect(
      error.description
        == "tiny.toml: seats[2].kind: unknown seat kind 'guest' — use one of member, participant, invitee, observer")
  }

  @Test func vetoOnANonMember() throws {
    let error = try #require(
      try failure(
        committee: ConfigFixture.smallCommittee
          + "\n[[seats]]\ncode = \"TJK\"\nname = \"Tajikistan\"\nkind = \"participant\"\nveto = true\n"))
    #expect(error.key == "seats[2].veto")
    #expect(error.message.hasPrefix("only members can hold a veto, and TJK is a participant"))
  }

  @Test func noMemberSeat() throws {
    let committee = """
      id = "tiny"
      name = "Tiny"
      body = "generic"
      [[seats]]
      code = "CIS"
      name = "Commonwealth of Independent States"
      kind = "invitee"
      """
    let error = try #require(try failure(committee: committee))
    #expect(error.file == "tiny.toml")
    #expect(error.key == nil)
    #expect(error.message.hasPrefix("no member seats"))
  }

  @Test func unknownSeatKey() throws {
    let error = try #require(
      try failure(
        committee: ConfigFixture.smallCommittee + "\n[[seats]]\ncode = \"ESP\"\nname = \"Spain\"\nvetoo = true\n"))
    #expect(error.description == "tiny.toml: seats[2].vetoo: unknown key — did you mean 'veto'?")
  }

  @Test func badTOMLSyntaxHasLineAndColumn() throws {
    let committee = ConfigFixture.smallCommittee.replacingOccurrences(
      of: "topic = \"Testing\"", with: "topic = Testing")
    let error = try #require(try failure(committee: committee))
    #expect(
      error.description
        == "tiny.toml:4:9: unquoted text 'Testing'; strings need quotes: \"Testing\" — fix the TOML syntax at this line and column"
    )
  }

  @Test func missingMembersFile() throws {
    let error = try #require(
      try failure(
        committee: ConfigFixture.smallCommittee.replacingOccurrences(
          of: "topic = \"Testing\"", with: "topic = \"Testing\"\nmembers = \"data/none.csv\"")))
    #expect(error.key == "members")
    #expect(error.message.contains("data/none.csv' — the members file is relative to the committee file"))
  }

  @Test func badMembersFileLine() throws {
    let committee = ConfigFixture.smallCommittee.replacingOccurrences(
      of: "topic = \"Testing\"", with: "topic = \"Testing\"\nmembers = \"data/m.csv\"")
    let csv = "code,name,collation\nESP,Spain,spain\nITA,Italy\n"
    let error = try #require(try failure(committee: committee, more: ["data/m.csv": csv]))
    #expect(error.description.hasPrefix("data/m.csv:3:1: expected 3 fields (code,name,collation), found 2"))
  }

  @Test func seatDuplicatingTheMembersFile() throws {
    let committee = ConfigFixture.smallCommittee.replacingOccurrences(
      of: "topic = \"Testing\"", with: "topic = \"Testing\"\nmembers = \"data/m.csv\"")
    let error = try #require(
      try failure(committee: committee, more: ["data/m.csv": "code,name,collation\nFRA,France,france\n"]))
    #expect(error.key == "seats[0].code")
    #expect(error.message.contains("duplicate seat code 'FRA' (also at "))
    #expect(error.message.contains("m.csv line 2)"))
  }

  @Test func unreadableTLSFiles() throws {
    let error = try #require(
      try failure(
        gaveld: ConfigFixture.gaveld() + "[tls]\ncert = \"/nonexistent/cert.pem\"\nkey = \"/nonexistent/key.pem\"\n"))
    #expect(error.key == "tls.cert")
    #expect(error.message.hasPrefix("cannot read '/nonexistent/cert.pem'"))
  }

  @Test func tlsNeedsBothFiles() throws {
    let error = try #require(try failure(gaveld: ConfigFixture.gaveld() + "[tls]\ncert = \"/etc/hostname\"\n"))
    #expect(error.description == "gaveld.toml: tls.key: missing — add key = \"/etc/gavel/tls/privkey.pem\"")
  }

  @Test func dataFolderThatIsAFile() throws {
    let error = try #require(try failure(gaveld: "data_dir = \"/etc/hostname\"\ncommittees = [\"tiny.toml\"]\n"))
    #expect(error.key == "data_dir")
    #expect(error.message.contains("is a file"))
  }

  @Test func messagesStayOnOneLine() throws {
    let error = try #require(try failure(gaveld: ConfigFixture.gaveld(extra: #"log_level = "loud\nand\rclear""#)))
    #expect(error.key == "log_level")
    #expect(!error.description.contains("\n") && !error.description.contains("\r"))
    #expect(error.description.contains(#"'loud\nand\rclear' is not a log level"#))
  }
}
