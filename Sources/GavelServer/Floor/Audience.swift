// Who must see an event at once. A ballot changes only the voting board: the chair, who runs
// the vote, and the seat a roll call calls next get it at once; every other connection (seats
// waiting their turn, displays, auditors) gets board updates batched (`Delivery.batched`, at
// most `board_batch_ms` late), so a 193-seat roll call costs each onlooker a few writes rather
// than 193. Every other event goes to everyone at once.
import GavelCore
import GavelWire

struct Audience: Equatable {
  var prompt: [ConnectionID]
  var batched: [ConnectionID]
}

/// The connections grouped as the audiences need them. The Floor rebuilds it only when a
/// connection joins or leaves, not for every event.
struct Roster {
  let everyone: [ConnectionID]
  let chairs: [ConnectionID]
  /// Everyone but the chairs.
  let others: [ConnectionID]
  /// Delegate connections by seat.
  let bySeat: [String: [ConnectionID]]

  init(_ subscribers: [ConnectionID: Subscriber]) {
    var everyone: [ConnectionID] = []
    var chairs: [ConnectionID] = []
    var others: [ConnectionID] = []
    var bySeat: [String: [ConnectionID]] = [:]
    for (id, subscriber) in subscribers {
      everyone.append(id)
      if subscriber.role == .chair { chairs.append(id) } else { others.append(id) }
      if let seat = subscriber.seat { bySeat[seat, default: []].append(id) }
    }
    (self.everyone, self.chairs, self.others, self.bySeat) = (everyone, chairs, others, bySeat)
  }
}

/// The audiences of one publish. "Everyone" is the same for every event, and a ballot's split
/// is worked out once per seat called: every ballot of a recorded vote (which calls nobody)
/// shares one.
struct Audiences {
  private let roster: Roster
  private var ballots: (called: String?, audience: Audience)?

  init(_ roster: Roster) { self.roster = roster }

  /// Who gets the event named `eventName`; `called` is the seat the vote calls next once the
  /// event is applied (read only for a ballot).
  mutating func of(_ eventName: String, called: () -> String?) -> Audience {
    guard eventName == BallotCast.wireName else { return Audience(prompt: roster.everyone, batched: []) }
    let seat = called()
    if let ballots, ballots.called == seat { return ballots.audience }
    // The chairs and the seat called get it at once; everyone else batched.
    let seatConnections = seat.flatMap { roster.bySeat[$0] } ?? []
    let audience =
      seatConnections.isEmpty
      ? Audience(prompt: roster.chairs, batched: roster.others)
      : Audience(
        prompt: roster.chairs + seatConnections, batched: roster.others.filter { !seatConnections.contains($0) })
    ballots = (seat, audience)
    return audience
  }
}
