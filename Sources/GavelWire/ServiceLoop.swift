// Runtime rule 6: the lws thread. This object is created inside the service Thread's closure
// and is not Sendable, so the compiler keeps it (and every lws pointer it holds) on that
// thread. The context is created, serviced and destroyed here.
import CLibWebSockets
import Dispatch
import Logging

/// Everything the lws thread owns. lws thread only.
final class ServiceLoop {
  let config: WireConfig
  let logger: Logger
  let handler: any WireHandler
  let handOver: HandOver
  let counters: WireCounters
  let storage = CConfigStorage()
  let staticFiles: StaticFiles?
  let scratch = ScratchBuffer()

  var connections: [ConnectionID: Connection] = [:]
  /// The same connections, unretained, for a fan-out's lookup pass (`writeAsQueued`): reading
  /// one retains nothing, so the pass touches the dictionary and not each Connection object.
  /// `opened` and `closed` keep the two in step.
  var handles: [ConnectionID: Unmanaged<Connection>] = [:]
  var pendingBodies: [UInt64: PendingBody] = [:]
  /// Connections whose queued frames wait for the end of the batch window.
  var batchWindow: BatchWindow
  /// Connections given frames during this turn of the event loop; served when it ends.
  let due = DueWrites()
  /// The connection `serve` is servicing POLLOUT on right now (its WRITEABLE needs no lookup),
  /// or nil. Unretained: `serve`'s caller holds it for the call.
  var servicing: Unmanaged<Connection>? = nil
  /// Commands taken from the hand-over in this turn of the event loop, not yet applied.
  var handedOver: [WireCommand] = []
  /// `writeAsQueued`'s connections, looked up before the pass (unretained: see `retired`).
  var targets: [Unmanaged<Connection>] = []
  /// True during `writeAsQueued`'s pass; a connection closed meanwhile is kept in `retired`
  /// until it ends, so that no unretained target is freed under it.
  var writingAsQueued = false
  var retired: [Connection] = []
  private var nextID: UInt64 = 1

  /// Set by a stop command: no new upgrades, every connection is closing, and the loop ends
  /// when they are gone or the deadline passes.
  var stopDeadline: DispatchTime? = nil

  init(
    config: WireConfig, logger: Logger, handler: any WireHandler, handOver: HandOver,
    counters: WireCounters
  ) {
    self.config = config
    self.logger = logger
    self.handler = handler
    self.handOver = handOver
    self.counters = counters
    self.staticFiles = config.webRoot.map(StaticFiles.init(root:))
    self.batchWindow = BatchWindow(milliseconds: config.batchWindowMs)
  }

  /// lws thread. A fresh id for a connection or an HTTP response; never 0, never reused.
  func makeID() -> UInt64 {
    defer { nextID += 1 }
    return nextID
  }

  /// lws thread: the whole life of the context. Reports the bound port (or why not) through
  /// `ready` once, then services until a stop completes.
  func run(ready: (Result<Int, WireError>) -> Void) {
    let loop = EventLoop(preferLibev: config.eventLoop == .epoll)
    guard let context = createContext(on: loop) else {
      ready(.failure(BindProbe.explainStartFailure(config)))
      return
    }
    let vhost = lws_get_vhost_by_name(context, "default")
    let port = vhost.map { Int(lws_get_vhost_listen_port($0)) } ?? config.port
    handOver.publish(context)
    loop.started(context)
    batchWindow.attach(context, owner: Unmanaged.passUnretained(self).toOpaque())
    ready(.success(port))
    logger.info(
      "wire listening",
      metadata: ["wire.host": "\(config.host)", "wire.port": "\(port)", "wire.loop": "\(loop.name)"])

    while !finished {
      // Blocks until I/O, an lws timer or a cancel (pitfall 10); stop() wakes us at its deadline.
      if !loop.runOnce(context) {
        logger.error("lws_service failed; the WebSocket transport has stopped")
        break
      }
      applyHandedOver(context)
    }
    handOver.retract()  // no foreign thread may cancel from here on (pitfall 3)
    batchWindow.detach()
    loop.stopping()
    lws_context_destroy(context)  // before the loop it runs on (EventLoop.deinit)
    logger.info("wire stopped", metadata: ["wire.port": "\(port)"])
  }

  /// The context on `loop`; if lws cannot load its libev plugin, on lws's own poll loop.
  private func createContext(on loop: EventLoop) -> OpaquePointer? {
    var info = storage.creationInfo(config, user: Unmanaged.passUnretained(self).toOpaque())
    loop.apply(to: &info)
    if let context = lws_create_context(&info) { return context }
    guard loop.handle != nil else { return nil }
    logger.notice("lws could not run on libev (is libwebsockets-evlib-ev installed?); using poll")
    loop.useLWSPoll()
    info = storage.creationInfo(config, user: Unmanaged.passUnretained(self).toOpaque())
    return lws_create_context(&info)
  }

  private var finished: Bool {
    guard let deadline = stopDeadline else { return false }
    return connections.isEmpty || DispatchTime.now() >= deadline
  }

  /// lws thread, EVENT_WAIT_CANCELLED: take everything other threads handed over; it is applied
  /// when the turn ends (`applyHandedOver`), outside lws's callbacks.
  func drainInbox() {
    handedOver.append(contentsOf: handOver.takeAll())
  }

  /// lws thread (from `applyHandedOver`). One command, as it was handed over.
  func apply(_ command: WireCommand) {
    switch command {
    case .send(let frame, let id):
      enqueue(frame, to: id)
    case .deliver(.frame(let frame, let ids, let delivery)):
      for id in ids { enqueue(frame, to: id, delivery) }
    case .deliver(.close(let id, let code, let reason)):
      connections[id]?.requestClose(code: code, reason: reason, urgent: false)
    case .stop(let code, let deadline):
      beginStop(code: code, deadline: deadline)
    }
  }

  private func beginStop(code: UInt16, deadline: DispatchTime) {
    guard stopDeadline == nil else { return }
    stopDeadline = deadline  // stop() wakes the loop when it passes
    for connection in connections.values {
      connection.requestClose(code: code, reason: "server shutting down", urgent: false)
    }
  }

  /// lws thread, HTTP_CONFIRM_UPGRADE: refuse a WebSocket upgrade on another path with 404,
  /// and any upgrade while stopping with 503 (>0: we answered; lws completes the transaction).
  func confirmUpgrade(_ wsi: OpaquePointer, to upgrade: String?) -> Int32 {
    guard upgrade?.lowercased() == "websocket" else { return 0 }
    if acceptsUpgrade(wsi) { return 0 }
    let status: UInt32 = stopDeadline == nil ? 404 : 503
    return lws_return_http_status(wsi, status, nil) != 0 ? -1 : 1
  }

  /// lws thread, FILTER_PROTOCOL_CONNECTION (and the upgrade check above): only /ws and
  /// /ws/NAME upgrade, and not while stopping.
  func acceptsUpgrade(_ wsi: OpaquePointer) -> Bool {
    guard stopDeadline == nil, let path = requestPath(wsi) else { return false }
    return Self.isWebSocketPath(path)
  }

  static func isWebSocketPath(_ path: String) -> Bool {
    if path == "/ws" { return true }
    guard path.hasPrefix("/ws/") else { return false }
    let rest = path.dropFirst(4)
    return !rest.isEmpty && !rest.contains("/")
  }

  func requestPath(_ wsi: OpaquePointer) -> String? {
    var buffer = [CChar](repeating: 0, count: 512)
    let n = lws_hdr_copy(wsi, &buffer, Int32(buffer.count), WSI_TOKEN_GET_URI)
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func peerAddress(_ wsi: OpaquePointer) -> String {
    var buffer = [CChar](repeating: 0, count: 128)
    guard lws_get_peer_simple(wsi, &buffer, buffer.count) != nil else { return "" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// lws thread, ESTABLISHED.
  func opened(_ wsi: OpaquePointer, session: UnsafeMutablePointer<UInt64>) -> Int32 {
    let id = makeID()
    session.pointee = id
    let connection = Connection(id: id, wsi: wsi, outboxLimit: config.outboxLimit)
    connections[id] = connection
    handles[id] = Unmanaged.passUnretained(connection)
    counters.connectionsOpen.wrappingAdd(1, ordering: .relaxed)
    let path = requestPath(wsi) ?? "/ws"
    handler.wireOpened(id, path: path, peer: peerAddress(wsi))
    return 0
  }

  func connection(_ session: UnsafeMutablePointer<UInt64>?) -> Connection? {
    guard let session else { return nil }
    return connections[session.pointee]
  }

  /// lws thread, CLOSED: the connection is gone, whatever the cause.
  func closed(_ session: UnsafeMutablePointer<UInt64>?) {
    guard let session, let connection = connections.removeValue(forKey: session.pointee) else {
      return
    }
    handles[connection.id] = nil
    session.pointee = 0
    connection.isOpen = false
    if writingAsQueued { retired.append(connection) }
    counters.connectionsOpen.wrappingSubtract(1, ordering: .relaxed)
    handler.wireClosed(connection.id)
  }
}
