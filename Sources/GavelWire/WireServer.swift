// The Sendable facade of the transport (runtime rule 6). Any thread may call it; it never
// touches lws itself except through HandOver. The lws thread and everything it owns live in a
// ServiceLoop created inside the service Thread.
import Dispatch
import Foundation
import Logging

public final class WireServer: Sendable {
  private let config: WireConfig
  private let logger: Logger
  private let handOver = HandOver()
  private let counters = WireCounters()
  private let lifecycle = PThreadLock(Lifecycle.idle)
  /// Entered at start, left when the service thread has destroyed the context.
  private let running = DispatchGroup()

  private enum Lifecycle: Sendable { case idle, running, stopped }

  /// Any thread. Nothing starts until `start`.
  public init(config: WireConfig, logger: Logger) {
    self.config = config
    self.logger = logger
  }

  /// Any thread (blocks until bound). Binds, spawns the lws service thread and returns the
  /// real port. Throws if the settings are invalid or the address cannot be bound.
  public func start(handler: any WireHandler) throws(WireError) -> Int {
    let config = try config.validated()
    try config.checkTLSFiles()
    try lifecycle.withLock { state throws(WireError) in
      guard state == .idle else { throw WireError("this WireServer was already started") }
      state = .running
    }
    _ = LWSLog.configureOnce
    let outcome = PThreadLock<Result<Int, WireError>?>(nil)
    let ready = DispatchSemaphore(value: 0)
    running.enter()
    let thread = Thread { [logger, handOver, counters, running] in
      let loop = ServiceLoop(
        config: config, logger: logger, handler: handler, handOver: handOver, counters: counters)
      loop.run { result in
        outcome.withLock { $0 = result }
        ready.signal()
      }
      running.leave()
    }
    thread.name = "gavel.lws"
    thread.start()
    ready.wait()
    switch outcome.withLock({ $0 }) {
    case .success(let port)?:
      return port
    case .failure(let error)?:
      running.wait()
      lifecycle.withLock { $0 = .stopped }
      throw error
    case nil:
      throw WireError("the lws service thread ended before reporting")
    }
  }

  /// Any thread. Queue `frame` for one connection; unknown or closing ids are ignored.
  public func send(_ frame: Frame, to id: ConnectionID) {
    handOver.post(.send(frame, id))
  }

  /// Any thread. Queue the same shared `frame` for many connections in one hand-over.
  public func send(_ frame: Frame, to ids: [ConnectionID]) {
    send(frame, to: ids, delivery: .prompt)
  }

  /// Any thread. As above; `.batched` frames may wait for the batch window (`Delivery`).
  public func send(_ frame: Frame, to ids: [ConnectionID], delivery: Delivery) {
    guard !ids.isEmpty else { return }
    handOver.post(.deliver(.frame(frame, ids, delivery)))
  }

  /// Any thread. Everything in `batch`, in order, in one hand-over (one wake-up).
  public func send(_ batch: WireBatch) {
    guard !batch.isEmpty else { return }
    handOver.post(contentsOf: batch.items.map(WireCommand.deliver))
  }

  /// Any thread. Close `id` with `code` once its already-queued frames are written.
  public func close(_ id: ConnectionID, code: UInt16, reason: String) {
    handOver.post(.deliver(.close(id, code: code, reason: reason)))
  }

  /// Any thread except the lws thread (blocks; a handler calling it would wait for itself).
  /// Closes every connection with `code`, waits up to `graceMs` for them to go, then ends the
  /// lws thread and destroys the context. Idempotent.
  public func stop(code: UInt16 = 1001, graceMs: Int = 2000) {
    let wasRunning = lifecycle.withLock { state -> Bool in
      defer { if state == .running { state = .stopped } }
      return state == .running
    }
    if wasRunning {
      let deadline = DispatchTime.now() + .milliseconds(max(0, graceMs))
      handOver.post(.stop(code: code, deadline: deadline))
      if running.wait(timeout: deadline) == .timedOut {
        handOver.wake()  // lws_service only returns on I/O or a cancel (pitfall 10)
      }
    }
    running.wait()
  }

  /// Any thread. Counters, read without locking.
  public var stats: WireStats { counters.snapshot }
}
