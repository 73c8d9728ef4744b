// Runtime rule 7: a connection's outbound queue is bounded, so one slow reader costs only its
// own memory. Frames are shared references; queuing one never copies its bytes.

/// FIFO of frames with a hard capacity. Confined to the lws thread (owned by a Connection).
/// The oldest frame is kept in the outbox itself and only the frames behind it in an array: a
/// fan-out queues one frame per connection, and then touches no memory but the connection's.
struct Outbox {
  private var oldest: Frame? = nil
  /// The frames after `oldest`, from `laterHead` on (slots before it are spent).
  private var later: [Frame?] = []
  private var laterHead = 0
  private(set) var count = 0
  let limit: Int

  init(limit: Int) { self.limit = limit }

  var isEmpty: Bool { count == 0 }

  /// False (and nothing queued) when the outbox is already full.
  mutating func push(_ frame: Frame) -> Bool {
    guard count < limit else { return false }
    if count == 0 { oldest = frame } else { later.append(frame) }
    count += 1
    return true
  }

  var first: Frame? { oldest }

  mutating func removeFirst() {
    guard count > 0 else { return }
    count -= 1
    guard count > 0 else {
      oldest = nil  // `later` holds nothing past its head: it was emptied when its last was taken
      return
    }
    oldest = later[laterHead]
    later[laterHead] = nil
    laterHead += 1
    if laterHead == later.count {
      later.removeAll(keepingCapacity: true)
      laterHead = 0
    } else if laterHead >= 64 && laterHead * 2 >= later.count {
      later.removeFirst(laterHead)  // amortised: at most once per `laterHead` pops
      laterHead = 0
    }
  }

  mutating func removeAll() {
    oldest = nil
    later.removeAll()
    laterHead = 0
    count = 0
  }
}
