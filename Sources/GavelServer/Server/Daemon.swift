// gaveld's life cycle: open (or convene) every committee, start the wire, serve; on shutdown
// stop accepting, finish and commit in-flight commands, close with 1001, close the logs.
import Foundation
import GavelCore
import GavelStore
import GavelWire
import Logging

public final class Daemon: Sendable {
  public let config: GaveldConfig
  private let logger: Logger
  private let wire: WireServer
  private let floors: [Floor]
  private let router: Router
  /// Warnings found while opening (a config that disagrees with a convened committee).
  public let warnings: [String]

  /// Opens every committee's log. Throws before anything is served.
  public init(config: GaveldConfig, logger: Logger) throws(StartupError) {
    self.config = config
    self.logger = logger
    do {
      try FileManager.default.createDirectory(atPath: config.dataDir, withIntermediateDirectories: true)
    } catch {
      throw StartupError(
        code: "data",
        message: "\(config.dataDir): cannot create the data directory: \(error). Fix: create it or choose another with --data.")
    }
    var wireConfig = WireConfig()
    wireConfig.host = config.listenHost
    wireConfig.port = config.listenPort
    wireConfig.webRoot = Daemon.absolute(config.webRoot)
    wireConfig.maxMessageBytes = config.limits.maxFrameBytes
    wireConfig.outboxLimit = config.limits.outboxFrames
    wireConfig.batchWindowMs = config.limits.boardBatchMs
    wireConfig.eventLoop = WireEventLoop(rawValue: config.eventLoop) ?? .poll
    wireConfig.pingSeconds = config.limits.pingSeconds
    wireConfig.hangupSeconds = config.limits.hangupSeconds
    wireConfig.tlsCertPath = config.tls?.certPath
    wireConfig.tlsKeyPath = config.tls?.keyPath
    let wire = WireServer(config: wireConfig, logger: logger)
    self.wire = wire

    var storeOptions = StoreOptions()
    storeOptions.snapshotEvery = config.snapshotEvery
    storeOptions.walAutocheckpoint = config.walAutocheckpoint
    storeOptions.preallocateWAL = true
    var floorOptions = FloorOptions()
    floorOptions.replaceConnections = config.limits.replaceConnections
    // One batch's frames land in every outbox at once: keep a burst well inside the outbox
    // bound, so that 4408 means a slow reader, never a busy committee.
    floorOptions.maxBatch = max(1, min(512, config.limits.outboxFrames / 8))
    // A resume's catch-up frames land in the outbox at once too: half the bound at most.
    floorOptions.maxResumeFrames = max(1, config.limits.outboxFrames / 2)
    let metrics = Metrics()
    var floors: [Floor] = []
    var warnings: [String] = []
    for definition in config.committees {
      let opened = try Convening.open(definition, dataDir: config.dataDir, options: storeOptions, logger: logger)
      if let warning = opened.warning { warnings.append(warning) }
      floors.append(
        Floor(
          committeeId: definition.id, store: opened.store, state: opened.state, sink: wire, metrics: metrics,
          options: floorOptions, logger: logger))
    }
    self.floors = floors
    self.warnings = warnings

    var limits = RouterLimits()
    limits.helloTimeoutMs = config.limits.helloTimeoutMs
    limits.commandsPerSecond = config.limits.commandsPerSecond
    limits.commandBurst = config.limits.commandBurst
    limits.maxCommandIdLength = config.limits.maxCommandIdLength
    let http = HTTPEndpoints(floors: floors, metrics: metrics) { [wire] in Daemon.gauges(wire.stats) }
    self.router = Router(floors: floors, sink: wire, metrics: metrics, limits: limits, logger: logger, http: http)
  }

  /// lws resolves relative mount origins against the working directory; pass it absolute.
  static func absolute(_ path: String) -> String? {
    guard !path.isEmpty else { return nil }
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
  }

  /// Starts serving; returns the real port (the config's may be 0).
  public func start() throws(StartupError) -> Int {
    let port: Int
    do {
      port = try wire.start(handler: router)
    } catch {
      for floor in floors { floor.shutdown() }
      throw StartupError(
        code: "listen",
        message:
          "\(error.message). Fix: stop the process using the port, or choose another with --listen HOST:PORT."
      )
    }
    for floor in floors { floor.start() }
    return port
  }

  /// Graceful stop (SIGTERM/SIGINT): blocks until every committed command is published and
  /// the logs are closed.
  public func shutdown(graceMs: Int = 2000) {
    router.stopAccepting()
    for floor in floors { floor.shutdown() }
    wire.stop(code: CloseCode.goingAway.rawValue, graceMs: graceMs)
    logger.info("gaveld stopped")
  }
}
