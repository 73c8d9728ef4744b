// Draft resolutions, their amendments and divided parts (rules.md §6, §5.7, §5.8). Symbols are
// the daemon's own (`PREFIX/DR/n`, `…/Amend.n`, `PREFIX/RES/n`), never real UN symbols (R6.2).

public enum DraftStatus: String, Codable, Sendable {
  case workingPaper = "working_paper"
  case submittedNonMember = "submitted_non_member"
  case approved, introduced, voting, adopted, rejected, vetoed, withdrawn, tabled
}

public enum ClauseKind: String, Codable, Sendable {
  case preambular, operative
}

public struct Clause: Codable, Sendable, Equatable {
  /// Preambular and operative clauses are numbered separately; amendments and divisions name
  /// operative numbers. Numbers are stable: a struck clause keeps its number, an added one gets a new one.
  public var n: Int
  public var kind: ClauseKind
  public var text: String
  public var struck: Bool = false
  public init(n: Int, kind: ClauseKind, text: String) {
    self.n = n
    self.kind = kind
    self.text = text
  }
}

public enum AmendmentAction: String, Codable, Sendable {
  case add, modify, strike
}

public enum AmendmentStatus: String, Codable, Sendable {
  case submitted, introduced, incorporated, voting, adopted, rejected, moot, withdrawn
}

public struct Amendment: Codable, Sendable, Equatable {
  public var id: String
  public var draft: String
  /// Operative clause number (for `add`: the new clause goes after it; 0 = first).
  public var clause: Int
  public var action: AmendmentAction
  public var text: String
  public var by: String
  public var friendly: Bool = false
  public var status: AmendmentStatus = .submitted
  public var acceptedBy: [String] = []
  public var submittedAt: Int64

  /// Still to be voted (unfriendly, not decided).
  public var isPending: Bool { status == .submitted || status == .introduced }
}

public enum PartStatus: String, Codable, Sendable {
  case pending, voting, adopted, rejected
}

public struct DraftPart: Codable, Sendable, Equatable {
  public var id: String
  public var clauses: [Int]
  public var status: PartStatus
}

public struct Draft: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var submittedBy: String
  public var sponsors: [String]
  public var signatories: [String]
  public var status: DraftStatus
  public var clauses: [Clause]
  public var amendments: [Amendment] = []
  public var parts: [DraftPart] = []
  /// UNSC rule 38: a non-member's draft is votable once a member asks (R1.3).
  public var nonMember: Bool
  public var requestedBy: String?
  /// The chair's order for the pending amendments (GA rule 90, UNSC rule 36).
  public var amendmentOrder: [String] = []
  public var withdrawalConsents: [String] = []
  public var resolution: String?
  /// R6.1: bumped on every change of text, sponsors or signatories.
  public var revision: Int = 1
  public var submittedAt: Int64

  public var isVotable: Bool {
    (status == .approved || status == .introduced) && (!nonMember || requestedBy != nil)
  }

  public var operative: [Clause] { clauses.filter { $0.kind == .operative && !$0.struck } }

  public func amendment(_ id: String) -> Amendment? { amendments.first { $0.id == id } }

  public func part(_ id: String) -> DraftPart? { parts.first { $0.id == id } }

  mutating func updateAmendment(_ id: String, _ change: (inout Amendment) -> Void) {
    if let i = amendments.firstIndex(where: { $0.id == id }) { change(&amendments[i]) }
  }
}

public struct DraftsState: Codable, Sendable, Equatable {
  /// In submission order.
  public var drafts: [Draft] = []
  /// Voting order (§5.9): submission order unless reordered.
  public var order: [String] = []
  public var submitted: Int = 0
  public var resolutions: Int = 0

  public init() {}

  public func draft(_ id: String) -> Draft? { drafts.first { $0.id == id } }

  /// The draft that owns an amendment or part id.
  public func owner(ofAmendment id: String) -> Draft? { drafts.first { $0.amendment(id) != nil } }
  public func owner(ofPart id: String) -> Draft? { drafts.first { $0.part(id) != nil } }

  mutating func update(_ id: String, _ change: (inout Draft) -> Void) {
    if let i = drafts.firstIndex(where: { $0.id == id }) { change(&drafts[i]) }
  }
}
