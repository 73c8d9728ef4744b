// WAL preallocation (EventStore+WAL.swift): a writer that owns its checkpoints extends the WAL
// at open to the size it reaches between checkpoints; commits then overwrite it instead of
// growing it, nothing SQLite wrote is touched, and the zeros are never read as frames — by a
// reader beside the writer, nor after a crash (the files as a killed writer leaves them).
import Foundation
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

@Suite struct WALPreallocationTests {
  static let options = StoreOptions(walAutocheckpoint: 100, preallocateWAL: true)

  @Test func theWALIsAsLargeAsBetweenCheckpointsAndCommitsDoNotGrowIt() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("unsc.gavel")
    let store = try EventStore(path: path, options: Self.options)
    let expected = 32 + (100 + EventStore.walSlackFrames) * (24 + 4096)
    #expect(try store.walSizeBetweenCheckpoints() == expected)
    #expect(try Fixture.size(path + "-wal") == expected)

    try Fixture.fill(store, count: 30)
    #expect(try Fixture.size(path + "-wal") == expected)
    let reader = try EventStore(path: path, options: StoreOptions(readOnly: true))
    #expect(reader.lastSeq == 30)
    #expect(try Fixture.events(reader) == Fixture.events(store))
    #expect(reader.verify().isValid)
  }

  @Test func aCrashImageReplaysEveryCommitAndItsWALIsExtendedWithoutLosingFrames() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("unsc.gavel")
    let store = try EventStore(path: path, options: Self.options)
    try Fixture.fill(store, count: 25)
    // What a killed writer leaves: the database and the WAL, frames not yet checkpointed.
    let image = dir.file("image.gavel")
    try FileManager.default.copyItem(atPath: path, toPath: image)
    try FileManager.default.copyItem(atPath: path + "-wal", toPath: image + "-wal")
    // A WAL shorter than the target (a writer without preallocation) is extended after its frames.
    let short = dir.file("short.gavel")
    let plain = try EventStore(path: short, options: StoreOptions(walAutocheckpoint: 100))
    try Fixture.fill(plain, count: 25)
    let shortImage = dir.file("short-image.gavel")
    try FileManager.default.copyItem(atPath: short, toPath: shortImage)
    try FileManager.default.copyItem(atPath: short + "-wal", toPath: shortImage + "-wal")
    #expect(try Fixture.size(shortImage + "-wal") < store.walSizeBetweenCheckpoints())

    for file in [image, shortImage] {
      let reopened = try EventStore(path: file, options: Self.options)
      #expect(try Fixture.size(file + "-wal") == reopened.walSizeBetweenCheckpoints())
      #expect(reopened.lastSeq == 25)
      #expect(reopened.lastHash == (file == image ? store.lastHash : plain.lastHash))
      #expect(reopened.verify().isValid)
      let next = try Fixture.fill(reopened, count: 1)
      #expect(next.first?.events.first?.seq == 26)
    }
  }

  @Test func enoughCommitsToCheckpointStartTheWALAgainWithinItsSize() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("unsc.gavel")
    let store = try EventStore(path: path, options: Self.options)
    let size = try store.walSizeBetweenCheckpoints()
    for _ in 0..<300 { try Fixture.fill(store, count: 1) }  // ≥ 2 pages per commit: several checkpoints
    #expect(try Fixture.size(path + "-wal") == size)
    let reader = try EventStore(path: path, options: StoreOptions(readOnly: true))
    #expect(reader.lastSeq == 300)
    #expect(reader.verify().isValid)
  }

  @Test func aStoreThatLeavesCheckpointsToAnotherProcessDoesNotPreallocate() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("unsc.gavel")
    let store = try EventStore(path: path, options: StoreOptions(walAutocheckpoint: 0, preallocateWAL: true))
    let plain = try EventStore(path: dir.file("plain.gavel"), options: StoreOptions(walAutocheckpoint: 0))
    #expect(try Fixture.size(path + "-wal") == Fixture.size(dir.file("plain.gavel-wal")))  // the schema's frames only
    try Fixture.fill(store, count: 3)
    try Fixture.fill(plain, count: 3)
    #expect(try Fixture.size(path + "-wal") == Fixture.size(dir.file("plain.gavel-wal")))
  }
}

@Suite struct WALFillTests {
  @Test func aFillThatWouldLeaveTooLittleFreeSpaceIsSkipped() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("f-wal")
    #expect(FileManager.default.createFile(atPath: path, contents: Data([1, 2, 3])))
    try EventStore.fillWithZeros(path, upTo: 4096, reserve: Int.max / 2)
    #expect(try Fixture.size(path) == 3)
    try EventStore.fillWithZeros(path, upTo: 4096, reserve: 0)
    #expect(try Fixture.size(path) == 4096)
    let bytes = try #require(FileManager.default.contents(atPath: path))
    #expect(Array(bytes.prefix(3)) == [1, 2, 3] && bytes.dropFirst(3).allSatisfy { $0 == 0 })
    try EventStore.fillWithZeros(path, upTo: 100, reserve: 0)  // never shrinks
    #expect(try Fixture.size(path) == 4096)
  }
}
