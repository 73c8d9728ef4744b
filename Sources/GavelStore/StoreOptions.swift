// How an EventStore opens its file. Defaults suit the daemon; the CLI opens read-only.

public struct StoreOptions: Sendable {
  /// A snapshot is due after this many events since the last one.
  public var snapshotEvery: Int = 1000
  /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
  public var busyTimeoutMs: Int32 = 5000
  /// Open with SQLITE_OPEN_READONLY: nothing is created, migrated or written.
  public var readOnly: Bool = false
  /// Verify the chain from the last snapshot at open and refuse a broken file. `gavel verify`
  /// turns this off so that it can report on a broken file instead of refusing it.
  public var verifyOnOpen: Bool = true
  /// WAL pages after which a commit checkpoints (SQLite's default, 1000). 0 leaves checkpoints
  /// to another process — Litestream, which must own them to replicate every frame.
  public var walAutocheckpoint: Int = 1000
  /// At open, make the WAL as large as it grows between checkpoints, so that commits overwrite
  /// rather than grow it (EventStore+WAL.swift). Off when `walAutocheckpoint` is 0.
  public var preallocateWAL: Bool = false

  public init(
    snapshotEvery: Int = 1000, busyTimeoutMs: Int32 = 5000, readOnly: Bool = false, verifyOnOpen: Bool = true,
    walAutocheckpoint: Int = 1000, preallocateWAL: Bool = false
  ) {
    self.snapshotEvery = snapshotEvery
    self.busyTimeoutMs = busyTimeoutMs
    self.readOnly = readOnly
    self.verifyOnOpen = verifyOnOpen
    self.walAutocheckpoint = walAutocheckpoint
    self.preallocateWAL = preallocateWAL
  }
}
