// PLACEHOLDER: the Core II work replaces this file.
public struct OpenVote: Codable, Sendable, Equatable {}
public struct ClosedVote: Codable, Sendable, Equatable {}
