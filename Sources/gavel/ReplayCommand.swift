// `gavel replay FILE [--until SEQ] [--json]`: the public view of the committee after SEQ,
// rebuilt from the log alone (canonical JSON with --json, an outline otherwise). The logic
// lives in GavelAudit.ReplayText, where the golden tests exercise it.
import ArgumentParser
import GavelAudit
import GavelCore
import GavelStore

struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay", abstract: "Show the committee's state after a seq (default: the end).")

  @Argument(help: "The committee file (DATA/ID.gavel).")
  var file: String

  @Option(help: "Replay up to and including this seq.")
  var until: Int64?

  @Flag(help: "Print the public view as canonical JSON.")
  var json = false

  func validate() throws {
    if let until, until < 0 { throw ValidationError("--until must be a seq (0 or more)") }
  }

  func run() throws {
    let store = try CommitteeFile.openReadOnly(file)
    let replayed: (view: JSON, seq: Int64)
    do {
      replayed = try ReplayText.view(store, until: until)
    } catch {
      throw CLIFailure.failure(error.message)
    }
    if json {
      print(replayed.view.text)
    } else {
      print(ReplayText.render(replayed.view, seq: replayed.seq, of: store.lastSeq))
    }
  }
}
