// Invariants 1–3: a whole batch of commands is committed in ONE `BEGIN IMMEDIATE … COMMIT`,
// each command's outcome is recorded with its events, and a retried (credential, command id)
// returns its first outcome and writes nothing. On any failure the transaction rolls back and
// `lastSeq`/`lastHash` stay as they were, so the next append continues the chain.
// A command's outcome row is written first, before its events (its seq is known: the current
// seq plus its event count): the insert that finds the id taken is the retry check, so a new
// command costs one statement there, not a lookup and an insert.
import GavelCore

struct OutcomeKey: Hashable {
  let credentialId: Int64
  let commandId: String
}

/// The statements of one group commit, looked up once per batch rather than once per row.
struct AppendStatements {
  let insertEvent: SQLiteStatement
  let insertOutcome: SQLiteStatement
  let findOutcome: SQLiteStatement

  init(_ db: SQLiteConnection) throws(StoreError) {
    insertEvent = try db.statement(Self.insertEventSQL)
    insertOutcome = try db.statement(Self.insertOutcomeSQL)
    findOutcome = try db.statement(Self.findOutcomeSQL)
  }

  static let insertEventSQL = "INSERT INTO events (\(EventStore.eventColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
  static let insertOutcomeSQL =
    "INSERT INTO outcomes (credential_id, command_id, at, seq, code, message) VALUES (?, ?, ?, ?, ?, ?) "
    + "ON CONFLICT (credential_id, command_id) DO NOTHING"
  static let findOutcomeSQL = "SELECT seq, code, message FROM outcomes WHERE credential_id = ? AND command_id = ?"
}

extension EventStore {
  public func append(_ batch: [AppendRequest]) throws(StoreError) -> [AppendResult] {
    guard !batch.isEmpty else { return [] }
    var seq = lastSeq
    var hash = lastHash
    let results = try db.immediateTransaction { () throws(StoreError) -> [AppendResult] in
      try checkTail()
      let statements = try AppendStatements(db)
      let chain = ChainHasher(prev: hash)
      var recorded: [OutcomeKey: StoredOutcome] = [:]
      var results: [AppendResult] = []
      results.reserveCapacity(batch.count)
      for request in batch {
        let key = request.credentialId.flatMap { id in
          request.commandId.map { OutcomeKey(credentialId: id, commandId: $0) }
        }
        let result: StoredOutcome =
          request.rejection.map { .rejected($0) } ?? .accepted(seq: seq + Int64(request.events.count))
        if let key {
          var prior = recorded[key]
          if prior == nil { prior = try claim(result, for: key, at: request.at, statements) }
          if let prior {
            results.append(AppendResult(outcome: prior, events: [], isReplay: true))
            continue
          }
          recorded[key] = result
        }
        var stored: [StoredEvent] = []
        if request.rejection == nil {
          for event in request.events {
            seq += 1
            let row = try insert(event, seq: seq, prevHash: hash, request: request, chain, statements.insertEvent)
            hash = row.hash
            stored.append(row)
          }
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
    try outcome(OutcomeKey(credentialId: credentialId, commandId: commandId), db.statement(AppendStatements.findOutcomeSQL))
  }

  func outcome(_ key: OutcomeKey, _ stmt: SQLiteStatement) throws(StoreError) -> StoredOutcome? {
    defer { stmt.reset() }
    stmt.bind(1, key.credentialId)
    stmt.bind(2, key.commandId)
    guard try stmt.step() else { return nil }
    return Self.outcome(stmt, from: 0)
  }

  /// Every recorded outcome, or nil when there are more than `limit` of them: what a cache
  /// that can hold them all loads, to know that an id it lacks was never seen.
  public func allOutcomes(limit: Int) throws(StoreError)
    -> [(credentialId: Int64, commandId: String, outcome: StoredOutcome)]?
  {
    let stmt = try db.statement("SELECT credential_id, command_id, seq, code, message FROM outcomes")
    defer { stmt.reset() }
    var all: [(credentialId: Int64, commandId: String, outcome: StoredOutcome)] = []
    while try stmt.step() {
      guard all.count < limit else { return nil }
      all.append((stmt.int64(0), stmt.string(1), Self.outcome(stmt, from: 2)))
    }
    return all
  }

  /// The outcome in the row's columns `seq, code, message`, starting at `first`.
  private static func outcome(_ stmt: SQLiteStatement, from first: Int32) -> StoredOutcome {
    if let seq = stmt.optionalInt64(first) { return .accepted(seq: seq) }
    let code = RejectionCode(rawValue: stmt.string(first + 1)) ?? .unavailable
    return .rejected(Rejection(code, stmt.optionalString(first + 2) ?? ""))
  }

  /// Records the command's outcome unless its id already has one; returns that earlier
  /// outcome (a retry: nothing is written), or nil once this one is recorded.
  private func claim(_ result: StoredOutcome, for key: OutcomeKey, at: Int64, _ statements: AppendStatements)
    throws(StoreError) -> StoredOutcome?
  {
    let stmt = statements.insertOutcome
    stmt.bind(1, key.credentialId)
    stmt.bind(2, key.commandId)
    stmt.bind(3, at)
    switch result {
    case .accepted(let seq):
      stmt.bind(4, seq)
      stmt.bindNull(5)
      stmt.bindNull(6)
    case .rejected(let rejection):
      stmt.bindNull(4)
      stmt.bind(5, rejection.code.rawValue)
      stmt.bind(6, rejection.message)
    }
    try stmt.run()
    guard db.changes == 0 else { return nil }
    guard let earlier = try outcome(key, statements.findOutcome) else {
      throw StoreError(code: 0, message: "\(path): command \(key.commandId) is recorded and yet has no outcome")
    }
    return earlier
  }

  private func insert(
    _ event: Event, seq: Int64, prevHash: [UInt8], request: AppendRequest, _ chain: ChainHasher, _ stmt: SQLiteStatement
  ) throws(StoreError) -> StoredEvent {
    let payload = EventCodec.encode(event)
    let name = event.name
    let version = event.version
    chain.hash(
      seq: seq, at: request.at, role: request.actor.role.rawValue.utf8, seat: request.actor.seat?.utf8,
      credentialId: request.credentialId, commandId: request.commandId?.utf8, name: name.utf8, version: Int64(version),
      payload: payload)
    let hash = chain.digestBytes
    chain.advance()
    // Every parameter is bound on every row, so `run`'s reset is enough.
    stmt.bind(1, seq)
    stmt.bind(2, request.at)
    stmt.bind(3, request.actor.role.rawValue)
    stmt.bind(4, request.actor.seat)
    stmt.bind(5, request.credentialId)
    stmt.bind(6, request.commandId)
    stmt.bind(7, name)
    stmt.bind(8, Int64(version))
    stmt.bindText(9, payload)
    stmt.bindBlob(10, prevHash)
    stmt.bindBlob(11, hash)
    try stmt.run()
    return StoredEvent(
      seq: seq, at: request.at, actor: request.actor, credentialId: request.credentialId,
      commandId: request.commandId, name: name, version: version, payload: payload, prevHash: prevHash, hash: hash)
  }

  /// One writer per file: if the file's end is not where this store left it, someone else wrote.
  private func checkTail() throws(StoreError) {
    let stmt = try db.statement(Self.lastEventSQL)
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

  static let lastEventSQL = "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"
}
