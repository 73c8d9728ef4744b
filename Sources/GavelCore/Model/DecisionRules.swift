// Motion, voting and draft settings of rules.md §11 as data, with the presets of each body.
// Every [config] rule of §4–§6 that Core II applies is a field here, never a body branch.

/// How one motion kind behaves under a profile (rules.md §4.2).
public struct MotionSpec: Codable, Sendable, Hashable {
  /// Lower is put first (§4.3).
  public var rank: Int
  public var secondRequired: Bool
  public var speakersFor: Int
  public var speakersAgainst: Int
  /// Nil: the motion takes no vote and is executed when put (e.g. a roll-call request, GA rule 87).
  public var threshold: ThresholdID?
  /// In order only in voting procedure, after closure (§4.2 "V" ranks).
  public var votingProcedureOnly: Bool
  /// In order during voting procedure (between votes, after closure); the others wait.
  public var inVotingProcedure: Bool

  public init(
    rank: Int, second: Bool = true, debate: (Int, Int) = (0, 0), threshold: ThresholdID?,
    votingProcedureOnly: Bool = false, inVotingProcedure: Bool = false
  ) {
    self.rank = rank
    self.secondRequired = second
    self.speakersFor = debate.0
    self.speakersAgainst = debate.1
    self.threshold = threshold
    self.votingProcedureOnly = votingProcedureOnly
    self.inVotingProcedure = inVotingProcedure || votingProcedureOnly
  }
}

public struct MotionRules: Codable, Sendable, Hashable {
  /// Keyed by the kind's wire name.
  public var specs: [String: MotionSpec]
  /// E-20: an adopted motion discards the others.
  public var discardOnPass: Bool = true
  /// Observers may move and second procedural motions (§1.2 [config]).
  public var observersMayMove: Bool = false
  /// R4.5 / UNSC rule 35: the seconder may keep a withdrawn motion alive.
  public var seconderMayKeep: Bool = false
  /// E-27: extensions per caucus and whether an extension may exceed the original duration.
  public var caucusExtensionMaxCount: Int = 1
  public var extensionLeOriginal: Bool = true
  /// E-19: moderated caucuses with equal total: the longer speaking time first.
  public var longerSpeakingTimeFirst: Bool = true
  /// §5.7: of several division motions, the finest (most parts) first.
  public var finestDivisionFirst: Bool = true
  /// E-36: only a seat on the prevailing side may move reconsideration.
  public var reconsiderPrevailingSideOnly: Bool = true
  /// R4.3: whether a dilatory ruling may be appealed.
  public var dilatoryRulingsAppealable: Bool = false

  public func spec(_ kind: MotionKind) -> MotionSpec {
    specs[kind.rawValue] ?? MotionSpec(rank: 99, threshold: .simpleMajorityOfPresent)
  }

  static func table(_ entries: [MotionKind: MotionSpec]) -> [String: MotionSpec] {
    Dictionary(uniqueKeysWithValues: entries.map { ($0.key.rawValue, $0.value) })
  }

  /// UNA-USA-style North American ranks and thresholds (§4.2 "NA").
  static func northAmerican(appeal: ThresholdID) -> [String: MotionSpec] {
    table([
      .appeal: MotionSpec(rank: 0, threshold: appeal),
      .setAgenda: MotionSpec(rank: 0, debate: (2, 2), threshold: .simpleMajorityOfPresent),
      .adjournMeeting: MotionSpec(rank: 1, threshold: .simpleMajorityOfPresent, inVotingProcedure: true),
      .suspendMeeting: MotionSpec(rank: 2, threshold: .simpleMajorityOfPresent, inVotingProcedure: true),
      .extendCaucus: MotionSpec(rank: 3, threshold: .simpleMajorityOfPresent),
      .unmoderatedCaucus: MotionSpec(rank: 4, threshold: .simpleMajorityOfPresent),
      .moderatedCaucus: MotionSpec(rank: 5, threshold: .simpleMajorityOfPresent),
      .introduceDraft: MotionSpec(rank: 6, second: false, threshold: nil),
      .introduceAmendment: MotionSpec(rank: 7, second: false, debate: (2, 2), threshold: nil),
      .adjournDebate: MotionSpec(rank: 8, debate: (2, 2), threshold: .twoThirdsOfPresent),
      .resumeDebate: MotionSpec(rank: 8, threshold: .simpleMajorityOfPresent),
      .closeDebate: MotionSpec(rank: 9, debate: (0, 2), threshold: .twoThirdsOfPresent),
      .setSpeakingTime: MotionSpec(rank: 10, debate: (2, 2), threshold: .simpleMajorityOfPresent),
      .reconsider: MotionSpec(rank: 12, debate: (0, 2), threshold: .twoThirdsOfVotesCast, inVotingProcedure: true),
      .reorderDrafts: MotionSpec(rank: 20, threshold: .simpleMajorityOfPresent, votingProcedureOnly: true),
      .divideQuestion: MotionSpec(
        rank: 21, debate: (2, 2), threshold: .simpleMajorityOfPresent, votingProcedureOnly: true),
      .rollCallVote: MotionSpec(rank: 22, second: false, threshold: nil, votingProcedureOnly: true),
    ])
  }

  /// GA rule 77 order (§4.2 "UN"); procedural decisions by a majority of votes cast.
  static let unRanks: [String: MotionSpec] = table([
    .appeal: MotionSpec(rank: 0, second: false, threshold: .simpleMajorityOfVotesCast),
    .setAgenda: MotionSpec(rank: 0, debate: (2, 2), threshold: .simpleMajorityOfVotesCast),
    .suspendMeeting: MotionSpec(rank: 1, threshold: .simpleMajorityOfVotesCast, inVotingProcedure: true),
    .adjournMeeting: MotionSpec(rank: 2, threshold: .simpleMajorityOfVotesCast, inVotingProcedure: true),
    .adjournDebate: MotionSpec(rank: 3, debate: (2, 2), threshold: .simpleMajorityOfVotesCast),
    .resumeDebate: MotionSpec(rank: 3, threshold: .simpleMajorityOfVotesCast),
    .closeDebate: MotionSpec(rank: 4, debate: (0, 2), threshold: .simpleMajorityOfVotesCast),
    .setSpeakingTime: MotionSpec(rank: 5, debate: (2, 2), threshold: .simpleMajorityOfVotesCast),
    .extendCaucus: MotionSpec(rank: 5, threshold: .simpleMajorityOfVotesCast),
    .unmoderatedCaucus: MotionSpec(rank: 5, threshold: .simpleMajorityOfVotesCast),
    .moderatedCaucus: MotionSpec(rank: 5, threshold: .simpleMajorityOfVotesCast),
    .introduceDraft: MotionSpec(rank: 6, second: false, threshold: nil),
    .introduceAmendment: MotionSpec(rank: 7, second: false, threshold: nil),
    .reconsider: MotionSpec(rank: 8, debate: (0, 2), threshold: .twoThirdsOfVotesCast, inVotingProcedure: true),
    .reorderDrafts: MotionSpec(rank: 20, threshold: .simpleMajorityOfVotesCast, votingProcedureOnly: true),
    .divideQuestion: MotionSpec(
      rank: 21, debate: (2, 2), threshold: .simpleMajorityOfVotesCast, votingProcedureOnly: true),
    .rollCallVote: MotionSpec(rank: 22, second: false, threshold: nil, votingProcedureOnly: true),
  ])

  /// UNSC: no seconds (rule 34); every procedural decision needs nine votes (Art. 27(2)).
  static let council: [String: MotionSpec] = {
    var specs = northAmerican(appeal: .scProcedural)
    for (key, spec) in specs {
      var changed = spec
      changed.secondRequired = false
      changed.votingProcedureOnly = false
      if changed.threshold != nil { changed.threshold = .scProcedural }
      specs[key] = changed
    }
    return specs
  }()

  public static let securityCouncil = MotionRules(specs: council, seconderMayKeep: true)
  public static let gaCommittee = MotionRules(
    specs: northAmerican(appeal: .twoThirdsOfPresent), observersMayMove: false)
  public static let gaPlenary = MotionRules(specs: northAmerican(appeal: .twoThirdsOfPresent))
  public static let ecosoc = MotionRules(specs: northAmerican(appeal: .simpleMajorityOfVotesCast))
  public static let generic = MotionRules(specs: northAmerican(appeal: .twoThirdsOfPresent))
  /// The real GA order (GA rule 77), for UN-style committees.
  public static let unGeneralAssembly = MotionRules(specs: unRanks)
}

public enum QuorumPolicy: String, Codable, Sendable {
  case snapshotAtOpen = "SNAPSHOT_AT_OPEN"
  case requireAtClose = "REQUIRE_AT_CLOSE"
}

public struct VotingRules: Codable, Sendable, Hashable {
  /// K of Art. 27 (affirmative votes required in a Council); 0 where unused.
  public var scAffirmativeRequired: Int = 0
  public var p5AbstentionIsVeto: Bool = false
  public var p5AbsenceIsVeto: Bool = false
  public var abstainOnProcedural: Bool = false
  /// R2.6 / R5.6.8: present-and-voting seats may not abstain on substantive votes.
  public var pvCannotAbstain: Bool = true
  public var observerProceduralVote: Bool = false
  public var passAllowed: Bool = true
  public var rightsAllowed: Bool = true
  public var quorumPolicy: QuorumPolicy = .snapshotAtOpen
  public var substantiveThreshold: ThresholdID = .simpleMajorityOfVotesCast
  public var importantThreshold: ThresholdID = .twoThirdsOfVotesCast
  public var importantQuestionEnabled: Bool = false
  public var defaultMethod: VotingMethod = .placard
  /// R5.6.5: the dais may flag Art. 27(3) parties on a question.
  public var art27Enforcement: Bool = false
  /// E-14: whether an announcement of insufficient votes also mentions the veto.
  public var announceAlsoVetoed: Bool = false

  /// Council members may abstain on procedural questions too (§4.4 "Real UNSC"; worked
  /// examples SC-1 and SC-4 count abstentions on procedural votes).
  public static let securityCouncil = VotingRules(
    scAffirmativeRequired: 9, abstainOnProcedural: true, substantiveThreshold: .scSubstantive,
    art27Enforcement: true)
  public static let gaCommittee = VotingRules(observerProceduralVote: true, importantQuestionEnabled: true)
  public static let gaPlenary = VotingRules(observerProceduralVote: true, importantQuestionEnabled: true)
  public static let ecosoc = VotingRules(observerProceduralVote: true, passAllowed: false, rightsAllowed: false)
  public static let generic = VotingRules(observerProceduralVote: true)
}

/// Signatories needed before the dais may approve a draft (§6.2): a count, or a share of members.
public struct SignatoryThreshold: Codable, Sendable, Hashable {
  public var count: Int?
  public var fraction: Fraction?
  public init(count: Int? = nil, fraction: Fraction? = nil) {
    self.count = count
    self.fraction = fraction
  }
  public func required(members: Int) -> Int {
    max(count ?? 0, fraction?.ceilOf(members) ?? 0)
  }
}

public struct DraftRules: Codable, Sendable, Hashable {
  public var signatoryThreshold: SignatoryThreshold
  public var maxSponsors: Int = 5
  /// R6.3: participants and observers may sign (never counted toward the threshold).
  public var nonMemberMaySign: Bool = false
  /// R1.3: rule 37 participants may submit drafts (status `submitted_non_member`).
  public var participantsMaySubmit: Bool = false
  public var preambleAmendable: Bool = false
  /// UNSC rule 36: amendments that add or delete are voted before the others.
  public var addOrDeleteFirst: Bool = false
  /// GA rule 89 / E-30: all operative parts failed → rejected with no final vote.
  public var allOperativeFailedRejects: Bool = true
  /// R6.4 / E-31: an introduced draft below the threshold stays introduced.
  public var keepBelowThreshold: Bool = true
  /// §6.5: drafts are voted only in voting procedure (after closure).
  public var votingRequiresClosure: Bool = true

  public static let securityCouncil = DraftRules(
    signatoryThreshold: SignatoryThreshold(count: 3), participantsMaySubmit: true, addOrDeleteFirst: true,
    allOperativeFailedRejects: false, votingRequiresClosure: false)
  public static let gaCommittee = DraftRules(
    signatoryThreshold: SignatoryThreshold(fraction: Fraction(1, 5)), nonMemberMaySign: true)
  public static let gaPlenary = DraftRules(
    signatoryThreshold: SignatoryThreshold(fraction: Fraction(1, 5)), nonMemberMaySign: true)
  public static let ecosoc = DraftRules(
    signatoryThreshold: SignatoryThreshold(fraction: Fraction(1, 5)), nonMemberMaySign: true)
  public static let generic = DraftRules(signatoryThreshold: SignatoryThreshold(fraction: Fraction(1, 5)))
}
