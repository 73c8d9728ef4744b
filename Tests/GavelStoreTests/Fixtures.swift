// Shared helpers: events that exist in the core's registry, and a raw SQLite connection for
// playing the attacker (dropping triggers, editing rows) on a closed store's file.
import Foundation
import GavelCore
import GavelTesting
import Testing

@testable import GavelStore

enum Fixture {
  /// A cycle of real floor events, so that replay changes more than one field.
  static func event(_ i: Int) -> Event {
    switch i % 4 {
    case 0: return Event(AgendaSet(topic: "Topic-\(i)", at: Int64(i)))
    case 1:
      return Event(
        CaucusStarted(kind: .moderated, topic: "caucus \(i)", totalMs: 60_000, speakerMs: 30_000, at: Int64(i)))
    case 2: return Event(CaucusEnded(at: Int64(i), reason: "chair"))
    default: return Event(SessionSuspended(at: Int64(i), durationMs: i))
    }
  }

  static func request(_ events: [Event], credential: Int64? = 1, command: String? = nil, at: Int64 = 1_000)
    -> AppendRequest
  {
    AppendRequest(actor: .chair, at: at, credentialId: credential, commandId: command, events: events, rejection: nil)
  }

  /// Appends `count` events, one command each, numbered from the store's current end.
  @discardableResult
  static func fill(_ store: EventStore, count: Int) throws -> [AppendResult] {
    let start = Int(store.lastSeq)
    return try store.append((0..<count).map { request([event(start + $0 + 1)], command: "c-\(start + $0 + 1)") })
  }

  /// A file's size in bytes.
  static func size(_ path: String) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
  }

  /// All events of the log, decoded.
  static func events(_ store: EventStore) throws -> [Event] {
    try store.events(after: 0, limit: .max).map { try $0.decode() }
  }
}

/// A second, raw connection to a log file: what an attacker (or a concurrent process) can do.
final class RawFile {
  let db: SQLiteConnection

  init(_ path: String, busyTimeoutMs: Int32 = 5000) throws {
    db = try SQLiteConnection(path: path, readOnly: false, busyTimeoutMs: busyTimeoutMs)
  }

  func run(_ sql: String) throws { try db.execute(sql) }

  func dropEventTriggers() throws {
    try run("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; DROP TRIGGER events_in_order")
  }
}
