// The Floor end to end below the wire: a real EventStore in a temporary directory and a sink
// that records what each connection would receive. `settle` waits for the Floor's queue to
// finish what was submitted (a barrier, not a sleep).
import Foundation
import GavelCore
import GavelStore
import GavelTesting
import GavelWire
import Logging
import Testing

@testable import GavelServer

final class RecordingSink: FrameSink, @unchecked Sendable {
  private let lock = NSLock()
  private var frames: [ConnectionID: [JSON]] = [:]
  private var deliveries: [ConnectionID: [Delivery]] = [:]
  private var closes: [ConnectionID: UInt16] = [:]

  func send(_ frame: Frame, to id: ConnectionID) { send(frame, to: [id]) }
  func send(_ frame: Frame, to ids: [ConnectionID], delivery: Delivery) {
    let json = try! JSON.parse(frame.bytes)
    lock.withLock {
      for id in ids {
        frames[id, default: []].append(json)
        deliveries[id, default: []].append(delivery)
      }
    }
  }
  func close(_ id: ConnectionID, code: UInt16, reason: String) { lock.withLock { closes[id] = code } }

  func received(_ id: ConnectionID) -> [JSON] { lock.withLock { frames[id] ?? [] } }
  /// How each frame `received(id)` lists was handed over.
  func delivered(_ id: ConnectionID) -> [Delivery] { lock.withLock { deliveries[id] ?? [] } }
  func closeCode(_ id: ConnectionID) -> UInt16? { lock.withLock { closes[id] } }
}

struct FloorHarness {
  let dir: TemporaryDirectory
  let sink = RecordingSink()
  let floor: Floor
  let chairToken: String
  let displayToken: String
  /// Delegate tokens by seat (`S01`…`S05`), for the seats asked for.
  var delegateTokens: [String: String] = [:]

  init(
    dir: TemporaryDirectory? = nil, tokens: (String, String)? = nil, prefillEvents: Int = 1024,
    delegates: [String] = [], outcomeCapacity: Int = 100_000
  ) throws {
    self.dir = try dir ?? TemporaryDirectory()
    let definition = Committees.gaCommittee(members: 5)
    let opened = try Convening.open(
      definition, dataDir: self.dir.path, options: StoreOptions(), logger: Logger(label: "test"))
    if let tokens {
      (chairToken, displayToken) = tokens
    } else {
      chairToken = try opened.store.issueCredential(role: .chair, seat: nil, label: "chair", at: 1)
      displayToken = try opened.store.issueCredential(role: .display, seat: nil, label: "display", at: 1)
    }
    for seat in delegates {
      delegateTokens[seat] = try opened.store.issueCredential(role: .delegate, seat: seat, label: seat, at: 1)
    }
    var options = FloorOptions()
    options.prefillEvents = prefillEvents
    options.outcomeCapacity = outcomeCapacity
    floor = Floor(
      committeeId: definition.id, store: opened.store, state: opened.state, sink: sink, metrics: Metrics(),
      options: options, logger: Logger(label: "test"))
  }

  func settle() { floor.queue.sync {} }

  func hello(_ conn: ConnectionID, _ token: String, after: Int64? = nil) -> JSON? {
    floor.submit(.hello(conn, Hello(token: token, committee: floor.committeeId, after: after)))
    settle()
    return sink.received(conn).last { $0["type"] == "welcome" }
  }

  func command(_ conn: ConnectionID, _ id: String, _ name: String, _ args: JSON = [:]) -> JSON? {
    floor.submit(.command(conn, ClientCommand(id: id, name: name, args: args)))
    settle()
    return sink.received(conn).last { $0["id"] == .string(id) }
  }
}

@Suite struct FloorTests {
  @Test func welcomeThenEventsBeforeTheAck() throws {
    let h = try FloorHarness()
    let welcome = try #require(h.hello(1, h.chairToken))
    #expect(welcome["seq"] == 1 && welcome["resumed"] == false && welcome["role"] == "chair")
    _ = h.hello(2, h.displayToken)
    let ack = try #require(h.command(1, "open-1", "session.open"))
    #expect(ack["type"] == "ack" && ack["seq"] == 2)
    let chairFrames = h.sink.received(1).map { $0["type"]! }
    #expect(chairFrames == ["welcome", "event", "ack"])
    let event = try #require(h.sink.received(2).last)
    #expect(event["type"] == "event" && event["seq"] == 2 && event["name"] == "sessionOpened")
    // The patch turns the welcome's view into the live one.
    let ops = try event["patch"]!.arrayValue!.map { op throws(JSONPatchError) in try JSONPatchOperation(json: op) }
    #expect(try welcome["state"]!.applying(ops) == publicView(h.floor.queue.sync { h.floor.state }))
  }

  @Test func aRetriedIdIsAnsweredWithTheFirstOutcomeAndChangesNothing() throws {
    let h = try FloorHarness()
    _ = h.hello(1, h.chairToken)
    let first = try #require(h.command(1, "same", "agenda.set", ["topic": "Small arms"]))
    let again = try #require(h.command(1, "same", "agenda.set", ["topic": "Something else"]))
    #expect(first == again)
    #expect(h.sink.received(1).filter { $0["type"] == "event" }.count == 1)
    let rejected = try #require(h.command(1, "bad", "agenda.set", ["topic": 5]))
    #expect(rejected["type"] == "reject" && rejected["code"] == "invalid_args")
    #expect(try #require(h.command(1, "bad", "agenda.set", ["topic": "Fine now"])) == rejected)
  }

  @Test func displaysSendNoCommandsAndUnknownTokensAreRefused() throws {
    let h = try FloorHarness()
    _ = h.hello(2, h.displayToken)
    let answer = try #require(h.command(2, "d1", "session.open"))
    #expect(answer["code"] == "forbidden")
    #expect(h.hello(3, "no-such-token") == nil)
    #expect(h.sink.closeCode(3) == CloseCode.unauthorized.rawValue)
  }

  @Test func groupCommitAnswersEveryCommandOfTheBatch() throws {
    let h = try FloorHarness()
    _ = h.hello(1, h.chairToken)
    for i in 0..<20 {
      h.floor.submit(.command(1, ClientCommand(id: "t\(i)", name: "agenda.set", args: ["topic": .string("Topic \(i)")])))
    }
    h.floor.submit(.command(1, ClientCommand(id: "t3", name: "agenda.set", args: ["topic": "dup"])))
    h.settle()
    let frames = h.sink.received(1)
    let acks = frames.filter { $0["type"] == "ack" }
    let events = frames.filter { $0["type"] == "event" }.map { $0["seq"]!.intValue! }
    #expect(acks.count == 21)
    #expect(events == Array(2...21))
    #expect(acks.last == acks[3])  // the duplicate id got the first outcome
  }

  /// Reopened with `prefillEvents` put back in memory: 0 resumes from the log, 1024 from the ring.
  @Test(arguments: [0, 1024]) func resumeAfterReopening(prefillEvents: Int) throws {
    let dir = try TemporaryDirectory()
    var tokens: (String, String)
    var state: JSON
    do {
      let h = try FloorHarness(dir: dir)
      tokens = (h.chairToken, h.displayToken)
      state = try #require(h.hello(2, h.displayToken))["state"]!
      _ = h.hello(1, h.chairToken)
      for i in 0..<3 { _ = h.command(1, "x\(i)", "agenda.set", ["topic": .string("T\(i)")]) }
      h.floor.shutdown()
    }
    let h = try FloorHarness(dir: dir, tokens: tokens, prefillEvents: prefillEvents)
    #expect(h.floor.queue.sync { h.floor.ring.count } == min(prefillEvents, 4))
    let welcome = try #require(h.hello(5, tokens.1, after: 1))
    #expect(welcome["resumed"] == true && welcome["seq"] == 1 && welcome["state"] == nil)
    let events = h.sink.received(5).filter { $0["type"] == "event" }
    #expect(events.map { $0["seq"]!.intValue! } == [2, 3, 4])
    for event in events {
      state = try state.applying(event["patch"]!.arrayValue!.map { op throws(JSONPatchError) in try JSONPatchOperation(json: op) })
    }
    #expect(state == h.floor.queue.sync { h.floor.view.json })
  }
}

@Suite struct FloorStorageFailureTests {
  /// Another writer appends behind the Floor's back: its next commit fails, so every command of
  /// that batch is refused with `unavailable` and nothing is published.
  @Test func aFailedCommitRefusesTheWholeBatchAndPublishesNothing() throws {
    let h = try FloorHarness()
    _ = h.hello(1, h.chairToken)
    _ = h.hello(2, h.displayToken)
    let intruder = try EventStore(path: h.dir.file("ga5.gavel"))
    _ = try intruder.append([
      AppendRequest(
        actor: .system, at: 5, credentialId: nil, commandId: nil,
        events: [Event(AgendaSet(topic: "Written elsewhere", at: 5))], rejection: nil)
    ])
    for i in 0..<3 {
      h.floor.submit(.command(1, ClientCommand(id: "u\(i)", name: "agenda.set", args: ["topic": .string("T\(i)")])))
    }
    h.settle()
    let answers = h.sink.received(1).filter { $0["type"] == "reject" }
    #expect(answers.count == 3)
    #expect(answers.allSatisfy { $0["code"] == "unavailable" })
    #expect(!h.sink.received(2).contains { $0["type"] == "event" })
    #expect(h.floor.queue.sync { h.floor.seq } == 1)
  }
}
