import SupplierTrustModel
import Testing

@testable import SupplierTrustScoring

/// Black-box review 23's cases: more of the same bad evidence never helps, newer evidence never
/// lowers confidence, and a back-test sees only what had happened by its day.
@Suite struct EvidenceMonotonicityTests {
  typealias Pairs = SensiblePairTests

  static func score(_ t: TestCatalog, _ id: String) -> (score: Double, confidence: Double) {
    let a = t.assessment(id, suggests: false)
    return (a.exactScore ?? -1, a.confidence)
  }

  /// One more verified review that completes a burst's count lowers the score (the burst is
  /// found) but never confidence: black-box review 48 saw 0.19 fall to 0.17 when a tenth review,
  /// verified, joined nine unverified five-star ones from new accounts, against "more recent
  /// verified evidence never lowers confidence". From a new account and from an established one.
  @Test func aVerifiedReviewThatCompletesABurstNeverLowersConfidence() {
    var base = TestCatalog()
    base.supplier("EQ") { $0.tradeAssurance = true }
    base.supplier("ELSEWHERE")
    base.review("ELSEWHERE", rating: 4, daysAgo: 200, reviewer: "ESTABLISHED")
    // Buyers who review elsewhere too: in a catalog where nobody does, new accounts are no sign
    // and ten five-star reviews are no burst unless beyond chance (`returning_reviewer_share`).
    for k in 0..<12 {
      base.review(
        "EQ", rating: Double(4 + k % 2), daysAgo: 40 + 60 * k, verified: true, reviewer: "BUYER-\(k)")
      base.review("ELSEWHERE", rating: 4, daysAgo: 900 + k, verified: true, reviewer: "BUYER-\(k)")
    }
    for k in 0..<9 {
      base.review("EQ", rating: 5, daysAgo: 3 + k, verified: false, reviewer: "NEWACC-\(k)", text: "ok \(k)")
    }
    let before = t(base)
    for reviewer in ["FRESH", "ESTABLISHED"] {
      var added = base
      added.review(
        "EQ", rating: 5, daysAgo: 2, verified: true, reviewer: reviewer, text: "arrived as described")
      let after = t(added)
      #expect(after.confidence >= before.confidence, "\(reviewer): \(before) -> \(after)")
      if reviewer == "FRESH" {
        // The burst is found: the score does fall, as it should.
        #expect(added.assessment("EQ").flags.contains { $0.code == .reviewBurst })
        #expect(after.score < before.score)
      }
    }
    func t(_ catalog: TestCatalog) -> (score: Double, confidence: Double) { Self.score(catalog, "EQ") }
  }

  /// Recording what went well never lowers the delivery component: a passed inspection on an
  /// on-time order, "no dispute" where the field was empty, or one more clean order. A clean share
  /// of few orders (shrunk toward the threshold) had been taken as the worse one: "0 of 1
  /// inspections failed" beat "0 of 4 disputed", and the passed inspection cost 3.4 points
  /// (black-box review 80).
  @Test func recordingAGoodOutcomeNeverLowersDelivery() throws {
    func delivery(inspected: Int, disputeStated: Int, orders: Int = 4) throws -> Double {
      var t = TestCatalog()
      t.supplier("T") { $0.tradeAssurance = true }
      for k in 0..<orders {
        let id = t.order("T", daysAgo: 120 + 10 * k, dispute: k < disputeStated ? DisputeStatus.none : nil)
        if k < inspected, let at = t.catalog.orders.firstIndex(where: { $0.record.id == id }) {
          t.catalog.orders[at].record.inspectionResult = .pass
          t.catalog.orders[at].record.deliveredDate = t.asOf.adding(days: -60 - 10 * k)
        }
      }
      return try #require(t.assessment("T", suggests: false).components.delivery)
    }
    let bare = try delivery(inspected: 0, disputeStated: 4)
    #expect(try delivery(inspected: 1, disputeStated: 4) >= bare)
    #expect(try delivery(inspected: 4, disputeStated: 4) >= bare)
    #expect(try delivery(inspected: 4, disputeStated: 4, orders: 5) >= bare)
    let allInspected = try delivery(inspected: 4, disputeStated: 3)
    #expect(try delivery(inspected: 4, disputeStated: 4) >= allInspected)
  }

  /// Every order the buyer records is evidence, whatever became of it: one more order, clean,
  /// failed at inspection, refunded or late, never lowers the delivery component's confidence,
  /// with or without the platform's rate beside it. Counted by the due orders alone, a clean
  /// order added to two failed ones had lowered it (0.10 -> 0.07), and beside a platform rate
  /// the two failed orders had counted for nothing (black-box review 144).
  @Test func oneMoreOrderOfAnyKindNeverLowersDeliveryConfidence() {
    enum Kind: CaseIterable { case clean, failed, refunded, late }
    func add(_ kind: Kind, _ k: Int, to t: inout TestCatalog) {
      let id = t.order(
        "T", lateDays: kind == .late ? 9 : 0, daysAgo: 200 + 7 * k,
        dispute: kind == .refunded ? .refunded : DisputeStatus.none)
      let at = t.catalog.orders.firstIndex { $0.record.id == id }!
      t.catalog.orders[at].record.deliveredDate = t.asOf.adding(days: -150 + 7 * k)
      t.catalog.orders[at].record.inspectionResult = kind == .failed ? .fail : .pass
      if kind == .refunded { t.catalog.orders[at].record.refund = Money(cents: 50_000) }
    }
    func confidence(_ kinds: [Kind], platform: Bool) -> Double {
      var t = TestCatalog()
      t.supplier("T") {
        $0.tradeAssurance = true
        if platform {
          $0.onTimeDeliveryRate = 0.95
          $0.transactions12m = 300
        }
      }
      for (k, kind) in kinds.enumerated() { add(kind, k, to: &t) }
      return t.assessment("T", suggests: false).evidenceShares.delivery ?? -1
    }
    for platform in [false, true] {
      for base in [[Kind.failed, .failed], [.refunded, .refunded], [.failed, .late], [.clean], [.late]] {
        let before = confidence(base, platform: platform)
        for kind in Kind.allCases {
          let after = confidence(base + [kind], platform: platform)
          #expect(after > before, "\(base) + \(kind), platform \(platform): \(before) -> \(after)")
        }
      }
      // The buyer's own failed orders are evidence beside the platform's rate, not nothing.
      #expect(confidence([.failed, .failed], platform: platform) > confidence([], platform: platform))
    }
  }

  /// The delivery factor cites each order once, and the orders whose inspection failed among
  /// them (black-box review 80: a late, disputed order was cited twice, failed inspections not
  /// at all).
  @Test func deliveryEvidenceCitesEachOrderOnceWithFailedInspections() throws {
    var t = TestCatalog()
    t.supplier("T") { $0.tradeAssurance = true }
    let lateAndDisputed = t.order("T", lateDays: 12, daysAgo: 150, dispute: .refunded)
    for k in 0..<3 { _ = t.order("T", daysAgo: 120 + k) }
    let failed = t.order("T", daysAgo: 100)
    let at = try #require(t.catalog.orders.firstIndex { $0.record.id == failed })
    t.catalog.orders[at].record.inspectionResult = .fail
    t.catalog.orders[at].record.deliveredDate = t.asOf.adding(days: -50)
    let factor = try #require(t.assessment("T", suggests: false).factors.first { $0.component == "delivery" })
    let cited = factor.evidence.compactMap(\.recordID)
    #expect(Set(cited).count == cited.count, "\(cited)")
    #expect(cited.contains(lateAndDisputed))
    #expect(cited.contains(failed), "\(cited)")
  }

  /// Verified five-star reviews from new accounts within days, one more at a time, past the
  /// point where their number alone makes them a burst beyond chance (not by count): confidence
  /// never falls (black-box review 50: 0.27 with 35, 0.19 with 36, when a burst counted as its
  /// nine weightiest reviews); the burst's verified purchases count in full toward it.
  @Test func moreVerifiedReviewsNeverLowerConfidenceAsTheyBecomeABurst() {
    var previous = -1.0
    var found = false
    for count in 4...30 {
      var t = SensiblePairTests.background()
      t.supplier("V") { $0.tradeAssurance = true }
      for k in 0..<5 { t.review("V", rating: 4, daysAgo: 200 + 30 * k) }
      for k in 0..<count {
        t.review(
          "V", rating: 5, daysAgo: 1 + k % 5, reviewer: "V-NEW-\(k)", text: "order \(k) arrived, thanks")
      }
      let a = t.assessment("V", suggests: false)
      if a.flags.contains(where: { $0.code == .reviewBurst }) { found = true }
      #expect(a.confidence >= previous, "\(count) reviews: \(a.confidence) after \(previous)")
      previous = a.confidence
    }
    #expect(found, "no count made a burst: the test no longer crosses the threshold")
  }

  /// Bought reviews do not buy confidence: a burst counts toward it as no more than the
  /// `minimum_reviews` - 1 weightiest of its reviews (code review: counted in full, 150 bought
  /// five-star reviews gave more confidence than six genuine ones, and took away the warning
  /// for low confidence).
  @Test func aBurstOfBoughtReviewsDoesNotBuyConfidence() {
    var t = TestCatalog()
    for id in ["FAKE60", "FAKE150", "REAL"] { t.supplier(id) { $0.tradeAssurance = true } }
    // "Verified" ones that no transactions back are bought reviews too (code review: they had
    // counted in full, and 150 lifted confidence from 0.10 to 0.28).
    t.supplier("UNBACKED") {
      $0.tradeAssurance = true
      $0.transactions12m = 0
    }
    for k in 0..<150 {
      t.review(
        "UNBACKED", rating: 5, daysAgo: 2 + k % 7, verified: true, reviewer: "UNBACKED-BOT-\(k)",
        text: "Great product, fast shipping, highly recommend this seller")
    }
    for (id, count) in [("FAKE60", 60), ("FAKE150", 150)] {
      for k in 0..<count {
        t.review(
          id, rating: 5, daysAgo: 2 + k % 7, verified: false, reviewer: "\(id)-BOT-\(k)",
          text: "Great product, fast shipping, highly recommend this seller")
      }
    }
    for k in 0..<6 { t.review("REAL", rating: 4.5, daysAgo: 5 + 10 * k) }
    let fake60 = t.assessment("FAKE60")
    let fake150 = t.assessment("FAKE150")
    let real = t.assessment("REAL")
    #expect(fake150.flags.contains { $0.code == .reviewBurst })
    #expect(fake150.confidence < real.confidence, "\(fake150.confidence) against \(real.confidence)")
    #expect(fake150.confidence == fake60.confidence)
    #expect(fake150.standingReasons.contains { $0.hasPrefix("confidence ") }, "\(fake150.standingReasons)")
    let unbacked = t.assessment("UNBACKED")
    #expect(unbacked.flags.contains { $0.code == .reviewBurst })
    #expect(unbacked.flags.contains { $0.code == .verifiedUnbacked })
    #expect(unbacked.confidence < real.confidence, "\(unbacked.confidence) against \(real.confidence)")
  }

  /// Each order added two months late, without a dispute and passing inspection, lowers the score:
  /// the lack of a dispute on a late order had lifted twenty of them above two.
  @Test func addingALateOrderNeverRaisesTheScore() {
    var previous = Double.infinity
    for count in [1, 2, 3, 5, 10, 20] {
      var t = Pairs.background()
      Pairs.add("LATE", to: &t, orders: false)
      for k in 0..<count {
        let id = t.order("LATE", lateDays: 60, daysAgo: 100 + 5 * k)
        let i = t.catalog.orders.firstIndex { $0.record.id == id }!
        t.catalog.orders[i].record.inspectionResult = .pass
      }
      let now = Self.score(t, "LATE").score
      #expect(now < previous, "\(count) late orders: \(now) after \(previous)")
      previous = now
    }
  }

  @Test func twentyOrdersTwoMonthsLateRankBelowTwoOrdersFiveDaysLate() {
    var t = Pairs.background()
    Pairs.add("FEW-SLIGHTLY", to: &t, orders: false)
    Pairs.add("MANY-VERY", to: &t, orders: false)
    for k in 0..<2 { t.order("FEW-SLIGHTLY", lateDays: 5, daysAgo: 100 + 5 * k) }
    for k in 0..<20 { t.order("MANY-VERY", lateDays: 60, daysAgo: 100 + 5 * k) }
    Pairs.expectBetter(t, "FEW-SLIGHTLY", than: "MANY-VERY")
  }

  /// What happened after the as-of day is unknown to a back-test: a refund decided later, an
  /// inspection of goods delivered later. The same supplier without those outcomes scores alike.
  @Test func aBackTestIgnoresOutcomesAfterItsDay() {
    var t = Pairs.background()
    Pairs.add("LATER-OUTCOMES", to: &t, orders: false)
    Pairs.add("NO-OUTCOMES", to: &t, orders: false)
    for id in ["LATER-OUTCOMES", "NO-OUTCOMES"] {
      for k in 0..<4 { t.order(id, daysAgo: 90 + 20 * k) }
      t.order(id, daysAgo: 60)
      t.order(id, daysAgo: 50)
    }
    let orders = t.catalog.orders.indices.filter {
      t.catalog.orders[$0].record.supplierID == "LATER-OUTCOMES"
    }
    // Refunded in a dispute opened after the as-of day.
    t.catalog.orders[orders[4]].record.dispute = .refunded
    t.catalog.orders[orders[4]].record.disputeOpenedOn = t.asOf.adding(days: 5)
    t.catalog.orders[orders[4]].record.refund = Money(cents: 500_000)
    // Failed the inspection of goods delivered after the as-of day.
    t.catalog.orders[orders[5]].record.deliveredDate = t.asOf.adding(days: 2)
    t.catalog.orders[orders[5]].record.inspectionResult = .fail
    let later = Self.score(t, "LATER-OUTCOMES")
    let none = Self.score(t, "NO-OUTCOMES")
    #expect(abs(later.score - none.score) < 1e-9, "\(later.score) vs \(none.score)")
    #expect(!t.assessment("LATER-OUTCOMES").flags.contains { $0.code == .disputeHistory })
    // A dispute opened before the day and decided after it was open then: counted, its refund not.
    t.catalog.orders[orders[4]].record.disputeOpenedOn = t.asOf.adding(days: -3)
    t.catalog.orders[orders[4]].record.disputeClosedOn = t.asOf.adding(days: 4)
    #expect(Self.score(t, "LATER-OUTCOMES").score < none.score)
  }

  /// A newer failed audit that has lapsed never lifts a factory whose earlier audit failed, and
  /// a newer audit never lowers confidence.
  @Test func aNewerLapsedFailedAuditNeverRaisesTheScoreOrLowersConfidence() {
    var t = Pairs.background()
    Pairs.add("ONE-FAIL", to: &t, audit: false)
    Pairs.add("TWO-FAILS", to: &t, audit: false)
    for id in ["ONE-FAIL", "TWO-FAILS"] { t.audit(id, result: .fail, daysAgo: 85) }
    t.audit("TWO-FAILS", result: .fail, daysAgo: 41, validUntilInDays: -10)
    let one = Self.score(t, "ONE-FAIL")
    let two = Self.score(t, "TWO-FAILS")
    #expect(two.score < one.score, "\(two.score) vs \(one.score)")
    #expect(two.confidence >= one.confidence)
    // A newer pass valid for a short while, lapsed: confidence does not drop either.
    var u = Pairs.background()
    Pairs.add("PASS", to: &u, audit: false)
    Pairs.add("PASS-AND-LAPSED", to: &u, audit: false)
    for id in ["PASS", "PASS-AND-LAPSED"] { u.audit(id, daysAgo: 300) }
    u.audit("PASS-AND-LAPSED", daysAgo: 260, validUntilInDays: -80)
    #expect(Self.score(u, "PASS-AND-LAPSED").confidence >= Self.score(u, "PASS").confidence)
  }

  /// An auditor nobody recognises keeps part of its verdict's move from neutral: its pass still
  /// beats no audit, its fail is less damning than a recognised body's fail.
  @Test func anUnrecognisedAuditorsVerdictCountsPartlyEitherWay() {
    var t = Pairs.background()
    Pairs.add("NONE", to: &t, audit: false)
    Pairs.add("UNKNOWN-PASS", to: &t, audit: false)
    Pairs.add("UNKNOWN-FAIL", to: &t, audit: false)
    Pairs.add("SGS-FAIL", to: &t, audit: false)
    t.audit("UNKNOWN-PASS", auditor: "QuickCheck Audit Ltd")
    t.audit("UNKNOWN-FAIL", result: .fail, auditor: "QuickCheck Audit Ltd")
    t.audit("SGS-FAIL", result: .fail)
    Pairs.expectBetter(t, "UNKNOWN-PASS", than: "NONE")
    Pairs.expectBetter(t, "UNKNOWN-FAIL", than: "SGS-FAIL")
    // Its newer fail after a recognised body's fail does not soften that one (the mono sweep).
    Pairs.add("SGS-FAIL-THEN-UNKNOWN-FAIL", to: &t, audit: false)
    t.audit("SGS-FAIL-THEN-UNKNOWN-FAIL", result: .fail)
    t.audit("SGS-FAIL-THEN-UNKNOWN-FAIL", result: .fail, daysAgo: 5, auditor: "QuickCheck Audit Ltd")
    #expect(Self.score(t, "SGS-FAIL-THEN-UNKNOWN-FAIL").score <= Self.score(t, "SGS-FAIL").score + 1e-9)
  }

  /// A certificate that states no issuer or expiry (a CE mark) adds to what the others state and
  /// never dilutes the confidence in them.
  @Test func anUndocumentedCertificateNeverLowersConfidence() {
    var t = Pairs.background()
    Pairs.add("ISO", to: &t)
    Pairs.add("ISO-AND-CE", to: &t)
    t.certificate("ISO-AND-CE", "CE", body: nil, accreditation: nil, issuedDaysAgo: nil, expiresInDays: nil)
    #expect(Self.score(t, "ISO-AND-CE").confidence >= Self.score(t, "ISO").confidence)
    // Two certificates that each leave out the accreditation say more than one.
    Pairs.add("PARTLY", to: &t, certificate: false)
    Pairs.add("PARTLY-TWICE", to: &t, certificate: false)
    t.certificate("PARTLY", accreditation: nil)
    t.certificate("PARTLY-TWICE", accreditation: nil)
    t.certificate("PARTLY-TWICE", "ISO14001", accreditation: nil)
    #expect(Self.score(t, "PARTLY-TWICE").confidence > Self.score(t, "PARTLY").confidence)
  }

  /// A platform on-time rate of 30% over 300 transactions warns even when the buyer has a few
  /// punctual orders of its own (they hid it).
  @Test func aFewPunctualOwnOrdersDoNotSilenceAPoorPlatformRate() {
    var t = Pairs.background()
    Pairs.add("POOR-PLATFORM", to: &t) {
      $0.onTimeDeliveryRate = 0.3
      $0.transactions12m = 300
    }
    let flag = t.assessment("POOR-PLATFORM", suggests: false).flags.first { $0.code == .lateShipments }
    #expect(flag?.severity == .medium)
  }

  /// A Gold Supplier membership that starts after the as-of day had not started then: unknown, as
  /// an empty field, not "0 years"; a company founded after it is no older than one founded that
  /// year; and a year is one year.
  @Test func membershipAndFoundingAfterTheDayAreUnknownThen() {
    var t = Pairs.background()
    Pairs.add("UNSTATED", to: &t) { $0.yearEstablished = nil }
    Pairs.add("LATER", to: &t) {
      $0.goldSupplierSince = 2027
      $0.yearEstablished = nil
    }
    Pairs.add("FOUNDED-LATER", to: &t) { $0.yearEstablished = 2028 }
    Pairs.add("FOUNDED-THIS-YEAR", to: &t) { $0.yearEstablished = 2026 }
    Pairs.add("NEW", to: &t) {
      $0.goldSupplierSince = 2026
      $0.yearEstablished = 2025
    }
    #expect(abs(Self.score(t, "LATER").score - Self.score(t, "UNSTATED").score) < 1e-9)
    #expect(abs(Self.score(t, "FOUNDED-LATER").score - Self.score(t, "FOUNDED-THIS-YEAR").score) < 1e-9)
    let words = t.assessment("NEW").factors.map(\.text).joined(separator: " ")
    #expect(words.contains("Gold Supplier under a year"))
    #expect(words.contains("1 year in business"))
    #expect(Scorer.aboutPoints(1.2) == "about 1 point" && Scorer.aboutPoints(3.6) == "about 4 points")
  }

  /// A failed social-compliance audit stands until a later social-compliance audit: a later
  /// quality inspection that passed does not cover it (it had lifted 72.5 to 84.3 and cleared
  /// the flag).
  @Test func aFailureStandsUntilALaterAuditOfItsOwnKind() {
    var t = Pairs.background()
    Pairs.add("SOCIAL-FAIL", to: &t, audit: false)
    Pairs.add("SOCIAL-FAIL-THEN-INSPECTION", to: &t, audit: false)
    Pairs.add("SOCIAL-FAIL-THEN-SOCIAL-PASS", to: &t, audit: false)
    for id in ["SOCIAL-FAIL", "SOCIAL-FAIL-THEN-INSPECTION", "SOCIAL-FAIL-THEN-SOCIAL-PASS"] {
      t.audit(id, result: .fail, daysAgo: 55, major: 3)
      t.catalog.audits[t.catalog.audits.count - 1].record.kind = .socialCompliance
    }
    t.audit("SOCIAL-FAIL-THEN-INSPECTION", daysAgo: 40, auditor: "Alibaba.com", major: nil, minor: nil)
    t.catalog.audits[t.catalog.audits.count - 1].record.kind = .qualityInspection
    t.audit("SOCIAL-FAIL-THEN-SOCIAL-PASS", daysAgo: 40)
    t.catalog.audits[t.catalog.audits.count - 1].record.kind = .socialCompliance
    let inspected = t.assessment("SOCIAL-FAIL-THEN-INSPECTION", suggests: false)
    #expect(inspected.flags.contains { $0.code == .auditFailed })
    #expect((inspected.components.audits ?? 1) < 0.5)
    #expect(
      !t.assessment("SOCIAL-FAIL-THEN-SOCIAL-PASS", suggests: false).flags.contains {
        $0.code == .auditFailed
      })
    Pairs.expectBetter(t, "SOCIAL-FAIL-THEN-SOCIAL-PASS", than: "SOCIAL-FAIL-THEN-INSPECTION")
    // Good news of another kind still counts for something.
    Pairs.expectBetter(t, "SOCIAL-FAIL-THEN-INSPECTION", than: "SOCIAL-FAIL")
  }
}

/// An early recertification may keep the old expiry day plus a cycle (ISO/IEC 17021-1
/// 9.6.3.2.3): a new certificate a few weeks past three years is no fake; one a year past is.
@Test func anEarlyRecertificationIsNotAnInvalidPeriod() {
  var t = SensiblePairTests.background()
  SensiblePairTests.add("EARLY", to: &t, certificate: false)
  SensiblePairTests.add("TOO-LONG", to: &t, certificate: false)
  t.certificate("EARLY", issuedDaysAgo: 200, expiresInDays: 3 * 365 - 200 + 48)
  t.certificate("TOO-LONG", issuedDaysAgo: 200, expiresInDays: 4 * 365 - 200)
  let early = t.assessment("EARLY", suggests: false)
  #expect(!early.flags.contains { $0.code == .certInvalidPeriod })
  #expect(early.validStandards.contains("ISO9001"))
  #expect(t.assessment("TOO-LONG", suggests: false).flags.contains { $0.code == .certInvalidPeriod })
}

/// SA8000 certificates run three years, as ISO management systems do: one valid for five is
/// `cert_invalid_period`; a product mark stating five years is not judged by that rule.
@Test func anSA8000CertificateRunsAtMostThreeYears() {
  var t = SensiblePairTests.background()
  SensiblePairTests.add("SA-THREE", to: &t, certificate: false)
  SensiblePairTests.add("SA-FIVE", to: &t, certificate: false)
  SensiblePairTests.add("CE-FIVE", to: &t, certificate: false)
  t.certificate("SA-THREE", "SA8000", issuedDaysAgo: 200, expiresInDays: 3 * 365 - 200)
  t.certificate("SA-FIVE", "SA8000", issuedDaysAgo: 200, expiresInDays: 5 * 365 - 200)
  t.certificate("CE-FIVE", "CE", issuedDaysAgo: 200, expiresInDays: 5 * 365 - 200)
  #expect(!t.assessment("SA-THREE", suggests: false).flags.contains { $0.code == .certInvalidPeriod })
  let five = t.assessment("SA-FIVE", suggests: false)
  let flag = five.flags.first { $0.code == .certInvalidPeriod }
  #expect(flag?.detail.hasPrefix("SA8000 ") == true, "\(five.flags)")
  #expect(!five.validStandards.contains("SA8000"))
  #expect(!t.assessment("CE-FIVE", suggests: false).flags.contains { $0.code == .certInvalidPeriod })
  // SAAS, which accredits SA8000 bodies, counts as an accreditation body does; a made-up one is
  // flagged.
  SensiblePairTests.add("SA-SAAS", to: &t, certificate: false)
  SensiblePairTests.add("SA-UKAS", to: &t, certificate: false)
  SensiblePairTests.add("SA-FAKE", to: &t, certificate: false)
  t.certificate("SA-SAAS", "SA8000", accreditation: "SAAS", issuedDaysAgo: 200, expiresInDays: 800)
  t.certificate("SA-UKAS", "SA8000", accreditation: "UKAS", issuedDaysAgo: 200, expiresInDays: 800)
  t.certificate(
    "SA-FAKE", "SA8000", accreditation: "Fake Accreditation Board", issuedDaysAgo: 200, expiresInDays: 800)
  let saas = t.assessment("SA-SAAS", suggests: false)
  #expect(
    saas.components.certifications == t.assessment("SA-UKAS", suggests: false).components.certifications)
  #expect(!saas.flags.contains { $0.code == .certUnaccredited })
  #expect(t.assessment("SA-FAKE", suggests: false).flags.contains { $0.code == .certUnaccredited })
}

/// A product mark's issuer or accreditation that nobody recognises vouches for nothing: it counts
/// as one not stated, and an unknown issuer does not meet `--require` (black-box review 27 found
/// "foo bar" as accreditation worth full credit and a self-declared CE passing `--require CE`).
@Test func aProductMarksUnknownBodiesCountAsUnstated() {
  var t = SensiblePairTests.background()
  for id in ["NO-ACCREDITATION", "ODD-ACCREDITATION", "UNKNOWN-ISSUER"] {
    SensiblePairTests.add(id, to: &t, certificate: false)
  }
  t.certificate("NO-ACCREDITATION", "CE", body: "TÜV Rheinland", accreditation: nil)
  t.certificate("ODD-ACCREDITATION", "CE", body: "TÜV Rheinland", accreditation: "foo bar")
  t.certificate("UNKNOWN-ISSUER", "CE", body: "self-declared", accreditation: "CNAS")
  let none = t.assessment("NO-ACCREDITATION", suggests: false)
  let odd = t.assessment("ODD-ACCREDITATION", suggests: false)
  let unknown = t.assessment("UNKNOWN-ISSUER", suggests: false)
  #expect(odd.components.certifications == none.components.certifications)
  #expect(none.validStandards.contains("CE") && odd.validStandards.contains("CE"))
  #expect(!unknown.validStandards.contains("CE"))
  #expect((unknown.components.certifications ?? 1) <= (none.components.certifications ?? 0))
}

/// A campaign of new, unverified accounts giving one rating is one however many genuine buyers
/// reviewed on the same days: twelve bought five-star reviews among twelve genuine ones had
/// diluted the window's shares out of sight (black-box review 26). New, unverified buyers with
/// mixed ratings are still no campaign.
@Test func aCampaignAmongGenuineReviewsOfTheSameDaysIsFound() {
  var t = SensiblePairTests.background()
  SensiblePairTests.add("CAMPAIGN", to: &t, reviews: false)
  SensiblePairTests.add("TWIN", to: &t, reviews: false)
  for id in ["CAMPAIGN", "TWIN"] {
    for k in 0..<30 {
      t.review(id, rating: [5, 4, 4][k % 3], daysAgo: 40 + 12 * k, reviewer: "OLD-\(id)-\(k)")
    }
    for k in 0..<12 {
      // Established buyers with a verified purchase elsewhere, reviewing in the same two days.
      t.review("BG-\(k)", rating: 4, daysAgo: 300, reviewer: "EST-\(id)-\(k)")
      t.review(id, rating: [5, 4, 3][k % 3], daysAgo: 10 + k % 2, reviewer: "EST-\(id)-\(k)")
    }
  }
  for k in 0..<12 {
    t.review("CAMPAIGN", rating: 5, daysAgo: 10 + k % 2, verified: false, reviewer: "NEW-\(k)")
  }
  let campaign = t.assessment("CAMPAIGN", suggests: false)
  let flag = campaign.flags.first { $0.code == .reviewBurst }
  #expect(
    flag?.detail.contains("new, unverified accounts giving one rating among genuine reviews") == true,
    "\(flag?.detail ?? "no flag"); suspicious \(campaign.reviews.suspicious)")
  #expect(campaign.reviews.suspicious == 12)
  SensiblePairTests.expectBetter(t, "TWIN", than: "CAMPAIGN")
  // New, unverified buyers with mixed ratings and their own words, in a rush: not a campaign.
  var u = SensiblePairTests.background()
  SensiblePairTests.add("RUSH", to: &u, reviews: false)
  for k in 0..<30 { u.review("RUSH", rating: [5, 4, 4][k % 3], daysAgo: 40 + 12 * k, reviewer: "OLD-\(k)") }
  for k in 0..<20 {
    u.review(
      "RUSH", rating: [5, 5, 4, 4, 3][k % 5], daysAgo: 5 + k % 10, verified: false, reviewer: "BUYER-\(k)",
      text: "My own words number \(k) about order \(k * 7)")
  }
  #expect(
    !u.assessment("RUSH", suggests: false).flags.contains {
      $0.code == .reviewBurst && $0.detail.contains("among genuine")
    })
}

/// A product mark accredited by an accreditation mill earns less than no certificate (an outside
/// test found `UKAF` unlisted, and the CE mark worth the credit of one with no accreditation
/// stated); so do the other mills it found, and the IAS look-alike beside the real IAS.
@Test(arguments: [
  "UKAF", "United Kingdom Accreditation Forum", "UASL", "Global Accreditation Forum", "IAS-Accreditation",
])
func aProductMarkAccreditedByAnAccreditationMillEarnsLessThanNone(mill: String) {
  var t = SensiblePairTests.background()
  for id in ["NONE", "MILL", "REAL-IAS"] {
    SensiblePairTests.add(id, to: &t, certificate: false)
  }
  t.certificate("MILL", "CE", body: "ECM Certification", accreditation: mill)
  t.certificate("REAL-IAS", "CE", body: "ECM Certification", accreditation: "IAS")
  let none = t.assessment("NONE", suggests: false)
  let mark = t.assessment("MILL", suggests: false)
  let real = t.assessment("REAL-IAS", suggests: false)
  #expect((mark.score ?? 100) < (none.score ?? 0), "\(mill)")
  #expect(!mark.validStandards.contains("CE"), "\(mill)")
  #expect(mark.flags.contains { $0.code == .certUnaccredited && $0.severity == .high }, "\(mill)")
  #expect((real.score ?? 0) > (none.score ?? 100))
}

/// A certificate not in force keeps the faults it had: suspended or withdrawn, one from a
/// look-alike or unlisted body, or valid impossibly long, is flagged for that too and costs what
/// the fault costs, so that none scores above the plain suspended one, nor the look-alike one
/// above the same certificate expired (black-box review 144: only `cert_suspended`, and the
/// suspended look-alike scored 20 against 10 expired).
@Test func aCertificateNotInForceKeepsItsBodyAndValidityFaults() throws {
  var t = SensiblePairTests.background()
  let cases:
    [(
      id: String, body: String, accreditation: String, years: Int, status: CertificateStatus, flag: FlagCode?
    )] = [
      ("SUSPENDED", "SGS", "UKAS", 2, .suspended, nil),
      ("SUSPENDED-LOOKALIKE", "SGS", "IAF-AB", 2, .suspended, .certUnaccredited),
      ("SUSPENDED-FIVE-YEARS", "SGS", "UKAS", 5, .suspended, .certInvalidPeriod),
      ("WITHDRAWN-UAF", "SGS", "UAF", 2, .withdrawn, .certUnaccredited),
      ("SUSPENDED-UNLISTED", "Acme Cert Ltd", "UKAS", 2, .suspended, .certUnaccredited),
      ("EXPIRED-LOOKALIKE", "SGS", "IAF-AB", 2, .valid, .certUnaccredited),
    ]
  for c in cases {
    SensiblePairTests.add(c.id, to: &t, certificate: false)
    let expired = c.id.hasPrefix("EXPIRED")
    t.certificate(
      c.id, body: c.body, accreditation: c.accreditation, issuedDaysAgo: expired ? 1_100 : 300,
      expiresInDays: expired ? -370 : 365 * c.years - 300, status: c.status)
  }
  let plain = t.assessment("SUSPENDED", suggests: false)
  #expect(!plain.flags.contains { $0.code == .certUnaccredited || $0.code == .certInvalidPeriod })
  let expiredLookAlike = try #require(t.assessment("EXPIRED-LOOKALIKE", suggests: false).score)
  for c in cases.dropFirst() {
    let a = t.assessment(c.id, suggests: false)
    #expect(a.flags.contains { $0.code == .certSuspended } == (c.status != .valid), "\(c.id)")
    #expect(a.flags.contains { $0.code == c.flag }, "\(c.id): \(a.flags.map(\.code))")
    #expect(try #require(a.score) < #require(plain.score), "\(c.id)")
    if c.id != "SUSPENDED-UNLISTED" && c.status != .valid {
      #expect(try #require(a.score) <= expiredLookAlike, "\(c.id)")
    }
  }
}

/// One more review from an account that already reviewed the supplier, of any age, rating or
/// verification, the same day or another: confidence never falls, a one-star review never raises
/// the score and a five-star one never lowers it. Each of d days weighing d^-0.5, an old second
/// review had lightened the recent first (black-box review 145: a one-star one raised a score
/// 44.2 -> 45.7, a five-star one lowered it, and a same-day unverified copy lowered both).
@Test func oneMoreReviewFromTheSameAccountNeverMovesTheWrongWay() throws {
  func exact(_ t: TestCatalog, _ id: String) throws -> (score: Double, confidence: Double) {
    let a = t.assessment(id, suggests: false)
    return (try #require(a.exactScore), a.confidence)
  }
  for firstRating in [1.0, 3, 5] {
    var base = TestCatalog()
    base.supplier("S") { $0.tradeAssurance = true }
    base.supplier("ELSEWHERE")
    base.review("S", rating: 5, daysAgo: 55, reviewer: "BUYER-1")
    base.review("S", rating: 4, daysAgo: 64, reviewer: "BUYER-2")
    base.review("S", rating: firstRating, daysAgo: 24, reviewer: "REPEAT")
    base.review("ELSEWHERE", rating: 5, daysAgo: 600, reviewer: "REPEAT")
    let before = try exact(base, "S")
    for (rating, daysAgo, verified) in [
      (1.0, 2_875, true), (5, 2_875, true), (1, 24, false), (5, 24, false), (1, 3, true), (5, 3, true),
      (5, 24, true), (1, 400, nil),
    ] as [(Double, Int, Bool?)] {
      var added = base
      added.review("S", rating: rating, daysAgo: daysAgo, verified: verified, reviewer: "REPEAT")
      let after = try exact(added, "S")
      let what =
        "first \(firstRating), + \(rating)★ \(daysAgo) days ago, verified \(String(describing: verified))"
      #expect(after.confidence >= before.confidence, "\(what): \(before) -> \(after)")
      if rating == 1 { #expect(after.score <= before.score, "\(what): \(before) -> \(after)") }
      if rating == 5 { #expect(after.score >= before.score, "\(what): \(before) -> \(after)") }
    }
  }
}

/// A certificate's verdict names the body at fault, and how: a recognised issuer accredited by
/// an unlisted body is not "not from a recognised body" (black-box review 146: SGS blamed for
/// A2LA).
@Test func aCertificateVerdictNamesTheBodyAtFault() {
  var t = SensiblePairTests.background()
  let cases: [(id: String, body: String, accreditation: String, verdict: String)] = [
    ("UNLISTED-ACCREDITOR", "SGS", "A2LA", "accreditation body not recognised"),
    ("LOOKALIKE-ACCREDITOR", "SGS", "IAF-AB", "accredited by a look-alike body"),
    ("UNLISTED-ISSUER", "Acme Cert Ltd", "UKAS", "issuer not recognised"),
    ("BOTH", "Acme Cert Ltd", "UAF", "issuer not recognised, accredited by a look-alike body"),
  ]
  for c in cases {
    SensiblePairTests.add(c.id, to: &t, certificate: false)
    t.certificate(c.id, body: c.body, accreditation: c.accreditation)
  }
  for c in cases {
    let verdicts = t.assessment(c.id, suggests: false).certificates.map(\.verdict)
    #expect(verdicts == [c.verdict], "\(c.id): \(verdicts)")
  }
}

/// More planted complaints than bought praise in the same days do not clear the praise: the
/// window's commonest rating is then one star and it counts as an attack, but its discounted
/// praise, as many reviews as a burst needs, is still held against the supplier. The eleventh
/// complaint beside ten copied five-star reviews had removed the campaign's penalty and warning,
/// +22 points (black-box review 150); one more complaint now never raises the score.
@Test func complaintsPlantedBesideBoughtPraiseNeverClearIt() throws {
  var base = SensiblePairTests.background()
  SensiblePairTests.add("PRAISED", to: &base, reviews: false)
  for k in 0..<30 {
    base.review("BG-\(k % 20)", rating: 4, daysAgo: 400 + k, reviewer: "EST-\(k)")
    base.review("PRAISED", rating: [4, 5, 3][k % 3], daysAgo: 30 + 20 * k, reviewer: "EST-\(k)")
  }
  for k in 0..<10 {
    base.review(
      "PRAISED", rating: 5, daysAgo: 60, verified: false, reviewer: "BOUGHT-\(k)",
      text: "Excellent quality and fast shipping, highly recommend this seller")
  }
  let complaints = [
    "broken on arrival", "late and rude", "cracked parts", "wrong size sent", "missing parts",
  ]
  var previous: Double?
  for count in [0, 5, 10, 11, 14] {
    var t = base
    for k in 0..<count {
      t.review(
        "PRAISED", rating: 1, daysAgo: 60, verified: false, reviewer: "PAN-\(k)",
        text: "\(complaints[k % 5]) and \(complaints[(k + 2) % 5]), order \(k * 37)")
    }
    let a = t.assessment("PRAISED", suggests: false)
    let score = try #require(a.exactScore)
    #expect(
      a.flags.contains { $0.code == .reviewBurst && $0.severity == .high },
      "\(count) complaints: \(a.flags.map { "\($0.code) \($0.severity)" })")
    if let previous { #expect(score <= previous, "\(count) complaints: \(previous) -> \(score)") }
    previous = score
  }
}
