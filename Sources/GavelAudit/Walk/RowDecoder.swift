// Decodes payloads with one reused JSONDecoder (a fresh decoder per row dominates a long walk).
// Anything the fast path cannot read goes through EventCodec.decode, which produces the error.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import GavelCore
import GavelStore

final class RowDecoder {
  private let decoder = JSONDecoder()

  func decode(_ row: StoredEvent) throws(EventDecodingError) -> Event {
    if let type = EventCodec.types[row.name], row.version <= type.version, let payload = try? open(type, row.payload) {
      return Event(payload)
    }
    return try EventCodec.decode(name: row.name, version: row.version, payload: row.payload)
  }

  private func open<T: EventPayload>(_ type: T.Type, _ bytes: [UInt8]) throws -> any EventPayload {
    try decoder.decode(T.self, from: Data(bytes))
  }
}
