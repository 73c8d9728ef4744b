// Runtime rule 7: a connection's outbound queue is bounded, so one slow reader costs only its
// own memory. Frames are shared references; queuing one never copies its bytes.

/// FIFO of frames with a hard capacity. Confined to the lws thread (owned by a Connection).
struct Outbox {
  private var items: [Frame?] = []
  private var head = 0
  let limit: Int

  init(limit: Int) { self.limit = limit }

  var count: Int { items.count - head }
  var isEmpty: Bool { count == 0 }

  /// False (and nothing queued) when the outbox is already full.
  mutating func push(_ frame: Frame) -> Bool {
    guard count < limit else { return false }
    items.append(frame)
    return true
  }

  var first: Frame? { isEmpty ? nil : items[head] }

  mutating func removeFirst() {
    guard !isEmpty else { return }
    items[head] = nil
    head += 1
    if head == items.count {
      items.removeAll(keepingCapacity: true)
      head = 0
    } else if head >= 64 && head * 2 >= items.count {
      items.removeFirst(head)  // amortised: at most once per `head` pops
      head = 0
    }
  }

  mutating func removeAll() {
    items.removeAll()
    head = 0
  }
}
