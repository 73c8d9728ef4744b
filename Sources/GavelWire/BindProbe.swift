// lws_create_context returns only NULL on failure. To give the operator a sentence they can act
// on ("address in use", "permission denied"), repeat the bind ourselves and read errno.
#if canImport(Glibc)
  import Glibc
#endif

enum BindProbe {
  /// Any thread (called on the lws thread after lws_create_context failed).
  static func explainStartFailure(_ config: WireConfig) -> WireError {
    let place = "\(config.host):\(config.port)"
    if let reason = bindError(host: config.host, port: config.port) {
      return WireError("cannot listen on \(place): \(reason)")
    }
    if config.usesTLS {
      return WireError(
        "cannot listen on \(place): TLS setup failed; check that the certificate and key "
          + "are PEM files that belong together")
    }
    return WireError("cannot listen on \(place): libwebsockets could not start (see its log)")
  }

  /// The reason a bind to host:port fails now, or nil if it would succeed.
  static func bindError(host: String, port: Int) -> String? {
    let literal = host == "localhost" ? "127.0.0.1" : host
    var v4 = sockaddr_in()
    v4.sin_family = sa_family_t(AF_INET)
    v4.sin_port = in_port_t(UInt16(port).bigEndian)
    var v6 = sockaddr_in6()
    v6.sin6_family = sa_family_t(AF_INET6)
    v6.sin6_port = in_port_t(UInt16(port).bigEndian)
    let family: Int32
    if ["", "*", "0.0.0.0"].contains(literal) {
      family = AF_INET
    } else if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
      family = AF_INET
    } else if literal == "::" || inet_pton(AF_INET6, literal, &v6.sin6_addr) == 1 {
      family = AF_INET6
    } else {
      return "'\(host)' is not an IP address of this machine (use an IP literal)"
    }
    let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    defer { close(fd) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    let rc: Int32
    if family == AF_INET {
      rc = withUnsafePointer(to: &v4) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
    } else {
      rc = withUnsafePointer(to: &v6) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
        }
      }
    }
    guard rc != 0 else { return nil }
    switch errno {
    case EADDRINUSE: return "address in use (another process is listening; pick another port)"
    case EACCES: return "permission denied (ports below 1024 need privileges)"
    case EADDRNOTAVAIL: return "address not available on this machine"
    default: return String(cString: strerror(errno))
    }
  }
}
