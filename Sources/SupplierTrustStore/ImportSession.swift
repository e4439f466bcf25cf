import CSQLite
import SupplierTrustModel

/// Writes the records of one file inside one transaction. Nothing is visible to others, or kept,
/// until ``commit(_:)``; dropping the session without committing rolls everything back.
public final class ImportSession {
  private let store: Store
  private var connection: SQLiteConnection { store.connection }
  /// The `imports` row of this file; every record written carries it.
  public let importID: Int64
  private var finished = false
  private var statements: [RecordKind: SQLiteStatement] = [:]
  private var lineLookups: [RecordKind: SQLiteStatement] = [:]
  private let binder = RowBinder()

  init(store: Store, path: String, format: String, startedAt: String) throws(StoreError) {
    self.store = store
    try store.connection.execute("BEGIN IMMEDIATE")
    do {
      let insert = try store.connection.prepare(
        "INSERT INTO imports (path, format, started_at) VALUES (?, ?, ?)")
      insert.bind(1, path)
      insert.bind(2, format)
      insert.bind(3, startedAt)
      try insert.run()
      importID = store.connection.lastInsertRowID
      for kind in RecordKind.allCases {
        let table = Schema.table(for: kind)
        statements[kind] = try store.connection.prepare(table.upsertSQL)
        lineLookups[kind] = try store.connection.prepare(
          "SELECT line FROM \(table.name) WHERE \(table.key) = ?")
      }
    } catch {
      try? store.connection.execute("ROLLBACK")
      throw error
    }
  }

  deinit {
    if !finished { try? connection.execute("ROLLBACK") }
  }

  /// The counts and checksum recorded in the import log when the file is committed.
  public struct Summary: Sendable {
    public var sha256: String
    public var finishedAt: String
    public var accepted: Int
    public var rejected: Int
    public var warnings: Int
    /// Accepted records per kind, as JSON (`{"reviews":412}`).
    public var countsJSON: String
    public init(
      sha256: String, finishedAt: String, accepted: Int, rejected: Int, warnings: Int, countsJSON: String
    ) {
      self.sha256 = sha256
      self.finishedAt = finishedAt
      self.accepted = accepted
      self.rejected = rejected
      self.warnings = warnings
      self.countsJSON = countsJSON
    }
  }

  /// Records the summary and makes the file's records permanent.
  public func commit(_ summary: Summary) throws(StoreError) {
    precondition(!finished, "import session already finished")
    let update = try connection.prepare(
      "UPDATE imports SET sha256 = ?, finished_at = ?, accepted = ?, rejected = ?, warnings = ?, counts = ? "
        + "WHERE import_id = ?")
    update.bind(1, summary.sha256)
    update.bind(2, summary.finishedAt)
    update.bind(3, summary.accepted)
    update.bind(4, summary.rejected)
    update.bind(5, summary.warnings)
    update.bind(6, summary.countsJSON)
    update.bind(7, importID)
    try update.run()
    statements.removeAll()
    lineLookups.removeAll()
    try connection.execute("COMMIT")
    finished = true
  }

  /// Undoes everything written for this file.
  public func rollback() {
    guard !finished else { return }
    statements.removeAll()
    lineLookups.removeAll()
    try? connection.execute("ROLLBACK")
    finished = true
  }

  private func finish(_ kind: RecordKind, _ statement: SQLiteStatement, key: String) throws(StoreError)
    -> UpsertOutcome
  {
    try binder.run(statement)
    if connection.changes > 0 { return .stored }
    let lookup = lineLookups[kind]!
    lookup.bind(1, key)
    defer { lookup.reset() }
    guard try lookup.step() else { return .stored }
    return .duplicate(firstLine: Int(lookup.int64(0) ?? 0))
  }

  public func upsert(_ s: Supplier, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.suppliers]!
    binder.reset()
    binder.add(s.id)
    binder.add(s.name)
    binder.add(s.country)
    binder.add(s.region)
    binder.add(s.businessType?.rawValue)
    binder.add(s.categories.isEmpty ? nil : s.categories.joined(separator: ";"))
    binder.add(s.yearEstablished)
    binder.add(s.employees)
    binder.add(s.tradeAssurance)
    binder.add(s.tradeAssuranceLimit?.cents)
    binder.add(s.goldSupplierSince)
    binder.add(s.verifiedSupplier)
    binder.add(s.businessLicenseVerified)
    binder.add(s.responseRate)
    binder.add(s.medianResponseHours)
    binder.add(s.onTimeDeliveryRate)
    binder.add(s.platformRating)
    binder.add(s.transactions12m)
    binder.add(s.revenue12m?.cents)
    binder.add(importID)
    binder.add(line)
    return try finish(.suppliers, st, key: s.id)
  }

  public func upsert(_ c: Certification, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.certifications]!
    binder.reset()
    let key = c.key
    binder.add(key)
    binder.add(c.supplierID)
    binder.add(c.standard)
    binder.add(c.certificateNumber)
    binder.add(c.certificationBody)
    binder.add(c.accreditationBody)
    binder.add(c.issuedOn?.daysSinceEpoch)
    binder.add(c.expiresOn?.daysSinceEpoch)
    binder.add(c.status?.rawValue)
    binder.add(c.scope)
    binder.add(importID)
    binder.add(line)
    return try finish(.certifications, st, key: key)
  }

  public func upsert(_ a: Audit, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.audits]!
    binder.reset()
    binder.add(a.id)
    binder.add(a.supplierID)
    binder.add(a.kind.rawValue)
    binder.add(a.auditor)
    binder.add(a.date.daysSinceEpoch)
    binder.add(a.result.rawValue)
    binder.add(a.score)
    binder.add(a.majorFindings)
    binder.add(a.minorFindings)
    binder.add(a.validUntil?.daysSinceEpoch)
    binder.add(importID)
    binder.add(line)
    return try finish(.audits, st, key: a.id)
  }

  public func upsert(_ r: Review, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.reviews]!
    binder.reset()
    binder.add(r.id)
    binder.add(r.supplierID)
    binder.add(r.rating)
    binder.add(r.date.daysSinceEpoch)
    binder.add(r.reviewerID)
    binder.add(r.reviewerCountry)
    binder.add(r.verifiedPurchase)
    binder.add(r.orderID)
    binder.add(r.productQuality)
    binder.add(r.delivery)
    binder.add(r.communication)
    binder.add(r.text)
    binder.add(importID)
    binder.add(line)
    return try finish(.reviews, st, key: r.id)
  }

  public func upsert(_ o: Order, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.orders]!
    binder.reset()
    binder.add(o.id)
    binder.add(o.supplierID)
    binder.add(o.orderDate.daysSinceEpoch)
    binder.add(o.amount.cents)
    binder.add(o.paymentMethod?.rawValue)
    binder.add(o.tradeAssurance)
    binder.add(o.agreedShipDate?.daysSinceEpoch)
    binder.add(o.shippedDate?.daysSinceEpoch)
    binder.add(o.deliveredDate?.daysSinceEpoch)
    binder.add(o.inspectionResult?.rawValue)
    binder.add(o.dispute?.rawValue)
    binder.add(o.disputeOpenedOn?.daysSinceEpoch)
    binder.add(o.disputeClosedOn?.daysSinceEpoch)
    binder.add(o.refund?.cents)
    binder.add(importID)
    binder.add(line)
    return try finish(.orders, st, key: o.id)
  }
}
