// `gavel token issue`: prints the new token alone on stdout; only its SHA-256 is stored. A
// delegate token is bound to a seat of the committee as convened in the log's first event.
import ArgumentParser
import GavelCore
import GavelStore

struct TokenIssueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "issue", abstract: "Issue a new token and print it.")

  @Option(help: "The data directory holding COMMITTEE.gavel files.")
  var data: String

  @Option(help: "The committee id (the file is DATA/ID.gavel).")
  var committee: String

  @Option(help: "The role the token grants.")
  var role: TokenRole

  @Option(help: "The seat code a delegate token acts for (delegates only), e.g. FRA.")
  var seat: String?

  @Option(help: "A label to recognise the token by (default: the seat's name or the role).")
  var label: String?

  func validate() throws {
    if role == .delegate && seat == nil { throw ValidationError("a delegate token requires --seat CODE") }
    if role != .delegate && seat != nil { throw ValidationError("--seat is only for delegate tokens") }
  }

  func run() throws {
    let path = try CommitteeFile.path(data: data, committee: committee)
    let store = try CommitteeFile.openForCredentials(path)
    var boundSeat: Seat?
    if let seat {
      guard let definition = try CommitteeFile.definition(store) else {
        throw CLIFailure.failure("committee \(committee) has not been convened yet: its seats are unknown")
      }
      guard let found = definition.seat(seat) ?? definition.seat(seat.uppercased()) else {
        let codes = definition.seats.map(\.code).joined(separator: ", ")
        throw CLIFailure.usage("\(seat) is not a seat of committee \(committee) (seats: \(codes))")
      }
      boundSeat = found
    }
    let text = label ?? boundSeat?.name ?? role.rawValue
    do {
      let token = try store.issueCredential(
        role: Role(rawValue: role.rawValue)!, seat: boundSeat?.code, label: text, at: CommitteeFile.nowMs())
      print(token)
    } catch {
      throw CLIFailure.failure(error.message)
    }
  }
}
