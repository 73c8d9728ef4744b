// Exactly once (design rule 3): the recent outcomes by (credential, command id), so that a
// retried id is answered without touching the log. Bounded; older ids fall back to the store.
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

  init(capacity: Int) { self.capacity = capacity }

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
    }
  }
}
