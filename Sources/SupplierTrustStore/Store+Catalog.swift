import CSQLite
import SupplierTrustModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// Reads every stored record into memory, each with the import (file) and line it came from.
  ///
  /// Sources are the logged imports that still hold records, in import order. Reviews are read
  /// with what scoring needs (not their country, order id, sub-ratings or text) and ordered by
  /// supplier; texts are then fetched on demand through ``Catalog/deferredReviewTexts``, which
  /// keeps a large catalog's memory and loading time down (most texts are never looked at).
  ///
  /// The first load after an import reads the tables and, when the store is writable, keeps what
  /// it read as a snapshot (``CatalogSnapshot``); later loads read the snapshot while it matches
  /// the import log. `fullReviews` always reads the tables.
  public func loadCatalog(fullReviews: Bool = false) throws(StoreError) -> Catalog {
    if isEmptyStore { return Catalog() }
    let key = try snapshotKey()
    loadedCatalogVersion = key
    if fullReviews { return try loadTables(fullReviews: true) }
    if var snapshot = readSnapshot(key: key) {
      snapshot.deferredReviewTexts = StoreReviewTexts(path: path)
      return snapshot
    }
    let catalog = try loadTables(fullReviews: false)
    // A store opened read-only (or one on a full disk) is simply read in full next time too.
    if sqlite3_db_readonly(connection.handle, "main") == 0 { try? writeSnapshot(catalog, key: key) }
    return catalog
  }

  /// Names the catalog as the store holds it now: it changes with every import (and with the
  /// store's schema). Results worked out from the catalog are filed under it.
  public func catalogVersion() throws(StoreError) -> String { try snapshotKey() }

  /// How many memos are kept: a few as-of days or policies tried in turn each find theirs.
  static let memosKept = 3

  /// Whether memos (and snapshots) can be kept: the store was opened for writing.
  public var isWritable: Bool { sqlite3_db_readonly(connection.handle, "main") == 0 }

  /// The bytes kept under `key` by ``keepScoringMemo(_:key:catalogVersion:)``, or nil when none
  /// are (or the store predates memos). A memo used counts as written now, so that the memos
  /// kept are those in use.
  public func scoringMemo(key: String) -> [UInt8]? {
    guard let st = try? connection.prepare("SELECT data FROM scoring_memos WHERE key = ?") else { return nil }
    st.bind(1, key)
    guard (try? st.step()) == true else {
      st.reset()
      return nil
    }
    let bytes = st.withBlob(0) { Array($0) }
    st.reset()
    if isWritable {
      try? withoutWaiting { () throws(StoreError) in
        let touch = try connection.prepare(
          "UPDATE scoring_memos SET written_at = (SELECT max(written_at) + 1 FROM scoring_memos) WHERE key = ?"
        )
        touch.bind(1, key)
        try touch.run()
      }
    }
    return bytes
  }

  /// Runs `body` with the connection giving up at once on a store another process is writing,
  /// rather than waiting up to 30 s: a memo is worth keeping only when that is free.
  private func withoutWaiting(_ body: () throws(StoreError) -> Void) throws(StoreError) {
    sqlite3_busy_timeout(connection.handle, 0)
    defer { sqlite3_busy_timeout(connection.handle, SQLiteConnection.busyTimeoutSeconds * 1000) }
    try body()
  }

  /// Keeps `bytes` under `key`, unless the catalog has changed since `catalogVersion` was read
  /// (an import committed meanwhile: the memo would describe a catalog that is gone). The oldest
  /// memos beyond ``memosKept`` go. While another process writes the store, nothing is kept
  /// (at once, rather than after waiting for it).
  public func keepScoringMemo(_ bytes: [UInt8], key: String, catalogVersion: String) throws(StoreError) {
    try withoutWaiting { () throws(StoreError) in try keep(bytes, key: key, catalogVersion: catalogVersion) }
  }

  private func keep(_ bytes: [UInt8], key: String, catalogVersion: String) throws(StoreError) {
    let limit = Int(sqlite3_limit(connection.handle, SQLITE_LIMIT_LENGTH, -1))
    guard bytes.count < limit else { return }
    try whileCatalogIs(catalogVersion) { () throws(StoreError) in
      let latest = try connection.prepare("SELECT coalesce(max(written_at), 0) FROM scoring_memos")
      _ = try latest.step()
      let next = (latest.int64(0) ?? 0) + 1
      latest.reset()
      let st = try connection.prepare(
        "INSERT OR REPLACE INTO scoring_memos (key, written_at, data) VALUES (?, ?, ?)")
      st.bind(1, key)
      st.bind(2, next)
      try st.run(binding: bytes, at: 3)
      let prune = try connection.prepare(
        "DELETE FROM scoring_memos WHERE key NOT IN (SELECT key FROM scoring_memos ORDER BY written_at DESC LIMIT ?)"
      )
      prune.bind(1, Self.memosKept)
      try prune.run()
    }
  }

  /// Runs `body` in one write transaction, and only if the catalog is still `version` (no import
  /// committed since it was read: what would be written describes a catalog that is gone).
  private func whileCatalogIs(_ version: String, _ body: () throws(StoreError) -> Void) throws(StoreError) {
    try connection.execute("BEGIN IMMEDIATE")
    do {
      guard try snapshotKey() == version else {
        try connection.execute("ROLLBACK")
        return
      }
      try body()
      try connection.execute("COMMIT")
    } catch {
      try? connection.execute("ROLLBACK")
      throw error
    }
  }

  /// What the snapshot must have been written for: this schema and snapshot format, and the
  /// import log as it stands (every import deletes the snapshot too; this guards the rest).
  private func snapshotKey() throws(StoreError) -> String {
    let st = try connection.prepare("SELECT coalesce(max(import_id), 0), count(*) FROM imports")
    defer { st.reset() }
    _ = try st.step()
    return
      "schema \(Schema.migrations.count); format \(CatalogSnapshot.formatVersion); "
      + "imports \(st.int64(0) ?? 0)/\(st.int64(1) ?? 0)"
  }

  /// The snapshot's two parts, read and decoded at once: the reviews on a thread with a
  /// connection of its own, the other records on this one. Each part is streamed from its BLOB
  /// through a window of a megabyte, not copied whole into memory first.
  private func readSnapshot(key: String) -> Catalog? {
    let clock = StageTimer(prefix: "loading: ")
    let reviews = UnsafeTransfer<ReviewTable?>(nil)
    let path = self.path
    let worker = Thread {
      guard let other = try? Store(path: path, readOnly: true),
        let source = try? BlobSource(
          other.connection, table: "catalog_snapshot", column: "data", row: 2, sealed: true)
      else { return }
      var reader = ByteReader(source: source)
      let table = CatalogSnapshot.decodeReviews(&reader, key: key)
      reviews.value = source.isIntact ? table : nil
    }
    worker.start()
    var records: Catalog?
    // Through a read-only connection too: it maps the file (mmap_size) rather than copying
    // 100 MB of pages into this connection's page cache on the way.
    let recordsStore = try? Store(path: path, readOnly: true)
    if let recordsStore,
      let source = try? BlobSource(
        recordsStore.connection, table: "catalog_snapshot", column: "data", row: 1, sealed: true)
    {
      var reader = ByteReader(source: source)
      records = CatalogSnapshot.decodeRecords(&reader, key: key)
      if !source.isIntact { records = nil }
    }
    worker.join()
    guard var catalog = records, let table = reviews.value else { return nil }
    catalog.reviews = table
    clock.lap("snapshot")
    return catalog
  }

  private func writeSnapshot(_ catalog: Catalog, key: String) throws(StoreError) {
    let clock = StageTimer(prefix: "loading: ")
    let (records, reviews) = CatalogSnapshot.encode(catalog, key: key)
    // Larger than SQLite takes in one value: keep reading the tables.
    let limit = Int(sqlite3_limit(connection.handle, SQLITE_LIMIT_LENGTH, -1))
    guard records.count < limit, reviews.count < limit else { return }
    // Written only if no import committed since the catalog was read.
    try whileCatalogIs(key) { () throws(StoreError) in
      let st = try connection.prepare(
        "INSERT OR REPLACE INTO catalog_snapshot (part, key, data) VALUES (?, ?, ?)")
      for (part, bytes) in [(1, records), (2, reviews)] {
        st.bind(1, part)
        st.bind(2, key)
        try st.run(binding: bytes, at: 3)
      }
    }
    clock.lap("snapshot written (\((records.count + reviews.count) / 1_000_000) MB)")
  }

  /// Every record from the tables (reviews without texts unless `fullReviews`).
  private func loadTables(fullReviews: Bool) throws(StoreError) -> Catalog {
    var catalog = Catalog()
    var sourceIndex: [Int64: Int32] = [:]
    for record in try imports() where record.finishedAt != nil {
      sourceIndex[record.id] = catalog.addSource(
        SourceFile(
          path: record.path, sha256: record.sha256, records: 0, importedAt: record.finishedAt,
          rejected: record.rejected))
    }
    func source(_ st: SQLiteStatement, _ column: Int32) -> SourceRef {
      let file = sourceIndex[st.int64(column) ?? -1] ?? -1
      return SourceRef(file: file, line: Int32(truncatingIfNeeded: st.int64(column + 1) ?? 0))
    }
    func day(_ st: SQLiteStatement, _ column: Int32) -> Day? {
      st.int64(column).map { Day(daysSinceEpoch: Int32(truncatingIfNeeded: $0)) }
    }
    func bool(_ st: SQLiteStatement, _ column: Int32) -> Bool? { st.int64(column).map { $0 != 0 } }
    func int(_ st: SQLiteStatement, _ column: Int32) -> Int? { st.int64(column).map { Int($0) } }
    func money(_ st: SQLiteStatement, _ column: Int32) -> Money? { st.int64(column).map(Money.init(cents:)) }

    let clock = StageTimer(prefix: "loading: ")
    var st = try select(Schema.suppliers)
    while try st.step() {
      var s = Supplier(id: st.string(0)!, name: st.string(1) ?? "", country: st.string(2) ?? "")
      s.region = st.string(3)
      s.businessType = st.string(4).flatMap(BusinessType.init(rawValue:))
      s.categories = st.string(5).map(Supplier.categories(inList:)) ?? []
      s.yearEstablished = int(st, 6)
      s.employees = int(st, 7)
      s.tradeAssurance = bool(st, 8)
      s.tradeAssuranceLimit = money(st, 9)
      s.goldSupplierSince = int(st, 10)
      s.verifiedSupplier = bool(st, 11)
      s.businessLicenseVerified = bool(st, 12)
      s.responseRate = st.double(13)
      s.medianResponseHours = st.double(14)
      s.onTimeDeliveryRate = st.double(15)
      s.platformRating = st.double(16)
      s.transactions12m = int(st, 17)
      s.revenue12m = money(st, 18)
      catalog.suppliers.append(Sourced(s, source: source(st, 19)))
    }
    clock.lap("suppliers")
    st = try select(Schema.certifications, bySupplier: true)
    var standards = StandardNames()
    while try st.step() {
      var c = Certification(supplierID: st.string(1)!, standard: standards.current(st.string(2)!))
      c.certificateNumber = st.string(3)
      c.certificationBody = st.string(4)
      c.accreditationBody = st.string(5)
      c.issuedOn = day(st, 6)
      c.expiresOn = day(st, 7)
      c.status = st.string(8).flatMap(CertificateStatus.init(rawValue:))
      c.scope = st.string(9)
      catalog.certifications.append(Sourced(c, source: source(st, 10)))
    }
    clock.lap("certifications")
    st = try select(Schema.audits, bySupplier: true)
    while try st.step() {
      var a = Audit(
        id: st.string(0)!, supplierID: st.string(1)!,
        kind: st.string(2).flatMap(AuditKind.init(rawValue:)) ?? .factoryAudit, date: day(st, 4)!,
        result: st.string(5).flatMap(AuditResult.init(rawValue:)) ?? .fail)
      a.auditor = st.string(3)
      a.score = st.double(6)
      a.majorFindings = int(st, 7)
      a.minorFindings = int(st, 8)
      a.validUntil = day(st, 9)
      catalog.audits.append(Sourced(a, source: source(st, 10)))
    }
    clock.lap("audits")
    st = try select(Schema.orders, bySupplier: true)
    while try st.step() {
      var o = Order(
        id: st.string(0)!, supplierID: st.string(1)!, orderDate: day(st, 2)!, amount: money(st, 3)!)
      o.paymentMethod = st.string(4).flatMap(PaymentMethod.init(rawValue:))
      o.tradeAssurance = bool(st, 5)
      o.agreedShipDate = day(st, 6)
      o.shippedDate = day(st, 7)
      o.deliveredDate = day(st, 8)
      o.inspectionResult = st.string(9).flatMap(InspectionResult.init(rawValue:))
      o.dispute = st.string(10).flatMap(DisputeStatus.init(rawValue:))
      o.disputeOpenedOn = day(st, 11)
      o.disputeClosedOn = day(st, 12)
      o.refund = money(st, 13)
      catalog.orders.append(Sourced(o, source: source(st, 14)))
    }
    clock.lap("orders")
    if fullReviews {
      st = try select(Schema.reviews)
      while try st.step() {
        var r = Review(id: st.string(0)!, supplierID: st.string(1)!, rating: st.double(2)!, date: day(st, 3)!)
        r.reviewerID = st.string(4)
        r.reviewerCountry = st.string(5)
        r.verifiedPurchase = bool(st, 6)
        r.orderID = st.string(7)
        r.productQuality = st.double(8)
        r.delivery = st.double(9)
        r.communication = st.double(10)
        r.text = st.string(11)
        catalog.reviews.append(Sourced(r, source: source(st, 12)))
      }
    } else {
      catalog.reviews = try leanReviews(sourceIndex: sourceIndex)
      catalog.deferredReviewTexts = StoreReviewTexts(path: path)
    }
    clock.lap("reviews")
    catalog.countRecordsBySource()
    return catalog
  }

  /// Reviews without their text, grouped by supplier and ordered by date, read from the scoring
  /// index by two threads (each over half of the suppliers, on a connection of its own).
  private func leanReviews(sourceIndex: [Int64: Int32]) throws(StoreError) -> ReviewTable {
    // A read-only store from an older build may lack the scoring index: then SQLite sorts.
    let probe = try connection.prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'reviews_for_scoring'")
    let indexed = try probe.step()
    probe.reset()
    let columns =
      "SELECT review_id, supplier_id, rating, review_date, reviewer_id, verified_purchase, import_id, line"
    let sql = columns + " FROM reviews INDEXED BY reviews_for_scoring"
    // The median supplier id splits the work in two halves (roughly: suppliers differ in how
    // many reviews they have, but not systematically by id). Counting the reviews themselves
    // would cost a scan of its own.
    let total = try count(Schema.suppliers)
    var split: String?
    if total > 1_000, indexed {
      let middle = try connection.prepare(
        "SELECT supplier_id FROM suppliers ORDER BY supplier_id LIMIT 1 OFFSET ?")
      middle.bind(1, total / 2)
      if try middle.step() { split = middle.string(0) }
      middle.reset()
    }
    func read(_ statement: SQLiteStatement, into out: inout ReviewTable) throws(StoreError) {
      // Rows come grouped by supplier and mostly from one import: reuse the last supplier id
      // and file rather than decoding and looking them up again for every row.
      var supplierID = ""
      var importID: Int64 = .min
      var file: Int32 = -1
      while try statement.step() {
        if !statement.equals(1, supplierID) { supplierID = statement.string(1)! }
        let rowImport = statement.int64(6) ?? -1
        if rowImport != importID {
          importID = rowImport
          file = sourceIndex[rowImport] ?? -1
        }
        out.append(
          id: statement.string(0)!, supplierID: supplierID, rating: statement.double(2)!,
          day: Day(daysSinceEpoch: Int32(truncatingIfNeeded: statement.int64(3)!)),
          reviewerID: statement.string(4), verified: statement.int64(5).map { $0 != 0 },
          source: SourceRef(file: file, line: Int32(truncatingIfNeeded: statement.int64(7) ?? 0)))
      }
    }
    if !indexed {
      return try reviewsInRowOrder(
        select: columns, read: { (statement, table) throws(StoreError) in try read(statement, into: &table) })
    }
    guard let split else {
      var all = ReviewTable()
      try read(try connection.prepare(sql + " ORDER BY supplier_id, review_date, review_id"), into: &all)
      return all
    }
    // The second half on another thread, through its own read-only connection.
    let second = UnsafeTransfer<Result<ReviewTable, StoreError>>(.success(ReviewTable()))
    let path = self.path
    let worker = Thread {
      do {
        let other = try Store(path: path, readOnly: true)
        let st = try other.connection.prepare(
          sql + " WHERE supplier_id >= ? ORDER BY supplier_id, review_date, review_id")
        st.bind(1, split)
        var part = ReviewTable()
        try read(st, into: &part)
        second.value = .success(part)
      } catch {
        second.value = .failure(error as! StoreError)
      }
    }
    worker.start()
    var first = ReviewTable()
    let st = try connection.prepare(
      sql + " WHERE supplier_id < ? ORDER BY supplier_id, review_date, review_id")
    st.bind(1, split)
    let firstResult: Result<Void, StoreError> = Result { () throws(StoreError) in try read(st, into: &first) }
    worker.join()
    try firstResult.get()
    first.append(contentsOf: try second.value.get())
    return first
  }

  /// Reviews of a store without the scoring index (schema 5 on): the table read in row order by
  /// two threads (each over half of the rows, on a connection of its own), then grouped by
  /// supplier and ordered by date and id in memory. SQLite sorting 4M rows took longer than
  /// reading them.
  private func reviewsInRowOrder(
    select sql: String, read: @escaping (SQLiteStatement, inout ReviewTable) throws(StoreError) -> Void
  ) throws(StoreError) -> ReviewTable {
    let bounds = try connection.prepare("SELECT min(rowid), max(rowid) FROM reviews")
    guard try bounds.step(), let low = bounds.int64(0), let high = bounds.int64(1) else {
      return ReviewTable()
    }
    bounds.reset()
    var all = ReviewTable()
    if high - low < parallelReviewReadMinimum {
      try read(try connection.prepare(sql + " FROM reviews"), &all)
    } else {
      let middle = low + (high - low) / 2
      let second = UnsafeTransfer<Result<ReviewTable, StoreError>>(.success(ReviewTable()))
      let path = self.path
      let worker = Thread {
        do {
          let other = try Store(path: path, readOnly: true)
          let st = try other.connection.prepare(sql + " FROM reviews WHERE rowid > ?")
          st.bind(1, middle)
          var part = ReviewTable()
          try read(st, &part)
          second.value = .success(part)
        } catch {
          second.value = .failure(error as! StoreError)
        }
      }
      worker.start()
      let st = try connection.prepare(sql + " FROM reviews WHERE rowid <= ?")
      st.bind(1, middle)
      let firstResult: Result<Void, StoreError> = Result { () throws(StoreError) in try read(st, &all) }
      worker.join()
      try firstResult.get()
      all.append(contentsOf: try second.value.get())
    }
    return all.reordered(by: ReviewTable.supplierDateIDOrder(all))
  }

  /// Every row of `table` in key order; `bySupplier`, grouped by supplier (in id order, byte by
  /// byte) first. Certificates in key order alone had those of "S1-2" before those of "S1" (the
  /// key is the supplier id and a bar), so a catalog was not laid out by supplier and `rank`
  /// from a memo gathered every supplier's records rather than finding a few by id (code
  /// review). Each supplier's records are sorted again by the scorer, so no result moves.
  private func select(_ table: RecordTable, bySupplier: Bool = false) throws(StoreError) -> SQLiteStatement {
    let names = table.allColumns.map(\.name).joined(separator: ", ")
    let order = bySupplier ? "supplier_id, \(table.key)" : table.key
    return try connection.prepare("SELECT \(names) FROM \(table.name) ORDER BY \(order)")
  }

  private func count(_ table: RecordTable) throws(StoreError) -> Int {
    let st = try connection.prepare("SELECT count(*) FROM \(table.name)")
    defer { st.reset() }
    return try st.step() ? Int(st.int64(0) ?? 0) : 0
  }
}

/// One supplier's result in a stored scoring run.
public struct ScoreSnapshot: Sendable, Equatable {
  /// The day the run scored the catalog as of.
  public var asOf: Day
  /// The name of the policy the run used.
  public var policyName: String
  /// Hex SHA-256 of the policy the run used: only snapshots under the same hash compare.
  public var policyHash: String
  /// The supplier's id (`supplier_id`).
  public var supplierID: String
  /// The trust score, 0...100 to one decimal; nil when the supplier had no evidence at all.
  public var score: Double?
  /// How much evidence the score rested on, 0...1.
  public var confidence: Double
  /// The grade letter of the score's band, or `unrated` when the run had no score for the supplier.
  public var grade: String

  /// Makes the snapshot of `supplierID`'s result in the run as of `asOf` under the named policy.
  public init(
    asOf: Day, policyName: String, policyHash: String, supplierID: String, score: Double?, confidence: Double,
    grade: String
  ) {
    self.asOf = asOf
    self.policyName = policyName
    self.policyHash = policyHash
    self.supplierID = supplierID
    self.score = score
    self.confidence = confidence
    self.grade = grade
  }
}

extension Store {
  /// Keeps one scoring run (all suppliers) in one transaction; a run with the same as-of day
  /// and policy hash replaces the earlier one, so re-running a score does not fake a trend.
  ///
  /// A re-run whose scores are those already kept (the same catalog scored again the same day)
  /// only renames and re-dates the kept run: replacing 100,000 rows and their index entries took
  /// a second at size L, most of a `score` of the store.
  public func saveScoreRun(
    asOf: Day, policyName: String, policyHash: String, createdAt: String,
    scores: [(supplierID: String, score: Double?, confidence: Double, grade: String)]
  ) throws(StoreError) {
    try connection.execute("BEGIN IMMEDIATE")
    do {
      let find = try connection.prepare("SELECT run_id FROM score_runs WHERE as_of = ? AND policy_hash = ?")
      find.bind(1, asOf.daysSinceEpoch)
      find.bind(2, policyHash)
      var earlier: [Int64] = []
      while try find.step() { earlier.append(find.int64(0)!) }
      if earlier.count == 1, try keptScores(of: earlier[0], equal: scores) {
        let update = try connection.prepare(
          "UPDATE score_runs SET policy_name = ?, created_at = ? WHERE run_id = ?")
        update.bind(1, policyName)
        update.bind(2, createdAt)
        update.bind(3, earlier[0])
        try update.run()
        try connection.execute("COMMIT")
        return
      }
      let delete = try connection.prepare("DELETE FROM score_runs WHERE as_of = ? AND policy_hash = ?")
      delete.bind(1, asOf.daysSinceEpoch)
      delete.bind(2, policyHash)
      try delete.run()
      let run = try connection.prepare(
        "INSERT INTO score_runs (as_of, policy_name, policy_hash, created_at) VALUES (?, ?, ?, ?)")
      run.bind(1, asOf.daysSinceEpoch)
      run.bind(2, policyName)
      run.bind(3, policyHash)
      run.bind(4, createdAt)
      try run.run()
      let runID = sqlite3_last_insert_rowid(connection.handle)
      // In key order, one row per statement: inserting in rank order took 45 % longer (100,000
      // rows at size L: 1.1 s against 0.6 s), and grouping 100 rows per statement made the
      // inserts three times slower.
      let insert = try connection.prepare(
        "INSERT INTO supplier_scores (run_id, supplier_id, score, confidence, grade) VALUES (?, ?, ?, ?, ?)")
      for row in scores.sorted(by: { $0.supplierID < $1.supplierID }) {
        insert.bind(1, runID)
        insert.bind(2, row.supplierID)
        insert.bind(3, row.score)
        insert.bind(4, row.confidence)
        insert.bind(5, row.grade)
        try insert.run()
      }
      try connection.execute("COMMIT")
    } catch {
      try? connection.execute("ROLLBACK")
      throw error
    }
  }

  /// Whether the run `runID` kept exactly `scores` (in any order).
  private func keptScores(
    of runID: Int64, equal scores: [(supplierID: String, score: Double?, confidence: Double, grade: String)]
  ) throws(StoreError) -> Bool {
    let count = try connection.prepare("SELECT count(*) FROM supplier_scores WHERE run_id = ?")
    defer { count.reset() }
    count.bind(1, runID)
    guard try count.step(), count.int64(0) == Int64(scores.count) else { return false }
    var byID: [String: Int] = [:]
    byID.reserveCapacity(scores.count)
    for (index, row) in scores.enumerated() { byID[row.supplierID] = index }
    guard byID.count == scores.count else { return false }
    let kept = try connection.prepare(
      "SELECT supplier_id, score, confidence, grade FROM supplier_scores WHERE run_id = ?")
    defer { kept.reset() }
    kept.bind(1, runID)
    while try kept.step() {
      guard let id = kept.string(0), let index = byID[id] else { return false }
      let row = scores[index]
      guard kept.double(1) == row.score, kept.double(2) == row.confidence, kept.equals(3, row.grade)
      else { return false }
    }
    return true
  }

  /// Every stored result of the given suppliers (all when nil), oldest as-of day first.
  public func scoreHistory(of supplierIDs: Set<String>? = nil) throws(StoreError) -> [String: [ScoreSnapshot]]
  {
    // A read-only store written by an older build has no snapshot tables yet.
    if isEmptyStore { return [:] }
    if try userVersion() < 2 { return [:] }
    var history: [String: [ScoreSnapshot]] = [:]
    func read(_ st: SQLiteStatement) throws(StoreError) {
      while try st.step() {
        let id = st.string(3)!
        history[id, default: []].append(
          ScoreSnapshot(
            asOf: Day(daysSinceEpoch: Int32(truncatingIfNeeded: st.int64(0)!)),
            policyName: st.string(1) ?? "",
            policyHash: st.string(2) ?? "", supplierID: id, score: st.double(4),
            confidence: st.double(5) ?? 0,
            grade: st.string(6) ?? ""))
      }
    }
    let columns =
      "SELECT r.as_of, r.policy_name, r.policy_hash, s.supplier_id, s.score, s.confidence, s.grade "
    guard let supplierIDs else {
      try read(
        connection.prepare(
          columns
            + "FROM supplier_scores s JOIN score_runs r ON r.run_id = s.run_id ORDER BY r.as_of, r.run_id"))
      return history
    }
    // A few suppliers (a report's detailed ones): each looked up in every run by the key
    // (run_id, supplier_id), with no index by supplier to keep up on every run (schema 9).
    let st = try connection.prepare(
      columns + "FROM score_runs r JOIN supplier_scores s ON s.run_id = r.run_id AND s.supplier_id = ? "
        + "ORDER BY r.as_of, r.run_id")
    for id in supplierIDs.sorted() {
      st.reset()
      st.bind(1, id)
      try read(st)
    }
    return history
  }
}

/// One BLOB read in order through SQLite's incremental I/O; closed in `deinit`. Reads fail (and
/// so end the stream) if the row changes meanwhile.
final class BlobSource: ByteSource {
  private let handle: OpaquePointer
  private let size: Int
  private var offset = 0
  /// With `sealed`: the checksum the blob ends with, and that of the bytes handed out so far.
  private var stored: UInt64?
  private var checksum = SnapshotChecksum()

  /// Opens the blob; `sealed`, it ends with a checksum (``CatalogSnapshot/sealed(_:)``), which
  /// is not handed out but checked by ``isIntact``.
  init(_ connection: SQLiteConnection, table: String, column: String, row: Int64, sealed: Bool = false)
    throws(StoreError)
  {
    var blob: OpaquePointer?
    let rc = sqlite3_blob_open(connection.handle, "main", table, column, row, 0, &blob)
    guard rc == SQLITE_OK, let blob else {
      if let blob { sqlite3_blob_close(blob) }
      throw connection.error(rc, "opening \(table).\(column) row \(row)")
    }
    handle = blob
    let bytes = Int(sqlite3_blob_bytes(blob))
    if sealed {
      var trailer: UInt64 = 0
      guard bytes >= 8,
        sqlite3_blob_read(handle, &trailer, 8, Int32(bytes - 8)) == SQLITE_OK
      else {
        sqlite3_blob_close(blob)
        throw StoreError(
          code: SQLITE_CORRUPT, message: "too short for its checksum", context: "reading \(table) row \(row)")
      }
      stored = UInt64(littleEndian: trailer)
      size = bytes - 8
    } else {
      size = bytes
    }
  }

  deinit { sqlite3_blob_close(handle) }

  func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    let count = min(buffer.count, size - offset)
    guard count > 0,
      sqlite3_blob_read(handle, buffer.baseAddress, Int32(count), Int32(offset)) == SQLITE_OK
    else { return 0 }
    offset += count
    if stored != nil { checksum.update(UnsafeRawBufferPointer(rebasing: buffer[..<count])) }
    return count
  }

  var remaining: Int? { size - offset }

  /// Whether every byte before the checksum was handed out and they match it (true when the
  /// blob is not sealed).
  var isIntact: Bool {
    guard let stored else { return true }
    return offset == size && checksum.value == stored
  }
}

/// Review texts read on demand from the store file through a read-only connection of its own.
final class StoreReviewTexts: ReviewTextSource, @unchecked Sendable {
  private let path: String

  init(path: String) {
    self.path = path
  }

  /// ``texts(ofSorted:)`` of the ids in key order, by id.
  func texts(of reviewIDs: [String]) -> [String: String] {
    // In key order, as the look-ups read the table (scoring asks in that order already).
    let sorted =
      zip(reviewIDs, reviewIDs.dropFirst()).allSatisfy { $0 <= $1 } ? reviewIDs : reviewIDs.sorted()
    var result: [String: String] = [:]
    for (id, text) in zip(sorted, texts(ofSorted: sorted)) {
      if let text { result[id] = text }
    }
    return result
  }

  /// Each call reads through connections of its own, so callers on any thread are safe; many
  /// ids are split between two connections on two threads (the look-ups are independent).
  func texts(ofSorted reviewIDs: [String]) -> [String?] {
    guard reviewIDs.count >= 2_000 else { return Self.lookUp(reviewIDs[...], in: path) }
    let middle = reviewIDs.count / 2
    let second = UnsafeTransfer<[String?]>([])
    let path = self.path
    let worker = Thread { second.value = Self.lookUp(reviewIDs[middle...], in: path) }
    worker.start()
    var result = Self.lookUp(reviewIDs[..<middle], in: path)
    worker.join()
    result.append(contentsOf: second.value)
    return result
  }

  /// The text of each of `reviewIDs` (sorted byte by byte), in their order; nil for an id with
  /// none or not in the store. Each row is matched in place, without making its id a string,
  /// and handed back by position (scoring's 100,000 burst texts had been hashed twice each).
  private static func lookUp(_ reviewIDs: ArraySlice<String>, in path: String) -> [String?] {
    var result = [String?](repeating: nil, count: reviewIDs.count)
    do {
      let store = try Store(path: path, readOnly: true)
      // The ids come sorted, and a supplier's reviews often have neighbouring ids: one seek, then
      // rows read in key order, stepping over a few rows not asked for before seeking again. A
      // point query per id took about 8,000 instructions in SQLite (callgrind), a step a tenth.
      let statement = try store.connection.prepare(
        "SELECT review_id, text FROM reviews WHERE review_id >= ? ORDER BY review_id")
      // One read transaction for all look-ups: otherwise each takes and drops the file lock.
      try store.connection.execute("BEGIN")
      defer { try? store.connection.execute("COMMIT") }
      let ids = reviewIDs
      var index = ids.startIndex
      seeking: while index < ids.endIndex {
        statement.reset()
        statement.bind(1, ids[index])
        var passed = 0
        while try statement.step() {
          // Ids asked for that sort before this row are not in the table.
          while index < ids.endIndex, statement.compare(0, ids[index]) > 0 { index += 1 }
          guard index < ids.endIndex else { break seeking }
          if statement.compare(0, ids[index]) == 0 {
            result[index - ids.startIndex] = statement.string(1)
            index += 1
            passed = 0
          } else {
            passed += 1
            if passed > 8 { continue seeking }
          }
        }
        // The table ends before the ids asked for do.
        break
      }
      statement.reset()
      return result
    } catch {
      return [String?](repeating: nil, count: reviewIDs.count)
    }
  }
}

/// Hands a value from one thread to another that is joined before it is read.
final class UnsafeTransfer<Value>: @unchecked Sendable {
  var value: Value
  init(_ value: Value) { self.value = value }
}

/// A joinable POSIX thread (Foundation's Thread cannot be joined).
final class Thread: @unchecked Sendable {
  private var handle = pthread_t()
  private let body: () -> Void

  init(_ body: @escaping () -> Void) {
    self.body = body
  }

  func start() {
    let context = Unmanaged.passRetained(self).toOpaque()
    pthread_create(
      &handle, nil,
      { raw in
        let thread = Unmanaged<Thread>.fromOpaque(raw!).takeRetainedValue()
        thread.body()
        return nil
      }, context)
  }

  func join() {
    pthread_join(handle, nil)
  }
}

/// Standard names as this version spells them, for certificates stored by an earlier one (which
/// kept `EN9100`, `BRC` or `GBT19001` apart from `AS9100`, `BRCGS` and `ISO9001`): each distinct
/// stored name normalised once.
struct StandardNames {
  private var known: [String: String] = [:]

  mutating func current(_ stored: String) -> String {
    if let name = known[stored] { return name }
    let name = Standard.normalize(stored) ?? stored
    known[stored] = name
    return name
  }
}
