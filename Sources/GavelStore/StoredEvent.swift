// One row of the events table: the envelope, the payload bytes exactly as hashed, and its link
// in the hash chain.
import GavelCore

public struct StoredEvent: Sendable, Equatable {
  public let seq: Int64
  public let at: Int64
  public let actor: Actor
  public let credentialId: Int64?
  public let commandId: String?
  /// Wire name and version of the payload.
  public let name: String
  public let version: Int
  /// Canonical JSON of the payload (`EventCodec.encode`).
  public let payload: [UInt8]
  public let prevHash: [UInt8]
  public let hash: [UInt8]

  public init(
    seq: Int64, at: Int64, actor: Actor, credentialId: Int64?, commandId: String?, name: String,
    version: Int, payload: [UInt8], prevHash: [UInt8], hash: [UInt8]
  ) {
    self.seq = seq
    self.at = at
    self.actor = actor
    self.credentialId = credentialId
    self.commandId = commandId
    self.name = name
    self.version = version
    self.payload = payload
    self.prevHash = prevHash
    self.hash = hash
  }

  public func decode() throws(EventDecodingError) -> Event {
    try EventCodec.decode(name: name, version: version, payload: payload)
  }

  /// The bytes the chain hashes after `prevHash` (docs/event-log.md).
  public var canonicalBytes: [UInt8] {
    HashChain.canonicalBytes(
      seq: seq, at: at, actor: actor, credentialId: credentialId, commandId: commandId, name: name,
      version: version, payload: payload)
  }

  /// True when `hash` is what `prevHash` and the row's own content give.
  public var isSelfConsistent: Bool { HashChain.link(prevHash: prevHash, canonical: canonicalBytes) == hash }
}
