// Golden files: outputs compared byte for byte with Tests/GavelAuditTests/Fixtures/*, read by
// path (#filePath), never bundled. `GAVEL_UPDATE_GOLDEN=1 swift test --filter GavelAuditTests`
// rewrites them from the current code; review the diff before committing it.
import Foundation
import Testing

enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static var updating: Bool { ProcessInfo.processInfo.environment["GAVEL_UPDATE_GOLDEN"] == "1" }

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = directory.appendingPathComponent(name)
    if updating {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record("missing golden file \(name); run with GAVEL_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
      let got = line < a.count ? String(a[line]) : "(end)"
      let want = line < e.count ? String(e[line]) : "(end)"
      Issue.record(
        "\(name) differs from the golden file at line \(line + 1):\n  got:  \(got)\n  want: \(want)",
        sourceLocation: sourceLocation)
    }
  }
}
