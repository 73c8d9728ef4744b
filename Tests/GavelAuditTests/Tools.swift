// Running real programs from the tests: the built `gavel` CLI, and Debian's sqlite3 shell to
// play the attacker on a closed log file (dropping the append-only triggers, editing rows).
import Foundation
import GavelTesting
import Testing

typealias Ran = Subprocess

enum Tools {
  static func run(_ executable: String, _ arguments: [String]) throws -> Ran {
    try Subprocess.run(executable, arguments)
  }

  /// The `gavel` binary built next to this test bundle.
  static func gavel(_ arguments: String...) throws -> Ran {
    let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let dir = URL(fileURLWithPath: me).deletingLastPathComponent()
    let candidates = [dir, dir.deletingLastPathComponent()].map { $0.appendingPathComponent("gavel").path }
    let path = try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
      "gavel not built; run `swift build --build-tests`")
    return try run(path, arguments)
  }

  /// Runs SQL on the file as an attacker would: the append-only triggers dropped first.
  static func tamper(_ path: String, _ sql: String) throws {
    let script = "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; DROP TRIGGER events_in_order; \(sql)"
    let ran = try run("/usr/bin/sqlite3", [path, script])
    #expect(ran.status == 0, "sqlite3 failed: \(ran.stderr)")
  }
}
