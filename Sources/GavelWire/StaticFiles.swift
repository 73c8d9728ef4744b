// The static mount for the web clients: maps a URL path to a regular file under webRoot with
// its MIME type, and refuses anything that could leave the root (.., hidden files).
#if canImport(Glibc)
  import Glibc
#endif

/// Path → file resolution. Pure apart from a stat(); any thread (used on the lws thread).
struct StaticFiles {
  let root: String

  init(root: String) {
    self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
  }

  /// The named pages of the web clients.
  static let aliases: [String: String] = [
    "/": "/index.html",
    "/chair": "/chair.html", "/chair/": "/chair.html",
    "/delegate": "/delegate.html", "/delegate/": "/delegate.html",
    "/display": "/display.html", "/display/": "/display.html",
  ]

  static let mimeTypes: [String: String] = [
    "html": "text/html; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "mjs": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "png": "image/png",
    "svg": "image/svg+xml",
    "ico": "image/x-icon",
    "woff2": "font/woff2",
    "txt": "text/plain; charset=utf-8",
    "webmanifest": "application/manifest+json",
  ]

  /// The file to serve for `path` and its content type, or nil (→ 404).
  func resolve(_ path: String) -> (file: String, mime: String)? {
    let target = Self.aliases[path] ?? path
    guard target.hasPrefix("/"), !target.contains("\0") else { return nil }
    let parts = target.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
    for part in parts where part.isEmpty || part.hasPrefix(".") { return nil }
    let file = root + target
    var info = stat()
    guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return (file, Self.mimeType(for: target))
  }

  static func mimeType(for path: String) -> String {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
    let ext = name[name.index(after: dot)...].lowercased()
    return mimeTypes[ext] ?? "application/octet-stream"
  }
}
