// The client frame decoder: bounded, typed, unknown fields ignored (protocol.md §3).
import GavelCore
import Testing

@testable import GavelServer

@Suite struct ClientFrameTests {
  func decode(_ text: String, isText: Bool = true) throws(FrameError) -> ClientFrame {
    try ClientFrameDecoder.decode(Array(text.utf8), isText: isText, maxIdLength: 64)
  }

  func error(_ text: String, isText: Bool = true) -> FrameError? {
    do {
      _ = try decode(text, isText: isText)
      return nil
    } catch { return error }
  }

  @Test func helloWithResumePoint() throws {
    let frame = try decode(#"{"type":"hello","token":"t0k","committee":"unsc","after":1234,"extra":[1]}"#)
    #expect(frame == .hello(Hello(token: "t0k", committee: "unsc", after: 1234)))
  }

  @Test func helloWithoutAfterOrCommittee() throws {
    #expect(try decode(#"{"type":"hello","token":"t"}"#) == .hello(Hello(token: "t", committee: nil, after: nil)))
  }

  @Test func malformedHelloIsAProtocolError() {
    for text in [
      #"{"type":"hello"}"#, #"{"type":"hello","token":5}"#, #"{"type":"hello","token":"t","after":-1}"#,
      #"{"type":"hello","token":"t","after":"7"}"#, #"{"type":"hello","token":"t","committee":7}"#,
    ] {
      let e = error(text)
      #expect(e?.code == "bad_hello", "\(text)")
      #expect(e?.close == .protocolError, "\(text)")
    }
    let long = String(repeating: "a", count: 600)
    #expect(error(#"{"type":"hello","token":"\#(long)"}"#)?.close == .protocolError)
  }

  @Test func commandKeepsItsArguments() throws {
    let frame = try decode(#"{"type":"command","id":"c-7f3a","name":"vote.cast","args":{"choice":"yes"}}"#)
    #expect(frame == .command(ClientCommand(id: "c-7f3a", name: "vote.cast", args: ["choice": "yes"])))
  }

  @Test func missingArgsAreAnEmptyObject() throws {
    #expect(
      try decode(#"{"type":"command","id":"a","name":"session.open"}"#)
        == .command(ClientCommand(id: "a", name: "session.open", args: .object([:]))))
  }

  @Test func commandIdIsOneTo64Characters() {
    let id64 = String(repeating: "x", count: 64)
    #expect(error(#"{"type":"command","id":"\#(id64)","name":"n"}"#) == nil)
    for id in [#""""#, "\"\(id64)x\"", "12", "null", "[]"] {
      #expect(error(#"{"type":"command","id":\#(id),"name":"n"}"#)?.code == "bad_command", "\(id)")
    }
  }

  @Test func frameErrorsAreNotFatal() {
    #expect(error("{nope")?.code == "bad_json")
    #expect(error("[1,2]")?.code == "bad_json")
    #expect(error(#"{"type":"hello","token":"t"}"#, isText: false)?.code == "bad_json")
    #expect(error(#"{"kind":"hello"}"#)?.code == "unknown_type")
    #expect(error(#"{"type":"subscribe"}"#)?.code == "unknown_type")
    #expect(error("{nope")?.close == nil)
  }
}
