// lws logs through one process-global emitter (pitfall 12). Route errors and warnings into
// swift-log once; the C emitter captures nothing, so it reaches a global immutable Logger.
import CLibWebSockets
import Logging

private let lwsLogger = Logger(label: "gavel.lws")

enum LWSLog {
  /// Any thread; runs its body once per process.
  static let configureOnce: Void = {
    lws_set_log_level(LLL_ERR | LLL_WARN) { level, line in
      guard let line else { return }
      var text = String(cString: line)
      while text.last == "\n" || text.last == "\r" { text.removeLast() }
      if level & LLL_ERR != 0 {
        lwsLogger.error("\(text)")
      } else {
        lwsLogger.warning("\(text)")
      }
    }
  }()
}
