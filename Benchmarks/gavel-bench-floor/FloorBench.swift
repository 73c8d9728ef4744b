// The committee, the connections and the roll calls of gavel-bench-floor.
import Foundation
import GavelCore
import GavelServer
import GavelStore
import GavelWire
import Logging

#if canImport(Glibc)
  import Glibc
#endif

/// A sink that only counts: the wire's cost is not the Floor's.
final class CountingSink: FrameSink, @unchecked Sendable {
  // Touched on the Floor's queue only, read by the driver after a barrier (`queue.sync`).
  var frames = 0
  var deliveries = 0
  var rejects = 0
  private static let rejectTail = Array(#""type":"reject"}"#.utf8)

  func send(_ frame: Frame, to id: ConnectionID) { send(frame, to: [id], delivery: .prompt) }
  func send(_ frame: Frame, to ids: [ConnectionID], delivery: Delivery) {
    frames += 1
    deliveries += ids.count
    if frame.bytes.count >= Self.rejectTail.count,
      frame.bytes.suffix(Self.rejectTail.count).elementsEqual(Self.rejectTail)
    {
      rejects += 1
    }
  }
  func close(_ id: ConnectionID, code: UInt16, reason: String) {}
}

struct BenchResult {
  var seats: Int
  var rollcalls: [(ballots: Int, ballotCPU: Double, ballotWall: Double, totalCPU: Double, totalWall: Double)] = []
  var frames = 0
  var deliveries = 0
  var rejects = 0

  var line: String {
    func median(_ xs: [Double]) -> Double {
      let s = xs.sorted()
      return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    func fmt(_ x: Double) -> String { String(format: "%.1f", x) }
    let perBallot = rollcalls.map { $0.ballotCPU / Double($0.ballots) }
    let wallPerBallot = rollcalls.map { $0.ballotWall / Double($0.ballots) }
    let ballots = rollcalls.reduce(0) { $0 + $1.ballots }
    let allCPU = rollcalls.reduce(0) { $0 + $1.ballotCPU }
    return
      #"{"seats":\#(seats),"rollcalls":\#(rollcalls.count),"ballots":\#(ballots),"#
      + #""cpu_us_per_ballot_median":\#(fmt(median(perBallot))),"#
      + #""cpu_us_per_ballot_mean":\#(fmt(allCPU / Double(max(1, ballots)))),"#
      + #""wall_us_per_ballot_median":\#(fmt(median(wallPerBallot))),"#
      + #""rollcall_cpu_ms_median":\#(fmt(median(rollcalls.map(\.totalCPU)) / 1000)),"#
      + #""rollcall_wall_ms_median":\#(fmt(median(rollcalls.map(\.totalWall)) / 1000)),"#
      + #""frames":\#(frames),"deliveries":\#(deliveries),"rejects":\#(rejects)}"#
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
}

final class FloorBench {
  let dataDir: String
  let seats: [String]
  let sink = CountingSink()
  let floor: Floor
  let chair: ConnectionID = 1
  let display: ConnectionID = 2
  /// Delegate connections by seat.
  var delegates: [String: ConnectionID] = [:]
  private var commandNumber = 0

  init(dir: String, seats count: Int) throws {
    dataDir = dir + "/gavel-bench-floor-\(getpid())"
    try? FileManager.default.removeItem(atPath: dataDir)
    try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
    let width = max(4, String(count).count)
    seats = (1...count).map { n in "S" + String(repeating: "0", count: width - String(n).count) + String(n) }
    let definition = CommitteeDefinition(
      id: "bench", name: "Benchmark committee", body: .gaCommittee, topic: "Measuring the floor",
      symbolPrefix: "BENCH", seats: seats.enumerated().map { Seat(code: $1, name: "Seat \($0 + 1)") },
      rules: .gaCommittee)
    let logger = Logger(label: "gavel-bench-floor") { _ in SwiftLogNoOpLogHandler() }
    let opened = try Convening.open(definition, dataDir: dataDir, options: StoreOptions(), logger: logger)
    let chairToken = try opened.store.issueCredential(role: .chair, seat: nil, label: "chair", at: 1)
    let displayToken = try opened.store.issueCredential(role: .display, seat: nil, label: "display", at: 1)
    var tokens: [String: String] = [:]
    for seat in seats {
      tokens[seat] = try opened.store.issueCredential(role: .delegate, seat: seat, label: seat, at: 1)
    }
    floor = Floor(
      committeeId: definition.id, store: opened.store, state: opened.state, sink: sink, metrics: Metrics(),
      logger: logger)
    floor.start()
    floor.submit(.hello(chair, Hello(token: chairToken, committee: definition.id, after: nil)))
    floor.submit(.hello(display, Hello(token: displayToken, committee: definition.id, after: nil)))
    for (i, seat) in seats.enumerated() {
      let conn = ConnectionID(100 + i)
      delegates[seat] = conn
      floor.submit(.hello(conn, Hello(token: tokens[seat]!, committee: definition.id, after: nil)))
    }
    settle()
    command(chair, "session.open")
    for seat in seats {
      command(chair, "attendance.mark", ["seat": .string(seat), "status": "present_and_voting"])
    }
  }

  deinit {
    floor.shutdown()
    try? FileManager.default.removeItem(atPath: dataDir)
  }

  func settle() { floor.queue.sync {} }

  /// Submits one command and waits until the Floor has answered it.
  func command(_ conn: ConnectionID, _ name: String, _ args: JSON = [:]) {
    commandNumber += 1
    floor.submit(.command(conn, ClientCommand(id: "c\(commandNumber)", name: name, args: args)))
    settle()
  }

  func run(rollcalls: Int) throws -> BenchResult {
    var result = BenchResult(seats: seats.count)
    for k in 1...rollcalls {
      let motion = "M\(k)"
      command(delegates[seats[0]]!, "motion.propose", ["kind": "set_speaking_time", "args": ["ms": 60000]])
      command(delegates[seats[1]]!, "motion.second", ["motion": .string(motion)])
      let start = (cpu: cpuMicros(), wall: wallMicros())
      command(
        chair, "vote.open", ["subject": ["kind": "motion", "id": .string(motion)], "method": "roll_call"])
      guard let order = floor.queue.sync(execute: { floor.state.vote?.order }) else {
        throw BenchError(description: "roll call \(k): the vote did not open (\(sink.rejects) rejects so far)")
      }
      let cast = (cpu: cpuMicros(), wall: wallMicros())
      for seat in order { command(delegates[seat]!, "vote.cast", ["choice": "yes"]) }
      let castDone = (cpu: cpuMicros(), wall: wallMicros())
      command(chair, "vote.close")
      let end = (cpu: cpuMicros(), wall: wallMicros())
      let closed = floor.queue.sync { floor.state.votes.count }
      guard closed == k else { throw BenchError(description: "roll call \(k): the vote did not close") }
      result.rollcalls.append(
        (
          ballots: order.count, ballotCPU: castDone.cpu - cast.cpu, ballotWall: castDone.wall - cast.wall,
          totalCPU: end.cpu - start.cpu, totalWall: end.wall - start.wall
        ))
    }
    settle()
    result.frames = sink.frames
    result.deliveries = sink.deliveries
    result.rejects = sink.rejects
    return result
  }
}

/// User + system CPU of the whole process, in µs.
func cpuMicros() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
}

func wallMicros() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}
