import GavelCore
import GavelStore

// Crash-test child: appends batches to the log at argv[1] forever, writing a snapshot whenever
// one is due, and prints `ack SEQ` for every event only after its COMMIT returned. The test
// kills it with SIGKILL at random moments and checks that every acknowledged seq survived.
#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

func say(_ line: String, to fd: Int32) {
  var bytes = Array((line + "\n").utf8)
  var offset = 0
  while offset < bytes.count {
    let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
    if n <= 0 { exit(3) }
    offset += n
  }
}

func event(_ seq: Int64) -> Event {
  switch seq % 3 {
  case 0: return Event(AgendaSet(topic: "crash topic \(seq)", at: seq))
  case 1: return Event(CaucusStarted(kind: .unmoderated, topic: "c\(seq)", totalMs: 1_000, speakerMs: nil, at: seq))
  default: return Event(CaucusEnded(at: seq, reason: "chair"))
  }
}

// An optional pause between batches (ms) makes it a daemon under load rather than a tight loop.
guard (2...3).contains(CommandLine.arguments.count) else {
  say("usage: gavel-store-crash-child FILE [PAUSE_MS]", to: 2)
  exit(2)
}
let pauseMs = CommandLine.arguments.count == 3 ? UInt32(CommandLine.arguments[2]) ?? 0 : 0
do {
  let store = try EventStore(path: CommandLine.arguments[1], options: StoreOptions(snapshotEvery: 7, preallocateWAL: true))
  var state = try store.load()
  while true {
    var next = store.lastSeq
    let batch = (0..<Int.random(in: 1...4)).map { _ -> AppendRequest in
      next += 1
      let events = (0..<Int.random(in: 0...2)).map { _ in event(next) }
      return AppendRequest(
        actor: .chair, at: next, credentialId: 1, commandId: "child-\(next)-\(UInt32.random(in: 0...UInt32.max))",
        events: events, rejection: nil)
    }
    for result in try store.append(batch) {
      for row in result.events {
        evolve(&state, try row.decode())
        say("ack \(row.seq)", to: 1)
      }
    }
    if store.snapshotDue { try store.writeSnapshot(state) }
    if pauseMs > 0 { usleep(pauseMs * 1000) }
  }
} catch {
  say("gavel-store-crash-child: \(error)", to: 2)
  exit(1)
}
