// Startup logs are held back until gaveld is serving: a failed start prints exactly one line
// (protocol.md §1), a successful one prints everything it held, then logs straight to stderr.
import Foundation
import Logging

final class StartupLogGate: Sendable {
  private let held = Locked<[String]?>([])

  /// Any thread. Writes the line now, or holds it while starting.
  func emit(_ line: String) {
    let written = held.withLock { lines -> Bool in
      guard lines != nil else { return false }
      lines!.append(line)
      return true
    }
    if !written { StartupLogGate.write(line) }
  }

  /// Serving: flush what was held and stop holding.
  func open() {
    let lines = held.withLock { lines -> [String] in
      defer { lines = nil }
      return lines ?? []
    }
    for line in lines { StartupLogGate.write(line) }
  }

  /// The start failed: what was held is dropped; the caller prints its one line.
  func discard() { held.withLock { $0 = nil } }

  static func write(_ line: String) {
    _ = (line + "\n").withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
  }
}

/// swift-log handler: `TIME LEVEL LABEL: key=value … message`, one line, through the gate.
struct GatedLogHandler: LogHandler {
  let label: String
  let gate: StartupLogGate
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]
  var metadataProvider: Logger.MetadataProvider?

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var all = metadata
    if let extra = event.metadata { all.merge(extra) { _, new in new } }
    let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    let time = ISO8601DateFormatter().string(from: Date())
    let text = "\(event.message)".replacingOccurrences(of: "\n", with: " ")
    gate.emit("\(time) \(event.level) \(label): \(fields.isEmpty ? "" : fields + " ")\(text)")
  }
}
