// PLACEHOLDER: the Core II work fills this list.
extension EventRegistry {
  public static let decisions: [any EventPayload.Type] = []
}
extension CommandRegistry {
  static let decisionCommands: [any CommandHandler.Type] = []
}
