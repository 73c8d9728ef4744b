// Replay determinism (design rule 4): random command sequences over motions, votes and drafts;
// the state rebuilt from the logged events (after an EventCodec round trip) equals the live
// state, every event's canonical bytes survive decode → encode unchanged, and the state's bytes
// (a snapshot) are JSONEncoder's.
import GavelTesting
import Testing

@testable import GavelCore

private struct Generator {
  var rng: SeededRandom
  let seats: [String]
  let state: CommitteeState

  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
  mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

  var motionIds: [String] { (0...state.motions.raised + 1).map { "M\($0)" } }
  var draftIds: [String] { state.drafts.drafts.map(\.id) + ["SIM-X/DR/9"] }
  var amendmentIds: [String] { state.drafts.drafts.flatMap { $0.amendments.map(\.id) } + ["none"] }
  var partIds: [String] { state.drafts.drafts.flatMap { $0.parts.map(\.id) } + ["none"] }

  mutating func motionArgs(_ kind: MotionKind) -> JSON {
    switch kind {
    case .setSpeakingTime: return ["ms": .int(pick([30_000, 60_000, 90_000]))]
    case .moderatedCaucus:
      return [
        "totalMs": .int(pick([300_000, 600_000, 900_000])), "speakerMs": .int(pick([30_000, 45_000, 60_000])),
        "topic": "t",
      ]
    case .unmoderatedCaucus: return ["totalMs": .int(pick([300_000, 600_000]))]
    case .extendCaucus: return ["ms": .int(pick([60_000, 300_000, 1_000_000]))]
    case .suspendMeeting: return chance(50) ? ["durationMs": 600_000] : [:]
    case .setAgenda: return ["topic": .string(pick(["A", "B"]))]
    case .introduceDraft: return ["draft": .string(pick(draftIds))]
    case .introduceAmendment: return ["amendment": .string(pick(amendmentIds))]
    case .divideQuestion: return ["draft": .string(pick(draftIds)), "parts": chance(50) ? [[1], [2]] : [[2, 3]]]
    case .reorderDrafts: return ["order": .array(draftIds.shuffled(using: &rng).prefix(2).map(JSON.string))]
    case .reconsider: return ["vote": .string("V\(Int.random(in: 1...max(1, state.votes.count), using: &rng))")]
    case .appeal: return ["ruling": .string("R\(Int.random(in: 1...3, using: &rng))")]
    default: return [:]
    }
  }

  mutating func command() -> (Command, Actor) {
    // While a vote is open, mostly let the seat whose turn it is (or one yet to vote) answer,
    // so that votes reach second rounds and results.
    if let vote = state.vote, chance(60) {
      let waiting = vote.eligible.filter { !vote.answered($0, round: vote.round) }
      let turn = vote.next(isPresent: { state.attendance.isPresent($0) }) ?? waiting.first
      if let turn {
        let choice = pick([Choice.yes, .yes, .yes, .no, .abstain, .pass])
        return (Command("vote.cast", ["choice": .string(choice.rawValue)]), .delegate(turn))
      }
      return (Command("vote.close"), .chair)
    }
    let seat = pick(seats)
    let delegate = Actor.delegate(seat)
    switch Int.random(in: 0..<100, using: &rng) {
    case 0..<12:
      let kind = pick(MotionKind.allCases.filter { $0 != .adjournMeeting })
      return (Command("motion.propose", ["kind": .string(kind.rawValue), "args": motionArgs(kind)]), delegate)
    case 12..<18: return (Command("motion.second", ["motion": .string(pick(motionIds))]), delegate)
    case 18..<20: return (Command("motion.withdraw", ["motion": .string(pick(motionIds))]), delegate)
    case 20..<21: return (Command("motion.keep", ["motion": .string(pick(motionIds))]), delegate)
    case 21..<23:
      return (
        Command("motion.ruleOut", ["motion": .string(pick(motionIds)), "reason": "r", "dilatory": .bool(chance(50))]),
        .chair
      )
    case 23..<30:
      return (Command("motion.put", ["method": .string(pick(["placard", "roll_call", "recorded"]))]), .chair)
    case 30..<36:
      let subject: JSON =
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: .subject(.draft, pick(draftIds))
        case 1: .subject(.amendment, pick(amendmentIds))
        case 2: .subject(.part, pick(partIds))
        default: .subject(.motion, pick(motionIds))
        }
      var args: [String: JSON] = ["subject": subject, "method": .string(pick(["placard", "roll_call", "recorded"]))]
      if chance(20) { args["art27Parties"] = [.string(seat)]; args["chapter"] = .string(pick(["VI", "VII"])) }
      return (Command("vote.open", .object(args)), .chair)
    case 36..<66:
      return (
        Command("vote.cast", ["choice": .string(pick(Choice.allCases).rawValue), "rights": .bool(chance(10))]), delegate
      )
    case 66..<70:
      return (
        Command("vote.record", ["seat": .string(seat), "choice": .string(pick(Choice.allCases).rawValue)]), .chair
      )
    case 70..<72:
      return (
        Command(
          "vote.count",
          [
            "yes": .int(Int.random(in: 0...9, using: &rng)), "no": .int(Int.random(in: 0...4, using: &rng)),
            "abstain": .int(Int.random(in: 0...3, using: &rng)),
          ]), .chair
      )
    case 72..<80: return (Command("vote.close"), .chair)
    case 80..<81: return (Command("vote.cancel"), .chair)
    case 81..<85:
      let clauses: [JSON] = [
        ["kind": "preambular", "text": "Recalling,"], ["kind": "operative", "text": "One;"],
        ["kind": "operative", "text": "Two;"], ["kind": "operative", "text": "Three."],
      ]
      return (
        Command(
          "draft.submit",
          [
            "title": "T", "sponsors": [.string(seat)], "signatories": .array(seats.prefix(4).map(JSON.string)),
            "clauses": .array(clauses),
          ]), delegate
      )
    case 85..<87:
      return (
        Command(
          pick(["draft.sign", "draft.unsign", "draft.withdraw", "draft.request"]), ["draft": .string(pick(draftIds))]),
        delegate
      )
    case 87..<90: return (Command("draft.approve", ["draft": .string(pick(draftIds))]), .chair)
    case 90..<94:
      return (
        Command(
          "amendment.submit",
          [
            "draft": .string(pick(draftIds)), "clause": .int(Int.random(in: 0...3, using: &rng)),
            "action": .string(pick(["add", "modify", "strike"])), "text": "New text;",
          ]), delegate
      )
    case 94..<97: return (Command("amendment.accept", ["amendment": .string(pick(amendmentIds))]), delegate)
    default:
      return (
        Command("amendment.order", ["draft": .string(pick(draftIds)), "order": [.string(pick(amendmentIds))]]), .chair
      )
    }
  }
}

@Suite struct VotingReplayProperties {
  static func run(_ definition: CommitteeDefinition, seed: UInt64, steps: Int) -> (accepted: Int, votes: Int) {
    let start = Floor(definition)
    var state = start.state
    var liveView = LiveView(state)
    var log: [Event] = []
    var rng = SeededRandom(seed: seed)
    for step in 0..<steps {
      var generator = Generator(rng: rng, seats: definition.seats.map(\.code), state: state)
      let (command, actor) = generator.command()
      rng = generator.rng
      let context = Context(now: 1_000_000 + Int64(step) * 1000, actor: actor, commandId: "c\(step)", draw: rng.next())
      guard let events = try? decide(command, state, context) else { continue }
      for event in events {
        let before = liveView.json
        evolve(&state, event)
        // The Floor's incremental view: equal to the whole view, its patch gets there.
        let patch = liveView.advance(to: state)
        let after = publicView(state)
        #expect(liveView.json == after, "seed \(seed) step \(step): live view after \(event.name)")
        #expect((try? before.applying(patch)) == after, "seed \(seed) step \(step): live patch of \(event.name)")
        // One vote member read alone (the Floor reads `next` so): the whole view's, stale or not.
        for key in ["next", "rounds", "ballots", "tally"] {
          #expect(
            liveView.member(key, of: "vote") == after["vote"]?[key],
            "seed \(seed) step \(step): vote.\(key) after \(event.name)")
        }
      }
      log += events
    }
    // From nothing: the convening and setup events of `start`, then the random run.
    var replayed = CommitteeState()
    for event in start.log + log {
      let bytes = EventCodec.encode(event)
      guard let decoded = try? EventCodec.decode(name: event.name, version: event.version, payload: bytes) else {
        Issue.record("\(event.name) does not decode from its own bytes")
        continue
      }
      #expect(decoded == event, "\(event.name) changed in a round trip")
      #expect((try? FoundationCodec.decode(event)) == decoded, "\(event.name) is read otherwise by JSONDecoder")
      #expect((try? FoundationCodec.encode(event)) == bytes, "\(event.name) is written otherwise by JSONEncoder")
      #expect(EventCodec.encode(decoded) == bytes, "\(event.name) bytes are not canonical")
      evolve(&replayed, decoded)
    }
    #expect(replayed == state, "seed \(seed): replay differs from the live state")
    // Snapshots hold the state's canonical bytes: JSONValueEncoder's, byte for byte JSONEncoder's.
    let snapshotBytes = try? JSONValueEncoder().canonicalBytes(state)
    #expect(
      snapshotBytes != nil && snapshotBytes == (try? FoundationCodec.encode(state)),
      "seed \(seed): the state is written otherwise by JSONEncoder")
    #expect(replay(start.log + log) == state)
    #expect(publicView(replayed) == publicView(state))
    return (log.count, state.votes.count)
  }

  @Test(arguments: 0..<25)
  func replayEqualsLiveStateInACouncil(seed: Int) {
    let (events, _) = Self.run(TestCommittee.unsc1994(), seed: UInt64(seed) &* 7919, steps: 300)
    #expect(events > 0)
  }

  @Test(arguments: 0..<25)
  func replayEqualsLiveStateInAGACommittee(seed: Int) {
    var definition = TestCommittee.ga(12)
    definition.rules.drafts.votingRequiresClosure = false
    let (events, _) = Self.run(definition, seed: UInt64(seed) &* 104_729 &+ 1, steps: 300)
    #expect(events > 0)
  }

  @Test func randomSequencesReachClosedVotes() {
    var closed = 0
    for seed in 0..<10 { closed += Self.run(TestCommittee.unsc1994(), seed: UInt64(seed) &+ 99, steps: 600).votes }
    #expect(closed > 0)
  }
}
