// Target `commands`: every command's argument decoding and rules, through `decide`, on a few
// fixture floors. The input is a JSON object {"name", "args", "as", "floor"}. Invariants
// (design.md rules 4 and 5): decide never traps; evolving the accepted events equals replaying
// the whole log; the deadlines can be computed; the public view of the result serializes.
import GavelCore

let fuzzFloors: [Given] = {
  do {
    let base = try Given(Committees.unsc2026).inSession()
    let speaking = try base.and("speakers.add", as: .delegate("FRA")).and("speakers.next")
    let motion = try base.and(
      "motion.propose", ["kind": "set_speaking_time", "args": ["ms": 60000]], as: .delegate("CHN"))
    let motionId = motion.state.motions.pending.first?.id ?? ""
    let voting = try motion.and("motion.second", ["motion": .string(motionId)], as: .delegate("DNK"))
      .and("motion.put", [:])
    let drafted = try base.and(
      "draft.submit",
      [
        "title": "Fuzz", "sponsors": ["FRA"],
        "clauses": [["kind": "operative", "text": "Decides"], ["kind": "preambular", "text": "Recalling"]],
      ], as: .delegate("FRA"))
    return [Given(Committees.unsc2026), base, speaking, voting, drafted, try Given(Committees.gaCommittee(members: 7, observers: 2)).inSession()]
  } catch {
    fatalError("fuzz fixtures: \(error)")
  }
}()

func fuzzCommands(_ bytes: [UInt8]) {
  guard case .object(let fields)? = try? JSON.parse(bytes), let name = fields["name"]?.stringValue else { return }
  let args = fields["args"] ?? .object([:])
  let floor = fuzzFloors[abs(fields["floor"]?.intValue ?? 0) % fuzzFloors.count]
  let actor: Actor
  switch fields["as"]?.stringValue {
  case nil, "chair": actor = .chair
  case "system": actor = .system
  case let seat?: actor = .delegate(String(seat.prefix(8)))
  }
  let at = floor.now + Int64(abs(fields["after"]?.intValue ?? 1000) % 10_000_000)
  let context = Context(now: at, actor: actor, commandId: "fuzz", draw: UInt64(truncatingIfNeeded: bytes.count))
  guard let events = try? decide(Command(name, args), floor.state, context) else { return }
  var state = floor.state
  for event in events { evolve(&state, event) }
  fuzzCheck(replay(floor.events + events) == state, "evolve and replay disagree after \(name)")
  _ = deadlines(state)  // the Floor arms these after every batch: their arithmetic must not trap
  let view = publicView(state)
  fuzzCheck((try? JSON.parse(view.serialized())) == view, "public view does not round-trip after \(name)")
}
