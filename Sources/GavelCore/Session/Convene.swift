// The first event of every log (design rule 5): the committee's roster and rules as data, with
// the hash the server computed over their canonical bytes. The core has no crypto, so the hash
// arrives from outside and is only carried; `canonicalBytes(of:)` gives the bytes to hash.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

public struct CommitteeConvened: EventPayload {
  public static let wireName = "committeeConvened"
  public var definition: CommitteeDefinition
  /// Hex SHA-256 of `JSON`-canonical bytes of `definition`.
  public var definitionHash: String
  public var at: Int64

  public init(definition: CommitteeDefinition, definitionHash: String, at: Int64) {
    self.definition = definition
    self.definitionHash = definitionHash
    self.at = at
  }

  /// Starts the committee afresh: convening is the beginning of its history.
  public func apply(to state: inout CommitteeState) {
    state = CommitteeState()
    state.definition = definition
    state.definitionHash = definitionHash
    state.topic = definition.topic
    state.session.since = at
    let floor = definition.rules.floor
    state.speakers.speakingTimeMs = floor.defaultSpeakingTimeMs
    state.speakers.open = floor.gslOpensWhenAgendaSet && !definition.topic.isEmpty
  }
}

/// The event that starts a committee's log.
public func convene(_ definition: CommitteeDefinition, definitionHash: String, at: Int64) -> Event {
  Event(CommitteeConvened(definition: definition, definitionHash: definitionHash, at: at))
}

/// The canonical JSON bytes of a definition (sorted keys, no white space, `JSON.serialized`):
/// what the server hashes into `definitionHash`, so equal definitions always hash alike.
public func canonicalBytes(of definition: CommitteeDefinition) -> [UInt8] {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  // Encoding plain Codable structs of strings, integers and booleans cannot fail.
  let raw = Array(try! encoder.encode(definition))
  return ((try? JSON.parse(raw)) ?? .null).serialized()
}
