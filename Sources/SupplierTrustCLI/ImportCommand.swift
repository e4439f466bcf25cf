import ArgumentParser
import Foundation
import SupplierTrustImport
import SupplierTrustStore

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import CSV/XML files or folders into the workspace store.",
    discussion: """
      Each file is imported in one transaction: a file that fails leaves the store as it was. \
      Rejected records are reported on stderr with file, line, column and the fix, listed in \
      the JSON summary, and written to a rejects file you can fix and import again (only for \
      a file that was stored: a file that fails keeps its previous rejects file). \
      Importing the same file again updates its records; nothing is duplicated.

      Exit status: 0 all records stored; 1 a file could not be read or --strict stopped it; 2 \
      some records were rejected; 128 + the signal when interrupted (130 Ctrl-C, 143 SIGTERM, \
      129 SIGHUP), after listing the files stored.

      Examples:
        supplier-trust import datasets/sample
        supplier-trust import --db work.sqlite --format json exports/*.csv
      """)

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var arguments: ImportArguments

  func run() throws {
    let existed = FileManager.default.fileExists(atPath: storeOptions.db)
    // Watched from before the store is opened: a Ctrl-C in the first milliseconds had ended the
    // import silently, leaving a new, empty store behind (black-box review 101).
    let interruption = Interruption.watch()
    let db = storeOptions.db
    if !existed {
      interruption?.whenNothingStored {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(db + suffix) }
      }
    }
    var store: Store?
    do {
      store = try Store(path: storeOptions.db)
    } catch {
      interruption?.cancel()
      throw ImportRunner.storeFailed(error, db: storeOptions.db, format: arguments.format)
    }
    let report = try ImportRunner.run(
      arguments: arguments, store: store!, stored: true, interruption: interruption)
    // A store this run created and put nothing in is removed again: a mistyped path left an
    // empty store behind, which later commands read as a catalog without suppliers (black-box
    // review 37).
    if !existed, !report.stored {
      store = nil
      for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: storeOptions.db + suffix)
      }
    }
    ImportRunner.print(report, format: arguments.format, storePath: storeOptions.db)
    throw ExitCode(ImportRunner.exitCode(report))
  }
}
