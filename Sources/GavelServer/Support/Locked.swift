// A value guarded by a lock: the only way threads share mutable state in GavelServer.
// Built on NSLock (pthread), which ThreadSanitizer understands (libwebsockets-notes §9.9).
import Foundation

final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
