// Counters for `/metrics` (Prometheus text format 0.0.4). Cheap to update from any thread;
// rendered on the lws thread, so rendering only formats what is already counted.

public final class Metrics: Sendable {
  struct Histogram {
    static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    var buckets = [Int](repeating: 0, count: bounds.count)
    var count = 0
    var sum = 0.0

    mutating func observe(_ seconds: Double) {
      for (i, bound) in Self.bounds.enumerated() where seconds <= bound { buckets[i] += 1 }
      count += 1
      sum += seconds
    }
  }

  struct Counts {
    var connections: [String: Int] = [:]
    var commands: [String: Int] = [:]
    var rejects: [String: Int] = [:]
    var frameErrors: [String: Int] = [:]
    var append = Histogram()
    var fanout = Histogram()
  }

  private let counts = Locked(Counts())

  public init() {}

  func connectionJoined(_ role: String) { counts.withLock { $0.connections[role, default: 0] += 1 } }
  func connectionLeft(_ role: String) { counts.withLock { $0.connections[role, default: 0] -= 1 } }
  func commandReceived(_ committee: String) { counts.withLock { $0.commands[committee, default: 0] += 1 } }
  func commandRejected(_ code: String) { counts.withLock { $0.rejects[code, default: 0] += 1 } }
  func frameError(_ code: String) { counts.withLock { $0.frameErrors[code, default: 0] += 1 } }
  func observeAppend(_ seconds: Double) { counts.withLock { $0.append.observe(seconds) } }
  func observeFanout(_ seconds: Double) { counts.withLock { $0.fanout.observe(seconds) } }

  /// The exposition text; `extra` adds gauges owned elsewhere (the wire's outbox drops, seqs).
  func render(extra: [(name: String, help: String, type: String, samples: [(labels: String, value: Double)])]) -> String {
    let c = counts.withLock { $0 }
    var out = ""
    func family(_ name: String, _ help: String, _ type: String, _ samples: [(String, Double)]) {
      out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
      for (labels, value) in samples { out += "\(name)\(labels) \(format(value))\n" }
    }
    let roles = ["chair", "delegate", "display", "auditor"]
    family(
      "gavel_connections", "Joined connections by role.", "gauge",
      roles.map { ("{role=\"\($0)\"}", Double(c.connections[$0] ?? 0)) })
    family(
      "gavel_commands_total", "Commands received by committee.", "counter",
      c.commands.sorted { $0.key < $1.key }.map { ("{committee=\"\(escape($0.key))\"}", Double($0.value)) })
    family(
      "gavel_rejects_total", "Commands rejected, by rejection code.", "counter",
      c.rejects.sorted { $0.key < $1.key }.map { ("{code=\"\($0.key)\"}", Double($0.value)) })
    family(
      "gavel_frame_errors_total", "Frames refused before reaching a committee, by error code.", "counter",
      c.frameErrors.sorted { $0.key < $1.key }.map { ("{code=\"\($0.key)\"}", Double($0.value)) })
    histogram(&out, "gavel_append_seconds", "Time to commit one batch to the log.", c.append)
    histogram(&out, "gavel_fanout_seconds", "Time to evolve and enqueue one batch's event frames.", c.fanout)
    for e in extra { family(e.name, e.help, e.type, e.samples.map { ($0.labels, $0.value) }) }
    return out
  }

  private func histogram(_ out: inout String, _ name: String, _ help: String, _ h: Histogram) {
    out += "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
    for (i, bound) in Histogram.bounds.enumerated() {
      out += "\(name)_bucket{le=\"\(format(bound))\"} \(h.buckets[i])\n"
    }
    out += "\(name)_bucket{le=\"+Inf\"} \(h.count)\n\(name)_sum \(format(h.sum))\n\(name)_count \(h.count)\n"
  }

  private func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  private func escape(_ label: String) -> String {
    label.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
  }
}
