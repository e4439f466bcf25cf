import CSQLite
import SupplierTrustModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The workspace store: one SQLite file holding every imported record and the import log.
///
/// Every file is imported inside one transaction (``ImportSession``), so a failed or interrupted
/// import leaves the store as it was before that file.
public final class Store {
  let connection: SQLiteConnection
  /// Path of the store's SQLite file, as opened.
  public var path: String { connection.path }
  /// A read-only store that has no schema yet (an empty file): it holds no records.
  private(set) var isEmptyStore = false
  /// The ``catalogVersion()`` of the catalog ``loadCatalog(fullReviews:)`` last read (nil before
  /// a load, and for an empty store).
  public internal(set) var loadedCatalogVersion: String?
  /// Below this many review rows one thread reads them all (a second connection costs more than
  /// it saves); tests lower it to cover the two-thread read.
  var parallelReviewReadMinimum: Int64 = 200_000
  /// Rows an import writes between writes of SQLite's cache to the file, each followed by a
  /// background write-back (``BackgroundWriteback``): some 10 MB of reviews. Tests lower it.
  var rowsPerCacheFlush = 65_536
  /// How many such write-backs imports into this store have asked for (for tests).
  var writebacksRequested = 0

  /// The schema version this build writes.
  public static var schemaVersion: Int { Schema.migrations.count }

  /// Opens (creating if needed) the store at `path` and brings its schema up to date; with
  /// `readOnly`, opens an existing store without writing anything to it (for `check`).
  public init(path: String, readOnly: Bool = false) throws(StoreError) {
    // SQLite says "disk I/O error" or "unable to open database file" for a folder (black-box
    // review 37); the fix is a file name inside it.
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      let inside = path.hasSuffix("/") ? path + "supplier-trust.sqlite" : path + "/supplier-trust.sqlite"
      throw StoreError(
        code: 0, message: "\(path) is a folder, not a store file", context: "opening \(path)",
        fix: "give the store's file name, e.g. --db \(inside)")
    }
    // SQLite writes its journal beside the store: in a folder that cannot be written, a writable
    // store file failed at the first write with an internal statement and "check the store"
    // (black-box review 78).
    if !readOnly {
      // Where the file really is: a link's journal goes beside its target (code review).
      let real =
        realpath(path, nil).map { resolved in
          defer { free(resolved) }
          return String(cString: resolved)
        } ?? path
      let folder = real.lastIndex(of: "/").map { String(real[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
      // A folder that does not exist is said when opening fails, as before.
      if access(folder, F_OK) == 0, access(folder, W_OK) != 0 {
        throw StoreError(
          code: SQLITE_READONLY,
          message:
            "the folder \(folder) holding the store \(path) cannot be written (SQLite keeps its journal beside the store)",
          context: "opening \(path)",
          fix: "make the folder writable, or pass a --db PATH in a writable folder")
      }
    }
    connection = try SQLiteConnection(path: path, readOnly: readOnly)
    // Read-only connections read straight from the mapped file rather than copying every page
    // into SQLite's cache (SQLite caps the size at its compile-time limit, 2 GiB by default).
    // Not for writing: an import that grows the file by hundreds of MB ran 20 % slower mapped.
    if readOnly { try connection.execute("PRAGMA mmap_size = 2147483648") }
    if readOnly {
      let version: Int
      do {
        // The version and the tables read in one transaction: a store being made by another
        // process is either empty or complete here, never a version 0 beside its tables.
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }
        version = try userVersion()
        if version == 0 { try refuseForeignTables() }
        try refuseVersionWithoutTables(version)
      } catch let error where error.code == SQLITE_NOTADB {
        throw Self.notADatabase(path, error.code)
      }
      try refuseNewerSchema(version)
      isEmptyStore = version == 0
      return
    }
    if sqlite3_db_readonly(connection.handle, "main") == 1 {
      throw StoreError(
        code: SQLITE_READONLY, message: "the store \(path) cannot be written (read-only file or folder)",
        context: "opening \(path)", fix: "fix the file's permissions, or pass a writable --db PATH")
    }
    do {
      // Large pages make bulk inserts and full scans cheaper (measured here: inserting 400k reviews
      // took 30% less time with 64 KiB pages than with 4 KiB). Only takes effect on a new file.
      try connection.execute("PRAGMA page_size = 65536")
      try connection.execute("PRAGMA foreign_keys = ON")
      // One fsync per committed file is enough: a crash loses at most the file being imported.
      try connection.execute("PRAGMA synchronous = NORMAL")
      try connection.execute("PRAGMA cache_size = -131072")
      try connection.execute("PRAGMA temp_store = MEMORY")
      try migrate()
    } catch let error where error.code == SQLITE_NOTADB {
      throw Self.notADatabase(path, error.code)
    }
  }

  private static func notADatabase(_ path: String, _ code: Int32) -> StoreError {
    StoreError(
      code: code, message: "\(path) is not a SupplierTrust store (not an SQLite database)",
      context: "opening \(path)", fix: "pass another --db PATH, or move the file away")
  }

  /// A store without a schema version is a new, empty file; one that already holds tables is
  /// some other program's database, which must be neither read as a store nor written to.
  private func refuseForeignTables() throws(StoreError) {
    let statement = try connection.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 4"
    )
    var names: [String] = []
    while try statement.step() { names.append(statement.string(0) ?? "?") }
    guard !names.isEmpty else { return }
    throw StoreError(
      code: 0,
      message:
        "\(path) is an SQLite database of another program, not a SupplierTrust store (it holds tables \(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? ", …" : ""))",
      context: "opening \(path)",
      fix:
        "pass the --db PATH of a SupplierTrust store, or a new file name to start one; this file was left unchanged"
    )
  }

  private func migrate() throws(StoreError) {
    let target = Schema.migrations.count
    let current = try userVersion()
    // Tables first, so that another program's version 42 is not taken for a newer store (code
    // review). A schema version of another program's (many set one) is no store's without its tables:
    // refused as foreign, not met with "no such table: imports" (black-box review 89).
    try refuseVersionWithoutTables(current)
    try refuseNewerSchema(current)
    guard current < target else { return }
    try connection.execute("BEGIN IMMEDIATE")
    do {
      // Everything read again under the write lock: another process may have made or migrated
      // the store while this one waited for it (two imports into a new store ran the CREATE
      // TABLEs twice, "table imports already exists", black-box review 55), and its tables seen
      // beside a version read before it committed would read as another program's (code review).
      let version = try userVersion()
      try refuseNewerSchema(version)
      guard version < target else {
        try connection.execute("COMMIT")
        return
      }
      if version == 0 { try refuseForeignTables() }
      for step in version..<target {
        try connection.execute(Schema.migrations[step])
      }
      try connection.execute("PRAGMA user_version = \(target)")
      try connection.execute("COMMIT")
    } catch {
      try? connection.execute("ROLLBACK")
      throw error
    }
  }

  private func refuseNewerSchema(_ version: Int) throws(StoreError) {
    let target = Schema.migrations.count
    guard version > target else { return }
    throw StoreError(
      code: 0, message: "the store has schema version \(version) but this build knows \(target)",
      context: "opening \(path)", fix: "use a newer supplier-trust with this store")
  }

  /// A schema version of another program's (many set one) is no store's without its tables:
  /// refused as foreign, not met with "no such table: imports" (black-box review 89).
  private func refuseVersionWithoutTables(_ version: Int) throws(StoreError) {
    guard version > 0, try !holdsTable("imports") else { return }
    try refuseForeignTables()
    throw Self.notADatabase(path, 0)
  }

  /// Whether the database has a table of this name.
  private func holdsTable(_ name: String) throws(StoreError) -> Bool {
    let statement = try connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    defer { statement.reset() }
    statement.bind(1, name)
    return try statement.step()
  }

  func userVersion() throws(StoreError) -> Int {
    let statement = try connection.prepare("PRAGMA user_version")
    guard try statement.step() else { return 0 }
    defer { statement.reset() }
    return Int(statement.int64(0) ?? 0)
  }

  /// Every supplier id in the store (for checking references before anything is written).
  public func supplierIDs() throws(StoreError) -> Set<String> {
    if isEmptyStore { return [] }
    let statement = try connection.prepare("SELECT supplier_id FROM suppliers")
    var ids = Set<String>()
    while try statement.step() { ids.insert(statement.string(0)!) }
    return ids
  }

  /// The number of stored records of each kind.
  public func counts() throws(StoreError) -> [RecordKind: Int] {
    var result: [RecordKind: Int] = [:]
    for kind in RecordKind.allCases {
      let statement = try connection.prepare("SELECT count(*) FROM \(Schema.table(for: kind).name)")
      _ = try statement.step()
      result[kind] = Int(statement.int64(0) ?? 0)
      statement.reset()
    }
    return result
  }

  /// Every stored record of `kind` as text rows ordered by key, without provenance columns:
  /// what two stores holding the same data have in common (used to compare imports).
  public func dump(_ kind: RecordKind) throws(StoreError) -> [[String]] {
    let table = Schema.table(for: kind)
    let names = table.columns.map(\.name)
    let statement = try connection.prepare(
      "SELECT \(names.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key)")
    var rows: [[String]] = []
    while try statement.step() {
      rows.append((0..<Int32(names.count)).map { statement.string($0) ?? "∅" })
    }
    return rows
  }

  /// The import log, newest last.
  public func imports() throws(StoreError) -> [ImportRecord] {
    let statement = try connection.prepare(
      "SELECT import_id, path, sha256, format, started_at, finished_at, accepted, rejected, warnings "
        + "FROM imports ORDER BY import_id")
    var records: [ImportRecord] = []
    while try statement.step() {
      records.append(
        ImportRecord(
          id: statement.int64(0)!, path: statement.string(1) ?? "", sha256: statement.string(2),
          format: statement.string(3) ?? "", startedAt: statement.string(4) ?? "",
          finishedAt: statement.string(5), accepted: Int(statement.int64(6) ?? 0),
          rejected: Int(statement.int64(7) ?? 0), warnings: Int(statement.int64(8) ?? 0)))
    }
    return records
  }

  /// Where and why the latest import that rejected a record of `kind` with this id rejected it,
  /// if one did; nil too for a store written before rejections were kept (schema version 7).
  /// With `afterStored`, only a rejection by an import later than the one that stored the record
  /// with this id (a file imported again, broken again): the stored record is then out of date.
  /// Not for certificates: they are stored under a key of their own, not their number.
  public func rejection(of kind: RecordKind, id: String, afterStored: Bool = false) throws(StoreError)
    -> StoredRejection?
  {
    precondition(!afterStored || kind != .certifications, "certificates are keyed by more than their number")
    if isEmptyStore { return nil }
    if try userVersion() < 7 { return nil }
    let table = Schema.table(for: kind)
    let statement = try connection.prepare(
      "SELECT i.path, r.line, r.field_line, r.field_column, r.column_name, r.value, r.reason, r.fix "
        + "FROM rejections r JOIN imports i USING (import_id) WHERE r.kind = ? AND r.record_id = ? "
        + (afterStored
          ? "AND r.import_id > (SELECT import_id FROM \(table.name) WHERE \(table.key) = ?) " : "")
        + "ORDER BY r.import_id DESC, r.line LIMIT 1")
    statement.bind(1, kind.rawValue)
    statement.bind(2, id)
    if afterStored { statement.bind(3, id) }
    guard try statement.step() else { return nil }
    defer { statement.reset() }
    return StoredRejection(
      kind: kind, recordID: id, file: statement.string(0) ?? "", line: Int(statement.int64(1) ?? 0),
      fieldLine: statement.int64(2).map(Int.init), fieldColumn: statement.int64(3).map(Int.init),
      column: statement.string(4) ?? "", value: statement.string(5) ?? "", reason: statement.string(6) ?? "",
      fix: statement.string(7) ?? "")
  }

  /// Starts importing one file: opens a write transaction that ``ImportSession/commit(_:)`` ends.
  public func beginImport(path: String, format: String, startedAt: String) throws(StoreError) -> ImportSession
  {
    try ImportSession(store: self, path: path, format: format, startedAt: startedAt)
  }
}

/// One row of the import log.
public struct ImportRecord: Sendable, Equatable {
  /// The import's id (`import_id`), increasing with each import; stored records carry it.
  public let id: Int64
  /// Path of the imported file, as given to the import.
  public let path: String
  /// The file's SHA-256 (hex); nil while the import has not committed.
  public let sha256: String?
  /// How the file was read: `csv` or `xml`.
  public let format: String
  /// When the import of the file began (ISO 8601 timestamp).
  public let startedAt: String
  /// When the import committed (ISO 8601 timestamp); nil while it has not.
  public let finishedAt: String?
  /// Records accepted from the file.
  public let accepted: Int
  /// Records rejected from the file.
  public let rejected: Int
  /// Warnings raised while importing the file.
  public let warnings: Int
}

/// A record an import rejected, as the store keeps it.
public struct StoredRejection: Sendable, Equatable {
  /// The kind of the rejected record.
  public var kind: RecordKind
  /// The rejected record's id as the file gives it, when it has one.
  public var recordID: String?
  /// The file as the import named it (empty when recording, where the session knows it).
  public var file: String
  /// The record's first line; the offending field's line and character column when known.
  public var line: Int
  /// Physical line of the offending field, when known (CSV).
  public var fieldLine: Int?
  /// Character column of the offending field on its line, when known (CSV).
  public var fieldColumn: Int?
  /// The column that broke a rule (empty when the problem is the record as a whole).
  public var column: String
  /// The offending value as read from the file.
  public var value: String
  /// Which rule the value broke.
  public var reason: String
  /// How to correct the record.
  public var fix: String

  /// Makes a stored rejection of the `kind` record `recordID`, at `line` of `file`.
  public init(
    kind: RecordKind, recordID: String?, file: String = "", line: Int, fieldLine: Int?, fieldColumn: Int?,
    column: String, value: String, reason: String, fix: String
  ) {
    self.kind = kind
    self.recordID = recordID
    self.file = file
    self.line = line
    self.fieldLine = fieldLine
    self.fieldColumn = fieldColumn
    self.column = column
    self.value = value
    self.reason = reason
    self.fix = fix
  }
}

/// What happened to a record handed to the store.
public enum UpsertOutcome: Equatable, Sendable {
  /// Inserted, or replaced the version stored by an earlier import.
  case stored
  /// The same key was already written by this import, on `firstLine`.
  case duplicate(firstLine: Int)
}
