// Persist, then publish (design rule 1) with group commit (rule 2): every command of a batch
// is decided against the evolving scratch state, the batch is written in ONE append, and only
// after it returns is the live state evolved, every event frame sent, then acks and rejects.
import GavelCore
import GavelStore
import GavelWire

extension Floor {
  /// How a command of the batch is answered once the batch is committed.
  private enum Answer {
    /// Known before the append (a retried id, a role that sends no commands).
    case known(StoredOutcome)
    /// The outcome of the batch's request at this index.
    case request(Int)
  }

  private struct Pending {
    var conn: ConnectionID
    var commandId: String
    var key: OutcomeKey?
    var answer: Answer
  }

  func process(_ items: [FloorInput]) {
    defer { sink.flush() }  // everything this batch sends, to the wire in one hand-over
    guard let store else { return }
    var scratch = state
    var requests: [AppendRequest] = []
    var pending: [Pending] = []
    var inBatch: [OutcomeKey: Int] = [:]

    for item in items {
      switch item {
      case .hello(let conn, let hello):
        join(conn, hello)
      case .closed(let conn):
        leave(conn)
      case .command(let conn, let command):
        guard let subscriber = subscribers[conn] else { continue }  // never joined, or cut off
        metrics.commandReceived(committeeId)
        guard subscriber.role == .chair || subscriber.role == .delegate else {
          let rejection = Rejection(.forbidden, "The \(subscriber.role.rawValue) role sends no commands.")
          pending.append(Pending(conn: conn, commandId: command.id, key: nil, answer: .known(.rejected(rejection))))
          continue
        }
        let key = OutcomeKey(credentialId: subscriber.credentialId, commandId: command.id)
        if let index = inBatch[key] {
          pending.append(Pending(conn: conn, commandId: command.id, key: nil, answer: .request(index)))
          continue
        }
        if let known = recordedOutcome(key, store) {
          pending.append(Pending(conn: conn, commandId: command.id, key: nil, answer: .known(known)))
          continue
        }
        let request = decideOne(
          Command(command.name, command.args), actor: subscriber.actor, credentialId: subscriber.credentialId,
          commandId: command.id, scratch: &scratch)
        requests.append(request)
        inBatch[key] = requests.count - 1
        pending.append(Pending(conn: conn, commandId: command.id, key: key, answer: .request(requests.count - 1)))
      case .deadline(let deadline):
        let request = decideOne(
          deadline.command, actor: .system, credentialId: nil, commandId: nil, scratch: &scratch,
          notBefore: deadline.at)
        // A stale expiry (the floor moved on) leaves no trace in the log.
        if !request.events.isEmpty { requests.append(request) }
      }
    }

    var results: [AppendResult] = []
    if !requests.isEmpty {
      let started = WallClock.monotonic()
      do {
        results = try store.append(requests)
        let seconds = WallClock.monotonic() - started
        metrics.observeAppend(seconds)
        if seconds > 0.5 {
          logger.warning("slow commit", metadata: ["batch.size": "\(requests.count)", "seconds": "\(seconds)"])
        }
      } catch {
        logger.error("append failed; the batch is refused", metadata: ["store.error": "\(error)"])
        let unavailable = Rejection(.unavailable, "The committee's log could not be written; nothing changed. Retry.")
        for p in pending {
          let outcome: StoredOutcome
          switch p.answer {
          case .known(let known): outcome = known
          case .request: outcome = .rejected(unavailable)
          }
          answer(p.conn, p.commandId, outcome)
        }
        return
      }
      // Unless the log answered a request with an earlier outcome (its decided events then
      // went unwritten), the scratch state is the state after every committed event.
      let scratchIsCommitted = !results.contains { $0.isReplay }
      publish(requests, results, final: scratchIsCommitted ? scratch : nil)
    }

    for p in pending {
      let outcome: StoredOutcome
      switch p.answer {
      case .known(let known): outcome = known
      case .request(let index): outcome = results[index].outcome
      }
      if let key = p.key { outcomes.record(key, outcome) }
      answer(p.conn, p.commandId, outcome)
    }

    // The frames go first: what follows is bookkeeping no client waits for (and arming a
    // timer wakes the dispatch manager thread, which would otherwise run before the wire).
    sink.flush()
    if !requests.isEmpty {
      snapshotIfDue(store)
      scheduleDeadline()
    }
  }

  /// Decides one command against the scratch state and evolves it; a refusal is recorded too,
  /// so that a retried id gets the same reject.
  private func decideOne(
    _ command: Command, actor: Actor, credentialId: Int64?, commandId: String?, scratch: inout CommitteeState,
    notBefore: Int64 = 0
  ) -> AppendRequest {
    let now = max(WallClock.nowMs(), lastAt, notBefore)
    lastAt = now
    let context = Context(
      now: now, actor: actor, commandId: commandId ?? "", draw: UInt64.random(in: .min ... .max))
    do {
      let events = try decide(command, scratch, context)
      for event in events { evolve(&scratch, event) }
      return AppendRequest(
        actor: actor, at: now, credentialId: credentialId, commandId: commandId, events: events, rejection: nil)
    } catch {
      return AppendRequest(
        actor: actor, at: now, credentialId: credentialId, commandId: commandId, events: [], rejection: error)
    }
  }

  private func recordedOutcome(_ key: OutcomeKey, _ store: EventStore) -> StoredOutcome? {
    if let known = outcomes[key] { return known }
    if outcomes.isComplete { return nil }
    do {
      guard let stored = try store.outcome(credentialId: key.credentialId, commandId: key.commandId) else { return nil }
      outcomes.record(key, stored)
      return stored
    } catch {
      logger.error("outcome lookup failed", metadata: ["store.error": "\(error)"])
      return .rejected(Rejection(.unavailable, "The committee's log could not be read; nothing changed. Retry."))
    }
  }

  /// The committed events become the live state and go out, one shared frame per event.
  /// `final`, when known, is the state after the last of them: adopted rather than evolved to
  /// (evolving copies what the event changes, a whole vote's log for a ballot).
  private func publish(_ requests: [AppendRequest], _ results: [AppendResult], final: CommitteeState?) {
    let started = WallClock.monotonic()
    var audiences = Audiences(currentRoster)
    let last = results.lastIndex { !$0.events.isEmpty }
    for (r, (request, result)) in zip(requests, results).enumerated() {
      for (e, (event, stored)) in zip(request.events, result.events).enumerated() {
        if let final, r == last, e == result.events.count - 1 {
          state = final
        } else {
          evolve(&state, event)
        }
        let patch = view.advance(to: state)
        assert(view.json == publicView(state), "the live view drifted from publicView after \(stored.name)")
        let frame = ServerFrame.event(
          seq: stored.seq, at: stored.at, name: stored.name, payload: stored.payload, patch: patch)
        seq = stored.seq
        ring.append(seq: stored.seq, frame)
        guard !subscribers.isEmpty else { continue }
        // The seat called next is in the view already (`vote.next`, rebuilt after every event).
        let audience = audiences.of(stored.name) { view.member("next", of: "vote")?.stringValue }
        if !audience.prompt.isEmpty { sink.send(frame, to: audience.prompt) }
        if !audience.batched.isEmpty { sink.send(frame, to: audience.batched, delivery: .batched) }
      }
    }
    let committed = seq
    committedSeq.withLock { $0 = committed }
    metrics.observeFanout(WallClock.monotonic() - started)
  }

  private func answer(_ conn: ConnectionID, _ commandId: String, _ outcome: StoredOutcome) {
    switch outcome {
    case .accepted(let seq):
      sink.send(ServerFrame.ack(id: commandId, seq: seq), to: conn)
    case .rejected(let rejection):
      metrics.commandRejected(rejection.code.rawValue)
      logger.debug(
        "rejected",
        metadata: ["connection.id": "\(conn)", "command.id": .string(commandId), "code": .string(rejection.code.rawValue)])
      sink.send(ServerFrame.reject(id: commandId, rejection), to: conn)
    }
  }
}
