// Walking the hash chain: every row must follow its predecessor (no gap, no duplicate), link to
// its hash, and hash to its own stored value. Used at open (tail only), by load (tail, decoding
// and applying each event) and by verify (everything). A walk reads each row in SQLite's own
// buffers, hashes it in a ChainHasher's reused buffers and decodes it with one EventReader: a
// million-row start allocates per event little beyond what the decoded event holds.
import GavelCore

extension EventStore {
  /// Walks the rows after `start` (whose chain hash is `hash`) up to `end`; stops at the first
  /// problem. With `decoding`, each event must decode and is handed to `apply`.
  func walk(
    after start: Int64, hash: [UInt8], through end: Int64 = .max, decoding: Bool,
    apply: (Event) -> Void = { _ in }
  ) -> VerificationReport {
    var expected = start + 1
    let chain = ChainHasher(prev: hash)
    var roles = BytesCache<Role?>()
    var reader = EventReader()
    var count = 0
    func stop(_ seq: Int64, _ reason: String) -> VerificationReport {
      VerificationReport(
        eventCount: count, lastGoodSeq: expected - 1, lastGoodHash: chain.prev,
        problem: .init(seq: seq, reason: reason))
    }
    let stmt: SQLiteStatement
    do {
      stmt = try db.statement(Self.walkSQL)
    } catch {
      return stop(expected, "the events cannot be read: \(error.message)")
    }
    defer { stmt.reset() }
    stmt.bind(1, start)
    stmt.bind(2, end)
    while true {
      let hasRow: Bool
      do {
        hasRow = try stmt.step()
      } catch {
        return stop(expected, "the file is damaged: \(error.message)")
      }
      guard hasRow else { break }
      let seq = stmt.int64(0)
      let role = stmt.borrowedBytes(2)
      guard roles.value(for: role, make: { Role(rawValue: $0) }) != nil else {
        return stop(seq, "unknown actor role \(stmt.string(2))")
      }
      guard seq == expected else {
        return stop(expected, "seq \(expected) is missing (the next row is seq \(seq))")
      }
      guard chain.prevEquals(stmt.borrowedBytes(9)) else {
        return stop(expected, "prev_hash does not match the hash of seq \(expected - 1)")
      }
      let name = stmt.borrowedBytes(6)
      let version = stmt.int64(7)
      let payload = stmt.borrowedBytes(8)
      chain.hash(
        seq: seq, at: stmt.int64(1), role: role, seat: stmt.optionalBorrowedBytes(3),
        credentialId: stmt.optionalInt64(4), commandId: stmt.optionalBorrowedBytes(5), name: name,
        version: version, payload: payload)
      guard chain.digestEquals(stmt.borrowedBytes(10)) else {
        return stop(expected, "the hash does not match the row's content")
      }
      if decoding {
        do {
          apply(try reader.decode(name: name, version: Int(version), payload: payload))
        } catch {
          return stop(expected, error.description)
        }
      }
      count += 1
      chain.advance()
      expected += 1
    }
    return VerificationReport(eventCount: count, lastGoodSeq: expected - 1, lastGoodHash: chain.prev, problem: nil)
  }

  static let walkSQL = "SELECT \(eventColumns) FROM events WHERE seq > ? AND seq <= ? ORDER BY seq"

  /// Full verification: the whole chain from genesis, and every payload decodable.
  public func verify() -> VerificationReport {
    let report = walk(after: 0, hash: HashChain.genesis, decoding: true)
    guard report.isValid else { return report }
    // Rows below seq 1 are invisible to the chain walk and to replay; their presence alone means
    // someone wrote around the triggers.
    let stray = (try? db.integer("SELECT IFNULL(MIN(seq), 1) FROM events")) ?? 1
    guard stray < 1 else { return report }
    return VerificationReport(
      eventCount: report.eventCount, lastGoodSeq: report.lastGoodSeq, lastGoodHash: report.lastGoodHash,
      problem: .init(seq: stray, reason: "a row with seq \(stray) lies outside the chain"))
  }
}
