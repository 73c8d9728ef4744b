// How a server process learns to stop: SIGTERM and SIGINT are blocked in every thread and taken
// by one thread with sigwait. Not libdispatch signal sources: under dispatchMain the main thread
// waits in sigsuspend with every signal unblocked, so a process-directed signal can be delivered
// there instead of to the source's signalfd and be lost (seen: a SIGTERM that wire-echo never
// acted on, and a test that waited for it forever).
#if canImport(Glibc)
  import Glibc
#endif
import Foundation

public enum ShutdownSignals {
  static let numbers: [Int32] = [SIGTERM, SIGINT]

  private static var set: sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for number in numbers { sigaddset(&set, number) }
    return set
  }

  /// Blocks SIGTERM and SIGINT in the calling thread. Call first thing in `main`, before any
  /// thread exists: every thread started later inherits the block, so only `sigwait` sees them.
  public static func block() {
    var blocked = set
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
  }

  /// Starts the thread that waits for the signals and calls `handler` with each one.
  public static func handle(_ handler: @escaping @Sendable (Int32) -> Void) {
    let thread = Thread {
      var waited = set
      while true {
        var number: Int32 = 0
        if sigwait(&waited, &number) == 0 { handler(number) }
      }
    }
    thread.name = "signals"
    thread.start()
  }

  /// Parks the calling (main) thread for good, with the signals still blocked (unlike
  /// `dispatchMain`, which unblocks them all there). The process ends through `exit`.
  public static func park() -> Never {
    while true { pause() }
  }
}
