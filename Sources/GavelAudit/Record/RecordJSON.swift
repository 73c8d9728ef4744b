// The meeting record as JSON: the model itself, keys sorted and pretty-printed, so that the
// same log always gives the same bytes.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

public enum RecordJSON {
  public static func render(_ record: MeetingRecord) -> String {
    encode(record)
  }

  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Plain structs of strings, integers and booleans: encoding cannot fail.
    return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
  }
}
