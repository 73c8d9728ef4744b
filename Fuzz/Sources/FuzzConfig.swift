// Target `config`: the TOML reader and the committee/daemon config loaders behind it. The input
// is written to a scratch file (the loaders read paths, as gaveld does) and loaded both as a
// committee file and as gaveld.toml. Invariants: never traps; every failure is a ConfigError
// whose description is one line (it is printed as gaveld's one-line error).
import GavelCore

#if canImport(Glibc)
  import Glibc
#endif

let scratchPath: String = {
  let dir = String(cString: getenv("TMPDIR") ?? strdup("/tmp"))
  return "\(dir)/gavel-fuzz-config-\(getpid()).toml"
}()

func fuzzConfig(_ bytes: [UInt8]) {
  _ = try? TOML.parse(bytes)
  guard let file = fopen(scratchPath, "wb") else { return }
  _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
  fclose(file)
  do {
    _ = try CommitteeLoader.load(path: scratchPath)
  } catch {
    fuzzCheck(!error.description.contains("\n"), "multi-line committee error: \(error.description)")
  }
  // gaveld.toml names committee files: only inputs without that key are loaded as a daemon
  // config, so that the fuzzer cannot make the loader read /dev/zero or the whole disk.
  guard !String(decoding: bytes, as: UTF8.self).contains("committees") else { return }
  do {
    _ = try ConfigLoader.load(path: scratchPath, listen: nil, data: "/tmp/gavel-fuzz-data")
  } catch {
    fuzzCheck(!error.description.contains("\n"), "multi-line config error: \(error.description)")
  }
}
