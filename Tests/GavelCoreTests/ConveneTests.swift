import GavelTesting
import Testing

@testable import GavelCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

@Suite struct ConveneTests {
  @Test func convenedCommitteeCarriesDefinitionHashAndTopic() throws {
    let def = Committees.unsc2026
    let state = replay([convene(def, definitionHash: "ab12", at: 5)])
    var expected = CommitteeState()
    expected.definition = def
    expected.definitionHash = "ab12"
    expected.topic = Committees.tajikistan
    expected.session.since = 5
    expected.speakers.speakingTimeMs = 90_000
    expected.speakers.open = true
    #expect(state == expected)
    #expect(state.committee.members.count == 15)
    #expect(state.committee.seats.map(\.code).prefix(3) == ["AFG", "BHR", "CHN"])
  }

  @Test func rosterOf1994IsInEnglishAlphabeticalRollOrder() {
    let members = Committees.unsc1994.members.map(\.name)
    #expect(
      members == [
        "Argentina", "Brazil", "China", "Czech Republic", "Djibouti", "France", "New Zealand", "Nigeria", "Oman",
        "Pakistan", "Russian Federation", "Rwanda", "Spain", "United Kingdom of Great Britain and Northern Ireland",
        "United States of America",
      ])
    #expect(Committees.unsc1994.seats.filter { $0.veto }.count == 5)
  }

  @Test func commandsBeforeConveningAreRefused() {
    #expect(throws: Rejection(.wrongState, "The committee has not been convened.")) {
      try decide(Command("session.open"), CommitteeState(), Context(now: 1, actor: .chair))
    }
  }

  /// The config loader merges snake_case TOML mapped to camelCase keys onto a preset's JSON.
  @Test func floorRulesAreCamelCaseJSONThatMergesOntoAPreset() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var json = try JSON.parse(Array(try encoder.encode(FloorRules.gaCommittee)))
    #expect(json["quorumOpenFraction"] == ["numerator": 1, "denominator": 3])
    #expect(json["onGslExhausted"] == "close_debate")
    #expect(json["selfDeclaration"] == "chair_confirms")
    guard case .object(var fields) = json else { Issue.record("not an object"); return }
    fields["defaultSpeakingTimeMs"] = 60_000
    fields["modLeftover"] = "short_final_slot"
    json = .object(fields)
    let merged = try JSONDecoder().decode(FloorRules.self, from: Data(json.serialized()))
    var expected = FloorRules.gaCommittee
    expected.defaultSpeakingTimeMs = 60_000
    expected.modLeftover = .shortFinalSlot
    #expect(merged == expected)
  }

  @Test func definitionCanonicalBytesAreStableAndComplete() throws {
    let bytes = canonicalBytes(of: Committees.unsc2026)
    #expect(bytes == canonicalBytes(of: Committees.unsc2026))
    #expect(bytes != canonicalBytes(of: Committees.unsc1994))
    let json = try JSON.parse(bytes)
    #expect(json.serialized() == bytes)
    #expect(json["symbolPrefix"] == "SIM-SC")
    #expect(try JSONDecoder().decode(CommitteeDefinition.self, from: Data(bytes)) == Committees.unsc2026)
  }
}
