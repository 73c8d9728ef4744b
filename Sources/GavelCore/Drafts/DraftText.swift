// How the text of a draft changes: amendments applied (§5.8) and failed parts struck (§5.7).
// Applying is total: a clause that is gone leaves the text unchanged.

extension Draft {
  mutating func apply(_ amendment: Amendment) {
    switch amendment.action {
    case .modify:
      if let i = clauses.firstIndex(where: { $0.kind == .operative && $0.n == amendment.clause }) {
        clauses[i].text = amendment.text
      }
    case .strike:
      if let i = clauses.firstIndex(where: { $0.kind == .operative && $0.n == amendment.clause }) {
        clauses[i].struck = true
      }
    case .add:
      let next = (clauses.filter { $0.kind == .operative }.map(\.n).max() ?? 0) + 1
      let added = Clause(n: next, kind: .operative, text: amendment.text)
      if let i = clauses.firstIndex(where: { $0.kind == .operative && $0.n == amendment.clause }) {
        clauses.insert(added, at: i + 1)
      } else if let first = clauses.firstIndex(where: { $0.kind == .operative }) {
        clauses.insert(added, at: first)
      } else {
        clauses.append(added)
      }
    }
    revision += 1
  }

  mutating func strike(operative numbers: [Int]) {
    for i in clauses.indices where clauses[i].kind == .operative && numbers.contains(clauses[i].n) {
      clauses[i].struck = true
    }
    revision += 1
  }

  /// Pending amendments in voting order: the chair's order, else submission order; under UNSC
  /// rule 36 amendments that add or delete go first.
  public func amendmentsInVotingOrder(addOrDeleteFirst: Bool) -> [Amendment] {
    let pending = amendments.filter(\.isPending)
    let chair = amendmentOrder.compactMap { id in pending.first { $0.id == id } }
    let rest = pending.filter { !amendmentOrder.contains($0.id) }
    let ordered = chair + rest
    guard addOrDeleteFirst else { return ordered }
    return ordered.filter { $0.action != .modify } + ordered.filter { $0.action == .modify }
  }

  /// Pending parts in document order (§5.7 step 3).
  public var pendingPartsInOrder: [DraftPart] {
    let position = { (n: Int) in self.clauses.firstIndex { $0.kind == .operative && $0.n == n } ?? Int.max }
    return parts.filter { $0.status == .pending || $0.status == .voting }
      .sorted { (($0.clauses.map(position).min() ?? 0), $0.id) < (($1.clauses.map(position).min() ?? 0), $1.id) }
  }

  /// Amendments that an adopted one makes moot (§5.8, E-29): a deletion moots every other
  /// pending amendment of the clause; a revision moots the other revisions of it.
  func mootedBy(_ adopted: Amendment) -> [String] {
    amendments.filter { other in
      other.id != adopted.id && other.isPending && other.clause == adopted.clause && other.action != .add
        && (adopted.action == .strike || (adopted.action == .modify && other.action == .modify))
    }.map(\.id)
  }
}
