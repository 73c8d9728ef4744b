// The GavelStore side of each figure, and its raw SQLite counterpart right after it, so both
// run on the same file system under the same conditions.
import GavelCore
import GavelStore

struct StoreRuns {
  let dir: String
  let events: Int
  let commits: Int

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
    let sample = EventCodec.encode(Self.event(1))
    let name = Self.event(1).name

    // Durable appends, one command (one event and its outcome) per commit.
    var path = fresh(dir, "single.gavel")
    var store: EventStore? = try EventStore(path: path)
    var t = try measure { for i in 1...commits { _ = try store!.append([Self.request(i, withOutcome: true)]) } }
    report("append_single", count: commits, seconds: t, note: "GavelStore, 1 command per commit")
    store = nil
    path = fresh(dir, "single-raw.db")
    var raw: RawSQLite? = RawSQLite(path: path)
    t = measure { raw!.insertRows(from: 0, rows: commits, perCommit: 1, name: name, payload: sample) }
    report("raw_insert_single", count: commits, seconds: t, note: "raw SQLite, 1 row per commit")
    raw = nil

    // Group commit of 64 commands, as the Floor does under load.
    let grouped = commits * 64
    path = fresh(dir, "group.gavel")
    store = try EventStore(path: path)
    t = try measure {
      var i = 0
      while i < grouped {
        _ = try store!.append((i..<(i + 64)).map { Self.request($0 + 1, withOutcome: true) })
        i += 64
      }
    }
    report("append_group64", count: grouped, seconds: t, note: "GavelStore, 64 commands per commit")
    store = nil
    path = fresh(dir, "group-raw.db")
    raw = RawSQLite(path: path)
    t = measure { raw!.insertRows(from: 0, rows: grouped, perCommit: 64, name: name, payload: sample) }
    report("raw_insert_group64", count: grouped, seconds: t, note: "raw SQLite, 64 rows per commit")
    raw = nil

    try replayAndStart(name: name, sample: sample)
  }

  /// A log of `events` events (written in large batches, not timed), then the reads.
  func replayAndStart(name: String, sample: [UInt8]) throws {
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
    var t = try measure {
      let store = try EventStore(path: path, options: StoreOptions(verifyOnOpen: false))
      state = try store.load()
    }
    report("replay", count: events, seconds: t, note: "open without verify, then load: verify chain, decode, evolve")
    t = try measure {
      let store = try EventStore(path: path)
      state = try store.load()
    }
    report("start_nosnapshot", count: events, seconds: t, note: "open (verifies the chain) + load, no snapshot")
    do {
      let store = try EventStore(path: path)
      try store.writeSnapshot(state)
    }
    t = try measure {
      let store = try EventStore(path: path)
      state = try store.load()
    }
    report("start_snapshot", count: events, seconds: t, note: "open + load from a snapshot at the end")

    let rawPath = fresh(dir, "replay-raw.db")
    let raw = RawSQLite(path: rawPath)
    raw.insertRows(from: 0, rows: events, perCommit: 10_000, name: name, payload: sample)
    var rows = 0
    t = measure { rows = raw.scanAll() }
    report("raw_scan", count: rows, seconds: t, note: "raw SQLite, SELECT * of every row")
  }
}
