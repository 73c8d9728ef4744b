// Exactly once (design rule 3): the recent outcomes by (credential, command id), so that a
// retried id is answered without touching the log. Bounded; older ids fall back to the store.
// While it holds every outcome of the log (loaded at start, and nothing evicted since), an id
// it lacks was never seen: a new command is then decided without a lookup in the store.
import GavelStore

struct OutcomeKey: Hashable, Sendable {
  var credentialId: Int64
  var commandId: String
}

struct OutcomeCache {
  let capacity: Int
  private var outcomes: [OutcomeKey: StoredOutcome] = [:]
  private var order: [OutcomeKey] = []
  private var oldest = 0
  /// True while every outcome in the log is held here.
  private(set) var isComplete = false

  init(capacity: Int) { self.capacity = capacity }

  /// The cache of a log's outcomes, complete when they all fit.
  init(capacity: Int, store: EventStore) throws(StoreError) {
    self.init(capacity: capacity)
    guard let all = try store.allOutcomes(limit: capacity) else { return }
    for (credentialId, commandId, outcome) in all {
      record(OutcomeKey(credentialId: credentialId, commandId: commandId), outcome)
    }
    isComplete = true
  }

  subscript(key: OutcomeKey) -> StoredOutcome? { outcomes[key] }

  mutating func record(_ key: OutcomeKey, _ outcome: StoredOutcome) {
    guard outcomes[key] == nil else { return }  // the first outcome is the outcome
    outcomes[key] = outcome
    if order.count < capacity {
      order.append(key)
    } else {
      outcomes.removeValue(forKey: order[oldest])
      order[oldest] = key
      oldest = (oldest + 1) % capacity
      isComplete = false
    }
  }
}
