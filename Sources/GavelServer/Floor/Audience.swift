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

/// The audiences of one publish. The subscribers are the same for every event of a batch, so
/// "everyone" is listed once, and a ballot's split is worked out once per seat called: every
/// ballot of a recorded vote (which calls nobody) shares one.
struct Audiences {
  private let subscribers: [ConnectionID: Subscriber]
  private var everyone: Audience?
  private var ballots: (called: String?, audience: Audience)?

  init(_ subscribers: [ConnectionID: Subscriber]) { self.subscribers = subscribers }

  /// Who gets the event named `eventName`; `called` is the seat the vote calls next once the
  /// event is applied (read only for a ballot).
  mutating func of(_ eventName: String, called: () -> String?) -> Audience {
    guard eventName == BallotCast.wireName else {
      if everyone == nil { everyone = Audience(prompt: Array(subscribers.keys), batched: []) }
      return everyone!
    }
    let seat = called()
    if let ballots, ballots.called == seat { return ballots.audience }
    var audience = Audience(prompt: [], batched: [])
    for (id, subscriber) in subscribers {
      if subscriber.role == .chair || (seat != nil && subscriber.seat == seat) {
        audience.prompt.append(id)
      } else {
        audience.batched.append(id)
      }
    }
    ballots = (seat, audience)
    return audience
  }
}
