// `[rules]` overrides: deep-merged onto the body's preset with snake_case keys, refused by name
// when the key is unknown, the type is wrong or the number is negative.
import Foundation
import GavelCore
import Testing

@testable import GavelServer

@Suite struct ConfigRulesTests {
  func committee(rules: String, body: String = "security_council") -> String {
    ConfigFixture.smallCommittee.replacingOccurrences(of: "\"generic\"", with: "\"\(body)\"") + "\n" + rules + "\n"
  }

  func load(_ text: String) throws(ConfigError) -> CommitteeDefinition {
    let dir: String
    do { dir = try ConfigFixture.folder(["tiny.toml": text]) } catch {
      fatalError("cannot write a scratch file: \(error)")
    }
    defer { ConfigFixture.remove(dir) }
    return try CommitteeLoader.load(path: dir + "/tiny.toml")
  }

  func failure(_ text: String) -> ConfigError? {
    do {
      _ = try load(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func noRulesTableGivesThePreset() throws {
    for body in BodyType.allCases {
      let definition = try load(committee(rules: "", body: body.rawValue))
      #expect(definition.rules == RulesProfile.preset(for: body))
    }
  }

  @Test func overridesTopLevelFields() throws {
    let definition = try load(committee(rules: "[rules]\nid = \"UNSC_TAJIKISTAN\"\nversion = 2\n"))
    #expect(definition.rules.label == "UNSC_TAJIKISTAN@2")
    #expect(definition.rules.floor == RulesProfile.securityCouncil.floor)
  }

  /// Whatever settings the rules groups hold, each boolean can be flipped from the file with
  /// its snake_case name, and nothing else changes.
  @Test func everyBooleanSettingIsConfigurable() throws {
    let preset = try #require(RulesOverride.encode(RulesProfile.securityCouncil)?.objectValue)
    for group in ["floor", "motions", "voting", "drafts"] {
      for (key, value) in preset[group]?.objectValue ?? [:] {
        guard case .bool(let b) = value else { continue }
        let snake = RulesOverride.snakeCase(key)
        let definition = try load(committee(rules: "[rules.\(group)]\n\(snake) = \(!b)\n"))
        let encoded = try #require(RulesOverride.encode(definition.rules))
        #expect(encoded[group]?[key] == .bool(!b), "rules.\(group).\(snake)")
        var expected = preset
        var changed = expected[group]!.objectValue!
        changed[key] = .bool(!b)
        expected[group] = .object(changed)
        #expect(encoded == .object(expected))
      }
    }
  }

  @Test func unknownRulesKey() throws {
    let error = try #require(failure(committee(rules: "[rules]\nversoin = 2\n")))
    #expect(error.key == "rules.versoin")
    #expect(
      error.message == "unknown rules setting — did you mean 'version'? see docs/configuration.md for the settings")
  }

  @Test func unknownRulesGroup() throws {
    let error = try #require(failure(committee(rules: "[rules.speeches]\nfoo = 1\n")))
    #expect(error.key == "rules.speeches")
    #expect(error.message.hasPrefix("unknown rules setting"))
  }

  @Test func wrongTypeInRules() throws {
    let error = try #require(failure(committee(rules: "[rules]\nversion = \"two\"\n")))
    #expect(error.description.hasSuffix("tiny.toml: rules.version: expected an integer — change the value's type"))
  }

  @Test func negativeNumberInRules() throws {
    let error = try #require(failure(committee(rules: "[rules]\nversion = -1\n")))
    #expect(error.key == "rules.version")
    #expect(error.message.hasPrefix("-1 is negative"))
  }

  @Test func zeroDenominator() throws {
    let error = try #require(failure(committee(rules: "[rules]\nquorum = { numerator = 1, denominator = 0 }\n")))
    #expect(error.key == "rules.quorum.denominator")
  }

  @Test func rulesMustBeATable() throws {
    let text = ConfigFixture.smallCommittee.replacingOccurrences(of: "topic = \"Testing\"", with: "rules = 3")
    let error = try #require(failure(text))
    #expect(error.key == "rules")
    #expect(error.message == "expected a table, found an integer — write it as a [rules] section")
  }

  // MARK: Settings of the rules groups (rules.md §11)

  @Test func securityCouncilAbstentionAsVeto() throws {
    let definition = try load(committee(rules: "[rules.voting]\np5_abstention_is_veto = true\n"))
    #expect(definition.rules.voting.p5AbstentionIsVeto)
    var expected = RulesProfile.securityCouncil
    expected.voting.p5AbstentionIsVeto = true
    #expect(definition.rules == expected)
  }

  @Test func fractionSetting() throws {
    let definition = try load(
      committee(rules: "[rules.floor]\nquorum_decide_fraction = { numerator = 2, denominator = 3 }\n"))
    #expect(definition.rules.floor.quorumDecideFraction == Fraction(2, 3))
  }

  /// A setting the preset leaves empty (an optional) can still be given.
  @Test func optionalSettingAbsentFromThePreset() throws {
    #expect(RulesProfile.securityCouncil.drafts.signatoryThreshold.fraction == nil)
    let definition = try load(
      committee(rules: "[rules.drafts.signatory_threshold]\nfraction = { numerator = 1, denominator = 5 }\n"))
    #expect(definition.rules.drafts.signatoryThreshold == SignatoryThreshold(count: 3, fraction: Fraction(1, 5)))
  }

  /// Maps keyed by wire names (motion kinds) keep their snake_case keys.
  @Test func motionSpecByWireName() throws {
    let before = try #require(RulesProfile.gaCommittee.motions.specs["moderated_caucus"])
    let definition = try load(
      committee(
        rules: "[rules.motions.specs.moderated_caucus]\nrank = 42\nsecond_required = false\n", body: "ga_committee"))
    let after = try #require(definition.rules.motions.specs["moderated_caucus"])
    #expect(after.rank == 42)
    #expect(after.secondRequired == false)
    #expect(after.threshold == before.threshold)
  }

  @Test func unknownMotionKind() throws {
    let error = try #require(failure(committee(rules: "[rules.motions.specs.fly_away]\nrank = 1\n")))
    #expect(error.key == "rules.motions.specs.fly_away")
    #expect(error.message.hasPrefix("unknown rules setting"))
  }

  @Test func unknownNestedSettingSuggestsTheClosest() throws {
    let error = try #require(failure(committee(rules: "[rules.voting]\np5_abstention_veto = true\n")))
    #expect(
      error.description.hasSuffix(
        "tiny.toml: rules.voting.p5_abstention_veto: unknown rules setting — did you mean 'p5_abstention_is_veto'? see docs/configuration.md for the settings"
      ))
  }

  @Test func wrongTypeOfNestedSetting() throws {
    let error = try #require(failure(committee(rules: "[rules.voting]\np5_abstention_is_veto = \"yes\"\n")))
    #expect(error.key == "rules.voting.p5_abstention_is_veto")
    #expect(error.message == "expected true or false — change the value's type")
  }

  @Test func valueOutsideAnEnumeration() throws {
    let error = try #require(failure(committee(rules: "[rules.voting]\ndefault_method = \"show_of_hands\"\n")))
    #expect(error.key == "rules.voting.default_method")
    #expect(error.message.hasPrefix("value not allowed here"))
  }

  /// The overrides example in docs/configuration.md is a working file.
  @Test func documentedExampleLoads() throws {
    let doc = try String(contentsOfFile: ConfigFixture.shipped("docs/configuration.md"), encoding: .utf8)
    let section = try #require(doc.range(of: "## Rules overrides"))
    let rest = doc[section.upperBound...]
    let start = try #require(rest.range(of: "```toml\n"))
    let end = try #require(rest[start.upperBound...].range(of: "```"))
    let example = String(rest[start.upperBound..<end.lowerBound])
    let definition = try load(committee(rules: example))
    #expect(definition.rules.label == "UNSC_TAJIKISTAN@2")
    #expect(definition.rules.floor.defaultSpeakingTimeMs == 60000)
    #expect(definition.rules.floor.quorumDecideFraction == Fraction(2, 3))
    #expect(definition.rules.voting.p5AbstentionIsVeto)
    #expect(definition.rules.drafts.signatoryThreshold.count == 4)
    #expect(definition.rules.motions.specs["moderated_caucus"]?.rank == 3)
  }
}
