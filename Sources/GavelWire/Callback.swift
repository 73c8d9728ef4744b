// The single C entry point lws calls, for both protocols. It captures nothing: the loop comes
// back through lws_context_user (no global state). Everything lws does not need us for goes to
// lws_callback_http_dummy, which also answers a plain-HTTP miss with 404 instead of leaving the
// client hanging (libwebsockets-notes pitfall 1).
import CLibWebSockets

/// lws thread only (lws calls it from lws_service and lws_context_destroy).
func wireCallback(
  _ wsi: OpaquePointer?, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
  _ input: UnsafeMutableRawPointer?, _ len: Int
) -> Int32 {
  guard let wsi, let context = lws_get_context(wsi), let loopPointer = lws_context_user(context)
  else {
    return lws_callback_http_dummy(wsi, reason, user, input, len)
  }
  // The loop outlives its context (it destroys it): no reference to take.
  return Unmanaged<ServiceLoop>.fromOpaque(loopPointer)._withUnsafeGuaranteedRef { loop in
    dispatch(loop, wsi, reason, user, input, len)
  }
}

/// lws thread: one callback, for the loop that owns the context.
private func dispatch(
  _ loop: ServiceLoop, _ wsi: OpaquePointer, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
  _ input: UnsafeMutableRawPointer?, _ len: Int
) -> Int32 {
  let session = user?.assumingMemoryBound(to: UInt64.self)
  switch reason {
  case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
    // Delivered once per protocol with a fake wsi; a non-zero return would close lws' own
    // event pipe, so always 0 (pitfall 2).
    loop.drainInbox()
    return 0
  case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
    // RFC 6455 §4.2.2: a refused handshake gets an HTTP error, not a silent hang-up.
    return loop.confirmUpgrade(wsi, to: input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) })
  case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION:
    return loop.acceptsUpgrade(wsi) ? 0 : 1
  case LWS_CALLBACK_ESTABLISHED:
    guard let session else { return -1 }
    return loop.opened(wsi, session: session)
  case LWS_CALLBACK_RECEIVE:
    guard let connection = loop.connection(session) else { return -1 }
    return loop.received(connection, UnsafeRawBufferPointer(start: input, count: len))
  case LWS_CALLBACK_SERVER_WRITEABLE:
    if let servicing = loop.servicing {
      let written = servicing._withUnsafeGuaranteedRef { $0.wsi == wsi ? loop.writeable($0) : nil }
      if let written { return written }
    }
    guard let connection = loop.connection(session) else { return -1 }
    return loop.writeable(connection)
  case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
    return loop.peerInitiatedClose(wsi, payload: UnsafeRawBufferPointer(start: input, count: len))
  case LWS_CALLBACK_CLOSED:
    loop.closed(session)
    return 0
  case LWS_CALLBACK_HTTP:
    let path = String(decoding: UnsafeRawBufferPointer(start: input, count: len), as: UTF8.self)
    return loop.http(wsi, session: session, path: path)
  case LWS_CALLBACK_HTTP_WRITEABLE:
    if let session, loop.hasPendingBody(session) {
      return loop.httpWriteable(wsi, session: session)
    }
    return lws_callback_http_dummy(wsi, reason, user, input, len)
  case LWS_CALLBACK_CLOSED_HTTP:
    loop.httpClosed(session)
    return lws_callback_http_dummy(wsi, reason, user, input, len)
  default:
    return lws_callback_http_dummy(wsi, reason, user, input, len)
  }
}
