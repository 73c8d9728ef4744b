// PLACEHOLDER: the Core II work replaces this file.
public struct DraftsState: Codable, Sendable, Equatable { public init() {} }
