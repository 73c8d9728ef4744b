// `gavel record FILE [--format md|html|json] [--out PATH]`: the meeting record (rules.md §8.1–
// §8.2) built from the log alone; the same log always gives the same bytes. Read-only.
import ArgumentParser
import GavelAudit
import GavelStore

enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
  case md, html, json
}

struct RecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record", abstract: "Write the meeting record (verbatim-record style) of a committee log.")

  @Argument(help: "The committee file (DATA/ID.gavel).")
  var file: String

  @Option(help: "Output format: md, html or json.")
  var format: RecordFormat = .md

  @Option(help: "Write to this file instead of standard output.")
  var out: String?

  func run() throws {
    let store = try CommitteeFile.openReadOnly(file, verified: false)
    let record: MeetingRecord
    do {
      record = try RecordBuilder.build(store)
    } catch {
      throw CLIFailure.failure(error.message)
    }
    let text: String
    switch format {
    case .md: text = RecordMarkdown.render(record)
    case .html: text = RecordHTML.render(record)
    case .json: text = RecordJSON.render(record)
    }
    try Output.write(text, to: out)
  }
}
