// Why gaveld refused to start: one line naming the file, key or port, and the fix (protocol.md §1).
// The daemon prints `description` on stderr and exits 2; it never starts half-working.

public struct StartupError: Error, Sendable, CustomStringConvertible {
  /// Stable: `config`, `data`, `listen`.
  public let code: String
  public let message: String

  public init(code: String, message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
