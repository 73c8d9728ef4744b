// A fan-out's connections are queued their frame and written in one pass
// (`ServiceLoop.applyHandedOver`). What that pass pays most per connection, besides the write
// itself, is the first touch of the Connection object and of lws's connection (`wsi`): a
// thousand sends between two fan-outs evict both from the cache. So the pass looks every
// connection up first, unretained (the dictionary stays in cache; a retain would load each
// object), and has the CPU load each object a few connections before it is written, and its
// wsi half as many before.
import CLibWebSockets

extension ServiceLoop {
  /// How many connections ahead of the one being written its object is asked for.
  static let prefetchDistance = 6
  /// Cache lines of a Connection object to ask for (its header and the fields a write reads).
  static let prefetchLines: Int32 = 3
  /// Cache lines of lws's connection to ask for: what servicing POLLOUT and a write read reaches
  /// past byte 0x300 of lws 4.1.6's struct lws (the unsent remainder at 0x2d0, the socket at 0x308).
  static let prefetchWSILines: Int32 = 14

  /// lws thread, outside lws's callbacks: queues `frame` for every open connection of `ids`
  /// and writes each at once, with whatever it had queued before. A connection given the frame
  /// ahead of the pass (`takenAhead`) is skipped.
  func writeAsQueued(_ frame: Frame, to ids: [ConnectionID], _ delivery: Delivery, _ context: OpaquePointer) {
    targets.removeAll(keepingCapacity: true)
    for id in ids {
      if let handle = handles[id] { targets.append(handle) }
    }
    let pass = targets
    writingAsQueued = true
    defer {
      writingAsQueued = false
      retired.removeAll()
    }
    let wsiDistance = Self.prefetchDistance / 2
    for i in pass.indices {
      if i + Self.prefetchDistance < pass.count {
        lwsshim_prefetch(pass[i + Self.prefetchDistance].toOpaque(), Self.prefetchLines)
      }
      if i + wsiDistance < pass.count {
        pass[i + wsiDistance]._withUnsafeGuaranteedRef { lwsshim_prefetch(UnsafeRawPointer($0.wsi), Self.prefetchWSILines) }
      }
      pass[i]._withUnsafeGuaranteedRef { connection in
        guard !connection.takenAhead, queue(frame, on: connection, delivery) else { return }
        serve(connection, context)
      }
    }
  }
}
