// Invariants 1–3: a whole batch of commands is committed in ONE `BEGIN IMMEDIATE … COMMIT`,
// each command's outcome is recorded with its events, and a retried (credential, command id)
// returns its first outcome and writes nothing. On any failure the transaction rolls back and
// `lastSeq`/`lastHash` stay as they were, so the next append continues the chain.
import GavelCore

struct OutcomeKey: Hashable {
  let credentialId: Int64
  let commandId: String
}

extension EventStore {
  public func append(_ batch: [AppendRequest]) throws(StoreError) -> [AppendResult] {
    guard !batch.isEmpty else { return [] }
    var seq = lastSeq
    var hash = lastHash
    let results = try db.immediateTransaction { () throws(StoreError) -> [AppendResult] in
      try checkTail()
      var recorded: [OutcomeKey: StoredOutcome] = [:]
      var results: [AppendResult] = []
      results.reserveCapacity(batch.count)
      for request in batch {
        let key = request.credentialId.flatMap { id in
          request.commandId.map { OutcomeKey(credentialId: id, commandId: $0) }
        }
        if let key, let prior = try previousOutcome(key, recorded) {
          results.append(AppendResult(outcome: prior, events: [], isReplay: true))
          continue
        }
        var stored: [StoredEvent] = []
        let result: StoredOutcome
        if let rejection = request.rejection {
          result = .rejected(rejection)
        } else {
          for event in request.events {
            seq += 1
            let row = try insert(event, seq: seq, prevHash: hash, request: request)
            hash = row.hash
            stored.append(row)
          }
          result = .accepted(seq: seq)
        }
        if let key {
          try record(result, for: key, at: request.at)
          recorded[key] = result
        }
        results.append(AppendResult(outcome: result, events: stored))
      }
      return results
    }
    commit(seq: seq, hash: hash)
    return results
  }

  /// The recorded outcome of a command, for a retried id (invariant 3).
  public func outcome(credentialId: Int64, commandId: String) throws(StoreError) -> StoredOutcome? {
    try outcome(OutcomeKey(credentialId: credentialId, commandId: commandId))
  }

  func outcome(_ key: OutcomeKey) throws(StoreError) -> StoredOutcome? {
    let stmt = try db.statement("SELECT seq, code, message FROM outcomes WHERE credential_id = ? AND command_id = ?")
    defer { stmt.reset() }
    stmt.bind(1, key.credentialId)
    stmt.bind(2, key.commandId)
    guard try stmt.step() else { return nil }
    if let seq = stmt.optionalInt64(0) { return .accepted(seq: seq) }
    let code = RejectionCode(rawValue: stmt.string(1)) ?? .unavailable
    return .rejected(Rejection(code, stmt.optionalString(2) ?? ""))
  }

  private func previousOutcome(_ key: OutcomeKey, _ recorded: [OutcomeKey: StoredOutcome]) throws(StoreError)
    -> StoredOutcome?
  {
    if let earlier = recorded[key] { return earlier }
    return try outcome(key)
  }

  private func record(_ outcome: StoredOutcome, for key: OutcomeKey, at: Int64) throws(StoreError) {
    let stmt = try db.statement(
      "INSERT INTO outcomes (credential_id, command_id, at, seq, code, message) VALUES (?, ?, ?, ?, ?, ?)")
    stmt.bind(1, key.credentialId)
    stmt.bind(2, key.commandId)
    stmt.bind(3, at)
    switch outcome {
    case .accepted(let seq):
      stmt.bind(4, seq)
    case .rejected(let rejection):
      stmt.bind(5, rejection.code.rawValue)
      stmt.bind(6, rejection.message)
    }
    try stmt.run()
  }

  private func insert(_ event: Event, seq: Int64, prevHash: [UInt8], request: AppendRequest) throws(StoreError)
    -> StoredEvent
  {
    let payload = EventCodec.encode(event)
    let canonical = HashChain.canonicalBytes(
      seq: seq, at: request.at, actor: request.actor, credentialId: request.credentialId,
      commandId: request.commandId, name: event.name, version: event.version, payload: payload)
    let hash = HashChain.link(prevHash: prevHash, canonical: canonical)
    let stmt = try db.statement("INSERT INTO events (\(Self.eventColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    stmt.bind(1, seq)
    stmt.bind(2, request.at)
    stmt.bind(3, request.actor.role.rawValue)
    stmt.bind(4, request.actor.seat)
    stmt.bind(5, request.credentialId)
    stmt.bind(6, request.commandId)
    stmt.bind(7, event.name)
    stmt.bind(8, Int64(event.version))
    stmt.bindText(9, payload)
    stmt.bindBlob(10, prevHash)
    stmt.bindBlob(11, hash)
    try stmt.run()
    return StoredEvent(
      seq: seq, at: request.at, actor: request.actor, credentialId: request.credentialId,
      commandId: request.commandId, name: event.name, version: event.version, payload: payload,
      prevHash: prevHash, hash: hash)
  }

  /// One writer per file: if the file's end is not where this store left it, someone else wrote.
  private func checkTail() throws(StoreError) {
    let stmt = try db.statement("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
    defer { stmt.reset() }
    let (seq, hash) = try stmt.step() ? (stmt.int64(0), stmt.bytes(1)) : (0, HashChain.genesis)
    guard seq == lastSeq, hash == lastHash else {
      throw StoreError(
        code: 0,
        message:
          "\(path): the log ends at seq \(seq), not at \(lastSeq) as this writer expects; another process wrote to it. Reopen the file."
      )
    }
  }
}
