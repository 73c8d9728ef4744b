// The root command and the exit-code contract of protocol.md §1: errors are one line on stderr,
// exit 2 for usage and 1 for failure; `--help` prints help and exits 0.
import ArgumentParser

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

struct GavelCLI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gavel",
    abstract: "Audit and administer Gavel committee logs.",
    discussion: "Committee files are opened read-only, except by `gavel token`.",
    subcommands: [
      TokenCommand.self, VerifyCommand.self, ReplayCommand.self, RecordCommand.self, ExportCommand.self,
      BackupCommand.self, RestoreCommand.self,
    ])

  func run() throws {
    throw ValidationError("missing subcommand (token, verify, replay, record or export); see `gavel --help`")
  }

  static func runAndExit() -> Never {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      if exitCode(for: error) == .success { exit(withError: error) }  // --help
      fail(message(for: error), code: 2)
    }
    do {
      try command.run()
      terminate(0)
    } catch let failure as CLIFailure {
      fail(failure.message, code: failure.exitCode)
    } catch let code as ExitCode {
      terminate(code.rawValue)
    } catch let usage as ValidationError {
      fail(usage.message, code: 2)
    } catch {
      // `--help` parses to a help command whose run() throws the help request.
      if exitCode(for: error) == .success { exit(withError: error) }
      fail("\(error)", code: 1)
    }
  }

  /// One line on stderr, then exit.
  static func fail(_ message: String, code: Int32) -> Never {
    let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "failed"
    let text = "gavel: " + (line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line) + "\n"
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    terminate(code)
  }
}

/// A failure the user can act on (exit 1), or a usage problem found after parsing (exit 2).
struct CLIFailure: Error {
  let message: String
  let exitCode: Int32

  static func failure(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 1) }
  static func usage(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 2) }
}

/// Process exit, outside `ParsableCommand` whose static `exit(withError:)` shadows the C one.
func terminate(_ code: Int32) -> Never { exit(code) }
