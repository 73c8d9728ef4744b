// A fan-out's connections are queued their frame and written in one pass
// (`ServiceLoop.applyHandedOver`). What that pass pays most per connection, besides the write
// itself, is the first touch of the Connection object: a thousand sends between two fan-outs
// evict it from the cache. So the pass looks every connection up first (the dictionary stays
// in cache) and has the CPU load each object a few connections before it is written.
import CLibWebSockets

extension ServiceLoop {
  /// How many connections ahead of the one being written its object is asked for.
  static let prefetchDistance = 6
  /// Cache lines of a Connection object to ask for (its header and the fields a write reads).
  static let prefetchLines: Int32 = 3

  /// lws thread, outside lws's callbacks: queues `frame` for every open connection of `ids`
  /// and writes each at once, with whatever it had queued before. A connection given the frame
  /// ahead of the pass (`takenAhead`) is skipped.
  func writeAsQueued(_ frame: Frame, to ids: [ConnectionID], _ delivery: Delivery, _ context: OpaquePointer) {
    targets.removeAll(keepingCapacity: true)
    for id in ids {
      if let connection = connections[id] { targets.append(Unmanaged.passUnretained(connection)) }
    }
    let pass = targets
    writingAsQueued = true
    defer {
      writingAsQueued = false
      retired.removeAll()
    }
    for i in pass.indices {
      if i + Self.prefetchDistance < pass.count {
        lwsshim_prefetch(pass[i + Self.prefetchDistance].toOpaque(), Self.prefetchLines)
      }
      let connection = pass[i].takeUnretainedValue()
      guard !connection.takenAhead else { continue }
      if let due = queue(frame, on: connection, delivery) { serve(due, context) }
    }
  }
}
