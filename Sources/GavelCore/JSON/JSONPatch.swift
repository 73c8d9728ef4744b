// RFC 6902 JSON Patch between two views, and its application (used by clients and tests).
// The diff recurses into objects and into arrays of equal length; an array that grew or shrank
// at its end gets `add`/`remove` operations for the tail (a ballot appended to a 193-seat vote
// sends one element, not the list); any other change to an array replaces it whole.

public struct JSONPatchOperation: Sendable, Hashable {
  public enum Op: String, Sendable { case add, remove, replace }
  public let op: Op
  public let path: String
  public let value: JSON?

  public var json: JSON {
    var fields: [String: JSON] = ["op": .string(op.rawValue), "path": .string(path)]
    if let value { fields["value"] = value }
    return .object(fields)
  }

  /// Writes `json`'s canonical bytes without building it (keys in sorted order: op, path, value).
  public func write(into out: inout [UInt8]) {
    out.append(contentsOf: #"{"op":""#.utf8)
    out.append(contentsOf: op.rawValue.utf8)
    out.append(contentsOf: #"","path":"#.utf8)
    JSON.writeString(path, into: &out)
    if let value {
      out.append(contentsOf: #","value":"#.utf8)
      value.write(into: &out)
    }
    out.append(UInt8(ascii: "}"))
  }
}

public struct JSONPatchError: Error, Sendable, Equatable {
  public let reason: String
}

extension JSON {
  /// The operations that turn `self` into `target`.
  public func diff(to target: JSON) -> [JSONPatchOperation] {
    var ops: [JSONPatchOperation] = []
    JSON.diff(self, target, path: "", into: &ops)
    return ops
  }

  static func diff(_ a: JSON, _ b: JSON, path: String, into ops: inout [JSONPatchOperation]) {
    if a == b { return }
    if case .array(let left) = a, case .array(let right) = b {
      diffArrays(left, right, path: path, into: &ops)
      return
    }
    guard case .object(let left) = a, case .object(let right) = b else {
      ops.append(JSONPatchOperation(op: .replace, path: path, value: b))
      return
    }
    // Only the keys that differ are sorted (for a stable order of operations): a big object with
    // one new key (a ballot) costs one pass, not a sort.
    let removed = left.keys.filter { right[$0] == nil }
    for key in removed.sorted() {
      ops.append(JSONPatchOperation(op: .remove, path: path + "/" + escape(key), value: nil))
    }
    let changed = right.filter { key, value in left[key] != value }
    for key in changed.keys.sorted() {
      let child = path + "/" + escape(key)
      if let old = left[key] {
        diff(old, changed[key]!, path: child, into: &ops)
      } else {
        ops.append(JSONPatchOperation(op: .add, path: child, value: changed[key]!))
      }
    }
  }

  static func diffArrays(_ left: [JSON], _ right: [JSON], path: String, into ops: inout [JSONPatchOperation]) {
    // The elements both arrays start and end with stay where they are; only the middle differs.
    // So the speakers queue losing its head is one remove, and an entry put in the middle one
    // add, whatever the length of the rest.
    let shorter = min(left.count, right.count)
    var head = 0
    while head < shorter && left[head] == right[head] { head += 1 }
    var tail = 0
    while tail < shorter - head && left[left.count - 1 - tail] == right[right.count - 1 - tail] { tail += 1 }
    let oldMiddle = left.count - head - tail
    let newMiddle = right.count - head - tail
    let common = min(oldMiddle, newMiddle)
    // A middle of equal-index changes plus a grown or shrunk end is expressed element-wise;
    // more than a few changed elements are cheaper as one replace.
    var changed = 0
    for i in head..<(head + common) where left[i] != right[i] { changed += 1 }
    guard changed <= 4 || changed * 2 <= common else {
      ops.append(JSONPatchOperation(op: .replace, path: path, value: .array(right)))
      return
    }
    for i in head..<(head + common) where left[i] != right[i] {
      diff(left[i], right[i], path: path + "/" + String(i), into: &ops)
    }
    if newMiddle > common {
      for i in (head + common)..<(head + newMiddle) {
        ops.append(JSONPatchOperation(op: .add, path: path + "/" + String(i), value: right[i]))
      }
    } else {
      for i in stride(from: head + oldMiddle - 1, through: head + common, by: -1) {
        ops.append(JSONPatchOperation(op: .remove, path: path + "/" + String(i), value: nil))
      }
    }
  }

  static func escape(_ key: String) -> String {
    guard key.contains("~") || key.contains("/") else { return key }
    return key.replacing("~", with: "~0").replacing("/", with: "~1")
  }

  static func unescape(_ token: Substring) -> String {
    String(token).replacing("~1", with: "/").replacing("~0", with: "~")
  }

  /// Applies RFC 6902 `add`, `remove` and `replace` operations.
  public func applying(_ ops: [JSONPatchOperation]) throws(JSONPatchError) -> JSON {
    var doc = self
    for op in ops {
      let tokens = op.path.isEmpty ? [] : op.path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(JSON.unescape)
      try JSON.apply(op, tokens: tokens[...], to: &doc)
    }
    return doc
  }

  static func apply(_ op: JSONPatchOperation, tokens: ArraySlice<String>, to doc: inout JSON) throws(JSONPatchError) {
    guard let first = tokens.first else {
      switch op.op {
      case .remove: doc = .null
      case .add, .replace: doc = op.value ?? .null
      }
      return
    }
    switch doc {
    case .object(var fields):
      if tokens.count == 1 {
        switch op.op {
        case .remove:
          guard fields.removeValue(forKey: first) != nil else { throw JSONPatchError(reason: "no member \(first)") }
        case .replace:
          guard fields[first] != nil else { throw JSONPatchError(reason: "no member \(first)") }
          fields[first] = op.value ?? .null
        case .add: fields[first] = op.value ?? .null
        }
      } else {
        guard var child = fields[first] else { throw JSONPatchError(reason: "no member \(first)") }
        try apply(op, tokens: tokens.dropFirst(), to: &child)
        fields[first] = child
      }
      doc = .object(fields)
    case .array(var items):
      if tokens.count == 1, op.op == .add, first == "-" {
        items.append(op.value ?? .null)
      } else {
        guard let i = Int(first), i >= 0, i < items.count || (op.op == .add && i == items.count) else {
          throw JSONPatchError(reason: "bad index \(first)")
        }
        if tokens.count == 1 {
          switch op.op {
          case .remove: items.remove(at: i)
          case .replace: items[i] = op.value ?? .null
          case .add: items.insert(op.value ?? .null, at: i)
          }
        } else {
          try apply(op, tokens: tokens.dropFirst(), to: &items[i])
        }
      }
      doc = .array(items)
    default:
      throw JSONPatchError(reason: "path through a scalar")
    }
  }
}

extension JSONPatchOperation {
  /// Reads one operation from its JSON form.
  public init(json: JSON) throws(JSONPatchError) {
    guard let opName = json["op"]?.stringValue, let op = Op(rawValue: opName),
      let path = json["path"]?.stringValue
    else { throw JSONPatchError(reason: "malformed operation") }
    self.init(op: op, path: path, value: json["value"])
  }
}
