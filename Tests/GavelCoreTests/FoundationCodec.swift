// The reference the core's codec must agree with: Foundation's JSONDecoder, as the log was read
// before `JSONValueDecoder`. Tests decode the same bytes both ways and compare.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

@testable import GavelCore

enum FoundationCodec {
  /// The bytes JSONEncoder gives, as EventCodec wrote them before JSONValueEncoder.
  static func encode(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
  }

  static func encode(_ event: Event) throws -> [UInt8] { try encode(event.payload) }

  /// The event decoded from its canonical bytes by JSONDecoder.
  static func decode(_ event: Event) throws -> Event { Event(try reference(event.payload)) }

  private static func reference<T: EventPayload>(_ payload: T) throws -> T {
    try decode(T.self, EventCodec.encode(payload))
  }

  static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(bytes))
  }

  /// The payload decoded by the core's own parser and value decoder, with no fallback.
  static func decodeWithValueDecoder(_ event: Event) throws -> Event { Event(try valueDecoded(event.payload)) }

  private static func valueDecoded<T: EventPayload>(_ payload: T) throws -> T {
    try valueDecode(T.self, EventCodec.encode(payload))
  }

  static func valueDecode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
    try JSONValueDecoder().decode(T.self, from: JSON.parse(bytes))
  }
}
