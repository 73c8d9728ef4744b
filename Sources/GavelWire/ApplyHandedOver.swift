// What the lws thread does with a hand-over when a turn of its event loop ends, outside lws's
// callbacks: every command in order, then every connection given frames is written (DueWrites).
// A hand-over whose one wide command is a prompt frame for many connections — a fan-out, what a
// chair's command produces — has that frame written as it is queued, connection by connection
// (WriteAsQueued.swift). The few connections the hand-over gives more to after it (the chair's
// ack) get the fan-out's frame first and the rest behind it, and are written before the pass:
// everything in one write, and the chair's ack does not wait for a thousand screens.
extension ServiceLoop {
  /// More connections than this make a command wide.
  static let fewTargets = 8

  /// lws thread, between turns of the event loop.
  func applyHandedOver(_ context: OpaquePointer) {
    let commands = handedOver
    handedOver.removeAll(keepingCapacity: true)
    guard let fanOut = Self.fanOut(in: commands), case .deliver(.frame(let frame, let ids, let delivery)) = commands[fanOut]
    else {
      for command in commands { apply(command) }
      serviceDueWrites(context)
      return
    }
    for command in commands[..<fanOut] { apply(command) }
    let later = commands[(fanOut + 1)...]
    var ahead: [Connection] = []
    for id in Self.connections(namedBy: later) {
      let times = ids.lazy.filter { $0 == id }.count
      guard times > 0, let connection = connections[id], !connection.takenAhead else { continue }
      connection.takenAhead = true
      ahead.append(connection)
      for _ in 0..<times {
        if queue(frame, on: connection, delivery) { due.add(connection) }
      }
    }
    for command in later { apply(command) }
    serviceDueWrites(context)
    writeAsQueued(frame, to: ids, delivery, context)
    for connection in ahead { connection.takenAhead = false }
  }

  /// The index of the hand-over's fan-out: its one prompt frame for more than `fewTargets`
  /// connections, when no other command names more than that and none stops the server.
  static func fanOut(in commands: [WireCommand]) -> Int? {
    var found: Int? = nil
    for (index, command) in commands.enumerated() {
      switch command {
      case .deliver(.frame(_, let ids, let delivery)) where ids.count > fewTargets:
        guard delivery == .prompt, found == nil else { return nil }
        found = index
      case .stop:
        return nil
      default:
        continue
      }
    }
    return found
  }

  /// Every connection the commands give a frame or a close to, once each.
  static func connections(namedBy commands: ArraySlice<WireCommand>) -> [ConnectionID] {
    var named: [ConnectionID] = []
    func add(_ id: ConnectionID) { if !named.contains(id) { named.append(id) } }
    for command in commands {
      switch command {
      case .send(_, let id): add(id)
      case .deliver(.frame(_, let ids, _)): ids.forEach(add)
      case .deliver(.close(let id, _, _)): add(id)
      case .stop: continue
      }
    }
    return named
  }
}
