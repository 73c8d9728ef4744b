// Loads and validates gaveld.toml and every committee it names. Owns the daemon's "never start
// half-working" promise at the config level: any problem is one ConfigError, nothing is defaulted
// silently except the documented defaults.
import Foundation
import GavelCore

public enum ConfigLoader {
  static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
  /// The names of `WireEventLoop`'s cases (the config layer does not link the wire).
  static let eventLoops = ["poll", "epoll"]
  static let topKeys = [
    "listen", "data_dir", "web_root", "log_level", "snapshot_every", "event_loop", "committees", "limits", "tls",
    "store",
  ]
  public static let defaultListen = "127.0.0.1:8080"
  public static let defaultDataDir = "./data"
  public static let defaultWebRoot = "web"

  /// Reads `path`, applies the `--listen` / `--data` overrides and loads every committee file.
  public static func load(path: String, listen: String? = nil, data: String? = nil) throws(ConfigError) -> GaveldConfig
  {
    let root = try readTable(
      path, what: "config file", fix: "check the path given to --config (default Config/gaveld.toml)")
    try root.checkKeys(topKeys)

    let address: ListenAddress
    if let listen {
      address = try parseListen(listen, error: { ConfigError(file: "command line", key: "--listen", message: $0) })
    } else {
      let text = try root.optionalString("listen", example: "\"\(defaultListen)\"") ?? defaultListen
      address = try parseListen(text, error: { root.error("listen", $0) })
    }

    let dataDir: String
    if let data {
      guard !data.isEmpty else {
        throw ConfigError(file: "command line", key: "--data", message: "is empty — name a folder, e.g. --data ./data")
      }
      dataDir = ConfigPaths.absolute(data)
      if ConfigPaths.kind(dataDir) == .file {
        throw ConfigError(
          file: "command line", key: "--data", message: "'\(data)' is a file — name a folder (it is created if missing)"
        )
      }
    } else {
      let text = try root.optionalString("data_dir", example: "\"\(defaultDataDir)\"") ?? defaultDataDir
      dataDir = try folder(root, "data_dir", text, example: defaultDataDir)
    }
    let webText = try root.optionalString("web_root", example: "\"\(defaultWebRoot)\"") ?? defaultWebRoot
    let webRoot = try folder(root, "web_root", webText, example: defaultWebRoot)

    let logLevel = try root.optionalString("log_level", example: "\"info\"") ?? "info"
    guard logLevels.contains(logLevel) else {
      throw root.error(
        "log_level", "'\(logLevel)' is not a log level — use one of \(logLevels.joined(separator: ", "))")
    }
    let snapshotEvery = try root.int("snapshot_every", default: 1000, range: 1...1_000_000)
    let eventLoop = try root.optionalString("event_loop", example: "\"epoll\"") ?? "epoll"
    guard eventLoops.contains(eventLoop) else {
      throw root.error("event_loop", "'\(eventLoop)' is not an event loop — use poll or epoll")
    }
    let limits = try readLimits(try root.table("limits"))
    let tls = try readTLS(try root.table("tls"))
    let walAutocheckpoint = try readStore(try root.table("store"))
    let committees = try readCommittees(root, configPath: path)
    var config = GaveldConfig(
      configPath: path, listenHost: address.host, listenPort: address.port, dataDir: dataDir, webRoot: webRoot,
      logLevel: logLevel, snapshotEvery: snapshotEvery, limits: limits, tls: tls, committees: committees)
    config.walAutocheckpoint = walAutocheckpoint
    config.eventLoop = eventLoop
    return config
  }

  // MARK: Pieces

  /// Reads and parses one TOML file into a checked table.
  static func readTable(_ path: String, what: String, fix: String) throws(ConfigError) -> ConfigTable {
    guard let bytes = ConfigPaths.read(path) else {
      let why = ConfigPaths.kind(path) == .directory ? "is a folder, not a \(what)" : "cannot read the \(what)"
      throw ConfigError(file: path, key: nil, message: "\(why) — \(fix)")
    }
    let document: JSON
    do {
      document = try TOML.parse(bytes)
    } catch {
      throw ConfigError(
        file: path, key: nil, message: "\(error.reason) — fix the TOML syntax at this line and column",
        line: error.line, column: error.column)
    }
    return ConfigTable(file: path, fields: document.objectValue ?? [:])
  }

  static func parseListen(_ text: String, error: (String) -> ConfigError) throws(ConfigError) -> ListenAddress {
    switch ListenAddress.parse(text) {
    case .success(let address): return address
    case .failure(let failure): throw error(failure.reason)
    }
  }

  /// A folder setting: non-empty, resolved against the working directory, not an existing file.
  /// A missing folder is fine (gaveld creates `data_dir`; a missing `web_root` serves 404s).
  static func folder(_ table: ConfigTable, _ key: String, _ text: String, example: String) throws(ConfigError) -> String
  {
    guard !text.isEmpty else { throw table.error(key, "is empty — name a folder, e.g. \(key) = \"\(example)\"") }
    let path = ConfigPaths.absolute(text)
    if ConfigPaths.kind(path) == .file {
      throw table.error(key, "'\(text)' is a file — name a folder (relative paths start at the working directory)")
    }
    return path
  }

  /// TOML puts every key after a `[section]` header into that section; say so when it happens.
  static func checkMisplaced(_ table: ConfigTable) throws(ConfigError) {
    for key in table.fields.keys.sorted() where topKeys.contains(key) {
      throw table.error(key, "belongs at the top of the file — move it above the first [section]")
    }
  }

  static func readLimits(_ table: ConfigTable?) throws(ConfigError) -> Limits {
    var limits = Limits()
    guard let table else { return limits }
    try checkMisplaced(table)
    try table.checkKeys([
      "max_frame_bytes", "hello_timeout_ms", "ping_seconds", "hangup_seconds", "outbox_frames",
      "commands_per_second", "command_burst", "max_command_id_length", "replace_connections", "board_batch_ms",
    ])
    limits.maxFrameBytes = try table.int("max_frame_bytes", default: limits.maxFrameBytes, range: 1024...16_777_216)
    limits.helloTimeoutMs = try table.int("hello_timeout_ms", default: limits.helloTimeoutMs, range: 100...600_000)
    limits.pingSeconds = try table.int("ping_seconds", default: limits.pingSeconds, range: 1...3600)
    limits.hangupSeconds = try table.int("hangup_seconds", default: limits.hangupSeconds, range: 2...7200)
    guard limits.hangupSeconds > limits.pingSeconds else {
      throw table.error(
        "hangup_seconds",
        "\(limits.hangupSeconds) is not longer than ping_seconds (\(limits.pingSeconds)) — make it at least twice ping_seconds"
      )
    }
    limits.outboxFrames = try table.int("outbox_frames", default: limits.outboxFrames, range: 16...1_000_000)
    limits.boardBatchMs = try table.int("board_batch_ms", default: limits.boardBatchMs, range: 0...1000)
    limits.commandsPerSecond = try table.int(
      "commands_per_second", default: limits.commandsPerSecond, range: 1...10_000)
    limits.commandBurst = try table.int("command_burst", default: limits.commandBurst, range: 1...100_000)
    guard limits.commandBurst >= limits.commandsPerSecond else {
      throw table.error(
        "command_burst",
        "\(limits.commandBurst) is below commands_per_second (\(limits.commandsPerSecond)) — make the burst at least the rate"
      )
    }
    limits.maxCommandIdLength = try table.int(
      "max_command_id_length", default: limits.maxCommandIdLength, range: 1...256)
    limits.replaceConnections = try table.bool("replace_connections", default: limits.replaceConnections)
    return limits
  }

  /// `[store]`: how gaveld shares its files with a replicator. Only `wal_autocheckpoint` so far.
  static func readStore(_ table: ConfigTable?) throws(ConfigError) -> Int {
    guard let table else { return 1000 }
    try checkMisplaced(table)
    try table.checkKeys(["wal_autocheckpoint"])
    return try table.int("wal_autocheckpoint", default: 1000, range: 0...1_000_000)
  }

  static func readTLS(_ table: ConfigTable?) throws(ConfigError) -> TLSConfig? {
    guard let table else { return nil }
    try checkMisplaced(table)
    try table.checkKeys(["cert", "key"])
    let cert = try tlsFile(table, "cert", example: "\"/etc/gavel/tls/fullchain.pem\"")
    let key = try tlsFile(table, "key", example: "\"/etc/gavel/tls/privkey.pem\"")
    return TLSConfig(certPath: cert, keyPath: key)
  }

  static func tlsFile(_ table: ConfigTable, _ key: String, example: String) throws(ConfigError) -> String {
    let text = try table.string(key, example: example)
    let path = ConfigPaths.absolute(text)
    guard ConfigPaths.kind(path) == .file, FileManager.default.isReadableFile(atPath: path) else {
      throw table.error(
        key, "cannot read '\(text)' — give the path of a readable PEM file, or remove the [tls] section")
    }
    return path
  }

  static func readCommittees(_ root: ConfigTable, configPath: String) throws(ConfigError) -> [CommitteeDefinition] {
    let example = "[\"committees/unsc.toml\"]"
    guard let files = try root.stringArray("committees", example: example) else {
      throw root.missing("committees", example: example)
    }
    guard !files.isEmpty else {
      throw root.error("committees", "is empty — name at least one committee file, e.g. committees = \(example)")
    }
    let base = ConfigPaths.directory(of: configPath)
    var seen: [String: Int] = [:]
    var committees: [CommitteeDefinition] = []
    for (i, file) in files.enumerated() {
      let path = ConfigPaths.join(base, file)
      guard ConfigPaths.kind(path) == .file else {
        throw root.error(
          "committees[\(i)]", "cannot find '\(path)' — committee files are relative to the config file's folder")
      }
      let committee = try CommitteeLoader.load(path: path)
      if let first = seen[committee.id] {
        throw ConfigError(
          file: path, key: "id",
          message: "duplicate committee id '\(committee.id)' (also in \(files[first])) — give each committee its own id"
        )
      }
      seen[committee.id] = i
      committees.append(committee)
    }
    return committees
  }
}
