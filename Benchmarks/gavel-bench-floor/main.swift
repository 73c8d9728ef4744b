// gavel-bench-floor: the Floor's CPU per roll-call ballot, without the network (issue #9).
// A GA committee of N member seats in a real EventStore under --dir (use /dev/shm), a sink that
// only counts frames, N delegates + a chair + a display joined and every seat present and
// voting; then K roll calls on procedural motions: vote.open, each seat casting in call order
// (one command per batch, waiting for the Floor's queue between ballots, as terminals answering
// one after another do), vote.close. Prints one JSON line; the CPU is the whole process's
// (getrusage), so it includes the tiny driver.
// Usage: gavel-bench-floor --dir DIR [--seats N] [--rollcalls K]
import GavelCore

#if canImport(Glibc)
  import Glibc
#endif

var dir = "/dev/shm"
var seats = 193
var rollcalls = 20
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
  switch a {
  case "--dir": dir = args.next() ?? dir
  case "--seats": seats = max(2, Int(args.next() ?? "") ?? seats)
  case "--rollcalls": rollcalls = max(1, Int(args.next() ?? "") ?? rollcalls)
  default:
    print("usage: gavel-bench-floor --dir DIR [--seats N] [--rollcalls K]")
    exit(2)
  }
}

do {
  let bench = try FloorBench(dir: dir, seats: seats)
  print(try bench.run(rollcalls: rollcalls).line)
} catch {
  print("gavel-bench-floor: \(error)")
  exit(1)
}
