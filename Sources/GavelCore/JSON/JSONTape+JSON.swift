// Between a tape and a `JSON` value: `JSON.parse` reads the tape the parser wrote, and
// JSONValueDecoder writes a tape from a `JSON` (command arguments) to read it as it reads bytes.

extension JSONTape {
  /// The value at `index` as a `JSON`. An integer above `Int.max` becomes the nearest `Double`,
  /// as `JSON` cannot hold it; of duplicate keys the last counts.
  func json(at index: Int) -> JSON {
    let entry = entry(index)
    switch entry.kind {
    case .null: return .null
    case .bool: return .bool(entry.payload != 0)
    case .int: return .int(Int(Int64(bitPattern: entry.payload)))
    case .uint: return .double(Double(entry.payload))
    case .double: return .double(Double(bitPattern: entry.payload))
    case .string: return .string(string(at: index))
    case .array:
      var items: [JSON] = []
      items.reserveCapacity(entry.low)
      var item = index + 1
      while item < entry.high {
        items.append(json(at: item))
        item = next(after: item)
      }
      return .array(items)
    case .object:
      var fields: [String: JSON] = .init(minimumCapacity: entry.low)
      var key = index + 1
      while key < entry.high {
        fields[string(at: key)] = json(at: key + 1)
        key = next(after: key + 1)
      }
      return .object(fields)
    }
  }

  /// A tape of `value`.
  static func make(_ value: JSON) -> JSONTape {
    var entries: [JSONTapeEntry] = []
    var strings: [UInt8] = []
    func append(_ string: String) {
      let start = strings.count
      strings.append(contentsOf: string.utf8)
      entries.append(JSONTapeEntry(.string, high: start, low: strings.count - start))
    }
    func close(_ slot: Int, count: Int) {
      entries[slot].payload = JSONTapeEntry(entries[slot].kind, high: entries.count, low: count).payload
    }
    func write(_ value: JSON) {
      switch value {
      case .null: entries.append(JSONTapeEntry(.null, 0))
      case .bool(let b): entries.append(JSONTapeEntry(.bool, b ? 1 : 0))
      case .int(let i): entries.append(JSONTapeEntry(.int, UInt64(bitPattern: Int64(i))))
      case .double(let d): entries.append(JSONTapeEntry(.double, d.bitPattern))
      case .string(let s): append(s)
      case .array(let items):
        entries.append(JSONTapeEntry(.array, 0))
        let slot = entries.count - 1
        for item in items { write(item) }
        close(slot, count: items.count)
      case .object(let fields):
        entries.append(JSONTapeEntry(.object, 0))
        let slot = entries.count - 1
        for (key, value) in fields {
          append(key)
          write(value)
        }
        close(slot, count: fields.count)
      }
    }
    write(value)
    return make(entries: entries, text: strings)
  }
}
