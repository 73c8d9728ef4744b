// The fixture session: a full scripted meeting of the 2026 Security Council on Tajikistan, run
// through the real core (`decide` + `evolve`) into a real EventStore in a temp dir, with
// deterministic times, command ids and draws. Every golden file of this suite comes from it.
// `forge` lets a tamper test alter a command's events before they are appended (a forger who
// rebuilds the hash chain around a change).
import GavelCore
import GavelStore
import GavelTesting

struct ScriptedLog {
  let store: EventStore
  private(set) var state = CommitteeState()
  private(set) var now = ManualClock.epoch
  private var count = 0
  var forge: ((_ command: String, _ events: inout [Event]) -> Void)?

  init(path: String) throws {
    store = try EventStore(path: path)
    let definition = Committees.unsc2026
    let hash = Digest.hex(Digest.sha256(canonicalBytes(of: definition)))
    let convened = convene(definition, definitionHash: hash, at: now)
    _ = try store.append([
      AppendRequest(actor: .system, at: now, credentialId: nil, commandId: nil, events: [convened], rejection: nil)
    ])
    evolve(&state, convened)
  }

  /// Seats hold credentials 2, 3, … in roll order; the chair holds 1.
  func credential(_ actor: Actor) -> Int64 {
    guard let seat = actor.seat, let i = state.committee.seats.firstIndex(where: { $0.code == seat }) else { return 1 }
    return Int64(i + 2)
  }

  /// One command, `after` ms after the previous one: decided, appended durably, then applied.
  mutating func run(
    _ name: String, _ args: JSON = [:], as actor: Actor = .chair, after ms: Int64 = 2_000, draw: UInt64 = 0
  ) throws {
    now += ms
    count += 1
    let id = "c-\(count)"
    var events = try decide(Command(name, args), state, Context(now: now, actor: actor, commandId: id, draw: draw))
    forge?(name, &events)
    _ = try store.append([
      AppendRequest(actor: actor, at: now, credentialId: credential(actor), commandId: id, events: events, rejection: nil)
    ])
    for event in events { evolve(&state, event) }
  }

  mutating func mark(_ seats: [String], _ status: String = "present") throws {
    for seat in seats { try run("attendance.mark", ["seat": .string(seat), "status": .string(status)], after: 4_000) }
  }

  mutating func speech(_ seat: String, ms: Int64) throws {
    try run("speakers.next")
    try run("speaker.end", after: ms)
  }

  mutating func cast(_ seat: String, _ choice: String, rights: Bool = false) throws {
    var args: [String: JSON] = ["choice": .string(choice)]
    if rights { args["rights"] = true }
    try run("vote.cast", .object(args), as: .delegate(seat), after: 3_000)
  }

  /// The whole meeting (rules.md §9 SC-1 and SC-7 on the 2026 roster).
  static func session(at path: String, forge: ((_ command: String, _ events: inout [Event]) -> Void)? = nil) throws
    -> ScriptedLog
  {
    var log = try ScriptedLog(path: path)
    log.forge = forge
    try log.run("session.open", after: 60_000)
    // Roll call: Liberia is absent and arrives late; Denmark and Panama declare present and voting.
    try log.mark(["AFG", "BHR", "CHN", "COL", "CIS", "COD"])
    try log.mark(["DNK"], "present_and_voting")
    try log.mark(["FRA", "GRC", "LVA"])
    try log.mark(["PAK"])
    try log.mark(["PAN"], "present_and_voting")
    try log.mark(["RUS", "SOM", "TJK", "GBR", "USA"])

    // General debate: Tajikistan (rule 37), France yields to Pakistan, the CIS briefs (rule 39).
    try log.run("speakers.add", ["seat": "TJK"])
    try log.run("speakers.add", as: .delegate("FRA"))
    try log.run("speakers.add", ["seat": "CIS"])
    try log.run("speakers.add", as: .delegate("RUS"))
    try log.speech("TJK", ms: 84_500)
    try log.run("speakers.next")
    try log.run("speaker.yield", ["to": "delegate", "seat": "PAK"], as: .delegate("FRA"), after: 52_400)
    try log.run("speaker.end", after: 30_000)
    try log.speech("CIS", ms: 61_000)
    try log.run("attendance.mark", ["seat": "LBR", "status": "present"], after: 5_000)
    try log.run("speakers.next")
    try log.run("speaker.yield", ["to": "chair"], as: .delegate("RUS"), after: 70_000)
    try log.run("point.raise", ["kind": "parliamentary_inquiry", "text": "Will the Council vote by roll call?"],
      as: .delegate("COL"))
    try log.run("point.resolve", ["id": "P1", "ruling": "Any member may request a roll call before a vote."])

    // A moderated caucus, moved by Pakistan and adopted by a show of hands.
    try log.run(
      "motion.propose",
      ["kind": "moderated_caucus", "args": ["totalMs": 600_000, "speakerMs": 60_000, "topic": "Border security"]],
      as: .delegate("PAK"))
    try log.run("motion.put")
    try log.run("vote.count", ["yes": 12, "no": 1, "abstain": 2], after: 20_000)
    try log.run("vote.close")
    try log.run("speakers.add", as: .delegate("CHN"))
    try log.run("speakers.add", as: .delegate("USA"))
    try log.speech("CHN", ms: 45_000)
    try log.speech("USA", ms: 60_000)
    try log.run("caucus.end", after: 10_000)

    // Two drafts, approved by the dais.
    try log.run(
      "draft.submit",
      [
        "title": "Strengthening the United Nations Mission of Observers in Tajikistan",
        "sponsors": ["FRA", "GBR"], "signatories": ["DNK"],
        "clauses": [
          ["kind": "preambular", "text": "Recalling its previous resolutions on the situation in Tajikistan,"],
          ["kind": "operative", "text": "Decides to extend the mandate of the Mission for six months;"],
          ["kind": "operative", "text": "Requests the Secretary-General to report every three months;"],
          ["kind": "operative", "text": "Decides to remain seized of the matter."],
        ],
      ], as: .delegate("FRA"), after: 30_000)
    try log.run("draft.approve", ["draft": "SIM-SC/DR/1"])
    try log.run(
      "draft.submit",
      [
        "title": "Humanitarian access along the Tajik-Afghan border",
        "sponsors": ["RUS", "CHN", "PAK"],
        "clauses": [
          ["kind": "preambular", "text": "Deeply concerned by the humanitarian situation along the border,"],
          ["kind": "operative", "text": "Calls upon all parties to allow safe and unhindered humanitarian access;"],
          ["kind": "operative", "text": "Requests the Secretary-General to report within sixty days."],
        ],
      ], as: .delegate("RUS"))
    try log.run("draft.approve", ["draft": "SIM-SC/DR/2"])

    // Closure, then the drafts in order of submission.
    try log.run("motion.propose", ["kind": "close_debate", "args": [:]], as: .delegate("GBR"))
    try log.run("motion.put")
    try log.run("vote.count", ["yes": 11, "no": 2, "abstain": 2], after: 15_000)
    try log.run("vote.close")

    // Roll call on SIM-SC/DR/1: the lot draws Pakistan; Colombia passes; the Russian Federation
    // votes no: 11-2-2, not adopted owing to the negative vote of a permanent member (SC-1).
    try log.run("vote.open", ["subject": ["kind": "draft", "id": "SIM-SC/DR/1"], "method": "roll_call"],
      draw: 9 + 15 * 123_456_789)
    try log.cast("PAK", "no", rights: true)
    try log.cast("PAN", "yes")
    try log.cast("RUS", "no")
    try log.cast("SOM", "abstain")
    try log.cast("GBR", "yes")
    try log.cast("USA", "yes")
    try log.cast("BHR", "yes")
    try log.cast("CHN", "abstain")
    try log.cast("COL", "pass")
    try log.cast("COD", "yes")
    try log.cast("DNK", "yes", rights: true)
    try log.cast("FRA", "yes")
    try log.cast("GRC", "yes")
    try log.cast("LVA", "yes")
    try log.cast("LBR", "yes")
    try log.run("vote.close")
    try log.cast("COL", "yes")
    try log.run("vote.close")

    // A recorded vote on SIM-SC/DR/2: adopted 13-0-2 as SIM-SC/RES/1 (P5 abstentions are no veto).
    try log.run("vote.open", ["subject": ["kind": "draft", "id": "SIM-SC/DR/2"], "method": "recorded"], after: 20_000)
    for seat in ["BHR", "CHN", "COL", "COD", "DNK", "FRA", "LVA", "LBR", "PAK", "PAN", "RUS", "SOM", "GRC"] {
      try log.cast(seat, "yes")
    }
    try log.cast("GBR", "abstain")
    try log.cast("USA", "abstain")
    try log.run("vote.close")

    // Explanations of vote after the vote (the seats that voted "with rights"), then adjournment.
    try log.run("speakers.add", ["seat": "DNK"])
    try log.run("speakers.add", ["seat": "PAK"])
    try log.speech("DNK", ms: 28_000)
    try log.speech("PAK", ms: 30_000)
    try log.run("session.adjourn", after: 15_000)
    return log
  }
}
