// The `motions`, `vote`, `votes` and `drafts` sections of the public view (protocol.md §6),
// keys spelled exactly as there; extra keys (announcement, rounds, drawnSeat, …) are additions.

extension CommitteeState {
  var motionsView: JSON {
    .array(
      rules.motions.ordered(motions.pending).map { motion in
        let spec = rules.motions.spec(motion.kind)
        return .object([
          "id": .string(motion.id), "kind": .string(motion.kind.rawValue), "by": .string(motion.by),
          "secondedBy": motion.secondedBy.map(JSON.string) ?? .null, "args": motion.args,
          "status": .string(motion.status.rawValue), "raisedAt": .int(Int(motion.raisedAt)),
          "threshold": spec.threshold.map { .string($0.rawValue) } ?? .null,
          "debate": ["for": .int(spec.speakersFor), "against": .int(spec.speakersAgainst)],
          "warnings": .array(motion.warnings.map(JSON.string)),
        ])
      })
  }

  var voteView: JSON {
    guard let vote else { return .null }
    return .object(Dictionary(uniqueKeysWithValues: VoteViewField.open.map { ($0.key, $0.build(vote, self)) }))
  }

  /// How the members of the `vote` section changed since `old`; nil when another vote is
  /// open (or none), so the whole section must be rebuilt. A ballot touches a few members
  /// (tally, next) and grows two (ballots, rounds), not the roll and the electorate.
  func voteMembers(changedFrom old: CommitteeState) -> [String: MemberChange]? {
    guard let vote, let before = old.vote, vote.id == before.id else { return nil }
    let added = VoteViewField.appended(before, vote)
    var members: [String: MemberChange] = [:]
    for field in VoteViewField.open where !field.readsSame(before, vote) {
      if let added, let growth = field.growth {
        members[field.key] = .grown(growth(added))
      } else {
        members[field.key] = .rebuilt(field.build(vote, self))
      }
    }
    return members
  }

  /// One member of the open vote's section.
  func voteMember(_ key: String) -> JSON {
    guard let vote, let field = VoteViewField.open.first(where: { $0.key == key }) else { return .null }
    return field.build(vote, self)
  }

  var votesView: JSON { .array(votes.map(votesEntry)) }

  /// The `votes` entries of the closed votes `self` added to `old`'s, when adding them is all
  /// that changed (a vote closed); nil otherwise. Closing a vote then costs one entry, not a
  /// rebuild and diff of every vote of the session.
  func votesAppended(since old: CommitteeState) -> [JSON]? {
    let kept = old.votes.count
    guard votes.count > kept, votes[..<kept].elementsEqual(old.votes) else { return nil }
    return votes[kept...].map(votesEntry)
  }

  /// One entry of `votes`.
  private func votesEntry(_ closed: ClosedVote) -> JSON {
    var fields = commonVoteFields(closed.vote)
    fields["tally"] = [
      "yes": .int(closed.tally.yes), "no": .int(closed.tally.no), "abstain": .int(closed.tally.abstain),
      "notVoting": .int(closed.notVoting),
    ]
    fields["outcome"] = .string(closed.outcome.rawValue)
    fields["reason"] = .string(closed.reason.rawValue)
    fields["vetoedBy"] = .array(closed.vetoedBy.map(JSON.string))
    fields["ballots"] = VoteViewField.ballots(closed.ballots)
    fields["closedAt"] = .int(Int(closed.closedAt))
    fields["announcement"] = .string(closed.announcement)
    fields["quorumChallenged"] = .bool(closed.quorumChallenged)
    fields["warnings"] = .array(closed.warnings.map(JSON.string))
    return .object(fields)
  }

  var draftsView: JSON {
    .array(
      drafts.order.compactMap { drafts.draft($0) }.map { draft in
        .object([
          "id": .string(draft.id), "title": .string(draft.title),
          "sponsors": .array(draft.sponsors.map(JSON.string)),
          "signatories": .array(draft.signatories.map(JSON.string)), "status": .string(draft.status.rawValue),
          "clauses": .array(
            draft.clauses.filter { !$0.struck }.map {
              ["n": .int($0.n), "kind": .string($0.kind.rawValue), "text": .string($0.text)]
            }),
          "amendments": .array(
            draft.amendments.map {
              [
                "id": .string($0.id), "clause": .int($0.clause), "action": .string($0.action.rawValue),
                "text": .string($0.text), "by": .string($0.by), "friendly": .bool($0.friendly),
                "status": .string($0.status.rawValue),
              ]
            }),
          "parts": .array(
            draft.parts.map {
              [
                "id": .string($0.id), "clauses": .array($0.clauses.map(JSON.int)),
                "status": .string($0.status.rawValue),
              ]
            }),
          "resolution": draft.resolution.map(JSON.string) ?? .null,
          "requestedBy": draft.requestedBy.map(JSON.string) ?? .null,
          "revision": .int(draft.revision),
        ])
      })
  }

  private func commonVoteFields(_ vote: OpenVote) -> [String: JSON] {
    Dictionary(uniqueKeysWithValues: VoteViewField.common.map { ($0.key, $0.build(vote, self)) })
  }
}
