// Runtime rule 7: a reader that stops reading is dropped with 4408 once its bounded outbox
// overflows, while every other connection keeps receiving every frame in order.
import Foundation
import GavelWire
import Testing

/// The slowest live reader's progress; the producer waits on it (a condition, not a sleep) so
/// that live clients are never more than `window` frames behind.
final class Progress: @unchecked Sendable {
  // @unchecked: every field is guarded by `condition`.
  private let condition = NSCondition()
  private var counts: [Int]
  private var failed = false

  init(readers: Int) { counts = Array(repeating: 0, count: readers) }

  func advance(_ reader: Int) {
    condition.lock()
    counts[reader] += 1
    condition.broadcast()
    condition.unlock()
  }

  func fail() {
    condition.lock()
    failed = true
    condition.broadcast()
    condition.unlock()
  }

  var description: String {
    condition.lock()
    defer { condition.unlock() }
    return "\(counts)"
  }

  /// False if a reader failed or the deadline passed.
  func waitUntilAll(reached n: Int, deadline: Date) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while !failed && counts.min()! < n {
      if !condition.wait(until: deadline) { return false }
    }
    return !failed
  }
}

@Suite("Wire slow consumers")
struct SlowConsumerTests {
  static func frame(_ n: Int, bytes: Int) -> [UInt8] {
    let head = Array(String(format: "%08d", n).utf8)
    return head + [UInt8](repeating: 0x78, count: bytes - head.count)
  }

  @Test("a client that never reads is dropped with 4408; 20 live clients get every frame in order")
  func stalledClientDropped() async throws {
    let h = try Harness({ $0.outboxLimit = 64 }, recorder: Recorder(echo: false))
    var live: [WSClient] = []
    var ids: [ConnectionID] = []
    for _ in 0..<20 {
      let (client, id) = try await h.connect()
      live.append(client)
      ids.append(id)
    }
    let (stalled, stalledID) = try await h.connect(receiveBufferBytes: 4096)
    ids.append(stalledID)

    // Enough bytes to fill the stalled socket's kernel buffers (a few MB) and then its outbox.
    let frameCount = 1200
    let frameBytes = 8192
    let window = 32
    let progress = Progress(readers: live.count)
    let targets = ids
    let server = h.server
    let recorder = h.recorder

    try await withThrowingTaskGroup(of: Void.self) { [live] group in
      for (index, client) in live.enumerated() {
        group.addTask {
          try await offPool {
            do {
              for n in 0..<frameCount {
                let message = try client.receive()
                guard case .text(let bytes) = message, bytes.count == frameBytes,
                  Array(bytes.prefix(8)) == Array(String(format: "%08d", n).utf8)
                else { throw ClientError("live client \(index): frame \(n) wrong: \(message)") }
                progress.advance(index)
              }
            } catch {
              progress.fail()
              throw ClientError("live client \(index): \(error)")
            }
          }
        }
      }
      group.addTask {
        try await offPool {
          let deadline = Date().addingTimeInterval(60)
          for n in 0..<frameCount {
            guard progress.waitUntilAll(reached: n - window, deadline: deadline) else {
              for client in live { client.abort() }  // unblock the readers so the test ends
              throw ClientError(
                "live readers stalled before frame \(n): progress \(progress.description), "
                  + "stats \(server.stats), closed \(recorder.record.closed.sorted())")
            }
            server.send(Frame(Self.frame(n, bytes: frameBytes)), to: targets)
          }
        }
      }
      try await group.waitForAll()
    }

    let record = try await h.recorder.wait("stalled client dropped") { $0.closed.contains(stalledID) }
    #expect(record.closed == [stalledID], "only the stalled client was dropped")
    #expect(h.server.stats.outboxDrops == 1)
    #expect(h.server.stats.connectionsOpen == 20)

    // The stalled client, reading at last, finds the stream ended: a 4408 close if the frame
    // could still be written, or the connection killed because its socket was choked.
    let ending = try await offPool { () -> String in
      do {
        while true {
          if case .close(let code, _) = try stalled.receive() { return "close \(code ?? 0)" }
        }
      } catch let error as ClientError where error.isEOF || error.errno == ECONNRESET {
        return "killed"
      }
    }
    #expect(ending == "close 4408" || ending == "killed", "\(ending)")
    await h.stop()
  }

  @Test("an outbox that overflows while the socket is still writable gets a 4408 close frame")
  func burstOverflowSendsClose() async throws {
    let h = try Harness({ $0.outboxLimit = 10 }, recorder: Recorder(echo: false))
    let (client, id) = try await h.connect()
    let (other, otherID) = try await h.connect()
    // One hand-over queues 11 frames for `id` before lws can write any: deterministic overflow.
    // (Eleven deliveries: the lws thread writes one delivery's connections as it queues them.)
    var batch = WireBatch()
    for _ in 0..<11 { batch.send(Frame(Array("burst".utf8)), to: [id]) }
    batch.send(Frame(Array("burst".utf8)), to: [otherID])
    h.server.send(batch)
    let result = try await offPool { try client.receiveUntilClose() }
    #expect(result.code == 4408)
    #expect(result.messages.isEmpty, "the overflowing outbox is discarded, not flushed")
    let reply = try await offPool { try other.receiveText() }
    #expect(reply == "burst")
    try await h.recorder.wait("closed") { $0.closed == [id] }
    #expect(h.server.stats.outboxDrops == 1)
    await h.stop()
  }
}
