// The canonical encoding of events: the payload as JSON with sorted keys and no white space.
// These bytes are what the log stores and what the hash chain covers (docs/event-log.md).

public struct EventDecodingError: Error, Sendable, CustomStringConvertible {
  public let name: String
  public let reason: String
  public var description: String { "cannot decode event \(name): \(reason)" }
}

public enum EventCodec {
  /// Every event type, by wire name.
  public static let types: [String: any EventPayload.Type] = {
    var all: [String: any EventPayload.Type] = [:]
    for type in EventRegistry.floor + EventRegistry.decisions {
      precondition(all[type.wireName] == nil, "duplicate event wire name \(type.wireName)")
      all[type.wireName] = type
    }
    return all
  }()

  /// The canonical bytes: the payload's JSON, keys sorted, no white space — byte for byte what
  /// JSONEncoder (`.sortedKeys`, `.withoutEscapingSlashes`) wrote into every existing log.
  public static func encode(_ payload: any EventPayload) -> [UInt8] {
    payload.canonicalBytesByHand() ?? canonicalBytes(payload)
  }

  static func canonicalBytes<T: Encodable>(_ value: T) -> [UInt8] {
    // Payloads are plain structs of strings, integers, booleans and JSON: encoding cannot fail.
    try! JSONValueEncoder().canonicalBytes(value)
  }

  public static func encode(_ event: Event) -> [UInt8] { encode(event.payload) }

  public static func decode(name: String, version: Int, payload: [UInt8]) throws(EventDecodingError) -> Event {
    let result = payload.withUnsafeBytes { bytes in
      Result { () throws(EventDecodingError) in try decode(name: name, version: version, payload: bytes) }
    }
    return try result.get()
  }

  /// Decodes a payload read in place (from SQLite's row buffer, for instance).
  public static func decode(name: String, version: Int, payload: UnsafeRawBufferPointer) throws(EventDecodingError)
    -> Event
  {
    guard let type = types[name] else { throw EventDecodingError(name: name, reason: "unknown event") }
    return try decode(type, version: version, payload: payload)
  }

  static func decode(
    _ type: any EventPayload.Type, version: Int, payload: UnsafeRawBufferPointer
  ) throws(EventDecodingError) -> Event {
    guard version <= type.version else {
      throw EventDecodingError(name: type.wireName, reason: "version \(version) is newer than this build (\(type.version))")
    }
    do {
      return Event(try decodePayload(type, payload))
    } catch {
      throw EventDecodingError(name: type.wireName, reason: "\(error)")
    }
  }

  /// Parses the payload with the core's parser and decodes it with `JSONValueDecoder`.
  static func decodePayload<T: Decodable>(_ type: T.Type, _ bytes: UnsafeRawBufferPointer) throws -> T {
    try JSONValueDecoder().decode(T.self, from: bytes)
  }

  /// The payload as a JSON value (for the `data` of an event frame).
  public static func json(_ payload: any EventPayload) -> JSON {
    (try? JSON.parse(encode(payload))) ?? .null
  }
}

/// Decodes JSON command arguments into a handler's `Args`.
public enum ArgsDecoder {
  public static func decode<T: Decodable>(_ type: T.Type, from args: JSON) throws(Rejection) -> T {
    do {
      return try JSONValueDecoder().decode(T.self, from: args)
    } catch let error as DecodingError {
      throw Rejection(.invalidArgs, describe(error))
    } catch {
      throw Rejection(.invalidArgs, "The arguments could not be read.")
    }
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      keys.isEmpty ? "args" : "args." + keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .keyNotFound(let key, let ctx): return "Missing argument \(path(ctx.codingPath + [key]))."
    case .typeMismatch(_, let ctx): return "Argument \(path(ctx.codingPath)) has the wrong type."
    case .valueNotFound(_, let ctx): return "Argument \(path(ctx.codingPath)) must not be null."
    case .dataCorrupted(let ctx): return "Argument \(path(ctx.codingPath)) is invalid: \(ctx.debugDescription)"
    @unknown default: return "The arguments could not be read."
    }
  }
}
