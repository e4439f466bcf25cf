import ArgumentParser
import Foundation
import SupplierTrustImport
import SupplierTrustModel
import SupplierTrustScoring
import SupplierTrustStore

extension Day: ExpressibleByArgument {
  /// A day from an option such as `--as-of`: YYYY-MM-DD, or a UTC datetime whose day is taken; nil otherwise.
  public init?(argument: String) {
    self.init(parsing: argument)
  }
}

/// Options shared by `score`, `rank`, `eligibility` and `report`: where the catalog comes from,
/// the as-of day and the policy.
struct CatalogOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "CSV or XML files or folders to read directly (nothing is stored); the workspace store when omitted.",
      valueName: "path"))
  var paths: [String] = []

  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The workspace store (an SQLite file; supplier-trust.sqlite when omitted). Not with paths: files given are read instead.",
      valueName: "path"))
  var dbOption: String?

  /// The workspace store's path.
  var db: String { dbOption ?? "supplier-trust.sqlite" }

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "The day ages, expiries and claim windows are measured from (YYYY-MM-DD; today's local date when omitted).",
      valueName: "date"),
    transform: { text in
      guard let day = Day(parsing: text) else {
        throw ValidationError("not a calendar day; write it as YYYY-MM-DD, e.g. 2026-11-25")
      }
      return day
    })
  var asOf: Day?

  @Option(help: ArgumentHelp("A scoring policy file (JSON; see docs/policy.md).", valueName: "file"))
  var policy: String?

  /// Checked when the catalog is loaded rather than in `validate()`: a validation error of an
  /// option group came before ArgumentParser's "Unknown option", so `score --bogus` without a
  /// store was told to import a catalog (black-box review 30).
  func requireCatalog() throws {
    if let dbOption, StoreOptions.vanishes(dbOption) {
      throw CLIError(StoreOptions.vanishingMessage(dbOption))
    }
    // Both given, one would be ignored without a word: the files were scored and the store named
    // was not read (black-box review 79).
    if let dbOption, !paths.isEmpty {
      throw CLIError(
        "--db \(dbOption) names the store to read, and \(paths.joined(separator: " ")) files to read instead of a store; give one\n"
          + "  fix: leave out --db to read the files (nothing is stored), or leave out the paths to read the store (import the files into it first: supplier-trust import --db \(dbOption) \(paths.joined(separator: " ")))"
      )
    }
    if paths.isEmpty && !FileManager.default.fileExists(atPath: db) {
      throw CLIError(
        "there is no workspace store at \(db); import a catalog first (supplier-trust import datasets/sample), pass --db PATH, or give the files to read (e.g. datasets/sample)"
      )
    }
  }

  /// The as-of day: the option, or today's date where the command runs (its time zone, `TZ`): in
  /// UTC a buyer in Los Angeles was told a claim's window had closed on its last local day
  /// (black-box review 22).
  var day: Day {
    if let asOf { return asOf }
    let now = Date()
    let seconds = Int64(now.timeIntervalSince1970) + Int64(TimeZone.current.secondsFromGMT(for: now))
    return Day(daysSinceEpoch: Int32(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
  }

  func loadPolicy() throws -> Policy {
    guard let path = policy else { return .default }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError(
        "cannot read the policy file \(path)\n  fix: check the path, or leave out --policy to use the default"
      )
    }
    do {
      let (policy, warnings) = try PolicyFile.read(bytes: [UInt8](data), file: path)
      for warning in warnings { Terminal.error(warning) }
      return policy
    } catch {
      throw CLIError(error.description)
    }
  }

  /// Fails when review texts left in their files could not be read back while scoring (a file
  /// changed meanwhile): burst detection would have judged without them.
  static func requireTextsRead(_ catalog: Catalog) throws {
    if let failure = catalog.reviews.textReadFailure { throw CLIError(failure) }
  }

  /// Reads the catalog from the files given, or from the store. Records rejected while reading
  /// files are counted on stderr (run `check` for the full list) and left out.
  /// The catalog to score; `hashingFiles` false when the output shows no file checksums (files
  /// read directly then go unhashed).
  func loadCatalog(hashingFiles: Bool = true) throws -> (
    catalog: Catalog, store: Store?, rejects: [Rejection], rejectedByKind: [RecordKind: Int]
  ) {
    try requireCatalog()
    if paths.isEmpty {
      do {
        // Opened for writing when possible so that an older store gets the current schema
        // (and its scoring index); a read-only file is still read.
        let store: Store
        if let writable = try? Store(path: db) {
          store = writable
        } else {
          store = try Store(path: db, readOnly: true)
        }
        return (try store.loadCatalog(), store, [], [:])
      } catch {
        throw CLIError(error.description)
      }
    }
    var options = ImportOptions()
    options.collectsCatalog = true
    options.hashesCollectedFiles = hashingFiles
    if Terminal.stderrIsTerminal {
      options.onProgress = { path, share in Terminal.progress("reading \(path): \(Int(share * 100))%") }
    }
    let importer: Importer
    do {
      importer = try Importer(store: nil, options: options)
    } catch {
      throw CLIError(error.description)
    }
    let clock = StageTimer(prefix: "reading: ")
    let report = importer.run(paths: paths)
    Terminal.clearProgress()
    for failure in report.failures { Terminal.error(failure.rendered) }
    if !report.failures.isEmpty { throw ExitCode(1) }
    // As `check` and `import` say them: an unknown column is reported once (formats.md), and
    // reading files directly had said nothing of one (black-box review 127).
    for warning in report.warnings { Terminal.error(warning.rendered) }
    if let first = report.rejects.first {
      Terminal.error(rejectionWarning(report.rejects, count: report.rejectCount, first: first))
    }
    clock.lap("files")
    let (collected, repeats) = importer.collectedCatalogWithRepeats()
    clock.lap("catalog")
    for repeated in repeats { Terminal.error("warning: " + repeated.message) }
    // Every record rejected, or naming suppliers nobody read: there is nothing to score or judge,
    // and an empty ranking with exit 0 read as a catalog without suppliers (black-box review 78).
    if collected.suppliers.isEmpty && report.rejectCount > 0 {
      throw CLIError(
        "no supplier profile was read from \(paths.joined(separator: " ")), so nothing could be scored or judged: \(report.rejectCount) record\(report.rejectCount == 1 ? " was" : "s were") rejected (the warning above names the first)"
      )
    }
    // Counted per kind over every file: `rejects` keeps only the first rejections in memory.
    var rejectedByKind: [RecordKind: Int] = [:]
    for file in report.files { rejectedByKind[file.kind, default: 0] += file.rejected }
    return (collected, nil, report.rejects, rejectedByKind)
  }
}

extension CatalogOptions {
  /// The warning for records rejected while reading files directly: how many, the first with its
  /// place, reason and fix, and where to see the rest. References to suppliers the files do not
  /// hold are said apart when a store exists: `check` looks them up in it, and had listed none
  /// of the 32 orders an `eligibility` of orders.csv alone left out (black-box review 79).
  func rejectionWarning(_ rejects: [Rejection], count: Int, first: Rejection) -> String {
    var text =
      "warning: \(count) rejected record\(count == 1 ? " was" : "s were") left out; run `supplier-trust check \(paths.joined(separator: " "))` to see them"
    let unknownSuppliers = rejects.filter {
      $0.column == "supplier_id" && $0.reason.contains("is not a known supplier")
    }
    .count
    if unknownSuppliers > 0 && FileManager.default.fileExists(atPath: db) {
      text +=
        " (but for the \(unknownSuppliers) naming suppliers these files do not hold: `check` also looks suppliers up in the store \(db), and files given are read without it; add the suppliers' file to the paths, or import the files and leave the paths out)"
    }
    return text + "; the first:\n" + first.rendered
  }
}

/// Output formats of list commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, markdown
}

/// Terminal facts for tables: width and whether to colour (never when NO_COLOR is set).
enum Screen {
  static var stdoutIsTerminal: Bool { isatty(1) == 1 }
  static var colour: Bool {
    stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
      && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }
  /// The terminal's columns (COLUMNS first), 100 when not told; never under 60, the narrowest
  /// layout of the tables (a narrower terminal had got the full 100 columns: black-box review 43).
  static var width: Int {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return max(columns, minimumWidth)
    }
    var size = winsize()
    if stdoutIsTerminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return max(Int(size.ws_col), minimumWidth)
    }
    return 100
  }

  static let minimumWidth = 60
}
