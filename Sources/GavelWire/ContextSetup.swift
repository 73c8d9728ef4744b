// Builds the lws context creation info. Owns every piece of C memory lws keeps pointing into
// (protocols, per-vhost options, extensions, retry policy, strings): it must outlive the
// context, so it is freed only after lws_context_destroy (libwebsockets-notes pitfall 8).
import CLibWebSockets

#if canImport(Glibc)
  import Glibc
#endif

/// C configuration memory for one context. Created, used and freed on the lws thread.
final class CConfigStorage {
  private var strings: [UnsafeMutablePointer<CChar>] = []
  /// [0] "http" (plain HTTP lands here after a mount miss), [1] the WebSocket subprotocol,
  /// [2] terminator. Both use `wireCallback`.
  let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 3)
  /// Marks the WebSocket protocol as the vhost default, so a client that omits
  /// Sec-WebSocket-Protocol still reaches it (pitfall 1).
  let pvoDefault = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 1)
  let pvo = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 1)
  /// [0] permessage-deflate, [1] terminator.
  let extensions = UnsafeMutablePointer<lws_extension>.allocate(capacity: 2)
  let retryPolicy = UnsafeMutablePointer<lws_retry_bo_t>.allocate(capacity: 1)

  /// Bytes of per-connection user data lws allocates: the connection id (0 = none yet).
  static let sessionDataSize = MemoryLayout<UInt64>.size
  /// Largest chunk lws hands to one RECEIVE. Not a message limit (pitfall 4).
  static let rxChunkBytes = 8192

  init() {
    protocols.initialize(repeating: lws_protocols(), count: 3)
    pvoDefault.initialize(to: lws_protocol_vhost_options())
    pvo.initialize(to: lws_protocol_vhost_options())
    extensions.initialize(repeating: lws_extension(), count: 2)
    retryPolicy.initialize(to: lws_retry_bo_t())
  }

  deinit {
    for s in strings { free(s) }
    protocols.deallocate()
    pvoDefault.deallocate()
    pvo.deallocate()
    extensions.deallocate()
    retryPolicy.deallocate()
  }

  /// A C string that lives as long as this storage.
  func cString(_ s: String) -> UnsafePointer<CChar> {
    let p = strdup(s)!
    strings.append(p)
    return UnsafePointer(p)
  }

  /// The creation info for `config`; `user` comes back through `lws_context_user`.
  func creationInfo(_ config: WireConfig, user: UnsafeMutableRawPointer) -> lws_context_creation_info {
    protocols[0].name = cString("http")
    protocols[0].callback = wireCallback
    protocols[0].per_session_data_size = Self.sessionDataSize
    protocols[0].rx_buffer_size = 0
    protocols[1].name = cString(config.subprotocol)
    protocols[1].callback = wireCallback
    protocols[1].per_session_data_size = Self.sessionDataSize
    protocols[1].rx_buffer_size = Self.rxChunkBytes
    protocols[1].tx_packet_size = ServiceLoop.coalesceBytes

    pvoDefault.pointee.name = cString("default")
    pvoDefault.pointee.value = cString("1")
    pvo.pointee.name = cString(config.subprotocol)
    pvo.pointee.value = cString("")
    pvo.pointee.options = UnsafePointer(pvoDefault)

    extensions[0].name = cString("permessage-deflate")
    extensions[0].callback = lws_extension_callback_pm_deflate
    extensions[0].client_offer = cString(
      "permessage-deflate; client_no_context_takeover; client_max_window_bits")

    // Pitfall 5: only a pong (or, through lws_validity_confirmed, inbound data) resets it.
    retryPolicy.pointee.secs_since_valid_ping = UInt16(config.pingSeconds)
    retryPolicy.pointee.secs_since_valid_hangup = UInt16(config.hangupSeconds)

    var info = lws_context_creation_info()
    info.port = Int32(config.port)
    info.protocols = UnsafePointer(protocols)
    info.pvo = UnsafePointer(pvo)
    info.extensions = UnsafePointer(extensions)
    info.retry_and_idle_policy = UnsafePointer(retryPolicy)
    info.user = user
    info.options =
      lwsshim_opt_validate_utf8() | lwsshim_opt_fail_upon_unable_to_bind()
    applyListenAddress(config.host, to: &info)
    applyTLS(config, to: &info)
    return info
  }

  /// Pitfall 9: an IPv4 literal binds IPv4 only; wildcard hosts bind every interface.
  private func applyListenAddress(_ host: String, to info: inout lws_context_creation_info) {
    switch host {
    case "", "*", "::":
      info.iface = nil
    case "0.0.0.0":
      info.iface = nil
      info.options |= lwsshim_opt_disable_ipv6()
    case "localhost":
      info.iface = cString("127.0.0.1")
      info.options |= lwsshim_opt_disable_ipv6()
    default:
      info.iface = cString(host)
      if Self.isIPv4Literal(host) { info.options |= lwsshim_opt_disable_ipv6() }
    }
  }

  static func isIPv4Literal(_ host: String) -> Bool {
    var addr = in_addr()
    return inet_pton(AF_INET, host, &addr) == 1
  }
}
