// Timers live on the server (design rule 8): after every batch the earliest deadline of the
// state is armed on the Floor's queue; at expiry its command goes through the same pipeline
// as the system actor. A deadline fires once; a stale one produces no event.
// Also here: the once-a-second look for revoked tokens, whose connections are closed with 4401.
import Dispatch
import GavelCore
import GavelStore

extension Floor {
  func scheduleDeadline() {
    deadlineTimer?.cancel()
    deadlineTimer = nil
    let due = deadlines(state)
    firedDeadlines = firedDeadlines.filter { due.contains($0) }
    guard let next = due.first(where: { !firedDeadlines.contains($0) }) else { return }
    let delayMs = max(0, next.at - WallClock.nowMs())
    let timer = DispatchSource.makeTimerSource(queue: queue)
    timer.schedule(deadline: .now() + .milliseconds(Int(min(delayMs, 86_400_000))), leeway: .milliseconds(5))
    timer.setEventHandler { [weak self] in self?.expire(next) }
    timer.resume()
    deadlineTimer = timer
  }

  private func expire(_ deadline: Deadline) {
    guard store != nil else { return }
    if deadline.at > WallClock.nowMs() {
      scheduleDeadline()  // woke early (clock adjustments): arm again
      return
    }
    logger.info("deadline expired", metadata: ["command.name": .string(deadline.command.name)])
    firedDeadlines.insert(deadline)
    process([.deadline(deadline)])
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
  }
}
