// The event log of one committee: one SQLite file, one writer (invariant 2). Opening it applies
// the durability settings of invariant 1 (WAL, synchronous=FULL, busy timeout), brings the
// schema up to date, and verifies the hash chain from the last snapshot (invariant 9), so a
// tampered tail is refused before anything is served from it.
import CSQLite
import GavelCore
import Logging

public final class EventStore {
  public let path: String
  public let options: StoreOptions
  let db: SQLiteConnection
  let logger: Logger

  /// The seq of the last committed event (0 for an empty log).
  public private(set) var lastSeq: Int64 = 0
  /// The chain hash of the last committed event (32 zero bytes for an empty log).
  public private(set) var lastHash: [UInt8] = HashChain.genesis
  /// The seq of the newest snapshot (0 when there is none).
  public internal(set) var lastSnapshotSeq: Int64 = 0

  /// Opens (and, unless read-only, creates and migrates) the log at `path`.
  public convenience init(path: String, options: StoreOptions = .init(), logger: Logger? = nil) throws(StoreError) {
    do {
      try self.init(opening: path, options: options, logger: logger ?? EventStore.silent)
    } catch  where error.primaryCode == SQLITE_CORRUPT && !options.readOnly {
      // SQLite refuses a damaged file before any row is read; a forensic read-only pass finds
      // the first bad seq, so the error still says where the damage starts.
      let report = try? EventStore(path: path, options: StoreOptions(readOnly: true, verifyOnOpen: false)).verify()
      guard let problem = report?.problem else { throw error }
      throw StoreError(
        code: error.code, message: Self.broken(path, problem).message, sql: error.sql, firstBadSeq: problem.seq)
    }
  }

  private init(opening path: String, options: StoreOptions, logger: Logger) throws(StoreError) {
    self.path = path
    self.options = options
    var logger = logger
    logger[metadataKey: "store.path"] = "\(path)"
    self.logger = logger
    db = try SQLiteConnection(path: path, readOnly: options.readOnly, busyTimeoutMs: options.busyTimeoutMs)
    if options.readOnly {
      try Schema.checkVersion(db, readOnly: true)
    } else {
      try db.execute("PRAGMA journal_mode = WAL")
      try db.execute("PRAGMA synchronous = FULL")
      try db.execute("PRAGMA wal_autocheckpoint = \(max(options.walAutocheckpoint, 0))")
      let before = try Schema.migrate(db)
      if before != Schema.currentVersion {
        logger.notice(
          "event log schema migrated", metadata: ["store.from": "\(before)", "store.to": "\(Schema.currentVersion)"])
      }
    }
    if options.verifyOnOpen {
      let anchor = try newestSnapshot(through: .max, decodeState: false)
      lastSnapshotSeq = anchor?.seq ?? 0
      let report = walk(after: anchor?.seq ?? 0, hash: anchor?.chainHash ?? HashChain.genesis, decoding: false)
      if let problem = report.problem { throw broken(problem) }
      commit(seq: report.lastGoodSeq, hash: report.lastGoodHash)
    } else {
      // Unverified (for `gavel verify`): take the end as stored; a damaged file is left for
      // verify() to describe rather than refused here.
      lastSnapshotSeq = (try? db.integer("SELECT IFNULL(MAX(seq), 0) FROM snapshots")) ?? 0
      let last = try db.statement(Self.lastEventSQL)
      defer { last.reset() }
      if (try? last.step()) == true { commit(seq: last.int64(0), hash: last.bytes(1)) }
    }
    preallocateWAL()
  }

  static let silent = Logger(label: "gavel.store", factory: { _ in SwiftLogNoOpLogHandler() })

  /// True when `snapshotEvery` events have been appended since the last snapshot.
  public var snapshotDue: Bool { lastSeq - lastSnapshotSeq >= Int64(max(options.snapshotEvery, 1)) }

  /// Adopts a new end of the log; only after a successful COMMIT (or verification at open).
  func commit(seq: Int64, hash: [UInt8]) {
    lastSeq = seq
    lastHash = hash
  }

  /// The error for a broken chain: names the file and the first bad seq.
  func broken(_ problem: VerificationReport.Problem) -> StoreError { Self.broken(path, problem) }

  static func broken(_ path: String, _ problem: VerificationReport.Problem) -> StoreError {
    StoreError(
      code: 0,
      message: "\(path): the event log is broken at seq \(problem.seq): \(problem.reason); run `gavel verify \(path)`",
      firstBadSeq: problem.seq)
  }

  /// Reads the row the statement is on, in the column order of `eventColumns`.
  func storedEvent(_ stmt: SQLiteStatement) -> StoredEvent? {
    guard let role = Role(rawValue: stmt.string(2)) else { return nil }
    return StoredEvent(
      seq: stmt.int64(0), at: stmt.int64(1), actor: Actor(role: role, seat: stmt.optionalString(3)),
      credentialId: stmt.optionalInt64(4), commandId: stmt.optionalString(5), name: stmt.string(6),
      version: Int(stmt.int64(7)), payload: stmt.bytes(8), prevHash: stmt.bytes(9), hash: stmt.bytes(10))
  }

  static let eventColumns =
    "seq, at, actor_role, actor_seat, credential_id, command_id, name, version, payload, prev_hash, hash"
}
