// A commit appends its pages to the WAL. Once a checkpoint has copied them into the database,
// SQLite starts the WAL again from the top, and from then on commits overwrite blocks the file
// already has. Until then — the first `wal_autocheckpoint` pages after every start — each commit
// grows the file, and its fsync must also allocate blocks and write the inode: on an ext4 disk one
// more synchronous write per commit. So a writer that owns its checkpoints extends the WAL, when
// it opens the log, to the size it reaches between checkpoints: zeros written after whatever the
// file holds, and synced, once. Nothing SQLite wrote is touched, and SQLite reads a WAL only up
// to its last valid frame (a frame counts only with the header's salts and a chained checksum;
// zeros are neither), so the zeros are never read as frames — as with the stale frames a reused
// WAL holds after a checkpoint. It never takes a disk's last free space: it is skipped when less
// than `walReserveBytes` would remain, and undone (the file cut back to its old end) if a write
// fails.
import Logging

#if canImport(Glibc)
  import Glibc
#endif

extension EventStore {
  /// Frames beyond `wal_autocheckpoint` to make room for: the commit that crosses it still
  /// appends before it checkpoints.
  static let walSlackFrames = 64
  static let walHeaderBytes = 32
  static let walFrameHeaderBytes = 24
  /// Free space that must remain on the disk after the WAL is extended.
  static let walReserveBytes = 64 << 20

  /// The size the WAL reaches between two checkpoints.
  func walSizeBetweenCheckpoints() throws(StoreError) -> Int {
    let pageSize = Int(try db.integer("PRAGMA page_size"))
    return Self.walHeaderBytes + (options.walAutocheckpoint + Self.walSlackFrames) * (Self.walFrameHeaderBytes + pageSize)
  }

  /// When the options ask for it, extends the WAL to the size it reaches between checkpoints
  /// (see above). Nothing depends on it: when a call fails, the log is served as it is and the
  /// WAL grows as usual.
  func preallocateWAL() {
    guard options.preallocateWAL, !options.readOnly, options.walAutocheckpoint > 0 else { return }
    let walPath = path + "-wal"
    do {
      try Self.fillWithZeros(walPath, upTo: try walSizeBetweenCheckpoints())
    } catch {
      logger.notice("WAL not preallocated", metadata: ["store.wal": "\(walPath)", "store.error": "\(error)"])
    }
  }

  /// Writes zeros from the end of the existing file `path` up to `size` bytes, then syncs it;
  /// on a failure the file is cut back to where it ended. Does nothing when the file is that
  /// large already, or when less than `reserve` bytes of the disk would stay free.
  static func fillWithZeros(_ path: String, upTo size: Int, reserve: Int = walReserveBytes) throws(StoreError) {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .system("\(path): open") }
    defer { close(fd) }
    let end = Int(lseek(fd, 0, SEEK_END))
    guard end >= 0, end < size else { return }
    var disk = statvfs()
    guard fstatvfs(fd, &disk) == 0 else { throw .system("\(path): fstatvfs") }
    guard Int(disk.f_bavail) * Int(disk.f_frsize) >= size - end + reserve else { return }
    let zeros = [UInt8](repeating: 0, count: 256 * 1024)
    var offset = end
    while offset < size {
      let n = zeros.withUnsafeBytes { pwrite(fd, $0.baseAddress, min($0.count, size - offset), off_t(offset)) }
      guard n > 0 else {
        let error = StoreError.system("\(path): write")
        _ = ftruncate(fd, off_t(end))
        throw error
      }
      offset += n
    }
    guard fdatasync(fd) == 0 else {
      let error = StoreError.system("\(path): fdatasync")
      _ = ftruncate(fd, off_t(end))
      throw error
    }
  }
}
