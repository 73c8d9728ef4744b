// Target `frames`: the client frame decoder (protocol.md §3) and the JSON parser under it.
// Invariants: decoding never traps; canonical serialization is a fixed point (the hash chain
// depends on it); a decoded command's id respects the length limit. (Value equality after a
// round trip is not an invariant: an integral double such as 1e4 is canonically `10000` and
// parses back as an int, by design — found by this target, pinned in FuzzRegressionTests.)
import GavelCore

func fuzzFrames(_ bytes: [UInt8]) {
  if let json = try? JSON.parse(bytes) {
    let canonical = json.serialized()
    let again = try? JSON.parse(canonical)
    fuzzCheck(again != nil, "canonical JSON does not parse: \(json.text.prefix(200))")
    fuzzCheck(again?.serialized() == canonical, "canonical serialization is not a fixed point: \(json.text.prefix(200))")
  }
  for isText in [true, false] {
    guard let frame = try? ClientFrameDecoder.decode(bytes, isText: isText, maxIdLength: 64) else { continue }
    fuzzCheck(isText, "a binary frame was decoded")
    if case .command(let command) = frame {
      fuzzCheck(!command.id.isEmpty && command.id.count <= 64, "command id length \(command.id.count)")
    }
    if case .hello(let hello) = frame {
      fuzzCheck(hello.token.utf8.count <= ClientFrameDecoder.maxTokenLength, "token over the limit")
    }
  }
}
