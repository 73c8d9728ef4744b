// Encoding of server → client frames (protocol.md §4). Each is serialized once, canonically;
// an event frame is a `Frame` shared by every connection's outbox (design rule 7).
import GavelCore
import GavelWire

enum ServerFrame {
  static func welcome(
    committee: String, role: Role, seat: String?, seq: Int64, resumed: Bool, serverTime: Int64, state: JSON?
  ) -> Frame {
    var fields: [String: JSON] = [
      "type": "welcome", "protocol": 1, "committee": .string(committee), "role": .string(role.rawValue),
      "seat": seat.map(JSON.string) ?? .null, "seq": .int(Int(seq)), "resumed": .bool(resumed),
      "serverTime": .int(Int(serverTime)),
    ]
    if let state { fields["state"] = state }
    return Frame(JSON.object(fields).serialized())
  }

  /// `data` is the logged payload, spliced in verbatim: the bytes the hash chain covers.
  static func event(seq: Int64, at: Int64, name: String, payload: [UInt8], patch: [JSONPatchOperation]) -> Frame {
    var out: [UInt8] = []
    out.reserveCapacity(payload.count + 128)
    out += Array(#"{"at":"#.utf8)
    out += Array(String(at).utf8)
    out += Array(#","data":"#.utf8)
    out += payload.isEmpty ? Array("{}".utf8) : payload
    out += Array(#","name":"#.utf8)
    JSON.string(name).write(into: &out)
    out += Array(#","patch":"#.utf8)
    out.append(UInt8(ascii: "["))
    for (i, op) in patch.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      op.write(into: &out)
    }
    out.append(UInt8(ascii: "]"))
    out += Array(#","seq":"#.utf8)
    out += Array(String(seq).utf8)
    out += Array(#","type":"event"}"#.utf8)
    return Frame(out)
  }

  static func ack(id: String, seq: Int64) -> Frame {
    Frame(JSON.object(["type": "ack", "id": .string(id), "seq": .int(Int(seq))]).serialized())
  }

  static func reject(id: String, _ rejection: Rejection) -> Frame {
    Frame(
      JSON.object([
        "type": "reject", "id": .string(id), "code": .string(rejection.code.rawValue),
        "message": .string(rejection.message),
      ]).serialized())
  }

  static func error(code: String, message: String) -> Frame {
    Frame(JSON.object(["type": "error", "code": .string(code), "message": .string(message)]).serialized())
  }
}
