// Given/when/then for the pure core (design.md house style, Commanded/Equinox): build a history
// from events or accepted commands, run one command, and assert the events it emits and the
// WHOLE resulting state — the expected state is the previous state with the stated changes.
//
//     let floor = try Given(Committees.unsc2026).inSession()        // convened, opened, all present
//       .and("speakers.add", as: .delegate("FRA"))                  // accepted commands build history
//     let t = floor.now                                             // ManualClock: only tests move it
//     try floor.when("speakers.next").then([SpeakerRecognised(seat: "FRA", list: .gsl, timeMs: 90_000, at: t)]) {
//       $0.speakers.queue = []                                      // every other field must be unchanged
//       $0.speakers.current = Speech(seat: "FRA", kind: .gsl, timeMs: 90_000, startedAt: t)
//     }
//     try floor.when("speakers.add", as: .delegate("FRA")).thenRejected(.duplicate)
import GavelCore

public struct Given: Sendable {
  /// Every event of the history so far, convening first.
  public private(set) var events: [Event]
  /// The state after `events`.
  public private(set) var state: CommitteeState
  public private(set) var clock: ManualClock
  private var commandCount = 0

  /// A committee convened at the clock's start (hash `"test"`).
  public init(_ definition: CommitteeDefinition, hash: String = "test", clock: ManualClock = ManualClock()) {
    self.init(events: [convene(definition, definitionHash: hash, at: clock.now)], clock: clock)
  }

  /// A history given as events (the first should convene the committee).
  public init(events: [Event], clock: ManualClock = ManualClock()) {
    self.events = events
    self.state = replay(events)
    self.clock = clock
  }

  public var now: Int64 { clock.now }

  /// The history plus these events, applied as they are (no rule is checked).
  public func and(_ payloads: any EventPayload...) -> Given {
    var next = self
    for payload in payloads {
      let event = Event(payload)
      next.events.append(event)
      evolve(&next.state, event)
    }
    return next
  }

  /// The history plus the events of an accepted command; throws if the command is rejected.
  public func and(
    _ name: String, _ args: JSON = [:], as actor: Actor = .chair, at time: Int64? = nil, draw: UInt64 = 0
  ) throws -> Given {
    let outcome = when(name, args, as: actor, at: time, draw: draw)
    switch outcome.result {
    case .success: return outcome.after
    case .failure(let rejection):
      throw ScenarioFailure("given \(name) \(args.text) as \(actor.role.rawValue) was rejected: \(rejection)")
    }
  }

  /// The clock moved on by `ms`.
  public func advanced(by ms: Int64) -> Given {
    var next = self
    next.clock.advance(by: ms)
    return next
  }

  /// The clock moved on to `time`.
  public func at(_ time: Int64) -> Given {
    var next = self
    next.clock.set(time)
    return next
  }

  /// Runs one command against the state, at the clock's time unless `at` is given (the clock then moves there).
  public func when(
    _ name: String, _ args: JSON = [:], as actor: Actor = .chair, at time: Int64? = nil, draw: UInt64 = 0
  ) -> When {
    var base = self
    if let time { base.clock.set(time) }
    base.commandCount += 1
    let context = Context(now: base.now, actor: actor, commandId: "t-\(base.commandCount)", draw: draw)
    let command = Command(name, args)
    do {
      let emitted = try decide(command, base.state, context)
      var after = base
      for event in emitted {
        after.events.append(event)
        evolve(&after.state, event)
      }
      return When(before: base, command: command, actor: actor, result: .success(emitted), after: after)
    } catch {
      return When(before: base, command: command, actor: actor, result: .failure(error), after: base)
    }
  }
}

/// The outcome of one command: its events (or rejection) and the scenario after it.
public struct When: Sendable {
  public let before: Given
  public let command: Command
  public let actor: Actor
  public let result: Result<[Event], Rejection>
  /// The scenario after the command (unchanged when it was rejected).
  public let after: Given

  public var emitted: [Event] { (try? result.get()) ?? [] }
  public var rejection: Rejection? { if case .failure(let r) = result { return r } else { return nil } }

  /// Asserts the command emitted exactly `expected` and that the whole state after it equals the
  /// state before with `change` applied. Returns the scenario after, to chain further steps.
  @discardableResult
  public func then(
    _ expected: [any EventPayload], state change: (inout CommitteeState) -> Void = { _ in }
  ) throws -> Given {
    let got = try acceptedEvents()
    let want = expected.map(Event.init)
    guard got == want else {
      throw ScenarioFailure(
        "\(label) emitted\n  \(describe(got))\nexpected\n  \(describe(want))")
    }
    var expectedState = before.state
    change(&expectedState)
    try expectState(after.state, equals: expectedState, "\(label): state")
    return after
  }

  /// Asserts the command was rejected with `code` and changed nothing. Returns the rejection.
  @discardableResult
  public func thenRejected(_ code: RejectionCode) throws -> Rejection {
    switch result {
    case .success(let events):
      throw ScenarioFailure("\(label) was accepted with \(describe(events)); expected rejection \(code.rawValue)")
    case .failure(let rejection):
      guard rejection.code == code else {
        throw ScenarioFailure("\(label) was rejected with \(rejection); expected \(code.rawValue)")
      }
      guard !rejection.message.isEmpty else { throw ScenarioFailure("\(label): rejection without a message") }
      try expectState(after.state, equals: before.state, "\(label): rejected command changed the state")
      return rejection
    }
  }

  /// Asserts the command was accepted and did nothing (e.g. a stale timer expiry).
  @discardableResult
  public func thenNothing() throws -> Given { try then([]) }

  private func acceptedEvents() throws -> [Event] {
    switch result {
    case .success(let events): return events
    case .failure(let rejection): throw ScenarioFailure("\(label) was rejected: \(rejection)")
    }
  }

  private var label: String {
    "when \(command.name) \(command.args.text) as \(actor.role.rawValue)\(actor.seat.map { " " + $0 } ?? "")"
  }
}

func describe(_ events: [Event]) -> String {
  events.isEmpty
    ? "(no events)"
    : events.map { "\($0.name) \(String(decoding: EventCodec.encode($0), as: UTF8.self))" }
      .joined(separator: "\n  ")
}
