// Inputs for pinning the parser's answers: valid documents of every shape the log and the
// protocol use, and seeded random mutations of them (bytes dropped, inserted, replaced,
// truncated), most of them malformed. Tests/GavelCoreTests/Fixtures/json-parse.tsv records
// what the parser answered for each before its rewrite onto a tape.
import GavelTesting

enum JSONParseCorpus {
  static let seeds: [String] = [
    #"{"name":"Ms. \"Ré\"\n","small":-128,"count":3,"big":9223372036854775807,"draw":18446744073709551615}"#,
    #"{"a":[1,2.5,null,true,false,"s",{"b":1.0}],"c":{},"d":[],"e":-0,"f":1e400,"g":-1e-400,"h":1.5E+3}"#,
    #"{"at":1700000000000,"kind":"moderated","speakerMs":45000,"topic":"Border security","totalMs":600000}"#,
    #"["\u00e9\ud83d\ude00\/","\b\f\n\r\t\\\"","é€𝄞"," "]"#,
    #"[9223372036854775808,-9223372036854775808,-9223372036854775809,18446744073709551616,0.1,-0.0]"#,
    #"{"k":"v","k":"w","n":{"k":[[[]]]}}"#,
    "  {\"x\" : [ 1 , 2 ] }\n",
    #""\ud800\udc00""#,
    "true", "null", "-12", "\"\"",
  ]

  static let interesting: [UInt8] = Array(#"{}[]:,"\-+.0129eEu"#.utf8) + [0x00, 0x1F, 0x20, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]

  /// Every seed, then `count` mutations, the same on every run.
  static func inputs(count: Int) -> [[UInt8]] {
    var rng = SeededRandom(seed: 2026)
    var out = seeds.map { Array($0.utf8) }
    for _ in 0..<count {
      var bytes = out[Int(rng.next() % UInt64(seeds.count))]
      for _ in 0...(rng.next() % 3) {
        guard !bytes.isEmpty else { break }
        let at = Int(rng.next() % UInt64(bytes.count))
        let byte = interesting[Int(rng.next() % UInt64(interesting.count))]
        switch rng.next() % 10 {
        case 0...2: bytes.remove(at: at)
        case 3...5: bytes.insert(byte, at: at)
        case 6...8: bytes[at] = byte
        default: bytes.removeLast(bytes.count - at)
        }
      }
      out.append(bytes)
    }
    return out
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
  }
}
