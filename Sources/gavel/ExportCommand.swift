// `gavel export FILE --votes [--format csv|json] [--out PATH]`: one row per ballot and one
// summary row per vote, from the log alone. Read-only; works while gaveld runs.
import ArgumentParser
import GavelAudit
import GavelStore

#if canImport(Glibc)
  import Glibc
#endif

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, json
}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export the votes of a committee log (one row per ballot and per vote).")

  @Argument(help: "The committee file (DATA/ID.gavel).")
  var file: String

  @Flag(help: "Export the votes (the only export so far).")
  var votes = false

  @Option(help: "Output format: csv or json.")
  var format: ExportFormat = .csv

  @Option(help: "Write to this file instead of standard output.")
  var out: String?

  func validate() throws {
    if !votes { throw ValidationError("say what to export: --votes") }
  }

  func run() throws {
    let store = try CommitteeFile.openReadOnly(file, verified: false)
    let record: MeetingRecord
    do {
      record = try RecordBuilder.build(store)
    } catch {
      throw CLIFailure.failure(error.message)
    }
    try Output.write(format == .csv ? VoteExport.csv(record) : VoteExport.json(record), to: out)
  }
}

/// Writes an output to stdout, or to a file (the only file the audit commands create).
enum Output {
  static func write(_ text: String, to path: String?) throws(CLIFailure) {
    let bytes = Array(text.utf8)
    guard let path else {
      var written = 0
      while written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
        guard n > 0 else { throw .failure("cannot write to standard output") }
        written += n
      }
      return
    }
    guard let file = fopen(path, "wb") else {
      throw .failure("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    defer { fclose(file) }
    guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw .failure("cannot write \(path)") }
  }
}
