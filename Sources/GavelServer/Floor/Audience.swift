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

  /// The connections of `subscribers` split for the event named `eventName`, decided against
  /// `state`, the state with the event applied.
  static func of(
    _ eventName: String, after state: CommitteeState, subscribers: [ConnectionID: Subscriber]
  ) -> Audience {
    guard eventName == BallotCast.wireName, let vote = state.vote else {
      return Audience(prompt: Array(subscribers.keys), batched: [])
    }
    let called = vote.next(isPresent: { state.attendance.isPresent($0) })
    var audience = Audience(prompt: [], batched: [])
    for (id, subscriber) in subscribers {
      if subscriber.role == .chair || (called != nil && subscriber.seat == called) {
        audience.prompt.append(id)
      } else {
        audience.batched.append(id)
      }
    }
    return audience
  }
}
