// `gavel export --votes`: one row per ballot (vote, subject, seat, choice, round, seq, time) and
// one summary row per vote (totals, outcome, reason, vetoes), as CSV (RFC 4180) or JSON. A
// placard vote has no ballot rows, only its summary. Built from the same walk as the record.

public enum VoteExport {
  public static let columns = [
    "row", "vote", "subject", "seat", "choice", "round", "rights", "seq", "time", "yes", "no", "abstain",
    "not_voting", "outcome", "reason", "vetoed_by",
  ]

  /// Every row in log order: a vote's ballots, then its summary.
  public static func rows(_ record: MeetingRecord) -> [[String: String]] {
    var rows: [[String: String]] = []
    for v in record.votes {
      for b in v.ballots {
        rows.append([
          "row": "ballot", "vote": v.id, "subject": v.subjectId, "seat": b.seat, "choice": b.choice,
          "round": "\(b.round)", "rights": b.rights ? "true" : "false", "seq": b.seq.map { "\($0)" } ?? "",
          "time": b.at.map(Wording.iso) ?? "",
        ])
      }
      rows.append([
        "row": "summary", "vote": v.id, "subject": v.subjectId, "seq": v.closedSeq.map { "\($0)" } ?? "",
        "time": v.closedAt.map(Wording.iso) ?? "", "yes": "\(v.yes)", "no": "\(v.no)", "abstain": "\(v.abstain)",
        "not_voting": "\(v.notVotingCount)", "outcome": v.outcome ?? "open", "reason": v.reason ?? "",
        "vetoed_by": v.vetoedBy.joined(separator: " "),
      ])
    }
    return rows
  }

  public static func csv(_ record: MeetingRecord) -> String {
    var lines = [columns.joined(separator: ",")]
    for row in rows(record) { lines.append(columns.map { field(row[$0] ?? "") }.joined(separator: ",")) }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// `{"ballots": [...], "votes": [...]}`: ballot rows and summary rows, typed.
  public static func json(_ record: MeetingRecord) -> String {
    var ballots: [BallotRow] = []
    var votes: [SummaryRow] = []
    for v in record.votes {
      for b in v.ballots {
        ballots.append(
          BallotRow(
            vote: v.id, subject: v.subjectId, seat: b.seat, choice: b.choice, round: b.round, rights: b.rights,
            seq: b.seq ?? 0, time: b.at.map(Wording.iso) ?? ""))
      }
      votes.append(
        SummaryRow(
          vote: v.id, subject: v.subjectId, subjectKind: v.subjectKind, question: v.question, threshold: v.threshold,
          method: v.method, openedSeq: v.openedSeq, seq: v.closedSeq, time: v.closedAt.map(Wording.iso), yes: v.yes,
          no: v.no, abstain: v.abstain, notVoting: v.notVotingCount, outcome: v.outcome ?? "open", reason: v.reason,
          vetoedBy: v.vetoedBy, announcement: v.announcement))
    }
    return RecordJSON.encode(Export(ballots: ballots, votes: votes))
  }

  struct Export: Encodable {
    var ballots: [BallotRow]
    var votes: [SummaryRow]
  }

  struct BallotRow: Encodable {
    var vote, subject, seat, choice: String
    var round: Int
    var rights: Bool
    var seq: Int64
    var time: String
  }

  struct SummaryRow: Encodable {
    var vote, subject, subjectKind, question, threshold, method: String
    var openedSeq: Int64
    var seq: Int64?
    var time: String?
    var yes, no, abstain, notVoting: Int
    var outcome: String
    var reason: String?
    var vetoedBy: [String]
    var announcement: String?
  }

  /// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
  static func field(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
