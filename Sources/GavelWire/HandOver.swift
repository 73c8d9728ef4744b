// Runtime rule 6: the only way other threads reach the lws thread. Commands go into a locked
// inbox and the service thread is woken with lws_cancel_service. The context pointer is
// published and retracted under the same lock, so a cancel can never race the context's
// destruction (libwebsockets-notes pitfall 3).
import CLibWebSockets
import Dispatch

/// The lws context as seen by foreign threads. @unchecked: foreign threads only ever call
/// `lws_cancel_service` on it, and only while holding the hand-over lock, which the service
/// thread also holds when it retracts the handle before `lws_context_destroy`.
struct ContextHandle: @unchecked Sendable {
  let raw: OpaquePointer
}

/// One request from another thread to the lws thread.
enum WireCommand: Sendable {
  case send(Frame, ConnectionID)
  /// A frame for many connections, or a close (what a `WireBatch` holds).
  case deliver(WireBatch.Item)
  case stop(code: UInt16, deadline: DispatchTime)
}

struct HandOverState: Sendable {
  var context: ContextHandle? = nil
  var inbox: [WireCommand] = []
}

/// The locked inbox. `post` from any thread; `publish`, `retract` and `takeAll` from the lws
/// thread.
final class HandOver: Sendable {
  private let lock = PThreadLock(HandOverState())

  /// Any thread. Queues `command`; see `post(contentsOf:)`.
  @discardableResult
  func post(_ command: WireCommand) -> Bool { post(contentsOf: [command]) }

  /// Any thread. Queues every command in order under one lock, and wakes the lws thread when
  /// the inbox was empty (one wake-up per drain is enough: the drain takes everything). False
  /// when not running.
  @discardableResult
  func post(contentsOf commands: [WireCommand]) -> Bool {
    lock.withLock { state in
      guard let context = state.context else { return false }
      let wasEmpty = state.inbox.isEmpty
      state.inbox.append(contentsOf: commands)
      if wasEmpty && !state.inbox.isEmpty { lws_cancel_service(context.raw) }
      return true
    }
  }

  /// Any thread. Wakes the lws thread without a command (so it re-checks its deadlines).
  func wake() {
    lock.withLock { state in
      if let context = state.context { lws_cancel_service(context.raw) }
    }
  }

  /// lws thread, right after the context exists.
  func publish(_ context: OpaquePointer) {
    lock.withLock { $0.context = ContextHandle(raw: context) }
  }

  /// lws thread, before `lws_context_destroy`: from now on `post` refuses and nobody cancels.
  func retract() {
    lock.withLock { state in
      state.context = nil
      state.inbox.removeAll()
    }
  }

  /// lws thread, in EVENT_WAIT_CANCELLED: everything posted so far, in order. Cancels may
  /// coalesce, so the whole inbox is always taken (pitfall 2).
  func takeAll() -> [WireCommand] {
    lock.withLock { state in
      let taken = state.inbox
      state.inbox.removeAll(keepingCapacity: false)
      return taken
    }
  }
}
