// Finding and opening committee files for the CLI: `DIR/ID.gavel` for token commands, a path
// for verify and replay. Everything except `token` opens the file read-only.
import Foundation
import GavelCore
import GavelStore

enum CommitteeFile {
  /// `DIR/ID.gavel`, which must already exist (gaveld creates it when it convenes the committee).
  static func path(data: String, committee: String) throws(CLIFailure) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
    guard !committee.isEmpty, committee.allSatisfy(allowed.contains) else {
      throw .usage("committee id \"\(committee)\" may only contain letters, digits, '_' and '-'")
    }
    let path = URL(fileURLWithPath: data).appendingPathComponent("\(committee).gavel").path
    guard FileManager.default.fileExists(atPath: path) else {
      throw .failure("no committee file \(path): start gaveld with committee \(committee) first, or check --data")
    }
    return path
  }

  /// Opens a log for reading; `verified: false` opens a damaged file so that it can be described.
  static func openReadOnly(_ path: String, verified: Bool = true) throws(CLIFailure) -> EventStore {
    guard FileManager.default.fileExists(atPath: path) else { throw .failure("no such file: \(path)") }
    do {
      return try EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: verified))
    } catch {
      throw .failure(error.message)
    }
  }

  static func openForCredentials(_ path: String) throws(CLIFailure) -> EventStore {
    do {
      // gaveld may hold the write lock for many commits in a row; an admin command can wait.
      return try EventStore(path: path, options: StoreOptions(busyTimeoutMs: 30_000))
    } catch {
      throw .failure(error.message)
    }
  }

  /// The committee as convened by the log's first event (seats, rules), or nil before convening.
  static func definition(_ store: EventStore) throws(CLIFailure) -> CommitteeDefinition? {
    do {
      guard let first = try store.events(after: 0, limit: 1).first else { return nil }
      var state = CommitteeState()
      evolve(&state, try first.decode())
      return state.definition
    } catch {
      throw .failure("\(store.path): cannot read the first event: \(error)")
    }
  }

  static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
