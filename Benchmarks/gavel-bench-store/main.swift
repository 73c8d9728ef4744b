// gavel-bench-store: GavelStore beside raw SQLite on the same disk with the same settings.
// Prints one JSON line per figure (read by Benchmarks/report.py):
//   append_single / raw_insert_single    durable commits/s, one event per commit
//   append_group64 / raw_insert_group64  events/s, 64 commands per commit (group commit)
//   replay / raw_scan                    events/s, rebuilding the state vs reading every row
//   start_nosnapshot / start_snapshot    seconds to open and load a committee of E events
// Each figure but start_nosnapshot is the median of R runs, GavelStore and raw in turn.
// Usage: gavel-bench-store --dir DIR [--events E] [--commits C] [--runs R]
import GavelCore
import GavelStore

#if canImport(Glibc)
  import Glibc
#endif

var dir = "."
var events = 1_000_000
var commits = 300
var runs = 5
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
  switch a {
  case "--dir": dir = args.next() ?? dir
  case "--events": events = Int(args.next() ?? "") ?? events
  case "--commits": commits = Int(args.next() ?? "") ?? commits
  case "--runs": runs = max(1, Int(args.next() ?? "") ?? runs)
  default:
    print("usage: gavel-bench-store --dir DIR [--events E] [--commits C] [--runs R]")
    exit(2)
  }
}

do {
  try StoreRuns(dir: dir, events: events, commits: commits, runs: runs).run()
} catch {
  print("gavel-bench-store: \(error)")
  exit(1)
}
