// A ballot's canonical bytes are written by hand (a roll call logs one per seat); the hash chain
// covers them, so they must be byte for byte what the encoder (and JSONEncoder before it) writes.
import GavelTesting
import Testing

@testable import GavelCore

@Suite struct BallotCastEncodingTests {
  static let awkward = [
    "S001", "NGA", "", "a\"b", "back\\slash", "new\nline\t", "\u{1}\u{1f}", "/slash/", "Côte d’Ivoire", "🇺🇳",
  ]

  @Test(arguments: 0..<200) func givenAnyBallotWhenEncodedByHandThenTheBytesAreTheEncoders(seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    let ballot = BallotCast(
      vote: Self.awkward.randomElement(using: &random)! + "V\(seed)", seat: Self.awkward.randomElement(using: &random)!,
      choice: Choice.allCases.randomElement(using: &random)!, round: Int.random(in: -3...3, using: &random),
      rights: Bool.random(using: &random), byChair: Bool.random(using: &random),
      at: seed % 3 == 0
        ? Int64.random(in: .min ... .max, using: &random) : Int64.random(in: 0...2_000_000_000_000, using: &random))
    let byHand = try #require(ballot.canonicalBytesByHand())
    #expect(byHand == (try JSONValueEncoder().canonicalBytes(ballot)))
    #expect(byHand == (try FoundationCodec.encode(ballot)))
    #expect(EventCodec.encode(Event(ballot)) == byHand)
    #expect(try EventCodec.decode(name: BallotCast.wireName, version: 1, payload: byHand) == Event(ballot))
  }

  @Test func otherEventsAreLeftToTheEncoder() {
    #expect(AgendaSet(topic: "x", at: 1).canonicalBytesByHand() == nil)
  }
}
