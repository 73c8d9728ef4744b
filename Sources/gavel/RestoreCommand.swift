// `gavel restore BACKUP DEST`: puts a backup (from `gavel backup`, `sqlite3 .backup` or
// `litestream restore`) back as a committee log. The whole backup is verified first — hash
// chain from genesis, every event, every vote recomputed — so a damaged copy is refused before
// it can replace anything. DEST must not exist (nor a stale -wal/-shm beside it): run it while
// that committee's gaveld is stopped, then start gaveld; the committee continues from the log.
import ArgumentParser
import GavelAudit
import GavelStore

struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Verify a backup and copy it into place as a committee log (gaveld stopped).")

  @Argument(help: "The backup file.")
  var backup: String

  @Argument(help: "The committee log to create (DATA/ID.gavel), or the data folder.")
  var dest: String

  func run() throws {
    let report = Verifier.verify(try CommitteeFile.openReadOnly(backup, verified: false))
    guard report.isValid else {
      throw CLIFailure.failure("\(backup) does not verify (\(report.summary)) — restore an older backup")
    }
    let copied: Backup.Report
    do {
      copied = try Backup.copy(from: backup, to: dest)
    } catch {
      throw CLIFailure.failure(error.message)
    }
    print("\(copied.destination): restored, events through seq \(copied.lastSeq); start gaveld to continue")
  }
}
