// The public view of protocol.md §6: a pure function of the state. Keys are stable.
// Sections are built by the concept that owns them (FloorView, DecisionsView) and listed in
// ViewSection; LiveView keeps the same view up to date event by event.

public func publicView(_ state: CommitteeState) -> JSON {
  guard state.isConvened else { return .object([:]) }
  return .object(Dictionary(uniqueKeysWithValues: ViewSection.all.map { ($0.key, $0.build(state)) }))
}
