// A committee as data: its body, roster and rules. It enters the log as the first event
// (`committeeConvened`), so later edits to a config file never change the meaning of the log.

public enum BodyType: String, Codable, Sendable, CaseIterable {
  case securityCouncil = "security_council"
  case gaPlenary = "ga_plenary"
  case gaCommittee = "ga_committee"
  case ecosoc
  case generic
}

public enum SeatKind: String, Codable, Sendable, CaseIterable {
  /// Holds a vote; counts for quorum.
  case member
  /// Takes part without a vote (UNSC rule 37, Charter Art. 31/32).
  case participant
  /// Invited to supply information (UNSC rule 39), e.g. a regional organisation.
  case invitee
  case observer
}

public struct Seat: Codable, Sendable, Hashable {
  /// ISO 3166 alpha-3 for states; other codes for organisations (`CIS`).
  public var code: String
  /// Official English short name.
  public var name: String
  /// Roll-call collation key (rules.md E-39); defaults to the name.
  public var collationKey: String
  public var kind: SeatKind
  public var veto: Bool

  public init(code: String, name: String, collationKey: String? = nil, kind: SeatKind = .member, veto: Bool = false) {
    self.code = code
    self.name = name
    self.collationKey = collationKey ?? name
    self.kind = kind
    self.veto = veto
  }
}

public struct CommitteeDefinition: Codable, Sendable, Hashable {
  public var id: String
  public var name: String
  public var body: BodyType
  public var topic: String
  /// Document symbol prefix, e.g. `SIM-SC` gives `SIM-SC/DR/1`.
  public var symbolPrefix: String
  /// Every seat, in roll order (ascending collation key).
  public var seats: [Seat]
  public var rules: RulesProfile

  public init(
    id: String, name: String, body: BodyType, topic: String, symbolPrefix: String, seats: [Seat],
    rules: RulesProfile
  ) {
    self.id = id
    self.name = name
    self.body = body
    self.topic = topic
    self.symbolPrefix = symbolPrefix
    self.seats = seats.sorted { ($0.collationKey, $0.code) < ($1.collationKey, $1.code) }
    self.rules = rules
  }

  public func seat(_ code: String) -> Seat? { seats.first { $0.code == code } }
  public var members: [Seat] { seats.filter { $0.kind == .member } }
}

/// An exact fraction for quorum and thresholds (rules.md R2.12: integers only).
public struct Fraction: Codable, Sendable, Hashable {
  public var numerator: Int
  public var denominator: Int

  public init(_ numerator: Int, _ denominator: Int) {
    precondition(denominator > 0)
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The smallest count `n` with `n / total >= self`.
  public func ceilOf(_ total: Int) -> Int {
    (numerator * total + denominator - 1) / denominator
  }
}
