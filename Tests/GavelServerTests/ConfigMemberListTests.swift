// Member lists (CSV), roll-call keys and the path rules the loader documents.
import GavelCore
import Testing

@testable import GavelServer

@Suite struct ConfigMemberListTests {
  @Test func quotedFieldsCommentsAndCRLF() throws {
    let csv = "# a comment\r\ncode,name,collation\r\n\r\nXAA,\"Name, with comma\",\r\nXBB,\"Say \"\"hi\"\"\",say hi\r\n"
    let entries = try MemberList.parse(csv, file: "m.csv")
    #expect(entries.map(\.seat.code) == ["XAA", "XBB"])
    #expect(entries[0].seat.name == "Name, with comma")
    #expect(entries[0].seat.collationKey == "name, with comma")  // empty collation: derived from the name
    #expect(entries[0].line == 4)
    #expect(entries[1].seat.name == "Say \"hi\"")
    #expect(entries.allSatisfy { $0.seat.kind == .member && !$0.seat.veto })
  }

  @Test(arguments: [
    ("code,name\nFRA,\"France\n", "m.csv:2:1: unbalanced quotes"),
    ("name,code\nFRA,France\n", "m.csv:1:1: the first line must be the header"),
    ("code,name\nfra,France\n", "m.csv:2:1: 'fra' is not a seat code"),
    ("code,name\nFRA,\n", "m.csv:2:1: FRA has no name"),
    ("# only a comment\n", "m.csv: the members file is empty"),
  ])
  func refusesWithLine(csv: String, prefix: String) {
    #expect {
      _ = try MemberList.parse(csv, file: "m.csv")
    } throws: { error in
      (error as? ConfigError)?.description.hasPrefix(prefix) == true
    }
  }

  @Test func defaultCollationFoldsCaseAndAccents() {
    #expect(CommitteeLoader.defaultCollationKey("Côte d'Ivoire") == "cote d'ivoire")
    #expect(CommitteeLoader.defaultCollationKey("Türkiye") == "turkiye")
  }

  @Test func inlineSeatsAreSortedIntoRollOrder() throws {
    let dir = try ConfigFixture.folder([
      "c.toml": """
      id = "c"
      name = "C"
      body = "generic"
      [[seats]]
      code = "TUR"
      name = "Türkiye"
      [[seats]]
      code = "TKM"
      name = "Turkmenistan"
      [[seats]]
      code = "TUN"
      name = "Tunisia"
      """
    ])
    defer { ConfigFixture.remove(dir) }
    let committee = try CommitteeLoader.load(path: dir + "/c.toml")
    #expect(committee.seats.map(\.code) == ["TUN", "TUR", "TKM"])
  }

  @Test func pathsJoinAndNormalise() {
    #expect(ConfigPaths.join("Config", "committees/unsc.toml") == "Config/committees/unsc.toml")
    #expect(ConfigPaths.join("Config/committees", "../data/m.csv") == "Config/data/m.csv")
    #expect(ConfigPaths.join("Config", "/etc/gavel/x.toml") == "/etc/gavel/x.toml")
    #expect(ConfigPaths.join(".", "./a/./b") == "a/b")
    #expect(ConfigPaths.join("..", "a") == "../a")
    #expect(ConfigPaths.normalize("/../a/") == "/a")
    #expect(ConfigPaths.directory(of: "gaveld.toml") == ".")
    #expect(ConfigPaths.directory(of: "/gaveld.toml") == "/")
    #expect(ConfigPaths.directory(of: "Config/gaveld.toml") == "Config")
  }
}
