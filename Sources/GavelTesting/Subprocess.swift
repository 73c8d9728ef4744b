// Runs a program to completion for a test and keeps what it printed: the CLI tests of the store
// and of the audit both drive the real `gavel` binary this way.
import Foundation

public struct Subprocess: Sendable {
  public let status: Int32
  public let stdout: String
  public let stderr: String

  /// Runs `executable` with `arguments`; both pipes are drained before the wait, so a chatty
  /// program cannot block on a full pipe.
  public static func run(_ executable: String, _ arguments: [String]) throws -> Subprocess {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Subprocess(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}
