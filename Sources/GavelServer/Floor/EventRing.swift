// The last few thousand event frames of a committee, in seq order without gaps: what a
// resuming client (protocol.md §5) is served from memory. Older seqs come from the log.
import GavelWire

struct EventRing {
  let capacity: Int
  private var frames: [Frame] = []
  private var head = 0
  /// The seq of the newest frame held (or the committee's seq when the ring is empty).
  private(set) var lastSeq: Int64

  init(capacity: Int, lastSeq: Int64) {
    precondition(capacity > 0)
    self.capacity = capacity
    self.lastSeq = lastSeq
    frames.reserveCapacity(min(capacity, 1024))
  }

  var count: Int { frames.count }
  /// The oldest seq held; `lastSeq + 1` when empty.
  var firstSeq: Int64 { lastSeq - Int64(frames.count) + 1 }

  /// Appends the frame of `seq`, which must follow `lastSeq` directly.
  mutating func append(seq: Int64, _ frame: Frame) {
    precondition(seq == lastSeq + 1, "event ring gap: \(lastSeq) then \(seq)")
    if frames.count < capacity {
      frames.append(frame)
    } else {
      frames[head] = frame
      head = (head + 1) % capacity
    }
    lastSeq = seq
  }

  /// Every frame after `seq`, oldest first; nil when the ring no longer holds them all.
  func frames(after seq: Int64) -> [Frame]? {
    guard seq >= firstSeq - 1, seq <= lastSeq else { return nil }
    let skip = Int(seq - (firstSeq - 1))
    var out: [Frame] = []
    out.reserveCapacity(frames.count - skip)
    for i in skip..<frames.count { out.append(frames[(head + i) % frames.count]) }
    return out
  }
}
