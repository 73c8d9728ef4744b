// The whole state of one committee. Only `evolve` changes it; `decide` only reads it.
// Each section is owned by its concept folder.

public struct CommitteeState: Codable, Sendable, Equatable {
  /// Nil until `committeeConvened`, the first event of every log.
  public var definition: CommitteeDefinition?
  /// Hex SHA-256 of the canonical definition, as logged at convening.
  public var definitionHash: String
  public var topic: String
  public var session: SessionState
  public var attendance: AttendanceState
  public var speakers: SpeakersState
  public var caucus: CaucusState?
  public var points: PointsState
  public var motions: MotionsState
  public var vote: OpenVote?
  public var votes: [ClosedVote]
  public var drafts: DraftsState

  public init() {
    definition = nil
    definitionHash = ""
    topic = ""
    session = SessionState()
    attendance = AttendanceState()
    speakers = SpeakersState()
    caucus = nil
    points = PointsState()
    motions = MotionsState()
    vote = nil
    votes = []
    drafts = DraftsState()
  }

  /// The definition of a convened committee. `decide` checks `isConvened` before any handler runs.
  public var committee: CommitteeDefinition { definition! }
  public var isConvened: Bool {
    // Not `definition != nil`: that picks Equatable's `!=` and copies the whole definition.
    if case .none = definition { return false }
    return true
  }
  public var rules: RulesProfile { committee.rules }
}
