// The members of a vote's view (protocol.md §6 `vote`, and each entry of `votes`), each with the
// parts of the vote it reads, so that LiveView rebuilds only the members a ballot changed.

struct VoteViewField: Sendable {
  let key: String
  let build: @Sendable (OpenVote, CommitteeState) -> JSON
  /// True when `build` gives the same for both votes. Members that also read the floor
  /// (`next` reads attendance) are always rebuilt; they are small.
  let readsSame: @Sendable (OpenVote, OpenVote) -> Bool
  /// For members that read only the log: the operations (paths relative to the member) that
  /// add these new log entries to it, used when appending is all that happened to the log.
  var growth: (@Sendable (ArraySlice<BallotEntry>) -> [JSONPatchOperation])? = nil

  /// A member that reads `part` of the vote and nothing else.
  static func reading<Part: Equatable>(
    _ key: String, _ part: @escaping @Sendable (OpenVote) -> Part, _ build: @escaping @Sendable (Part) -> JSON
  ) -> VoteViewField {
    VoteViewField(key: key, build: { vote, _ in build(part(vote)) }, readsSame: { part($0) == part($1) })
  }

  /// The members an open vote and a closed one share.
  static let common: [VoteViewField] = [
    reading("id", \.id) { .string($0) },
    reading("subject", \.subject) { ["kind": .string($0.kind.rawValue), "id": .string($0.id)] },
    reading("question", \.question) { .string($0.rawValue) },
    reading("threshold", \.threshold) { .string($0.rawValue) },
    reading("method", \.method) { .string($0.rawValue) },
    reading("order", \.order) { .array($0.map(JSON.string)) },
    reading("eligible", \.eligible) { .array($0.map(JSON.string)) },
    VoteViewField(
      key: "rights", build: { vote, _ in .array(vote.rights.map(JSON.string)) },
      readsSame: { $0.log == $1.log && $0.order == $1.order }),
    reading("openedAt", \.openedAt) { .int(Int($0)) },
    reading("drawnSeat", \.drawnSeat) { $0.map(JSON.string) ?? .null },
    reading("art27Parties", \.art27Parties) { .array($0.map(JSON.string)) },
    VoteViewField(
      key: "rounds", build: { vote, _ in .array(vote.log.map(round)) }, readsSame: { $0.log == $1.log },
      growth: { added in
        added.indices.map { JSONPatchOperation(op: .add, path: "/" + String($0), value: round(added[$0])) }
      }),
    reading("classification", \.classification) { .string($0) },
    reading("reconsiders", \.reconsiders) { $0.map(JSON.string) ?? .null },
  ]

  /// Every member of the open vote's section.
  static let open: [VoteViewField] =
    common + [
      reading("round", \.round) { .int($0) },
      VoteViewField(
        key: "next",
        build: { vote, state in vote.next(isPresent: state.attendance.isPresent).map(JSON.string) ?? .null },
        readsSame: { _, _ in false }),
      VoteViewField(
        key: "tally",
        build: { vote, _ in
          let (tally, passes) = vote.standing
          return ["yes": .int(tally.yes), "no": .int(tally.no), "abstain": .int(tally.abstain), "pass": .int(passes)]
        },
        readsSame: { $0.log == $1.log && $0.count == $1.count }),
      VoteViewField(
        key: "ballots", build: { vote, _ in ballots(vote.ballots) }, readsSame: { $0.log == $1.log },
        growth: { added in
          // Each seat's latest answer: applying the new entries in order leaves the last one.
          added.map {
            JSONPatchOperation(op: .add, path: "/" + JSON.escape($0.seat), value: .string($0.choice.rawValue))
          }
        }),
      reading("secondRound", \.secondRound) { .array($0.map(JSON.string)) },
    ]

  /// One answer in `rounds`.
  static func round(_ entry: BallotEntry) -> JSON {
    ["seat": .string(entry.seat), "choice": .string(entry.choice.rawValue), "round": .int(entry.round)]
  }

  /// The entries `after` added to the log of `before`, when that is all that changed in it.
  static func appended(_ before: OpenVote, _ after: OpenVote) -> ArraySlice<BallotEntry>? {
    guard after.log.count > before.log.count, after.log.starts(with: before.log) else { return nil }
    return after.log[before.log.count...]
  }

  /// Each seat's answer, by seat code.
  static func ballots(_ ballots: [String: Choice]) -> JSON { .object(ballots.mapValues { .string($0.rawValue) }) }
}
