import SupplierTrustScoring
import Testing

@testable import SupplierTrustReport

/// Splits RFC 4180 CSV into rows of cells (quoted cells may hold commas, quotes and newlines).
func csvRows(_ text: String) -> [[String]] {
  let chars = Array(text)
  var rows: [[String]] = []
  var row: [String] = []
  var cell = ""
  var quoted = false
  var i = 0
  while i < chars.count {
    let ch = chars[i]
    i += 1
    if quoted {
      if ch != "\"" {
        cell.append(ch)
      } else if i < chars.count && chars[i] == "\"" {
        cell.append("\"")
        i += 1
      } else {
        quoted = false
      }
      continue
    }
    switch ch {
    case "\"": quoted = true
    case ",":
      row.append(cell)
      cell = ""
    case "\n", "\r\n":
      rows.append(row + [cell])
      row = []
      cell = ""
    default: cell.append(ch)
    }
  }
  if !cell.isEmpty || !row.isEmpty { rows.append(row + [cell]) }
  return rows
}

@Suite struct EligibilityOutputTests {
  /// The JSON written an order at a time, in pieces of any size, is the document built as one
  /// tree (the reference), for orders of every kind (disputes, claims, unprotected) and none.
  @Test(arguments: [1, 100, 1 << 20]) func theJSONWrittenInPiecesIsTheWholeDocument(chunkSize: Int) {
    var f = ReportFixture.ordinary(count: 40)
    let supplier = f.supplier("SUP-DISPUTE")
    f.order(supplier, lateDays: 5, daysAgo: 80)
    f.catalog.orders[f.catalog.orders.count - 1].record.dispute = .open
    f.catalog.orders[f.catalog.orders.count - 1].record.disputeOpenedOn = f.asOf.adding(days: -5)
    f.order(supplier, lateDays: 0, daysAgo: 30)
    f.catalog.orders[f.catalog.orders.count - 1].record.paymentMethod = .westernUnion
    let orders = EligibilityChecker(asOf: f.asOf).check(f.catalog)
    #expect(orders.count > 10)
    #expect(orders.contains { $0.dispute != nil } && orders.contains { !$0.protected })
    for subset in [orders, [], Array(orders.prefix(1))] {
      var bytes: [UInt8] = []
      var pieces = 0
      EligibilityOutput.writeJSON(subset, asOf: f.asOf, policy: .default, chunkSize: chunkSize) {
        bytes.append(contentsOf: $0)
        pieces += 1
      }
      #expect(
        String(decoding: bytes, as: UTF8.self)
          == EligibilityOutput.jsonTree(subset, asOf: f.asOf, policy: .default))
      if chunkSize == 1 { #expect(pieces == subset.count + 1) }
    }
  }

  @Test func everyCSVRowHasACellPerHeaderColumn() throws {
    let f = ReportFixture.ordinary(count: 12)
    let orders = EligibilityChecker(asOf: f.asOf).check(f.catalog)
    #expect(!orders.isEmpty)
    let rows = csvRows(EligibilityOutput.csv(orders, asOf: f.asOf))
    let header = try #require(rows.first)
    #expect(header == EligibilityOutput.csvHeader)
    #expect(rows.count == orders.count + 1)
    for (n, row) in rows.enumerated() {
      #expect(row.count == header.count, "row \(n) has \(row.count) cells, the header \(header.count)")
    }
    let last = try #require(rows.last)
    #expect(last[header.firstIndex(of: "as_of")!] == f.asOf.description)
    #expect(last[header.firstIndex(of: "policy_sha256")!] == Policy.default.hash)
  }

  /// A list cell has an item per line, so that it splits back into the JSON's list: reasons and
  /// notes hold "; " themselves (black-box review 88 split one note into two).
  @Test func listCellsSplitBackIntoTheirItems() throws {
    var f = ReportFixture.ordinary(count: 1)
    let supplier = f.supplier("SUP-NOTES")
    f.order(supplier, lateDays: 5, daysAgo: 80)
    let k = f.catalog.orders.count - 1
    f.catalog.orders[k].record.paymentMethod = .westernUnion
    f.catalog.orders[k].record.tradeAssurance = nil
    f.catalog.orders[k].record.inspectionResult = nil
    f.catalog.orders[k].record.agreedShipDate = nil
    let orders = EligibilityChecker(asOf: f.asOf).check(f.catalog)
    let order = try #require(orders.first { $0.supplierID == supplier })
    #expect(order.reasons.count >= 2 && !order.notes.isEmpty)
    let rows = csvRows(EligibilityOutput.csv(orders, asOf: f.asOf))
    let header = try #require(rows.first)
    let row = try #require(rows.first { $0.first == order.orderID })
    func items(_ column: String) -> [String] {
      let cell = row[header.firstIndex(of: column)!]
      return cell.isEmpty ? [] : cell.split(separator: "\n").map(String.init)
    }
    #expect(items("reasons") == order.reasons)
    #expect(items("notes") == order.notes)
  }

  /// The byte test for line breaks agrees with `Character.isNewline` on every kind of break and
  /// on the characters around them (a "★", accents, CJK, emoji, a lone C2 or E2 byte's
  /// neighbours), so that the cells it lets through untouched hold none.
  @Test func lineBreaksAreFoundByTheirBytesAsByCharacters() {
    let pieces = [
      "a", "Z", " ", "★", "é", "漢", "👍🏽", "\u{80}", "\u{A0}", "\u{2027}", "\u{202A}", "\u{2030}", "\u{0100}",
      "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{09}",
    ]
    var state: UInt64 = 0x5EED
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    for _ in 0..<5_000 {
      let text = (0..<(next() % 6)).map { _ in pieces[next() % pieces.count] }.joined()
      #expect(ScoreOutput.holdsLineBreak(text) == text.contains(where: \.isNewline), "\(Array(text.utf8))")
    }
    for piece in pieces {
      #expect(
        ScoreOutput.holdsLineBreak(piece) == piece.contains(where: \.isNewline),
        "\(piece.unicodeScalars.map(\.value))")
    }
    #expect(ScoreOutput.listCell(["at 4.7★ from\u{2028}buyers", "two"]) == "at 4.7★ from buyers\ntwo")
  }

  /// The CSV carries the dispute's timetable as the JSON does (it had lost it: black-box
  /// review 35), and leaves it empty for an order without a dispute.
  @Test func theCSVCarriesTheDisputeMilestones() throws {
    var f = ReportFixture.ordinary(count: 1)
    let supplier = f.supplier("SUP-DISPUTE")
    f.order(supplier, lateDays: 5, daysAgo: 80)
    f.catalog.orders[f.catalog.orders.count - 1].record.dispute = .open
    f.catalog.orders[f.catalog.orders.count - 1].record.disputeOpenedOn = f.asOf.adding(days: -5)
    let orders = EligibilityChecker(asOf: f.asOf).check(f.catalog)
    let disputed = try #require(orders.first { $0.supplierID == supplier }?.dispute)
    let rows = csvRows(EligibilityOutput.csv(orders, asOf: f.asOf))
    let header = try #require(rows.first)
    func cell(_ row: [String], _ column: String) -> String { row[header.firstIndex(of: column)!] }
    let row = try #require(rows.first { $0.first == orders.first { $0.supplierID == supplier }!.orderID })
    #expect(cell(row, "dispute_status") == "open")
    #expect(cell(row, "dispute_opened_on") == f.asOf.adding(days: -5).description)
    #expect(cell(row, "supplier_reply_by") == disputed.supplierReplyBy?.description)
    #expect(cell(row, "buyer_may_escalate_from") == disputed.buyerMayEscalateFrom?.description)
    #expect(cell(row, "automatic_escalation_on") == disputed.automaticEscalationOn?.description)
    #expect(cell(row, "dispute_stage") == disputed.stage)
    #expect(!disputed.stage.isEmpty && disputed.supplierReplyBy != nil)
    let other = try #require(rows.dropFirst().first { $0.first != row.first })
    #expect(cell(other, "dispute_status").isEmpty && cell(other, "supplier_reply_by").isEmpty)
  }

  /// The table and the CSV give one reason for a claim that cannot be filed, by one order of
  /// precedence: not protected, a dispute decided or withdrawn, the window closed (also when the
  /// dispute came only after it).
  @Test func theTableAndTheCSVGiveTheSameReasonWhyNot() throws {
    var f = ReportFixture.ordinary(count: 1)
    // The closures below change an order of `f`, so they must not read `f` while they do.
    let asOf = f.asOf
    var expected: [String: String] = [:]
    func add(_ id: String, _ reason: String, _ change: (inout Order) -> Void) {
      let supplier = f.supplier(id)
      f.order(supplier, lateDays: 4, daysAgo: 200)
      change(&f.catalog.orders[f.catalog.orders.count - 1].record)
      expected[supplier] = reason
    }
    add("SUP-UNPROTECTED", "not protected") { $0.paymentMethod = .westernUnion }
    add("SUP-DECIDED", "already decided (refunded)") {
      $0.dispute = .refunded
      $0.disputeOpenedOn = asOf.adding(days: -160)
      $0.disputeClosedOn = asOf.adding(days: -150)
    }
    add("SUP-WITHDRAWN", "already closed (withdrawn)") {
      $0.dispute = .withdrawn
      $0.disputeOpenedOn = asOf.adding(days: -160)
      $0.disputeClosedOn = asOf.adding(days: -150)
    }
    let orders = EligibilityChecker(asOf: f.asOf).check(f.catalog)
    let closedOn = try #require(orders.first { $0.supplierID == "SUP-DECIDED" }?.claims.first?.deadline)
    add("SUP-CLOSED", "window closed \(closedOn)") { _ in }
    add("SUP-LATE-DISPUTE", "window closed \(closedOn)") {
      $0.dispute = .rejected
      $0.disputeOpenedOn = asOf.adding(days: -20)
      $0.disputeClosedOn = asOf.adding(days: -10)
    }
    let all = EligibilityChecker(asOf: f.asOf).check(f.catalog)
    let rows = csvRows(EligibilityOutput.csv(all, asOf: f.asOf))
    let header = try #require(rows.first)
    let late = header.firstIndex(of: "late_shipment")!
    for (supplier, reason) in expected {
      let order = try #require(all.first { $0.supplierID == supplier })
      let claim = try #require(order.claims.first { $0.kind == .lateShipment })
      #expect(!claim.eligible)
      let row = try #require(rows.first { $0.first == order.orderID })
      #expect(row[late] == "not eligible: " + reason, "\(supplier)")
      let table = EligibilityOutput.table([order], asOf: f.asOf, width: 300, colour: false)
      #expect(table.contains("late_shipment: cannot file, " + reason), "\(supplier): \(table)")
    }
  }

  /// An unprotected order's row leads with why it is not protected, then its claims.
  @Test func theTableSaysWhyNotBeforeTheClaims() {
    let asOf = Day(year: 2026, month: 11, day: 25)!
    var order = Order(
      id: "O-9", supplierID: "S-1", orderDate: asOf.adding(days: -60), amount: Money(cents: 100_000))
    order.tradeAssurance = true
    order.paymentMethod = .westernUnion
    order.deliveredDate = asOf.adding(days: -5)
    order.inspectionResult = .fail
    var supplier = Supplier(id: "S-1", name: "S", country: "CN")
    supplier.tradeAssurance = true
    supplier.tradeAssuranceLimit = Money(cents: 10_000_000)
    let checked = EligibilityChecker(asOf: asOf).check(
      order, supplier: supplier, evidence: Evidence(location: "orders.csv:2", recordID: "O-9"))
    #expect(!checked.protected)
    let text = EligibilityOutput.table([checked], asOf: asOf, width: 200, colour: false)
    #expect(text.contains("paid by western_union; quality: cannot file"))
  }

  /// Claims the row gives no ground to judge are named in the table, not left as a dash.
  @Test func theTableNamesClaimsThatCannotBeJudged() {
    let asOf = Day(year: 2026, month: 11, day: 25)!
    var order = Order(
      id: "O-7", supplierID: "S-1", orderDate: asOf.adding(days: -60), amount: Money(cents: 100_000))
    order.tradeAssurance = true
    order.paymentMethod = .creditCard
    order.deliveredDate = asOf.adding(days: -5)
    var supplier = Supplier(id: "S-1", name: "S", country: "CN")
    supplier.tradeAssurance = true
    supplier.tradeAssuranceLimit = Money(cents: 10_000_000)
    let checked = EligibilityChecker(asOf: asOf).check(
      order, supplier: supplier, evidence: Evidence(location: "orders.csv:2", recordID: "O-7"))
    #expect(checked.protected && checked.claims.isEmpty)
    let text = EligibilityOutput.table([checked], asOf: asOf, width: 200, colour: false)
    #expect(
      text.contains("late_shipment: unknown, no agreed ship date; quality: unknown, no inspection result"),
      "\(text)")
  }

  /// Cover capped below the amount is a note of a protected order, shown as `partly`; a claim
  /// whose window waits for delivery says how long it will run.
  @Test func partialCoverAndAnUndeliveredClaimAreSaidPlainly() throws {
    let asOf = Day(year: 2026, month: 11, day: 25)!
    var order = Order(
      id: "O-7", supplierID: "S-1", orderDate: asOf.adding(days: -60), amount: Money(cents: 5_000_000))
    order.tradeAssurance = true
    order.paymentMethod = .paypal
    order.agreedShipDate = asOf.adding(days: -10)
    var supplier = Supplier(id: "S-1", name: "S", country: "CN")
    supplier.tradeAssurance = true
    supplier.tradeAssuranceLimit = Money(cents: 1_000_000)
    var policy = Policy.default
    policy.tradeAssurance.limitMode = .cap
    let checked = EligibilityChecker(policy: policy.tradeAssurance, asOf: asOf).check(
      order, supplier: supplier, evidence: Evidence(location: "orders.csv:2", recordID: "O-7"))
    let table = EligibilityOutput.table([checked], asOf: asOf, policy: policy, width: 200, colour: false)
    #expect(table.contains("O-7"))
    #expect(table.contains("partly"))
    #expect(table.contains("covers $10,000 only (the supplier's limit)"))
    let rows = csvRows(EligibilityOutput.csv([checked], asOf: asOf, policy: policy))
    let header = try #require(rows.first)
    let row = try #require(rows.last)
    #expect(row[header.firstIndex(of: "reasons")!] == "")
    #expect(
      row[header.firstIndex(of: "notes")!]
        == "covered only up to the supplier's Trade Assurance limit: $10,000 of $50,000")
    #expect(row[header.firstIndex(of: "late_shipment")!] == "eligible (until 30 days after delivery)")
  }

  /// Black-box review 22: an order delivered without a stated ship date cannot be claimed late,
  /// but its window is open for weeks: the CSV said "window closed" with that future day.
  @Test func aClaimThatCannotBeConfirmedIsNotSaidToBeOutOfTime() throws {
    let asOf = Day(year: 2026, month: 5, day: 20)!
    var order = Order(
      id: "L12", supplierID: "S-TA", orderDate: Day(year: 2026, month: 4, day: 1)!,
      amount: Money(cents: 100_000))
    order.tradeAssurance = true
    order.paymentMethod = .paypal
    order.agreedShipDate = Day(year: 2026, month: 5, day: 1)!
    order.deliveredDate = Day(year: 2026, month: 5, day: 10)!
    var supplier = Supplier(id: "S-TA", name: "S", country: "CN")
    supplier.tradeAssurance = true
    supplier.tradeAssuranceLimit = Money(cents: 1_000_000)
    let checked = EligibilityChecker(asOf: asOf).check(
      order, supplier: supplier, evidence: Evidence(location: "orders.csv:2", recordID: "L12"))
    let rows = csvRows(EligibilityOutput.csv([checked], asOf: asOf))
    let header = try #require(rows.first)
    let cell = try #require(rows.last)[header.firstIndex(of: "late_shipment")!]
    let notes = try #require(rows.last)[header.firstIndex(of: "notes")!]
    // Unknown, not a verdict: no claim, and the note says why (black-box review 79).
    #expect(cell.isEmpty)
    #expect(
      notes.contains(
        "a late-shipment claim cannot be judged: delivered 2026-05-10, after the agreed ship date 2026-05-01")
    )
    // The table names the date that is missing: the ship date, not the agreed one (code review).
    let table = EligibilityOutput.table([checked], asOf: asOf, policy: .default, width: 200, colour: false)
    #expect(table.contains("late_shipment: unknown, no ship date"), "\(table)")
  }

  /// The table wraps long ids and verdicts onto more lines instead of cutting them: "quality:
  /// can…" stood for "cannot file", and 64-character ids left every other column as "…".
  @Test func theTableWrapsRatherThanCutsVerdictsAndIds() throws {
    let asOf = Day(year: 2026, month: 6, day: 15)!
    let orderID = String(repeating: "O", count: 63) + "1"
    let supplierID = String(repeating: "S", count: 64)
    var order = Order(
      id: orderID, supplierID: supplierID, orderDate: Day(year: 2026, month: 4, day: 1)!,
      amount: Money(cents: 100_000))
    order.tradeAssurance = true
    order.paymentMethod = .westernUnion
    order.agreedShipDate = Day(year: 2026, month: 5, day: 1)!
    order.shippedDate = Day(year: 2026, month: 5, day: 20)!
    order.deliveredDate = Day(year: 2026, month: 5, day: 30)!
    order.inspectionResult = .fail
    var supplier = Supplier(id: supplierID, name: "S", country: "CN")
    supplier.tradeAssurance = true
    supplier.tradeAssuranceLimit = Money(cents: 1_000_000)
    let checked = EligibilityChecker(asOf: asOf).check(
      order, supplier: supplier, evidence: Evidence(location: "orders.csv:2", recordID: orderID))
    let text = EligibilityOutput.table([checked], asOf: asOf, width: 100, colour: false)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { TextTable.width(of: $0) <= 100 })
    #expect(!text.contains("…"))
    // Every piece of the row is there, read down its column.
    let body = lines.dropFirst(3)
    let cells = body.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
    #expect(cells.compactMap(\.first).joined() == orderID)
    #expect(cells.compactMap { $0.count > 1 ? $0[1] : nil }.joined().hasPrefix(supplierID))
    // The last column, read from where its title starts.
    let start = try #require(lines[1].range(of: "Claims / why not")).lowerBound.utf16Offset(in: lines[1])
    let words = body.map { String($0.utf16.dropFirst(start)) ?? "" }.joined(separator: " ")
    #expect(words.contains("late_shipment: cannot file"))
    #expect(words.contains("quality: cannot file"))
    #expect(body.first?.contains(" no ") == true)
  }
}
