// The Floor: the single writer of one committee (design rules 1–3). It alone owns the
// committee's state and its EventStore. Input arrives from any thread through a locked inbox;
// everything else in this class is touched only on `queue`, which drains the inbox in batches
// (group commit). @unchecked Sendable rests on exactly that confinement.
import Dispatch
import GavelCore
import GavelStore
import GavelWire
import Logging

public struct FloorOptions: Sendable {
  /// Event frames kept in memory for resume (protocol.md §5).
  public var ringCapacity = 4096
  /// Resume from the log replays at most this many missed events; more gets a fresh welcome.
  public var maxLogCatchUp = 50_000
  /// A resume sends the missed events into the connection's outbox at once: more than this many
  /// gets a fresh welcome instead, or the catch-up itself would overflow the outbox (4408) and the
  /// client, resuming again from the same seq, could never catch up.
  public var maxResumeFrames = 512
  /// Events of the log put back into the ring at startup (resume from memory after a restart).
  public var prefillEvents = 1024
  /// Command outcomes kept in memory for retried ids; while the log holds no more than this
  /// many, they are all kept and a new id needs no lookup in the log.
  public var outcomeCapacity = 100_000
  /// Most inputs decided per transaction.
  public var maxBatch = 512
  /// Close older connections of a credential with 4409 when a new one joins.
  public var replaceConnections = false
  /// How often revoked tokens are looked for.
  public var revocationPollMs = 1000
  public init() {}
}

public final class Floor: @unchecked Sendable {
  public let committeeId: String
  package let queue: DispatchQueue
  /// Collects what a batch sends; `process` flushes it to the wire when the batch is done.
  let sink: FloorOutbox
  let metrics: Metrics
  let options: FloorOptions
  var logger: Logger

  private struct Inbox {
    var items: [FloorInput] = []
    var scheduled = false
    var closed = false
  }
  private let inbox = Locked(Inbox())
  /// The committed seq, readable from any thread (health and metrics).
  let committedSeq: Locked<Int64>

  // Confined to `queue`.
  var store: EventStore?
  package var state: CommitteeState
  /// `publicView(state)`, kept up to date section by section (each event rebuilds and diffs only
  /// the sections it touched).
  var view: LiveView
  var seq: Int64
  var lastAt: Int64 = 0
  var ring: EventRing
  var outcomes: OutcomeCache
  /// A snapshot is being encoded off the queue (`Floor+Snapshot.swift`).
  var snapshotInFlight = false
  var subscribers: [ConnectionID: Subscriber] = [:] { didSet { roster = nil } }
  /// `currentRoster`'s cache.
  private var roster: Roster?
  /// `subscribers` grouped for the audiences, grouped again only after a join or leave.
  var currentRoster: Roster {
    if let roster { return roster }
    let grouped = Roster(subscribers)
    roster = grouped
    return grouped
  }
  /// The timer armed for the next deadline, with the deadline and instant it is armed for: a
  /// batch that leaves them as they were (a ballot, most of the floor's commands) keeps it.
  var deadlineTimer: (timer: any DispatchSourceTimer, deadline: Deadline, instant: DispatchTime)?
  var firedDeadlines: Set<Deadline> = []
  /// When each due deadline fires, on the monotonic clock: measured once from the wall clock when
  /// the deadline first appears, so a wall-clock step never moves a running timer.
  var deadlineInstants: [Deadline: DispatchTime] = [:]
  var revocationTimer: (any DispatchSourceTimer)?
  /// The store's credentials version at the last revocation check (-1: never checked).
  var credentialsVersion: Int64 = -1

  /// `store` must hold the committee already convened; `state` is its loaded state.
  public init(
    committeeId: String, store: EventStore, state: CommitteeState, sink: any FrameSink, metrics: Metrics,
    options: FloorOptions = .init(), logger: Logger
  ) {
    self.committeeId = committeeId
    self.queue = DispatchQueue(label: "gavel.floor.\(committeeId)", qos: .userInitiated)
    self.sink = FloorOutbox(sink)
    self.metrics = metrics
    self.options = options
    var logger = logger
    logger[metadataKey: "committee.id"] = .string(committeeId)
    self.logger = logger
    self.store = store
    self.state = state
    self.view = LiveView(state)
    self.seq = store.lastSeq
    self.committedSeq = Locked(store.lastSeq)
    self.ring = EventRing(capacity: options.ringCapacity, lastSeq: store.lastSeq)
    self.outcomes = OutcomeCache(capacity: options.outcomeCapacity)
    // Event times never go backwards, even if the clock did across a restart.
    self.lastAt = (try? store.events(after: max(0, store.lastSeq - 1), limit: 1).first?.at) ?? 0
    prefillRing(events: options.prefillEvents)
    do {
      outcomes = try OutcomeCache(capacity: options.outcomeCapacity, store: store)
    } catch {
      self.logger.warning(
        "outcomes not preloaded; retried ids are looked up in the log", metadata: ["store.error": "\(error)"])
    }
  }

  /// Arms the timers. Call once, after the wire is up.
  public func start() {
    queue.async { [self] in
      scheduleDeadline()
      startRevocationPoll()
    }
  }

  /// Hands an input to the Floor. Any thread; never blocks on the Floor's work.
  package func submit(_ input: FloorInput) {
    let wake = inbox.withLock { box -> Bool in
      guard !box.closed else { return false }
      box.items.append(input)
      guard !box.scheduled else { return false }
      box.scheduled = true
      return true
    }
    if wake { queue.async { [self] in drain() } }
  }

  /// Decides and commits everything already submitted, then refuses further input and closes
  /// the store. Blocks until done (SIGTERM path: in-flight commands are finished, never lost).
  public func shutdown() {
    let pending = inbox.withLock { box -> [FloorInput] in
      box.closed = true
      defer { box.items = [] }
      return box.items
    }
    queue.sync {
      if !pending.isEmpty { process(pending) }
      disarmDeadline()
      revocationTimer?.cancel()
      revocationTimer = nil
      store = nil
    }
  }

  private func drain() {
    while true {
      let items = inbox.withLock { box -> [FloorInput] in
        guard !box.items.isEmpty else {
          box.scheduled = false
          return []
        }
        let n = min(box.items.count, options.maxBatch)
        defer { box.items.removeFirst(n) }
        return Array(box.items.prefix(n))
      }
      if items.isEmpty { return }
      process(items)
    }
  }
}
