// The shipped configuration loads: gaveld.toml, the Security Council and the GA First Committee,
// with the rosters and rules profiles the issue describes.
import Foundation
import GavelCore
import Testing

@testable import GavelServer

/// Paths of the repository's shipped files, and scratch folders for files written by a test.
enum ConfigFixture {
  static let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static func shipped(_ relative: String) -> String { repoRoot + "/" + relative }

  /// A fresh folder holding `files` (relative path → contents). Removed by the caller's `defer`.
  static func folder(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-config-\(UUID().uuidString)").path
    for (name, text) in files {
      let path = dir + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
    return dir
  }

  static func remove(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

  /// `text` loaded as gaveld.toml beside `smallCommittee` (saved as tiny.toml).
  static func loadGaveld(_ text: String) throws -> GaveldConfig {
    let dir = try folder(["gaveld.toml": text, "tiny.toml": smallCommittee])
    defer { remove(dir) }
    return try ConfigLoader.load(path: dir + "/gaveld.toml")
  }

  /// A valid three-seat committee file, to which a test adds or changes lines.
  static let smallCommittee = """
    id = "tiny"
    name = "Tiny"
    body = "generic"
    topic = "Testing"

    [[seats]]
    code = "FRA"
    name = "France"

    [[seats]]
    code = "GBR"
    name = "United Kingdom of Great Britain and Northern Ireland"
    """

  static func gaveld(committees: String = #"["tiny.toml"]"#, extra: String = "") -> String {
    "listen = \"127.0.0.1:0\"\ndata_dir = \"./data\"\n\(extra)\ncommittees = \(committees)\n"
  }
}

@Suite struct ConfigShippedTests {
  @Test func loadsShippedDaemonConfig() throws {
    let config = try ConfigLoader.load(path: ConfigFixture.shipped("Config/gaveld.toml"))
    #expect(config.listenHost == "127.0.0.1")
    #expect(config.listenPort == 8080)
    #expect(config.dataDir.hasPrefix("/") && config.dataDir.hasSuffix("/data"))
    #expect(config.logLevel == "info")
    #expect(config.limits == Limits())
    #expect(config.tls == nil)
    #expect(config.committees.map(\.id) == ["unsc", "ga-first"])
  }

  @Test func overridesFromTheCommandLine() throws {
    let config = try ConfigLoader.load(
      path: ConfigFixture.shipped("Config/gaveld.toml"), listen: "[::1]:0", data: "/tmp/gavel-data")
    #expect(config.listenHost == "::1")
    #expect(config.listenPort == 0)
    #expect(config.dataDir == "/tmp/gavel-data")
  }

  @Test func securityCouncilRoster() throws {
    let unsc = try CommitteeLoader.load(path: ConfigFixture.shipped("Config/committees/unsc.toml"))
    #expect(unsc.id == "unsc")
    #expect(unsc.body == .securityCouncil)
    #expect(unsc.topic == "The situation in Tajikistan and along the Tajik-Afghan border")
    #expect(unsc.symbolPrefix == "SIM-SC")
    #expect(unsc.rules == RulesProfile.securityCouncil)
    #expect(unsc.rules.label == "UNSC_PROVISIONAL+MUN_NA@1")
    #expect(unsc.members.count == 15)
    #expect(Set(unsc.seats.filter(\.veto).map(\.code)) == ["CHN", "FRA", "RUS", "GBR", "USA"])
    #expect(
      Set(unsc.members.map(\.code))
        == ["CHN", "FRA", "RUS", "GBR", "USA", "BHR", "COL", "COD", "DNK", "GRC", "LVA", "LBR", "PAK", "PAN", "SOM"])
    #expect(unsc.seat("TJK")?.kind == .participant)
    #expect(unsc.seat("AFG")?.kind == .participant)
    #expect(unsc.seat("CIS")?.kind == .invitee)
    #expect(unsc.seat("CIS")?.name == "Commonwealth of Independent States")
    #expect(unsc.seats.count == 18)
    // Roll order is the English alphabetical order of the official short names.
    #expect(unsc.seats.prefix(4).map(\.code) == ["AFG", "BHR", "CHN", "COL"])
  }

  @Test func generalAssemblyFirstCommittee() throws {
    let ga = try CommitteeLoader.load(path: ConfigFixture.shipped("Config/committees/ga-first.toml"))
    #expect(ga.id == "ga-first")
    #expect(ga.body == .gaCommittee)
    #expect(ga.rules == RulesProfile.gaCommittee)
    #expect(ga.symbolPrefix == "SIM-GA1")
    #expect(ga.members.count == 193)
    #expect(ga.seats.filter(\.veto).isEmpty)
    #expect(ga.seats.filter { $0.kind == .observer }.map(\.code).sorted() == ["PSE", "VAT"])
    #expect(Set(ga.seats.map(\.code)).count == ga.seats.count)
    #expect(ga.seat("TUR")?.name == "Türkiye")
    #expect(ga.seat("CIV")?.name == "Côte d'Ivoire")
    #expect(ga.seat("BOL")?.name == "Bolivia (Plurinational State of)")
    #expect(ga.seat("PRK")?.name == "Democratic People's Republic of Korea")
    // The collation keys give the UN's English roll: Costa Rica, Côte d'Ivoire, Croatia; …
    let codes = ga.members.map(\.code)
    for (a, b) in [("CRI", "CIV"), ("CIV", "HRV"), ("PRK", "COD"), ("COD", "DNK"), ("TUN", "TUR"), ("TUR", "TKM")] {
      #expect(codes.firstIndex(of: a)! + 1 == codes.firstIndex(of: b)!, "\(a) before \(b)")
    }
    #expect(codes.first == "AFG")
    #expect(codes.last == "ZWE")
  }

  @Test func memberListIsISOAlpha3AndSortedByItsKeys() throws {
    let entries = try MemberList.load(path: ConfigFixture.shipped("Config/data/un-member-states.csv"))
    #expect(entries.count == 193)
    #expect(entries.allSatisfy { $0.seat.code.count == 3 && $0.seat.code.allSatisfy(\.isUppercase) })
    let keys = entries.map(\.seat.collationKey)
    #expect(keys == keys.sorted(), "the file lists states in roll order")
  }
}
