// `gavel verify FILE`: the hash chain from genesis, every event decodable, and every recorded
// vote derived again by replaying the log (rules.md §8.3 checks 1–3 and 6–8, GavelAudit's
// Verifier). Prints a short summary — events, votes, the first problem with its seq — and
// exits 0 when sound, 1 otherwise. Opens the file read-only; works while gaveld runs.
import ArgumentParser
import GavelAudit
import GavelStore

struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check a committee log: hash chain, every event, every vote outcome recomputed.")

  @Argument(help: "The committee file (DATA/ID.gavel).")
  var file: String

  @Flag(help: "List every problem found (up to 100), one per line, after the summary.")
  var all = false

  func run() throws {
    let store = try CommitteeFile.openReadOnly(file, verified: false)
    let report = Verifier.verify(store)
    print("\(file): \(report.summary)")
    if all { for problem in report.problems { print("  \(problem)") } }
    if !report.isValid { throw ExitCode(1) }
  }
}
