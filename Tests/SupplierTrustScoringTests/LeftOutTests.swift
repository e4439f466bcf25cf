import Testing

@testable import SupplierTrustScoring

/// Who an order's filters leave out, and why (black-box review 54: an expired ISO 9001, a Trade
/// Assurance limit below the order and a certificate without an accreditation body all vanished
/// from the ranking without a word).
@Suite struct LeftOutTests {
  /// Valve makers alike but for one thing each, and a pump maker.
  static func catalog() -> TestCatalog {
    var t = TestCatalog()
    func valveMaker(_ id: String, _ configure: (inout Supplier) -> Void = { _ in }) {
      t.supplier(id) {
        $0.categories = ["Industrial Valves"]
        $0.tradeAssurance = true
        $0.tradeAssuranceLimit = Money(cents: 5_000_000)
        configure(&$0)
      }
      for k in 0..<12 { t.review(id, rating: 5, daysAgo: 20 + 11 * k) }
    }
    valveMaker("GOOD")
    t.certificate("GOOD", number: "Q-1001")
    valveMaker("EXPIRED")
    t.certificate("EXPIRED", number: "Q-1002", issuedDaysAgo: 1200, expiresInDays: -30)
    valveMaker("SMALL-LIMIT") { $0.tradeAssuranceLimit = Money(cents: 1_000_000) }
    t.certificate("SMALL-LIMIT", number: "Q-1003")
    valveMaker("NO-TA") { $0.tradeAssurance = false }
    t.certificate("NO-TA", number: "Q-1004")
    valveMaker("NO-CERT")
    t.supplier("PUMPS") {
      $0.categories = ["Water Pumps"]
      $0.tradeAssurance = true
      $0.tradeAssuranceLimit = Money(cents: 5_000_000)
    }
    t.certificate("PUMPS", number: "Q-1005")
    return t
  }

  static var criteria: RankingCriteria {
    var c = RankingCriteria()
    c.category = "valve"
    c.requiredStandards = ["ISO9001"]
    c.orderAmount = Money(cents: 2_500_000)
    return c
  }

  static func run() -> ScoringRun {
    let t = catalog()
    let criteria = Self.criteria
    return Scorer(asOf: t.asOf).score(t.catalog) {
      criteria.positions(in: $0) + criteria.nearMisses(in: $0, limit: RankingCriteria.nearMissLimit)
    }
  }

  @Test func eachSupplierLeftOutSaysWhichFilterAndWhatItHasInstead() throws {
    let run = Self.run()
    let criteria = Self.criteria
    func reasons(_ id: String) -> [String] {
      criteria.reasonsLeftOut(run.suppliers.first { $0.supplier.id == id }!)
    }
    #expect(reasons("GOOD") == [])
    let expired = try #require(reasons("EXPIRED").first)
    #expect(expired.hasPrefix("no valid ISO9001 certificate (ISO9001 Q-1002: expired "), "\(expired)")
    #expect(reasons("SMALL-LIMIT") == ["Trade Assurance limit $10,000 is below the order's $25,000"])
    #expect(reasons("NO-TA") == ["does not offer Trade Assurance, so an order of $25,000 is not covered"])
    #expect(reasons("NO-CERT") == ["no ISO9001 certificate"])
    #expect(reasons("PUMPS") == ["no category matching \"valve\" (its categories: Water Pumps)"])
  }

  @Test func theSummaryCountsEachFilterAndNamesTheNearMissesBestFirst() throws {
    let run = Self.run()
    let leftOut = try #require(Self.criteria.leftOut(of: run.suppliers))
    #expect(leftOut.count == 5)
    #expect(leftOut.total == 6)
    #expect(
      leftOut.summary
        == "5 of 6 suppliers are left out: 1 without a category matching \"valve\", 2 without a valid ISO9001 certificate, 2 whose Trade Assurance does not cover $25,000 (a supplier can fail several)"
    )
    // The pump maker is not what is ordered: no near miss.
    let ids = leftOut.nearMisses.map(\.supplier.supplier.id)
    #expect(Set(ids) == ["EXPIRED", "SMALL-LIMIT", "NO-TA", "NO-CERT"])
    let scores = leftOut.nearMisses.map { $0.supplier.exactScore ?? -1 }
    #expect(scores == scores.sorted(by: >))
    #expect(leftOut.nearMissCount == 4)
    #expect(leftOut.moreNearMisses == nil)
    let two = try #require(Self.criteria.leftOut(of: run.suppliers, limit: 2))
    #expect(two.nearMisses.map(\.supplier.supplier.id) == Array(ids.prefix(2)))
    #expect(two.nearMissCount == 4)
    #expect(two.moreNearMisses == "and 2 more")
  }

  @Test func withoutFiltersNothingIsLeftOutAndWithoutGoodsFiltersEveryoneLeftOutIsANearMiss() throws {
    let run = Self.run()
    #expect(RankingCriteria().leftOut(of: run.suppliers) == nil)
    var onlyCertificates = RankingCriteria()
    onlyCertificates.requiredStandards = ["ISO9001"]
    let leftOut = try #require(onlyCertificates.leftOut(of: run.suppliers))
    #expect(Set(leftOut.nearMisses.map(\.supplier.supplier.id)) == ["EXPIRED", "NO-CERT"])
    #expect(leftOut.summary == "2 of 6 suppliers are left out: 2 without a valid ISO9001 certificate")
    #expect(!leftOut.nearMissesAreInTheGoods)
  }

  /// A standard required twice is one filter; a ranking cut by `top` says how many pass.
  @Test func aRepeatedStandardCountsOnceAndACutSaysHowManyPass() throws {
    let run = Self.run()
    var c = Self.criteria
    c.requiredStandards = ["ISO9001", "ISO9001"]
    c.top = 1
    let leftOut = try #require(c.leftOut(of: run.suppliers))
    #expect(leftOut.byFilter.count == 3)
    #expect(
      leftOut.summary
        == "5 of 6 suppliers are left out: 1 without a category matching \"valve\", 2 without a valid ISO9001 certificate, 2 whose Trade Assurance does not cover $25,000 (a supplier can fail several)"
    )
    let expired = run.suppliers.first { $0.supplier.id == "EXPIRED" }!
    #expect(c.reasonsLeftOut(expired).count == 1)
    var loose = RankingCriteria()
    loose.category = "valve"
    loose.top = 1
    let cut = try #require(loose.leftOut(of: run.suppliers))
    #expect(
      cut.summary
        == "1 of 6 suppliers is left out: 1 without a category matching \"valve\"; 5 pass, the best 1 shown")
  }

  /// The verdicts worked out once (with category names matched once each) agree with each
  /// filter's own test, over a random catalog and every kind of filter.
  @Test func verdictsWorkedOutOnceAgreeWithEachFilter() {
    let t = TestCatalog.random(seed: 11, suppliers: 60)
    let run = Scorer(asOf: t.asOf).score(t.catalog)
    var c = RankingCriteria()
    c.category = "valve"
    c.countries = ["CN", "VN"]
    c.requiredStandards = ["ISO9001"]
    c.orderAmount = Money(cents: 2_500_000)
    c.minimumScore = 50
    c.worstStanding = .warned
    for criteria in [c, RankingCriteria()] {
      let verdicts = criteria.verdicts(run.suppliers)
      #expect(verdicts.count == (criteria.filters.isEmpty ? 0 : run.suppliers.count))
      for (i, s) in run.suppliers.enumerated() {
        for (k, filter) in criteria.filters.enumerated() {
          #expect(verdicts.fails(i, k) == !RankingCriteria.passes(filter, s))
        }
      }
      #expect(
        criteria.positions(in: run.suppliers, verdicts: verdicts) == criteria.positions(in: run.suppliers))
    }
  }

  @Test func withoutTradeAssuranceTheOrderIsNotCoveredIsSaidOnce() {
    let run = Self.run()
    var c = Self.criteria
    c.tradeAssuranceOnly = true
    let noTA = run.suppliers.first { $0.supplier.id == "NO-TA" }!
    #expect(c.reasonsLeftOut(noTA) == ["does not offer Trade Assurance"])
    let small = run.suppliers.first { $0.supplier.id == "SMALL-LIMIT" }!
    #expect(c.reasonsLeftOut(small) == ["Trade Assurance limit $10,000 is below the order's $25,000"])
  }

  /// A stated Trade Assurance limit of $0 protects no order: `--trade-assurance` leaves the
  /// supplier out, as scoring counts it as none, and says why once, whatever the order amount
  /// (black-box review 146 found it kept).
  @Test func aTradeAssuranceLimitOfNothingIsNoTradeAssurance() throws {
    var t = Self.catalog()
    t.supplier("ZERO-LIMIT") {
      $0.categories = ["Industrial Valves"]
      $0.tradeAssurance = true
      $0.tradeAssuranceLimit = Money(cents: 0)
    }
    let run = Scorer(asOf: t.asOf).score(t.catalog)
    let zero = try #require(run.suppliers.first { $0.supplier.id == "ZERO-LIMIT" })
    var c = RankingCriteria()
    c.tradeAssuranceOnly = true
    #expect(!c.admits(zero))
    #expect(c.reasonsLeftOut(zero) == ["its Trade Assurance limit is $0: it covers no order"])
    c.orderAmount = Money(cents: 100_000)
    #expect(c.reasonsLeftOut(zero) == ["its Trade Assurance limit is $0: it covers no order"])
    #expect(c.admits(try #require(run.suppliers.first { $0.supplier.id == "GOOD" })))
  }

  /// The filters' test and the words for failing it come from one place: every supplier passes
  /// exactly when it has no reason to be left out.
  @Test func admittedExactlyWhenNoReasonIsGiven() {
    let run = Self.run()
    var c = Self.criteria
    c.countries = ["CN", "VN"]
    c.excludedCountries = ["IN"]
    c.tradeAssuranceOnly = true
    c.minimumScore = 40
    c.worstStanding = .warned
    for criteria in [Self.criteria, c, RankingCriteria()] {
      for s in run.suppliers {
        #expect(criteria.admits(s) == criteria.reasonsLeftOut(s).isEmpty, "\(s.supplier.id)")
      }
    }
  }
}
