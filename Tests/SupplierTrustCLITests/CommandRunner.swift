import Foundation
import Testing

/// Runs the built `supplier-trust` binary, as swift-argument-parser's TestHelpers do, and
/// captures its output and exit status.
struct CommandResult {
  let stdout: String
  let stderr: String
  let status: Int32
}

/// What the stderr reader thread read, handed over once through a semaphore.
final class DataBox: @unchecked Sendable {
  // Written once by the reader thread before `finished` is signalled, read after waiting on it.
  var data = Data()
  let finished = DispatchSemaphore(value: 0)
}

enum CommandRunner {
  /// The folder holding the built products (the test bundle sits beside the binary).
  static var productsDirectory: URL {
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
      }
      fatalError("couldn't find the products directory")
    #else
      return Bundle.main.bundleURL
    #endif
  }

  /// The repository root, for the shipped sample data.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func run(
    _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]
  ) throws -> CommandResult {
    let process = process(arguments, in: directory, environment: extra)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Drain stderr on another thread while stdout is read here: a child that fills one pipe while
    // the other is being read would otherwise block forever.
    let errBox = DataBox()
    let errReader = Thread {
      errBox.data = err.fileHandleForReading.readDataToEndOfFile()
      errBox.finished.signal()
    }
    errReader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    errBox.finished.wait()
    let errData = errBox.data
    return CommandResult(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// Runs the binary with stdout and stderr going to one pipe, as `command > file 2>&1` does:
  /// what a reader of that file sees, in its order.
  static func runMerged(_ arguments: [String], in directory: URL? = nil) throws -> String {
    let process = process(arguments, in: directory, environment: [:])
    let both = Pipe()
    process.standardOutput = both
    process.standardError = both
    try process.run()
    let data = both.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The binary with `arguments`, run in `directory` (the repository by default), colour off.
  private static func process(_ arguments: [String], in directory: URL?, environment extra: [String: String])
    -> Process
  {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("supplier-trust")
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment.merge(extra) { $1 }
    process.environment = environment
    return process
  }

  /// A fresh temporary folder, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "supplier-trust-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
