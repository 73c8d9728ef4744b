// What the Floor sends while it works through one batch of input, handed to the wire in one
// WireBatch at the end: a command's events and its ack cost the lws thread one wake-up, not one
// each. Confined to the Floor's queue like everything else the Floor owns (hence @unchecked).
import GavelWire

final class FloorOutbox: FrameSink, @unchecked Sendable {
  private let target: any FrameSink
  private var pending = WireBatch()

  init(_ target: any FrameSink) { self.target = target }

  func send(_ frame: Frame, to id: ConnectionID) { pending.send(frame, to: [id]) }

  func send(_ frame: Frame, to ids: [ConnectionID], delivery: Delivery) {
    pending.send(frame, to: ids, delivery: delivery)
  }

  func close(_ id: ConnectionID, code: UInt16, reason: String) { pending.close(id, code: code, reason: reason) }

  /// Everything sent since the last flush, to the wire in one hand-over.
  func flush() {
    guard !pending.isEmpty else { return }
    let batch = pending
    pending = WireBatch()
    target.send(batch)
  }
}
