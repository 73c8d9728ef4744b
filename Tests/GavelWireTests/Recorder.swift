// A real WireHandler for the tests: records what the lws thread reports, optionally echoes,
// and lets a test await a condition on that record (no sleeping; a deadline only fails).
import Foundation
import GavelWire
import Logging

struct Record: Sendable {
  var opened: [ConnectionID] = []
  var paths: [ConnectionID: String] = [:]
  var received: [ConnectionID: [[UInt8]]] = [:]
  var closed: Set<ConnectionID> = []
}

struct TimedOut: Error, CustomStringConvertible {
  let description: String
}

final class Recorder: WireHandler {
  private struct Waiter {
    let token: Int
    let predicate: @Sendable (Record) -> Bool
    let continuation: CheckedContinuation<Record, any Error>
  }
  private struct State {
    var record = Record()
    var waiters: [Waiter] = []
    var nextToken = 0
  }
  private let state = Locked(State())
  private let server = Locked<WireServer?>(nil)
  let echo: Bool
  let http: @Sendable (String) -> HTTPResponse?

  init(echo: Bool = false, http: @escaping @Sendable (String) -> HTTPResponse? = { _ in nil }) {
    self.echo = echo
    self.http = http
  }

  func attach(_ server: WireServer) { self.server.withLock { $0 = server } }

  private func update(_ change: (inout Record) -> Void) {
    let ready = state.withLock { s -> [(CheckedContinuation<Record, any Error>, Record)] in
      change(&s.record)
      let record = s.record
      let hits = s.waiters.filter { $0.predicate(record) }
      s.waiters.removeAll { $0.predicate(record) }
      return hits.map { ($0.continuation, record) }
    }
    for (continuation, record) in ready { continuation.resume(returning: record) }
  }

  func wireOpened(_ id: ConnectionID, path: String, peer: String) {
    update {
      $0.opened.append(id)
      $0.paths[id] = path
    }
  }

  func wireReceived(_ id: ConnectionID, _ message: [UInt8], isText: Bool) {
    update { $0.received[id, default: []].append(message) }
    if echo, let server = server.withLock({ $0 }) {
      server.send(Frame(message, binary: !isText), to: id)
    }
  }

  func wireClosed(_ id: ConnectionID) { update { $0.closed.insert(id) } }

  func wireHTTP(path: String) -> HTTPResponse? { http(path) }

  var record: Record { state.withLock { $0.record } }

  /// Suspends until `predicate` holds for the record; fails after `seconds`.
  @discardableResult
  func wait(
    _ what: String, seconds: Double = 20, until predicate: @escaping @Sendable (Record) -> Bool
  ) async throws -> Record {
    let token = state.withLock { s -> Int in
      s.nextToken += 1
      return s.nextToken
    }
    let timer = Task { [weak self] in
      try await Task.sleep(for: .seconds(seconds))
      self?.fail(token, TimedOut(description: "timed out after \(seconds)s waiting for \(what)"))
    }
    defer { timer.cancel() }
    return try await withCheckedThrowingContinuation { continuation in
      let now = state.withLock { s -> Record? in
        if predicate(s.record) { return s.record }
        s.waiters.append(Waiter(token: token, predicate: predicate, continuation: continuation))
        return nil
      }
      if let now { continuation.resume(returning: now) }
    }
  }

  private func fail(_ token: Int, _ error: any Error) {
    let waiter = state.withLock { s -> Waiter? in
      guard let i = s.waiters.firstIndex(where: { $0.token == token }) else { return nil }
      return s.waiters.remove(at: i)
    }
    waiter?.continuation.resume(throwing: error)
  }
}

/// A value behind an NSLock (pthread-based, so ThreadSanitizer sees it; Synchronization.Mutex
/// on Linux is raw futexes TSan reports as races — libwebsockets-notes §9.9).
final class Locked<State>: @unchecked Sendable {
  // @unchecked: `state` is only touched between lock() and unlock().
  private let lock = NSLock()
  private var state: State
  init(_ initial: State) { state = initial }
  func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&state)
  }
}

/// Runs blocking socket work on a GCD thread, off Swift's small cooperative pool.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread.detachNewThread {
      continuation.resume(with: Result { try body() })
    }
  }
}

/// A started WireServer with its recorder; `stop()` at the end of every test.
struct Harness {
  let server: WireServer
  let recorder: Recorder
  let port: Int

  init(_ configure: (inout WireConfig) -> Void = { _ in }, recorder: Recorder = Recorder(echo: true))
    throws
  {
    var config = WireConfig()
    configure(&config)
    var logger = Logger(label: "wire-test")
    logger.logLevel = .warning
    server = WireServer(config: config, logger: logger)
    self.recorder = recorder
    recorder.attach(server)
    port = try server.start(handler: recorder)
  }

  /// Connects a client and waits until the server has reported it; returns both ends.
  func connect(path: String = "/ws", subprotocol: String? = "gavel.v1", receiveBufferBytes: Int32? = nil)
    async throws -> (WSClient, ConnectionID)
  {
    let before = recorder.record.opened.count
    let port = self.port
    let client = try await offPool {
      try WSClient(port: port, path: path, subprotocol: subprotocol, receiveBufferBytes: receiveBufferBytes)
    }
    let record = try await recorder.wait("connection \(before + 1) opened") {
      $0.opened.count > before
    }
    return (client, record.opened[before])
  }

  func stop() async {
    let server = self.server
    _ = try? await offPool { server.stop() }
  }
}
