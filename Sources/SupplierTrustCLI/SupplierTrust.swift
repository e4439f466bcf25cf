import ArgumentParser
import Foundation

@main
struct SupplierTrust: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "supplier-trust",
    abstract: "Decide which overseas suppliers to trust before you place an order.",
    discussion: """
      Import supplier catalogs (CSV or XML), validate every record, and keep them in a \
      local workspace store (an SQLite file) for scoring, ranking and reports.

      Examples:
        supplier-trust import datasets/sample
        supplier-trust check --format json datasets/sample/reviews.csv
        supplier-trust report datasets/sample --as-of 2026-11-25
        supplier-trust generate --size L --seed 7 --out bench-data/L
      """,
    version: "0.1.0",
    subcommands: [
      ImportCommand.self, CheckCommand.self, ScoreCommand.self, RankCommand.self, ReportCommand.self,
      EligibilityCommand.self,
      PolicyCommand.self,
      GenerateCommand.self,
    ]
  )

  /// Runs the command, mapping usage errors to exit status 1 as the output contract asks
  /// (ArgumentParser's own default would be 64).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as CLIError {
      Terminal.error("error: \(error.description)")
      Foundation.exit(1)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        Terminal.error(fullMessage(for: error))
        Foundation.exit(1)
      }
      exit(withError: error)
    }
  }
}
