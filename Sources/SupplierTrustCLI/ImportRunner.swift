import ArgumentParser
import Foundation
import SupplierTrustImport
import SupplierTrustStore

/// A failure to report on stderr with exit status 1.
struct CLIError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// What `import` and `check` share: running the importer and printing its report.
enum ImportRunner {
  static func run(
    arguments: ImportArguments, store: Store?, stored: Bool, knownSuppliers: Set<String> = [],
    interruption watched: Interruption? = nil
  ) throws -> ImportReport {
    var options = ImportOptions()
    options.strict = arguments.strict
    // `import` keeps its rejects by default; `check` stores nothing, files included, unless a
    // folder is named.
    options.rejectsDirectory =
      arguments.noRejectFiles ? nil : arguments.rejects ?? (stored ? "reports/rejects" : nil)
    options.onReject = { rejection in Terminal.error(rejection.rendered) }
    if Terminal.stderrIsTerminal {
      options.onProgress = { path, share in Terminal.progress("reading \(path): \(Int(share * 100))%") }
    }
    // Interrupted (Ctrl-C), an import says which files went in before it stops; the file in
    // progress is rolled back by SQLite (black-box review 36 found the exit silent).
    let interruption = watched ?? (stored ? Interruption.watch() : nil)
    defer { interruption?.cancel() }
    // Stopped otherwise (Ctrl-C during a check, SIGTERM), the rejects files being written under
    // temporary names are removed before the exit (code review: hidden `.partial-PID` files piled
    // up in the rejects folder).
    // (An import's ``Interruption`` removes them itself.)
    let cleanup =
      options.rejectsDirectory == nil || stored ? nil : PendingRejectCleanup.watch([SIGINT, SIGTERM, SIGHUP])
    defer { cleanup?.cancel() }
    if let interruption {
      options.onFileCommitted = { interruption.committed($0) }
      options.aroundCommit = { interruption.holdingStop($0) }
    }
    let importer: Importer
    do {
      importer = try Importer(store: store, options: options, knownSuppliers: knownSuppliers)
    } catch {
      throw CLIError(error.description)
    }
    var report = importer.run(paths: arguments.paths)
    // A file is stored when its transaction committed; a --strict stop or a failed file rolls back.
    report.stored = stored && report.files.contains { $0.importID != nil }
    Terminal.clearProgress()
    for warning in report.warnings { Terminal.error(warning.rendered) }
    for failure in report.failures { Terminal.error(failure.rendered) }
    return report
  }

  /// A store that cannot be opened: said on stderr, and with `--format json` as a summary whose
  /// `failures` name it, so that a script reading stdout gets a document (black-box review 24
  /// found nothing printed).
  static func storeFailed(_ error: some Error, db: String, format: ListFormat) -> Error {
    guard format == .json else { return CLIError("\(error)") }
    var report = ImportReport()
    report.failures = [
      FileFailure(file: db, line: nil, message: "\(error)", fix: "pass another --db PATH")
    ]
    print(report, format: .json, storePath: db)
    Terminal.error("error: \(error)")
    return ExitCode(1)
  }

  static func exitCode(_ report: ImportReport) -> Int32 {
    if !report.failures.isEmpty { return 1 }
    if !report.rejects.isEmpty { return 2 }
    return 0
  }

  static func print(_ report: ImportReport, format: ListFormat, storePath: String?) {
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let text = String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
      // Spilled rejects go where the kept ones end, a batch at a time, indented as the encoder
      // indents the kept ones: the whole list as one document took 6 GB for 4 million.
      guard let spill = report.spilledRejects, spill.count > 0 else {
        Swift.print(text)
        return
      }
      guard let end = text.range(of: "\n  ],\n  \"stored\" : ") else {
        // Not laid out as expected: every reject in one document, at the cost of the memory.
        var whole = report
        spill.forEachBatch { whole.rejects += $0 }
        whole.spilledRejects = nil
        Swift.print(String(decoding: (try? encoder.encode(whole)) ?? Data(), as: UTF8.self))
        return
      }
      Swift.print(text[..<end.lowerBound], terminator: "")
      spill.forEachBatch { batch in
        let items = String(decoding: (try? encoder.encode(batch)) ?? Data(), as: UTF8.self)
        // `[\n  {...},\n  {...}\n]` → `,\n    {...},\n    {...}`
        let inner = items.dropFirst(2).dropLast(2)
        Swift.print(
          ",\n"
            + inner.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            .joined(separator: "\n"), terminator: "")
      }
      Swift.print(text[end.lowerBound...])
    case .table:
      // Fitted to a terminal (or to COLUMNS); piped, paths are written whole.
      let told = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).map { $0 > 0 } ?? false
      let width = told || Screen.stdoutIsTerminal ? Screen.width : nil
      Swift.print(table(report, storePath: storePath, width: width), terminator: "")
    }
  }

  /// The summary table; with `width`, file paths lose their start ("…/exports/reviews.csv") so
  /// that it fits (black-box review 93: 132 columns on a terminal of 60).
  static func table(_ report: ImportReport, storePath: String?, width: Int? = nil) -> String {
    var rows: [[String]] = [["file", "kind", "accepted", "rejected", "warnings"]]
    for file in report.files {
      rows.append([
        file.path.terminalSafe, file.kind.rawValue, String(file.accepted), String(file.rejected),
        String(file.warnings),
      ])
    }
    rows.append([
      "total", "", String(report.acceptedCount), String(report.rejectedCount),
      String(report.warnings.count),
    ])
    if let width {
      let others = (1..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }.reduce(0, +) + 8
      let room = max(16, width - others)
      // The file's own name is kept whole, if need be past the width: a cut name says nothing.
      for k in rows.indices.dropFirst() {
        let path = rows[k][0]
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let keep = max(room - 1, name.count + 1)
        if path.count > keep + 1 { rows[k][0] = "…" + path.suffix(keep) }
      }
    }
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var out = ""
    for (index, row) in rows.enumerated() {
      var line = ""
      for column in 0..<5 {
        let cell = row[column]
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        line += column < 2 ? cell + padding : padding + cell
        if column < 4 { line += "  " }
      }
      out += line + "\n"
      if index == 0 || index == rows.count - 2 {
        out += String(repeating: "-", count: widths.reduce(0, +) + 8) + "\n"
      }
    }
    // Files that failed have no row of records: named here, so that the table does not read as
    // a clean run of nothing (black-box review 116 met "total 0 0 0" and no word of the file).
    var failed: [String] = []
    for failure in report.failures where !failed.contains(failure.file) { failed.append(failure.file) }
    if !failed.isEmpty {
      out +=
        "\(failed.count) file\(failed.count == 1 ? "" : "s") could not be read (the error printed for \(failed.count == 1 ? "it" : "each") says why): \(failed.prefix(8).map(\.terminalSafe).joined(separator: ", "))\(failed.count > 8 ? ", ..." : "")\n"
    }
    if let storePath {
      out += report.stored ? "Stored in \(storePath).\n" : "Nothing was stored.\n"
    } else {
      out += "Checked only: nothing was stored.\n"
    }
    if !report.rejectFiles.isEmpty {
      out +=
        "Rejected records, to fix and import again: \(report.rejectFiles.map(\.terminalSafe).joined(separator: ", "))\n"
    }
    return out
  }
}

/// Handlers for stopping signals, each left alone when ignored already (a job started in the
/// background by a script, or under `trap '' INT`); ``cancel()`` puts the previous ones back.
/// Shared by an import's ``Interruption`` and a check's clean-up of its rejects files.
final class SignalWatch: @unchecked Sendable {
  private var sources: [(source: DispatchSourceSignal, signal: Int32, previous: sighandler_t?)] = []

  /// Nil when every one of `signals` is ignored.
  static func watch(_ signals: [Int32], _ handler: @escaping @Sendable (Int32) -> Void) -> SignalWatch? {
    let watch = SignalWatch()
    for number in signals {
      let previous = signal(number, SIG_IGN)
      // Handlers compare as addresses (a C function pointer is not Equatable in Swift).
      if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
        continue
      }
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { handler(number) }
      source.resume()
      watch.sources.append((source, number, previous))
    }
    return watch.sources.isEmpty ? nil : watch
  }

  func cancel() {
    for (source, number, previous) in sources {
      source.cancel()
      signal(number, previous)
    }
  }
}

/// Removes the rejects files being written when a signal stops a check, then exits as the signal
/// would (128 + its number).
enum PendingRejectCleanup {
  static func watch(_ signals: [Int32]) -> SignalWatch? {
    SignalWatch.watch(signals) { number in
      PendingRejectFiles.shared.removeAll()
      fflush(nil)
      _exit(128 + number)
    }
  }
}

/// Says, on SIGINT (or SIGTERM, SIGHUP) during an import, which files were committed, then exits
/// 128 + the signal's number as an interrupted command does. The file being read is left uncommitted: SQLite rolls its
/// transaction back when the store is next opened.
final class Interruption: @unchecked Sendable {
  // Recursive: a commit holds it (``holdingStop(_:)``) while telling ``committed(_:)``.
  private let lock = NSRecursiveLock()
  private var files: [String] = []
  /// Set once the import is over: a SIGINT after that changes nothing (the run exits as it ends).
  private var finished = false
  private var signals: SignalWatch?
  /// Run when the import is interrupted before any file was stored (a store it created is
  /// removed, as one it put nothing in is at the end). Set through ``whenNothingStored(_:)``.
  private var nothingStored: (() -> Void)?

  /// Sets what to do when the import is interrupted before any file was stored, under the lock
  /// the interruption reads it under (code review: set on one thread, read on the signal's).
  func whenNothingStored(_ body: @escaping () -> Void) {
    lock.lock()
    nothingStored = body
    lock.unlock()
  }

  private init() {}

  /// Watches SIGINT (Ctrl-C), SIGTERM and SIGHUP (a closed terminal), each of them left alone when
  /// ignored already (a job started in the background by a script, or under `trap '' INT`): the
  /// import then runs to its end, as it did before. SIGTERM and SIGHUP had exited without the list
  /// of files stored (black-box review 97). Nil when all three are ignored.
  static func watch() -> Interruption? {
    let interruption = Interruption()
    guard let signals = SignalWatch.watch([SIGINT, SIGTERM, SIGHUP], { interruption.stop($0) }) else {
      return nil
    }
    interruption.signals = signals
    return interruption
  }

  /// Runs a file's commit with the stop held off: the interruption then lists the file if it was
  /// committed, and no commit starts once it has begun (black-box review 44: a file committed
  /// between SQLite's commit and this list was said not to be stored).
  func holdingStop(_ body: () -> Void) {
    lock.lock()
    defer { lock.unlock() }
    body()
  }

  func committed(_ path: String) {
    lock.lock()
    files.append(path)
    lock.unlock()
  }

  func cancel() {
    lock.lock()
    finished = true
    lock.unlock()
    signals?.cancel()
  }

  private func stop(_ number: Int32) {
    // Held until the process exits: a commit under way finishes (and is listed) first, and none
    // starts after. A long commit is said, so that the wait is not taken for a hang.
    if !lock.try() {
      Terminal.clearProgress()
      Terminal.error("interrupted: waiting for the file being stored to finish its commit")
      lock.lock()
    }
    if finished {
      lock.unlock()
      return
    }
    let done = files
    PendingRejectFiles.shared.removeAll()
    if done.isEmpty { nothingStored?() }
    Terminal.clearProgress()
    let list = done.isEmpty ? "none" : done.map(\.terminalSafe).joined(separator: ", ")
    // "Any other": the interruption may come while the last file commits, with none left
    // unstored (black-box review 101 saw every file listed, then "the file being read was not
    // stored").
    Terminal.error(
      "interrupted: files stored before the interruption: \(list); any other file named was not stored"
        + "\n  fix: import the remaining files again (a file imported twice changes nothing)")
    fflush(nil)
    _exit(128 + number)
  }
}
