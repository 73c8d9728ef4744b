// The order motions are put in (rules.md §4.3): rank, then the kind's tie-breakers (caucus:
// longer total first, then longer speaking time; division: finest first), then earliest raised.

extension MotionRules {
  /// Sort key: smaller is put first.
  func precedenceKey(_ motion: Motion) -> [Int] {
    let spec = spec(motion.kind)
    var total = 0
    var speaker = 0
    var parts = 0
    if motion.kind.isCaucus { total = motion.args["totalMs"]?.intValue ?? 0 }
    if motion.kind == .moderatedCaucus && longerSpeakingTimeFirst { speaker = motion.args["speakerMs"]?.intValue ?? 0 }
    if motion.kind == .divideQuestion && finestDivisionFirst { parts = motion.args["parts"]?.arrayValue?.count ?? 0 }
    return [spec.rank, -total, -speaker, -parts, motion.number]
  }

  /// Pending motions in the order they will be put; those still awaiting a second come last.
  public func ordered(_ motions: [Motion]) -> [Motion] {
    motions.sorted { a, b in
      let ka = (a.status == .awaitingSecond ? 1 : 0, precedenceKey(a))
      let kb = (b.status == .awaitingSecond ? 1 : 0, precedenceKey(b))
      if ka.0 != kb.0 { return ka.0 < kb.0 }
      return ka.1.lexicographicallyPrecedes(kb.1)
    }
  }
}

extension CommitteeState {
  /// The motion the chair must put next: the highest-precedence seconded motion (§4.3).
  public var motionToPut: Motion? {
    rules.motions.ordered(motions.pending).first { $0.status != .awaitingSecond }
  }
}
