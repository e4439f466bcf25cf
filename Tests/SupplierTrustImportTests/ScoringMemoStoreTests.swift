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
}
