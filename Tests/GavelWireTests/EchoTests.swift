// Round trips over a real socket: the Swift ↔ lws join, subprotocol handling, paths.
import GavelWire
import Testing

@Suite("Wire echo and routing")
struct EchoTests {
  @Test("a text message round-trips through the handler and back")
  func echoRoundTrip() async throws {
    let h = try Harness()
    let (client, id) = try await h.connect()
    let reply = try await offPool { () -> String in
      try client.send(text: #"{"type":"hello"}"#)
      return try client.receiveText()
    }
    #expect(reply == #"{"type":"hello"}"#)
    #expect(h.recorder.record.received[id] == [Array(#"{"type":"hello"}"#.utf8)])
    #expect(h.recorder.record.paths[id] == "/ws")
    await h.stop()
    #expect(h.server.stats.framesSent == 1)
  }

  @Test("a client that omits the subprotocol still reaches the WebSocket handler")
  func noSubprotocol() async throws {
    let h = try Harness()
    let (client, _) = try await h.connect(path: "/ws/unsc", subprotocol: nil)
    let reply = try await offPool { () -> String in
      try client.send(text: "ping?")
      return try client.receiveText()
    }
    #expect(reply == "ping?")
    #expect(h.recorder.record.paths.values.contains("/ws/unsc"))
    await h.stop()
  }

  @Test("fragmented and binary messages are reassembled whole")
  func fragments() async throws {
    let h = try Harness()
    let (client, id) = try await h.connect()
    let reply = try await offPool { () -> WSMessage in
      try client.sendFrame(opcode: 0x2, [1, 2, 3], fin: false)
      try client.sendFrame(opcode: 0x0, [4, 5], fin: false)
      try client.sendFrame(opcode: 0x0, [6], fin: true)
      return try client.receive()
    }
    #expect(reply == .binary([1, 2, 3, 4, 5, 6]))
    #expect(h.recorder.record.received[id] == [[1, 2, 3, 4, 5, 6]])
    await h.stop()
  }

  @Test("a text message that is not UTF-8 closes with 1007 and never reaches the handler")
  func invalidUTF8() async throws {
    let h = try Harness()
    let (client, id) = try await h.connect()
    let code = try await offPool { () -> UInt16? in
      try client.sendFrame(opcode: 0x1, [0x68, 0xC3, 0x28])
      return try client.receiveUntilClose().code
    }
    #expect(code == 1007)
    try await h.recorder.wait("closed") { $0.closed.contains(id) }
    #expect(h.recorder.record.received[id] == nil)
    await h.stop()
  }

  @Test("upgrades on paths other than /ws and /ws/NAME are refused with 404")
  func wrongPath() async throws {
    let h = try Harness()
    let port = h.port
    for path in ["/", "/other", "/ws/a/b", "/ws/"] {
      let error = await #expect(throws: ClientError.self) {
        try await offPool { _ = try WSClient(port: port, path: path) }
      }
      #expect(error?.description.contains(" 404 Not Found") == true, "\(path): \(String(describing: error))")
    }
    #expect(h.recorder.record.opened.isEmpty)
    // Query strings are not part of the path: /ws?committee=unsc is /ws.
    let (client, id) = try await h.connect(path: "/ws?committee=unsc")
    #expect(h.recorder.record.paths[id] == "/ws")
    withExtendedLifetime(client) {}
    await h.stop()
  }

  @Test("one Frame broadcast to 50 clients arrives at each of them, in order")
  func broadcast() async throws {
    let h = try Harness()
    var clients: [WSClient] = []
    var ids: [ConnectionID] = []
    for _ in 0..<50 {
      let (client, id) = try await h.connect()
      clients.append(client)
      ids.append(id)
    }
    let count = 200
    for n in 0..<count {
      h.server.send(Frame(Array(#"{"seq":\#(n)}"#.utf8)), to: ids)
    }
    let received = try await offPool { [clients] () -> [[String]] in
      try clients.map { client in try (0..<count).map { _ in try client.receiveText() } }
    }
    let expected = (0..<count).map { #"{"seq":\#($0)}"# }
    for messages in received { #expect(messages == expected) }
    #expect(h.server.stats.framesSent == 50 * count)
    #expect(h.server.stats.connectionsOpen == 50)
    await h.stop()
  }
}

@Suite("Wire hand-over")
struct HandOverTests {
  @Test("8 foreign threads × 250 sends all arrive, each thread's frames in its order")
  func concurrentSenders() async throws {
    let h = try Harness { $0.outboxLimit = 4000 }  // the client reads only after all 2000 are sent
    let (client, id) = try await h.connect()
    let server = h.server
    let threads = 8
    let perThread = 250
    try await withThrowingTaskGroup(of: Void.self) { group in
      for t in 0..<threads {
        group.addTask {
          try await offPool {
            for n in 0..<perThread { server.send(Frame(Array("\(t):\(n)".utf8)), to: id) }
          }
        }
      }
      try await group.waitForAll()
    }
    let received = try await offPool { try (0..<threads * perThread).map { _ in try client.receiveText() } }
    for t in 0..<threads {
      let mine = received.filter { $0.hasPrefix("\(t):") }
      #expect(mine == (0..<perThread).map { "\(t):\($0)" })
    }
    await h.stop()
  }
}
