// gaveld: arguments, config, logging, signals — then the Daemon does the work (protocol.md §1).
// Errors are one line on stderr with exit code 2; the ready line goes to stdout, flushed.
import ArgumentParser
import Dispatch
import Foundation
import GavelServer
import Logging

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

// SIGTERM/SIGINT: a handler that only writes a byte to a pipe (async-signal-safe, self-pipe);
// a plain thread reads it and stops the daemon. Unlike SIG_IGN plus a dispatch signal source, this
// works whichever thread the kernel picks: with SIG_IGN, a signal delivered to one of the threads
// the daemon starts was discarded and gaveld did not stop (seen right after the ready line).
nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1
var signalPipe: [Int32] = [-1, -1]
guard pipe(&signalPipe) == 0 else {
  FileHandle.standardError.write(Data("gaveld: cannot create the signal pipe; check the open-files limit (ulimit -n)\n".utf8))
  exit(2)
}
signalPipeWriteEnd = signalPipe[1]
let signalPipeReadEnd = signalPipe[0]
var shutdownAction = sigaction()
shutdownAction.__sigaction_handler.sa_handler = { _ in
  var byte: UInt8 = 1
  _ = write(signalPipeWriteEnd, &byte, 1)
}
sigemptyset(&shutdownAction.sa_mask)
shutdownAction.sa_flags = Int32(SA_RESTART)
sigaction(SIGTERM, &shutdownAction, nil)
sigaction(SIGINT, &shutdownAction, nil)

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

let daemon: Daemon
let port: Int
do {
  daemon = try Daemon(config: config, logger: logger)
  for warning in daemon.warnings { logger.warning("\(warning)") }
  port = try daemon.start()
} catch {
  gate.discard()
  fail(error.description)
}
gate.open()

// The signal is handled on an ordinary thread, not in the async-signal handler (libwebsockets-notes
// §9.5); a signal that arrived during startup is waiting in the pipe.
let signalWaiter = Thread { @Sendable in
  var byte: UInt8 = 0
  while read(signalPipeReadEnd, &byte, 1) != 1 {}
  logger.info("signal received; finishing in-flight commands")
  daemon.shutdown()
  exit(0)
}
signalWaiter.name = "gaveld-signals"
signalWaiter.start()

let scheme = config.tls == nil ? "http" : "https"
let host = config.listenHost.contains(":") ? "[\(config.listenHost)]" : config.listenHost
print("gaveld listening on \(scheme)://\(host):\(port)")
fflush(nil)
dispatchMain()
