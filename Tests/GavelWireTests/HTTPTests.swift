// Plain HTTP on the same port: dynamic answers, static web clients with MIME types, and a 404
// for everything else (answered, never left hanging — pitfall 1).
import Foundation
import GavelWire
import Testing

@Suite("Wire HTTP")
struct HTTPTests {
  static func webRoot() throws -> String {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("gavel-wire-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("css"), withIntermediateDirectories: true)
    let files = [
      "index.html": "<h1>index</h1>", "chair.html": "<h1>chair</h1>",
      "delegate.html": "<h1>delegate</h1>", "display.html": "<h1>display</h1>",
      "app.js": "export const x = 1;", "css/site.css": "body{}", "logo.svg": "<svg/>",
      ".secret": "no",
    ]
    for (name, text) in files {
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir.path
  }

  static func healthz(_ path: String) -> HTTPResponse? {
    switch path {
    case "/healthz":
      return HTTPResponse(status: 200, contentType: "application/json", body: Array(#"{"ok":true}"#.utf8))
    case "/metrics":
      let body = (0..<5000).map { "gavel_test_metric{n=\"\($0)\"} \($0)\n" }.joined()
      return HTTPResponse(status: 200, contentType: "text/plain; version=0.0.4", body: Array(body.utf8))
    default:
      return nil
    }
  }

  @Test("dynamic GETs answer with the handler's status, type and body")
  func dynamic() async throws {
    let h = try Harness(recorder: Recorder(http: Self.healthz))
    let port = h.port
    let (health, metrics) = try await offPool {
      (try HTTPGet(port: port, path: "/healthz"), try HTTPGet(port: port, path: "/metrics"))
    }
    #expect(health.status == 200)
    #expect(health.headers["content-type"] == "application/json")
    #expect(health.body == Array(#"{"ok":true}"#.utf8))
    // A body larger than one write chunk arrives whole.
    #expect(metrics.status == 200)
    #expect(metrics.body.count == Int(metrics.headers["content-length"] ?? "") )
    #expect(String(decoding: metrics.body, as: UTF8.self).hasSuffix("gavel_test_metric{n=\"4999\"} 4999\n"))
    await h.stop()
  }

  @Test("static web clients are served with their MIME types; misses are 404")
  func staticFiles() async throws {
    let root = try Self.webRoot()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let h = try Harness({ $0.webRoot = root }, recorder: Recorder(http: Self.healthz))
    let port = h.port
    let cases: [(String, Int, String?, String?)] = [
      ("/", 200, "text/html; charset=utf-8", "<h1>index</h1>"),
      ("/chair", 200, "text/html; charset=utf-8", "<h1>chair</h1>"),
      ("/delegate", 200, "text/html; charset=utf-8", "<h1>delegate</h1>"),
      ("/display", 200, "text/html; charset=utf-8", "<h1>display</h1>"),
      ("/app.js", 200, "text/javascript; charset=utf-8", "export const x = 1;"),
      ("/css/site.css", 200, "text/css; charset=utf-8", "body{}"),
      ("/logo.svg", 200, "image/svg+xml", "<svg/>"),
      ("/healthz", 200, "application/json", #"{"ok":true}"#),
      ("/missing.html", 404, nil, nil),
      ("/css", 404, nil, nil),
      ("/.secret", 404, nil, nil),
      ("/../../etc/passwd", 404, nil, nil),
      ("/ws", 404, nil, nil),
    ]
    for (path, status, type, body) in cases {
      let response = try await offPool { try HTTPGet(port: port, path: path) }
      #expect(response.status == status, "\(path)")
      if let type { #expect(response.headers["content-type"] == type, "\(path)") }
      if let body { #expect(String(decoding: response.body, as: UTF8.self) == body, "\(path)") }
    }
    await h.stop()
  }

  @Test("without a web root every unknown path is a prompt 404")
  func notFound() async throws {
    let h = try Harness()
    let port = h.port
    let response = try await offPool { try HTTPGet(port: port, path: "/index.html") }
    #expect(response.status == 404)
    await h.stop()
  }
}
