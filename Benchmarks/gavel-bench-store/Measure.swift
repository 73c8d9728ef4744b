// Timing and output helpers shared by the store runs.
#if canImport(Glibc)
  import Glibc
#endif

/// One JSON line per figure. `seconds` is the median of `runs` (each run's seconds, in the order
/// they ran); `per_s` is `count` over that median.
func report(_ figure: String, count: Int, runs: [Double], note: String) {
  let seconds = median(runs)
  let perS = seconds > 0 ? Double(count) / seconds : 0
  let all = runs.map { "\($0)" }.joined(separator: ",")
  print(
    "{\"scenario\":\"store\",\"figure\":\"\(figure)\",\"events\":\(count),\"seconds\":\(seconds),"
      + "\"per_s\":\(Int(perS)),\"runs_s\":[\(all)],\"note\":\"\(note)\"}")
  fflush(nil)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return 0 }
  let mid = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

func measure(_ body: () throws -> Void) rethrows -> Double {
  let d = try ContinuousClock().measure(body)
  return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// A path in `dir` with no file (nor WAL) left from an earlier run.
func fresh(_ dir: String, _ name: String) -> String {
  let path = "\(dir)/\(name)"
  for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
  return path
}
