// Plain HTTP on the lws thread: dynamic answers from the handler (/healthz, /metrics) first,
// then the static files, then 404 — every request gets an answer, none hangs (pitfall 1).
import CLibWebSockets

/// A dynamic response body being written, one chunk per HTTP_WRITEABLE. lws thread.
struct PendingBody {
  var bytes: [UInt8]
  var offset = 0
}

extension ServiceLoop {
  static let httpChunkBytes = 16384

  /// lws thread, LWS_CALLBACK_HTTP.
  func http(_ wsi: OpaquePointer, session: UnsafeMutablePointer<UInt64>?, path: String) -> Int32 {
    guard lws_hdr_total_length(wsi, WSI_TOKEN_GET_URI) > 0 else {
      return finish(wsi, status: 405)
    }
    if let response = handler.wireHTTP(path: path) {
      return respond(wsi, session: session, response)
    }
    if let staticFiles, let hit = staticFiles.resolve(path) {
      let n = lws_serve_http_file(wsi, hit.file, hit.mime, nil, 0)
      if n < 0 || (n > 0 && lws_http_transaction_completed(wsi) != 0) { return -1 }
      return 0
    }
    return finish(wsi, status: 404)
  }

  /// A bodiless status answer, then keep-alive or close as lws decides.
  private func finish(_ wsi: OpaquePointer, status: UInt32) -> Int32 {
    if lws_return_http_status(wsi, status, nil) != 0 { return -1 }
    return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
  }

  private func respond(
    _ wsi: OpaquePointer, session: UnsafeMutablePointer<UInt64>?, _ response: HTTPResponse
  ) -> Int32 {
    guard let session else { return -1 }
    let (start, end) = scratch.headerArea
    var p: UnsafeMutablePointer<UInt8>? = start
    if lws_add_http_common_headers(
      wsi, UInt32(clamping: response.status), response.contentType,
      lws_filepos_t(response.body.count), &p, end) != 0
      || lws_finalize_write_http_header(wsi, start, &p, end) != 0
    {
      return -1
    }
    if response.body.isEmpty {
      return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
    }
    if session.pointee == 0 { session.pointee = makeID() }
    pendingBodies[session.pointee] = PendingBody(bytes: response.body)
    lws_callback_on_writable(wsi)
    return 0
  }

  func hasPendingBody(_ session: UnsafeMutablePointer<UInt64>) -> Bool {
    pendingBodies[session.pointee] != nil
  }

  /// lws thread, HTTP_WRITEABLE with a dynamic body in flight: one chunk per call.
  func httpWriteable(_ wsi: OpaquePointer, session: UnsafeMutablePointer<UInt64>) -> Int32 {
    guard var body = pendingBodies[session.pointee] else { return 0 }
    let end = min(body.offset + Self.httpChunkBytes, body.bytes.count)
    let isLast = end == body.bytes.count
    let payload = scratch.load(Array(body.bytes[body.offset..<end]))
    let count = end - body.offset
    if lws_write(wsi, payload, count, isLast ? LWS_WRITE_HTTP_FINAL : LWS_WRITE_HTTP) < count {
      pendingBodies[session.pointee] = nil
      return -1
    }
    if isLast {
      pendingBodies[session.pointee] = nil
      return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
    }
    body.offset = end
    pendingBodies[session.pointee] = body
    lws_callback_on_writable(wsi)
    return 0
  }

  /// lws thread, CLOSED_HTTP: forget a body the client did not wait for.
  func httpClosed(_ session: UnsafeMutablePointer<UInt64>?) {
    guard let session, session.pointee != 0 else { return }
    pendingBodies[session.pointee] = nil
  }
}
