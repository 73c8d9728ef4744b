// Transport settings. Validated once in `WireServer.start` so that the lws thread never sees a
// value lws would assert on (pitfall 5: hang-up must come after the ping).

/// What the lws thread waits with. `epoll`: a libev loop (needs Debian's libwebsockets-evlib-ev;
/// without it lws's poll loop is used), whose wake-ups cost what is ready. `poll`: lws's own
/// loop, whose every wake-up costs a look at every open socket. docs/operations.md has both
/// measured.
public enum WireEventLoop: String, Sendable, CaseIterable {
  case poll, epoll
}

/// Settings of the WebSocket/HTTP listener. Plain value, any thread.
public struct WireConfig: Sendable {
  public var host: String = "127.0.0.1"
  public var port: Int = 0
  /// Absolute directory of the web clients: "/" → index.html, "/chair" → chair.html,
  /// "/delegate" → delegate.html, "/display" → display.html, other files by path.
  public var webRoot: String? = nil
  /// Larger inbound messages close the connection with 1009.
  public var maxMessageBytes: Int = 65536
  /// Frames queued per connection; overflow drops the connection with 4408.
  public var outboxLimit: Int = 1024
  /// What the lws thread waits with (`WireEventLoop`).
  public var eventLoop: WireEventLoop = .epoll
  /// Longest wait of a `.batched` frame (0: every frame is prompt).
  public var batchWindowMs: Int = 100
  /// lws validity policy: ping after this many silent seconds…
  public var pingSeconds: Int = 20
  /// …and hang up after this many without a pong or data.
  public var hangupSeconds: Int = 40
  public var tlsCertPath: String? = nil
  public var tlsKeyPath: String? = nil
  public var subprotocol: String = "gavel.v1"
  public init() {}

  /// Any thread. Rejects settings lws would misbehave on, with the fix in the message.
  func validated() throws(WireError) -> WireConfig {
    guard (0...65535).contains(port) else {
      throw WireError("listen port \(port) is out of range: use 0…65535 (0 picks a free port)")
    }
    guard maxMessageBytes >= 1 else {
      throw WireError("maxMessageBytes must be at least 1 (got \(maxMessageBytes))")
    }
    guard outboxLimit >= 1 else {
      throw WireError("outboxLimit must be at least 1 (got \(outboxLimit))")
    }
    guard (0...1000).contains(batchWindowMs) else {
      throw WireError("batchWindowMs must be 0…1000 (got \(batchWindowMs))")
    }
    guard pingSeconds >= 1, hangupSeconds > pingSeconds, hangupSeconds <= 65535 else {
      throw WireError(
        "ping/hang-up seconds \(pingSeconds)/\(hangupSeconds) are invalid: "
          + "need 1 ≤ ping < hang-up ≤ 65535")
    }
    guard (tlsCertPath == nil) == (tlsKeyPath == nil) else {
      throw WireError("TLS needs both a certificate and a private key path (only one is set)")
    }
    guard !subprotocol.isEmpty, !subprotocol.contains(",") else {
      throw WireError("subprotocol '\(subprotocol)' must be one non-empty token")
    }
    if let root = webRoot, !root.hasPrefix("/") {
      throw WireError("webRoot '\(root)' must be an absolute path")
    }
    return self
  }

  var usesTLS: Bool { tlsCertPath != nil }
}
