// gavel-bench-audit: how long `gavel verify` and `gavel record` take on a large log. Writes a
// log of E events (default 1,000,000) through the real core and store — a 193-member GA
// committee cycling speeches, a seconded caucus motion, a recorded vote of every member and the
// caucus — then times the audit's library calls, exactly what the CLI runs:
//   verify        Verifier.verify: chain, decoding, every vote re-derived (§8.3)
//   record_md     RecordBuilder.build + RecordMarkdown.render
//   record_html   RecordHTML.render of the same record
//   export_csv    VoteExport.csv of the same record
// Prints one JSON line per figure, in the format of gavel-bench-store (Benchmarks/report.py).
// Usage: gavel-bench-audit --dir DIR [--events E] [--keep]
import GavelAudit
import GavelCore
import GavelStore

#if canImport(Glibc)
  import Glibc
#endif

var dir = "."
var target = 1_000_000
var keep = false
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
  switch a {
  case "--dir": dir = args.next() ?? dir
  case "--events": target = Int(args.next() ?? "") ?? target
  case "--keep": keep = true
  default:
    print("usage: gavel-bench-audit --dir DIR [--events E] [--keep]")
    exit(2)
  }
}

func report(_ figure: String, count: Int, seconds: Double, note: String) {
  let perS = seconds > 0 ? Double(count) / seconds : 0
  print(
    "{\"scenario\":\"audit\",\"figure\":\"\(figure)\",\"events\":\(count),\"seconds\":\(seconds),"
      + "\"per_s\":\(Int(perS)),\"note\":\"\(note)\"}")
  fflush(nil)
}

func measure(_ body: () throws -> Void) rethrows -> Double {
  let d = try ContinuousClock().measure(body)
  return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Writes the log: commands decided by the core, appended in batches of about 10,000 events.
struct Writer {
  let store: EventStore
  var state = CommitteeState()
  var now: Int64 = 1_764_432_000_000
  var n = 0
  var pending: [AppendRequest] = []
  var pendingEvents = 0
  var written = 0

  mutating func run(_ name: String, _ args: JSON = [:], as actor: Actor = .chair) throws {
    now += 1_000
    n += 1
    let events = try decide(Command(name, args), state, Context(now: now, actor: actor, commandId: "b-\(n)", draw: UInt64(n)))
    for event in events { evolve(&state, event) }
    pending.append(AppendRequest(actor: actor, at: now, credentialId: 1, commandId: "b-\(n)", events: events, rejection: nil))
    pendingEvents += events.count
    if pendingEvents >= 10_000 { try flush() }
  }

  mutating func flush() throws {
    guard !pending.isEmpty else { return }
    _ = try store.append(pending)
    written += pendingEvents
    pending = []
    pendingEvents = 0
  }
}

do {
  let path = "\(dir)/audit-bench.gavel"
  for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
  let seats = (1...193).map { Seat(code: "S\($0 < 10 ? "00" : $0 < 100 ? "0" : "")\($0)", name: "State \($0)") }
  let definition = CommitteeDefinition(
    id: "ga193", name: "First Committee", body: .gaCommittee, topic: "Disarmament and international security",
    symbolPrefix: "SIM-GA1", seats: seats, rules: .gaCommittee)
  var w = Writer(store: try EventStore(path: path))
  let convened = convene(definition, definitionHash: "bench", at: w.now)
  evolve(&w.state, convened)
  w.pending.append(AppendRequest(actor: .system, at: w.now, credentialId: nil, commandId: nil, events: [convened], rejection: nil))
  w.pendingEvents = 1
  try w.run("session.open")
  for seat in seats { try w.run("attendance.mark", ["seat": .string(seat.code), "status": "present"]) }
  var block = 0
  while w.written + w.pendingEvents < target {
    block += 1
    let a = seats[block % 193].code
    let b = seats[(block + 1) % 193].code
    try w.run("speakers.add", as: .delegate(a))
    try w.run("speakers.add", as: .delegate(b))
    for _ in 0..<2 {
      try w.run("speakers.next")
      try w.run("speaker.end")
    }
    try w.run(
      "motion.propose",
      ["kind": "moderated_caucus", "args": ["totalMs": 600_000, "speakerMs": 60_000, "topic": .string("Topic \(block)")]],
      as: .delegate(a))
    try w.run("motion.second", ["motion": .string("M\(block)")], as: .delegate(b))
    try w.run("motion.put")
    for (i, seat) in seats.enumerated() { try w.run("vote.cast", ["choice": i % 3 == 0 ? "no" : "yes"], as: .delegate(seat.code)) }
    try w.run("vote.close")
    try w.run("caucus.end")
  }
  try w.flush()
  let events = w.written

  let store = try EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: false))
  var verified = AuditReport()
  var t = measure { verified = Verifier.verify(store) }
  guard verified.isValid else {
    print("gavel-bench-audit: the generated log does not verify: \(verified.summary)")
    exit(1)
  }
  report("verify", count: events, seconds: t, note: "gavel verify: chain, decode, \(verified.votes) votes re-derived")
  var record: MeetingRecord?
  var bytes = 0
  t = try measure {
    record = try RecordBuilder.build(store)
    bytes = RecordMarkdown.render(record!).utf8.count
  }
  report("record_md", count: events, seconds: t, note: "gavel record --format md (\(bytes / 1_000_000) MB)")
  t = measure { bytes = RecordHTML.render(record!).utf8.count }
  report("record_html", count: events, seconds: t, note: "HTML rendering of the built record (\(bytes / 1_000_000) MB)")
  t = measure { bytes = VoteExport.csv(record!).utf8.count }
  report("export_csv", count: events, seconds: t, note: "vote export rendering (\(bytes / 1_000_000) MB)")
  if !keep { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
} catch {
  print("gavel-bench-audit: \(error)")
  exit(1)
}
