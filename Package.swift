// swift-tools-version: 6.0
// Gavel: a debate-floor and voting daemon for UN-style committees.
// Language mode 6 (complete strict concurrency) applies to every target.
import PackageDescription

let package = Package(
  name: "Gavel",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "gaveld", targets: ["gaveld"]),
    .executable(name: "gavel", targets: ["gavel"]),
    .library(name: "GavelCore", targets: ["GavelCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
  ],
  targets: [
    // C libraries, found with pkg-config; shims cover what Swift cannot import.
    .systemLibrary(
      name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(
      name: "CLibWebSockets", pkgConfig: "libwebsockets",
      providers: [.apt(["libwebsockets-dev"])]),
    .systemLibrary(
      name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

    // The pure, deterministic committee: no I/O, no C, no logging.
    .target(name: "GavelCore"),
    .target(
      name: "GavelStore",
      dependencies: [
        "GavelCore", "CSQLite", "CCrypto", .product(name: "Logging", package: "swift-log"),
      ]),
    .target(
      name: "GavelWire",
      dependencies: ["CLibWebSockets", .product(name: "Logging", package: "swift-log")]),
    .target(
      name: "GavelServer",
      dependencies: [
        "GavelCore", "GavelStore", "GavelWire",
        .product(name: "Logging", package: "swift-log"),
      ]),
    .target(name: "GavelAudit", dependencies: ["GavelCore", "GavelStore"]),
    // `make bench`: verify and record timed on a generated 1,000,000-event log (docs/audit.md).
    .executableTarget(name: "gavel-bench-audit", dependencies: ["GavelAudit", "GavelCore", "GavelStore"]),
    .executableTarget(
      name: "gaveld",
      dependencies: [
        "GavelServer", "GavelWire", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    .executableTarget(
      name: "gavel",
      dependencies: [
        "GavelCore", "GavelStore", "GavelAudit", "GavelServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Echo server over GavelWire, for transport conformance tests.
    .executableTarget(
      name: "wire-echo",
      dependencies: ["GavelWire", .product(name: "Logging", package: "swift-log")]),
    // Store micro-benchmarks beside raw SQLite (make bench, Benchmarks/run.sh).
    .executableTarget(
      name: "gavel-bench-store", dependencies: ["GavelCore", "GavelStore", "CSQLite"],
      path: "Benchmarks/gavel-bench-store"),
    // The Floor's CPU per roll-call ballot, without the network (issue #9).
    .executableTarget(
      name: "gavel-bench-floor",
      dependencies: [
        "GavelServer", "GavelCore", "GavelStore", "GavelWire", .product(name: "Logging", package: "swift-log"),
      ],
      path: "Benchmarks/gavel-bench-floor"),
    .target(name: "GavelTesting", dependencies: ["GavelCore", "GavelStore"]),
    // Test helper for GavelStoreTests' crash test: appends in a loop until SIGKILLed.
    .executableTarget(name: "gavel-store-crash-child", dependencies: ["GavelCore", "GavelStore"]),

    .testTarget(
      name: "GavelCoreTests", dependencies: ["GavelCore", "GavelTesting"],
      // Golden fixtures are read by path (#filePath), not bundled.
      exclude: ["Fixtures"]),
    .testTarget(name: "GavelStoreTests", dependencies: ["GavelStore", "GavelTesting"]),
    .testTarget(name: "GavelWireTests", dependencies: ["GavelWire"]),
    .testTarget(
      name: "GavelServerTests", dependencies: ["GavelServer", "GavelTesting"]),
    .testTarget(
      name: "GavelAuditTests", dependencies: ["GavelAudit", "GavelTesting"],
      // Golden files are read by path (#filePath), not bundled.
      exclude: ["Fixtures"]),
  ]
)
