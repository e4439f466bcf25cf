import Testing

@testable import SupplierTrustScoring

/// A run started from a memo must be the run the scorer makes afresh: the fresh run is the oracle.
@Suite struct ScoringMemoTests {
  /// A random catalog with a planted five-star burst and a planted attack, so that the memo
  /// carries bursts, discounted reviews and a catalog mean moved by them.
  static func catalog(seed: UInt64) -> TestCatalog {
    var t = TestCatalog.random(seed: seed, suppliers: 30)
    JudgementScenarioTests.solid(&t, "BURST")
    for n in 0..<25 {
      t.review(
        "BURST", rating: 5, daysAgo: 3 + n % 3, verified: false, reviewer: "NEW-\(n)",
        text: "Great supplier, fast shipping! order \(n * 7919 % 101)")
    }
    JudgementScenarioTests.solid(&t, "ATTACKED")
    for n in 0..<12 {
      t.review(
        "ATTACKED", rating: 1, daysAgo: 5 + n % 2, verified: false, reviewer: "HATER-\(n)", text: "scam")
    }
    return t
  }

  /// Which suppliers a run explains: the top three, every third, none, everyone.
  static let detailings: [(String, @Sendable ([SupplierAssessment]) -> [Int])] = [
    ("top 3", { Array($0.indices.prefix(3)) }),
    ("every third", { $0.indices.filter { $0 % 3 == 0 } }),
    ("none", { _ in [] }),
    ("all", { Array($0.indices) }),
  ]

  /// Everything a ranking shows of an explained supplier; of the others, what `rank` filters and
  /// orders on (their review, delivery and certificate figures are not kept: nothing shows them).
  static func expectSame(_ a: SupplierAssessment, _ b: SupplierAssessment, explained: Bool, _ note: String) {
    #expect(a.supplier == b.supplier, "\(note)")
    #expect(ScoringMemo.Row.sameNumbers(a, b), "\(note) \(a.supplier.id)")
    guard explained else { return }
    #expect(a.flags == b.flags, "\(note) \(a.supplier.id)")
    #expect(a.factors == b.factors, "\(note) \(a.supplier.id)")
    #expect(a.suggestions == b.suggestions, "\(note) \(a.supplier.id)")
    #expect(a.standingReasons == b.standingReasons, "\(note) \(a.supplier.id)")
    #expect(a.reviews == b.reviews, "\(note) \(a.supplier.id)")
    #expect(a.reviews.bursts == b.reviews.bursts, "\(note) \(a.supplier.id)")
    #expect(a.certificates == b.certificates, "\(note) \(a.supplier.id)")
    #expect(a.delivery == b.delivery, "\(note) \(a.supplier.id)")
    #expect(a.evidence == b.evidence, "\(note) \(a.supplier.id)")
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func aRunFromTheMemoIsTheFreshRun(seed: UInt64) throws {
    let t = Self.catalog(seed: seed)
    let scorer = Scorer(asOf: t.asOf)
    let (_, memo) = scorer.scoreKeepingMemo(t.catalog)
    #expect(!memo.bursts.isEmpty && !memo.suspicious.isEmpty)
    for (name, detailing) in Self.detailings {
      let fresh = scorer.score(t.catalog, detailing: detailing)
      let reused = try #require(scorer.score(t.catalog, reusing: memo, detailing: detailing), "\(name)")
      #expect(reused.catalogMeanRating == fresh.catalogMeanRating)
      #expect(reused.catalogReviewCount == fresh.catalogReviewCount)
      #expect(reused.componentAverages == fresh.componentAverages)
      #expect(reused.priorReviewValue == fresh.priorReviewValue)
      #expect(reused.suppliers.map(\.supplier.id) == fresh.suppliers.map(\.supplier.id), "\(name)")
      let explained = Set(detailing(fresh.suppliers))
      #expect(!explained.isEmpty || name == "none")
      for (k, (a, b)) in zip(reused.suppliers, fresh.suppliers).enumerated() {
        Self.expectSame(a, b, explained: explained.contains(k), name)
      }
    }
  }

  /// `t`'s catalog laid out as a store hands it over: suppliers by id, each kind of record grouped
  /// by supplier in that order, reviews by supplier, date and id.
  static func laidOut(_ t: TestCatalog) -> Catalog {
    let (evidence, table) = Scorer(asOf: t.asOf).gather(t.catalog)
    var catalog = Catalog()
    for source in t.catalog.sources { _ = catalog.addSource(source) }
    catalog.suppliers = evidence.map(\.supplier)
    catalog.certifications = evidence.flatMap { Array($0.certifications) }
    catalog.audits = evidence.flatMap { Array($0.audits) }
    catalog.orders = evidence.flatMap { Array($0.orders) }
    catalog.reviews = table
    return catalog
  }

  @Test(arguments: [8, 9] as [UInt64])
  func oneSuppliersEvidenceByIDIsWhatTheGatherFinds(seed: UInt64) throws {
    let t = Self.catalog(seed: seed)
    var catalog = Self.laidOut(t)
    let scorer = Scorer(asOf: t.asOf)
    #expect(!scorer.isLaidOutByID(t.catalog))
    // Records of suppliers the catalog does not hold, in their places by id: found by nobody.
    let stranger = catalog.suppliers[3].record.id + "0"
    let place = { (ids: [String]) in ids.firstIndex { compareBytes($0, stranger) > 0 } ?? ids.count }
    catalog.certifications.insert(
      Sourced(Certification(supplierID: stranger, standard: "ISO9001"), source: TestCatalog.here),
      at: place(catalog.certifications.map(\.record.supplierID)))
    catalog.audits.insert(
      Sourced(
        Audit(id: "A-X", supplierID: stranger, kind: .factoryAudit, date: t.asOf, result: .fail),
        source: TestCatalog.here), at: place(catalog.audits.map(\.record.supplierID)))
    catalog.orders.insert(
      Sourced(
        Order(id: "O-X", supplierID: stranger, orderDate: t.asOf, amount: Money(cents: 100)),
        source: TestCatalog.here), at: place(catalog.orders.map(\.record.supplierID)))
    #expect(scorer.isLaidOutByID(catalog))
    let (gathered, _, _, asGiven) = scorer.gatherKeepingTexts(catalog)
    #expect(asGiven)
    var sectored = gathered
    for i in sectored.indices {
      sectored[i].doubtfulVerified = scorer.doubtfulVerification(sectored[i], catalog.reviews)
    }
    scorer.assignSectors(&sectored)
    for (i, expected) in sectored.enumerated() {
      let found = scorer.evidence(ofSupplierAt: i, in: catalog)
      #expect(found.supplier.record == expected.supplier.record)
      #expect(found.certifications.map(\.record) == expected.certifications.map(\.record), "\(i)")
      #expect(found.certifications.map(\.source) == expected.certifications.map(\.source), "\(i)")
      #expect(found.audits.map(\.record) == expected.audits.map(\.record), "\(i)")
      #expect(found.orders.map(\.record) == expected.orders.map(\.record), "\(i)")
      #expect(found.reviews == expected.reviews, "\(i)")
      #expect(
        found.doubtfulVerified == expected.doubtfulVerified && found.sectors == expected.sectors, "\(i)")
    }
  }

  @Test(arguments: [10, 11] as [UInt64])
  func aRunFromTheMemoOfALaidOutCatalogIsTheFreshRun(seed: UInt64) throws {
    let catalog = Self.laidOut(Self.catalog(seed: seed))
    let scorer = Scorer(asOf: Self.catalog(seed: seed).asOf)
    #expect(scorer.isLaidOutByID(catalog))
    let (_, memo) = scorer.scoreKeepingMemo(catalog)
    #expect(memo.reviewsAsGiven && !memo.bursts.isEmpty)
    for (name, detailing) in Self.detailings {
      let fresh = scorer.score(catalog, detailing: detailing)
      let reused = try #require(scorer.score(catalog, reusing: memo, detailing: detailing), "\(name)")
      #expect(reused.suppliers.map(\.supplier.id) == fresh.suppliers.map(\.supplier.id), "\(name)")
      let explained = Set(detailing(fresh.suppliers))
      for (k, (a, b)) in zip(reused.suppliers, fresh.suppliers).enumerated() {
        Self.expectSame(a, b, explained: explained.contains(k), name)
      }
    }
  }

  @Test func theMemoIsTheSameWhateverTheRunWrote() {
    let t = Self.catalog(seed: 4)
    var wordy = Scorer(asOf: t.asOf)
    wordy.writesExplanations = true
    var quiet = Scorer(asOf: t.asOf)
    quiet.writesExplanations = false
    quiet.suggests = false
    let a = wordy.scoreKeepingMemo(t.catalog).memo
    let b = quiet.scoreKeepingMemo(t.catalog, detailing: { Array($0.indices.prefix(2)) }).memo
    #expect(a == b)
    #expect(a.encoded() == b.encoded())
  }

  @Test func aMemoSurvivesItsBytes() throws {
    let t = Self.catalog(seed: 5)
    let memo = Scorer(asOf: t.asOf).scoreKeepingMemo(t.catalog).memo
    let decoded = try #require(ScoringMemo(decoding: memo.encoded()))
    #expect(decoded == memo)
    #expect(decoded.rows()?.count == t.catalog.suppliers.count)
  }

  @Test func damagedBytesAreRefused() {
    let t = Self.catalog(seed: 6)
    let bytes = Scorer(asOf: t.asOf).scoreKeepingMemo(t.catalog).memo.encoded()
    // Cut short anywhere: never read as a memo.
    for cut in Swift.stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
      #expect(ScoringMemo(decoding: Array(bytes[..<cut])) == nil, "cut at \(cut)")
    }
    // Any byte changed in place, where the layout would still read (a digit of a score, say).
    for position in Swift.stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
      var flipped = bytes
      flipped[position] ^= 0x40
      #expect(ScoringMemo(decoding: flipped) == nil, "byte \(position)")
    }
    // Another layout's tag, and bytes left over.
    var tagged = bytes
    tagged[10] ^= 0x20
    #expect(ScoringMemo(decoding: tagged) == nil)
    #expect(ScoringMemo(decoding: bytes + [0]) == nil)
    #expect(ScoringMemo(decoding: []) == nil)
  }

  /// Counts and positions no catalog has, written where a memo's are: refused, never trusted to
  /// size an allocation, overflow an addition or index a table.
  @Test func hostileCountsAreRefused() {
    func memo(_ build: (inout MemoWriter) -> Void) -> [UInt8] {
      var w = MemoWriter()
      w.string(ScoringMemo.formatTag)
      build(&w)
      // With a right checksum: the counts themselves must be refused.
      let sum = w.bytes.withUnsafeBytes { ScoringMemo.checksum($0) }
      withUnsafeBytes(of: sum.littleEndian) { w.bytes.append(contentsOf: $0) }
      return w.bytes
    }
    func header(_ w: inout MemoWriter, suppliers: Int, reviews: Int) {
      w.int(suppliers)
      w.int(reviews)
      for _ in 0..<2 { w.double(4) }
      w.int(0)
      w.double(0.5)
      for _ in 0..<10 { w.optional(nil) }
    }
    let cases: [(String, [UInt8])] = [
      ("a supplier count past Int32", memo { header(&$0, suppliers: 1 << 40, reviews: 10) }),
      ("a negative review count", memo { header(&$0, suppliers: 1, reviews: -5) }),
      (
        "more suspicious reviews than bytes",
        memo {
          header(&$0, suppliers: 1, reviews: 1 << 30)
          $0.int(1 << 29)
        }
      ),
      (
        "a gap that would overflow",
        memo {
          header(&$0, suppliers: 1, reviews: 100)
          $0.int(2)
          $0.int(1)
          $0.int(Int.max)
        }
      ),
      (
        "a burst of a supplier past the count",
        memo {
          header(&$0, suppliers: 3, reviews: 100)
          $0.int(0)
          $0.int(1)
          $0.int(3)
        }
      ),
      (
        "rows of another count",
        memo {
          header(&$0, suppliers: 2, reviews: 0)
          $0.int(0)
          $0.int(0)
          $0.int(0)
        }
      ),
    ]
    for (name, bytes) in cases {
      let decoded = ScoringMemo(decoding: bytes)
      #expect(decoded == nil || decoded?.rows() == nil, "\(name)")
    }
  }

  @Test func aMemoOfAnotherCatalogIsNotUsed() {
    let a = Self.catalog(seed: 7)
    let scorer = Scorer(asOf: a.asOf)
    let memo = scorer.scoreKeepingMemo(a.catalog).memo
    // Another supplier count or review count: refused outright.
    var more = a
    more.supplier("LATECOMER")
    #expect(scorer.score(more.catalog, reusing: memo, detailing: { Array($0.indices) }) == nil)
    var reviewed = a
    reviewed.review("BURST", rating: 2, daysAgo: 40)
    #expect(scorer.score(reviewed.catalog, reusing: memo, detailing: { Array($0.indices) }) == nil)
    // The same counts, another rating: the explained supplier's numbers give it away.
    var rerated = a
    let k = rerated.catalog.reviews.firstIndex {
      $0.record.supplierID == "ATTACKED" && $0.record.rating == 5
    }!
    rerated.catalog.reviews[k].record.rating = 1
    #expect(
      scorer.score(rerated.catalog, reusing: memo) { ranked in
        ranked.indices.filter { ranked[$0].supplier.id == "ATTACKED" }
      } == nil)
  }

  @Test func theKeyNamesPolicyDayAndCatalog() throws {
    let day = Day(year: 2026, month: 11, day: 25)!
    let key = try #require(Scorer(asOf: day).memoKey(catalogVersion: "imports 3/3"))
    #expect(key.hasPrefix("imports 3/3; policy \(Policy.default.hash); as of 2026-11-25; registry "))
    #expect(Scorer(asOf: day.adding(days: 1)).memoKey(catalogVersion: "imports 3/3") != key)
    #expect(Scorer(asOf: day).memoKey(catalogVersion: "imports 4/4") != key)
    var policy = Policy.default
    policy.weights.reviews += 0.01
    #expect(Scorer(policy: policy, asOf: day).memoKey(catalogVersion: "imports 3/3") != key)
  }
}
