// The public view of a changing state, kept up to date section by section: after each event
// only the sections (and, in the vote, the members) whose inputs changed are rebuilt and
// diffed, and members that a ballot only extends are patched without being built at all.
// Always equal to `publicView(state)` (checked by the property tests over random sessions), at
// a cost that follows what the event touched rather than the size of the committee.

public struct LiveView: Sendable {
  public private(set) var state: CommitteeState
  private var sections: [String: JSON]
  /// Members patched by a `.grown` change whose value in `sections` is out of date; `json`
  /// builds them from `state`, and their next change is sent whole.
  private var stale: Set<MemberPath> = []

  private struct MemberPath: Hashable, Sendable {
    var section: String
    var member: String
  }

  public init(_ state: CommitteeState) {
    self.state = state
    self.sections = publicView(state).objectValue ?? [:]
  }

  /// The whole view, as `publicView(state)` would build it.
  public var json: JSON {
    var all = sections
    for path in stale {
      guard case .object(var members) = all[path.section], let build = ViewSection.byKey[path.section]?.member
      else { continue }
      members[path.member] = build(state, path.member)
      all[path.section] = .object(members)
    }
    return .object(all)
  }

  /// One member of a section of the view (`json[section][key]`), without building the rest.
  public func member(_ key: String, of section: String) -> JSON? {
    if stale.contains(MemberPath(section: section, member: key)) {
      return ViewSection.byKey[section]?.member?(state, key)
    }
    guard case .object(let members)? = sections[section] else { return nil }
    return members[key]
  }

  /// Moves to `next` and returns the JSON Patch that turns the previous view into the new one.
  public mutating func advance(to next: CommitteeState) -> [JSONPatchOperation] {
    guard state.isConvened, next.isConvened else {
      let before = json
      state = next
      sections = publicView(next).objectValue ?? [:]
      stale = []
      return before.diff(to: json)
    }
    var ops: [JSONPatchOperation] = []
    for section in ViewSection.all where !section.readsSame(state, next) {
      let path = "/" + section.key
      if case .object(var members) = sections[section.key], let changed = section.changedMembers?(state, next) {
        sections[section.key] = nil  // `members` is then the only reference: updated in place, not copied
        for key in changed.keys.sorted() {
          let member = MemberPath(section: section.key, member: key)
          let memberPath = path + "/" + JSON.escape(key)
          switch changed[key]! {
          case .grown(let relative):
            ops += relative.map { JSONPatchOperation(op: $0.op, path: memberPath + $0.path, value: $0.value) }
            stale.insert(member)
          case .rebuilt(let value):
            let wasStale = stale.remove(member) != nil
            update(&members[key], to: value, path: memberPath, whole: wasStale, &ops)
          }
        }
        sections[section.key] = .object(members)
      } else if case .array(var items) = sections[section.key], let added = section.appended?(state, next) {
        sections[section.key] = nil  // `items` is then the only reference: appended to in place
        for value in added {
          ops.append(JSONPatchOperation(op: .add, path: path + "/" + String(items.count), value: value))
          items.append(value)
        }
        sections[section.key] = .array(items)
      } else {
        let hadStale = stale.contains { $0.section == section.key }
        stale = stale.filter { $0.section != section.key }
        update(&sections[section.key], to: section.build(next), path: path, whole: hadStale, &ops)
      }
    }
    state = next
    return ops
  }

  /// Replaces `slot` with `value`: a diff against the old value, or the value whole when the old
  /// one is out of date (`whole`) or absent.
  private func update(
    _ slot: inout JSON?, to value: JSON, path: String, whole: Bool, _ ops: inout [JSONPatchOperation]
  ) {
    if let old = slot, !whole {
      JSON.diff(old, value, path: path, into: &ops)
    } else {
      ops.append(JSONPatchOperation(op: slot == nil ? .add : .replace, path: path, value: value))
    }
    slot = value
  }
}
