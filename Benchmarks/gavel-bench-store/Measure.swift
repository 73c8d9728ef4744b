// Timing and output helpers shared by the store runs.
#if canImport(Glibc)
  import Glibc
#endif

func report(_ figure: String, count: Int, seconds: Double, note: String) {
  let perS = seconds > 0 ? Double(count) / seconds : 0
  print(
    "{\"scenario\":\"store\",\"figure\":\"\(figure)\",\"events\":\(count),\"seconds\":\(seconds),"
      + "\"per_s\":\(Int(perS)),\"note\":\"\(note)\"}")
  fflush(nil)
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
