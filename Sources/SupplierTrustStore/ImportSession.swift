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
  /// Rows written since SQLite's cache was last written out (see ``wroteRows(_:)``).
  private var rowsSinceCacheFlush = 0
  private var writeback: BackgroundWriteback?
  /// ``cacheSpills()`` when this file's transaction began.
  private var spillsAtStart: Int32 = 0
  /// By ``RecordKind/importOrder``: arrays, as a dictionary hashed the kind on every record.
  private var statements: [SQLiteStatement] = []
  private var inserts: [SQLiteStatement] = []
  private var lineLookups: [SQLiteStatement] = []
  /// Whether to try a plain insert first, by kind: true until many keys in a row turn out to be
  /// stored already (a file imported again), then straight to the upsert.
  private var insertFirst: [Bool] = Array(repeating: true, count: RecordKind.allCases.count)
  private var conflictsInARow: [Int] = Array(repeating: 0, count: RecordKind.allCases.count)

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
      // The rejections kept are those of each file's latest import: fixing a file takes several
      // rounds, and every round added all its rejections again (code review: 32 MB a round for
      // 200,000 rejected reviews). Gone only if this import commits.
      let forget = try store.connection.prepare(
        "DELETE FROM rejections WHERE import_id IN (SELECT import_id FROM imports WHERE path = ? AND import_id <> ?)"
      )
      forget.bind(1, path)
      forget.bind(2, importID)
      try forget.run()
      // The catalog is about to change: its snapshot goes, with this file's records or not at all.
      try store.connection.execute("DELETE FROM catalog_snapshot")
      try store.connection.execute("DELETE FROM scoring_memos")
      for kind in RecordKind.allCases.sorted(by: { $0.importOrder < $1.importOrder }) {
        let table = Schema.table(for: kind)
        statements.append(try store.connection.prepare(table.upsertSQL))
        inserts.append(try store.connection.prepare(table.insertSQL))
        lineLookups.append(
          try store.connection.prepare("SELECT line FROM \(table.name) WHERE \(table.key) = ?"))
      }
      writeback = BackgroundWriteback.start(path: store.path)
      spillsAtStart = cacheSpills()
    } catch {
      try? store.connection.execute("ROLLBACK")
      throw error
    }
  }

  deinit {
    writeback?.stop()
    if !finished { try? connection.execute("ROLLBACK") }
  }

  /// Every ``Store/rowsPerCacheFlush`` rows, writes SQLite's dirty pages to the file (they stay
  /// cached) and has them written to disk in the background. Otherwise the cache (128 MiB) is
  /// written only at the commit, and its pages reach the disk only in the commit's sync.
  ///
  /// Only once SQLite has spilled its cache in this transaction: writing to the store file takes
  /// SQLite's EXCLUSIVE lock, which shuts readers out until the commit. A spill has taken it
  /// already, so write-outs from then on change nothing for them, while a file smaller than the
  /// cache keeps readers out only for its commit, as before (black-box review 11 found readers
  /// locked out of most of an M import when write-outs began at once).
  private func wroteRows(_ count: Int) {
    rowsSinceCacheFlush += count
    guard rowsSinceCacheFlush >= store.rowsPerCacheFlush, let writeback else { return }
    rowsSinceCacheFlush = 0
    guard cacheSpills() > spillsAtStart else { return }
    // A failure here (a full disk) leaves the pages dirty in the cache; the commit reports it.
    guard sqlite3_db_cacheflush(connection.handle) == SQLITE_OK else { return }
    writeback.request()
    store.writebacksRequested += 1
  }

  /// Pages SQLite has written to the file in mid-transaction because its cache was full, since
  /// the connection opened.
  private func cacheSpills() -> Int32 {
    var current: Int32 = 0
    var highest: Int32 = 0
    sqlite3_db_status(connection.handle, SQLITE_DBSTATUS_CACHE_SPILL, &current, &highest, 0)
    return current
  }

  /// The counts and checksum recorded in the import log when the file is committed.
  public struct Summary: Sendable {
    /// The file's SHA-256 (hex).
    public var sha256: String
    /// When the import finished (ISO 8601 timestamp).
    public var finishedAt: String
    /// Records accepted from the file.
    public var accepted: Int
    /// Records rejected from the file.
    public var rejected: Int
    /// Warnings raised while importing the file.
    public var warnings: Int
    /// Accepted records per kind, as JSON (`{"reviews":412}`).
    public var countsJSON: String
    /// Makes the summary recorded in the import log for the file.
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
    if let rejectionFailure { throw rejectionFailure }
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
    inserts.removeAll()
    multiInserts = []
    provenanceLookups.removeAll()
    lineLookups.removeAll()
    rejectionInsert = nil
    writeback?.stop()
    try connection.execute("COMMIT")
    finished = true
  }

  /// Undoes everything written for this file.
  public func rollback() {
    guard !finished else { return }
    statements.removeAll()
    inserts.removeAll()
    multiInserts = []
    provenanceLookups.removeAll()
    lineLookups.removeAll()
    rejectionInsert = nil
    writeback?.stop()
    try? connection.execute("ROLLBACK")
    finished = true
  }

  /// Writes a checked record given as its table's values in column order (the key first, as in
  /// ``Schema``), binding text in place.
  public func upsert(_ kind: RecordKind, _ row: StoreRow, line: Int) throws(StoreError) -> UpsertOutcome {
    if let rejectionFailure { throw rejectionFailure }
    wroteRows(1)
    return try upsertOne(kind, row, line: line)
  }

  /// ``upsert(_:_:line:)`` without counting the row (its caller has).
  private func upsertOne(_ kind: RecordKind, _ row: StoreRow, line: Int) throws(StoreError) -> UpsertOutcome {
    let slot = kind.importOrder
    precondition(row.values.count == kind.storeValueCount, "a \(kind) row has the wrong width")
    if insertFirst[slot] {
      try write(row, line: line, with: inserts[slot])
      if connection.changes > 0 {
        conflictsInARow[slot] = 0
        return .stored
      }
      conflictsInARow[slot] += 1
      if conflictsInARow[slot] >= 64 { insertFirst[slot] = false }
    }
    try write(row, line: line, with: statements[slot])
    if connection.changes > 0 { return .stored }
    let lookup = lineLookups[slot]
    lookup.bind(1, row.values[0], row.texts)
    defer { lookup.reset() }
    guard try lookup.step() else { return .stored }
    return .duplicate(firstLine: Int(lookup.int64(0) ?? 0))
  }

  /// Records per multi-row insert. Measured at size L: one statement per record kept the storing
  /// thread busy for twice as long (51-64 k profile samples against 23-30 k with 32 or 64 rows; the
  /// import took 11.6 s against 7.3-8.9 s). Groups with `RETURNING` to tell the stored rows were no
  /// faster: the stored rows are counted instead, and keys looked up only when a group falls short.
  static let rowsPerInsert = 64
  /// Multi-row inserts by kind and rows per statement (64, or a power of two for what is left of
  /// a shorter run: an XML catalog gives one supplier's reviews at a time, some forty, which
  /// went one by one when only full groups of 64 were grouped).
  private var multiInserts: [[Int: SQLiteStatement]] = Array(repeating: [:], count: RecordKind.allCases.count)
  private var provenanceLookups: [SQLiteStatement?] = Array(repeating: nil, count: RecordKind.allCases.count)

  /// Writes many checked records of one kind (see ``upsert(_:_:line:)``), in order, with the
  /// same outcomes as one by one. Lines must differ (they are records' first lines in one file).
  ///
  /// While plain inserts are tried first, records go in groups of ``rowsPerInsert`` per
  /// statement, and what is left of a run in groups of the largest power of two that fits. When a group stores fewer rows than it has, each of its keys is looked up: a key
  /// stored with this import and this line went in now; with this import and another line, the
  /// record repeats an earlier one of the file; with another import, it is upserted.
  public func upsert(_ kind: RecordKind, rows: [StoreRow], lines: [Int]) throws(StoreError) -> [UpsertOutcome]
  {
    precondition(rows.count == lines.count, "one line per row")
    if let rejectionFailure { throw rejectionFailure }
    wroteRows(rows.count)
    let slot = kind.importOrder
    let group = Self.rowsPerInsert
    var outcomes: [UpsertOutcome] = []
    outcomes.reserveCapacity(rows.count)
    var start = 0
    while start < rows.count {
      let remaining = rows.count - start
      // A full group, or the largest power of two that fits: at most six statements per run.
      let size = remaining >= group ? group : 1 << (Int.bitWidth - 1 - remaining.leadingZeroBitCount)
      let end = start + size
      guard insertFirst[slot], size > 1 else {
        for index in start..<end { outcomes.append(try upsertOne(kind, rows[index], line: lines[index])) }
        start = end
        continue
      }
      let statement: SQLiteStatement
      if let prepared = multiInserts[slot][size] {
        statement = prepared
      } else {
        statement = try connection.prepare(Schema.table(for: kind).insertSQL(rows: size, importID: importID))
        multiInserts[slot][size] = statement
      }
      let width = Int32(kind.storeValueCount + 1)
      for index in start..<end {
        let row = rows[index]
        let base = Int32(index - start) * width
        for value in 0..<row.values.count {
          statement.bind(base + Int32(value + 1), row.values[value], row.texts)
        }
        statement.bind(base + width, lines[index])
      }
      try statement.run()
      if connection.changes == end - start {
        outcomes.append(contentsOf: repeatElement(.stored, count: end - start))
        conflictsInARow[slot] = 0
        start = end
        continue
      }
      if provenanceLookups[slot] == nil {
        provenanceLookups[slot] = try connection.prepare(Schema.table(for: kind).provenanceSQL)
      }
      let lookup = provenanceLookups[slot]!
      for index in start..<end {
        lookup.bind(1, rows[index].values[0], rows[index].texts)
        let found = try lookup.step()
        let storedImport = found ? lookup.int64(0) : nil
        let storedLine = found ? Int(lookup.int64(1) ?? 0) : 0
        lookup.reset()
        if storedImport == importID {
          outcomes.append(storedLine == lines[index] ? .stored : .duplicate(firstLine: storedLine))
        } else {
          // Stored by an earlier import: replaced as the upsert does.
          conflictsInARow[slot] += 1
          try write(rows[index], line: lines[index], with: statements[slot])
          outcomes.append(.stored)
        }
      }
      if conflictsInARow[slot] >= 64 { insertFirst[slot] = false }
      start = end
    }
    return outcomes
  }

  private var rejectionInsert: SQLiteStatement?
  /// The first failure to keep a rejection: every write and the commit throw it from then on, so
  /// that the file is abandoned as when a record cannot be written. (SQLite may have rolled the
  /// whole transaction back, on a full disk, and later writes would each be kept on their own.)
  private var rejectionFailure: StoreError?

  /// Keeps a record of this file that was rejected, in this file's transaction: kept if the file
  /// commits, gone with it otherwise (see ``Store/rejection(of:id:)``). After a failure here the
  /// session refuses every further write and its commit.
  public func recordRejection(_ rejection: StoredRejection) throws(StoreError) {
    if let rejectionFailure { throw rejectionFailure }
    do {
      try insertRejection(rejection)
    } catch {
      rejectionFailure = error
      throw error
    }
  }

  private func insertRejection(_ rejection: StoredRejection) throws(StoreError) {
    if rejectionInsert == nil {
      rejectionInsert = try connection.prepare(
        "INSERT INTO rejections (import_id, kind, record_id, line, field_line, field_column, column_name, "
          + "value, reason, fix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    }
    let insert = rejectionInsert!
    insert.bind(1, importID)
    insert.bind(2, rejection.kind.rawValue)
    insert.bind(3, rejection.recordID)
    insert.bind(4, rejection.line)
    insert.bind(5, rejection.fieldLine)
    insert.bind(6, rejection.fieldColumn)
    insert.bind(7, rejection.column)
    insert.bind(8, rejection.value)
    insert.bind(9, rejection.reason)
    insert.bind(10, rejection.fix)
    try insert.run()
  }

  /// The line of the record of this file stored under `key` (a kind's id, as written), if any.
  public func storedLine(_ kind: RecordKind, key: UnsafeBufferPointer<UInt8>) throws(StoreError) -> Int? {
    let slot = kind.importOrder
    if provenanceLookups[slot] == nil {
      provenanceLookups[slot] = try connection.prepare(Schema.table(for: kind).provenanceSQL)
    }
    let lookup = provenanceLookups[slot]!
    lookup.bind(1, text: key)
    defer { lookup.reset() }
    guard try lookup.step(), lookup.int64(0) == importID else { return nil }
    return lookup.int64(1).map(Int.init)
  }

  private func write(_ row: StoreRow, line: Int, with statement: SQLiteStatement) throws(StoreError) {
    let count = row.values.count
    for index in 0..<count {
      statement.bind(Int32(index + 1), row.values[index], row.texts)
    }
    statement.bind(Int32(count + 1), importID)
    statement.bind(Int32(count + 2), line)
    try statement.run()
  }
}
