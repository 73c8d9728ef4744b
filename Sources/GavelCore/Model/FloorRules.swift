// The floor settings of rules.md §11 (attendance, quorum, speakers, yields, replies, points,
// caucus timers) and their presets. Every [config] floor rule is a property here, never an
// `if body == …` branch. Property names are camelCase so a snake_case TOML key maps onto them.

/// What happens when `speakers.next` finds the GSL empty (rules.md R3.6, E-25).
public enum GSLExhaustion: String, Codable, Sendable, Hashable {
  /// The chair is told to ask for new speakers or motions.
  case prompt
  /// Debate on the item closes (UNA-USA-derived sets go straight to voting).
  case closeDebate = "close_debate"
}

/// Moderated caucus time that does not fill a whole slot (rules.md §7.3, E-28).
public enum ModLeftover: String, Codable, Sendable, Hashable {
  case drop
  case shortFinalSlot = "short_final_slot"
}

/// How a delegate's own `attendance.declare` takes effect (protocol.md §7).
public enum SelfDeclaration: String, Codable, Sendable, Hashable {
  /// Delegates cannot declare; the dais marks attendance.
  case off
  /// The declaration is recorded at once, under the same rules as `attendance.mark`.
  case direct
  /// The declaration waits for the chair to confirm it with `attendance.mark` (R2.3: a dais action).
  case chairConfirms = "chair_confirms"
}

public struct FloorRules: Codable, Sendable, Hashable {
  // Quorum (rules.md §2.2). A `Strict` flag means "more than the fraction" (a majority), which a
  // ceiling cannot express: a majority of 16 is 9, not ceil(16/2) = 8 (E-32).
  public var quorumOpenFraction: Fraction
  public var quorumOpenStrict: Bool
  public var quorumDecideFraction: Fraction
  public var quorumDecideStrict: Bool

  // Attendance (R2.2–R2.6).
  public var pvStatusEnabled: Bool
  public var pvIrrevocableInSession: Bool
  public var selfDeclaration: SelfDeclaration

  // Rights of non-members (§1.2).
  /// Rule 37 participants in the roster count as invited by the Council and may speak.
  public var participantsMaySpeak: Bool
  public var participantPointOfOrder: Bool
  public var observerPointOfOrder: Bool

  // Speakers list (R3.2–R3.7).
  public var defaultSpeakingTimeMs: Int
  public var gslOpensWhenAgendaSet: Bool
  public var gslMaxPendingPerSeat: Int
  public var onGslExhausted: GSLExhaustion

  // Speeches and yields (§3.3, §7.3).
  public var yieldsEnabled: Bool
  public var yieldsInModeratedCaucus: Bool
  public var maxConsecutiveYields: Int
  public var poiQuestionTimeCounts: Bool
  /// Remainders are rounded down to a multiple of this (ms).
  public var roundMs: Int

  // Right of reply (R3.8–R3.10).
  public var rightOfReplyMs: Int
  public var replyToReplyAllowed: Bool

  // Points (§3.5, R3.11–R3.12).
  /// UN rules: a point of order may be raised at any time, even during a speech.
  public var pointOfOrderInterruptsSpeaker: Bool

  // Caucus timers (§7.2–§7.3). The extension caps are motion rules (`MotionRules`), checked when
  // an extend_caucus motion is made.
  public var modLeftover: ModLeftover
  public var modTotalRunsBetweenSpeakers: Bool
  public var explanationOfVoteMs: Int

  public init(
    quorumOpenFraction: Fraction = Fraction(1, 3), quorumOpenStrict: Bool = false,
    quorumDecideFraction: Fraction = Fraction(1, 2), quorumDecideStrict: Bool = true,
    pvStatusEnabled: Bool = true, pvIrrevocableInSession: Bool = true,
    selfDeclaration: SelfDeclaration = .chairConfirms,
    participantsMaySpeak: Bool = true, participantPointOfOrder: Bool = false, observerPointOfOrder: Bool = false,
    defaultSpeakingTimeMs: Int = 90_000, gslOpensWhenAgendaSet: Bool = true, gslMaxPendingPerSeat: Int = 1,
    onGslExhausted: GSLExhaustion = .prompt,
    yieldsEnabled: Bool = true, yieldsInModeratedCaucus: Bool = false, maxConsecutiveYields: Int = 1,
    poiQuestionTimeCounts: Bool = false, roundMs: Int = 1_000,
    rightOfReplyMs: Int = 30_000, replyToReplyAllowed: Bool = false,
    pointOfOrderInterruptsSpeaker: Bool = false,
    modLeftover: ModLeftover = .drop,
    modTotalRunsBetweenSpeakers: Bool = true, explanationOfVoteMs: Int = 30_000
  ) {
    self.quorumOpenFraction = quorumOpenFraction
    self.quorumOpenStrict = quorumOpenStrict
    self.quorumDecideFraction = quorumDecideFraction
    self.quorumDecideStrict = quorumDecideStrict
    self.pvStatusEnabled = pvStatusEnabled
    self.pvIrrevocableInSession = pvIrrevocableInSession
    self.selfDeclaration = selfDeclaration
    self.participantsMaySpeak = participantsMaySpeak
    self.participantPointOfOrder = participantPointOfOrder
    self.observerPointOfOrder = observerPointOfOrder
    self.defaultSpeakingTimeMs = defaultSpeakingTimeMs
    self.gslOpensWhenAgendaSet = gslOpensWhenAgendaSet
    self.gslMaxPendingPerSeat = gslMaxPendingPerSeat
    self.onGslExhausted = onGslExhausted
    self.yieldsEnabled = yieldsEnabled
    self.yieldsInModeratedCaucus = yieldsInModeratedCaucus
    self.maxConsecutiveYields = maxConsecutiveYields
    self.poiQuestionTimeCounts = poiQuestionTimeCounts
    self.roundMs = roundMs
    self.rightOfReplyMs = rightOfReplyMs
    self.replyToReplyAllowed = replyToReplyAllowed
    self.pointOfOrderInterruptsSpeaker = pointOfOrderInterruptsSpeaker
    self.modLeftover = modLeftover
    self.modTotalRunsBetweenSpeakers = modTotalRunsBetweenSpeakers
    self.explanationOfVoteMs = explanationOfVoteMs
  }

  /// UNSC provisional rules with MUN NA floor practice: no quorum to open (Art. 28), nine members
  /// present de facto to decide, points of order at any time (rule 30), debate prompts on exhaustion.
  public static let securityCouncil = FloorRules(
    quorumOpenFraction: Fraction(0, 1), quorumDecideFraction: Fraction(9, 15), quorumDecideStrict: false,
    pointOfOrderInterruptsSpeaker: true)
  /// GA main committee under MUN NA: 1/3 to open, a majority to decide, observers may raise points
  /// of order, an exhausted list closes debate.
  public static let gaCommittee = FloorRules(observerPointOfOrder: true, onGslExhausted: .closeDebate)
  /// GA plenary (rule 67): 1/3 to open, a majority present to decide; UN points of order.
  public static let gaPlenary = FloorRules(observerPointOfOrder: true, pointOfOrderInterruptsSpeaker: true)
  /// ECOSOC: a majority of members to open and to decide.
  public static let ecosoc = FloorRules(
    quorumOpenFraction: Fraction(1, 2), quorumOpenStrict: true, observerPointOfOrder: true,
    pointOfOrderInterruptsSpeaker: true)
  /// Generic MUN: UNA-USA-style defaults with direct self check-in.
  public static let generic = FloorRules(selfDeclaration: .direct)

  /// Members needed for a count of `members` under a fraction, strictly above it when `strict`.
  static func needed(_ fraction: Fraction, strict: Bool, of members: Int) -> Int {
    strict ? fraction.numerator * members / fraction.denominator + 1 : fraction.ceilOf(members)
  }
}
