import GavelCore

// What a failed given/when/then step reports: a readable account, with the state difference
// as JSON Patch paths rather than two walls of text.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

public struct ScenarioFailure: Error, CustomStringConvertible, Sendable {
  public let description: String
  public init(_ description: String) { self.description = description }
}

/// The state as JSON (sorted keys), for diffs and for golden comparisons.
public func stateJSON(_ state: CommitteeState) -> JSON {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  guard let data = try? encoder.encode(state), let json = try? JSON.parse(Array(data)) else { return .null }
  return json
}

/// Throws a failure listing every differing path when `actual != expected`.
public func expectState(_ actual: CommitteeState, equals expected: CommitteeState, _ what: String = "state") throws {
  guard actual != expected else { return }
  let ops = stateJSON(expected).diff(to: stateJSON(actual))
  let lines = ops.map { op in "  \(op.op.rawValue) \(op.path)\(op.value.map { " = " + $0.text } ?? "")" }
  throw ScenarioFailure(
    "\(what) differs from the expected state (expected → actual):\n" + lines.joined(separator: "\n"))
}
