// Speeches in the record (rules.md §3.3, §3.4, §7.3): who spoke, from which list, for how long
// of the time allowed, how the speech ended (yield to a delegate, to questions, to the chair,
// expiry, a finishing sentence), rights of reply, and explanations of vote after a vote taken
// "with rights" (§5.3 step 4).
import GavelCore

struct OpenSpeech {
  let meeting: Int
  let item: Int
  /// "spoke from the speakers list", "answered questions", …
  let phrase: String
}

extension RecordBuilder {
  func addSpeech(_ row: AuditRow, _ s: CommitteeState) -> Bool {
    let seq = row.seq
    switch row.event.payload {
    case let e as SpeakerRecognised:
      let inCaucus = e.list == .caucus
      if let vote = explanationsOwed.removeValue(forKey: e.seat), !inCaucus {
        open(e.seat, kind: .explanationOfVote, phrase: "explained its vote on \(voteSubject(vote))", allowed: e.timeMs,
          seq: seq, at: e.at, caucus: false, vote: vote)
      } else {
        let phrase = inCaucus ? "spoke in the moderated caucus" : "spoke from the speakers list"
        open(e.seat, kind: .speech, phrase: phrase, allowed: e.timeMs, seq: seq, at: e.at, caucus: inCaucus)
      }
    case let e as ReplyGranted:
      open(e.seat, kind: .speech, phrase: "spoke in exercise of the right of reply", allowed: e.timeMs, seq: seq,
        at: e.at, caucus: s.caucus != nil)
    case let e as SpeechEnded:
      let ending = e.reason == "expired" ? ", when the time allowed expired." : "."
      finish(caucus: s.caucus != nil, used: e.usedMs, ending: ending)
    case let e as SpeechYielded:
      let caucus = s.caucus != nil
      switch e.to {
      case .chair:
        finish(caucus: caucus, used: e.usedMs, ending: ", and yielded the floor back to the President.")
      case .delegate:
        let receiver = e.receiver ?? e.seat
        finish(
          caucus: caucus, used: e.usedMs,
          ending: ", and yielded the remaining \(Wording.duration(e.remainderMs)) to \(name(receiver)).")
        open(receiver, kind: .yield, phrase: "spoke on the time yielded by \(name(e.seat))", allowed: e.remainderMs,
          seq: seq, at: e.at, caucus: caucus)
      case .questions:
        finish(caucus: caucus, used: e.usedMs, ending: ", and yielded \(Wording.duration(e.remainderMs)) to questions.")
        open(e.seat, kind: .yield, phrase: "answered questions", allowed: e.remainderMs, seq: seq, at: e.at,
          caucus: caucus)
      }
    case let e as SpeechOverrun:
      if let last = lastSpeech, meetings.indices.contains(last.meeting) {
        meetings[last.meeting].proceedings[last.item].text +=
          " The President allowed \(name(e.seat)) a finishing sentence of \(Wording.duration(e.ms))."
      }
    case let e as ReplyRequested:
      var item = Item(.speech, seq: seq, at: e.at, text: "\(name(e.seat)) asked for the right of reply to \(name(e.to)).")
      item.seat = e.seat
      append(item)
    case let e as ReplyDenied:
      append(Item(.ruling, seq: seq, at: e.at, text: "The President declined \(name(e.seat))'s request for a right of reply."))
    case let e as SpeakersListClosed:
      append(Item(.session, seq: seq, at: e.at, text: "The list of speakers was closed."))
    case let e as SpeakersListOpened:
      append(Item(.session, seq: seq, at: e.at, text: "The list of speakers was opened."))
    case let e as SpeakersListExhausted:
      append(Item(.session, seq: seq, at: e.at, text: "The list of speakers was exhausted; debate on the item closed."))
    case is SpeakerAdded, is SpeakerRemoved, is SpeechPaused, is SpeechResumed:
      break
    default:
      return false
    }
    return true
  }

  func open(
    _ seat: String, kind: Item.Kind, phrase: String, allowed: Int, seq: Int64, at: Int64, caucus: Bool,
    vote: String? = nil
  ) {
    guard !meetings.isEmpty else { return }
    var item = Item(kind, seq: seq, at: at, text: "\(name(seat)) \(phrase).")
    item.seat = seat
    item.allowedMs = allowed
    item.vote = vote
    append(item)
    let m = meetings.count - 1
    openSpeeches[caucus] = OpenSpeech(meeting: m, item: meetings[m].proceedings.count - 1, phrase: phrase)
  }

  func finish(caucus: Bool, used: Int, ending: String) {
    guard let speech = openSpeeches.removeValue(forKey: caucus) else { return }
    var item = meetings[speech.meeting].proceedings[speech.item]
    let allowed = item.allowedMs.map { " (of \(Wording.duration($0)))" } ?? ""
    item.durationMs = used
    item.text = "\(name(item.seat ?? "")) \(speech.phrase) for \(Wording.duration(used))\(allowed)\(ending)"
    meetings[speech.meeting].proceedings[speech.item] = item
    lastSpeech = (speech.meeting, speech.item)
  }

  /// A speech cut short by the end of a caucus or of the meeting.
  func closeSpeech(_ s: CommitteeState, at: Int64, ended: String) {
    let caucus = s.caucus != nil
    guard let speech = s.currentSpeech else { return }
    finish(caucus: caucus, used: speech.usedMs(at: at), ending: ", when \(ended).")
  }

  func voteSubject(_ id: String) -> String {
    guard let i = voteIndex[id] else { return id }
    let kind = votes[i].subjectKind
    let noun = kind == "draft" ? "draft resolution " : kind == "motion" ? "motion " : ""
    return "\(noun)\(votes[i].subjectId) (\(id))"
  }
}
