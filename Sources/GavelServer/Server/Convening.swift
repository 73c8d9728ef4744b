// Opening a committee's log: a missing file is created and convened from the config (design
// rule 5: the roster and rules enter the log as its first event, with the definition's hash);
// an existing one is loaded, and a config that disagrees with it is only reported, never applied.
import Foundation
import GavelCore
import GavelStore
import Logging

package enum Convening {
  /// Hex SHA-256 of the definition's canonical JSON (sorted keys, no white space).
  static func definitionHash(_ definition: CommitteeDefinition) -> String {
    Digest.hex(Digest.sha256(canonicalBytes(of: definition)))
  }

  package struct Opened {
    package var store: EventStore
    package var state: CommitteeState
    var warning: String?
  }

  package static func open(
    _ definition: CommitteeDefinition, dataDir: String, options: StoreOptions, logger: Logger
  ) throws(StartupError) -> Opened {
    let path = dataDir.hasSuffix("/") ? dataDir + definition.id + ".gavel" : dataDir + "/" + definition.id + ".gavel"
    let existed = FileManager.default.fileExists(atPath: path)
    let hash = definitionHash(definition)
    do {
      let store = try EventStore(path: path, options: options)
      if store.lastSeq == 0 {
        let now = WallClock.nowMs()
        let event = convene(definition, definitionHash: hash, at: now)
        let request = AppendRequest(
          actor: .system, at: now, credentialId: nil, commandId: nil, events: [event], rejection: nil)
        _ = try store.append([request])
        logger.info(
          "committee convened", metadata: ["committee.id": .string(definition.id), "file": .string(path)])
      }
      let state = try store.load()
      guard state.isConvened else {
        throw StartupError(
          code: "data",
          message:
            "\(path): the log does not start with the committee's convening. Fix: move the file aside to convene anew, or restore it from a backup."
        )
      }
      var warning: String?
      if existed, state.definitionHash != hash {
        warning =
          "\(path): the config's definition of committee \(definition.id) differs from the one convened in the log (hash \(state.definitionHash.prefix(12))…); the log's definition is kept. To apply the new one, convene a new committee file."
      }
      return Opened(store: store, state: state, warning: warning)
    } catch let error as StartupError {
      throw error
    } catch {
      throw StartupError(
        code: "data",
        message:
          "\(path): cannot open the committee's data file: \(error). Fix: check the file's permissions, or restore it from a backup (verify it with `gavel verify \(path)`)."
      )
    }
  }
}
