// `gavel backup FILE DEST`: an online copy of a committee log through SQLite's backup API, safe
// while gaveld writes to it (never `cp` a live WAL database). DEST is a new file, or a folder
// that receives FILE's name. The copy is verified before it appears; prints one line naming it
// and its last seq. Exit 0 on success, 1 on failure.
import ArgumentParser
import GavelStore

struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy a committee log while gaveld runs (SQLite online backup), verified.",
    discussion: "Restore with `gavel restore BACKUP DATA/ID.gavel` while gaveld is stopped.")

  @Argument(help: "The committee file (DATA/ID.gavel).")
  var file: String

  @Argument(help: "A new file, or an existing folder to put the copy in under the same name.")
  var dest: String

  func run() throws {
    let report: Backup.Report
    do {
      report = try Backup.copy(from: file, to: dest)
    } catch {
      throw CLIFailure.failure(error.message)
    }
    print("\(report.destination): \(report.pages) pages, events through seq \(report.lastSeq)")
  }
}
