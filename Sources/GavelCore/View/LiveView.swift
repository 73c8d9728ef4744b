// The public view of a changing state, kept up to date section by section: after each event
// only the sections whose inputs changed are rebuilt and diffed. Always equal to
// `publicView(state)` (checked by the property tests over random sessions), at a cost that
// follows what the event touched rather than the size of the committee.

public struct LiveView: Sendable {
  public private(set) var state: CommitteeState
  private var sections: [String: JSON]

  public init(_ state: CommitteeState) {
    self.state = state
    self.sections = publicView(state).objectValue ?? [:]
  }

  /// The whole view, as `publicView(state)` would build it.
  public var json: JSON { .object(sections) }

  /// Moves to `next` and returns the JSON Patch that turns the previous view into the new one.
  public mutating func advance(to next: CommitteeState) -> [JSONPatchOperation] {
    defer { state = next }
    guard state.isConvened, next.isConvened else {
      let before = json
      sections = publicView(next).objectValue ?? [:]
      return before.diff(to: json)
    }
    var ops: [JSONPatchOperation] = []
    for section in ViewSection.all where !section.readsSame(state, next) {
      let path = "/" + section.key
      if case .object(var members) = sections[section.key], let changed = section.changedMembers?(state, next) {
        for key in changed.keys.sorted() {
          update(&members[key], to: changed[key]!, path: path + "/" + JSON.escape(key), &ops)
        }
        sections[section.key] = .object(members)
      } else {
        update(&sections[section.key], to: section.build(next), path: path, &ops)
      }
    }
    return ops
  }

  private func update(_ slot: inout JSON?, to value: JSON, path: String, _ ops: inout [JSONPatchOperation]) {
    if let old = slot {
      JSON.diff(old, value, path: path, into: &ops)
    } else {
      ops.append(JSONPatchOperation(op: .add, path: path, value: value))
    }
    slot = value
  }
}
