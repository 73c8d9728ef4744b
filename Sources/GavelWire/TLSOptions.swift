// TLS is off unless both a certificate and a key are configured. HTTP/2 is not offered
// (ALPN http/1.1 only) so that WebSockets always run over HTTP/1.1 upgrades, where the lws
// validity (ping) policy applies (libwebsockets-notes pitfall 11).
import CLibWebSockets

#if canImport(Glibc)
  import Glibc
#endif

extension CConfigStorage {
  /// lws thread, while building the creation info.
  func applyTLS(_ config: WireConfig, to info: inout lws_context_creation_info) {
    guard let cert = config.tlsCertPath, let key = config.tlsKeyPath else { return }
    info.options |= lwsshim_opt_do_ssl_global_init()
    info.ssl_cert_filepath = cString(cert)
    info.ssl_private_key_filepath = cString(key)
    info.alpn = cString("http/1.1")
  }
}

extension WireConfig {
  /// Any thread. Names an unreadable certificate or key before lws is asked to load it, so
  /// the operator gets the path rather than an OpenSSL error code.
  func checkTLSFiles() throws(WireError) {
    for (what, path) in [("certificate", tlsCertPath), ("private key", tlsKeyPath)] {
      guard let path else { continue }
      if access(path, R_OK) != 0 {
        throw WireError("cannot read TLS \(what) '\(path)': check the path and its permissions")
      }
    }
  }
}
