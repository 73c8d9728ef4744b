// PLACEHOLDER: the Core I work replaces this file (floor settings of rules.md §11 and presets).
public struct FloorRules: Codable, Sendable, Hashable {
  public static let securityCouncil = FloorRules()
  public static let gaCommittee = FloorRules()
  public static let gaPlenary = FloorRules()
  public static let ecosoc = FloorRules()
  public static let generic = FloorRules()
}
