// Batched delivery (`Delivery.batched`): a frame that may wait is queued at once, but its
// connection asks lws for a write only when the window ends, so a quick run of events (the
// ballots of a roll call) reaches an onlooker in one write instead of one write per event. The
// window is one lws timer (a sul) for all held connections; it opens with the first held frame.
import CLibWebSockets

/// The held connections and the timer that releases them. lws thread only.
final class BatchWindow {
  let microseconds: lws_usec_t
  private(set) var held: [ConnectionID] = []
  private let timer: UnsafeMutablePointer<lwsshim_timer>
  private var context: OpaquePointer? = nil

  init(milliseconds: Int) {
    microseconds = lws_usec_t(milliseconds) * 1000
    timer = .allocate(capacity: 1)
    timer.initialize(to: lwsshim_timer())
  }

  deinit {
    timer.deallocate()
  }

  /// False when batching is off (a zero window) or the context is gone: every frame is prompt.
  var isOpen: Bool { microseconds > 0 && context != nil }

  /// Once the context exists. `owner` is the ServiceLoop the timer's callback releases into.
  func attach(_ context: OpaquePointer, owner: UnsafeMutableRawPointer) {
    self.context = context
    timer.pointee.owner = owner
  }

  /// Before the context is destroyed: the timer can no longer fire.
  func detach() {
    if context != nil { lws_sul_cancel(&timer.pointee.sul) }
    context = nil
    held.removeAll()
  }

  /// Queue-time: `connection` waits for the window's end, unless a write is already on its way
  /// or due at the end of this turn of the event loop (the frame then goes with that write).
  func hold(_ connection: Connection) {
    guard !connection.writeRequested, !connection.due, !connection.held, let context else { return }
    connection.held = true
    held.append(connection.id)
    if held.count == 1 {
      lws_sul_schedule(context, 0, &timer.pointee.sul, { sul in
        guard let sul else { return }
        let timer = UnsafeMutableRawPointer(sul).assumingMemoryBound(to: lwsshim_timer.self)
        guard let owner = timer.pointee.owner else { return }
        Unmanaged<ServiceLoop>.fromOpaque(owner).takeUnretainedValue().releaseHeld()
      }, microseconds)
    }
  }

  /// The window ended: every held id, once.
  func takeHeld() -> [ConnectionID] {
    defer { held.removeAll(keepingCapacity: true) }
    return held
  }
}

extension ServiceLoop {
  /// lws thread, the batch window's timer: every held connection that is still open and still
  /// has frames gets its write.
  func releaseHeld() {
    for id in batchWindow.takeHeld() {
      guard let connection = connections[id] else { continue }
      connection.held = false
      if !connection.outbox.isEmpty { due.add(connection) }
    }
  }
}
