// `gavel verify FILE`: recomputes the hash chain from genesis and decodes every event; prints
// one summary line (events, first problem with its seq) and exits 0 when sound, 1 otherwise.
import ArgumentParser
import GavelStore

struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify", abstract: "Check a committee log: hash chain and every event.")

  @Argument(help: "The committee file (DATA/ID.gavel).")
  var file: String

  func run() throws {
    let store = try CommitteeFile.openReadOnly(file, verified: false)
    let report = store.verify()
    print("\(file): \(report)")
    if !report.isValid { throw ExitCode(1) }
  }
}
