import Foundation
import SupplierTrustModel
import Testing

@testable import SupplierTrustImport
@testable import SupplierTrustStore

/// The store's catalog snapshot gives back exactly what the tables hold, and never outlives a
/// change to them.
@Suite struct CatalogSnapshotTests {
  /// Every record with its provenance, in a form two catalogs can be compared by.
  func contents(_ c: Catalog) -> [String] {
    var out = c.sources.map { "source \($0.path) \($0.sha256 ?? "-") \($0.records) \($0.importedAt ?? "-")" }
    out += c.suppliers.map { "\($0.record) @\($0.source)" }
    out += c.certifications.map { "\($0.record) @\($0.source)" }
    out += c.audits.map { "\($0.record) @\($0.source)" }
    out += c.orders.map { "\($0.record) @\($0.source)" }
    out += c.reviews.map { "\($0.record) @\($0.source)" }
    return out
  }

  func snapshotRows(_ store: Store) throws -> Int { try rowCount(store, "catalog_snapshot") }

  @Test func theSnapshotGivesBackWhatTheTablesHold() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [Sample.folder])
      #expect(try snapshotRows(store) == 0)
      let fromTables = try store.loadCatalog()
      #expect(try snapshotRows(store) == 2)
      let fromSnapshot = try store.loadCatalog()
      #expect(fromTables.reviews.count == 396 && fromTables.suppliers.count == 30)
      #expect(contents(fromSnapshot) == contents(fromTables))
      #expect(
        fromSnapshot.deferredReviewTexts?.texts(of: ["R-00363"])["R-00363"]?.hasPrefix("=HYPERLINK(") == true)
      // A store opened read-only reads the snapshot too, and writes nothing.
      let readOnly = try Store(path: store.path, readOnly: true)
      #expect(contents(try readOnly.loadCatalog()) == contents(fromTables))
    }
  }

  /// Certificates stored under a name this version spells otherwise (an earlier version kept
  /// `EN9100` apart from `AS9100`) load under today's name, from the tables and the snapshot.
  @Test func standardsStoredUnderOldNamesLoadUnderTodays() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [Sample.folder])
      try store.connection.execute(
        "UPDATE certifications SET standard = 'EN9100' WHERE cert_key = (SELECT cert_key FROM certifications WHERE standard <> 'ISO9001' LIMIT 1)"
      )
      try store.connection.execute(
        "UPDATE certifications SET standard = 'GBT19001' WHERE standard = 'ISO9001'")
      for _ in 0..<2 {
        let catalog = try store.loadCatalog()
        let names = Set(catalog.certifications.map(\.record.standard))
        #expect(!names.contains("EN9100") && !names.contains("GBT19001"))
        #expect(names.contains("AS9100") && names.contains("ISO9001"))
      }
    }
  }

  @Test func aVersion4StoreMovesItsReviewsIntoTheRowTableAndLoadsTheSame() throws {
    try withTempDir { dir in
      let current = try makeStore(in: dir)
      _ = try Importer(store: current).run(paths: [Sample.folder])
      let expected = contents(try current.loadCatalog())
      // A store as schema 4 left it (WITHOUT ROWID reviews and the scoring index), same rows.
      let oldPath = dir.file("v4.sqlite")
      do {
        let old = try SQLiteConnection(path: oldPath)
        for step in 0..<4 { try old.execute(Schema.migrations[step]) }
        try old.execute("PRAGMA user_version = 4")
        try old.execute("ATTACH '\(current.path)' AS current")
        for table in ["imports", "suppliers", "certifications", "audits", "reviews", "orders"] {
          try old.execute("INSERT INTO \(table) SELECT * FROM current.\(table)")
        }
        try old.execute("DETACH current")
        // Numbered certificates as schema 5 and before keyed them: without the issue date.
        try old.execute(
          "UPDATE certifications SET cert_key = supplier_id || '|' || standard || '|#' || certificate_number "
            + "WHERE certificate_number IS NOT NULL")
      }
      let migrated = try Store(path: oldPath)
      #expect(try migrated.userVersion() == Schema.migrations.count)
      let indexes = try migrated.connection.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reviews' ORDER BY name")
      var names: [String] = []
      while try indexes.step() { names.append(indexes.string(0)!) }
      #expect(names == ["reviews_by_id"])
      #expect(contents(try migrated.loadCatalog()) == expected)
      // Read by two threads (half of the rows each), the same.
      try migrated.connection.execute("DELETE FROM catalog_snapshot")
      migrated.parallelReviewReadMinimum = 10
      #expect(contents(try migrated.loadCatalog()) == expected)
      // The unique index still finds a repeated id inside one file.
      let repeated = try dir.write(
        "again/reviews.csv",
        "review_id,supplier_id,rating,review_date\nR-X,SUP-0001,4,2026-11-20\nR-X,SUP-0001,5,2026-11-21\n")
      let report = try Importer(store: migrated).run(paths: [repeated])
      #expect(report.rejects.map(\.reason) == ["review_id R-X appears again in this file (first on line 2)"])
      // The certificates' keys were brought up to date: importing the sample again updates them
      // rather than adding each a second time.
      let certificates = try migrated.counts()[.certifications]
      _ = try Importer(store: migrated).run(paths: [Sample.folder])
      #expect(try migrated.counts()[.certifications] == certificates)
      #expect(
        try migrated.dump(.certifications).map { $0[0] } == (try current.dump(.certifications)).map { $0[0] })
    }
  }

  @Test func anImportDeletesTheSnapshotAndTheNextLoadSeesTheNewRecords() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [Sample.folder])
      _ = try store.loadCatalog()
      let more = try dir.write(
        "more/reviews.csv",
        "review_id,supplier_id,rating,review_date\nR-NEW-1,SUP-0001,1,2026-11-20\n")
      _ = try Importer(store: store).run(paths: [more])
      #expect(try snapshotRows(store) == 0)
      let after = try store.loadCatalog()
      #expect(after.reviews.ids.contains("R-NEW-1"))
      #expect(try store.loadCatalog().reviews.ids.contains("R-NEW-1"))
    }
  }

  @Test func aFailedImportKeepsTheSnapshotBecauseNothingChanged() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [Sample.folder])
      _ = try store.loadCatalog()
      let bad = try dir.write("bad/catalog.xml", "<catalog><supplier id=\"S-1\"")
      _ = try Importer(store: store).run(paths: [bad])
      #expect(try snapshotRows(store) == 2)
    }
  }

  @Test func aDamagedOrForeignSnapshotIsIgnored() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [Sample.folder])
      let expected = contents(try store.loadCatalog())
      // Cut a stored part short, keeping its key: the load reads the tables instead.
      for part in [1, 2] {
        try store.connection.execute(
          "UPDATE catalog_snapshot SET data = substr(data, 1, length(data) - 7) WHERE part = \(part)")
        #expect(contents(try store.loadCatalog()) == expected, "part \(part) cut")
      }
      // One byte changed anywhere in a part (its key and length kept): the checksum refuses it,
      // and the load reads the tables (black-box review 101 flipped bits that changed names,
      // scores and lines, with nothing said).
      for part in [1, 2] {
        let lengthQuery = try store.connection.prepare(
          "SELECT length(data) FROM catalog_snapshot WHERE part = \(part)")
        #expect(try lengthQuery.step())
        let length = Int(try #require(lengthQuery.int64(0)))
        lengthQuery.reset()
        for at in stride(from: length / 3, to: length, by: max(1, length / 5)) {
          _ = try store.loadCatalog()
          try store.connection.execute(
            """
            UPDATE catalog_snapshot SET data = substr(data, 1, \(at - 1))
              || CASE WHEN substr(data, \(at), 1) = X'00' THEN X'01' ELSE X'00' END
              || substr(data, \(at + 1)) WHERE part = \(part)
            """)
          #expect(contents(try store.loadCatalog()) == expected, "part \(part), byte \(at)")
        }
      }
      // Every truncation of a valid part is refused, never half-read (the parts without their
      // checksums, which would refuse them first).
      let loaded = try store.loadCatalog()
      let records = CatalogSnapshot.encodeRecords(loaded, key: "k")
      let reviews = CatalogSnapshot.encodeReviews(loaded.reviews, key: "k")
      for cut in stride(from: 0, to: records.count, by: max(1, records.count / 97)) {
        #expect(records[..<cut].withUnsafeBytes { CatalogSnapshot.decodeRecords($0, key: "k") } == nil)
      }
      for cut in stride(from: 0, to: reviews.count, by: max(1, reviews.count / 97)) {
        #expect(reviews[..<cut].withUnsafeBytes { CatalogSnapshot.decodeReviews($0, key: "k") } == nil)
      }
      #expect(records.withUnsafeBytes { CatalogSnapshot.decodeRecords($0, key: "other") } == nil)
      #expect(reviews.withUnsafeBytes { CatalogSnapshot.decodeReviews($0, key: "other") } == nil)
      // The parts swapped are refused too.
      #expect(records.withUnsafeBytes { CatalogSnapshot.decodeReviews($0, key: "k") } == nil)
      #expect(reviews.withUnsafeBytes { CatalogSnapshot.decodeRecords($0, key: "k") } == nil)
      let sealed = CatalogSnapshot.encode(loaded, key: "k")
      let whole = sealed.records.withUnsafeBytes { r in
        sealed.reviews.withUnsafeBytes { v in CatalogSnapshot.decode(records: r, reviews: v, key: "k") }
      }
      #expect(whole.map(contents) == expected)
      var damaged = sealed.records
      damaged[damaged.count / 2] ^= 0x10
      #expect(
        damaged.withUnsafeBytes { r in
          sealed.reviews.withUnsafeBytes { v in CatalogSnapshot.decode(records: r, reviews: v, key: "k") }
        } == nil)
    }
  }

  /// The checksum is the same however the bytes come in pieces (a BLOB is read through a window
  /// of any size), and changes with any one byte.
  @Test func theChecksumIsTheSameInAnyPiecesAndSeesEachByte() {
    var random = SystemRandomNumberGenerator()
    for length in [0, 1, 7, 8, 9, 63, 64, 65, 1_000] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      var whole = SnapshotChecksum()
      bytes.withUnsafeBytes { whole.update($0) }
      for _ in 0..<20 {
        var pieces = SnapshotChecksum()
        var at = 0
        while at < length {
          let end = min(length, at + Int.random(in: 0...17, using: &random))
          bytes[at..<end].withUnsafeBytes { pieces.update($0) }
          at = end
        }
        #expect(pieces.value == whole.value)
      }
      for k in bytes.indices {
        var changed = bytes
        changed[k] ^= 1 << UInt8.random(in: 0...7, using: &random)
        var other = SnapshotChecksum()
        changed.withUnsafeBytes { other.update($0) }
        #expect(other.value != whole.value, "byte \(k) of \(length)")
      }
    }
    // A zero byte more is another stream.
    var short = SnapshotChecksum()
    [UInt8](repeating: 0, count: 5).withUnsafeBytes { short.update($0) }
    var long = SnapshotChecksum()
    [UInt8](repeating: 0, count: 6).withUnsafeBytes { long.update($0) }
    #expect(short.value != long.value)
  }

  /// Hands out a byte array a few bytes per call, as a BLOB read in pieces would.
  final class TrickleSource: ByteSource {
    let bytes: [UInt8]
    let step: Int
    let knowsRemaining: Bool
    var position = 0
    init(_ bytes: [UInt8], step: Int, knowsRemaining: Bool = false) {
      self.bytes = bytes
      self.step = step
      self.knowsRemaining = knowsRemaining
    }
    var remaining: Int? { knowsRemaining ? bytes.count - position : nil }
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
      let count = min(step, buffer.count, bytes.count - position)
      guard count > 0 else { return 0 }
      bytes[position..<(position + count)].withUnsafeBytes { buffer.copyMemory(from: $0) }
      position += count
      return count
    }
  }

  @Test(arguments: [(1, 16), (7, 64), (4096, 4096)])
  func streamingInSmallPiecesGivesTheSameCatalog(step: Int, window: Int) throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [Sample.folder])
      let catalog = try store.loadCatalog()
      let records = CatalogSnapshot.encodeRecords(catalog, key: "k")
      let reviews = CatalogSnapshot.encodeReviews(catalog.reviews, key: "k")
      var recordReader = ByteReader(source: TrickleSource(records, step: step), window: window)
      var reviewReader = ByteReader(source: TrickleSource(reviews, step: step), window: window)
      var streamed = try #require(CatalogSnapshot.decodeRecords(&recordReader, key: "k"))
      streamed.reviews = try #require(CatalogSnapshot.decodeReviews(&reviewReader, key: "k"))
      #expect(contents(streamed) == contents(catalog))
      // A stream that stops early is refused.
      var cut = ByteReader(source: TrickleSource(Array(reviews.dropLast(3)), step: step), window: window)
      #expect(CatalogSnapshot.decodeReviews(&cut, key: "k") == nil)
    }
  }

  @Test func columnsComeBackWholeAndAnImpossibleCountIsRefusedBeforeAllocating() {
    var writer = ByteWriter()
    writer.column([UInt32(7), 0, .max])
    writer.column([UInt64(1) << 40 | 3, 5])
    let bytes = writer.bytes
    bytes.withUnsafeBytes { raw in
      var reader = ByteReader(raw)
      let numbers = reader.column(UInt32.self, count: 3)
      #expect(numbers == [7, 0, .max])
      let sources = reader.column(UInt64.self, count: 2, as: SourceRef.self) {
        SourceRef(file: Int32(truncatingIfNeeded: $0), line: Int32(truncatingIfNeeded: $0 >> 32))
      }
      #expect(sources == [SourceRef(file: 3, line: 256), SourceRef(file: 5, line: 0)])
      let atEnd = reader.atEnd()
      #expect(atEnd)
      // More than the bytes hold, and more than any SQLite value could hold.
      var short = ByteReader(raw)
      let tooMany = short.column(UInt64.self, count: 4)
      #expect(tooMany == nil && !short.isValid)
      var huge = ByteReader(raw)
      let impossible = huge.column(UInt64.self, count: 1 << 30)
      #expect(impossible == nil && !huge.isValid)
      // Streamed from a source that knows how much is left: a count past it is refused before
      // allocating (code review: a damaged count had allocated up to 2 GiB first).
      let source = TrickleSource(bytes, step: 7, knowsRemaining: true)
      var streamed = ByteReader(source: source, window: 16)
      let beyond = streamed.column(UInt64.self, count: 1 << 27)
      #expect(beyond == nil && !streamed.isValid && source.position == 0)
    }
  }
}
