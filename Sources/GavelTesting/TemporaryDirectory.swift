// A fresh directory under the system temp dir for one test, removed when the value goes away,
// so tests use real files (real SQLite) without leaking them.
import Foundation

public final class TemporaryDirectory: Sendable {
  public let path: String

  public init(prefix: String = "gavel-test") throws {
    let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
    var template = Array("\(base)\(prefix)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard let made else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: base]) }
    path = String(cString: made)
  }

  /// The path of `name` inside the directory (not created).
  public func file(_ name: String) -> String { "\(path)/\(name)" }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
