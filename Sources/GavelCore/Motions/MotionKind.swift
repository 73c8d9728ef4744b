// The motion kinds of protocol.md §7, with their wire spellings, and the typed reading of their
// arguments. A motion's `args` stay JSON in the state (the view shows them as sent).

public enum MotionKind: String, Codable, Sendable, CaseIterable {
  case setSpeakingTime = "set_speaking_time"
  case moderatedCaucus = "moderated_caucus"
  case unmoderatedCaucus = "unmoderated_caucus"
  case extendCaucus = "extend_caucus"
  case suspendMeeting = "suspend_meeting"
  case adjournMeeting = "adjourn_meeting"
  case adjournDebate = "adjourn_debate"
  case resumeDebate = "resume_debate"
  case closeDebate = "close_debate"
  case setAgenda = "set_agenda"
  case introduceDraft = "introduce_draft"
  case introduceAmendment = "introduce_amendment"
  case divideQuestion = "divide_question"
  case reorderDrafts = "reorder_drafts"
  case rollCallVote = "roll_call_vote"
  case reconsider
  case appeal

  public var isCaucus: Bool { self == .moderatedCaucus || self == .unmoderatedCaucus }
}

/// The arguments of one motion kind, validated (protocol.md §7, durations in milliseconds).
public enum MotionParameters: Sendable, Hashable {
  case speakingTime(ms: Int)
  case moderated(totalMs: Int, speakerMs: Int, topic: String)
  case unmoderated(totalMs: Int, topic: String?)
  case extend(ms: Int)
  case suspend(durationMs: Int?)
  case none
  case agenda(topic: String)
  case draft(String)
  case amendment(String)
  case divide(draft: String, parts: [[Int]])
  case reorder([String])
  case vote(String)
  case ruling(String)

  public static func parse(_ kind: MotionKind, _ args: JSON) throws(Rejection) -> MotionParameters {
    let reader = ArgsReader(args: args, kind: kind)
    switch kind {
    case .setSpeakingTime: return .speakingTime(ms: try reader.positive("ms"))
    case .moderatedCaucus:
      return .moderated(
        totalMs: try reader.positive("totalMs"), speakerMs: try reader.positive("speakerMs"),
        topic: try reader.string("topic"))
    case .unmoderatedCaucus:
      return .unmoderated(totalMs: try reader.positive("totalMs"), topic: reader.optionalString("topic"))
    case .extendCaucus: return .extend(ms: try reader.positive("ms"))
    case .suspendMeeting:
      if args["durationMs"] == nil || args["durationMs"]!.isNull { return .suspend(durationMs: nil) }
      return .suspend(durationMs: try reader.positive("durationMs"))
    case .adjournMeeting, .adjournDebate, .resumeDebate, .closeDebate, .rollCallVote: return .none
    case .setAgenda: return .agenda(topic: try reader.string("topic"))
    case .introduceDraft: return .draft(try reader.string("draft"))
    case .introduceAmendment: return .amendment(try reader.string("amendment"))
    case .divideQuestion:
      guard let parts = args["parts"]?.arrayValue, !parts.isEmpty else {
        throw Rejection(.invalidArgs, "divide_question needs args.parts: a list of lists of clause numbers.")
      }
      var groups: [[Int]] = []
      for part in parts {
        guard let items = part.arrayValue, !items.isEmpty else {
          throw Rejection(.invalidArgs, "Each part of divide_question must be a non-empty list of clause numbers.")
        }
        var numbers: [Int] = []
        for item in items {
          guard let n = item.intValue, n > 0 else {
            throw Rejection(.invalidArgs, "Clause numbers in divide_question must be positive integers.")
          }
          numbers.append(n)
        }
        groups.append(numbers)
      }
      let all = groups.flatMap { $0 }
      guard Set(all).count == all.count else {
        throw Rejection(.invalidArgs, "A clause may belong to one part only.")
      }
      return .divide(draft: try reader.string("draft"), parts: groups)
    case .reorderDrafts:
      guard let order = args["order"]?.arrayValue?.compactMap(\.stringValue), !order.isEmpty,
        order.count == args["order"]?.arrayValue?.count, Set(order).count == order.count
      else { throw Rejection(.invalidArgs, "reorder_drafts needs args.order: the draft symbols, each once.") }
      return .reorder(order)
    case .reconsider: return .vote(try reader.string("vote"))
    case .appeal: return .ruling(try reader.string("ruling"))
    }
  }
}

/// The longest duration any command accepts: 24 hours.
let maxDurationMs = 86_400_000

private struct ArgsReader {
  let args: JSON
  let kind: MotionKind

  /// A duration of 1 ms to 24 hours. The upper bound keeps `startedAt + duration` far from
  /// Int64 overflow, which trapped when the timer was armed (found by the hostile-client tests).
  func positive(_ key: String) throws(Rejection) -> Int {
    guard let value = args[key]?.intValue, value > 0, value <= maxDurationMs else {
      throw Rejection(
        .invalidArgs, "\(kind.rawValue) needs args.\(key): a number of milliseconds from 1 to 86400000 (24 hours).")
    }
    return value
  }

  func string(_ key: String) throws(Rejection) -> String {
    guard let value = args[key]?.stringValue, !value.isEmpty else {
      throw Rejection(.invalidArgs, "\(kind.rawValue) needs args.\(key): a non-empty string.")
    }
    return value
  }

  func optionalString(_ key: String) -> String? { args[key]?.stringValue }
}
