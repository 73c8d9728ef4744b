// The parser answers every input of the corpus as it did before it wrote a tape: the same
// value, or the same error at the same byte (Fixtures/json-parse.tsv, recorded from the
// tree-building parser), through `JSON.parse` and through JSONValueDecoder.
import Foundation
import Testing

@testable import GavelCore

@Suite struct JSONParseCorpusTests {
  static func outcome(_ body: () throws -> JSON) -> String {
    do {
      return "ok " + (try body()).text
    } catch let error as JSONParseError {
      return "error \(error.offset) \(error.reason)"
    } catch {
      return "decoding \(error)"
    }
  }

  @Test func everyInputParsesAndDecodesAsBefore() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/json-parse.tsv")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    let inputs = JSONParseCorpus.inputs(count: lines.count - JSONParseCorpus.seeds.count)
    #expect(lines.count == inputs.count && lines.count > 1000)
    for (line, input) in zip(lines, inputs) {
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      #expect(columns[0] == JSONParseCorpus.hex(input))
      #expect(Self.outcome { try JSON.parse(input) } == columns[1], "\(columns[0])")
      let decoded = Self.outcome { try input.withUnsafeBytes { try JSONValueDecoder().decode(JSON.self, from: $0) } }
      #expect(decoded == columns[2], "\(columns[0])")
    }
  }
}
