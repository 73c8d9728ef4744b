// Small private fixtures for the Core II tests: committees of rules.md §9 and a driver that
// runs commands through `decide` and `evolve`, keeping the log for replay checks.
// Setup goes through GavelTesting's `Given` (convening, session.open, attendance.mark).
import GavelTesting
import Testing

@testable import GavelCore

enum TestCommittee {
  /// The illustrative 1994 Council of rules.md §9 (roll order = English short names), with
  /// Tajikistan and Afghanistan as rule 37 participants and the CIS as a rule 39 invitee.
  static func unsc1994(rules: RulesProfile = .securityCouncil) -> CommitteeDefinition {
    let members: [(String, String, Bool)] = [
      ("ARG", "Argentina", false), ("BRA", "Brazil", false), ("CHN", "China", true),
      ("CZE", "Czech Republic", false), ("DJI", "Djibouti", false), ("FRA", "France", true),
      ("NZL", "New Zealand", false), ("NGA", "Nigeria", false), ("OMN", "Oman", false),
      ("PAK", "Pakistan", false), ("RUS", "Russian Federation", true), ("RWA", "Rwanda", false),
      ("ESP", "Spain", false), ("GBR", "United Kingdom", true), ("USA", "United States", true),
    ]
    var seats = members.map { Seat(code: $0.0, name: $0.1, veto: $0.2) }
    seats.append(Seat(code: "TJK", name: "Tajikistan", kind: .participant))
    seats.append(Seat(code: "AFG", name: "Afghanistan", kind: .participant))
    seats.append(Seat(code: "CIS", name: "Commonwealth of Independent States", kind: .invitee))
    return CommitteeDefinition(
      id: "unsc", name: "Security Council", body: .securityCouncil,
      topic: "The situation in Tajikistan and along the Tajik-Afghan border", symbolPrefix: "SIM-SC", seats: seats,
      rules: rules)
  }

  /// A GA committee of `count` members (codes `M001`…) plus one observer `OBS`.
  static func ga(_ count: Int, rules: RulesProfile = .gaCommittee) -> CommitteeDefinition {
    var seats = (1...count).map { i in
      let code = "M" + String(repeating: "0", count: 3 - String(i).count) + String(i)
      return Seat(code: code, name: "Member \(code)")
    }
    seats.append(Seat(code: "OBS", name: "Zz Observer", kind: .observer))
    return CommitteeDefinition(
      id: "ga1", name: "First Committee", body: .gaCommittee, topic: "Disarmament", symbolPrefix: "SIM-GA1",
      seats: seats, rules: rules)
  }

  static func gaCodes(_ count: Int) -> [String] { Array(ga(count).members.map(\.code)) }

  static let p5 = ["CHN", "FRA", "RUS", "GBR", "USA"]
}

/// Runs commands against a committee through the real `decide`/`evolve`.
struct Floor {
  var state: CommitteeState
  var log: [Event] = []
  var now: Int64 = 1_764_432_000_000
  let initial: CommitteeState

  /// A convened committee with an open meeting, built through Core I's real commands
  /// (`session.open`, `attendance.mark`): `present` seats present (default: every seat),
  /// `presentAndVoting` seats declared present and voting.
  init(_ definition: CommitteeDefinition, present: [String]? = nil, presentAndVoting: [String] = []) {
    do {
      let given = try Given(definition).opened()
        .marked((present ?? definition.seats.map(\.code)).filter { !presentAndVoting.contains($0) })
        .marked(presentAndVoting, .presentAndVoting)
      state = given.state
      log = given.events
    } catch {
      Issue.record("cannot set up the committee: \(error)")
      state = CommitteeState()
    }
    initial = state
  }

  /// A departure (R2.4, E-2) through the chair's `attendance.mark`.
  mutating func depart(_ seat: String) {
    run("attendance.mark", ["seat": .string(seat), "status": "absent"])
  }

  @discardableResult
  mutating func run(
    _ name: String, _ args: JSON = [:], as actor: Actor = .chair, draw: UInt64 = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> [Event] {
    now += 1000
    do {
      let events = try decide(Command(name, args), state, Context(now: now, actor: actor, draw: draw))
      for event in events { evolve(&state, event) }
      log += events
      return events
    } catch {
      Issue.record("\(name) was rejected: \(error)", sourceLocation: sourceLocation)
      return []
    }
  }

  /// Expects the command to be refused with `code`; the state must not change.
  mutating func reject(
    _ name: String, _ args: JSON = [:], as actor: Actor = .chair, _ code: RejectionCode,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      let events = try decide(Command(name, args), state, Context(now: now, actor: actor))
      Issue.record(
        "\(name) was accepted (\(events.map(\.name))); expected \(code.rawValue)", sourceLocation: sourceLocation)
    } catch {
      #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
    }
  }

  // Conveniences for the common paths.

  mutating func castAll(_ choices: [String: Choice]) {
    for (seat, choice) in choices.sorted(by: { $0.key < $1.key }) {
      run("vote.cast", ["choice": .string(choice.rawValue)], as: .delegate(seat))
    }
  }

  /// Casts in roll-call order for a roll call (`next` decides who answers).
  mutating func castInOrder(_ choices: [String: Choice]) {
    while let vote = state.vote, let next = vote.next(isPresent: { state.attendance.isPresent($0) }),
      let choice = choices[next]
    {
      run("vote.cast", ["choice": .string(choice.rawValue)], as: .delegate(next))
    }
  }

  var lastVote: ClosedVote? { state.votes.last }

  /// Choices for a tally over `seats`: the first `yes` say yes, then `no`, then `abstain`.
  static func split(_ seats: [String], yes: Int, no: Int, abstain: Int) -> [String: Choice] {
    var choices: [String: Choice] = [:]
    for (i, seat) in seats.enumerated() {
      if i < yes {
        choices[seat] = .yes
      } else if i < yes + no {
        choices[seat] = .no
      } else if i < yes + no + abstain {
        choices[seat] = .abstain
      }
    }
    return choices
  }

  /// Submits a draft by `sponsor` with `operative` operative clauses and gets it approved.
  @discardableResult
  mutating func approvedDraft(
    by sponsor: String, signatories: [String], operative: Int, preambular: Int = 1
  ) -> String {
    let clauses: [JSON] =
      (0..<preambular).map { ["kind": "preambular", "text": .string("Recalling \($0 + 1),")] }
      + (1...operative).map { ["kind": "operative", "text": .string("Operative \($0);")] }
    run(
      "draft.submit",
      [
        "title": "Test draft", "sponsors": [.string(sponsor)], "signatories": .array(signatories.map(JSON.string)),
        "clauses": .array(clauses),
      ], as: .delegate(sponsor))
    let id = state.drafts.drafts.last!.id
    run("draft.approve", ["draft": .string(id)])
    return id
  }

  /// Proposes a motion (seconded by `seconder` where a second is needed) and returns its id.
  @discardableResult
  mutating func propose(_ kind: MotionKind, _ args: JSON = [:], by mover: String, secondedBy seconder: String? = nil)
    -> String
  {
    run("motion.propose", ["kind": .string(kind.rawValue), "args": args], as: .delegate(mover))
    let id = "M\(state.motions.raised)"
    if let seconder, state.motions.motion(id)?.status == .awaitingSecond {
      run("motion.second", ["motion": .string(id)], as: .delegate(seconder))
    }
    return id
  }
}

extension JSON {
  static func subject(_ kind: SubjectKind, _ id: String) -> JSON {
    ["kind": .string(kind.rawValue), "id": .string(id)]
  }
}

extension Floor {
  /// Every present member votes yes on the open vote (placard, per seat) and the chair closes it.
  mutating func everyoneYesAndClose() {
    guard let vote = state.vote else { return }
    castAll(Dictionary(uniqueKeysWithValues: vote.eligible.map { ($0, Choice.yes) }))
    run("vote.close")
  }

  /// Adopts a closure motion so that drafts may be voted (§6.5).
  mutating func closeDebate(mover: String, seconder: String) {
    let motion = propose(.closeDebate, by: mover, secondedBy: seconder)
    run("motion.put", ["motion": .string(motion)])
    everyoneYesAndClose()
  }

  /// Enters placard totals and closes.
  mutating func countAndClose(yes: Int, no: Int, abstain: Int) {
    run("vote.count", ["yes": .int(yes), "no": .int(no), "abstain": .int(abstain)])
    run("vote.close")
  }
}
