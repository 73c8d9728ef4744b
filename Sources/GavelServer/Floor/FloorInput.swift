// What reaches a Floor's inbox, in arrival order: joins, commands, departures and its own timers.
import GavelCore
import GavelWire

package enum FloorInput: Sendable {
  case hello(ConnectionID, Hello)
  case command(ConnectionID, ClientCommand)
  case closed(ConnectionID)
  /// A timer expired: the deadline's command, submitted by the system actor.
  case deadline(Deadline)
}

/// A joined connection: who it speaks for, from its credential (never from arguments).
struct Subscriber: Sendable {
  var credentialId: Int64
  var role: Role
  var seat: String?
  var actor: Actor { Actor(role: role, seat: seat) }
}

/// Where a Floor's frames go. `WireServer` in the daemon.
public protocol FrameSink: Sendable {
  func send(_ frame: Frame, to id: ConnectionID)
  func send(_ frame: Frame, to ids: [ConnectionID], delivery: Delivery)
  func close(_ id: ConnectionID, code: UInt16, reason: String)
  /// Everything in `batch`, in order, in one hand-over.
  func send(_ batch: WireBatch)
}

extension FrameSink {
  func send(_ frame: Frame, to ids: [ConnectionID]) { send(frame, to: ids, delivery: .prompt) }

  /// Item by item; `WireServer` hands the whole batch over at once instead.
  public func send(_ batch: WireBatch) {
    for item in batch.items {
      switch item {
      case .frame(let frame, let ids, let delivery): send(frame, to: ids, delivery: delivery)
      case .close(let id, let code, let reason): close(id, code: code, reason: reason)
      }
    }
  }
}

extension WireServer: FrameSink {}
