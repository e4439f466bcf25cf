import ArgumentParser
import Foundation
import SupplierTrustImport
import SupplierTrustStore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate files without storing anything; report every problem.",
    discussion: """
      Runs exactly the checks of `import`. Supplier references are checked against the files \
      given and, when it exists, the workspace store (which is only read). Nothing is written: \
      no store, and no files of rejected records unless `--rejects DIR` names a folder for them.

      Exit status: 0 no problem; 1 a file could not be read or --strict stopped it; 2 some records \
      would be rejected.

      Example:
        supplier-trust check --format json datasets/sample
      """)

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var arguments: ImportArguments

  func run() throws {
    var known: Set<String> = []
    if FileManager.default.fileExists(atPath: storeOptions.db) {
      do {
        known = try Store(path: storeOptions.db, readOnly: true).supplierIDs()
      } catch {
        throw ImportRunner.storeFailed(error, db: storeOptions.db, format: arguments.format)
      }
    }
    // The same validation as import; duplicates are found with an in-memory index of ids.
    let report = try ImportRunner.run(arguments: arguments, store: nil, stored: false, knownSuppliers: known)
    ImportRunner.print(report, format: arguments.format, storePath: nil)
    throw ExitCode(ImportRunner.exitCode(report))
  }
}
