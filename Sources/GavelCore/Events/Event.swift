// Events are past-tense facts. Each payload has a hand-written wire name and a version, and
// `apply` is its part of `evolve`: total, pure, never failing.

public protocol EventPayload: Codable, Sendable, Equatable {
  static var wireName: String { get }
  static var version: Int { get }
  func apply(to state: inout CommitteeState)
  /// The canonical bytes written by hand, for an event logged so often that the encoder's cost
  /// shows (a ballot); nil, the default, leaves them to `JSONValueEncoder`. When given, they
  /// must be the encoder's bytes exactly (the hash chain covers them).
  func canonicalBytesByHand() -> [UInt8]?
}

extension EventPayload {
  public func canonicalBytesByHand() -> [UInt8]? { nil }
  public static var version: Int { 1 }
  public var wireName: String { Self.wireName }
  public var version: Int { Self.version }

  func isEqual(to other: any EventPayload) -> Bool {
    guard let other = other as? Self else { return false }
    return self == other
  }
}

/// A logged event: what happened (the payload) and the envelope the log keeps with it.
public struct Event: Sendable, Equatable {
  public var payload: any EventPayload

  public init(_ payload: any EventPayload) { self.payload = payload }

  public var name: String { payload.wireName }
  public var version: Int { payload.version }

  public static func == (a: Event, b: Event) -> Bool { a.payload.isEqual(to: b.payload) }
}
