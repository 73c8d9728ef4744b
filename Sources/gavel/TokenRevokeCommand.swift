// `gavel token revoke`: marks a credential revoked (the only change the credentials table
// allows); gaveld notices and refuses the token from then on.
import ArgumentParser
import GavelStore

struct TokenRevokeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token.")

  @Option(help: "The data directory holding COMMITTEE.gavel files.")
  var data: String

  @Option(help: "The committee id (the file is DATA/ID.gavel).")
  var committee: String

  @Option(help: "The token to revoke.")
  var token: String

  func run() throws {
    let path = try CommitteeFile.path(data: data, committee: committee)
    let store = try CommitteeFile.openForCredentials(path)
    do {
      guard let credential = try store.credential(token: token) else {
        throw CLIFailure.failure("no such token for committee \(committee)")
      }
      let who =
        "credential \(credential.id) (\(credential.role.rawValue)\(credential.seat.map { " " + $0 } ?? ""), \(credential.label))"
      if try store.revokeCredential(token: token, at: CommitteeFile.nowMs()) {
        print("revoked \(who)")
      } else {
        print("\(who) was already revoked")
      }
    } catch let error as StoreError {
      throw CLIFailure.failure(error.message)
    }
  }
}
