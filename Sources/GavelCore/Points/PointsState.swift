// PLACEHOLDER: the Core I work replaces this file.
public struct PointsState: Codable, Sendable, Equatable { public init() {} }
