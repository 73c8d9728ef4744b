// The GavelStore side of each figure and its raw SQLite counterpart on the same file system,
// `runs` times, each run on fresh files; each figure is the median of its runs. Appends
// alternate commit by commit (GavelStore's commit i, raw commit i, then raw first for i + 1, …),
// each commit timed alone, so a slow stretch of a noisy disk falls on both sides alike; replay
// and scan alternate run by run (Benchmarks/method.md).
import GavelCore
import GavelStore

struct StoreRuns {
  let dir: String
  let events: Int
  let commits: Int
  let runs: Int

  /// A cycle of real floor events, so that replay evolves more than one field.
  static func event(_ i: Int) -> Event {
    switch i % 4 {
    case 0: return Event(AgendaSet(topic: "Topic \(i)", at: Int64(i)))
    case 1: return Event(CaucusStarted(kind: .moderated, topic: "Caucus \(i)", totalMs: 600_000, speakerMs: 60_000, at: Int64(i)))
    case 2: return Event(CaucusEnded(at: Int64(i), reason: "chair"))
    default: return Event(SessionSuspended(at: Int64(i), durationMs: 60_000))
    }
  }

  static func request(_ i: Int, withOutcome: Bool) -> AppendRequest {
    AppendRequest(
      actor: .delegate("S0001"), at: 1_000 + Int64(i), credentialId: withOutcome ? 1 : nil,
      commandId: withOutcome ? "k-\(i)" : nil, events: [event(i)], rejection: nil)
  }

  func run() throws {
    try appends(perCommit: 1, figure: "append_single", raw: "raw_insert_single")
    try appends(perCommit: 64, figure: "append_group64", raw: "raw_insert_group64")
    try replayAndStart()
  }

  /// `commits` durable commits of `perCommit` commands (one event and its outcome each).
  func appends(perCommit: Int, figure: String, raw rawFigure: String) throws {
    let commands = commits * perCommit
    let payloads = (1...commands).map { (name: Self.event($0).name, bytes: EventCodec.encode(Self.event($0))) }
    var gavel: [Double] = []
    var raw: [Double] = []
    for _ in 0..<runs {
      let store = try EventStore(path: fresh(dir, "\(figure).gavel"))
      let baseline = try RawSQLite(path: fresh(dir, "\(rawFigure).db"))
      var gavelSeconds = 0.0
      var rawSeconds = 0.0
      for commit in 0..<commits {
        let first = commit * perCommit
        let timeGavel = {
          gavelSeconds += try measure {
            _ = try store.append((first..<(first + perCommit)).map { Self.request($0 + 1, withOutcome: true) })
          }
        }
        let timeRaw = { rawSeconds += measure { baseline.insertCommands(after: first, count: perCommit, payloads: payloads) } }
        if commit % 2 == 0 {
          try timeGavel()
          timeRaw()
        } else {
          timeRaw()
          try timeGavel()
        }
      }
      gavel.append(gavelSeconds)
      raw.append(rawSeconds)
    }
    report(figure, count: commands, runs: gavel, note: "GavelStore, \(perCommit) command(s) per commit")
    report(rawFigure, count: commands, runs: raw, note: "raw SQLite, the same rows, \(perCommit) command(s) per commit")
  }

  /// A log of `events` events (written in large batches, not timed), then the reads.
  func replayAndStart() throws {
    let path = fresh(dir, "replay.gavel")
    var state = CommitteeState()
    do {
      let store = try EventStore(path: path)
      var i = 0
      while i < events {
        let n = min(10_000, events - i)
        _ = try store.append((i..<(i + n)).map { Self.request($0 + 1, withOutcome: false) })
        i += n
      }
    }
    var replay: [Double] = []
    var scan: [Double] = []
    var rows = 0
    for _ in 0..<runs {
      replay.append(
        try measure {
          let store = try EventStore(path: path, options: StoreOptions(verifyOnOpen: false))
          state = try store.load()
        })
      let raw = try RawSQLite(path: path)
      scan.append(measure { rows = raw.scanAll() })
    }
    report("replay", count: events, runs: replay, note: "open without verify, then load: verify chain, decode, evolve")
    report("raw_scan", count: rows, runs: scan, note: "raw SQLite, SELECT * of every row of the same file")
    let start = try measure {
      let store = try EventStore(path: path)
      state = try store.load()
    }
    report("start_nosnapshot", count: events, runs: [start], note: "open (verifies the chain) + load, no snapshot")
    do {
      let store = try EventStore(path: path)
      try store.writeSnapshot(state)
    }
    let snapshotStarts = try (0..<runs).map { _ in
      try measure {
        let store = try EventStore(path: path)
        state = try store.load()
      }
    }
    report("start_snapshot", count: events, runs: snapshotStarts, note: "open + load from a snapshot at the end")
  }
}
