// A snapshot of the state every `snapshot_every` events, so that a start replays only the tail.
// Encoding a whole committee (every closed vote with its ballots) takes milliseconds that the
// command which happened to cross the mark should not wait for: the state is a value, so a copy
// is encoded on a utility queue, and only the finished bytes come back to the Floor's queue to
// be written (the store has one user). One at a time; the next one is due again from there.
import Dispatch
import GavelStore

extension Floor {
  /// Floor queue, after a batch is committed and published.
  func snapshotIfDue(_ store: EventStore) {
    guard store.snapshotDue, !snapshotInFlight else { return }
    snapshotInFlight = true
    let point = store.snapshotPoint
    let state = self.state  // the state at `point`: publish has applied every committed event
    DispatchQueue.global(qos: .utility).async { [self] in
      let bytes = EventStore.encodeState(state)
      queue.async { [self] in
        snapshotInFlight = false
        guard let open = self.store else { return }  // shut down meanwhile: the next start takes one
        do { try open.writeSnapshot(encoded: bytes, at: point) } catch {
          logger.warning("snapshot failed", metadata: ["store.error": "\(error)", "store.seq": "\(point.seq)"])
        }
      }
    }
  }
}
