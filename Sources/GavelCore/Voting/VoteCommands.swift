// vote.open / cast / record / count (protocol.md §7): who may answer, when, and with what
// (rules.md §5.3 roll call, §5.4 allowed answers, E-3, E-8, E-16, E-33, E-34).

public enum OpenVoteCommand: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var subject: VoteSubject
    public var method: VotingMethod?
    public var art27Parties: [String]?
    public var chapter: CharterChapter?
    public var important: Bool?
    public var classification: QuestionType?
  }
  public static let name = "vote.open"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    var request = VoteRequest(subject: args.subject, method: args.method)
    request.art27Parties = args.art27Parties ?? []
    request.chapter = args.chapter
    request.important = args.important ?? false
    request.classification = args.classification
    return try state.openVote(request, context)
  }
}

public enum CastVote: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var choice: Choice
    public var rights: Bool?
  }
  public static let name = "vote.cast"
  public static let roles: Set<Role> = [.delegate]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard let seat = context.actor.seat else { throw Rejection(.forbidden, "A delegate credential has no seat.") }
    return try state.ballot(seat: seat, choice: args.choice, rights: args.rights ?? false, byChair: false, context)
  }
}

public enum RecordVote: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var seat: String
    public var choice: Choice
    public var rights: Bool?
  }
  public static let name = "vote.record"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    try state.ballot(seat: args.seat, choice: args.choice, rights: args.rights ?? false, byChair: true, context)
  }
}

public enum CountVote: CommandHandler {
  public struct Args: Decodable, Sendable {
    public var yes: Int
    public var no: Int
    public var abstain: Int
  }
  public static let name = "vote.count"
  public static let roles: Set<Role> = [.chair]

  public static func decide(_ args: Args, _ state: CommitteeState, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard let vote = state.vote else { throw Rejection(.wrongState, "No vote is open.") }
    guard vote.method == .placard else { throw Rejection(.wrongState, "Totals are entered only for a placard vote.") }
    guard args.yes >= 0, args.no >= 0, args.abstain >= 0 else {
      throw Rejection(.invalidArgs, "Counts cannot be negative.")
    }
    // Each count is bounded before they are added: three huge counts overflowed Int and trapped,
    // taking the daemon down (found by the `commands` fuzz target; FuzzRegressionTests).
    let largest = max(args.yes, args.no, args.abstain)
    guard largest <= vote.eligible.count else {
      throw Rejection(.invalidArgs, "\(largest) placards counted but only \(vote.eligible.count) seats vote (E-34).")
    }
    let counted = args.yes + args.no + args.abstain
    guard counted <= vote.eligible.count else {
      throw Rejection(.invalidArgs, "\(counted) placards counted but only \(vote.eligible.count) seats vote (E-34).")
    }
    let forced = vote.art27Parties.count
    let mayAbstain = state.seatsThatMayAbstain(vote).count
    guard args.abstain <= mayAbstain else {
      throw Rejection(
        .invalidArgs, "\(args.abstain) abstentions counted but only \(mayAbstain) seats may abstain (E-3, E-34).")
    }
    guard args.abstain >= forced else {
      throw Rejection(.invalidArgs, "The \(forced) Art. 27(3) parties must be counted as abstaining.")
    }
    let seatTally = vote.tally
    guard args.yes >= seatTally.yes, args.no >= seatTally.no, args.abstain >= seatTally.abstain else {
      throw Rejection(.invalidArgs, "The totals are lower than the votes already recorded seat by seat.")
    }
    if vote.threshold == .scSubstantive, let missing = vote.vetoHolders.first(where: { vote.ballots[$0] == nil }) {
      throw Rejection(
        .outOfOrder, "Record \(state.name(missing))'s vote first: a permanent member's vote must be seen (§5.6).")
    }
    return [PlacardCounted(vote: vote.id, yes: args.yes, no: args.no, abstain: args.abstain, at: context.now)]
  }
}

extension CommitteeState {
  func seatsThatMayAbstain(_ vote: OpenVote) -> [String] {
    if vote.question == .procedural && !rules.voting.abstainOnProcedural { return [] }
    if vote.question == .substantive && rules.voting.pvCannotAbstain {
      return vote.eligible.filter { !vote.presentAndVoting.contains($0) || vote.art27Parties.contains($0) }
    }
    return vote.eligible
  }

  /// One answer of one seat in the current round (§5.3, §5.4).
  func ballot(seat: String, choice: Choice, rights: Bool, byChair: Bool, _ context: Context) throws(Rejection)
    -> [any EventPayload]
  {
    guard let vote else { throw Rejection(.wrongState, "No vote is open (E-33).") }
    guard vote.isEligible(seat) else {
      throw Rejection(.notEligible, "\(name(seat)) does not vote on this question.")
    }
    if vote.art27Parties.contains(seat) {
      throw Rejection(.notEligible, "\(name(seat)) is a party to the dispute and shall abstain (Art. 27(3)).")
    }
    guard vote.count == nil else { throw Rejection(.wrongState, "The placard totals have already been entered.") }
    let isPresent = attendance.isPresent  // holds the attendance only, not a copy of the whole state
    if vote.round == 2 {
      guard vote.secondRound.contains(seat) else {
        throw Rejection(.alreadyVoted, "\(name(seat)) has already voted.")
      }
      guard !vote.answered(seat, round: 2) else {
        throw Rejection(.alreadyVoted, "\(name(seat)) has already answered.")
      }
      guard vote.next(isPresent: isPresent) == seat else {
        throw Rejection(.notYourTurn, "It is \(vote.next(isPresent: isPresent).map(name) ?? "nobody")'s turn.")
      }
      switch choice {
      case .pass: throw Rejection(.outOfOrder, "A seat may pass only once; answer yes or no (E-8).")
      case .abstain: throw Rejection(.abstainNotAllowed, "In the second round only yes or no is accepted (E-8).")
      case .yes, .no: break
      }
    } else {
      guard !vote.answered(seat, round: 1) else { throw Rejection(.alreadyVoted, "\(name(seat)) has already voted.") }
      if vote.method == .rollCall, vote.next(isPresent: isPresent) != seat {
        throw Rejection(
          .notYourTurn, "It is \(vote.next(isPresent: isPresent).map(name) ?? "nobody")'s turn in the roll call.")
      }
      switch choice {
      case .pass:
        guard vote.method == .rollCall, rules.voting.passAllowed else {
          throw Rejection(.outOfOrder, "Passing is allowed only in a roll call, where the rules permit it.")
        }
      case .abstain:
        guard seatsThatMayAbstain(vote).contains(seat) else {
          throw Rejection(
            .abstainNotAllowed,
            vote.question == .procedural
              ? "Abstentions are not allowed on procedural votes; vote yes or no."
              : "\(name(seat)) declared present and voting and cannot abstain (E-3); vote yes or no.")
        }
      case .yes, .no: break
      }
    }
    if rights {
      guard rules.voting.rightsAllowed, vote.method == .rollCall, choice == .yes || choice == .no else {
        throw Rejection(.invalidArgs, "A vote with rights is a yes or no in a roll call, where the rules permit it.")
      }
    }
    return [
      BallotCast(
        vote: vote.id, seat: seat, choice: choice, round: vote.round, rights: rights, byChair: byChair, at: context.now)
    ]
  }
}
