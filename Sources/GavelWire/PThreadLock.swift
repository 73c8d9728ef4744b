// The one lock GavelWire uses across threads. pthread-based rather than Synchronization.Mutex
// because ThreadSanitizer does not see Mutex's raw futex calls on Linux and reports false races
// (libwebsockets-notes §9.9); this keeps TSan runs clean.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A value guarded by a pthread mutex. Any thread.
final class PThreadLock<State: Sendable>: @unchecked Sendable {
  // @unchecked: `state` is only touched inside `withLock`, between lock and unlock.
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private var state: State

  init(_ initial: State) {
    state = initial
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deinitialize(count: 1)
    mutex.deallocate()
  }

  /// Any thread. Keep `body` short: the lws thread may be waiting for the same lock.
  func withLock<R, E: Error>(_ body: (inout State) throws(E) -> R) throws(E) -> R {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&state)
  }
}
