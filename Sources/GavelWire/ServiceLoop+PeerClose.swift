// RFC 6455 §5.5.1 and §7.4: a close frame from the peer must carry no payload, or a valid
// status code (and then UTF-8 reason). lws 4.1.6 rewrites most reserved codes to 1002 before
// it tells us (ops-ws.c:483-496) but echoes a one-byte payload and codes of 5000 and above
// unchanged. Here the remaining invalid payloads end the connection with 1002 instead.
import CLibWebSockets

extension ServiceLoop {
  /// lws thread, WS_PEER_INITIATED_CLOSE. `payload` is the close payload lws is about to echo.
  /// Returns -1 after setting close reason 1002 for an invalid payload: lws then sends our close
  /// frame (the same path it uses for its own protocol errors) instead of the echo.
  func peerInitiatedClose(_ wsi: OpaquePointer, payload: UnsafeRawBufferPointer) -> Int32 {
    guard !payload.isEmpty else { return 0 }  // no status code: a valid close
    if payload.count >= 2 && Self.isValidPeerCloseCode(UInt16(payload[0]) << 8 | UInt16(payload[1])) {
      return 0
    }
    var reason = Array("invalid close code".utf8)
    lws_close_reason(wsi, LWS_CLOSE_STATUS_PROTOCOL_ERR, &reason, reason.count)
    return -1
  }

  /// Codes a peer may send (RFC 6455 §7.4.1 and the IANA registry as lws 4.1.6 knows it):
  /// 1000–1003, 1007–1011, and 3000–4999 for libraries and applications.
  static func isValidPeerCloseCode(_ code: UInt16) -> Bool {
    switch code {
    case 1000...1003, 1007...1011, 3000...4999: return true
    default: return false
    }
  }
}
