// `gavel replay FILE [--until SEQ] [--json]`: the public view of the committee after SEQ,
// rebuilt from the log alone (canonical JSON with --json, an outline otherwise).
import ArgumentParser
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
    let seq = min(until ?? store.lastSeq, store.lastSeq)
    let state: CommitteeState
    do {
      state = try store.load(through: seq)
    } catch {
      throw CLIFailure.failure(error.message)
    }
    let view = publicView(state)
    if json {
      print(view.text)
    } else {
      print(ViewOutline.render(view, seq: seq, of: store.lastSeq))
    }
  }
}
