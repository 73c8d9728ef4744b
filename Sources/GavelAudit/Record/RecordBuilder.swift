// Builds the MeetingRecord in one walk over the log: each event, seen with the state before it,
// becomes a line of the proceedings, an attendance entry or part of a vote. Only facts the log
// holds are written; nothing is taken from a clock or a config file.
import GavelCore
import GavelStore

public final class RecordBuilder {
  var committee: MeetingRecord.Committee?
  var definition: CommitteeDefinition?
  var meetings: [Meeting] = []
  var votes: [VoteEntry] = []
  var voteIndex: [String: Int] = [:]
  /// The speech still running in formal debate (false) and in a moderated caucus (true).
  var openSpeeches: [Bool: OpenSpeech] = [:]
  /// The last speech written, for a finishing sentence logged after it (R7.3).
  var lastSpeech: (meeting: Int, item: Int)?
  /// Seats owed an explanation of vote after the vote (voted "with rights"), by seat → vote id.
  var explanationsOwed: [String: String] = [:]
  var finalState = CommitteeState()
  /// "the motion for a moderated caucus … (M1), moved by Pakistan", by motion id.
  var motionNames: [String: String] = [:]

  public init() {}

  /// The record of a whole log; refuses a log whose chain or payloads are broken.
  public static func build(_ store: EventStore) throws(AuditFailure) -> MeetingRecord {
    let builder = RecordBuilder()
    let (walk, state) = LogWalk.run(store) { row, before in builder.add(row, before) }
    if let problem = walk.problem {
      throw AuditFailure("\(store.path): the event log is broken at seq \(problem.seq): \(problem.reason); run `gavel verify`")
    }
    builder.finalState = state
    let hash = (try? store.events(after: walk.lastSeq - 1, limit: 1).first?.hash) ?? nil
    return try builder.record(events: walk.events, lastSeq: walk.lastSeq, lastHash: hash.map(hex) ?? "")
  }

  func record(events: Int, lastSeq: Int64, lastHash: String) throws(AuditFailure) -> MeetingRecord {
    guard let committee else { throw AuditFailure("the log is empty: the committee was never convened") }
    announceInvitations()
    let documents = finalState.drafts.drafts.map { draft in
      Document(
        id: draft.id, title: draft.title, sponsors: draft.sponsors.map(name), signatories: draft.signatories.map(name),
        status: draft.status.rawValue, resolution: draft.resolution,
        clauses: draft.clauses.filter { !$0.struck }.map { $0.kind == .operative ? "\($0.n). \($0.text)" : $0.text })
    }
    return MeetingRecord(
      committee: committee, meetings: meetings, votes: votes, documents: documents,
      source: .init(events: events, lastSeq: lastSeq, lastHash: lastHash))
  }

  func name(_ code: String) -> String { definition?.seat(code)?.name ?? code }

  func append(_ item: Item) {
    guard !meetings.isEmpty else { return }
    meetings[meetings.count - 1].proceedings.append(item)
  }

  /// One event, with the state before it.
  func add(_ row: AuditRow, _ s: CommitteeState) {
    let seq = row.seq
    let at = row.at
    switch row.event.payload {
    case let e as CommitteeConvened:
      definition = e.definition
      committee = .init(
        id: e.definition.id, name: e.definition.name, body: e.definition.body.rawValue,
        rules: e.definition.rules.label, symbolPrefix: e.definition.symbolPrefix, definitionHash: e.definitionHash)
    case let e as SessionOpened:
      openMeeting(e, seq: seq, s)
    case let e as SessionSuspended:
      let length = e.durationMs.map { " for \(Wording.duration($0))" } ?? ""
      append(Item(.session, seq: seq, at: at, text: "The meeting was suspended at \(Wording.time(at))\(length)."))
    case is SessionResumed:
      append(Item(.session, seq: seq, at: at, text: "The meeting was resumed at \(Wording.time(at))."))
    case is SessionAdjourned:
      closeSpeech(s, at: at, ended: "the meeting rose")
      append(Item(.rose, seq: seq, at: at, text: "The meeting rose at \(Wording.time(at))."))
      if !meetings.isEmpty { meetings[meetings.count - 1].closedAt = at }
    case let e as AgendaSet:
      append(Item(.agenda, seq: seq, at: at, text: "The agenda was set: \"\(e.topic)\"."))
    case let e as AttendanceMarked:
      attendance(e, seq: seq, s)
    case let e as SpeakingTimeSet:
      append(Item(.speakingTime, seq: seq, at: at, text: "The speaking time was set to \(Wording.duration(e.ms))."))
    case let e as CaucusStarted:
      let text: String
      if e.kind == .moderated {
        text = "The Council began a moderated caucus on \"\(e.topic)\" of \(Wording.duration(e.totalMs))"
          + (e.speakerMs.map { ", \(Wording.duration($0)) per speaker." } ?? ".")
      } else {
        text = "The Council began an unmoderated caucus of \(Wording.duration(e.totalMs))"
          + (e.topic.isEmpty ? "." : " on \"\(e.topic)\".")
      }
      append(Item(.caucus, seq: seq, at: at, text: text))
    case let e as CaucusExtended:
      append(Item(.caucus, seq: seq, at: at, text: "The caucus was extended by \(Wording.duration(e.ms))."))
    case let e as CaucusEnded:
      closeSpeech(s, at: at, ended: "the caucus ended")
      let used = s.caucus.map { Wording.duration($0.usedMs(at: at)) } ?? "-"
      let why = e.reason == "expired" ? "its time having expired" : "by decision of the President"
      append(Item(.caucus, seq: seq, at: at, text: "The caucus ended after \(used), \(why)."))
    case let e as PointRaised:
      pointRaised(e, seq: seq)
    case let e as PointResolved:
      pointResolved(e, seq: seq, s)
    default:
      _ = addSpeech(row, s) || addMotion(row, s) || addVote(row, s) || addDocument(row, s)
    }
  }

  func openMeeting(_ e: SessionOpened, seq: Int64, _ s: CommitteeState) {
    guard let definition else { return }
    openSpeeches = [:]
    meetings.append(
      Meeting(
        number: e.number, symbol: "\(definition.symbolPrefix)/PV.\(e.number)", date: Wording.date(e.at),
        openedAt: e.at, closedAt: nil, topic: s.topic,
        members: definition.members.map { SeatLine(code: $0.code, name: $0.name, status: "absent") },
        participants: [], invitees: [], observers: [], invitations: [], proceedings: []))
    append(Item(.calledToOrder, seq: seq, at: e.at, text: "The meeting was called to order at \(Wording.time(e.at))."))
    if !s.topic.isEmpty {
      var item = Item(.agenda, seq: seq, at: e.at, text: "The agenda was adopted.")
      item.seat = nil
      append(item)
    }
  }

  @discardableResult
  func pointRaised(_ e: PointRaised, seq: Int64) -> Bool {
    let kinds: [PointKind: String] = [
      .order: "a point of order", .personalPrivilege: "a point of personal privilege",
      .parliamentaryInquiry: "a point of parliamentary inquiry", .information: "a point of information",
    ]
    let text = e.text.isEmpty ? "" : ": \"\(e.text)\""
    var item = Item(.point, seq: seq, at: e.at, text: "\(name(e.by)) rose to \(kinds[e.kind] ?? e.kind.rawValue)\(text).")
    item.seat = e.by
    append(item)
    return true
  }

  func pointResolved(_ e: PointResolved, seq: Int64, _ s: CommitteeState) {
    guard let point = s.points.items.first(where: { $0.id == e.id }) else { return }
    let text: String
    if let ruling = e.ruling, !ruling.isEmpty {
      text = point.kind == .order ? "The President ruled on the point of order: \(ruling)" : "The President: \(ruling)"
    } else {
      text = "The President disposed of the point raised by \(name(point.by))."
    }
    append(Item(point.kind == .order ? .ruling : .point, seq: seq, at: e.at, text: text.hasSuffix(".") ? text : text + "."))
  }
}

/// Why an audit output could not be produced; the message names the file and the fix.
public struct AuditFailure: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

func hex(_ bytes: [UInt8]) -> String {
  let digits = Array("0123456789abcdef")
  var out = ""
  out.reserveCapacity(bytes.count * 2)
  for b in bytes {
    out.append(digits[Int(b >> 4)])
    out.append(digits[Int(b & 15)])
  }
  return out
}
