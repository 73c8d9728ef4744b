// Timers live on the server (design rule 8): after every batch the earliest deadline of the
// state is armed on the Floor's queue; at expiry its command goes through the same pipeline
// as the system actor. A deadline fires once; a stale one produces no event.
// Also here: the once-a-second look for revoked tokens, whose connections are closed with 4401.
import Dispatch
import GavelCore
import GavelStore

extension Floor {
  func scheduleDeadline() {
    let due = deadlines(state)
    firedDeadlines = firedDeadlines.filter { due.contains($0) }
    deadlineInstants = deadlineInstants.filter { due.contains($0.key) }
    // Timers run on the monotonic clock (issue 10): a deadline's delay is read off the wall clock
    // once, when it first appears, and never again, so an NTP step or a manual clock change
    // neither ends a speech early nor holds it open. Events still carry wall time.
    let wallNow = WallClock.nowMs()
    for deadline in due where deadlineInstants[deadline] == nil {
      let delayMs = min(max(0, deadline.at - wallNow), 86_400_000)
      deadlineInstants[deadline] = .now() + .milliseconds(Int(delayMs))
    }
    guard
      let next = due.filter({ !firedDeadlines.contains($0) }).min(by: {
        deadlineInstants[$0]! < deadlineInstants[$1]!
      }), let instant = deadlineInstants[next]
    else {
      disarmDeadline()
      return
    }
    if let armed = deadlineTimer, armed.deadline == next, armed.instant == instant { return }
    disarmDeadline()
    let timer = DispatchSource.makeTimerSource(queue: queue)
    timer.schedule(deadline: instant, leeway: .milliseconds(5))
    timer.setEventHandler { [weak self] in self?.expire(next) }
    timer.resume()
    deadlineTimer = (timer, next, instant)
  }

  func disarmDeadline() {
    deadlineTimer?.timer.cancel()
    deadlineTimer = nil
  }

  private func expire(_ deadline: Deadline) {
    guard store != nil else { return }
    logger.info("deadline expired", metadata: ["command.name": .string(deadline.command.name)])
    firedDeadlines.insert(deadline)
    // notBefore: the expiry is stamped no earlier than its wall deadline, even after a clock step back.
    process([.deadline(deadline)])
    if deadlines(state).contains(deadline) {
      // Still due: the log could not be written (disk full, read-only). Retry, or the timer
      // would never end.
      firedDeadlines.remove(deadline)
      deadlineInstants[deadline] = .now() + .seconds(1)
    }
    scheduleDeadline()
  }

  func startRevocationPoll() {
    let timer = DispatchSource.makeTimerSource(queue: queue)
    let period = DispatchTimeInterval.milliseconds(options.revocationPollMs)
    timer.schedule(deadline: .now() + period, repeating: period, leeway: .milliseconds(50))
    timer.setEventHandler { [weak self] in self?.closeRevoked() }
    timer.resume()
    revocationTimer = timer
  }

  /// Cheap when nothing changed: the store's credentials version is one integer query; only
  /// when it moves are the revoked ids read again.
  private func closeRevoked() {
    guard let store, !subscribers.isEmpty else { return }
    let revoked: Set<Int64>
    do {
      let version = try store.credentialsVersion
      guard version != credentialsVersion else { return }
      revoked = Set(try store.revokedCredentialIds(since: 0))
      credentialsVersion = version
    } catch {
      logger.warning("revocation poll failed", metadata: ["store.error": "\(error)"])
      return
    }
    for (conn, subscriber) in subscribers where revoked.contains(subscriber.credentialId) {
      sink.close(conn, code: CloseCode.unauthorized.rawValue, reason: "token revoked")
      leave(conn)
    }
    sink.flush()
  }
}
