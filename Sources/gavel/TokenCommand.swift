// `gavel token issue|revoke`: the only subcommands that write to a committee file, and only to
// its credentials table; they work while gaveld runs (WAL + busy timeout).
import ArgumentParser

struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Issue or revoke access tokens for a committee.",
    subcommands: [TokenIssueCommand.self, TokenRevokeCommand.self])

  func run() throws { throw ValidationError("missing subcommand (issue or revoke); see `gavel token --help`") }
}

/// The roles a token may carry (the daemon's own `system` role is never issued).
enum TokenRole: String, ExpressibleByArgument, CaseIterable {
  case chair, delegate, display, auditor
}
