// PLACEHOLDER: the Core II work replaces this file.
public struct MotionsState: Codable, Sendable, Equatable { public init() {} }
