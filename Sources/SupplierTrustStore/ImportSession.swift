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
      // The catalog is about to change: its snapshot goes, with this file's records or not at all.
      try store.connection.execute("DELETE FROM catalog_snapshot")
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
    try statement.run()
    if connection.changes > 0 { return .stored }
    let lookup = lineLookups[kind]!
    lookup.bind(1, key)
    defer { lookup.reset() }
    guard try lookup.step() else { return .stored }
    return .duplicate(firstLine: Int(lookup.int64(0) ?? 0))
  }

  public func upsert(_ s: Supplier, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.suppliers]!
    st.bind(1, s.id)
    st.bind(2, s.name)
    st.bind(3, s.country)
    st.bind(4, s.region)
    st.bind(5, s.businessType?.rawValue)
    st.bind(6, s.categories.isEmpty ? nil : s.categories.joined(separator: ";"))
    st.bind(7, s.yearEstablished)
    st.bind(8, s.employees)
    st.bind(9, s.tradeAssurance)
    st.bind(10, s.tradeAssuranceLimit?.cents)
    st.bind(11, s.goldSupplierSince)
    st.bind(12, s.verifiedSupplier)
    st.bind(13, s.businessLicenseVerified)
    st.bind(14, s.responseRate)
    st.bind(15, s.medianResponseHours)
    st.bind(16, s.onTimeDeliveryRate)
    st.bind(17, s.platformRating)
    st.bind(18, s.transactions12m)
    st.bind(19, s.revenue12m?.cents)
    st.bind(20, importID)
    st.bind(21, line)
    return try finish(.suppliers, st, key: s.id)
  }

  public func upsert(_ c: Certification, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.certifications]!
    let key = c.key
    st.bind(1, key)
    st.bind(2, c.supplierID)
    st.bind(3, c.standard)
    st.bind(4, c.certificateNumber)
    st.bind(5, c.certificationBody)
    st.bind(6, c.accreditationBody)
    st.bind(7, c.issuedOn?.daysSinceEpoch)
    st.bind(8, c.expiresOn?.daysSinceEpoch)
    st.bind(9, c.status?.rawValue)
    st.bind(10, c.scope)
    st.bind(11, importID)
    st.bind(12, line)
    return try finish(.certifications, st, key: key)
  }

  public func upsert(_ a: Audit, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.audits]!
    st.bind(1, a.id)
    st.bind(2, a.supplierID)
    st.bind(3, a.kind.rawValue)
    st.bind(4, a.auditor)
    st.bind(5, a.date.daysSinceEpoch)
    st.bind(6, a.result.rawValue)
    st.bind(7, a.score)
    st.bind(8, a.majorFindings)
    st.bind(9, a.minorFindings)
    st.bind(10, a.validUntil?.daysSinceEpoch)
    st.bind(11, importID)
    st.bind(12, line)
    return try finish(.audits, st, key: a.id)
  }

  public func upsert(_ r: Review, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.reviews]!
    st.bind(1, r.id)
    st.bind(2, r.supplierID)
    st.bind(3, r.rating)
    st.bind(4, r.date.daysSinceEpoch)
    st.bind(5, r.reviewerID)
    st.bind(6, r.reviewerCountry)
    st.bind(7, r.verifiedPurchase)
    st.bind(8, r.orderID)
    st.bind(9, r.productQuality)
    st.bind(10, r.delivery)
    st.bind(11, r.communication)
    st.bind(12, r.text)
    st.bind(13, importID)
    st.bind(14, line)
    return try finish(.reviews, st, key: r.id)
  }

  public func upsert(_ o: Order, line: Int) throws(StoreError) -> UpsertOutcome {
    let st = statements[.orders]!
    st.bind(1, o.id)
    st.bind(2, o.supplierID)
    st.bind(3, o.orderDate.daysSinceEpoch)
    st.bind(4, o.amount.cents)
    st.bind(5, o.paymentMethod?.rawValue)
    st.bind(6, o.tradeAssurance)
    st.bind(7, o.agreedShipDate?.daysSinceEpoch)
    st.bind(8, o.shippedDate?.daysSinceEpoch)
    st.bind(9, o.deliveredDate?.daysSinceEpoch)
    st.bind(10, o.inspectionResult?.rawValue)
    st.bind(11, o.dispute?.rawValue)
    st.bind(12, o.disputeOpenedOn?.daysSinceEpoch)
    st.bind(13, o.disputeClosedOn?.daysSinceEpoch)
    st.bind(14, o.refund?.cents)
    st.bind(15, importID)
    st.bind(16, line)
    return try finish(.orders, st, key: o.id)
  }
}
