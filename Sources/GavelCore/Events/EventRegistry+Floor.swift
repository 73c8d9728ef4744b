// PLACEHOLDER: the Core I work fills this list.
public enum EventRegistry {
  public static let floor: [any EventPayload.Type] = []
}
extension CommandRegistry {
  static let floorCommands: [any CommandHandler.Type] = []
}
