// Caucus arithmetic Core II's motions can ask for (rules.md §7.2–§7.3, E-27, E-28): the slot
// count of a moderated caucus and whether an extension is in order. Integers only.

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

  /// Throws when extending the running caucus by `ms` is out of order (E-27): no caucus, a
  /// non-positive extension, more extensions than allowed, or one longer than the original.
  public func checkCaucusExtension(_ ms: Int) throws(Rejection) {
    guard let caucus else { throw Rejection(.wrongState, "No caucus is running to extend.") }
    guard ms > 0 else { throw Rejection(.invalidArgs, "An extension must be a positive number of milliseconds.") }
    let floor = rules.floor
    guard caucus.extensions < floor.caucusExtensionMaxCount else {
      throw Rejection(.outOfOrder, "This caucus has already been extended the permitted \(floor.caucusExtensionMaxCount) time(s) (E-27).")
    }
    if floor.extensionLeOriginal && ms > caucus.originalMs {
      throw Rejection(
        .outOfOrder, "An extension may not be longer than the original caucus of \(caucus.originalMs / 1000) s (E-27).")
    }
  }
}
