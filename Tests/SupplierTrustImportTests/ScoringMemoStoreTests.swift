import Foundation
import SupplierTrustModel
import Testing

@testable import SupplierTrustImport
@testable import SupplierTrustStore

/// Scoring memos in the store: kept under their key for the catalog as it was read, never for one
/// an import has changed since, at most ``Store/memosKept`` of them, and gone with every import.
@Suite struct ScoringMemoStoreTests {
  @Test func aMemoIsKeptAndFoundUnderItsKey() throws {
    try withTempDir { dir in
      let store = try Store(path: dir.file("store.sqlite"))
      _ = try Importer(store: store).run(paths: [Sample.csvFiles[0]])
      _ = try store.loadCatalog()
      let version = try #require(store.loadedCatalogVersion)
      #expect(version == (try store.catalogVersion()))
      #expect(store.scoringMemo(key: "k") == nil)
      try store.keepScoringMemo([1, 2, 3], key: "k", catalogVersion: version)
      #expect(store.scoringMemo(key: "k") == [1, 2, 3])
      #expect(store.scoringMemo(key: "other") == nil)
    }
  }

  @Test func noMemoIsKeptForACatalogAnImportHasChanged() throws {
    try withTempDir { dir in
      let store = try Store(path: dir.file("store.sqlite"))
      _ = try Importer(store: store).run(paths: [Sample.csvFiles[0]])
      let before = try store.catalogVersion()
      _ = try Importer(store: store).run(paths: [Sample.csvFiles[1]])
      #expect(try store.catalogVersion() != before)
      try store.keepScoringMemo([1], key: "k", catalogVersion: before)
      #expect(store.scoringMemo(key: "k") == nil)
      #expect(try rowCount(store, "scoring_memos") == 0)
    }
  }

  @Test func everyImportDeletesTheMemos() throws {
    try withTempDir { dir in
      let store = try Store(path: dir.file("store.sqlite"))
      _ = try Importer(store: store).run(paths: [Sample.csvFiles[0]])
      try store.keepScoringMemo([1], key: "k", catalogVersion: try store.catalogVersion())
      #expect(try rowCount(store, "scoring_memos") == 1)
      // The same file again: the catalog's records are the same, but it is another import.
      _ = try Importer(store: store).run(paths: [Sample.csvFiles[0]])
      #expect(try rowCount(store, "scoring_memos") == 0)
    }
  }

  @Test func theMemosInUseAreTheOnesKept() throws {
    try withTempDir { dir in
      let store = try Store(path: dir.file("store.sqlite"))
      _ = try Importer(store: store).run(paths: [Sample.csvFiles[0]])
      let version = try store.catalogVersion()
      for key in ["a", "b", "c"] {
        try store.keepScoringMemo(Array(key.utf8), key: key, catalogVersion: version)
      }
      // "a", the oldest written, is used: "b" is now the one to go.
      #expect(store.scoringMemo(key: "a") == Array("a".utf8))
      try store.keepScoringMemo(Array("d".utf8), key: "d", catalogVersion: version)
      #expect(try rowCount(store, "scoring_memos") == Store.memosKept)
      #expect(store.scoringMemo(key: "b") == nil)
      for key in ["a", "c", "d"] { #expect(store.scoringMemo(key: key) == Array(key.utf8), "\(key)") }
    }
  }

  @Test func aReadOnlyStoreReadsMemosAndKeepsNone() throws {
    try withTempDir { dir in
      let path = dir.file("store.sqlite")
      let version: String
      do {
        let store = try Store(path: path)
        _ = try Importer(store: store).run(paths: [Sample.csvFiles[0]])
        version = try store.catalogVersion()
        try store.keepScoringMemo([7], key: "k", catalogVersion: version)
      }
      let reader = try Store(path: path, readOnly: true)
      #expect(!reader.isWritable)
      #expect(reader.scoringMemo(key: "k") == [7])
      #expect(throws: StoreError.self) { try reader.keepScoringMemo([8], key: "j", catalogVersion: version) }
      #expect(reader.scoringMemo(key: "j") == nil)
    }
  }

  /// A catalog read from the store comes grouped by supplier in id order, byte by byte, in every
  /// kind: certificates in key order alone (the supplier id and a bar) put "S1-2"'s before "S1"'s.
  @Test func recordsComeGroupedBySupplier() throws {
    try withTempDir { dir in
      let suppliers = try dir.write(
        "suppliers.csv",
        "supplier_id,name,country\nS1,One,CN\nS1-2,One Two,CN\nS10,Ten,CN\nS1A,One A,CN\n")
      let certificates = try dir.write(
        "certifications.csv",
        """
        supplier_id,standard,certificate_number,certification_body,accreditation_body,issued_on,expires_on,status
        S1-2,ISO 9001:2015,A-1,SGS,CNAS,2024-05-20,2027-05-19,valid
        S1,ISO 9001:2015,B-1,SGS,CNAS,2024-05-20,2027-05-19,valid
        S1A,ISO 14001:2015,C-1,SGS,CNAS,2024-05-20,2027-05-19,valid
        S1,ISO 14001:2015,B-2,SGS,CNAS,2024-05-20,2027-05-19,valid
        S10,ISO 9001:2015,D-1,SGS,CNAS,2024-05-20,2027-05-19,valid

        """)
      let audits = try dir.write(
        "audits.csv",
        """
        audit_id,supplier_id,kind,auditor,audit_date,result
        A-1,S1A,factory_audit,SGS,2025-06-18,pass
        A-2,S1,factory_audit,SGS,2025-06-18,pass
        A-3,S1-2,factory_audit,SGS,2025-06-18,pass

        """)
      let store = try Store(path: dir.file("store.sqlite"))
      let report = try Importer(store: store).run(paths: [suppliers, certificates, audits])
      #expect(report.rejectCount == 0)
      // Read twice: from the tables, then from the snapshot written by the first read.
      for _ in 0..<2 {
        let catalog = try store.loadCatalog()
        #expect(catalog.suppliers.map(\.record.id) == ["S1", "S1-2", "S10", "S1A"])
        #expect(catalog.certifications.map(\.record.supplierID) == ["S1", "S1", "S1-2", "S10", "S1A"])
        #expect(catalog.audits.map(\.record.supplierID) == ["S1", "S1-2", "S1A"])
      }
    }
  }
}
