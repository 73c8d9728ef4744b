// Vote facts (rules.md §8.2 "Votes"): opened with its frozen electorate and draw, ballots,
// placard counts, the second round, and cancellation. `VoteClosed` lives in its own file.

public struct VoteOpened: EventPayload {
  public static let wireName = "voteOpened"
  public var vote: OpenVote
  /// The pending roll-call request (a `roll_call_vote` motion) is used up by this vote.
  public var usesRollCallRequest: Bool
  public init(vote: OpenVote, usesRollCallRequest: Bool) {
    self.vote = vote
    self.usesRollCallRequest = usesRollCallRequest
  }
  public func apply(to state: inout CommitteeState) {
    var opened = vote
    opened.subjectStatus = state.statusBeforeVote(vote.subject)
    opened.buildIndex()
    state.vote = opened
    if usesRollCallRequest { state.motions.rollCallRequested = false }
    state.setSubject(vote.subject, voting: true)
  }
}

public struct BallotCast: EventPayload {
  public static let wireName = "ballotCast"
  public var vote: String
  public var seat: String
  public var choice: Choice
  public var round: Int
  public var rights: Bool
  public var byChair: Bool
  public var at: Int64
  public init(vote: String, seat: String, choice: Choice, round: Int, rights: Bool, byChair: Bool, at: Int64) {
    self.vote = vote
    self.seat = seat
    self.choice = choice
    self.round = round
    self.rights = rights
    self.byChair = byChair
    self.at = at
  }
  /// A roll call logs one per seat: written by hand, keys in sorted order, exactly as the
  /// encoder writes them (BallotCastEncodingTests compares the two).
  public func canonicalBytesByHand() -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(96 + seat.utf8.count + vote.utf8.count)
    out.append(contentsOf: #"{"at":"#.utf8)
    out.append(contentsOf: String(at).utf8)
    out.append(contentsOf: #","byChair":"#.utf8)
    out.append(contentsOf: (byChair ? "true" : "false").utf8)
    out.append(contentsOf: #","choice":"#.utf8)
    JSON.writeString(choice.rawValue, into: &out)
    out.append(contentsOf: #","rights":"#.utf8)
    out.append(contentsOf: (rights ? "true" : "false").utf8)
    out.append(contentsOf: #","round":"#.utf8)
    out.append(contentsOf: String(round).utf8)
    out.append(contentsOf: #","seat":"#.utf8)
    JSON.writeString(seat, into: &out)
    out.append(contentsOf: #","vote":"#.utf8)
    JSON.writeString(vote, into: &out)
    out.append(UInt8(ascii: "}"))
    return out
  }

  public func apply(to state: inout CommitteeState) {
    guard state.vote?.id == vote else { return }
    state.vote?.record(BallotEntry(seat: seat, choice: choice, round: round, rights: rights, byChair: byChair))
  }
}

public struct PlacardCounted: EventPayload {
  public static let wireName = "placardCounted"
  public var vote: String
  public var yes: Int
  public var no: Int
  public var abstain: Int
  public var at: Int64
  public init(vote: String, yes: Int, no: Int, abstain: Int, at: Int64) {
    self.vote = vote
    self.yes = yes
    self.no = no
    self.abstain = abstain
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard state.vote?.id == vote else { return }
    state.vote?.count = Tally(yes: yes, no: no, abstain: abstain)
  }
}

public struct SecondRoundStarted: EventPayload {
  public static let wireName = "secondRoundStarted"
  public var vote: String
  /// The seats that passed, in the original call order (§5.3 step 5).
  public var order: [String]
  public var at: Int64
  public init(vote: String, order: [String], at: Int64) {
    self.vote = vote
    self.order = order
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard state.vote?.id == vote else { return }
    state.vote?.round = 2
    state.vote?.secondRound = order
  }
}

public struct VoteCancelled: EventPayload {
  public static let wireName = "voteCancelled"
  public var vote: String
  public var at: Int64
  public init(vote: String, at: Int64) {
    self.vote = vote
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let open = state.vote, open.id == vote else { return }
    let tally = open.tally
    state.votes.append(
      ClosedVote(
        vote: open, tally: tally, notVoting: open.eligible.count - tally.participants, outcome: .void,
        reason: .moot, vetoedBy: [], quorumChallenged: false, announcement: "The vote was cancelled.",
        closedAt: at, warnings: []))
    state.setSubject(open.subject, voting: false)
    state.vote = nil
  }
}

extension CommitteeState {
  /// Marks the subject of a vote as being voted on, or puts it back where it was.
  mutating func setSubject(_ subject: VoteSubject, voting: Bool) {
    switch subject.kind {
    case .motion:
      if let i = motions.pending.firstIndex(where: { $0.id == subject.id }) {
        motions.pending[i].status = voting ? .voting : .onFloor
      }
    case .draft:
      let back = DraftStatus(rawValue: vote?.subjectStatus ?? "") ?? .introduced
      drafts.update(subject.id) { $0.status = voting ? .voting : back }
    case .amendment:
      let back = AmendmentStatus(rawValue: vote?.subjectStatus ?? "") ?? .introduced
      if let owner = drafts.owner(ofAmendment: subject.id) {
        drafts.update(owner.id) { draft in
          draft.updateAmendment(subject.id) { $0.status = voting ? .voting : back }
        }
      }
    case .part:
      if let owner = drafts.owner(ofPart: subject.id) {
        drafts.update(owner.id) { draft in
          if let i = draft.parts.firstIndex(where: { $0.id == subject.id }) {
            draft.parts[i].status = voting ? .voting : .pending
          }
        }
      }
    }
  }

  /// The status a draft or amendment had before it went to the vote.
  func statusBeforeVote(_ subject: VoteSubject) -> String? {
    switch subject.kind {
    case .draft: return drafts.draft(subject.id)?.status.rawValue
    case .amendment: return drafts.owner(ofAmendment: subject.id)?.amendment(subject.id)?.status.rawValue
    case .motion, .part: return nil
    }
  }
}
