// The meeting record as one self-contained HTML page (no scripts, no external resources) laid
// out like a verbatim record, with a print stylesheet so that "Print to PDF" gives clean A4
// pages: masthead per meeting, vote blocks kept on one page, no screen-only colours.

public enum RecordHTML {
  public static func render(_ r: MeetingRecord) -> String {
    var out: [String] = [
      "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
      "<title>\(e(r.committee.name)) — record of \(e(r.committee.id))</title>", "<style>", style, "</style>", "</head>",
      "<body>",
    ]
    for m in r.meetings {
      out.append("<section class=\"meeting\">")
      out.append("<header class=\"masthead\"><p class=\"symbol\">\(e(m.symbol))</p><p class=\"provisional\">Provisional</p>")
      out.append("<h1>\(e(r.committee.name))</h1>")
      let until = m.closedAt.map { " to \(Wording.time($0))" } ?? ""
      out.append("<p class=\"when\">Meeting \(m.number) · \(e(m.date)), \(Wording.time(m.openedAt))\(until) UTC</p>")
      out.append("<p class=\"note\">Simulated document symbols (\(e(r.committee.symbolPrefix))); not a United Nations document. Rules \(e(r.committee.rules)).</p></header>")
      out.append("<h2>Attendance</h2><table class=\"attendance\"><thead><tr><th>Member</th><th>Attendance</th></tr></thead><tbody>")
      for s in m.members { out.append("<tr><td>\(e(s.name))</td><td>\(e(RecordMarkdown.status(s.status)))</td></tr>") }
      out.append("</tbody></table>")
      if !m.participants.isEmpty {
        out.append("<p>Participating without vote (rule 37): \(e(Wording.list(m.participants.map(\.name)))).</p>")
      }
      if !m.invitees.isEmpty { out.append("<p>Invited under rule 39: \(e(Wording.list(m.invitees.map(\.name)))).</p>") }
      if !m.observers.isEmpty { out.append("<p>Observers: \(e(Wording.list(m.observers.map(\.name)))).</p>") }
      out.append("<h2>Agenda</h2><p class=\"agenda\">\(e(m.topic.isEmpty ? "(no agenda item)" : m.topic))</p>")
      if !m.invitations.isEmpty {
        out.append("<h2>Invitations</h2>")
        for line in m.invitations { out.append("<p>\(e(line))</p>") }
      }
      out.append("<h2>Proceedings</h2>")
      for item in m.proceedings {
        if item.kind == .vote, let id = item.vote, let vote = r.votes.first(where: { $0.id == id }) {
          out += voteBlock(vote, item)
        } else {
          out.append("<p class=\"item \(item.kind.rawValue)\"><span class=\"time\">\(item.time)</span> \(e(item.text))</p>")
        }
      }
      out.append("</section>")
    }
    if !r.documents.isEmpty {
      out.append("<section class=\"annex\"><h2>Annex: documents</h2>")
      for d in r.documents {
        let status = d.resolution.map { "adopted as resolution \($0)" } ?? d.status
        out.append("<article class=\"document\"><h3>\(e(d.id)): \(e(d.title))</h3>")
        out.append("<p>Sponsors: \(e(Wording.list(d.sponsors))). Signatories: \(e(Wording.list(d.signatories))). Status: \(e(status)).</p>")
        for c in d.clauses { out.append("<p class=\"clause\">\(e(c))</p>") }
        out.append("</article>")
      }
      out.append("</section>")
    }
    out.append("<footer><p>\(e(RecordMarkdown.footer(r)))</p></footer>")
    out.append("</body>")
    out.append("</html>")
    return out.joined(separator: "\n") + "\n"
  }

  static func voteBlock(_ v: VoteEntry, _ item: Item) -> [String] {
    var out = ["<div class=\"vote\" id=\"\(e(v.id))\">"]
    out.append("<h3><span class=\"time\">\(item.time)</span> Vote \(e(v.id)): \(e(v.subject))</h3>")
    out.append("<p>\(e(v.methodText)) Question: \(e(v.question)); required: \(e(v.thresholdText)).</p>")
    let placardOnly = v.ballots.isEmpty
    func row(_ label: String, _ names: [String], _ count: Int) -> String {
      let text = placardOnly ? "\(count)" : (names.isEmpty ? "None" : names.joined(separator: ", "))
      return "<tr><th>\(label):</th><td>\(e(text))</td></tr>"
    }
    out.append("<table class=\"lists\">")
    out.append(row("In favour", v.inFavour, v.yes))
    out.append(row("Against", v.against, v.no))
    out.append(row("Abstaining", v.abstaining, v.abstain))
    if !v.notVoting.isEmpty { out.append("<tr><th>Not voting:</th><td>\(e(v.notVoting.joined(separator: ", ")))</td></tr>") }
    out.append("</table>")
    if v.method == "roll_call" && !v.ballots.isEmpty {
      out.append("<table class=\"rollcall\"><thead><tr><th>#</th><th>Seat</th><th>Round</th><th>Answer</th></tr></thead><tbody>")
      for (n, b) in v.ballots.enumerated() {
        out.append("<tr><td>\(n + 1)</td><td>\(e(b.name))</td><td>\(b.round)</td><td>\(e(RecordMarkdown.answer(b)))</td></tr>")
      }
      out.append("</tbody></table>")
    }
    if !v.permanentMembers.isEmpty {
      let list = v.permanentMembers.map { "\($0.name) \(RecordMarkdown.answer($0))" }.joined(separator: "; ")
      out.append("<p class=\"p5\">Permanent members: \(e(list)).</p>")
    }
    if let a = v.announcement { out.append("<p class=\"announcement\"><strong>The President:</strong> \(e(a))</p>") }
    for w in v.warnings { out.append("<p class=\"warning\">Note: \(e(w))</p>") }
    out.append("</div>")
    return out
  }

  /// HTML-escapes free text.
  static func e(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  static let style = """
    body { font-family: "Times New Roman", Times, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
      line-height: 1.45; color: #111; }
    .masthead { border-bottom: 2px solid #111; margin-bottom: 1rem; }
    .masthead .symbol { float: right; font-weight: bold; margin: 0; }
    .masthead .provisional { font-style: italic; margin: 0; }
    h1 { font-size: 1.6rem; margin: 0.3rem 0; }
    h2 { font-size: 1.15rem; margin-top: 1.4rem; border-bottom: 1px solid #999; }
    h3 { font-size: 1rem; }
    table { border-collapse: collapse; margin: 0.4rem 0; }
    th, td { text-align: left; vertical-align: top; padding: 0.1rem 0.6rem 0.1rem 0; }
    .attendance td, .rollcall td { border-bottom: 1px solid #ddd; }
    .time { font-family: monospace; color: #555; margin-right: 0.4rem; }
    .vote { border-left: 3px solid #333; padding: 0.2rem 0 0.2rem 0.8rem; margin: 0.8rem 0; }
    .lists th { white-space: nowrap; }
    .announcement { font-weight: normal; }
    .warning, .note { font-size: 0.9rem; color: #444; }
    .clause { margin-left: 1.5rem; }
    footer { border-top: 1px solid #999; margin-top: 2rem; font-size: 0.85rem; }
    @page { size: A4; margin: 20mm 18mm; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
      .meeting { page-break-after: always; break-after: page; }
      .vote, tr, .document { page-break-inside: avoid; break-inside: avoid; }
      h2, h3 { page-break-after: avoid; break-after: avoid; }
      .time { color: #000; }
    }
    """
}
