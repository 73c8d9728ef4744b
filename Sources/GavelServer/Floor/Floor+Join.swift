// Joining a committee (protocol.md §3 hello, §4 welcome, §5 resume). Runs on the Floor's queue,
// between batches, so a joining connection sees exactly the frames after its welcome's seq:
// no gap, no duplicate.
import GavelCore
import GavelStore
import GavelWire

extension Floor {
  func join(_ conn: ConnectionID, _ hello: Hello) {
    guard let store else { return }
    let credential: Credential?
    do {
      credential = try store.credential(token: hello.token)
    } catch {
      logger.error("credential lookup failed", metadata: ["store.error": "\(error)"])
      sink.close(conn, code: CloseCode.internalError.rawValue, reason: "storage unavailable, retry")
      return
    }
    guard let credential, !credential.revoked else {
      sink.close(conn, code: CloseCode.unauthorized.rawValue, reason: "unknown or revoked token")
      return
    }
    switch credential.role {
    case .system:
      sink.close(conn, code: CloseCode.forbidden.rawValue, reason: "role not allowed on this committee")
      return
    case .delegate:
      guard let seat = credential.seat, state.committee.seat(seat) != nil else {
        sink.close(conn, code: CloseCode.forbidden.rawValue, reason: "seat not in this committee")
        return
      }
    case .chair, .display, .auditor:
      break
    }
    if options.replaceConnections {
      for (other, subscriber) in subscribers where subscriber.credentialId == credential.id {
        sink.close(other, code: CloseCode.replaced.rawValue, reason: "replaced by a newer connection")
        leave(other)
      }
    }
    let subscriber = Subscriber(
      credentialId: credential.id, role: credential.role, seat: credential.role == .delegate ? credential.seat : nil)
    subscribers[conn] = subscriber
    metrics.connectionJoined(subscriber.role.rawValue)
    logger.debug(
      "joined",
      metadata: [
        "connection.id": "\(conn)", "credential.id": "\(credential.id)", "role": .string(credential.role.rawValue),
        "after": "\(hello.after.map(String.init) ?? "-")",
      ])
    welcome(conn, subscriber, after: hello.after)
  }

  func leave(_ conn: ConnectionID) {
    guard let subscriber = subscribers.removeValue(forKey: conn) else { return }
    metrics.connectionLeft(subscriber.role.rawValue)
  }

  private func welcome(_ conn: ConnectionID, _ subscriber: Subscriber, after: Int64?) {
    let now = WallClock.nowMs()
    if let after, after > 0, after <= seq, seq - after <= Int64(options.maxResumeFrames),
      let missed = ring.frames(after: after) ?? framesFromLog(after: after)
    {
      sink.send(
        ServerFrame.welcome(
          committee: committeeId, role: subscriber.role, seat: subscriber.seat, seq: after, resumed: true,
          serverTime: now, state: nil), to: conn)
      for frame in missed { sink.send(frame, to: conn) }
      return
    }
    sink.send(
      ServerFrame.welcome(
        committee: committeeId, role: subscriber.role, seat: subscriber.seat, seq: seq, resumed: false,
        serverTime: now, state: view.json), to: conn)
  }

  /// Rebuilds the event frames after `after` from the log: the state at `after` (from the
  /// store's newest snapshot at or before it), then each event's view and patch. Nil (→ a fresh
  /// welcome) when too far behind or when anything disagrees with the live view.
  func framesFromLog(after: Int64) -> [Frame]? {
    guard let store, after >= 0, after <= seq, seq - after <= Int64(options.maxLogCatchUp) else { return nil }
    var frames: [Frame] = []
    var cursor = after
    var replayedView: LiveView
    do {
      var replayed = try store.load(through: after)
      replayedView = LiveView(replayed)
      while cursor < seq {
        let page = try store.events(after: cursor, limit: 1000)
        guard !page.isEmpty else { break }
        for stored in page where stored.seq <= seq {
          guard stored.seq == cursor + 1 else { return nil }
          evolve(&replayed, try stored.decode())
          let patch = replayedView.advance(to: replayed)
          frames.append(
            ServerFrame.event(seq: stored.seq, at: stored.at, name: stored.name, payload: stored.payload, patch: patch))
          cursor = stored.seq
        }
      }
    } catch {
      logger.warning("resume from the log failed; sending a fresh welcome", metadata: ["error": "\(error)"])
      return nil
    }
    // The replayed view must be the live one, or the client would drift: fall back instead.
    guard cursor == seq, replayedView.json == view.json else { return nil }
    return frames
  }

  /// After a restart the ring starts with the log's last events, so that the clients that
  /// reconnect right away resume from memory instead of each replaying the log.
  func prefillRing(events count: Int) {
    let from = max(0, seq - Int64(min(count, options.ringCapacity)))
    guard from < seq, let frames = framesFromLog(after: from) else { return }
    var filled = EventRing(capacity: options.ringCapacity, lastSeq: from)
    for (offset, frame) in frames.enumerated() { filled.append(seq: from + 1 + Int64(offset), frame) }
    ring = filled
  }
}
