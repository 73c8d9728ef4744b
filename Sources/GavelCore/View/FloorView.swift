// The floor's sections of the public view (protocol.md §6): keys and value spellings exactly as
// documented; extra keys are additions, never renames. A pure function of the state.

extension CommitteeState {
  var committeeView: JSON {
    [
      "id": .string(committee.id), "name": .string(committee.name), "body": .string(committee.body.rawValue),
      "rules": .string(rules.label), "topic": .string(topic), "symbolPrefix": .string(committee.symbolPrefix),
    ]
  }

  var seatsView: JSON {
    .object(
      Dictionary(
        uniqueKeysWithValues: committee.seats.map { seat in
          (
            seat.code,
            ["name": .string(seat.name), "kind": .string(seat.kind.rawValue), "veto": .bool(seat.veto)] as JSON
          )
        }))
  }

  var sessionView: JSON {
    [
      "state": .string(session.phase.rawValue), "mode": .string(session.mode.rawValue),
      "since": .int(Int(session.since)),
      "number": .int(session.number), "suspensionMs": session.suspensionMs.map { .int($0) } ?? .null,
      "pendingDeclarations": .object(attendance.pending.mapValues { .string($0.rawValue) }),
    ]
  }

  var attendanceView: JSON { .object(attendance.statuses.mapValues { .string($0.rawValue) }) }

  var quorumView: JSON {
    let q = quorum
    return [
      "members": .int(q.members), "present": .int(q.present), "toOpen": .int(q.toOpen), "toDecide": .int(q.toDecide),
      "canOpen": .bool(q.canOpen), "canDecide": .bool(q.canDecide),
    ]
  }

  var speakersView: JSON {
    [
      "open": .bool(speakers.open), "speakingTimeMs": .int(speakers.speakingTimeMs),
      "queue": .array(speakers.queue.map { .string($0) }), "current": Self.view(speakers.current),
      "debateClosed": .bool(speakers.debateClosed),
      "replies": .array(speakers.replies.map { ["seat": .string($0.seat), "to": .string($0.to)] }),
    ]
  }

  var caucusView: JSON {
    guard let caucus else { return .null }
    return [
      "kind": .string(caucus.kind.rawValue), "topic": .string(caucus.topic), "totalMs": .int(caucus.totalMs),
      "speakerMs": caucus.speakerMs.map { .int($0) } ?? .null, "startedAt": .int(Int(caucus.startedAt)),
      "elapsedMs": .int(caucus.elapsedMs), "running": .bool(caucus.running),
      "queue": .array(caucus.queue.map { .string($0) }), "current": Self.view(caucus.current),
      "extensions": .int(caucus.extensions),
    ]
  }

  var pointsView: JSON {
    .array(
      points.items.map {
        ["id": .string($0.id), "kind": .string($0.kind.rawValue), "by": .string($0.by), "text": .string($0.text)]
      })
  }

  static func view(_ speech: Speech?) -> JSON {
    guard let speech else { return .null }
    return [
      "seat": .string(speech.seat), "timeMs": .int(speech.timeMs), "startedAt": .int(Int(speech.startedAt)),
      "elapsedMs": .int(speech.elapsedMs), "running": .bool(speech.running),
      "yieldedFrom": speech.yieldedFrom.map { .string($0) } ?? .null, "kind": .string(speech.kind.rawValue),
    ]
  }
}
