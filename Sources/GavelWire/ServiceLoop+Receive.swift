// Inbound path on the lws thread: reassemble RECEIVE chunks into whole messages and enforce
// maxMessageBytes. rx_buffer_size only bounds a chunk, and with permessage-deflate lws 4.1.6
// may ignore a -1 from RECEIVE, so an oversized message sets a sticky reject and the 1009 close
// is sent from WRITEABLE, whose return value lws always honours (libwebsockets-notes pitfall 4).
import CLibWebSockets
import Dispatch

extension ServiceLoop {
  /// lws thread, RECEIVE. Always returns 0; closing goes through WRITEABLE.
  func received(_ connection: Connection, _ chunk: UnsafeRawBufferPointer) -> Int32 {
    let wsi = connection.wsi
    confirmLiveness(connection)
    if connection.rxRejected || connection.pendingClose?.urgent == true { return 0 }

    if !connection.rxInMessage {
      connection.rxInMessage = true
      connection.rxIsText = lws_frame_is_binary(wsi) == 0
      connection.rx.removeAll(keepingCapacity: true)
    }
    guard connection.rx.count + chunk.count <= config.maxMessageBytes else {
      connection.rxRejected = true
      connection.rx = []
      counters.oversizeCloses.wrappingAdd(1, ordering: .relaxed)
      logger.notice(
        "message over the size limit; closing with 1009",
        metadata: ["connection.id": "\(connection.id)", "wire.limit": "\(config.maxMessageBytes)"])
      connection.requestClose(code: 1009, reason: "message too big", urgent: true)
      return 0
    }
    connection.rx.append(contentsOf: chunk)

    // lws_is_final_fragment already accounts for inflated data still draining.
    if lws_is_final_fragment(wsi) != 0 && lws_remaining_packet_payload(wsi) == 0 {
      let message = connection.rx
      connection.rx = []
      connection.rxInMessage = false
      handler.wireReceived(connection.id, message, isText: connection.rxIsText)
    }
    return 0
  }

  /// Data counts as liveness, not only pongs (pitfall 5). lws re-files the connection's ping
  /// timer in a list sorted by time, a walk over every connection's timer, so a busy connection
  /// confirms at most once a second: its ping may come up to a second early, never late.
  private func confirmLiveness(_ connection: Connection) {
    let now = DispatchTime.now().uptimeNanoseconds
    guard now &- connection.livenessConfirmedAt >= 1_000_000_000 else { return }
    connection.livenessConfirmedAt = now
    lws_validity_confirmed(connection.wsi)
  }
}
