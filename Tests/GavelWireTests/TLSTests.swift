// TLS is off by default; with a certificate and key the same port speaks wss:// and https://
// (HTTP/1.1 only, so WebSockets keep the ping policy — pitfall 11).
import Foundation
import GavelWire
import Testing

@Suite("Wire TLS")
struct TLSTests {
  /// A throwaway self-signed certificate for 127.0.0.1, made with the openssl CLI.
  static func makeCertificate() throws -> (dir: String, cert: String, key: String) {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("gavel-tls-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let cert = dir + "/cert.pem"
    let key = dir + "/key.pem"
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    openssl.arguments = [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1",
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    guard openssl.terminationStatus == 0 else { throw ClientError("openssl req failed") }
    return (dir, cert, key)
  }

  @Test("wss:// echo and https:// dynamic GET work with a configured certificate")
  func tlsEcho() async throws {
    let tls = try Self.makeCertificate()
    defer { try? FileManager.default.removeItem(atPath: tls.dir) }
    let h = try Harness(
      {
        $0.tlsCertPath = tls.cert
        $0.tlsKeyPath = tls.key
      }, recorder: Recorder(echo: true, http: HTTPTests.healthz))
    let output = try await Python.run(Self.script, arguments: ["\(h.port)", tls.cert])
    #expect(output.contains("wss-echo hello over tls"), "\(output)")
    #expect(output.contains("https 200 {\"ok\":true}"), "\(output)")
    #expect(output.contains("alpn http/1.1"), "\(output)")
    await h.stop()
  }

  @Test("a key that does not exist is named in the error")
  func missingKey() throws {
    let tls = try Self.makeCertificate()
    defer { try? FileManager.default.removeItem(atPath: tls.dir) }
    var config = WireConfig()
    config.tlsCertPath = tls.cert
    config.tlsKeyPath = tls.dir + "/missing-key.pem"
    let server = WireServer(config: config, logger: .init(label: "wire-test"))
    let error = #expect(throws: WireError.self) { try server.start(handler: Recorder()) }
    #expect(error?.message.contains("missing-key.pem") == true)
  }

  static let script = #"""
    import asyncio, http.client, ssl, sys, websockets
    port, cert = sys.argv[1], sys.argv[2]
    ctx = ssl.create_default_context(cafile=cert)
    async def main():
        async with websockets.connect(f"wss://127.0.0.1:{port}/ws", ssl=ctx, subprotocols=["gavel.v1"]) as ws:
            await ws.send("hello over tls")
            print("wss-echo", await asyncio.wait_for(ws.recv(), 10), flush=True)
    asyncio.run(main())
    ctx2 = ssl.create_default_context(cafile=cert)
    ctx2.set_alpn_protocols(["h2", "http/1.1"])
    conn = http.client.HTTPSConnection("127.0.0.1", int(port), context=ctx2, timeout=10)
    conn.request("GET", "/healthz")
    r = conn.getresponse()
    print("https", r.status, r.read().decode(), flush=True)
    print("alpn", conn.sock.selected_alpn_protocol(), flush=True)
    """#
}
