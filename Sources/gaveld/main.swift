// gaveld: arguments, config, logging, signals — then the Daemon does the work (protocol.md §1).
// Errors are one line on stderr with exit code 2; the ready line goes to stdout, flushed.
import ArgumentParser
import Dispatch
import Foundation
import GavelServer
import GavelWire
import Logging

ShutdownSignals.block()  // before any thread exists, so every thread inherits the block

struct Gaveld: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaveld", abstract: "The Gavel debate-floor and voting daemon.")

  @Option(help: "The TOML config file.")
  var config = "Config/gaveld.toml"

  @Option(help: "HOST:PORT to listen on (port 0 picks a free port); overrides the config.")
  var listen: String?

  @Option(help: "Directory of the committees' data files; overrides the config.")
  var data: String?
}

func fail(_ message: String) -> Never {
  StartupLogGate.write("gaveld: " + message.replacingOccurrences(of: "\n", with: " "))
  exit(2)
}

let arguments: Gaveld
do {
  arguments = try Gaveld.parse()
} catch {
  if Gaveld.exitCode(for: error) == .success {
    print(Gaveld.fullMessage(for: error))
    exit(0)
  }
  fail(Gaveld.message(for: error) + " (see gaveld --help)")
}

let config: GaveldConfig
do {
  config = try ConfigLoader.load(path: arguments.config, listen: arguments.listen, data: arguments.data)
} catch {
  fail(error.description)
}

let level = Logger.Level(rawValue: config.logLevel) ?? .info
let gate = StartupLogGate()
LoggingSystem.bootstrap { @Sendable label in GatedLogHandler(label: label, gate: gate, logLevel: level) }
let logger = Logger(label: "gaveld")

// SIGTERM/SIGINT are taken by one thread (sigwait), armed before the logs are opened, so a
// signal during startup also ends the process cleanly (exit 0; SQLite commits are atomic).
let running = Locked<(daemon: Daemon?, stopping: Bool)>((nil, false))
ShutdownSignals.handle { _ in
  let daemon = running.withLock { state -> Daemon?? in
    guard !state.stopping else { return .none }
    state.stopping = true
    return .some(state.daemon)
  }
  guard case .some(let serving) = daemon else { return }  // already stopping
  logger.info("signal received; finishing in-flight commands")
  serving?.shutdown()
  exit(0)
}

let port: Int
do {
  let daemon = try Daemon(config: config, logger: logger)
  for warning in daemon.warnings { logger.warning("\(warning)") }
  port = try daemon.start()
  let stopping = running.withLock { state -> Bool in
    state.daemon = daemon
    return state.stopping
  }
  if stopping {  // a signal came while starting: stop what was started
    daemon.shutdown()
    exit(0)
  }
} catch {
  gate.discard()
  fail(error.description)
}
gate.open()

let scheme = config.tls == nil ? "http" : "https"
let host = config.listenHost.contains(":") ? "[\(config.listenHost)]" : config.listenHost
print("gaveld listening on \(scheme)://\(host):\(port)")
fflush(nil)
ShutdownSignals.park()
