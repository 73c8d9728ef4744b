// Frames and closes handed to the lws thread together: one lock and at most one wake-up for
// all of them, where sending each alone could wake the lws thread once per frame (a command's
// event, then its ack, a moment later).

/// What one thread has to send, in order. Build it anywhere, hand it over with
/// `WireServer.send(_:)`; per connection, the order of the items is the order of delivery.
public struct WireBatch: Sendable {
  public enum Item: Sendable {
    case frame(Frame, [ConnectionID], Delivery)
    case close(ConnectionID, code: UInt16, reason: String)
  }

  public private(set) var items: [Item] = []

  public init() {}

  public var isEmpty: Bool { items.isEmpty }

  public mutating func send(_ frame: Frame, to ids: [ConnectionID], delivery: Delivery = .prompt) {
    guard !ids.isEmpty else { return }
    items.append(.frame(frame, ids, delivery))
  }

  public mutating func close(_ id: ConnectionID, code: UInt16, reason: String) {
    items.append(.close(id, code: code, reason: reason))
  }

  /// Empties the batch, returning what it held.
  public mutating func take() -> [Item] {
    defer { items.removeAll(keepingCapacity: true) }
    return items
  }
}
