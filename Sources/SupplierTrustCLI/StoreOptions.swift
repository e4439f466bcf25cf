import ArgumentParser
import Foundation

/// Options shared by commands that read or write the workspace store.
struct StoreOptions: ParsableArguments {
  /// Why `--db` may not be `path` (see ``vanishes(_:)``), with the fix.
  static func vanishingMessage(_ path: String) -> String {
    "--db \(path.isEmpty ? "\"\"" : path) is no file: SQLite would keep the store in memory (or read it as a URI) and lose it on exit; give a plain file name, e.g. --db supplier-trust.sqlite (or leave --db out for that default)."
  }

  /// Whether SQLite would open `path` as a store of its own that vanishes on exit: "", ":memory:",
  /// or a `file:` URI (black-box review 97: "file::memory:" slipped past the first two).
  static func vanishes(_ path: String) -> Bool {
    path.allSatisfy(\.isWhitespace) || path == ":memory:" || path.lowercased().hasPrefix("file:")
  }

  @Option(name: .long, help: ArgumentHelp("The workspace store (an SQLite file).", valueName: "path"))
  var db: String = "supplier-trust.sqlite"

  func validate() throws {
    // SQLite opens "" and ":memory:" as stores of its own that vanish on exit: an import there
    // said "Stored" and kept nothing (black-box review 89: `--db "$DB"` with DB unset).
    if Self.vanishes(db) {
      throw ValidationError(Self.vanishingMessage(db))
    }
  }
}

/// Options shared by `import` and `check`.
struct ImportArguments: ParsableArguments {
  @Argument(help: ArgumentHelp("CSV or XML files, or folders holding them.", valueName: "path"))
  var paths: [String] = []

  @Option(help: "Output format: table or json.")
  var format: ListFormat = .table

  @Flag(help: "Stop at the first rejected record (import: nothing from that file is stored).")
  var strict = false

  @Option(
    help: ArgumentHelp(
      "Folder for files of rejected records, to fix and import again (import: reports/rejects unless told; check: none unless told).",
      valueName: "dir"))
  var rejects: String?

  @Flag(
    help:
      "Do not write files of rejected records (import writes them unless told; check only with --rejects).")
  var noRejectFiles = false

  func validate() throws {
    if paths.isEmpty {
      throw ValidationError("Give at least one CSV or XML file, or a folder (e.g. datasets/sample).")
    }
    // Said before anything is stored, not after (black-box review 89).
    var isFolder: ObjCBool = false
    if let rejects, FileManager.default.fileExists(atPath: rejects, isDirectory: &isFolder),
      !isFolder.boolValue
    {
      throw ValidationError(
        "--rejects \(rejects) is a file, not a folder: name a folder for the rejects files (it is made if missing)."
      )
    }
    if let rejects, noRejectFiles {
      throw ValidationError(
        "--rejects \(rejects) asks for files of rejected records and --no-reject-files for none; give one of them."
      )
    }
  }
}

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}
