// Walking the hash chain: every row must follow its predecessor (no gap, no duplicate), link to
// its hash, and hash to its own stored value. Used at open (tail only), by load (tail, decoding
// and applying each event) and by verify (everything).
import GavelCore

extension EventStore {
  /// Walks the rows after `start` (whose chain hash is `hash`) up to `end`; stops at the first
  /// problem. With a decoder, each event must decode and is handed to `apply`.
  func walk(
    after start: Int64, hash: [UInt8], through end: Int64 = .max, decoder: PayloadDecoder?,
    apply: (Event) -> Void = { _ in }
  ) -> VerificationReport {
    var expected = start + 1
    var prev = hash
    var count = 0
    func stop(_ seq: Int64, _ reason: String) -> VerificationReport {
      VerificationReport(
        eventCount: count, lastGoodSeq: expected - 1, lastGoodHash: prev,
        problem: .init(seq: seq, reason: reason))
    }
    let stmt: SQLiteStatement
    do {
      stmt = try db.statement("SELECT \(Self.eventColumns) FROM events WHERE seq > ? AND seq <= ? ORDER BY seq")
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
      guard let event = storedEvent(stmt) else {
        return stop(stmt.int64(0), "unknown actor role \(stmt.string(2))")
      }
      guard event.seq == expected else {
        return stop(expected, "seq \(expected) is missing (the next row is seq \(event.seq))")
      }
      guard event.prevHash == prev else {
        return stop(expected, "prev_hash does not match the hash of seq \(expected - 1)")
      }
      guard event.isSelfConsistent else {
        return stop(expected, "the hash does not match the row's content")
      }
      if let decoder {
        do {
          apply(try decoder.decode(name: event.name, version: event.version, payload: event.payload))
        } catch {
          return stop(expected, error.description)
        }
      }
      count += 1
      prev = event.hash
      expected += 1
    }
    return VerificationReport(eventCount: count, lastGoodSeq: expected - 1, lastGoodHash: prev, problem: nil)
  }

  /// Full verification: the whole chain from genesis, and every payload decodable.
  public func verify() -> VerificationReport {
    let report = walk(after: 0, hash: HashChain.genesis, decoder: payloads)
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
