// Caucus arithmetic Core II's motions can ask for (rules.md §7.3, E-28): the slot count of a
// moderated caucus and its leftover. Integers only.

public struct CaucusSlots: Sendable, Hashable {
  /// Whole speaking slots: floor(total / speaker time).
  public var slots: Int
  /// total mod speaker time; the motion should be warned about when not zero (E-28).
  public var leftoverMs: Int
}

extension CommitteeState {
  public static func caucusSlots(totalMs: Int, speakerMs: Int) -> CaucusSlots {
    guard speakerMs > 0 else { return CaucusSlots(slots: 0, leftoverMs: totalMs) }
    return CaucusSlots(slots: totalMs / speakerMs, leftoverMs: totalMs % speakerMs)
  }
}
