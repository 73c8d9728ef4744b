// `GET /healthz` and `GET /metrics` (protocol.md §2). Answered on the lws thread from counters
// that are already computed: never blocks, never touches a store.
import GavelCore
import GavelWire

public final class HTTPEndpoints: Sendable {
  private let committees: [(id: String, seq: Locked<Int64>)]
  private let metrics: Metrics
  private let wireGauges: @Sendable () -> [(name: String, help: String, value: Double)]

  init(floors: [Floor], metrics: Metrics, wireGauges: @escaping @Sendable () -> [(name: String, help: String, value: Double)]) {
    self.committees = floors.map { ($0.committeeId, $0.committedSeq) }
    self.metrics = metrics
    self.wireGauges = wireGauges
  }

  func respond(path: String) -> HTTPResponse? {
    let route = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    switch route {
    case "/healthz":
      let body: JSON = [
        "status": "ok",
        "committees": .array(committees.map { .string($0.id) }),
        "seq": .object(Dictionary(uniqueKeysWithValues: committees.map { ($0.id, JSON.int(Int($0.seq.withLock { $0 }))) })),
      ]
      return HTTPResponse(status: 200, contentType: "application/json", body: body.serialized())
    case "/metrics":
      var extra: [(name: String, help: String, type: String, samples: [(labels: String, value: Double)])] = [
        (
          "gavel_committee_seq", "The last committed seq of each committee.", "gauge",
          committees.map { ("{committee=\"\($0.id)\"}", Double($0.seq.withLock { $0 })) }
        )
      ]
      for gauge in wireGauges() { extra.append((gauge.name, gauge.help, "gauge", [("", gauge.value)])) }
      return HTTPResponse(
        status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
        body: Array(metrics.render(extra: extra).utf8))
    default:
      return nil
    }
  }
}
