import ArgumentParser
import SupplierTrustReport
import SupplierTrustScoring

/// The formats eligibility is written in.
enum EligibilityFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, markdown
}

struct EligibilityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eligibility",
    abstract: "Trade Assurance protection, claims and dispute milestones of orders.",
    discussion: """
      An order is protected when it was placed through Trade Assurance, paid by a platform \
      method (card, PayPal, Apple Pay, Google Pay, Afterpay, bank transfer into escrow) and its \
      amount is within the supplier's coverage. Claims: late_shipment (shipped after the agreed \
      date, or not shipped once it passed) and quality (inspection failed), each open until the \
      policy's window after delivery (30 days by default).

      Examples:
        supplier-trust eligibility --as-of 2026-11-25
        supplier-trust eligibility datasets/sample --as-of 2026-11-25 --format json
        supplier-trust eligibility --order O-1047
      """)

  @OptionGroup var catalog: CatalogOptions

  @Option(help: "Output format: table, json, csv or markdown.")
  var format: EligibilityFormat = .table

  @Option(help: ArgumentHelp("Only these orders (repeatable).", valueName: "id"))
  var order: [String] = []

  @Option(help: ArgumentHelp("Only orders of these suppliers (repeatable).", valueName: "id"))
  var supplier: [String] = []

  func run() throws {
    let policy = try catalog.loadPolicy()
    // No output of this command lists the files read.
    let (data, _) = try catalog.loadCatalog(hashingFiles: false)
    let asOf = catalog.day
    var orders = EligibilityChecker(policy: policy.tradeAssurance, asOf: asOf).check(data)
    if !order.isEmpty {
      let unknown = order.filter { id in !orders.contains { $0.orderID == id } }
      if !unknown.isEmpty {
        throw CLIError(
          "no order \(unknown.joined(separator: ", ")) (placed on or before \(asOf)) in the catalog\n  fix: check the id, or the --as-of day"
        )
      }
      orders = orders.filter { order.contains($0.orderID) }
    }
    if !supplier.isEmpty { orders = orders.filter { supplier.contains($0.supplierID) } }
    switch format {
    case .json: print(EligibilityOutput.json(orders, asOf: asOf, policy: policy), terminator: "")
    case .csv: print(EligibilityOutput.csv(orders, asOf: asOf, policy: policy), terminator: "")
    case .markdown: print(EligibilityOutput.markdown(orders, asOf: asOf, policy: policy), terminator: "")
    case .table:
      print(
        EligibilityOutput.table(
          orders, asOf: asOf, policy: policy, width: Screen.width, colour: Screen.colour),
        terminator: "")
    }
  }
}
