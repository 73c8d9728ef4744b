// Path rules, in one place so the docs can state them once: `data_dir`, `web_root` and TLS files
// are relative to the working directory (like most daemons); committee files are relative to the
// config file's folder, and a committee's `members` file is relative to the committee file.
import Foundation

enum ConfigPaths {
  static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

  /// `base/relative`, normalised lexically (`a/b/../c` → `a/c`), staying relative if both were.
  static func join(_ base: String, _ relative: String) -> String {
    if isAbsolute(relative) { return normalize(relative) }
    if base.isEmpty || base == "." { return normalize(relative) }
    return normalize(base + "/" + relative)
  }

  static func directory(of file: String) -> String {
    guard let slash = file.lastIndex(of: "/") else { return "." }
    return slash == file.startIndex ? "/" : String(file[..<slash])
  }

  static func normalize(_ path: String) -> String {
    let absolute = isAbsolute(path)
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part == ".." && absolute {
        continue
      } else {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  /// An absolute path for the daemon (lws mounts and SQLite want absolute paths).
  static func absolute(_ path: String) -> String {
    if isAbsolute(path) { return normalize(path) }
    return join(FileManager.default.currentDirectoryPath, path)
  }

  enum Kind { case missing, file, directory }

  static func kind(_ path: String) -> Kind {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
    return isDirectory.boolValue ? .directory : .file
  }

  static func read(_ path: String) -> [UInt8]? {
    guard kind(path) == .file, let data = FileManager.default.contents(atPath: path) else { return nil }
    return [UInt8](data)
  }
}
