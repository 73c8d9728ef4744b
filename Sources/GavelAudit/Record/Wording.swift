// How the record writes times, dates, durations and lists. Integer arithmetic on UTC epoch
// milliseconds only — no locale, no time zone database — so the record is the same on every
// machine (rules.md §8.3 check 8: exports are deterministic functions of the log).

enum Wording {
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  static let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]

  /// Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  static func civil(_ days: Int64) -> (year: Int64, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = Int(doy - (153 * mp + 2) / 5 + 1)
    let month = Int(mp < 10 ? mp + 3 : mp - 9)
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

  /// "Saturday, 29 November 2025".
  static func date(_ ms: Int64) -> String {
    let days = floorDiv(ms, 86_400_000)
    let (y, m, d) = civil(days)
    let weekday = weekdays[Int(((days % 7) + 7) % 7)]
    return "\(weekday), \(d) \(months[m - 1]) \(y)"
  }

  /// "16.05" (UN records write hours and minutes with a full stop), UTC.
  static func time(_ ms: Int64) -> String {
    let inDay = ms - floorDiv(ms, 86_400_000) * 86_400_000
    let minutes = inDay / 60_000
    return "\(pad(minutes / 60)).\(pad(minutes % 60))"
  }

  /// "2025-11-29T16:05:07.250Z".
  static func iso(_ ms: Int64) -> String {
    let days = floorDiv(ms, 86_400_000)
    let (y, m, d) = civil(days)
    let inDay = ms - days * 86_400_000
    let s = inDay / 1000
    let milli = inDay % 1000
    let frac = milli < 10 ? "00\(milli)" : milli < 100 ? "0\(milli)" : "\(milli)"
    return "\(y)-\(pad(Int64(m)))-\(pad(Int64(d)))T\(pad(s / 3600)):\(pad(s / 60 % 60)):\(pad(s % 60)).\(frac)Z"
  }

  static func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// "1 min 12 s", "45 s", "10 min"; tenths are dropped (rounded down).
  static func duration(_ ms: Int) -> String {
    let s = max(0, ms) / 1000
    if s < 60 { return "\(s) s" }
    return s % 60 == 0 ? "\(s / 60) min" : "\(s / 60) min \(s % 60) s"
  }

  /// "A", "A and B", "A, B and C".
  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
  }

  static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

  static func motionName(_ kind: MotionKind) -> String {
    switch kind {
    case .setSpeakingTime: return "to set the speaking time"
    case .moderatedCaucus: return "for a moderated caucus"
    case .unmoderatedCaucus: return "for an unmoderated caucus"
    case .extendCaucus: return "to extend the caucus"
    case .suspendMeeting: return "to suspend the meeting"
    case .adjournMeeting: return "to adjourn the meeting"
    case .adjournDebate: return "to adjourn the debate"
    case .resumeDebate: return "to resume the debate"
    case .closeDebate: return "for the closure of the debate"
    case .setAgenda: return "to set the agenda"
    case .introduceDraft: return "to introduce a draft resolution"
    case .introduceAmendment: return "to introduce an amendment"
    case .divideQuestion: return "for division of the question"
    case .reorderDrafts: return "to reorder the draft resolutions"
    case .rollCallVote: return "for a vote by roll call"
    case .reconsider: return "for reconsideration"
    case .appeal: return "to appeal the ruling of the President"
    }
  }

  static func thresholdText(_ id: ThresholdID, required: Int) -> String {
    switch id {
    case .simpleMajorityOfVotesCast: return "a simple majority of the votes cast (Y > N)"
    case .twoThirdsOfVotesCast: return "a two-thirds majority of the votes cast (3Y ≥ 2(Y+N))"
    case .simpleMajorityOfPresent: return "a simple majority of the members present (Y ≥ ⌊P/2⌋+1)"
    case .twoThirdsOfPresent: return "two thirds of the members present (3Y ≥ 2P)"
    case .majorityOfMembership: return "a majority of the membership (Y ≥ ⌊M/2⌋+1)"
    case .scProcedural: return "\(required) affirmative votes (Charter Art. 27(2))"
    case .scSubstantive:
      return "\(required) affirmative votes including the concurring votes of the permanent members (Art. 27(3))"
    }
  }
}

import GavelCore
