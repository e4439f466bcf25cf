import SupplierTrustModel
import SupplierTrustStore
import Testing

@testable import SupplierTrustImport

/// The catalog read straight from files and the one loaded back from the store hold the same records.
@Suite struct CatalogLoadingTests {
  func collect(_ paths: [String]) -> (Catalog, ImportReport) {
    var options = ImportOptions()
    options.collectsCatalog = true
    let importer = try! Importer(store: nil, options: options)
    let report = importer.run(paths: paths)
    return (importer.collectedCatalog(), report)
  }

  @Test func filesAndStoreGiveTheSameCatalog() throws {
    try withTempDir { dir in
      let (fromFiles, report) = collect([Sample.folder])
      #expect(report.rejects.isEmpty)
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [Sample.folder])
      let fromStore = try store.loadCatalog(fullReviews: true)
      let lean = try store.loadCatalog()
      #expect(lean.reviews.map(\.record.id).sorted() == fromStore.reviews.map(\.record.id).sorted())
      #expect(lean.reviews.allSatisfy { $0.record.text == nil })
      let texts = try #require(lean.deferredReviewTexts).texts(of: ["R-00363", "R-00001", "NO-SUCH"])
      #expect(texts["R-00363"]?.hasPrefix("=HYPERLINK(") == true)
      #expect(texts.count == 2)
      #expect(fromFiles.suppliers.count == 30)
      #expect(Set(fromFiles.suppliers.map(\.record)) == Set(fromStore.suppliers.map(\.record)))
      #expect(Set(fromFiles.certifications.map(\.record)) == Set(fromStore.certifications.map(\.record)))
      #expect(Set(fromFiles.audits.map(\.record)) == Set(fromStore.audits.map(\.record)))
      #expect(
        Set(fromFiles.reviews.map(\.record)).symmetricDifference(fromStore.reviews.map(\.record)).isEmpty)
      #expect(Set(fromFiles.orders.map(\.record)) == Set(fromStore.orders.map(\.record)))
      // Same provenance: file name and line of every review.
      func places(_ c: Catalog) -> Set<String> {
        Set(c.reviews.map { "\($0.record.id)@" + c.location($0.source).split(separator: "/").last! })
      }
      #expect(places(fromFiles) == places(fromStore))
      #expect(fromStore.sources.map(\.records).reduce(0, +) == 580)
      #expect(fromFiles.sources.allSatisfy { $0.sha256?.count == 64 })
    }
  }

  @Test func aRecordInSeveralFilesIsTheOneReadLast() throws {
    try withTempDir { dir in
      try dir.write("a/suppliers.csv", "supplier_id,name,country\nS1,First,CN\n")
      try dir.write("b/suppliers.csv", "supplier_id,name,country\nS1,Second,VN\n")
      let (catalog, _) = collect([dir.file("a"), dir.file("b")])
      #expect(catalog.suppliers.map(\.record.name) == ["Second"])
      #expect(catalog.location(catalog.suppliers[0].source).hasSuffix("b/suppliers.csv:2"))
    }
  }

  @Test func aStrictlyStoppedFileContributesNothing() throws {
    try withTempDir { dir in
      try dir.write("suppliers.csv", "supplier_id,name,country\nS1,Good,CN\nS2,Bad,China\n")
      var options = ImportOptions()
      options.collectsCatalog = true
      options.strict = true
      let importer = try Importer(store: nil, options: options)
      _ = importer.run(paths: [dir.file("suppliers.csv")])
      #expect(importer.collectedCatalog().suppliers.isEmpty)
    }
  }
}
