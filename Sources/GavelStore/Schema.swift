// The file format: one SQLite file per committee, versioned with PRAGMA user_version and marked
// with PRAGMA application_id. Migrations only go forward; a file from a newer build is refused.
// Triggers make the log append-only: events and outcomes are never updated or deleted, and a
// credential may only be revoked (docs/event-log.md).

enum Schema {
  /// "GAVL": tells a Gavel log from any other SQLite file.
  static let applicationId: Int64 = 0x4741_564C

  /// `migrations[i]` takes a file from version i to version i + 1.
  static let migrations: [String] = [version1]
  static var currentVersion: Int64 { Int64(migrations.count) }

  static let version1 = """
    CREATE TABLE events (
      seq           INTEGER PRIMARY KEY,
      at            INTEGER NOT NULL,
      actor_role    TEXT    NOT NULL,
      actor_seat    TEXT,
      credential_id INTEGER,
      command_id    TEXT,
      name          TEXT    NOT NULL,
      version       INTEGER NOT NULL,
      payload       TEXT    NOT NULL,
      prev_hash     BLOB    NOT NULL,
      hash          BLOB    NOT NULL
    );
    CREATE TRIGGER events_in_order BEFORE INSERT ON events
      WHEN NEW.seq IS NOT (SELECT IFNULL(MAX(seq), 0) + 1 FROM events)
      BEGIN SELECT RAISE(ABORT, 'events are appended in seq order without gaps'); END;
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

    CREATE TABLE outcomes (
      credential_id INTEGER NOT NULL,
      command_id    TEXT    NOT NULL,
      at            INTEGER NOT NULL,
      seq           INTEGER,
      code          TEXT,
      message       TEXT,
      PRIMARY KEY (credential_id, command_id),
      CHECK ((seq IS NULL) <> (code IS NULL))
    ) WITHOUT ROWID;
    CREATE TRIGGER outcomes_no_update BEFORE UPDATE ON outcomes
      BEGIN SELECT RAISE(ABORT, 'outcomes are append-only'); END;
    CREATE TRIGGER outcomes_no_delete BEFORE DELETE ON outcomes
      BEGIN SELECT RAISE(ABORT, 'outcomes are append-only'); END;

    CREATE TABLE credentials (
      id         INTEGER PRIMARY KEY,
      token_hash BLOB    NOT NULL UNIQUE,
      role       TEXT    NOT NULL,
      seat       TEXT,
      label      TEXT    NOT NULL,
      issued_at  INTEGER NOT NULL,
      revoked_at INTEGER
    );
    CREATE INDEX credentials_revoked ON credentials (revoked_at) WHERE revoked_at IS NOT NULL;
    CREATE TRIGGER credentials_revoke_only BEFORE UPDATE ON credentials
      WHEN OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.token_hash IS NOT OLD.token_hash OR NEW.role IS NOT OLD.role
        OR NEW.seat IS NOT OLD.seat OR NEW.label IS NOT OLD.label OR NEW.issued_at IS NOT OLD.issued_at
      BEGIN SELECT RAISE(ABORT, 'a credential may only be revoked, once'); END;
    CREATE TRIGGER credentials_no_delete BEFORE DELETE ON credentials
      BEGIN SELECT RAISE(ABORT, 'credentials are revoked, never deleted'); END;

    CREATE TABLE snapshots (
      seq        INTEGER PRIMARY KEY,
      chain_hash BLOB    NOT NULL,
      state      TEXT    NOT NULL,
      hash       BLOB    NOT NULL
    );
    CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
      BEGIN SELECT RAISE(ABORT, 'snapshots are never rewritten'); END;
    """

  /// Brings the file to `currentVersion`, creating it when empty. Runs inside one transaction.
  /// Returns the version the file had before (0 for a new file).
  @discardableResult
  static func migrate(_ db: SQLiteConnection) throws(StoreError) -> Int64 {
    // The common case, a current file, takes no write lock (gaveld may be holding it).
    let before = try checkVersion(db, readOnly: false)
    guard before < currentVersion else { return before }
    try db.immediateTransaction { () throws(StoreError) in
      let version = try checkVersion(db, readOnly: false)
      guard version < currentVersion else { return }
      for step in Int(version)..<migrations.count {
        try db.execute(migrations[step])
      }
      try db.execute("PRAGMA application_id = \(applicationId); PRAGMA user_version = \(currentVersion)")
    }
    return before
  }

  /// The file's schema version; refuses a foreign file, a newer version, or (read-only) an
  /// older one that would need a migration.
  @discardableResult
  static func checkVersion(_ db: SQLiteConnection, readOnly: Bool) throws(StoreError) -> Int64 {
    let version = try db.integer("PRAGMA user_version")
    let appId = try db.integer("PRAGMA application_id")
    if version == 0 {
      let tables = try db.integer("SELECT count(*) FROM sqlite_schema")
      guard tables == 0, appId == 0 else {
        throw StoreError(code: 0, message: "\(db.path) is not a Gavel event log (it has other tables)")
      }
      if readOnly {
        throw StoreError(code: 0, message: "\(db.path) is empty: it is not a Gavel event log yet")
      }
      return 0
    }
    guard appId == applicationId else {
      throw StoreError(code: 0, message: "\(db.path) is not a Gavel event log (application_id \(appId))")
    }
    if version > currentVersion {
      throw StoreError(
        code: 0,
        message:
          "\(db.path) has schema version \(version), newer than this build reads (\(currentVersion)); upgrade gavel")
    }
    if version < currentVersion && readOnly {
      throw StoreError(
        code: 0,
        message:
          "\(db.path) has schema version \(version) and needs a migration to \(currentVersion); open it read-write once"
      )
    }
    return version
  }
}
