import ArgumentParser
import Foundation

@main
struct SupplierTrust: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "supplier-trust",
    abstract: "Decide which overseas suppliers to trust before you place an order.",
    discussion: """
      Import supplier catalogs (CSV or XML) into a local workspace store (an SQLite file), \
      score every supplier (trust score, confidence, red flags, explanation), rank them for an \
      order and check Trade Assurance protection. Scoring commands read the store, or the files \
      given directly.

      Examples:
        supplier-trust import datasets/sample
        supplier-trust score --as-of 2026-11-25
        supplier-trust rank --require ISO9001 --order-amount 25000 --top 10
        supplier-trust eligibility --format json
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
