// Online copy of a committee log through SQLite's backup API (`gavel backup`, `gavel restore`).
// Owns one promise: the copy is one consistent snapshot of the log, taken beside a live writer
// without stopping it, and it appears at its destination only whole and verified (written to a
// temporary name, checked, fsynced, then renamed). This file and SQLiteConnection are the only
// ones that touch sqlite3 handles: the backup API spans two connections.
import CSQLite
import Foundation

public enum Backup {
  /// What a finished copy holds.
  public struct Report: Sendable, Equatable {
    /// The seq of the last event in the copy (0 for a log that has not convened).
    public let lastSeq: Int64
    /// Database pages copied.
    public let pages: Int
    /// Where the copy is.
    public let destination: String
  }

  /// Copies the log at `source` to `destination` (a file path, or an existing folder to put
  /// `basename(source)` in). Refuses an existing destination file and any `-wal`/`-shm` beside
  /// it, because a stale WAL next to a new file would be replayed over it.
  public static func copy(from source: String, to destination: String, busyTimeoutMs: Int32 = 30_000)
    throws(StoreError) -> Report
  {
    guard FileManager.default.fileExists(atPath: source) else {
      throw StoreError(code: 0, message: "no such file: \(source) — name a committee log (DATA/ID.gavel)")
    }
    let target = resolve(destination, source: source)
    for path in [target, target + "-wal", target + "-shm"] where FileManager.default.fileExists(atPath: path) {
      throw StoreError(code: 0, message: "\(path) already exists — choose a new destination or move it aside first")
    }
    let temporary = target + ".partial-\(getpid())"
    defer { removeDatabase(temporary) }

    let pages: Int
    do {
      // Read-only: a backup never writes the source, not even a checkpoint.
      let from = try SQLiteConnection(path: source, readOnly: true, busyTimeoutMs: busyTimeoutMs)
      let to = try SQLiteConnection(path: temporary, readOnly: false, busyTimeoutMs: busyTimeoutMs)
      pages = try step(from: from, to: to, busyTimeoutMs: busyTimeoutMs)
      // The copy keeps the source's WAL flag; fold everything into the main file so that the
      // destination is one self-contained file.
      try to.execute("PRAGMA journal_mode = DELETE")
    }
    // The copy must open and its hash chain verify (from its last snapshot) before it counts.
    let lastSeq = try EventStore(path: temporary, options: StoreOptions(readOnly: true)).lastSeq
    try durablyRename(temporary, to: target)
    return Report(lastSeq: lastSeq, pages: pages, destination: target)
  }

  /// All pages in one step: in WAL mode that is one read transaction, a consistent snapshot
  /// that never blocks gaveld's writes. Smaller steps would restart from the first page after
  /// every commit of a busy writer and might never finish.
  static func step(from: SQLiteConnection, to: SQLiteConnection, busyTimeoutMs: Int32) throws(StoreError) -> Int {
    guard let backup = sqlite3_backup_init(to.handle, "main", from.handle, "main") else {
      throw to.error(sqlite3_errcode(to.handle), sql: nil)
    }
    var rc = sqlite3_backup_step(backup, -1)
    var waited: Int32 = 0
    // BUSY/LOCKED only while another connection holds an exclusive lock (a TRUNCATE checkpoint
    // or a schema migration): wait for it, within the busy timeout.
    while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < busyTimeoutMs {
      sqlite3_sleep(20)
      waited += 20
      rc = sqlite3_backup_step(backup, -1)
    }
    let pages = Int(sqlite3_backup_pagecount(backup))
    let finish = sqlite3_backup_finish(backup)
    guard rc == SQLITE_DONE, finish == SQLITE_OK else {
      let code = rc == SQLITE_DONE ? finish : rc
      let reason = String(cString: sqlite3_errstr(code))
      throw StoreError(
        code: code, message: "cannot copy \(from.path): \(reason) — retry, or stop gaveld and copy again")
    }
    return pages
  }

  /// A folder destination receives the source's file name.
  static func resolve(_ destination: String, source: String) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue else {
      return destination
    }
    return URL(fileURLWithPath: destination).appendingPathComponent(URL(fileURLWithPath: source).lastPathComponent)
      .path
  }

  /// fsync the file, rename it into place, fsync the folder: after a crash the destination is
  /// either absent or whole.
  static func durablyRename(_ from: String, to: String) throws(StoreError) {
    let fd = open(from, O_RDONLY)
    if fd >= 0 {
      _ = fsync(fd)
      close(fd)
    }
    guard rename(from, to) == 0 else {
      throw StoreError.system("cannot rename \(from) to \(to)")
    }
    let folder = open(URL(fileURLWithPath: to).deletingLastPathComponent().path, O_RDONLY)
    if folder >= 0 {
      _ = fsync(folder)
      close(folder)
    }
  }

  static func removeDatabase(_ path: String) {
    for file in [path, path + "-wal", path + "-shm", path + "-journal"] { unlink(file) }
  }
}
