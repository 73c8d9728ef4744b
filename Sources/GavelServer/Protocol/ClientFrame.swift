// Decoding of client → server frames (protocol.md §3). Bounded: every field is type- and
// length-checked here, unknown fields are ignored, and nothing past this point sees raw bytes.
import GavelCore

/// The first frame of every connection.
package struct Hello: Sendable, Equatable {
  var token: String
  var committee: String?
  var after: Int64?

  package init(token: String, committee: String?, after: Int64?) {
    self.token = token
    self.committee = committee
    self.after = after
  }
}

/// A command as the client sent it; `name` and `args` are judged later by `decide`.
package struct ClientCommand: Sendable, Equatable {
  var id: String
  var name: String
  var args: JSON

  package init(id: String, name: String, args: JSON) {
    self.id = id
    self.name = name
    self.args = args
  }
}

enum ClientFrame: Sendable, Equatable {
  case hello(Hello)
  case command(ClientCommand)
}

/// Why a frame was refused before it reached a Floor. `fatal` errors close the connection.
struct FrameError: Error, Sendable, Equatable {
  var code: String
  var message: String
  var close: CloseCode?

  static func badJSON(_ why: String) -> FrameError {
    FrameError(code: "bad_json", message: "The frame is not a JSON object: \(why).", close: nil)
  }
}

enum ClientFrameDecoder {
  static let maxTokenLength = 512
  static let maxCommitteeLength = 64
  static let maxNameLength = 64

  static func decode(_ bytes: [UInt8], isText: Bool, maxIdLength: Int) throws(FrameError) -> ClientFrame {
    guard isText else { throw FrameError.badJSON("binary frames are not accepted, send text") }
    let json: JSON
    do { json = try JSON.parse(bytes) } catch { throw FrameError.badJSON(error.description) }
    guard case .object(let fields) = json else { throw FrameError.badJSON("expected an object") }
    guard let type = fields["type"]?.stringValue else {
      throw FrameError(code: "unknown_type", message: "The frame has no \"type\" string.", close: nil)
    }
    switch type {
    case "hello": return .hello(try hello(fields))
    case "command": return .command(try command(fields, maxIdLength: maxIdLength))
    default:
      throw FrameError(
        code: "unknown_type", message: "Unknown frame type \"\(type.prefix(32))\"; send hello or command.",
        close: nil)
    }
  }

  static func hello(_ fields: [String: JSON]) throws(FrameError) -> Hello {
    func bad(_ message: String) -> FrameError {
      FrameError(code: "bad_hello", message: message, close: .protocolError)
    }
    guard let token = fields["token"]?.stringValue else { throw bad("hello needs a \"token\" string.") }
    guard token.utf8.count <= maxTokenLength else { throw bad("The token is too long.") }
    var committee: String?
    if let value = fields["committee"], !value.isNull {
      guard let id = value.stringValue, !id.isEmpty, id.utf8.count <= maxCommitteeLength else {
        throw bad("\"committee\" must be a committee id string.")
      }
      committee = id
    }
    var after: Int64?
    if let value = fields["after"], !value.isNull {
      guard let n = value.intValue, n >= 0 else { throw bad("\"after\" must be a non-negative integer seq.") }
      after = Int64(n)
    }
    return Hello(token: token, committee: committee, after: after)
  }

  static func command(_ fields: [String: JSON], maxIdLength: Int) throws(FrameError) -> ClientCommand {
    guard let id = fields["id"]?.stringValue, !id.isEmpty, id.count <= maxIdLength else {
      throw FrameError(
        code: "bad_command", message: "A command needs an \"id\" string of 1 to \(maxIdLength) characters.",
        close: nil)
    }
    // A missing or malformed name or args is the command's answer (a reject), not a frame error.
    let name = fields["name"]?.stringValue.map { String($0.prefix(maxNameLength + 1)) } ?? ""
    let args = fields["args"] ?? .object([:])
    return ClientCommand(id: id, name: name, args: args.isNull ? .object([:]) : args)
  }
}
