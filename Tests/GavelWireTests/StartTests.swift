// Start-up failures are WireErrors with a sentence an operator can act on; never half-started.
import GavelWire
import Logging
import Testing

@Suite("Wire start-up")
struct StartTests {
  @Test("a port already in use is a WireError naming the address")
  func portInUse() async throws {
    let h = try Harness()
    var config = WireConfig()
    config.port = h.port
    let second = WireServer(config: config, logger: Logger(label: "wire-test"))
    let error = #expect(throws: WireError.self) { try second.start(handler: Recorder()) }
    #expect(error?.message == "cannot listen on 127.0.0.1:\(h.port): address in use (another process is listening; pick another port)")
    second.stop()  // harmless after a failed start
    // The first server is unaffected.
    let (client, _) = try await h.connect()
    let reply = try await offPool { () -> String in
      try client.send(text: "still here")
      return try client.receiveText()
    }
    #expect(reply == "still here")
    await h.stop()
  }

  enum BadSetting: String, CaseIterable, Sendable {
    case pingNotBeforeHangup, portOutOfRange, certWithoutKey, unreadableTLSFiles, relativeWebRoot, batchWindowTooLong

    func apply(to c: inout WireConfig) {
      switch self {
      case .pingNotBeforeHangup: c.hangupSeconds = c.pingSeconds
      case .portOutOfRange: c.port = 70000
      case .certWithoutKey: c.tlsCertPath = "/nonexistent/cert.pem"
      case .unreadableTLSFiles:
        c.tlsCertPath = "/nonexistent/cert.pem"
        c.tlsKeyPath = "/nonexistent/key.pem"
      case .relativeWebRoot: c.webRoot = "relative/web"
      case .batchWindowTooLong: c.batchWindowMs = 1001
      }
    }
  }

  @Test("invalid settings are refused before anything binds", arguments: BadSetting.allCases)
  func invalidConfig(setting: BadSetting) {
    var config = WireConfig()
    setting.apply(to: &config)
    let server = WireServer(config: config, logger: Logger(label: "wire-test"))
    let error = #expect(throws: WireError.self) { try server.start(handler: Recorder()) }
    #expect(error?.message.isEmpty == false)
  }

  @Test("a server cannot be started twice")
  func startTwice() async throws {
    let h = try Harness()
    #expect(throws: WireError.self) { try h.server.start(handler: Recorder()) }
    await h.stop()
  }
}
