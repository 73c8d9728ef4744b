// The meeting record (rules.md §8.1–§8.2), modelled on a UN verbatim record: per meeting a
// masthead, attendance, agenda, invitations under rules 37 and 39 and the proceedings in log
// order; every vote with its lists and announcement. Plain data, built by RecordBuilder from
// the log alone and rendered by the md/html/json renderers. Symbols are the simulation's own
// (`SIM-SC/PV.1`), never UN symbols (R6.2).

public struct MeetingRecord: Codable, Sendable, Equatable {
  public struct Committee: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var body: String
    public var rules: String
    public var symbolPrefix: String
    public var definitionHash: String
  }

  /// What the record was made from: the log up to `lastSeq`, whose chain hash is `lastHash`.
  public struct Source: Codable, Sendable, Equatable {
    public var events: Int
    public var lastSeq: Int64
    public var lastHash: String
  }

  public var committee: Committee
  public var meetings: [Meeting]
  /// Every vote, oldest first (cancelled votes included).
  public var votes: [VoteEntry]
  /// Every document, in submission order.
  public var documents: [Document]
  public var source: Source
}

public struct SeatLine: Codable, Sendable, Equatable {
  public var code: String
  public var name: String
  /// `present`, `present_and_voting`, or `absent`.
  public var status: String
}

public struct Meeting: Codable, Sendable, Equatable {
  public var number: Int
  /// `SIM-SC/PV.1`.
  public var symbol: String
  public var date: String
  public var openedAt: Int64
  public var closedAt: Int64?
  public var topic: String
  /// Members in roll order, with their status at the end of the roll call (later changes are proceedings).
  public var members: [SeatLine]
  /// Rule 37 participants, rule 39 invitees and observers that attended.
  public var participants: [SeatLine]
  public var invitees: [SeatLine]
  public var observers: [SeatLine]
  /// The announcements of invitations under rules 37 and 39.
  public var invitations: [String]
  public var proceedings: [Item]
}

/// One entry of the proceedings. `text` is the sentence of the record; the other fields carry
/// the same facts for machines.
public struct Item: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    case calledToOrder = "called_to_order"
    case agenda, attendance, speech, yield, caucus, motion, point, ruling, vote, document, session, rose
    case explanationOfVote = "explanation_of_vote"
    case speakingTime = "speaking_time"
  }
  public var kind: Kind
  public var seq: Int64
  public var at: Int64
  public var time: String
  public var text: String
  public var seat: String?
  public var durationMs: Int?
  public var allowedMs: Int?
  /// The vote this item shows or explains (`V3`).
  public var vote: String?
  public var motion: String?

  init(_ kind: Kind, seq: Int64, at: Int64, text: String) {
    self.kind = kind
    self.seq = seq
    self.at = at
    self.time = Wording.time(at)
    self.text = text
  }
}

public struct VoteEntry: Codable, Sendable, Equatable {
  public var id: String
  public var openedSeq: Int64
  public var closedSeq: Int64?
  public var subject: String
  public var subjectKind: String
  public var subjectId: String
  public var question: String
  public var threshold: String
  public var thresholdText: String
  public var method: String
  /// "A vote was taken by show of hands." and the like.
  public var methodText: String
  public var drawnSeat: String?
  public var order: [String]
  public var ballots: [BallotLine]
  public var inFavour: [String]
  public var against: [String]
  public var abstaining: [String]
  public var notVoting: [String]
  public var yes: Int
  public var no: Int
  public var abstain: Int
  /// Eligible seats that gave no final answer (absent when called, passed twice, or left).
  public var notVotingCount: Int
  public var outcome: String?
  public var reason: String?
  public var vetoedBy: [String]
  /// Each permanent member's answer (Security Council records list them explicitly, §8.2).
  public var permanentMembers: [BallotLine]
  public var announcement: String?
  public var resolution: String?
  public var warnings: [String]
  public var openedAt: Int64
  public var closedAt: Int64?
}

public struct BallotLine: Codable, Sendable, Equatable {
  public var seat: String
  public var name: String
  public var choice: String
  public var round: Int
  public var rights: Bool
  public var seq: Int64?
  public var at: Int64?
}

public struct Document: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var sponsors: [String]
  public var signatories: [String]
  public var status: String
  public var resolution: String?
  public var clauses: [String]
}
