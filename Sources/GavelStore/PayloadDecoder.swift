import GavelCore

// Decodes event payloads with one reused JSONDecoder, so that load and verify do not build a
// decoder per row. Anything the fast path cannot decode goes through EventCodec.decode, which
// applies the same rules (known wire name, version not newer) and produces the error.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

final class PayloadDecoder {
  private let decoder = JSONDecoder()

  func decode(name: String, version: Int, payload: [UInt8]) throws(EventDecodingError) -> Event {
    if let type = EventCodec.types[name], version <= type.version, let decoded = try? open(type, payload) {
      return Event(decoded)
    }
    return try EventCodec.decode(name: name, version: version, payload: payload)
  }

  private func open<T: EventPayload>(_ type: T.Type, _ payload: [UInt8]) throws -> any EventPayload {
    try decoder.decode(T.self, from: Data(payload))
  }
}
