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

  /// The reviews file read on its own thread beside the other files gives what reading them in
  /// turn gives (the reference): the same records with the same sources, and the same report,
  /// its rejected records in file order across the in-memory list and the spill, the concurrent
  /// file's warnings and failures after the others' (an audits file without its required
  /// columns fails beside it; in the last case the reviews file fails too, naming a column twice).
  @Test(arguments: [(1, false), (3, false), (5, false), (1_000, false), (3, true)])
  func reviewsReadAlongsideTheOtherFilesGiveWhatReadingInTurnGives(keptInMemory: Int, reviewsFail: Bool)
    throws
  {
    try withTempDir { dir in
      _ = try dir.write("audits.csv", "audit_id,supplier_id\nA-1,S-1\n")
      _ = try dir.write("suppliers.csv", "supplier_id,name,country\nS-1,One,CN\nS-2,Two,VN\nS-3,,VN\n")
      _ = try dir.write(
        "certifications.csv",
        "supplier_id,standard,certificate_number,issuer,issue_date,expiry_date,status,extra\n"
          + "S-1,ISO 9001,C-1,SGS,2024-01-01,2027-01-01,valid,x\nS-9,ISO 9001,C-2,SGS,2024-01-01,2027-01-01,valid,x\n"
          + "S-2,ISO 9001,C-3,SGS,2024-13-01,2027-01-01,valid,x\n")
      _ = try dir.write(
        "orders.csv", "order_id,supplier_id,amount_usd,order_date\nO-1,S-1,100,2026-01-02\n")
      var reviews =
        "review_id,supplier_id,rating,review_date,reviewer_id,text,note\(reviewsFail ? ",rating" : "")\n"
      for k in 0..<40 {
        let supplier = k % 7 == 3 ? "S-3" : k % 5 == 4 ? "S-8" : "S-\(k % 2 + 1)"
        let rating = k % 11 == 10 ? "9" : "\(k % 5 + 1)"
        reviews += "R-\(k),\(supplier),\(rating),2026-03-\(10 + k % 18),B-\(k % 6),\"text \(k), fine\",n\n"
      }
      _ = try dir.write("reviews.csv", reviews)
      func read(alongside: Bool) -> (Catalog, ImportReport, [Rejection]) {
        var options = ImportOptions()
        options.collectsCatalog = true
        options.rejectsKeptInMemory = keptInMemory
        options.readsReviewsAlongside = alongside
        let importer = try! Importer(store: nil, options: options)
        // The reviews file is read beside the others when asked to (else the test compares
        // reading in turn with itself).
        #expect((importer.concurrentReviewsFile(importer.plan([dir.path])) != nil) == alongside)
        let report = importer.run(paths: [dir.path])
        var rejects = report.rejects
        report.spilledRejects?.forEachBatch { rejects.append(contentsOf: $0) }
        return (importer.collectedCatalog(), report, rejects)
      }
      let (catalog, report, rejects) = read(alongside: true)
      let (expected, expectedReport, expectedRejects) = read(alongside: false)
      #expect(catalog.sources == expected.sources)
      #expect(catalog.suppliers.map(\.source) == expected.suppliers.map(\.source))
      #expect(catalog.certifications.map(\.source) == expected.certifications.map(\.source))
      #expect(catalog.orders.map(\.source) == expected.orders.map(\.source))
      #expect(catalog.reviews.ids.map { $0 } == expected.reviews.ids.map { $0 })
      #expect(catalog.reviews.sources == expected.reviews.sources)
      #expect(catalog.reviews.reviewerNames == expected.reviews.reviewerNames)
      #expect(catalog.reviews.reviewers == expected.reviews.reviewers)
      #expect(
        catalog.reviews.texts(at: 0..<catalog.reviews.count)
          == expected.reviews.texts(at: 0..<expected.reviews.count))
      #expect(catalog.reviews.ratings == expected.reviews.ratings)
      #expect(catalog.reviews.days == expected.reviews.days)
      #expect(
        (0..<catalog.reviews.count).map { catalog.reviews[$0].record }
          == (0..<expected.reviews.count).map { expected.reviews[$0].record })
      #expect(report.failures.count == (reviewsFail ? 2 : 1))
      #expect(report.failures.last?.file.hasSuffix(reviewsFail ? "reviews.csv" : "audits.csv") == true)
      #expect(
        catalog.reviews.count == (reviewsFail ? 0 : 40 - rejects.filter { $0.recordKind == .reviews }.count))
      #expect(report.files == expectedReport.files)
      #expect(report.warnings == expectedReport.warnings)
      #expect(report.failures == expectedReport.failures)
      #expect(report.rejects.count == min(keptInMemory, rejects.count))
      #expect(rejects == expectedRejects)
      // A supplier, certificates and reviews rejected: in that order, reviews last.
      #expect(rejects.map(\.recordKind).first == .suppliers)
      guard !reviewsFail else { return }
      let lastCertificate = try #require(rejects.lastIndex { $0.recordKind == .certifications })
      let firstReview = try #require(rejects.firstIndex { $0.recordKind == .reviews })
      #expect(lastCertificate < firstReview)
      #expect(rejects.filter { $0.recordKind == .reviews }.count > 5)
      #expect(report.warnings.map(\.file).last?.hasSuffix("reviews.csv") == true)
    }
  }

  /// Texts fetched on demand (a seek, then rows in key order) are those of the full load (the
  /// reference), for subsets with runs and gaps, in any order, with ids not in the store before,
  /// between and after the stored ones, and enough ids that the look-ups split over two threads.
  @Test func textsFetchedOnDemandMatchTheFullLoad() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [Sample.folder])
      let full = try store.loadCatalog(fullReviews: true)
      var expected: [String: String] = [:]
      for review in full.reviews { if let text = review.record.text { expected[review.record.id] = text } }
      let ids = full.reviews.map(\.record.id).sorted()
      let source = try #require(try store.loadCatalog().deferredReviewTexts)
      var rng = SystemRandomNumberGenerator()
      for step in [1, 2, 3, 7, 20] {
        var asked = stride(from: step / 2, to: ids.count, by: step).map { ids[$0] }
        asked += ["A-BEFORE", "R-00001-X", "ZZZ-AFTER"]
        asked.shuffle(using: &rng)
        let texts = source.texts(of: asked)
        #expect(texts == expected.filter { asked.contains($0.key) }, "every \(step)th review")
        // In id order, each text in its place (nil for ids without one or not in the store).
        let sorted = asked.sorted()
        #expect(source.texts(ofSorted: sorted) == sorted.map { expected[$0] }, "every \(step)th review")
      }
      // Over two thousand ids: the look-ups split over two threads.
      let many = ids + (0..<2_500).map { "R-\($0 * 7)-MISSING" }
      #expect(source.texts(of: many.shuffled(using: &rng)) == expected)
      let manySorted = many.sorted()
      #expect(source.texts(ofSorted: manySorted) == manySorted.map { expected[$0] })
    }
  }

  /// Review texts read from a CSV file stay in it and are read back when asked for: each is the
  /// text the store keeps (the reference), whether quoted, with doubled quotes, commas or line
  /// breaks inside, blank-padded, multi-byte, empty or absent, after a byte-order mark, with CRLF
  /// line ends and in chunks far smaller than a record; one at a time and together.
  @Test func textsLeftInTheFileAreTheTextsStored() throws {
    try withTempDir { dir in
      let suppliers = try dir.write("suppliers.csv", "supplier_id,name,country\nS-1,One,CN\nS-2,Two,VN\n")
      let texts = [
        "plain words", "\"quoted, with a comma\"", "\"she said \"\"fine\"\" twice\"", "\"two\nlines\"",
        "  padded  ", "ünïcödé ✓ 中文", "", "\"\"", "\"=HYPERLINK(\"\"x\"\")\"", "tail",
      ]
      var csv = "\u{FEFF}review_id,supplier_id,rating,review_date,text\r\n"
      for (k, text) in texts.enumerated() {
        csv += "R-\(k),S-\(k % 2 + 1),\(k % 5 + 1),2026-0\(k % 9 + 1)-1\(k % 9),\(text)\r\n"
      }
      let reviews = try dir.write("reviews.csv", csv)
      var options = ImportOptions()
      options.collectsCatalog = true
      options.csvChunkSize = 16
      let importer = try Importer(store: nil, options: options)
      let report = importer.run(paths: [suppliers, reviews])
      #expect(report.rejects.isEmpty)
      let catalog = importer.collectedCatalog()
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: [suppliers, reviews])
      var expected: [String: String?] = [:]
      for review in try store.loadCatalog(fullReviews: true).reviews {
        expected[review.record.id] = review.record.text
      }
      #expect(expected.count == texts.count)
      let table = catalog.reviews
      #expect(table.count == texts.count)
      for k in 0..<table.count {
        #expect(table.text(at: k) == expected[table.ids[k]]!, "review \(table.ids[k])")
      }
      let positions = Array((0..<table.count).reversed()) + [3, 3, 0]
      #expect(table.texts(at: positions) == positions.map { table.text(at: $0) })
      #expect(table.textReadFailure == nil)
      // Left in the file indeed: changed, it reads none of them but the two kept in memory (a
      // field with doubled quotes is undoubled into memory), and says so.
      _ = try dir.write("reviews.csv", csv + "R-99,S-1,5,2026-01-01,more\r\n")
      #expect(
        table.texts(at: 0..<table.count).compactMap { $0 } == [
          "she said \"fine\" twice", "=HYPERLINK(\"x\")",
        ])
      #expect(table.textReadFailure != nil)
    }
  }

  /// Several review files (an id of the first given again in the second: the later one counts),
  /// and a rejects file read back (its cells' guard apostrophes removed): every text is the one
  /// the store keeps.
  @Test func textsLeftInSeveralFilesAreTheTextsStored() throws {
    try withTempDir { dir in
      let suppliers = try dir.write("suppliers.csv", "supplier_id,name,country\nS-1,One,CN\n")
      let first = try dir.write(
        "reviews-a.csv",
        "review_id,supplier_id,rating,review_date,text\nR-1,S-1,5,2026-01-02,first one\nR-2,S-1,4,2026-01-03,\"second, quoted\"\n"
      )
      let second = try dir.write(
        "reviews-b.csv",
        "review_id,supplier_id,rating,review_date,text\nR-2,S-1,3,2026-01-04,second again\nR-3,S-1,2,2026-01-05,third\n"
      )
      let rejects = try dir.write(
        "reviews-rejects.csv",
        "reject_file,reject_line,reject_column,reject_reason,review_id,supplier_id,rating,review_date,text\nx.csv,2,rating,bad,R-4,S-1,1,2026-01-06,'=SUM(A1)\nx.csv,3,rating,bad,R-5,S-1,2,2026-01-07,''quoted\n"
      )
      let paths = [suppliers, first, second, rejects]
      var options = ImportOptions()
      options.collectsCatalog = true
      let importer = try Importer(store: nil, options: options)
      #expect(importer.run(paths: paths).rejects.isEmpty)
      let table = importer.collectedCatalog().reviews
      let store = try makeStore(in: dir)
      _ = try Importer(store: store).run(paths: paths)
      var expected: [String: String?] = [:]
      for review in try store.loadCatalog(fullReviews: true).reviews {
        expected[review.record.id] = review.record.text
      }
      #expect(
        expected["R-2"] == "second again" && expected["R-4"] == "=SUM(A1)" && expected["R-5"] == "'quoted")
      #expect(table.count == expected.count)
      let texts = table.texts(at: 0..<table.count)
      for k in 0..<table.count {
        #expect(texts[k] == expected[table.ids[k]]!, "review \(table.ids[k])")
        #expect(table.text(at: k) == expected[table.ids[k]]!, "review \(table.ids[k])")
      }
      #expect(table.textReadFailure == nil)
    }
  }

  /// A file changed after it was read is not read from again: its texts read as nil and the
  /// failure names the file and what to do.
  @Test func aFileChangedAfterReadingIsRefused() throws {
    try withTempDir { dir in
      let suppliers = try dir.write("suppliers.csv", "supplier_id,name,country\nS-1,One,CN\n")
      let reviews = try dir.write(
        "reviews.csv", "review_id,supplier_id,rating,review_date,text\nR-1,S-1,5,2026-01-02,great\n")
      var options = ImportOptions()
      options.collectsCatalog = true
      let importer = try Importer(store: nil, options: options)
      _ = importer.run(paths: [suppliers, reviews])
      let table = importer.collectedCatalog().reviews
      _ = try dir.write(
        "reviews.csv", "review_id,supplier_id,rating,review_date,text\nR-1,S-1,5,2026-01-02,GREAT!\n")
      #expect(table.text(at: 0) == nil)
      #expect(table.texts(at: [0]) == [nil])
      #expect(
        table.textReadFailure
          == "\(reviews) changed while it was being read (its review texts are read again for burst detection): run the command again once nothing writes to the file"
      )
    }
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
