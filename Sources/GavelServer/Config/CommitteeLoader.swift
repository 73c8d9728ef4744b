// A committee file → CommitteeDefinition. Owns the roster's validity: unique, well-formed seat
// codes, known seat kinds, at least one member, veto only on members. The result is what
// `committeeConvened` writes into the log, so nothing here may depend on the environment.
import Foundation
import GavelCore

public enum CommitteeLoader {
  static let keys = ["id", "name", "body", "topic", "symbol_prefix", "members", "seats", "rules"]
  static let seatKeys = ["code", "name", "collation", "kind", "veto"]

  /// Document symbol prefixes by body when the file gives none (rules.md §11).
  static func defaultSymbolPrefix(_ body: BodyType) -> String {
    switch body {
    case .securityCouncil: return "SIM-SC"
    case .gaPlenary: return "SIM-GA"
    case .gaCommittee: return "SIM-GA1"
    case .ecosoc: return "SIM-E"
    case .generic: return "SIM"
    }
  }

  public static func load(path: String) throws(ConfigError) -> CommitteeDefinition {
    let file = try ConfigLoader.readTable(path, what: "committee file", fix: "check the path in committees = […]")
    try file.checkKeys(keys)

    let id = try file.string("id", example: "\"unsc\"")
    guard isCommitteeID(id) else {
      throw file.error("id", "'\(id)' is not a valid committee id — use 1 to 40 characters from a-z, 0-9 and '-'")
    }
    let name = try file.string("name", example: "\"Security Council\"")
    let bodyText = try file.string("body", example: "\"security_council\"")
    guard let body = BodyType(rawValue: bodyText) else {
      let allowed = BodyType.allCases.map(\.rawValue)
      let guess = KeySuggestion.closest(to: bodyText, among: allowed).map { "did you mean '\($0)'? " } ?? ""
      throw file.error("body", "unknown body '\(bodyText)' — \(guess)use one of \(allowed.joined(separator: ", "))")
    }
    let topic = try file.optionalString("topic") ?? ""
    let symbolPrefix = try file.optionalString("symbol_prefix", example: "\"SIM-SC\"") ?? defaultSymbolPrefix(body)
    guard !symbolPrefix.isEmpty, !symbolPrefix.contains(where: { $0.isWhitespace || $0 == "/" }) else {
      throw file.error("symbol_prefix", "'\(symbolPrefix)' must be non-empty, without spaces or '/' — e.g. \"SIM-SC\"")
    }

    let seats = try readSeats(file, committeePath: path)
    let rules = try RulesOverride.apply(try file.table("rules"), to: RulesProfile.preset(for: body))
    return CommitteeDefinition(
      id: id, name: name, body: body, topic: topic, symbolPrefix: symbolPrefix, seats: seats, rules: rules)
  }

  public static func isCommitteeID(_ id: String) -> Bool {
    (1...40).contains(id.utf8.count)
      && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }

  /// 2 to 12 characters, A-Z and 0-9, starting with a letter: ISO alpha-3 (`FRA`) or an
  /// organisation's code (`CIS`). Codes appear in JSON Pointer paths, so nothing fancier.
  public static func isSeatCode(_ code: String) -> Bool {
    let bytes = Array(code.utf8)
    guard (2...12).contains(bytes.count), let first = bytes.first, first >= 0x41 && first <= 0x5A else { return false }
    return bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
  }

  /// The roll-call key when a seat gives none: lower case, accents folded ("Côte" → "cote").
  public static func defaultCollationKey(_ name: String) -> String {
    name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  static func readSeats(_ file: ConfigTable, committeePath: String) throws(ConfigError) -> [Seat] {
    var seats: [Seat] = []
    var origin: [String: String] = [:]  // code → where it was first defined, for duplicate messages
    if let members = try file.optionalString("members", example: "\"../data/un-member-states.csv\"") {
      let csvPath = ConfigPaths.join(ConfigPaths.directory(of: committeePath), members)
      guard ConfigPaths.kind(csvPath) == .file else {
        throw file.error("members", "cannot find '\(csvPath)' — the members file is relative to the committee file")
      }
      for entry in try MemberList.load(path: csvPath) {
        if origin[entry.seat.code] != nil {
          throw ConfigError(
            file: csvPath, key: "code", message: "duplicate seat code '\(entry.seat.code)' — list each state once",
            line: entry.line, column: 1)
        }
        origin[entry.seat.code] = "\(csvPath) line \(entry.line)"
        seats.append(entry.seat)
      }
    }
    for table in try file.tables("seats") ?? [] {
      try table.checkKeys(seatKeys)
      let code = try table.string("code", example: "\"FRA\"")
      guard isSeatCode(code) else {
        throw table.error(
          "code",
          "'\(code)' is not a seat code — use ISO 3166 alpha-3 for states (e.g. \"FRA\"), or 2–12 capital letters and digits"
        )
      }
      if let first = origin[code] {
        throw table.error("code", "duplicate seat code '\(code)' (also at \(first)) — list each seat once")
      }
      let name = try table.string("name", example: "\"France\"")
      let collation = try table.optionalString("collation", example: "\"france\"") ?? defaultCollationKey(name)
      let kindText = try table.optionalString("kind", example: "\"member\"") ?? SeatKind.member.rawValue
      guard let kind = SeatKind(rawValue: kindText) else {
        let allowed = SeatKind.allCases.map(\.rawValue)
        throw table.error("kind", "unknown seat kind '\(kindText)' — use one of \(allowed.joined(separator: ", "))")
      }
      let veto = try table.bool("veto", default: false)
      if veto && kind != .member {
        throw table.error(
          "veto", "only members can hold a veto, and \(code) is a \(kind.rawValue) — remove veto or make it a member")
      }
      origin[code] = table.path
      seats.append(Seat(code: code, name: name, collationKey: collation, kind: kind, veto: veto))
    }
    guard seats.contains(where: { $0.kind == .member }) else {
      throw file.error(nil, "no member seats — add members = \"…csv\" or [[seats]] with kind = \"member\"")
    }
    return seats
  }
}
