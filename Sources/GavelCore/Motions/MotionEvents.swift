// Motion facts (rules.md §8.2 "Motions"). Each `apply` is total: an unknown id changes nothing.

public struct MotionProposed: EventPayload {
  public static let wireName = "motionProposed"
  public var motion: Motion
  public init(motion: Motion) { self.motion = motion }
  public func apply(to state: inout CommitteeState) {
    state.motions.pending.append(motion)
    state.motions.raised = max(state.motions.raised, motion.number)
  }
}

public struct MotionSeconded: EventPayload {
  public static let wireName = "motionSeconded"
  public var motion: String
  public var by: String
  public var at: Int64
  public init(motion: String, by: String, at: Int64) {
    self.motion = motion
    self.by = by
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let i = state.motions.pending.firstIndex(where: { $0.id == motion }) else { return }
    state.motions.pending[i].secondedBy = by
    state.motions.pending[i].status = .onFloor
  }
}

public struct MotionWithdrawn: EventPayload {
  public static let wireName = "motionWithdrawn"
  public var motion: String
  public var by: String
  /// The seconder may keep it alive (R4.5, UNSC rule 35).
  public var keepable: Bool
  public var at: Int64
  public init(motion: String, by: String, keepable: Bool, at: Int64) {
    self.motion = motion
    self.by = by
    self.keepable = keepable
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let i = state.motions.pending.firstIndex(where: { $0.id == motion }) else { return }
    let removed = state.motions.pending.remove(at: i)
    if keepable { state.motions.withdrawn.append(removed) }
  }
}

public struct MotionKept: EventPayload {
  public static let wireName = "motionKept"
  public var motion: String
  public var by: String
  public var at: Int64
  public init(motion: String, by: String, at: Int64) {
    self.motion = motion
    self.by = by
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let i = state.motions.withdrawn.firstIndex(where: { $0.id == motion }) else { return }
    var kept = state.motions.withdrawn.remove(at: i)
    // Same precedence: rank and raised number are unchanged; the seconder becomes the mover.
    kept.by = by
    kept.secondedBy = nil
    kept.status = .onFloor
    state.motions.pending.append(kept)
  }
}

public struct MotionRuledOut: EventPayload {
  public static let wireName = "motionRuledOut"
  public var motion: String
  public var ruling: String
  public var reason: String
  public var dilatory: Bool
  public var appealable: Bool
  public var at: Int64
  public init(motion: String, ruling: String, reason: String, dilatory: Bool, appealable: Bool, at: Int64) {
    self.motion = motion
    self.ruling = ruling
    self.reason = reason
    self.dilatory = dilatory
    self.appealable = appealable
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    guard let i = state.motions.pending.firstIndex(where: { $0.id == motion }) else { return }
    let removed = state.motions.pending.remove(at: i)
    state.motions.rulings.append(
      Ruling(
        id: ruling, motion: removed, reason: reason, dilatory: dilatory, appealable: appealable, overturned: false,
        at: at))
  }
}

public struct MotionDiscarded: EventPayload {
  public static let wireName = "motionDiscarded"
  public var motion: String
  /// The adopted motion that discarded it (E-20, `discard_on_pass`).
  public var adopted: String
  public var at: Int64
  public init(motion: String, adopted: String, at: Int64) {
    self.motion = motion
    self.adopted = adopted
    self.at = at
  }
  public func apply(to state: inout CommitteeState) {
    state.motions.pending.removeAll { $0.id == motion }
  }
}
