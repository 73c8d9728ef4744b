// Coding paths of JSONValueDecoder and JSONValueEncoder. A nested decoder or encoder keeps its
// parent's path and its own key and joins them only when asked (for a container it opens, or
// for an error), so reading or writing a scalar such as an enum's raw value builds no array.

struct JSONCodingPath {
  let parent: [any CodingKey]
  let key: (any CodingKey)?

  var keys: [any CodingKey] {
    guard let key else { return parent }
    return parent + [key]
  }
}

/// A key in a coding path that the coded type did not declare: an array index (as JSONDecoder
/// names them, "Index 2" with the integer 2) or `super`. An enum, so that it fits in an
/// existential's inline buffer.
enum JSONCodingKey: CodingKey {
  case index(Int)
  case name(String)

  var stringValue: String {
    switch self {
    case .index(let i): return "Index \(i)"
    case .name(let s): return s
    }
  }

  var intValue: Int? {
    if case .index(let i) = self { return i }
    return nil
  }

  init?(stringValue: String) { self = .name(stringValue) }
  init?(intValue: Int) { self = .index(intValue) }
}
