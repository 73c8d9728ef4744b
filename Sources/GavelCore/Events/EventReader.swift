// Decoding a run of events (a replay, a verification): the wire names already seen are kept from
// one event to the next, so that a row's name bytes find the event type without a String or a
// hash. Decodes exactly as `EventCodec.decode`.

public struct EventReader {
  private var types = BytesCache<(any EventPayload.Type)?>()

  public init() {}

  /// Decodes a payload read in place, its wire name given as UTF-8 bytes (both from SQLite's row
  /// buffer, for instance).
  public mutating func decode(name: UnsafeRawBufferPointer, version: Int, payload: UnsafeRawBufferPointer)
    throws(EventDecodingError) -> Event
  {
    guard let type = types.value(for: name, make: { EventCodec.types[$0] }) else {
      throw EventDecodingError(name: String(decoding: name, as: UTF8.self), reason: "unknown event")
    }
    return try EventCodec.decode(type, version: version, payload: payload)
  }
}
