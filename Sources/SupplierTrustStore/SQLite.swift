import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An SQLite failure with the statement or step it came from.
public struct StoreError: Error, CustomStringConvertible, Sendable {
  /// The SQLite result code (`SQLITE_*`), or 0 for a failure found by this package itself.
  public let code: Int32
  /// What went wrong, in words (SQLite's own message when it came from SQLite).
  public let message: String
  /// What the store was doing (`opening PATH`, a statement), for the message.
  public let context: String
  /// What the user can do about it.
  public let fix: String

  /// Makes an error with its code, message, context and, when there is one, its fix.
  public init(code: Int32, message: String, context: String, fix: String = "") {
    self.code = code
    self.message = message
    self.context = context
    self.fix = fix
  }

  /// `store error (context): message`, followed by `; fix` when there is a fix.
  public var description: String {
    let base = "store error (\(context)): \(message)"
    return fix.isEmpty ? base : "\(base); \(fix)"
  }
}

/// Owns one `sqlite3` connection; closed in `deinit`. Not thread-safe: one owner at a time.
final class SQLiteConnection {
  let handle: OpaquePointer
  let path: String

  /// Set once per process, before the first connection.
  private static let configured: Bool = {
    _ = supplier_trust_sqlite_disable_memory_statistics()
    return true
  }()

  init(path: String, readOnly: Bool = false) throws(StoreError) {
    _ = Self.configured
    var db: OpaquePointer?
    let flags =
      (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      if let db { sqlite3_close_v2(db) }
      throw StoreError(
        code: rc, message: message, context: "opening \(path)",
        fix: "check that the folder exists and is writable, or pass another --db PATH")
    }
    self.handle = db
    self.path = path
    sqlite3_extended_result_codes(db, 1)
    // Another import holds the store while it commits a file (seconds for a large one): wait for
    // it rather than fail (black-box review 55 saw a second import give up after 5 s).
    sqlite3_busy_timeout(db, Self.busyTimeoutSeconds * 1000)
  }

  static let busyTimeoutSeconds: Int32 = 30

  deinit {
    sqlite3_close_v2(handle)
  }

  func error(_ code: Int32, _ context: String) -> StoreError {
    described(code, message: String(cString: sqlite3_errmsg(handle)), context: context)
  }

  /// SQLite's words, or for what a user can act on (a store locked by another process, a
  /// damaged file) words that name the store and what to do (black-box review 55 got "database
  /// is locked" and "database disk image is malformed" with neither).
  func described(_ code: Int32, message: String, context: String) -> StoreError {
    switch code & 0xFF {
    case SQLITE_BUSY, SQLITE_LOCKED:
      // Only a plain busy error has waited out the timeout; the others fail at once.
      let waited = code == SQLITE_BUSY ? " and stayed locked for \(Self.busyTimeoutSeconds) s" : ""
      return StoreError(
        code: code,
        message:
          "the store \(path) is in use by another process (another supplier-trust import, most likely)\(waited)",
        context: context, fix: "wait for that process to finish, then run this command again")
    case SQLITE_CORRUPT:
      return StoreError(
        code: code, message: "the store \(path) is damaged (SQLite: \(message))", context: context,
        fix: "restore it from a backup, or import the catalog into a new store (--db NEW.sqlite)")
    default:
      return StoreError(code: code, message: message, context: context)
    }
  }

  /// Runs SQL with no parameters and no results (schema, pragmas, transactions).
  func execute(_ sql: String) throws(StoreError) {
    var message: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &message)
    if rc != SQLITE_OK {
      let text = message.map { String(cString: $0) } ?? "error \(rc)"
      sqlite3_free(message)
      throw described(rc, message: text, context: String(sql.prefix(60)))
    }
  }

  func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
    try SQLiteStatement(connection: self, sql: sql)
  }

  var changes: Int { Int(sqlite3_changes(handle)) }
  var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
}

/// Owns one prepared statement; finalized in `deinit`. Values are bound by position (1-based),
/// never spliced into SQL text.
final class SQLiteStatement {
  let handle: OpaquePointer
  unowned let connection: SQLiteConnection
  let sql: String

  init(connection: SQLiteConnection, sql: String) throws(StoreError) {
    var statement: OpaquePointer?
    let rc = sqlite3_prepare_v3(
      connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
    guard rc == SQLITE_OK, let statement else {
      throw connection.error(rc, "preparing \(sql.prefix(60))")
    }
    self.handle = statement
    self.connection = connection
    self.sql = sql
  }

  deinit {
    sqlite3_finalize(handle)
  }

  @inline(__always) func bind(_ index: Int32, _ value: Int64?) {
    if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
  }
  @inline(__always) func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }
  @inline(__always) func bind(_ index: Int32, _ value: Int32?) { bind(index, value.map(Int64.init)) }
  @inline(__always) func bind(_ index: Int32, _ value: Bool?) { bind(index, value.map { $0 ? Int64(1) : 0 }) }
  @inline(__always) func bind(_ index: Int32, _ value: Double?) {
    if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
  }
  @inline(__always) func bind(_ index: Int32, _ value: String?) {
    guard var value else {
      sqlite3_bind_null(handle, index)
      return
    }
    value.withUTF8 { bytes in
      // SQLITE_TRANSIENT: SQLite copies the bytes, which live only for this call.
      _ = sqlite3_bind_text(
        handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
        Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }
  }

  /// Binds UTF-8 text that stays alive and unchanged until the statement has run (SQLITE_STATIC:
  /// no copy).
  @inline(__always) func bind(_ index: Int32, text: UnsafeBufferPointer<UInt8>) {
    guard let start = text.baseAddress, !text.isEmpty else {
      // An empty text still needs a pointer: SQLITE_TRANSIENT copies the (no) bytes at once.
      _ = sqlite3_bind_text(handle, index, "", 0, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
      return
    }
    _ = sqlite3_bind_text(
      handle, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), Int32(text.count), nil)
  }

  /// Binds one checked value; text is bound in place (SQLITE_STATIC).
  @inline(__always) func bind(_ index: Int32, _ value: StoreValue, _ texts: StoreTexts) {
    switch value.kind {
    case .null: sqlite3_bind_null(handle, index)
    case .integer: sqlite3_bind_int64(handle, index, value.payload)
    case .real: sqlite3_bind_double(handle, index, Double(bitPattern: UInt64(bitPattern: value.payload)))
    case .text: bind(index, text: texts.bytes(value))
    }
  }

  /// Binds bytes that stay alive and unchanged until the statement has run (SQLITE_STATIC: no copy).
  func bind(_ index: Int32, blob: UnsafeRawBufferPointer) {
    _ = sqlite3_bind_blob64(handle, index, blob.baseAddress, sqlite3_uint64(blob.count), nil)
  }

  /// Binds `bytes` as a BLOB at `index` for the one step ``run()`` takes (no copy: they stay
  /// pinned until it returns).
  func run(binding bytes: [UInt8], at index: Int32) throws(StoreError) {
    let result: Result<Void, StoreError> = bytes.withUnsafeBytes { blob in
      bind(index, blob: blob)
      return Result { () throws(StoreError) in try run() }
    }
    try result.get()
  }

  /// Steps once, expecting no row (INSERT, UPDATE, DELETE).
  func run() throws(StoreError) {
    let rc = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard rc == SQLITE_DONE else { throw connection.error(rc, "running \(sql.prefix(60))") }
  }

  /// Steps once; true when a row is available.
  func step() throws(StoreError) -> Bool {
    let rc = sqlite3_step(handle)
    if rc == SQLITE_ROW { return true }
    sqlite3_reset(handle)
    if rc == SQLITE_DONE { return false }
    throw connection.error(rc, "querying \(sql.prefix(60))")
  }

  func reset() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  func int64(_ column: Int32) -> Int64? {
    sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
  }
  func double(_ column: Int32) -> Double? {
    sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
  }
  /// Whether the text in `column` is exactly `value`'s bytes (false for NULL), without making a
  /// String of it.
  func equals(_ column: Int32, _ value: String) -> Bool { compare(column, value) == 0 }
  /// The order of the text in `column` and `value`, byte by byte: negative when the column's
  /// sorts first (NULL sorts first of all), zero when equal.
  func compare(_ column: Int32, _ value: String) -> Int {
    guard let text = sqlite3_column_text(handle, column) else { return -1 }
    let count = Int(sqlite3_column_bytes(handle, column))
    var value = value
    return value.withUTF8 { other in
      let shared = min(count, other.count)
      if shared > 0, let base = other.baseAddress {
        let order = memcmp(text, base, shared)
        if order != 0 { return Int(order) }
      }
      return count - other.count
    }
  }

  /// Calls `body` with the bytes of a BLOB column, valid only during the call.
  func withBlob<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    let count = Int(sqlite3_column_bytes(handle, column))
    return body(UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, column), count: count))
  }
  func string(_ column: Int32) -> String? {
    guard let text = sqlite3_column_text(handle, column) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }
}
