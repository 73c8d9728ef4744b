// The lws validity policy: a peer that stops answering pings is hung up on; one that answers
// stays (libwebsockets-notes pitfall 5).
import Foundation
import GavelWire
import Testing

@Suite("Wire ping policy")
struct ValidityTests {
  @Test("a silent peer is dropped after hangupSeconds while an answering peer stays open")
  func silentPeerDropped() async throws {
    let h = try Harness {
      $0.pingSeconds = 1
      $0.hangupSeconds = 2
    }
    let (silent, silentID) = try await h.connect()  // never reads, so never pongs
    let (answering, answeringID) = try await h.connect()
    // The answering client blocks in receive(), which pongs every ping, until a frame comes.
    async let reply = offPool { try answering.receiveText() }
    try await h.recorder.wait("silent peer hung up", seconds: 15) { $0.closed.contains(silentID) }
    #expect(!h.recorder.record.closed.contains(answeringID))
    h.server.send(Frame(Array("still open".utf8)), to: answeringID)
    #expect(try await reply == "still open")
    await h.stop()
    withExtendedLifetime(silent) {}
  }

  @Test("a peer that keeps sending data stays open without answering a ping")
  func dataCountsAsLiveness() async throws {
    let h = try Harness({
      $0.pingSeconds = 1
      $0.hangupSeconds = 2
    }, recorder: Recorder(echo: false))
    let (talker, talkerID) = try await h.connect()  // sends, never reads, so never pongs
    let (silent, silentID) = try await h.connect()
    // Four seconds of a message every 200 ms: twice the hang-up time, with data all along.
    try await offPool {
      for n in 0..<20 {
        try talker.send(text: "m\(n)")
        usleep(200_000)
      }
    }
    try await h.recorder.wait("silent peer hung up") { $0.closed.contains(silentID) }
    #expect(!h.recorder.record.closed.contains(talkerID))
    #expect(h.recorder.record.received[talkerID]?.count == 20)
    await h.stop()
    withExtendedLifetime(silent) {}
  }
}
