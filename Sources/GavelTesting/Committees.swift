// Fixture committees for tests: the illustrative 1994 Council of rules.md §9, the 2026 demo
// Council and a GA committee of any size. Their API is shared with every test suite: keep it stable.
import GavelCore

public enum Committees {
  /// The UNSC seated in 1994 (rules.md §1.4, §9), with Tajikistan and Afghanistan under rule 37
  /// and the CIS under rule 39. Topic: the situation in Tajikistan.
  public static let unsc1994 = CommitteeDefinition(
    id: "unsc1994", name: "Security Council", body: .securityCouncil, topic: tajikistan, symbolPrefix: "SIM-SC",
    seats: p5 + [
      Seat(code: "ARG", name: "Argentina"), Seat(code: "BRA", name: "Brazil"),
      Seat(code: "CZE", name: "Czech Republic"), Seat(code: "DJI", name: "Djibouti"),
      Seat(code: "NZL", name: "New Zealand"), Seat(code: "NGA", name: "Nigeria"), Seat(code: "OMN", name: "Oman"),
      Seat(code: "PAK", name: "Pakistan"), Seat(code: "RWA", name: "Rwanda"), Seat(code: "ESP", name: "Spain"),
    ] + nonMembers,
    rules: .securityCouncil)

  /// The demo Council as seated in 2026 (Config/committees/unsc.toml).
  public static let unsc2026 = CommitteeDefinition(
    id: "unsc", name: "Security Council", body: .securityCouncil, topic: tajikistan, symbolPrefix: "SIM-SC",
    seats: p5 + [
      Seat(code: "BHR", name: "Bahrain"), Seat(code: "COL", name: "Colombia"),
      Seat(code: "COD", name: "Democratic Republic of the Congo"), Seat(code: "DNK", name: "Denmark"),
      Seat(code: "GRC", name: "Greece"), Seat(code: "LVA", name: "Latvia"), Seat(code: "LBR", name: "Liberia"),
      Seat(code: "PAK", name: "Pakistan"), Seat(code: "PAN", name: "Panama"), Seat(code: "SOM", name: "Somalia"),
    ] + nonMembers,
    rules: .securityCouncil)

  /// A GA main committee of `members` states `S01`, `S02`, … (named "State 01", …) and the given
  /// observers `O01`, … under the GA committee preset (or `rules`).
  public static func gaCommittee(
    members: Int, observers: Int = 0, topic: String = "Disarmament and international security",
    rules: RulesProfile = .gaCommittee
  ) -> CommitteeDefinition {
    let width = max(2, String(max(members, observers)).count)
    func pad(_ n: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
    let seats =
      (1...max(1, members)).map { Seat(code: "S\(pad($0))", name: "State \(pad($0))") }
      + (0..<observers).map { Seat(code: "O\(pad($0 + 1))", name: "Observer \(pad($0 + 1))", kind: .observer) }
    return CommitteeDefinition(
      id: "ga\(members)", name: "First Committee", body: .gaCommittee, topic: topic, symbolPrefix: "SIM-GA1",
      seats: seats, rules: rules)
  }

  public static let tajikistan = "The situation in Tajikistan and along the Tajik-Afghan border"

  /// Veto holders, by seat code.
  public static let p5Codes = ["CHN", "FRA", "RUS", "GBR", "USA"]

  static let p5 = [
    Seat(code: "CHN", name: "China", veto: true), Seat(code: "FRA", name: "France", veto: true),
    Seat(code: "RUS", name: "Russian Federation", veto: true),
    Seat(code: "GBR", name: "United Kingdom of Great Britain and Northern Ireland", veto: true),
    Seat(code: "USA", name: "United States of America", veto: true),
  ]

  static let nonMembers = [
    Seat(code: "TJK", name: "Tajikistan", kind: .participant),
    Seat(code: "AFG", name: "Afghanistan", kind: .participant),
    Seat(code: "CIS", name: "Commonwealth of Independent States", kind: .invitee),
  ]
}
