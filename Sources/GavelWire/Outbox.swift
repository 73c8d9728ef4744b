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

  /// The oldest frame's message length, without taking a reference to it.
  var firstLength: Int? { oldest?.bytes.count }

  /// Takes the oldest frame out (the outbox's reference moves to the caller).
  mutating func popFirst() -> Frame? {
    guard count > 0 else { return nil }
    count -= 1
    let frame = oldest.take()
    guard count > 0 else { return frame }  // `later` was emptied when its last was taken
    oldest = later[laterHead].take()
    laterHead += 1
    if laterHead == later.count {
      later.removeAll(keepingCapacity: true)
      laterHead = 0
    } else if laterHead >= 64 && laterHead * 2 >= later.count {
      later.removeFirst(laterHead)  // amortised: at most once per `laterHead` pops
      laterHead = 0
    }
    return frame
  }

  mutating func removeAll() {
    oldest = nil
    later.removeAll()
    laterHead = 0
    count = 0
  }
}
