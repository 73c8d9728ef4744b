// The daemon's validated configuration. Owns one promise: a value of these types is complete and
// in range (ConfigLoader refuses anything else), so the server never re-checks its settings.
import GavelCore

public struct GaveldConfig: Sendable {
  /// The config file as given on the command line.
  public var configPath: String
  public var listenHost: String
  /// 0 asks the OS for a free port; the ready line prints the real one.
  public var listenPort: Int
  /// Absolute path of the folder holding `COMMITTEE_ID.gavel` files.
  public var dataDir: String
  /// Absolute path of the folder the static web clients are served from.
  public var webRoot: String
  /// A swift-log level name: trace, debug, info, notice, warning, error, critical.
  public var logLevel: String
  /// Events between two state snapshots in a committee's log.
  public var snapshotEvery: Int
  /// `[store] wal_autocheckpoint`: WAL pages per automatic checkpoint; 0 leaves checkpoints to
  /// Litestream (deploy/litestream.yml).
  public var walAutocheckpoint: Int = 1000
  /// `event_loop`: what the WebSocket thread waits with, "epoll" or "poll" (`WireEventLoop`,
  /// docs/operations.md).
  public var eventLoop = "epoll"
  public var limits: Limits
  public var tls: TLSConfig?
  public var committees: [CommitteeDefinition]

  public init(
    configPath: String, listenHost: String, listenPort: Int, dataDir: String, webRoot: String,
    logLevel: String = "info", snapshotEvery: Int = 1000, limits: Limits = Limits(), tls: TLSConfig? = nil,
    committees: [CommitteeDefinition]
  ) {
    self.configPath = configPath
    self.listenHost = listenHost
    self.listenPort = listenPort
    self.dataDir = dataDir
    self.webRoot = webRoot
    self.logLevel = logLevel
    self.snapshotEvery = snapshotEvery
    self.limits = limits
    self.tls = tls
    self.committees = committees
  }
}

/// Connection and flood limits (protocol.md §2). The defaults are the protocol's.
public struct Limits: Sendable, Equatable {
  /// Larger inbound frames close the connection with 1009.
  public var maxFrameBytes = 65536
  /// No hello within this time: close 4400.
  public var helloTimeoutMs = 10000
  /// Idle connections are pinged this often…
  public var pingSeconds = 20
  /// …and dropped when nothing arrives for this long.
  public var hangupSeconds = 40
  /// Per-connection outbox bound; past it the connection is closed with 4408.
  public var outboxFrames = 1024
  /// Longest a ballot waits to reach a connection that is not the chair's or the called seat's,
  /// so that a quick run of ballots goes out in one write (0: every event at once).
  public var boardBatchMs = 100
  /// Token bucket per credential: sustained rate and burst; beyond it commands get rate_limited.
  public var commandsPerSecond = 50
  public var commandBurst = 200
  public var maxCommandIdLength = 64
  /// A second connection of the same credential closes the first with 4409.
  public var replaceConnections = false

  public init() {}

  public init(
    maxFrameBytes: Int = 65536, helloTimeoutMs: Int = 10000, pingSeconds: Int = 20, hangupSeconds: Int = 40,
    outboxFrames: Int = 1024, commandsPerSecond: Int = 50, commandBurst: Int = 200, maxCommandIdLength: Int = 64,
    replaceConnections: Bool = false, boardBatchMs: Int = 100
  ) {
    self.maxFrameBytes = maxFrameBytes
    self.helloTimeoutMs = helloTimeoutMs
    self.pingSeconds = pingSeconds
    self.hangupSeconds = hangupSeconds
    self.outboxFrames = outboxFrames
    self.commandsPerSecond = commandsPerSecond
    self.commandBurst = commandBurst
    self.maxCommandIdLength = maxCommandIdLength
    self.replaceConnections = replaceConnections
    self.boardBatchMs = boardBatchMs
  }
}

/// Certificate and private key (PEM) for serving `https://` and `wss://` directly.
public struct TLSConfig: Sendable, Equatable {
  /// Absolute paths; both files existed and were readable when the config was loaded.
  public var certPath: String
  public var keyPath: String

  public init(certPath: String, keyPath: String) {
    self.certPath = certPath
    self.keyPath = keyPath
  }
}
