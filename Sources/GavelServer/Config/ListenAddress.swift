// `HOST:PORT` as written in `listen` and `--listen`. IPv6 hosts go in brackets (`[::1]:8080`).
// Port 0 is allowed: the OS picks a free port and the ready line prints it.

public struct ListenAddress: Sendable, Equatable {
  public var host: String
  public var port: Int

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// The address, or the reason `text` is not a usable `HOST:PORT` (with the fix).
  public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
    guard let colon = text.lastIndex(of: ":") else {
      return .failure(.init(reason: "'\(text)' has no port — write HOST:PORT, e.g. 127.0.0.1:8080"))
    }
    var host = String(text[..<colon])
    let portText = text[text.index(after: colon)...]
    if host.hasPrefix("[") && host.hasSuffix("]") && host.count > 2 {
      host = String(host.dropFirst().dropLast())
    } else if host.contains(":") {
      return .failure(.init(reason: "'\(text)': put an IPv6 address in brackets, e.g. [::1]:8080"))
    }
    guard !host.isEmpty else {
      return .failure(.init(reason: "'\(text)' has no host — write HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080"))
    }
    guard
      host.unicodeScalars.allSatisfy({
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:_".unicodeScalars.contains($0))
      })
    else {
      return .failure(.init(reason: "'\(host)' is not a host name or IP address — e.g. 127.0.0.1, ::1 or localhost"))
    }
    guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber), portText.count <= 5,
      let port = Int(portText), port <= 65535
    else {
      return .failure(.init(reason: "port '\(portText)' is not a number from 0 to 65535 — 0 picks a free port"))
    }
    return .success(ListenAddress(host: host, port: port))
  }
}

public struct ListenAddressError: Error, Sendable, Equatable {
  public let reason: String
}
