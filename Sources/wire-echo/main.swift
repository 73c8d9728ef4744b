// wire-echo: GavelWire with an echo handler, for transport conformance tests (RFC 6455
// behaviour, limits, close codes) without the rest of gaveld.
//
//   wire-echo [--port N] [--max-message BYTES] [--outbox FRAMES] [--web-root DIR]
//
// Prints `listening on http://127.0.0.1:PORT` once bound; SIGINT/SIGTERM close clients with
// 1001 and exit 0. A text message "close CODE" makes the server close with CODE.
import Dispatch
import GavelWire
import Logging

ShutdownSignals.block()  // before the lws thread exists, so it inherits the block

#if canImport(Glibc)
  import Glibc
#endif

/// Echoes every message back as the same kind of frame. Runs on the lws thread.
final class EchoHandler: WireHandler {
  let server: WireServer
  init(server: WireServer) { self.server = server }

  func wireOpened(_ id: ConnectionID, path: String, peer: String) {}

  func wireReceived(_ id: ConnectionID, _ message: [UInt8], isText: Bool) {
    if isText, message.starts(with: Array("close ".utf8)),
      let code = UInt16(String(decoding: message.dropFirst(6), as: UTF8.self))
    {
      server.close(id, code: code, reason: "requested")
      return
    }
    server.send(Frame(message, binary: !isText), to: id)
  }

  func wireClosed(_ id: ConnectionID) {}

  func wireHTTP(path: String) -> HTTPResponse? {
    guard path == "/healthz" else { return nil }
    return HTTPResponse(
      status: 200, contentType: "application/json", body: Array(#"{"status":"ok"}"#.utf8))
  }
}

func fail(_ message: String) -> Never {
  let line = "wire-echo: \(message)\n"
  _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
  exit(2)
}

var config = WireConfig()
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
  guard let value = arguments.popFirst() else { fail("\(flag) needs a value") }
  switch flag {
  case "--port": config.port = Int(value) ?? -1
  case "--max-message": config.maxMessageBytes = Int(value) ?? 0
  case "--outbox": config.outboxLimit = Int(value) ?? 0
  case "--web-root": config.webRoot = value
  default: fail("unknown option \(flag) (see the header of Sources/wire-echo/main.swift)")
  }
}

var logger = Logger(label: "wire-echo")
logger.logLevel = .warning
let server = WireServer(config: config, logger: logger)
let port: Int
do {
  port = try server.start(handler: EchoHandler(server: server))
} catch {
  fail(error.message)
}
print("listening on http://127.0.0.1:\(port)")
fflush(nil)

ShutdownSignals.handle { _ in
  server.stop(code: 1001, graceMs: 2000)
  exit(0)
}
ShutdownSignals.park()
