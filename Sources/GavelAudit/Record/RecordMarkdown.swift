// The meeting record as Markdown: masthead, attendance, agenda, invitations, proceedings with
// each vote block in place (rules.md §8.1), documents as an annex, and the log it came from.

public enum RecordMarkdown {
  public static func render(_ r: MeetingRecord) -> String {
    var out: [String] = []
    for meeting in r.meetings {
      out += masthead(r, meeting)
      out += attendance(meeting)
      out.append("## Agenda")
      out.append("")
      out.append(meeting.topic.isEmpty ? "(no agenda item)" : meeting.topic)
      let documents = r.documents.filter { doc in meeting.proceedings.contains { $0.text.contains(doc.id) } }
      if !documents.isEmpty {
        out.append("")
        out.append("Documents: " + documents.map { "\($0.id) (\"\($0.title)\")" }.joined(separator: "; "))
      }
      out.append("")
      if !meeting.invitations.isEmpty {
        out.append("## Invitations")
        out.append("")
        for line in meeting.invitations { out.append(line); out.append("") }
      }
      out.append("## Proceedings")
      out.append("")
      for item in meeting.proceedings {
        if item.kind == .vote, let id = item.vote, let vote = r.votes.first(where: { $0.id == id }) {
          out += voteBlock(vote, item)
        } else {
          out.append("*\(item.time)* \(escape(item.text))")
          out.append("")
        }
      }
    }
    if !r.documents.isEmpty {
      out.append("## Annex: documents")
      out.append("")
      for doc in r.documents {
        let status = doc.resolution.map { "adopted as resolution \($0)" } ?? doc.status
        out.append("### \(doc.id): \(escape(doc.title))")
        out.append("")
        out.append("Sponsors: \(Wording.list(doc.sponsors)). Signatories: \(Wording.list(doc.signatories)). Status: \(status).")
        out.append("")
        for clause in doc.clauses { out.append("> \(escape(clause))"); out.append(">") }
        if !doc.clauses.isEmpty { out.removeLast() }
        out.append("")
      }
    }
    out.append("---")
    out.append("")
    out.append(footer(r))
    return out.joined(separator: "\n") + "\n"
  }

  static func masthead(_ r: MeetingRecord, _ m: Meeting) -> [String] {
    [
      "# \(r.committee.name) — \(m.symbol)", "",
      "**Provisional.** Meeting \(m.number), \(m.date), \(Wording.time(m.openedAt)) UTC"
        + (m.closedAt.map { " to \(Wording.time($0)) UTC" } ?? "") + ".", "",
      "Committee `\(r.committee.id)` · rules \(r.committee.rules) · simulated document symbols (\(r.committee.symbolPrefix)); not a United Nations document.",
      "",
    ]
  }

  static func attendance(_ m: Meeting) -> [String] {
    var out = ["## Attendance", "", "| Member | Attendance |", "|---|---|"]
    for seat in m.members { out.append("| \(seat.name) | \(status(seat.status)) |") }
    out.append("")
    if !m.participants.isEmpty {
      out.append("Participating without vote (rule 37): \(Wording.list(m.participants.map(\.name))).")
      out.append("")
    }
    if !m.invitees.isEmpty {
      out.append("Invited under rule 39: \(Wording.list(m.invitees.map(\.name))).")
      out.append("")
    }
    if !m.observers.isEmpty {
      out.append("Observers: \(Wording.list(m.observers.map(\.name))).")
      out.append("")
    }
    return out
  }

  static func status(_ s: String) -> String {
    switch s {
    case "present_and_voting": return "present and voting"
    default: return s
    }
  }

  static func voteBlock(_ v: VoteEntry, _ item: Item) -> [String] {
    var out = ["### \(item.time) Vote \(v.id): \(escape(v.subject))", ""]
    out.append("\(v.methodText) Question: \(v.question); required: \(v.thresholdText).")
    out.append("")
    let placardOnly = v.ballots.isEmpty
    func line(_ label: String, _ names: [String], _ count: Int) -> String {
      if placardOnly { return "**\(label):** \(count)" }
      return "**\(label):** " + (names.isEmpty ? "None" : names.joined(separator: ", "))
    }
    out.append(line("In favour", v.inFavour, v.yes) + "  ")
    out.append(line("Against", v.against, v.no) + "  ")
    out.append(line("Abstaining", v.abstaining, v.abstain))
    if !v.notVoting.isEmpty {
      out[out.count - 1] += "  "
      out.append("**Not voting:** " + v.notVoting.joined(separator: ", "))
    }
    out.append("")
    if v.method == "roll_call" && !v.ballots.isEmpty {
      out.append("| # | Seat | Round | Answer |")
      out.append("|---|---|---|---|")
      for (n, b) in v.ballots.enumerated() {
        out.append("| \(n + 1) | \(b.name) | \(b.round) | \(answer(b)) |")
      }
      out.append("")
    }
    if !v.permanentMembers.isEmpty {
      out.append("Permanent members: " + v.permanentMembers.map { "\($0.name) \(answer($0))" }.joined(separator: "; ") + ".")
      out.append("")
    }
    if let announcement = v.announcement {
      out.append("> **The President:** \(escape(announcement))")
      out.append("")
    }
    for warning in v.warnings {
      out.append("*Note:* \(escape(warning))")
      out.append("")
    }
    return out
  }

  static func answer(_ b: BallotLine) -> String {
    let word = b.choice.split(separator: "_").joined(separator: " ")
    return b.rights ? "\(word), with rights" : word
  }

  static func footer(_ r: MeetingRecord) -> String {
    "This record was produced from the committee's event log alone: \(r.source.events) events, last seq "
      + "\(r.source.lastSeq), chain hash \(r.source.lastHash). It is provisional; corrections are made by new "
      + "events, never by editing the log."
  }

  /// Markdown control characters in free text (titles, topics, rulings) are escaped.
  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      if "\\`*_[]<>|".contains(c) { out.append("\\") }
      out.append(c)
    }
    return out
  }
}
