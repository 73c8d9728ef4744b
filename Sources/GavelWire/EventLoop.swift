// The loop the lws thread waits in (`WireConfig.eventLoop`). lws 4.1.6 on its own waits with
// poll(2), whose cost grows with the number of open sockets on every wake-up: thousands of idle
// screens, each pinged, keep it busy. With `.epoll`, and Debian's libev plugin for lws
// (libwebsockets-evlib-ev) installed, lws runs on a libev loop of ours instead and a wake-up
// costs what is ready, not what is open (but every write interest switched on and off is a
// system call). The loop is "foreign" to lws: we create it, run it one round at a time exactly
// where lws_service was called, and destroy it after the context, so the service thread's shape
// (runtime rule 6) does not change.
import CLibWebSockets

/// lws thread only.
final class EventLoop {
  /// The libev loop, or nil: lws's built-in poll loop.
  private(set) var handle: UnsafeMutableRawPointer?
  /// Kept alive for lws (`info.foreign_loops` points here until the context is destroyed).
  private let foreignLoops = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 1)
  /// Wakes lws every `beatSeconds` so its timers run on time (see the shim's pacemaker).
  private var pacemaker: UnsafeMutableRawPointer?
  static let beatSeconds = 0.01

  init(preferLibev: Bool) {
    handle = preferLibev ? lwsshim_ev_loop_new() : nil
    foreignLoops.initialize(to: handle)
  }

  deinit {
    if let handle {
      lwsshim_pacemaker_stop(handle, pacemaker)
      lwsshim_ev_loop_destroy(handle)
    }
    foreignLoops.deallocate()
  }

  var name: String {
    guard let handle else { return "poll" }
    return lwsshim_ev_backend_is_epoll(handle) != 0 ? "libev (epoll)" : "libev"
  }

  /// Points the creation info at this loop (nothing to do for lws's own poll loop).
  func apply(to info: inout lws_context_creation_info) {
    guard handle != nil else { return }
    info.options |= lwsshim_opt_libev()
    info.foreign_loops = foreignLoops
  }

  /// The libev plugin could not be loaded: fall back to lws's own loop.
  func useLWSPoll() {
    if let handle { lwsshim_ev_loop_destroy(handle) }
    handle = nil
    foreignLoops.pointee = nil
  }

  /// Once the context runs on this loop.
  func started(_ context: OpaquePointer) {
    guard let handle, pacemaker == nil else { return }
    pacemaker = lwsshim_pacemaker_start(handle, context, Self.beatSeconds)
  }

  /// Before the context is destroyed: no more beats into it.
  func stopping() {
    guard let handle else { return }
    lwsshim_pacemaker_stop(handle, pacemaker)
    pacemaker = nil
  }

  /// One round: wait until something is ready (I/O, an lws timer, a cancel), handle it. False
  /// when lws reports its service failed.
  func runOnce(_ context: OpaquePointer) -> Bool {
    if let handle {
      lwsshim_ev_run_once(handle)
      return true
    }
    return lws_service(context, 0) >= 0
  }
}
