// The WireHandler: runs on the lws thread and never blocks. It keeps each connection's phase
// (awaiting hello → joined to a Floor), decodes frames, applies the per-connection rate limit,
// and hands hellos and commands to the committee's Floor in arrival order.
import Dispatch
import GavelCore
import GavelWire
import Logging

public struct RouterLimits: Sendable {
  public var helloTimeoutMs = 10_000
  public var commandsPerSecond = 50
  public var commandBurst = 200
  public var maxCommandIdLength = 64
  public init() {}
}

public final class Router: WireHandler {
  private struct Connection {
    enum Phase { case awaitingHello, joined(Floor) }
    var phase: Phase = .awaitingHello
    /// The committee named by a `/ws/ID` path, which the hello must match.
    var pathCommittee: String?
    var bucket: TokenBucket
  }

  private let floors: [String: Floor]
  private let sink: any FrameSink
  private let metrics: Metrics
  private let limits: RouterLimits
  private let logger: Logger
  private let connections = Locked<[ConnectionID: Connection]>([:])
  private let accepting = Locked(true)
  /// Serves `/healthz` and `/metrics`; set by the daemon.
  let http: HTTPEndpoints

  public init(
    floors: [Floor], sink: any FrameSink, metrics: Metrics, limits: RouterLimits, logger: Logger,
    http: HTTPEndpoints
  ) {
    self.floors = Dictionary(uniqueKeysWithValues: floors.map { ($0.committeeId, $0) })
    self.sink = sink
    self.metrics = metrics
    self.limits = limits
    self.logger = logger
    self.http = http
  }

  /// From now on, frames are dropped: the daemon is shutting down (never acknowledged, so
  /// nothing is lost that a client was told about).
  public func stopAccepting() { accepting.withLock { $0 = false } }

  public func wireOpened(_ id: ConnectionID, path: String, peer: String) {
    let pathCommittee = Router.committee(inPath: path)
    let connection = Connection(
      pathCommittee: pathCommittee,
      bucket: TokenBucket(
        ratePerSecond: limits.commandsPerSecond, burst: limits.commandBurst, now: WallClock.monotonic()))
    connections.withLock { $0[id] = connection }
    let timeout = limits.helloTimeoutMs
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(timeout)) { [weak self] in
      self?.helloTimedOut(id)
    }
  }

  public func wireClosed(_ id: ConnectionID) {
    let removed = connections.withLock { $0.removeValue(forKey: id) }
    if case .joined(let floor) = removed?.phase { floor.submit(.closed(id)) }
  }

  public func wireHTTP(path: String) -> HTTPResponse? { http.respond(path: path) }

  public func wireReceived(_ id: ConnectionID, _ message: [UInt8], isText: Bool) {
    guard accepting.withLock({ $0 }) else { return }
    let frame: ClientFrame
    do {
      frame = try ClientFrameDecoder.decode(message, isText: isText, maxIdLength: limits.maxCommandIdLength)
    } catch {
      refuse(id, error)
      return
    }
    switch frame {
    case .hello(let hello): received(hello, on: id)
    case .command(let command): received(command, on: id)
    }
  }

  private func received(_ hello: Hello, on id: ConnectionID) {
    enum Verdict { case join(Floor), duplicate, unknown, mismatch, gone }
    let verdict = connections.withLock { table -> Verdict in
      guard var connection = table[id] else { return .gone }
      guard case .awaitingHello = connection.phase else { return .duplicate }
      guard let name = hello.committee ?? connection.pathCommittee else { return .unknown }
      if let pathName = connection.pathCommittee, pathName != name { return .mismatch }
      guard let floor = floors[name] else { return .unknown }
      connection.phase = .joined(floor)
      table[id] = connection
      return .join(floor)
    }
    switch verdict {
    case .join(let floor): floor.submit(.hello(id, hello))
    case .duplicate:
      refuse(id, FrameError(code: "duplicate_hello", message: "This connection has already sent hello.", close: nil))
    case .unknown:
      sink.close(id, code: CloseCode.unknownCommittee.rawValue, reason: "unknown committee")
    case .mismatch:
      sink.close(id, code: CloseCode.unknownCommittee.rawValue, reason: "hello committee does not match the path")
    case .gone: break
    }
  }

  private func received(_ command: ClientCommand, on id: ConnectionID) {
    enum Verdict { case submit(Floor), noHello, limited, gone }
    let now = WallClock.monotonic()
    let verdict = connections.withLock { table -> Verdict in
      guard var connection = table[id] else { return .gone }
      guard case .joined(let floor) = connection.phase else { return .noHello }
      let allowed = connection.bucket.take(now: now)
      table[id] = connection
      return allowed ? .submit(floor) : .limited
    }
    switch verdict {
    case .submit(let floor): floor.submit(.command(id, command))
    case .noHello:
      refuse(
        id, FrameError(code: "no_hello", message: "Send hello before any command.", close: .protocolError))
    case .limited:
      metrics.commandRejected(RejectionCode.rateLimited.rawValue)
      let rejection = Rejection(
        .rateLimited, "Too many commands: at most \(limits.commandsPerSecond) a second. Nothing changed; retry.")
      sink.send(ServerFrame.reject(id: command.id, rejection), to: id)
    case .gone: break
    }
  }

  /// The committee a proxy routed by: `/ws/ID` or `/ws?committee=ID` (nil for plain `/ws`).
  static func committee(inPath path: String) -> String? {
    let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let route = parts.first.map(String.init) ?? path
    if route.hasPrefix("/ws/") {
      let id = route.dropFirst(4).prefix { $0 != "/" }
      if !id.isEmpty { return String(id) }
    }
    guard parts.count == 2 else { return nil }
    for pair in parts[1].split(separator: "&") where pair.hasPrefix("committee=") {
      let id = pair.dropFirst("committee=".count)
      if !id.isEmpty { return String(id) }
    }
    return nil
  }

  private func refuse(_ id: ConnectionID, _ error: FrameError) {
    metrics.frameError(error.code)
    sink.send(ServerFrame.error(code: error.code, message: error.message), to: id)
    if let close = error.close { sink.close(id, code: close.rawValue, reason: error.code) }
  }

  private func helloTimedOut(_ id: ConnectionID) {
    let waiting = connections.withLock { table -> Bool in
      guard let connection = table[id], case .awaitingHello = connection.phase else { return false }
      return true
    }
    if waiting { sink.close(id, code: CloseCode.protocolError.rawValue, reason: "no hello in time") }
  }
}
