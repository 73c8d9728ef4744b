// A minimal blocking RFC 6455 client over a POSIX socket, so the tests drive the real server
// over real TCP with exact control: a client that never reads, raw fragments, close codes.
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct ClientError: Error, CustomStringConvertible {
  let description: String
  /// The errno of a failed read (EAGAIN: the receive timeout expired).
  var errno: Int32? = nil
  init(_ d: String, errno: Int32? = nil) {
    description = d
    self.errno = errno
  }
  static let eof = ClientError("connection closed by server (EOF)")
  var isEOF: Bool { description == Self.eof.description }
}

enum WSMessage: Equatable {
  case text([UInt8])
  case binary([UInt8])
  case close(code: UInt16?, reason: String)
}

/// One WebSocket client connection. Blocking I/O with a receive timeout, so a bug shows up as
/// a failure rather than a hung test. @unchecked: each client is used by one thread at a time.
final class WSClient: @unchecked Sendable {
  let fd: Int32
  /// Received bytes not yet consumed: `storage[start..<end]`. Raw memory, because debug-build
  /// Array element loops are too slow for the tests' multi-megabyte streams.
  private var storage = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 8)
  private var capacity = 1 << 20
  private var start = 0
  private var end = 0

  /// Connects and performs the opening handshake; throws unless the server answers 101.
  init(
    port: Int, path: String = "/ws", subprotocol: String? = "gavel.v1",
    receiveBufferBytes: Int32? = nil, timeoutSeconds: Int = 20
  ) throws {
    fd = try TCP.connect(port: port, receiveBufferBytes: receiveBufferBytes, timeoutSeconds: timeoutSeconds)
    var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\n"
    request += "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    request += "Sec-WebSocket-Version: 13\r\n"
    if let subprotocol { request += "Sec-WebSocket-Protocol: \(subprotocol)\r\n" }
    request += "\r\n"
    try TCP.writeAll(fd, Array(request.utf8))
    let head = try readHead()
    guard head.hasPrefix("HTTP/1.1 101") else {
      Glibc.close(fd)
      throw ClientError("handshake refused: \(head.prefix(80))")
    }
  }

  deinit {
    Glibc.close(fd)
    storage.deallocate()
  }

  /// Any thread: unblocks a reader stuck in receive() (used to abort a failing test quickly).
  func abort() { Glibc.shutdown(fd, Int32(SHUT_RDWR)) }

  private func readHead() throws -> String {
    let terminator: [UInt8] = Array("\r\n\r\n".utf8)
    while true {
      let pending = UnsafeRawBufferPointer(start: storage + start, count: end - start)
      if let range = pending.firstRange(of: terminator) {
        let head = String(decoding: pending[..<range.lowerBound], as: UTF8.self)
        start += range.upperBound
        return head
      }
      try fill()
    }
  }

  /// Reads at least one more byte from the socket.
  private func fill() throws {
    if start > 0 {
      (storage).copyMemory(from: storage + start, byteCount: end - start)
      end -= start
      start = 0
    }
    if end == capacity {
      let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 8)
      bigger.copyMemory(from: storage, byteCount: end)
      storage.deallocate()
      storage = bigger
      capacity *= 2
    }
    let n = read(fd, storage + end, capacity - end)
    if n == 0 { throw ClientError.eof }
    if n < 0 { throw ClientError("read failed: \(String(cString: strerror(errno)))", errno: errno) }
    end += n
  }

  private func take(_ count: Int) throws -> [UInt8] {
    while end - start < count { try fill() }
    let out = [UInt8](UnsafeRawBufferPointer(start: storage + start, count: count))
    start += count
    return out
  }

  /// Sends one frame, masked as a client must.
  func sendFrame(opcode: UInt8, _ payload: [UInt8], fin: Bool = true) throws {
    var frame: [UInt8] = [(fin ? 0x80 : 0) | opcode]
    if payload.count < 126 {
      frame.append(0x80 | UInt8(payload.count))
    } else if payload.count <= 0xFFFF {
      frame.append(0x80 | 126)
      frame += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
    } else {
      frame.append(0x80 | 127)
      frame += (0..<8).reversed().map { UInt8((UInt64(payload.count) >> (8 * UInt64($0))) & 0xFF) }
    }
    let mask: [UInt8] = [0x37, 0xfa, 0x21, 0x3d]
    frame += mask
    frame += payload.enumerated().map { $0.element ^ mask[$0.offset & 3] }
    try TCP.writeAll(fd, frame)
  }

  func send(text: String) throws { try sendFrame(opcode: 0x1, Array(text.utf8)) }

  /// The next data message or close; answers pings. Fragmented messages are reassembled.
  func receive() throws -> WSMessage {
    var message: [UInt8] = []
    var messageOpcode: UInt8 = 0
    while true {
      let header = try take(2)
      let fin = header[0] & 0x80 != 0
      let opcode = header[0] & 0x0F
      var length = Int(header[1] & 0x7F)
      if length == 126 {
        let b = try take(2)
        length = Int(b[0]) << 8 | Int(b[1])
      } else if length == 127 {
        length = try take(8).reduce(0) { $0 << 8 | Int($1) }
      }
      let payload = try take(length)
      switch opcode {
      case 0x8:
        let code = payload.count >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : nil
        let reason = String(decoding: payload.dropFirst(2), as: UTF8.self)
        try? sendFrame(opcode: 0x8, Array(payload.prefix(2)))
        return .close(code: code, reason: reason)
      case 0x9:
        try sendFrame(opcode: 0xA, payload)
        continue
      case 0xA:
        continue
      case 0x0:
        message += payload
      default:
        messageOpcode = opcode
        message = payload
      }
      if fin { return messageOpcode == 0x2 ? .binary(message) : .text(message) }
    }
  }

  func receiveText() throws -> String {
    let message = try receive()
    guard case .text(let bytes) = message else { throw ClientError("expected text, got \(message)") }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Reads until the server's close frame; data messages before it are returned too.
  func receiveUntilClose() throws -> (messages: [WSMessage], code: UInt16?, reason: String) {
    var messages: [WSMessage] = []
    while true {
      let message = try receive()
      if case .close(let code, let reason) = message { return (messages, code, reason) }
      messages.append(message)
    }
  }
}

/// Socket helpers shared by the WebSocket and HTTP test clients.
enum TCP {
  static func connect(port: Int, receiveBufferBytes: Int32? = nil, timeoutSeconds: Int = 20) throws
    -> Int32
  {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ClientError("socket failed") }
    if var size = receiveBufferBytes {
      setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let rc = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard rc == 0 else {
      Glibc.close(fd)
      throw ClientError("connect to port \(port) failed: \(String(cString: strerror(errno)))")
    }
    return fd
  }

  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      guard n > 0 else { throw ClientError("write failed: \(String(cString: strerror(errno)))") }
      offset += n
    }
  }
}

/// One HTTP/1.1 GET with `Connection: close`; the response is read to EOF (a hang times out).
struct HTTPGet {
  let status: Int
  let headers: [String: String]
  let body: [UInt8]

  init(port: Int, path: String) throws {
    let fd = try TCP.connect(port: port, timeoutSeconds: 10)
    defer { Glibc.close(fd) }
    try TCP.writeAll(
      fd, Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
    var all: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = read(fd, &chunk, chunk.count)
      if n == 0 { break }
      if n < 0 { throw ClientError("HTTP read failed or timed out: \(String(cString: strerror(errno)))") }
      all += chunk[0..<n]
    }
    guard let split = all.firstRange(of: Array("\r\n\r\n".utf8)) else {
      throw ClientError("no HTTP header in \(all.count) bytes")
    }
    let lines = String(decoding: all[..<split.lowerBound], as: UTF8.self)
      .components(separatedBy: "\r\n")
    status = Int(lines[0].split(separator: " ")[1]) ?? 0
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    self.headers = headers
    body = Array(all[split.upperBound...])
  }
}
