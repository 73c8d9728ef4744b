// Property: for random command sequences (valid and invalid, by every role), the live state
// equals the replay of the emitted events, every event survives the codec unchanged, and the
// floor's invariants hold. Seeded, so a failure names its seed and step and reproduces exactly.
import GavelTesting
import Testing

@testable import GavelCore

struct FloorFuzzer {
  var rng: SeededRandom
  let seats: [String]

  init(seed: UInt64, seats: [String]) {
    rng = SeededRandom(seed: seed)
    self.seats = seats + ["ZZZ"]
  }

  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
  mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
  mutating func seat() -> JSON { .string(pick(seats)) }

  /// Mostly the right role for the command, sometimes any role.
  mutating func actor(for command: Command, _ state: CommitteeState) -> Actor {
    let roll = Int.random(in: 0..<100, using: &rng)
    if roll < 5 { return pick([.system, Actor(role: .display), Actor(role: .auditor)]) }
    let delegateCommands: Set<String> = [
      "attendance.declare", "speakers.add", "speakers.remove", "speaker.yield", "reply.request", "point.raise",
    ]
    let wantsDelegate = delegateCommands.contains(command.name) && command.args["seat"] == nil
    if wantsDelegate || roll < 20 {
      if command.name == "speaker.yield", let speech = state.currentSpeech, chance(80) { return .delegate(speech.seat) }
      let present = Array(state.attendance.statuses.keys).sorted()
      return .delegate(!present.isEmpty && chance(80) ? pick(present) : pick(Array(seats.dropLast())))
    }
    return .chair
  }

  /// A random command, often one that fits the state, sometimes nonsense.
  mutating func command(_ state: CommitteeState) -> Command {
    let statuses: [JSON] = ["present", "present", "present_and_voting", "absent", "maybe"]
    if state.session.phase != .open, chance(60) {
      return Command(state.session.phase == .suspended ? "session.resume" : "session.open")
    }
    switch Int.random(in: 0..<30, using: &rng) {
    case 0:
      return Command(
        chance(20) ? "session.suspend" : "session.open",
        chance(50) ? ["durationMs": .int(pick([0, 30_000, 120_000]))] : [:])
    case 1: return Command(chance(15) ? "session.adjourn" : "session.resume")
    case 2: return Command("agenda.set", ["topic": pick(["Border", "Refugees", " ", "Border"])])
    case 3, 4, 5: return Command("attendance.mark", ["seat": seat(), "status": pick(statuses)])
    case 6: return Command("attendance.declare", ["status": pick(statuses)])
    case 7, 8, 9: return Command("speakers.add", chance(30) ? ["seat": seat()] : [:])
    case 10: return Command("speakers.remove", chance(50) ? ["seat": seat()] : [:])
    case 11, 12, 13: return Command("speakers.next")
    case 14: return Command(pick(["speakers.open", "speakers.close", "caucus.end"]))
    case 15: return Command("speakers.setTime", ["ms": .int(pick([0, 45_000, 60_000, 90_000]))])
    case 16, 17:
      return Command(pick(["speaker.pause", "speaker.resume", "speaker.end", "speaker.overrun"]), ["ms": 2_000])
    case 18, 19, 20:
      return Command(
        "speaker.yield", ["to": pick(["chair", "questions", "delegate", "delegate", "moon"]), "seat": seat()])
    case 21, 22: return Command("reply.request")
    case 23:
      return Command(
        pick(["reply.grant", "reply.grant", "reply.deny"]),
        ["seat": .string(state.speakers.replies.first?.seat ?? "FRA")])
    case 24, 25:
      return Command(
        "point.raise",
        [
          "kind": pick(["order", "personal_privilege", "parliamentary_inquiry", "information", "rumour"]),
          "audibility": .bool(chance(50)), "text": "Point",
        ])
    case 26: return Command("point.resolve", ["id": .string(state.points.items.first?.id ?? "P1")])
    case 27:
      return Command(
        "timer.expire",
        ["timer": pick(["speech", "caucus", "suspension"]), "startedAt": .int(Int(state.session.since))])
    default: return Command(pick(["motion.fly", "speakers.add"]), ["seat": 7])
    }
  }

  /// An event Core II's motions would emit, to mix caucuses and speaking time into the history.
  mutating func motionEvent(_ state: CommitteeState, at now: Int64) -> (any EventPayload)? {
    guard state.session.phase == .open, state.floorIsOpen else { return nil }
    if let caucus = state.caucus {
      return chance(50) && caucus.extensions == 0 ? CaucusExtended(ms: pick([60_000, 300_000]), at: now) : nil
    }
    switch Int.random(in: 0..<3, using: &rng) {
    case 0:
      return CaucusStarted(
        kind: .moderated, topic: "Border", totalMs: pick([300_000, 600_000]), speakerMs: pick([45_000, 60_000]), at: now
      )
    case 1: return CaucusStarted(kind: .unmoderated, topic: "", totalMs: 900_000, speakerMs: nil, at: now)
    default: return SpeakingTimeSet(ms: pick([30_000, 60_000]), at: now)
    }
  }
}

@Suite struct FloorPropertyTests {
  static let committees: [CommitteeDefinition] = [
    Committees.unsc1994, Committees.gaCommittee(members: 8, observers: 2),
    Committees.gaCommittee(members: 5, observers: 1, rules: .generic),
  ]

  @Test(arguments: 0..<12)
  func replayEqualsLiveStateAndEventsSurviveTheCodec(seed: Int) throws {
    let definition = Self.committees[seed % Self.committees.count]
    var fuzz = FloorFuzzer(seed: UInt64(seed) &* 7919 &+ 1, seats: definition.seats.map(\.code))
    var now = ManualClock.epoch
    var log: [Event] = [convene(definition, definitionHash: "fuzz", at: now)]
    var live = replay(log)
    var liveView = LiveView(live)
    var names: Set<String> = []
    for step in 0..<300 {
      now += Int64(fuzz.pick([0, 0, 500, 2_400, 10_000, 45_000]))
      var emitted: [Event] = []
      if fuzz.chance(6), let payload = fuzz.motionEvent(live, at: now) {
        emitted = [Event(payload)]
      } else if fuzz.chance(8), let due = deadlines(live).first {
        now = max(now, due.at)
        emitted = try decide(due.command, live, Context(now: now, actor: .system))
      } else {
        let command = fuzz.command(live)
        let actor = fuzz.actor(for: command, live)
        do {
          emitted = try decide(command, live, Context(now: now, actor: actor, commandId: "f\(step)"))
        } catch {
          #expect(!error.message.isEmpty, "seed \(seed) step \(step): \(command.name) rejected without a sentence")
        }
      }
      for event in emitted {
        let bytes = EventCodec.encode(event)
        let decoded = try EventCodec.decode(name: event.name, version: event.version, payload: bytes)
        #expect(decoded == event, "seed \(seed) step \(step): \(event.name) changed through the codec")
        #expect(try FoundationCodec.decode(event) == decoded, "seed \(seed) step \(step): \(event.name) read otherwise by JSONDecoder")
        #expect(try bytes == FoundationCodec.encode(event), "seed \(seed) step \(step): \(event.name) written otherwise by JSONEncoder")
        log.append(decoded)
        // Each event frame's patch turns the previous view into the next (protocol.md §4).
        let before = publicView(live)
        evolve(&live, event)
        let after = publicView(live)
        #expect(try before.applying(before.diff(to: after)) == after, "seed \(seed) step \(step): patch of \(event.name)")
        // The Floor's incremental view: the same view, and a patch that also gets there.
        let patch = liveView.advance(to: live)
        #expect(liveView.json == after, "seed \(seed) step \(step): live view after \(event.name)")
        #expect(try before.applying(patch) == after, "seed \(seed) step \(step): live patch of \(event.name)")
        names.insert(event.name)
      }
      try expectState(replay(log), equals: live, "seed \(seed) step \(step): replay")
      try checkInvariants(live, now: now, "seed \(seed) step \(step)")
    }
    #expect(names.count >= 12, "seed \(seed) reached only \(names.sorted())")
  }

  func checkInvariants(_ state: CommitteeState, now: Int64, _ label: String) throws {
    let committee = state.committee
    for (code, status) in state.attendance.statuses {
      let seat = try #require(committee.seat(code), "\(label): unknown seat \(code) in attendance")
      #expect(status != .absent, "\(label): absent seats are omitted")
      #expect(status != .presentAndVoting || seat.kind == .member, "\(label): \(code) is present and voting (R2.2)")
    }
    let limit = state.rules.floor.gslMaxPendingPerSeat
    for code in Set(state.speakers.queue) {
      #expect(state.speakers.queue.filter { $0 == code }.count <= limit, "\(label): \(code) pending twice (R3.3)")
    }
    for speech in [state.speakers.current, state.caucus?.current].compactMap({ $0 }) {
      #expect(speech.elapsedMs >= 0 && speech.elapsedMs <= speech.timeMs, "\(label): speech timer out of range")
      #expect(speech.yieldDepth <= state.rules.floor.maxConsecutiveYields + 1, "\(label): yield chain too long")
    }
    if let caucus = state.caucus {
      #expect(caucus.elapsedMs <= caucus.totalMs, "\(label): caucus timer out of range")
      #expect(
        state.session.mode == (caucus.kind == .moderated ? .moderatedCaucus : .unmoderatedCaucus)
          || state.session.mode == .voting)
    }
    #expect(state.quorum.present <= state.quorum.members)
    let due = deadlines(state).map(\.at)
    #expect(due == due.sorted())
  }
}
