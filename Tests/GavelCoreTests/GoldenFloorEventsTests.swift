import GavelTesting
import Testing

@testable import GavelCore

// Pins the wire name, version and canonical payload bytes of every floor event
// (Fixtures/floor-events.jsonl). A failing line means the log format changed: add a new event
// version instead of editing an old one. Regenerate only for a deliberate, new format:
// GAVEL_UPDATE_GOLDEN=1 swift test --filter GoldenFloorEventsTests
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

@Suite struct GoldenFloorEventsTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/floor-events.jsonl")

  /// `{"name":…,"payload":<canonical bytes>,"version":…}` — the payload is spliced in as stored.
  static func line(_ payload: any EventPayload) -> String {
    let bytes = String(decoding: EventCodec.encode(payload), as: UTF8.self)
    return #"{"name":"\#(payload.wireName)","payload":\#(bytes),"version":\#(payload.version)}"#
  }

  /// The convening event embeds the rules profile, whose motion and voting groups belong to
  /// another concept and grow on their own; its line is pinned without `definition.rules`.
  static func comparable(_ line: String) throws -> JSON {
    var json = try JSON.parse(line)
    if json["name"] == "committeeConvened", case .object(var top) = json, case .object(var payload)? = top["payload"],
      case .object(var definition)? = payload["definition"]
    {
      definition["rules"] = nil
      payload["definition"] = .object(definition)
      top["payload"] = .object(payload)
      json = .object(top)
    }
    return json
  }

  @Test func everyFloorEventMatchesItsGoldenLine() throws {
    let lines = FloorEventSamples.all.map(Self.line)
    if ProcessInfo.processInfo.environment["GAVEL_UPDATE_GOLDEN"] == "1" {
      try (lines.joined(separator: "\n") + "\n").write(to: Self.path, atomically: true, encoding: .utf8)
    }
    let stored = try String(contentsOf: Self.path, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(stored.count == lines.count)
    for (want, got) in zip(stored, lines) {
      if want.hasPrefix(#"{"name":"committeeConvened""#) {
        #expect(try Self.comparable(want) == Self.comparable(got))
      } else {
        #expect(want == got)
      }
    }
  }

  @Test func everyRegisteredFloorEventHasASampleAndDecodesBack() throws {
    let sampled = Set(FloorEventSamples.all.map { $0.wireName })
    #expect(sampled == Set(EventRegistry.floor.map { $0.wireName }))
    for payload in FloorEventSamples.all {
      let event = Event(payload)
      let decoded = try EventCodec.decode(name: event.name, version: event.version, payload: EventCodec.encode(event))
      #expect(decoded == event)
      #expect(EventCodec.encode(decoded) == EventCodec.encode(event))
    }
  }

  @Test func unknownNamesAndNewerVersionsAreRefused() {
    #expect(throws: EventDecodingError.self) {
      try EventCodec.decode(name: "speechWhispered", version: 1, payload: Array("{}".utf8))
    }
    #expect(throws: EventDecodingError.self) {
      try EventCodec.decode(name: "speechEnded", version: 2, payload: Array("{}".utf8))
    }
  }
}
