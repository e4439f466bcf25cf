import ArgumentParser
import SupplierTrustImport
import SupplierTrustModel
import SupplierTrustReport
import SupplierTrustScoring
import SupplierTrustStore

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
    let (data, store, rejects, rejectedByKind) = try catalog.loadCatalog(hashingFiles: false)
    let asOf = catalog.day
    var orders = EligibilityChecker(policy: policy.tradeAssurance, asOf: asOf).check(data)
    // Every order read was rejected: nothing was judged, and saying so with exit 0 and an empty
    // list read as "no orders" (black-box review 79).
    let refusedOrders = rejectedByKind[.orders] ?? 0
    if data.orders.isEmpty && refusedOrders > 0 {
      throw CLIError(
        "no order could be judged: all \(refusedOrders) order record\(refusedOrders == 1 ? " was" : "s were") rejected (see the warning above)"
      )
    }
    if data.orders.isEmpty {
      Terminal.error(
        "warning: no orders were read; eligibility is judged from orders (orders.csv, or <order> elements in XML)"
      )
    }
    if !order.isEmpty {
      let unknown = order.filter { id in !orders.contains { $0.orderID == id } }
      if !unknown.isEmpty {
        throw CLIError(
          unknown.map { whyMissing(order: $0, in: data, rejects: rejects, store: store, asOf: asOf) }.joined(
            separator: "\n"))
      }
      orders = orders.filter { order.contains($0.orderID) }
      // An order stored by one import and rejected by a later import of its file is out of date:
      // what is judged is the earlier version (black-box review 50).
      var warned = Set<String>()
      for id in order where warned.insert(id).inserted {
        guard let store else { break }
        let newer: StoredRejection?
        do {
          newer = try store.rejection(of: .orders, id: id, afterStored: true)
        } catch {
          Terminal.error(
            "warning: the store could not be searched for later rejections of order \(id.terminalSafe): \(error)"
          )
          continue
        }
        guard let newer else { continue }
        Terminal.error(
          "warning: order \(id.terminalSafe) is judged as stored by an earlier import; a later import of \(newer.file.terminalSafe) rejected it: \(newer.reason.terminalSafe)\n"
            + "  --> \(newer.file.terminalSafe):\(newer.fieldLine ?? newer.line)\(newer.fieldColumn.map { ":\($0)" } ?? "")\n"
            + "  fix: \(newer.fix.terminalSafe); then import the corrected file again")
      }
    }
    if !supplier.isEmpty {
      // As an unknown --order is: an empty table would read as "nothing to worry about".
      let known = Set(data.suppliers.map(\.record.id)).union(data.orders.map(\.record.supplierID))
      let unknown = supplier.filter { !known.contains($0) }
      if !unknown.isEmpty {
        throw CLIError(
          "no supplier \(unknown.joined(separator: ", ").terminalSafe) in the catalog\n  fix: check the id (ids are case-sensitive)"
        )
      }
      // An order asked for by id that belongs to another supplier: the two filters exclude each
      // other, and an empty list said nothing of it (black-box review 79).
      let elsewhere = orders.filter { order.contains($0.orderID) && !supplier.contains($0.supplierID) }
      if !elsewhere.isEmpty {
        throw CLIError(
          elsewhere.map {
            "order \($0.orderID.terminalSafe) is of supplier \($0.supplierID.terminalSafe), not of \(supplier.joined(separator: ", ").terminalSafe) (--supplier)"
          }.joined(separator: "\n")
            + "\n  fix: leave out --supplier, or add --supplier \(elsewhere[0].supplierID.terminalSafe)")
      }
      orders = orders.filter { supplier.contains($0.supplierID) }
    }
    switch format {
    case .json: EligibilityOutput.writeJSON(orders, asOf: asOf, policy: policy) { Terminal.writeOutput($0) }
    case .csv:
      print(EligibilityOutput.csv(orders, asOf: asOf, policy: policy), terminator: "")
      // The policy is named in every row; a file of no rows names it here (black-box review 53).
      if orders.isEmpty { Terminal.error(Terminal.emptyCSVNote(asOf: asOf, policy: policy)) }
    case .markdown: print(EligibilityOutput.markdown(orders, asOf: asOf, policy: policy), terminator: "")
    case .table:
      print(
        EligibilityOutput.table(
          orders, asOf: asOf, policy: policy, width: Screen.width, colour: Screen.colour),
        terminator: "")
    }
  }

  /// Why `--order id` matched nothing: placed after the as-of day, rejected when the files were
  /// read or when they were imported into the store (with where and why), or not in the catalog
  /// at all.
  func whyMissing(order id: String, in data: Catalog, rejects: [Rejection], store: Store?, asOf: Day)
    -> String
  {
    let safe = id.terminalSafe
    if let placed = data.orders.first(where: { $0.record.id == id }) {
      return
        "order \(safe) was placed on \(placed.record.orderDate), after the as-of day \(asOf)\n  fix: use --as-of \(placed.record.orderDate) or later"
    }
    if let rejected = rejects.first(where: { $0.recordID == id && $0.recordKind == .orders }) {
      return "order \(safe) was rejected when its file was read: \(rejected.reason.terminalSafe)\n"
        + "  --> \(rejected.file.terminalSafe):\(rejected.fieldLine ?? rejected.line)\(rejected.fieldColumn.map { ":\($0)" } ?? "")\n"
        + "  fix: \(rejected.fix.terminalSafe)"
    }
    let stored: StoredRejection?
    do {
      stored = try store?.rejection(of: .orders, id: id)
    } catch {
      // Said, not taken for "no such order" (a store busy with another import's commit).
      return
        "no order \(safe) in the catalog, and the store could not be searched for its rejection: \(error)\n  fix: try again once other imports into the store have finished"
    }
    if let stored {
      return "order \(safe) was rejected when its file was imported: \(stored.reason.terminalSafe)\n"
        + "  --> \(stored.file.terminalSafe):\(stored.fieldLine ?? stored.line)\(stored.fieldColumn.map { ":\($0)" } ?? "")\n"
        + "  fix: \(stored.fix.terminalSafe); then import the corrected file again"
    }
    return
      "no order \(safe) in the catalog\n  fix: check the id (ids are case-sensitive); an order rejected on import is listed by `supplier-trust check` and in its rejects file"
  }
}
