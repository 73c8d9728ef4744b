// The public vocabulary of GavelWire: what the server hands over (frames), what it answers to
// HTTP, and the handler it implements. GavelWire moves bytes and knows nothing of the core.

/// Identifies one WebSocket connection for its whole life. Never reused within a process.
public typealias ConnectionID = UInt64

/// One encoded outbound message, encoded once and shared by every outbox it is queued on
/// (runtime rule 7). Immutable, so any thread may create and share it. A text frame unless
/// made with `binary: true` (the protocol only uses text; binary serves test tools).
public final class Frame: Sendable {
  public let bytes: [UInt8]
  public let isBinary: Bool
  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    self.isBinary = false
  }
  public init(_ bytes: [UInt8], binary: Bool) {
    self.bytes = bytes
    self.isBinary = binary
  }
}

/// How soon a queued frame must be written.
public enum Delivery: Sendable {
  /// Written as soon as the socket takes it.
  case prompt
  /// May wait up to `WireConfig.batchWindowMs` so that it goes out in one write with the frames
  /// queued after it (a display watching a roll call needs each ballot within a frame of video,
  /// not within a millisecond). A prompt frame queued behind it takes it along at once; the
  /// order of a connection's frames never changes.
  case batched
}

/// An answer to a dynamic HTTP GET (e.g. `/healthz`, `/metrics`). Built on the lws thread by
/// `WireHandler.wireHTTP`, written by GavelWire.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var contentType: String
  public var body: [UInt8]
  public init(status: Int, contentType: String, body: [UInt8]) {
    self.status = status
    self.contentType = contentType
    self.body = body
  }
}

/// Why the transport could not start. `message` is one sentence an operator can act on.
public struct WireError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// The server side of the transport. Every method is called on the lws service thread and
/// must not block it: hand real work to another queue or actor and return at once.
public protocol WireHandler: AnyObject, Sendable {
  /// lws thread. A WebSocket connection completed its handshake. `path` is `/ws` or
  /// `/ws/COMMITTEE`; `peer` is the remote address.
  func wireOpened(_ id: ConnectionID, path: String, peer: String)
  /// lws thread. One whole inbound message (reassembled, within `maxMessageBytes`).
  func wireReceived(_ id: ConnectionID, _ message: [UInt8], isText: Bool)
  /// lws thread. The connection is gone; `id` will never be seen again.
  func wireClosed(_ id: ConnectionID)
  /// lws thread. A GET the static files do not own; nil lets the static mount answer (or 404).
  func wireHTTP(path: String) -> HTTPResponse?
}
