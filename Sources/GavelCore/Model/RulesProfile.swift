// The rules of procedure as data (rules.md §11). Every [config] rule is a setting here,
// never an `if body == …` branch. Groups are owned by the concepts that read them.

public struct RulesProfile: Codable, Sendable, Hashable {
  /// Profile id, e.g. `UNSC_PROVISIONAL+MUN_NA`.
  public var id: String
  public var version: Int
  public var floor: FloorRules
  public var motions: MotionRules
  public var voting: VotingRules
  public var drafts: DraftRules

  public init(id: String, version: Int, floor: FloorRules, motions: MotionRules, voting: VotingRules, drafts: DraftRules) {
    self.id = id
    self.version = version
    self.floor = floor
    self.motions = motions
    self.voting = voting
    self.drafts = drafts
  }

  /// `<profile id>@<version>`, as shown in the public view.
  public var label: String { "\(id)@\(version)" }

  public static func preset(for body: BodyType) -> RulesProfile {
    switch body {
    case .securityCouncil: return securityCouncil
    case .gaPlenary: return gaPlenary
    case .gaCommittee: return gaCommittee
    case .ecosoc: return ecosoc
    case .generic: return generic
    }
  }

  public static let securityCouncil = RulesProfile(
    id: "UNSC_PROVISIONAL+MUN_NA", version: 1, floor: .securityCouncil, motions: .securityCouncil,
    voting: .securityCouncil, drafts: .securityCouncil)
  public static let gaCommittee = RulesProfile(
    id: "MUN_NA", version: 1, floor: .gaCommittee, motions: .gaCommittee, voting: .gaCommittee,
    drafts: .gaCommittee)
  public static let gaPlenary = RulesProfile(
    id: "UN_GA_PLENARY+MUN_NA", version: 1, floor: .gaPlenary, motions: .gaPlenary, voting: .gaPlenary,
    drafts: .gaPlenary)
  public static let ecosoc = RulesProfile(
    id: "UN_ECOSOC+MUN_NA", version: 1, floor: .ecosoc, motions: .ecosoc, voting: .ecosoc, drafts: .ecosoc)
  public static let generic = RulesProfile(
    id: "MUN_GENERIC", version: 1, floor: .generic, motions: .generic, voting: .generic, drafts: .generic)
}
