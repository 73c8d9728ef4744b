// Inputs the libFuzzer targets (Fuzz/) found, replayed through the real components so they stay
// fixed. Each test names the target and the file in Fuzz/corpus that holds the input.
import GavelCore
import GavelTesting
import Testing

@testable import GavelServer

@Suite struct FuzzRegressionTests {
  /// frames, Fuzz/corpus/frames/regression-integral-double: `{"a":1e4}`. The integral double is
  /// canonically `10000` and parses back as an int; the canonical bytes are a fixed point (the
  /// hash chain relies on that), and a command argument read with intValue sees 10000 either way.
  @Test func integralDoubleIsCanonicallyAnInteger() throws {
    let parsed = try JSON.parse(Array(#"{"a":1e4}"#.utf8))
    let canonical = parsed.serialized()
    #expect(String(decoding: canonical, as: UTF8.self) == #"{"a":10000}"#)
    let again = try JSON.parse(canonical)
    #expect(again.serialized() == canonical)
    #expect(again["a"]?.intValue == 10000 && parsed["a"]?.intValue == 10000)

    let frame = try ClientFrameDecoder.decode(
      Array(#"{"type":"command","id":"c1","name":"speakers.setTime","args":{"ms":6e4}}"#.utf8), isText: true,
      maxIdLength: 64)
    guard case .command(let command) = frame else {
      Issue.record("expected a command, got \(frame)")
      return
    }
    #expect(command.args["ms"]?.intValue == 60000)
  }

  /// commands, Fuzz/corpus/commands/regression-vote-count-overflow: `vote.count` with three
  /// counts of Int.max overflowed their sum and trapped, which would take gaveld down with every
  /// committee it hosts. Now it is an ordinary invalid_args rejection.
  @Test func placardCountsOfIntMaxAreRefusedNotATrap() throws {
    let base = try Given(Committees.unsc2026).inSession()
    let proposed = try base.and(
      "motion.propose", ["kind": "set_speaking_time", "args": ["ms": 60000]], as: .delegate("CHN"))
    let motion = JSON.string(proposed.state.motions.pending.first?.id ?? "")
    let voting = try proposed.and("motion.second", ["motion": motion], as: .delegate("DNK")).and("motion.put")
    let huge = JSON.int(Int.max)
    _ = try voting.when("vote.count", ["yes": huge, "no": huge, "abstain": huge]).thenRejected(.invalidArgs)
  }
}
