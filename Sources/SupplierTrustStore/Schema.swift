import SupplierTrustModel

/// One table of records: its columns in binding order, so that CREATE TABLE and the upsert are
/// written once from the same list.
struct RecordTable {
  let name: String
  let key: String
  /// Column name and SQL type, key first; `import_id` and `line` are appended to every table.
  let columns: [(name: String, type: String)]

  var allColumns: [(name: String, type: String)] {
    columns + [("import_id", "INTEGER NOT NULL"), ("line", "INTEGER NOT NULL")]
  }

  var createSQL: String {
    let definitions = allColumns.map { "  \($0.name) \($0.type)" }.joined(separator: ",\n")
    return "CREATE TABLE \(name) (\n\(definitions),\n  PRIMARY KEY (\(key))\n) WITHOUT ROWID;"
  }

  /// Inserts a record, or updates the stored one with the same key when it came from another
  /// import. A key already written by this same import is left alone (no change is counted),
  /// which is how a duplicate inside one file is detected without keeping every id in memory.
  var upsertSQL: String {
    let names = allColumns.map(\.name)
    let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
    let updates = names.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    return """
      INSERT INTO \(name) (\(names.joined(separator: ", "))) VALUES (\(placeholders))
      ON CONFLICT (\(key)) DO UPDATE SET \(updates) WHERE \(name).import_id <> excluded.import_id
      """
  }

  /// Inserts a record whose key is new; does nothing (no change counted) when the key exists.
  /// Tried first: one look-up of the key instead of the upsert's two.
  var insertSQL: String {
    let names = allColumns.map(\.name)
    let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
    return "INSERT OR IGNORE INTO \(name) (\(names.joined(separator: ", "))) VALUES (\(placeholders))"
  }

  /// ``insertSQL`` for `rows` records at once, the import's id written in (an integer the store
  /// made, not input), so that a row binds one value fewer: 4 million binds at size L.
  func insertSQL(rows: Int, importID: Int64) -> String {
    let names = allColumns.map(\.name)
    let tuple =
      "(" + Array(repeating: "?", count: names.count - 2).joined(separator: ", ") + ", \(importID), ?)"
    return "INSERT OR IGNORE INTO \(name) (\(names.joined(separator: ", "))) VALUES "
      + Array(repeating: tuple, count: rows).joined(separator: ", ")
  }

  /// The import and line of a stored key.
  var provenanceSQL: String { "SELECT import_id, line FROM \(name) WHERE \(key) = ?" }

  var parameterCount: Int32 { Int32(allColumns.count) }
}

enum Schema {
  static let suppliers = RecordTable(
    name: "suppliers", key: "supplier_id",
    columns: [
      ("supplier_id", "TEXT NOT NULL"), ("name", "TEXT NOT NULL"), ("country", "TEXT NOT NULL"),
      ("region", "TEXT"), ("business_type", "TEXT"), ("categories", "TEXT"), ("year_established", "INTEGER"),
      ("employees", "INTEGER"), ("trade_assurance", "INTEGER"), ("ta_limit_cents", "INTEGER"),
      ("gold_supplier_since", "INTEGER"), ("verified_supplier", "INTEGER"),
      ("business_license_verified", "INTEGER"), ("response_rate", "REAL"), ("median_response_hours", "REAL"),
      ("on_time_delivery_rate", "REAL"), ("platform_rating", "REAL"), ("transactions_12m", "INTEGER"),
      ("revenue_12m_cents", "INTEGER"),
    ])

  static let certifications = RecordTable(
    name: "certifications", key: "cert_key",
    columns: [
      ("cert_key", "TEXT NOT NULL"), ("supplier_id", "TEXT NOT NULL"), ("standard", "TEXT NOT NULL"),
      ("certificate_number", "TEXT"), ("certification_body", "TEXT"), ("accreditation_body", "TEXT"),
      ("issued_on", "INTEGER"), ("expires_on", "INTEGER"), ("status", "TEXT"), ("scope", "TEXT"),
    ])

  static let audits = RecordTable(
    name: "audits", key: "audit_id",
    columns: [
      ("audit_id", "TEXT NOT NULL"), ("supplier_id", "TEXT NOT NULL"), ("kind", "TEXT NOT NULL"),
      ("auditor", "TEXT"), ("audit_date", "INTEGER NOT NULL"), ("result", "TEXT NOT NULL"), ("score", "REAL"),
      ("major_findings", "INTEGER"), ("minor_findings", "INTEGER"), ("valid_until", "INTEGER"),
    ])

  static let reviews = RecordTable(
    name: "reviews", key: "review_id",
    columns: [
      ("review_id", "TEXT NOT NULL"), ("supplier_id", "TEXT NOT NULL"), ("rating", "REAL NOT NULL"),
      ("review_date", "INTEGER NOT NULL"), ("reviewer_id", "TEXT"), ("reviewer_country", "TEXT"),
      ("verified_purchase", "INTEGER"), ("order_id", "TEXT"), ("product_quality", "REAL"),
      ("delivery", "REAL"),
      ("communication", "REAL"), ("text", "TEXT"),
    ])

  static let orders = RecordTable(
    name: "orders", key: "order_id",
    columns: [
      ("order_id", "TEXT NOT NULL"), ("supplier_id", "TEXT NOT NULL"), ("order_date", "INTEGER NOT NULL"),
      ("amount_cents", "INTEGER NOT NULL"), ("payment_method", "TEXT"), ("trade_assurance", "INTEGER"),
      ("agreed_ship_date", "INTEGER"), ("shipped_date", "INTEGER"), ("delivered_date", "INTEGER"),
      ("inspection_result", "TEXT"), ("dispute", "TEXT"), ("dispute_opened_on", "INTEGER"),
      ("dispute_closed_on", "INTEGER"), ("refund_cents", "INTEGER"),
    ])

  /// Values per record of each kind, in `RecordKind.allCases` order (worked out once: building a
  /// table's column list per record showed in profiles).
  static let valueCounts: [Int] = RecordKind.allCases.map { table(for: $0).columns.count }

  static func table(for kind: RecordKind) -> RecordTable {
    switch kind {
    case .suppliers: return suppliers
    case .certifications: return certifications
    case .audits: return audits
    case .reviews: return reviews
    case .orders: return orders
    }
  }

  /// Schema versions in order; the store's `PRAGMA user_version` says how many have run.
  /// Dates are stored as days since 1970-01-01 and money as cents, so that reading millions of
  /// rows for scoring parses nothing.
  static let migrations: [String] = [
    """
    CREATE TABLE imports (
      import_id INTEGER PRIMARY KEY,
      path TEXT NOT NULL,
      sha256 TEXT,
      format TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      accepted INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      warnings INTEGER NOT NULL DEFAULT 0,
      counts TEXT
    );
    \(suppliers.createSQL)
    \(certifications.createSQL)
    \(audits.createSQL)
    \(reviews.createSQL)
    \(orders.createSQL)
    """,
    // Version 2: every scoring run of the store, so that reports can show a supplier's trend.
    """
    CREATE TABLE score_runs (
      run_id INTEGER PRIMARY KEY,
      as_of INTEGER NOT NULL,
      policy_name TEXT NOT NULL,
      policy_hash TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE supplier_scores (
      run_id INTEGER NOT NULL REFERENCES score_runs(run_id) ON DELETE CASCADE,
      supplier_id TEXT NOT NULL,
      score REAL,
      confidence REAL NOT NULL,
      grade TEXT NOT NULL,
      PRIMARY KEY (run_id, supplier_id)
    ) WITHOUT ROWID;
    CREATE INDEX supplier_scores_by_supplier ON supplier_scores (supplier_id, run_id);
    """,
    // Version 3: what scoring reads of a review, in supplier and date order, without the text.
    // Scanning this covering index is about twice as fast as scanning the table (measured on 4M
    // reviews: 1.3 s against 2.5 s) and hands each supplier's reviews over already grouped.
    """
    CREATE INDEX reviews_for_scoring ON reviews
      (supplier_id, review_date, review_id, rating, verified_purchase, reviewer_id, import_id, line);
    """,
    // Version 4: the catalog as scoring reads it, in one blob (``CatalogSnapshot``): written
    // after a full load, deleted by every import.
    """
    CREATE TABLE catalog_snapshot (
      part INTEGER PRIMARY KEY,
      key TEXT NOT NULL,
      data BLOB NOT NULL
    );
    """,
    // Version 5: reviews in a rowid table with a unique index on review_id, and no scoring index.
    // Importing 4M reviews spent most of its time in SQLite keeping two wide b-trees in order
    // (the WITHOUT ROWID table and the covering index); appending rows and indexing the id alone
    // costs a third as much. Scoring reads the table once after an import and then the snapshot,
    // so the grouping by supplier that the index gave moved into memory (Store+Catalog).
    """
    CREATE TABLE reviews_v5 (
    \(reviews.allColumns.map { "  \($0.name) \($0.type)" }.joined(separator: ",\n"))
    );
    INSERT INTO reviews_v5 SELECT * FROM reviews ORDER BY supplier_id, review_date, review_id;
    DROP TABLE reviews;
    ALTER TABLE reviews_v5 RENAME TO reviews;
    CREATE UNIQUE INDEX reviews_by_id ON reviews (review_id);
    DELETE FROM catalog_snapshot;
    """,
    // Version 6: a numbered certificate's key ends with its issue date (``Certification/key``),
    // so that a renewal keeping its number is a certificate of its own; the stored keys follow.
    """
    UPDATE certifications SET cert_key = cert_key || '|' || COALESCE(date(issued_on * 86400, 'unixepoch'), '')
      WHERE certificate_number IS NOT NULL;
    DELETE FROM catalog_snapshot;
    """,
    // Version 7: the records each import rejected, where and why, committed with the file's
    // records: an id asked for later (`eligibility --order`) can be told apart from one never
    // imported, with the place to fix it (black-box review 46).
    """
    CREATE TABLE rejections (
      import_id INTEGER NOT NULL REFERENCES imports(import_id),
      kind TEXT NOT NULL,
      record_id TEXT,
      line INTEGER NOT NULL,
      field_line INTEGER,
      field_column INTEGER,
      column_name TEXT NOT NULL,
      value TEXT NOT NULL,
      reason TEXT NOT NULL,
      fix TEXT NOT NULL
    );
    CREATE INDEX rejections_by_record ON rejections (kind, record_id, import_id);
    """,
    // Version 8: what scoring runs concluded, kept for later runs of the same catalog, policy and
    // day (``Store/scoringMemo(key:)``): `rank` after `score` skips screening and scoring again.
    // Every import deletes them.
    """
    CREATE TABLE scoring_memos (
      key TEXT PRIMARY KEY,
      written_at INTEGER NOT NULL,
      data BLOB NOT NULL
    );
    """,
    // Version 9: no index of the kept scores by supplier. Each run's 100,000 rows landed all
    // over it, so keeping a snapshot cost more with every run kept (at size L, `score` then
    // `rank` 1.7 s with a few runs kept, 1.9-2.05 s with fifteen); the rows themselves append in
    // run order, and a report's few suppliers are found by run (``Store/scoreHistory(of:)``).
    """
    DROP INDEX IF EXISTS supplier_scores_by_supplier;
    """,
  ]
}

extension RecordKind {
  /// How many values a record of this kind has in the store: its table's columns before
  /// `import_id` and `line`, the key first (see ``StoreRow``).
  public var storeValueCount: Int {
    switch self {
    case .suppliers: return Schema.valueCounts[0]
    case .certifications: return Schema.valueCounts[1]
    case .audits: return Schema.valueCounts[2]
    case .reviews: return Schema.valueCounts[3]
    case .orders: return Schema.valueCounts[4]
    }
  }
}
