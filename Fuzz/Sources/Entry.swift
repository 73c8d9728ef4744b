// libFuzzer entry point for every Gavel fuzz target. One binary, the target picked by
// GAVEL_FUZZ_TARGET (frames, commands, config), so that GavelCore is compiled with coverage
// instrumentation once. Each target checks invariants, not just "did not crash".
#if canImport(Glibc)
  import Glibc
#endif

enum FuzzTarget: String {
  case frames, commands, config
}

let selectedTarget: FuzzTarget = {
  guard let raw = getenv("GAVEL_FUZZ_TARGET"), let target = FuzzTarget(rawValue: String(cString: raw)) else {
    fuzzLog("set GAVEL_FUZZ_TARGET to frames, commands or config")
    exit(2)
  }
  return target
}()

func fuzzLog(_ line: String) {
  let text = line + "\n"
  _ = text.withCString { write(2, $0, strlen($0)) }
}

/// Stops the fuzzer with the input saved: an invariant failed.
func fuzzCheck(_ condition: Bool, _ what: @autoclosure () -> String) {
  if !condition {
    fuzzLog("invariant failed: \(what())")
    abort()
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  switch selectedTarget {
  case .frames: fuzzFrames(bytes)
  case .commands: fuzzCommands(bytes)
  case .config: fuzzConfig(bytes)
  }
  return 0
}
