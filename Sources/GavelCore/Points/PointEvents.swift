// Points raised and disposed of (§3.5). A point that interrupts a speaker pauses the speech
// timer, and disposing of the last such point starts it again (R7.2).

public struct PointRaised: EventPayload {
  public static let wireName = "pointRaised"
  public var id: String
  public var kind: PointKind
  public var by: String
  public var text: String
  /// The point interrupts the speaker holding the floor.
  public var interrupts: Bool
  public var at: Int64
  public init(id: String, kind: PointKind, by: String, text: String, interrupts: Bool, at: Int64) {
    self.id = id
    self.kind = kind
    self.by = by
    self.text = text
    self.interrupts = interrupts
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    var paused = false
    if interrupts, var speech = state.currentSpeech, speech.running {
      speech.pause(at: at)
      state.setCurrentSpeech(speech)
      paused = true
    }
    state.points.raised += 1
    state.points.items.append(Point(id: id, kind: kind, by: by, text: text, pausedSpeech: paused, at: at))
  }
}

public struct PointResolved: EventPayload {
  public static let wireName = "pointResolved"
  public var id: String
  /// The chair's ruling or answer, for the record (a ruling on a point of order may be appealed by its id).
  public var ruling: String?
  public var at: Int64
  public init(id: String, ruling: String?, at: Int64) {
    self.id = id
    self.ruling = ruling
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let index = state.points.items.firstIndex(where: { $0.id == id }) else { return }
    let point = state.points.items.remove(at: index)
    if point.kind == .order { state.points.rulings.append(PointRuling(id: id, by: point.by, ruling: ruling, at: at)) }
    let stillInterrupted = state.points.items.contains { $0.pausedSpeech }
    if point.pausedSpeech, !stillInterrupted, state.session.phase == .open, var speech = state.currentSpeech {
      speech.resume(at: at)
      state.setCurrentSpeech(speech)
    }
  }
}
