// PLACEHOLDER: the Core I work replaces this file.
public struct SpeakersState: Codable, Sendable, Equatable { public init() {} }
public struct CaucusState: Codable, Sendable, Equatable { public init() {} }
