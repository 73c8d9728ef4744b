// PLACEHOLDER: the Core II work replaces this file (motion, voting and draft settings and presets).
public struct MotionRules: Codable, Sendable, Hashable {
  public static let securityCouncil = MotionRules()
  public static let gaCommittee = MotionRules()
  public static let gaPlenary = MotionRules()
  public static let ecosoc = MotionRules()
  public static let generic = MotionRules()
}
public struct VotingRules: Codable, Sendable, Hashable {
  public static let securityCouncil = VotingRules()
  public static let gaCommittee = VotingRules()
  public static let gaPlenary = VotingRules()
  public static let ecosoc = VotingRules()
  public static let generic = VotingRules()
}
public struct DraftRules: Codable, Sendable, Hashable {
  public static let securityCouncil = DraftRules()
  public static let gaCommittee = DraftRules()
  public static let gaPlenary = DraftRules()
  public static let ecosoc = DraftRules()
  public static let generic = DraftRules()
}
