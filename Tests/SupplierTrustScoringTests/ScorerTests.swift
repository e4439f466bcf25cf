import SupplierTrustModel
import Testing

@testable import SupplierTrustScoring

@Suite struct ScorerScenarioTests {
  @Test func threeFiveStarReviewsDoNotBeatFourHundredVerifiedAtFourPointEight() {
    var t = TestCatalog()
    t.supplier("FEW")
    t.supplier("MANY")
    for day in 0..<3 { t.review("FEW", rating: 5, daysAgo: day * 20) }
    for n in 0..<400 { t.review("MANY", rating: n % 5 == 0 ? 4 : 5, daysAgo: n * 2) }
    let run = t.score()
    let few = run.suppliers.first { $0.supplier.id == "FEW" }!
    let many = run.suppliers.first { $0.supplier.id == "MANY" }!
    #expect(many.components.reviews! > few.components.reviews!)
    #expect(many.score! > few.score!)
    #expect(many.confidence > few.confidence)
    #expect(few.flags.contains { $0.code == .fewReviews })
    #expect(!many.flags.contains { $0.code == .fewReviews })
    #expect(run.suppliers.first?.supplier.id == "MANY")
    // The flag names its reviews: their days, and each record, latest first.
    let flag = few.flags.first { $0.code == .fewReviews }
    #expect(flag?.detail == "3 trustworthy reviews (fewer than 5), dated 2026-10-16…2026-11-25")
    #expect(flag?.evidence.map(\.recordID) == ["R-1", "R-2", "R-3"])
  }

  /// A supplier's first reviews move it from where no reviews leave it, in their direction:
  /// whatever the catalog's average, bad reviews never score above none and good ones never
  /// below.
  @Test(arguments: [(5.0, 4.0), (2.0, 1.0)])
  func firstReviewsMoveAScoreTheirWayFromNone(catalogRatings: (Double, Double)) {
    var t = TestCatalog()
    for id in ["NONE", "ONE_BAD", "THREE_BAD", "ONE_GOOD", "THREE_GOOD"] {
      t.supplier(id)
      t.order(id, daysAgo: 60)
    }
    t.supplier("OTHERS")
    for n in 0..<300 {
      t.review("OTHERS", rating: n % 3 == 0 ? catalogRatings.1 : catalogRatings.0, daysAgo: n)
    }
    t.review("ONE_BAD", rating: 1, daysAgo: 10)
    for n in 0..<3 { t.review("THREE_BAD", rating: 1, daysAgo: 10 + n) }
    t.review("ONE_GOOD", rating: 5, daysAgo: 10)
    for n in 0..<3 { t.review("THREE_GOOD", rating: 5, daysAgo: 10 + n) }
    let run = t.score()
    func score(_ id: String) -> Double { run.suppliers.first { $0.supplier.id == id }!.score! }
    #expect(score("ONE_BAD") < score("NONE"))
    #expect(score("THREE_BAD") < score("ONE_BAD"))
    #expect(score("ONE_GOOD") > score("NONE"))
    #expect(score("THREE_GOOD") > score("ONE_GOOD"))
  }

  /// An order that states neither its dates nor whether it was disputed says nothing about
  /// delivery: it must not score as a perfect record, nor above an order shipped on time.
  @Test func anOrderWithoutDatesOrDisputeStatusIsNoDeliveryEvidence() {
    var t = TestCatalog()
    t.supplier("BLANK")
    t.supplier("ON-TIME")
    t.order("BLANK", lateDays: nil, dispute: nil)
    t.catalog.orders[t.catalog.orders.count - 1].record.agreedShipDate = nil
    t.order("ON-TIME", lateDays: 0)
    let run = t.score()
    func assessment(_ id: String) -> SupplierAssessment { run.suppliers.first { $0.supplier.id == id }! }
    #expect(assessment("BLANK").components.delivery == nil)
    #expect(assessment("BLANK").delivery.disputeRate == nil)
    #expect(assessment("ON-TIME").components.delivery != nil)
    #expect((assessment("BLANK").score ?? 0) < assessment("ON-TIME").score!)
  }

  @Test func aSupplierWithNoEvidenceIsUnratedNotPerfectAndNotZero() {
    var t = TestCatalog()
    t.supplier("EMPTY")
    let a = t.assessment("EMPTY")
    #expect(a.score == nil)
    #expect(a.grade == "unrated")
    #expect(a.confidence == 0)
    #expect(a.components == ComponentScores())
    #expect(a.standing == .warned)
  }

  @Test func missingComponentsCountAsNeutralNotAsZeroOrOne() throws {
    var t = TestCatalog()
    t.supplier("S")
    for n in 0..<30 { t.review("S", rating: 4, daysAgo: n * 10) }
    t.supplier("T")
    t.certificate("T", expiresInDays: -10)
    t.supplier("U")
    t.certificate("U")
    let run = t.score()
    let s = run.suppliers.first { $0.supplier.id == "S" }!
    #expect(s.components.certifications == nil)
    #expect(s.components.audits == nil)
    // Reported beside the scores: one lapsed ISO 9001 (0.5 - 0.1) and one valid (0.5 + 0.5 x 0.8:
    // the most relevant standard earns 80% of the credit).
    let average = try #require(run.componentAverages.certifications)
    #expect(abs(average - (0.4 + 0.9) / 2) < 1e-9)
    let w = Policy.default.weights
    let neutral = Policy.default.missingComponentValue
    #expect(neutral == 0.5)
    let expected =
      100 * (w.reviews * s.components.reviews! + w.certifications * neutral) / (w.reviews + w.certifications)
    #expect(abs(s.score! - expected) < 0.06)
    #expect(
      s.factors.contains {
        $0.component == "certifications" && $0.text == "no evidence: counted as neutral (0.50)"
      })
    // Only reviews and certificates exist in this catalog: audits and delivery stay out entirely.
    #expect(run.componentAverages.audits == nil)
  }

  @Test func expiredCertificateWithValidRenewalIsNotFlaggedAndCountsAsCertified() {
    var t = TestCatalog()
    t.supplier("R")
    t.certificate("R", number: "OLD", issuedDaysAgo: 1200, expiresInDays: -60, status: .valid)
    t.certificate("R", number: "OLD/R1", issuedDaysAgo: 70, expiresInDays: 1000)
    let a = t.assessment("R")
    #expect(!a.flags.contains { $0.code == .certExpired })
    #expect(a.validStandards.contains("ISO9001"))
    // Exactly what the renewal alone is worth: the lapsed certificate costs nothing.
    var renewalOnly = TestCatalog()
    renewalOnly.supplier("R")
    renewalOnly.certificate("R", number: "OLD/R1", issuedDaysAgo: 70, expiresInDays: 1000)
    #expect(a.components.certifications == renewalOnly.assessment("R").components.certifications)
    #expect(a.components.certifications == 0.9)
    #expect(a.certificates.first { $0.certification.certificateNumber == "OLD" }?.renewed == true)
  }

  /// Only a renewal that can stand as one supersedes a lapsed certificate: not one valid five
  /// years, nor one naming no issuer (certificate review: both had cleared `cert_expired` and
  /// its penalty); one whose accreditation body is not stated still does.
  @Test func onlyARenewalThatCanStandSupersedesALapsedCertificate() {
    func expired(renewedWith renewal: (inout TestCatalog) -> Void) -> Bool {
      var t = TestCatalog()
      t.supplier("R")
      t.certificate("R", number: "OLD", issuedDaysAgo: 1200, expiresInDays: -60, status: .valid)
      renewal(&t)
      return t.assessment("R").flags.contains { $0.code == .certExpired }
    }
    #expect(expired { $0.certificate("R", number: "FIVE", issuedDaysAgo: 70, expiresInDays: 1750) })
    #expect(
      expired { $0.certificate("R", number: "NOBODY", body: nil, issuedDaysAgo: 70, expiresInDays: 1000) })
    #expect(
      !expired {
        $0.certificate("R", number: "UNSTATED", accreditation: nil, issuedDaysAgo: 70, expiresInDays: 1000)
      })
    #expect(!expired { $0.certificate("R", number: "GOOD", issuedDaysAgo: 70, expiresInDays: 1000) })
    // Nor does one hide a valid certificate's coming expiry (code review).
    var t = TestCatalog()
    t.supplier("R")
    t.certificate("R", number: "SOON", issuedDaysAgo: 1000, expiresInDays: 40)
    t.certificate("R", number: "FIVE", issuedDaysAgo: 300, expiresInDays: 1500)
    #expect(t.assessment("R").flags.contains { $0.code == .certExpiring })
  }

  /// An expired certificate's own faults are flagged too (black-box reviews 52 and 56: an expired
  /// five-year ISO 9001 from a look-alike body was flagged only as expired), without changing
  /// the score, and not when a valid renewal supersedes it.
  @Test func anExpiredCertificateFromALookAlikeOrValidTooLongIsFlaggedSo() throws {
    var t = TestCatalog()
    t.supplier("MILL")
    t.certificate("MILL", number: "UAF-1", accreditation: "UAF", issuedDaysAgo: 1000, expiresInDays: -30)
    t.supplier("LONG")
    t.certificate("LONG", number: "LONG-1", issuedDaysAgo: 365 * 5 + 30, expiresInDays: -30)
    t.supplier("PLAIN")
    t.certificate("PLAIN", number: "PLAIN-1", issuedDaysAgo: 1000, expiresInDays: -30)
    t.supplier("RENEWED")
    t.certificate(
      "RENEWED", number: "UAF-2", accreditation: "UAF", issuedDaysAgo: 365 * 5 + 30, expiresInDays: -30)
    t.certificate("RENEWED", number: "UKAS-2", issuedDaysAgo: 40, expiresInDays: 1000)
    let run = t.score()
    func flags(_ id: String) -> [TrustFlag] { run.suppliers.first { $0.supplier.id == id }!.flags }
    let mill = try #require(flags("MILL").first { $0.code == .certUnaccredited })
    #expect(mill.severity == .high)
    #expect(mill.detail.hasPrefix("ISO9001 UAF-1: accreditation body UAF is a look-alike"), "\(mill.detail)")
    #expect(mill.detail.hasSuffix("; expired \(t.asOf.adding(days: -30))"), "\(mill.detail)")
    #expect(flags("MILL").contains { $0.code == .certExpired })
    let long = try #require(flags("LONG").first { $0.code == .certInvalidPeriod })
    #expect(long.detail.hasSuffix("(it has expired since)"), "\(long.detail)")
    #expect(!flags("PLAIN").contains { $0.code == .certUnaccredited || $0.code == .certInvalidPeriod })
    #expect(
      !flags("RENEWED").contains {
        $0.code == .certUnaccredited || $0.code == .certInvalidPeriod || $0.code == .certExpired
      })
    // A merely unlisted body of a lapsed certificate warns nothing; a renewal that cannot be
    // checked (unknown issuer) does not supersede a look-alike's flag.
    var more = TestCatalog()
    more.supplier("UNLISTED")
    more.certificate(
      "UNLISTED", number: "U-1", body: "Small Local Certs Ltd", accreditation: "Small Local Accreditation",
      issuedDaysAgo: 1000, expiresInDays: -30)
    more.supplier("WEAK-RENEWAL")
    more.certificate(
      "WEAK-RENEWAL", number: "UAF-3", accreditation: "UAF", issuedDaysAgo: 1000, expiresInDays: -30)
    more.certificate(
      "WEAK-RENEWAL", number: "X-3", body: "Small Local Certs Ltd",
      accreditation: "Small Local Accreditation",
      issuedDaysAgo: 20, expiresInDays: 1000)
    let moreRun = more.score()
    let unlisted = moreRun.suppliers.first { $0.supplier.id == "UNLISTED" }!
    #expect(!unlisted.flags.contains { $0.code == .certUnaccredited })
    let weak = moreRun.suppliers.first { $0.supplier.id == "WEAK-RENEWAL" }!
    #expect(weak.flags.contains { $0.code == .certUnaccredited && $0.detail.hasPrefix("ISO9001 UAF-3") })
    // Each fault takes the problem penalty off, as it does in date (black-box review 87 found the
    // expired look-alike worth as much as a plain lapsed certificate, more than one in date).
    let score = { (id: String) in run.suppliers.first { $0.supplier.id == id }!.components.certifications! }
    let penalty = Policy.default.certifications.problemPenalty
    #expect(abs(score("PLAIN") - penalty - score("MILL")) < 1e-9, "\(score("MILL")) vs \(score("PLAIN"))")
    #expect(abs(score("PLAIN") - penalty - score("LONG")) < 1e-9, "\(score("LONG")) vs \(score("PLAIN"))")
  }

  /// Dates the certificate does not state are worked out, not taken as fine (black-box review
  /// 20): no issue day but an expiry more than three years away is too long a validity; no expiry
  /// and an issue day 35 months ago is a certificate lapsing within the warning window.
  @Test func missingDatesAreJudgedFromTheOnesGiven() {
    var t = TestCatalog()
    t.supplier("X")
    t.certificate("X", number: "NO-ISSUE", issuedDaysAgo: nil, expiresInDays: 365 * 3 + 30)
    t.certificate("X", "ISO14001", number: "NO-EXPIRY", issuedDaysAgo: 365 * 3 - 20, expiresInDays: nil)
    let byCode = Dictionary(grouping: t.assessment("X").flags, by: \.code)
    #expect(
      byCode[.certInvalidPeriod]?.first?.detail.hasPrefix("ISO9001 NO-ISSUE states no issue date") == true)
    #expect(
      byCode[.certExpiring]?.first?.detail.hasPrefix("ISO14001 NO-EXPIRY was issued ") == true,
      "\(byCode[.certExpiring] ?? [])")
    // Neither date: unverifiable, some credit, not valid for `--require`.
    var undated = TestCatalog()
    undated.supplier("U")
    undated.certificate("U", number: "NO-DATES", issuedDaysAgo: nil, expiresInDays: nil)
    undated.supplier("D")
    undated.certificate("D", number: "DATED")
    let u = undated.assessment("U")
    #expect(!u.validStandards.contains("ISO9001"))
    #expect(u.components.certifications! < undated.assessment("D").components.certifications!)
    #expect(u.components.certifications! > 0)
    // Within a cycle, neither date missing is a problem.
    var fine = TestCatalog()
    fine.supplier("Y")
    fine.certificate("Y", number: "NO-ISSUE", issuedDaysAgo: nil, expiresInDays: 400)
    #expect(
      !fine.assessment("Y").flags.contains {
        [.certInvalidPeriod, .certExpiring, .certExpired].contains($0.code)
      })
  }

  /// A certificate to a withdrawn standard or edition lapsed with it, whatever it states: expired,
  /// not valid for `--require`; the successor's certificate renews it (black-box review 20).
  @Test func certificatesToWithdrawnStandardsLapsedWithThem() {
    var t = TestCatalog()
    t.supplier("OLD")
    t.certificate("OLD", "ISO9001:2008", number: "Q-2008", issuedDaysAgo: 300, expiresInDays: 700)
    t.supplier("RENEWED")
    t.certificate("RENEWED", "OHSAS18001", number: "H-1", issuedDaysAgo: 2_000, expiresInDays: 700)
    t.certificate("RENEWED", "ISO45001", number: "H-2", issuedDaysAgo: 100, expiresInDays: 900)
    let old = t.assessment("OLD")
    let flag = old.flags.first { $0.code == .certExpired }
    #expect(
      flag?.detail.hasPrefix(
        "ISO9001:2008 Q-2008 is to a withdrawn standard: its certificates lapsed by 2018-09-15 (replaced by ISO 9001:2015)"
      ) == true, "\(old.flags)")
    #expect(!old.validStandards.contains("ISO9001") && !old.validStandards.contains("ISO9001:2008"))
    // Issued years after its edition lapsed: no accredited body issues one (black-box review 42),
    // and the suggestion is a certificate to the successor, not a renewal of the edition.
    let issued = t.asOf.adding(days: -300)
    #expect(
      old.flags.first { $0.code == .certInvalidPeriod }?.detail
        == "ISO9001:2008 Q-2008 was issued \(issued), after certificates to its standard had lapsed (2018-09-15, replaced by ISO 9001:2015): no accredited body issues one",
      "\(old.flags)")
    #expect(
      old.suggestions.contains {
        $0.hasPrefix(
          "a valid ISO9001 certificate from an accredited body in place of ISO9001:2008 Q-2008 (issued \(issued), after its standard lapsed 2018-09-15) would add about "
        )
      }, "\(old.suggestions)")
    // Issued while its edition was current, it lapsed honestly: expired, nothing more.
    t.supplier("HONEST")
    t.certificate("HONEST", "ISO9001:2008", number: "Q-2016", issuedDaysAgo: 3_600, expiresInDays: -2_500)
    let honest = t.assessment("HONEST")
    #expect(honest.flags.contains { $0.code == .certExpired })
    #expect(!honest.flags.contains { $0.code == .certInvalidPeriod }, "\(honest.flags)")
    #expect((honest.components.certifications ?? 0) > (old.components.certifications ?? 0))
    #expect(
      honest.suggestions.contains {
        $0.hasPrefix(
          "a valid ISO9001 certificate from an accredited body in place of ISO9001:2008 Q-2016 (lapsed 2018-09-15 with its standard) would add about "
        )
      }, "\(honest.suggestions)")
    t.supplier("CURRENT")
    t.certificate("CURRENT", "ISO9001", number: "Q-2015", issuedDaysAgo: 300, expiresInDays: 700)
    #expect((old.components.certifications ?? 0) < t.assessment("CURRENT").components.certifications!)
    // Before its edition lapsed, it is its standard: valid for `--require ISO9001` in 2017.
    var early = TestCatalog()
    early.asOf = Day(year: 2017, month: 6, day: 1)!
    early.supplier("OLD")
    early.certificate("OLD", "ISO9001:2008", number: "Q-2008", issuedDaysAgo: 300, expiresInDays: 500)
    #expect(early.assessment("OLD").validStandards.contains("ISO9001"))
    let renewed = t.assessment("RENEWED")
    #expect(!renewed.flags.contains { $0.code == .certExpired })
    #expect(renewed.certificates.first { $0.certification.certificateNumber == "H-1" }?.renewed == true)
    // One issued after its edition lapsed is no lapse a renewal supersedes (code review).
    t.supplier("FORGED")
    t.certificate("FORGED", "OHSAS18001", number: "H-3", issuedDaysAgo: 300, expiresInDays: 700)
    t.certificate("FORGED", "ISO45001", number: "H-4", issuedDaysAgo: 100, expiresInDays: 900)
    let forged = t.assessment("FORGED")
    let h3 = forged.certificates.first { $0.certification.certificateNumber == "H-3" }
    #expect(h3?.renewed == false && h3?.verdict.contains("superseded") == false, "\(String(describing: h3))")
    #expect(forged.flags.contains { $0.code == .certInvalidPeriod })
    #expect((forged.components.certifications ?? 1) < renewed.components.certifications!)
  }

  /// A register's "revoked", "void" or "pending" is kept only as what it is read as: the flag
  /// says so, rather than calling a revoked certificate "withdrawn" or a pending one "suspended"
  /// (outside certificate test).
  @Test(arguments: [
    ("revoked", "withdrawn"), ("Void", "withdrawn"), ("Invalid", "withdrawn"), ("Not valid", "withdrawn"),
    ("Terminated", "withdrawn"), ("Inactive", "withdrawn"), ("Pending", "suspended"), ("Draft", "suspended"),
  ])
  func aStatusReadAsAnotherIsNotReportedAsThatWordAlone(word: String, readAs: String) throws {
    let status = try #require(CertificateStatus(normalizing: word))
    #expect(status.rawValue == readAs)
    var t = TestCatalog()
    t.supplier("X")
    t.certificate("X", number: "R-1", status: status)
    let detail = t.assessment("X").flags.first { $0.code == .certSuspended }?.detail ?? ""
    #expect(!detail.contains(") is \(readAs)") && !detail.contains("R-1 is \(readAs)"), "\(detail)")
    #expect(detail.contains("is not in force: its status is \(readAs) or a word read as it ("), "\(detail)")
    #expect(detail.lowercased().contains(word.lowercased()), "\(detail)")
  }

  @Test func eachCertificateFlagNamesItsEvidence() {
    var t = TestCatalog()
    t.supplier("X")
    t.certificate("X", number: "EXP-1", issuedDaysAgo: 1000, expiresInDays: -10)
    t.certificate("X", "ISO14001", number: "SOON-1", issuedDaysAgo: 900, expiresInDays: 40)
    t.certificate("X", "ISO45001", number: "LONG-1", issuedDaysAgo: 100, expiresInDays: 365 * 5)
    t.certificate("X", "ISO13485", number: "SUS-1", status: .suspended)
    let a = t.assessment("X")
    let byCode = Dictionary(grouping: a.flags, by: \.code)
    let expiry = t.asOf.adding(days: -10)
    #expect(
      byCode[.certExpired]?.first?.detail
        == "ISO9001 EXP-1 expired \(expiry) (issued \(t.asOf.adding(days: -1000)))")
    #expect(byCode[.certExpired]?.first?.severity == .high)
    #expect(
      byCode[.certExpiring]?.first?.detail
        == "ISO14001 SOON-1 expires \(t.asOf.adding(days: 40)) (in 40 days); issued \(t.asOf.adding(days: -900))"
    )
    let issued = t.asOf.adding(days: -100)
    let expires = t.asOf.adding(days: 365 * 5)
    let excess = issued.adding(years: 3).days(until: expires)
    #expect(
      byCode[.certInvalidPeriod]?.first?.detail
        == "ISO45001 LONG-1 is valid \(issued) to \(expires), \(excess) days past the 3 years a management-system certificate runs at most (more than an early recertification's 183 days)"
    )
    #expect(
      byCode[.certSuspended]?.first?.detail
        == "ISO13485 SUS-1 (issued by SGS) is not in force: its status is suspended or a word read as it (on hold, pending, draft); issued 2025-10-21, expires 2028-07-17"
    )
    #expect(byCode[.certExpired]?.first?.evidence.first?.location == "test.csv:2")
  }

  /// Marked expired while its stated expiry is still ahead: the mark decides, and the detail does
  /// not call a future day the day it expired (a black-box review).
  @Test func aCertificateMarkedExpiredEarlySaysSo() {
    var t = TestCatalog()
    t.supplier("M")
    t.certificate("M", number: "MARK-1", issuedDaysAgo: 300, expiresInDays: 700, status: .expired)
    let flag = t.assessment("M").flags.first { $0.code == .certExpired }
    #expect(
      flag?.detail == "ISO9001 MARK-1 is marked expired (it states an expiry of \(t.asOf.adding(days: 700)))")
  }

  @Test func failedAndStaleAuditsAreFlagged() {
    var t = TestCatalog()
    t.supplier("F")
    t.audit("F", result: .pass, daysAgo: 400)
    t.audit("F", result: .fail, daysAgo: 20, major: 3, minor: 7)
    t.supplier("S")
    t.audit("S", result: .pass, daysAgo: 2000)
    let f = t.assessment("F")
    #expect(
      f.flags.contains { $0.code == .auditFailed && $0.detail.contains("fail (3 major, 7 minor findings)") })
    #expect(f.standing >= .warned)
    let s = t.assessment("S")
    #expect(s.flags.contains { $0.code == .auditStale && $0.detail.contains("2000 days old") })
    // An old pass fades toward neutral.
    #expect(s.components.audits! < 0.6)
  }

  @Test func lateShipmentsAndDisputesAreFlaggedFromTheBuyersOwnOrders() {
    var t = TestCatalog()
    t.supplier("L")
    for _ in 0..<4 { t.order("L", lateDays: 25) }
    t.supplier("D")
    t.order("D", dispute: .refunded)
    t.order("D", dispute: .refunded)
    t.order("D")
    let l = t.assessment("L")
    #expect(
      l.flags.first { $0.code == .lateShipments }?.detail.hasPrefix(
        "4 of 4 due orders shipped late (0% on time; threshold 85%)") == true)
    let d = t.assessment("D")
    #expect(
      d.flags.contains {
        $0.code == .disputeHistory && $0.detail.hasPrefix("2 of 3 orders disputed or refunded (67%")
      })
    #expect(l.delivery.late == 4)
  }

  @Test func recognisedBodiesGiveMoreThanUnknownOnes() {
    var t = TestCatalog()
    t.supplier("GOOD")
    t.certificate("GOOD")
    t.supplier("NONE")
    t.certificate("NONE", body: nil, accreditation: nil)
    let good = t.assessment("GOOD")
    let none = t.assessment("NONE")
    #expect(good.components.certifications! > none.components.certifications!)
  }

  /// An empty status is unknown, not "valid": the same value (the dates decide it) with less
  /// confidence than the twin whose certificate states it (black-box review 35).
  @Test func anEmptyCertificateStatusLowersConfidenceNotValue() {
    var t = TestCatalog()
    t.supplier("STATED")
    t.certificate("STATED")
    t.supplier("EMPTY")
    t.certificate("EMPTY", status: nil)
    let stated = t.assessment("STATED")
    let empty = t.assessment("EMPTY")
    #expect(stated.components.certifications == empty.components.certifications)
    #expect(empty.evidenceShares.certifications!.isLess(than: stated.evidenceShares.certifications!))
    #expect(empty.confidence < stated.confidence)
    #expect(empty.validStandards == stated.validStandards)
  }

  @Test func weakestLinkTakesTheWorstComponent() {
    var t = TestCatalog()
    t.supplier("W") { $0.tradeAssurance = false }
    for n in 0..<50 { t.review("W", rating: 5, daysAgo: n) }
    var policy = Policy()
    policy.aggregation = .weakestLink
    let a = t.assessment("W", policy)
    let minimum = a.components.all.compactMap(\.value).min()!
    #expect(abs(a.score! - 100 * minimum) < 0.06)
  }

  /// Under the weakest link the explanation still adds up: the weakest component's factor carries
  /// the points from 50 and says so, the others none (every factor had shown 0: black-box review
  /// 48); a missing component that is the weakest carries them as its "no evidence" factor.
  @Test func weakestLinkFactorsAddUpToTheScore() throws {
    var t = TestCatalog()
    t.supplier("W") { $0.tradeAssurance = true }
    for n in 0..<50 { t.review("W", rating: 4.2, daysAgo: n) }
    t.certificate("W")
    t.audit("W", result: .pass, daysAgo: 30)
    t.supplier("BARE") { $0.tradeAssurance = true }
    var policy = Policy()
    policy.aggregation = .weakestLink
    for id in ["W", "BARE"] {
      let a = t.assessment(id, policy)
      let score = try #require(a.score)
      let total = 50 + a.factors.reduce(0) { $0 + $1.points }
      #expect(abs(total - score) < 0.11, "\(id): \(a.factors.map { ($0.component, $0.points) })")
      let weakest = a.factors.filter { $0.text.hasSuffix("(the weakest component: it sets the score)") }
      #expect(weakest.count == 1, "\(id): \(a.factors.map { ($0.component, $0.points) })")
      #expect(abs(50 + (weakest.first?.points ?? 0) - score) < 0.11)
      #expect(a.factors.filter { $0.points != 0 }.count <= 1)
    }
  }

  /// Scores equal in exact arithmetic tie, and the tie goes by the weighted mean: an on-time rate
  /// at exactly its threshold came out a hair under the neutral value, so a supplier whose weakest
  /// link "was" delivery ranked below one at the same 50 with a lower weighted mean (black-box
  /// review 77).
  @Test func weakestLinkTiesAreNotDecidedByRoundingNoise() throws {
    var t = TestCatalog()
    t.supplier("LOWER-MEAN") {
      $0.tradeAssurance = true
      $0.tradeAssuranceLimit = Money(cents: 10_000_000)
      $0.verifiedSupplier = true
      $0.businessLicenseVerified = true
      $0.yearEstablished = 2010
      $0.goldSupplierSince = 2012
      $0.responseRate = 0.95
    }
    t.supplier("HIGHER-MEAN") {
      $0.tradeAssurance = true
      $0.tradeAssuranceLimit = Money(cents: 100_000_000)
      $0.verifiedSupplier = true
      $0.businessLicenseVerified = true
      $0.onTimeDeliveryRate = 0.85
      $0.transactions12m = 2
      $0.yearEstablished = 2005
      $0.goldSupplierSince = 2008
      $0.responseRate = 0.99
    }
    t.certificate("HIGHER-MEAN", accreditation: "CNAS")
    t.review("LOWER-MEAN", rating: 5, daysAgo: 55)
    t.review("HIGHER-MEAN", rating: 5, daysAgo: 54)
    t.review("HIGHER-MEAN", rating: 5, daysAgo: 53)
    var policy = Policy()
    policy.aggregation = .weakestLink
    let run = t.score(policy, suggests: false)
    let higher = try #require(run.suppliers.first { $0.supplier.id == "HIGHER-MEAN" })
    let lower = try #require(run.suppliers.first { $0.supplier.id == "LOWER-MEAN" })
    #expect(higher.exactScore == lower.exactScore)
    #expect(higher.meanScore! > lower.meanScore!)
    #expect(run.suppliers.first?.supplier.id == "HIGHER-MEAN")
  }

  /// A missing component is neutral in the weakest link too, never good: a supplier without an
  /// audit scored above its twin with a conditional one, and a bare profile at 99.9 (black-box
  /// review 35).
  @Test func weakestLinkCountsAMissingComponentAsNeutral() {
    var t = TestCatalog()
    for id in ["AUDITED", "UNAUDITED"] {
      t.supplier(id) { $0.tradeAssurance = true }
      t.certificate(id)
      for n in 0..<60 { t.review(id, rating: 4.8, daysAgo: n * 5) }
    }
    t.audit("AUDITED", result: .conditional, daysAgo: 60, minor: 3)
    t.supplier("PROFILE") {
      $0.tradeAssurance = true
      $0.goldSupplierSince = 2012
      $0.verifiedSupplier = true
      $0.businessLicenseVerified = true
      $0.responseRate = 0.99
    }
    var policy = Policy()
    policy.aggregation = .weakestLink
    let run = t.score(policy)
    let by = Dictionary(uniqueKeysWithValues: run.suppliers.map { ($0.supplier.id, $0) })
    let audited = by["AUDITED"]!
    let unaudited = by["UNAUDITED"]!
    #expect(audited.components.audits! > policy.missingComponentValue)
    #expect(unaudited.components.audits == nil)
    #expect(unaudited.score! <= 100 * policy.missingComponentValue + 0.05)
    #expect(audited.score! > unaudited.score!)
    #expect(by["PROFILE"]!.score! <= 100 * policy.missingComponentValue + 0.05)
  }

  /// Suppliers whose weakest components tie are ordered by the mean of the rest: one better on
  /// every count comes first whatever the ids say.
  @Test func weakestLinkTiesGoToTheBetterSupplierOtherwise() {
    var t = TestCatalog()
    for id in ["A-WORSE", "B-BETTER"] {
      t.supplier(id) { $0.tradeAssurance = id == "B-BETTER" }
      for n in 0..<40 { t.review(id, rating: 4.6, daysAgo: n * 7) }
      // The same failed audit: the weakest link of both.
      t.audit(id, result: .fail, daysAgo: 30, major: 2)
    }
    var policy = Policy()
    policy.aggregation = .weakestLink
    let run = t.score(policy)
    let ids = run.suppliers.map(\.supplier.id)
    let worse = run.suppliers.first { $0.supplier.id == "A-WORSE" }!
    let better = run.suppliers.first { $0.supplier.id == "B-BETTER" }!
    #expect(worse.score == better.score)
    #expect(better.meanScore! > worse.meanScore!)
    #expect(ids.firstIndex(of: "B-BETTER")! < ids.firstIndex(of: "A-WORSE")!)
    #expect(Scorer.rankOrder(better, worse) && !Scorer.rankOrder(worse, better))
  }

  /// An order delivered after the as-of day with no ship date stated shipped some day before
  /// that, perhaps in time: it is not counted as unshipped and late, as one with no delivery is
  /// (black-box review 86).
  @Test func anOrderDeliveredAfterTheAsOfDayWithoutAShipDateIsNotCountedLate() throws {
    var t = TestCatalog()
    for id in ["ARRIVING", "UNSHIPPED"] {
      t.supplier(id)
      for _ in 0..<3 { _ = t.order(id, lateDays: nil, daysAgo: 54) }
    }
    for k in t.catalog.orders.indices where t.catalog.orders[k].record.supplierID == "ARRIVING" {
      t.catalog.orders[k].record.deliveredDate = t.asOf.adding(days: 6)
    }
    let run = t.score()
    let arriving = try #require(run.suppliers.first { $0.supplier.id == "ARRIVING" })
    let unshipped = try #require(run.suppliers.first { $0.supplier.id == "UNSHIPPED" })
    #expect(unshipped.flags.contains { $0.code == .lateShipments })
    #expect(!arriving.flags.contains { $0.code == .lateShipments })
    #expect(arriving.delivery.late == 0 && unshipped.delivery.late == 3)
  }

  /// A blocked supplier (grade E here) ranks after one nobody knows anything about, and blocked
  /// ones keep their score order among themselves (black-box review 85 found a blocked supplier
  /// ranked first, above an unrated one).
  @Test func blockedSuppliersRankAfterUnratedOnes() throws {
    var t = TestCatalog()
    t.supplier("A-BLOCKED") { $0.tradeAssurance = true }
    t.certificate("A-BLOCKED", status: .suspended)
    t.audit("A-BLOCKED", result: .fail, daysAgo: 80, major: 5, minor: 8, score: 40)
    _ = t.order("A-BLOCKED", lateDays: 49, daysAgo: 200, dispute: .refunded)
    t.supplier("B-BLOCKED")
    t.certificate("B-BLOCKED", status: .suspended)
    t.audit("B-BLOCKED", result: .fail, daysAgo: 80, major: 9, minor: 20, score: 10)
    _ = t.order("B-BLOCKED", lateDays: 60, daysAgo: 200, dispute: .refunded)
    t.supplier("C-UNRATED")
    let run = t.score()
    let blocked = try #require(run.suppliers.first { $0.supplier.id == "A-BLOCKED" })
    let worse = try #require(run.suppliers.first { $0.supplier.id == "B-BLOCKED" })
    let unrated = try #require(run.suppliers.first { $0.supplier.id == "C-UNRATED" })
    #expect(blocked.standing == .blocked && worse.standing == .blocked && unrated.score == nil)
    #expect(blocked.score! > worse.score!)
    #expect(run.suppliers.map(\.supplier.id) == ["C-UNRATED", "A-BLOCKED", "B-BLOCKED"])
    #expect(Scorer.rankOrder(unrated, blocked) && !Scorer.rankOrder(blocked, unrated))
    #expect(Scorer.rankOrder(blocked, worse))
  }

  /// A partial refund is less of a failure than a full one: half a dispute plus half its share
  /// of the order (black-box review 35 found $500 of $12,000 weighed as a full refund). The flag
  /// still counts the dispute.
  @Test func partialRefundsWeighByTheirShareOfTheOrder() {
    var t = TestCatalog()
    for (id, refund) in [("SMALL", 500), ("WHOLE", 12_000), ("FULL", 12_000)] {
      t.supplier(id)
      for _ in 0..<4 { t.order(id, amount: 12_000) }
      for _ in 0..<2 {
        let order = t.order(id, amount: 12_000, dispute: id == "FULL" ? .refunded : .partiallyRefunded)
        let k = t.catalog.orders.firstIndex { $0.record.id == order }!
        t.catalog.orders[k].record.refund = Money(cents: Int64(refund) * 100)
      }
    }
    let small = t.assessment("SMALL")
    let whole = t.assessment("WHOLE")
    let full = t.assessment("FULL")
    #expect(abs(small.delivery.disputeWeight - 2 * (0.5 + 0.5 * 500 / 12_000)) < 1e-9)
    #expect(whole.delivery.disputeWeight == 2 && full.delivery.disputeWeight == 2)
    #expect(small.components.delivery! > whole.components.delivery!)
    #expect(whole.components.delivery == full.components.delivery)
    for a in [small, whole, full] {
      #expect(a.delivery.disputed == 2)
      #expect(a.flags.contains { $0.code == .disputeHistory })
    }
    // A refund paid without an upheld dispute weighs its share alone: never more than the same
    // refund after a dispute (review of the change found it counted as a full dispute).
    for status in [DisputeStatus.none, .withdrawn, .rejected] {
      var u = TestCatalog()
      u.supplier("GOODWILL")
      for _ in 0..<4 { u.order("GOODWILL", amount: 12_000) }
      let order = u.order("GOODWILL", amount: 12_000, dispute: status)
      let k = u.catalog.orders.firstIndex { $0.record.id == order }!
      u.catalog.orders[k].record.refund = Money(cents: 50_000)
      let goodwill = u.assessment("GOODWILL")
      #expect(abs(goodwill.delivery.disputeWeight - 500.0 / 12_000) < 1e-9, "\(status)")
      var v = TestCatalog()
      v.supplier("PARTIAL")
      for _ in 0..<4 { v.order("PARTIAL", amount: 12_000) }
      let disputed = v.order("PARTIAL", amount: 12_000, dispute: .partiallyRefunded)
      let m = v.catalog.orders.firstIndex { $0.record.id == disputed }!
      v.catalog.orders[m].record.refund = Money(cents: 50_000)
      #expect(goodwill.components.delivery! > v.assessment("PARTIAL").components.delivery!, "\(status)")
    }
  }

  @Test func suggestionsAreWorkedOutByRescoring() {
    var t = TestCatalog()
    t.supplier("E") { $0.tradeAssurance = true }
    t.certificate("E", number: "Q-1", issuedDaysAgo: 1200, expiresInDays: -30)
    for n in 0..<10 { t.review("E", rating: 4.5, daysAgo: n * 30) }
    let a = t.assessment("E")
    let renew = a.suggestions.first { $0.hasPrefix("renewing ISO9001 Q-1") }
    #expect(renew != nil)
    #expect(
      a.suggestions.contains {
        $0.hasPrefix("about ")
          && $0.contains(
            "more recent verified reviews of 4.5★ each from established buyers would raise confidence")
      })
  }

  /// A more lenient `dispute_threshold` never lowers a supplier's delivery component (black-box
  /// review 92: shares drawn toward the threshold itself made a much-disputed supplier lose as it
  /// rose, 0.514 at 0.01 to 0.388 at 0.2).
  @Test func aMoreLenientDisputeThresholdNeverLowersDelivery() throws {
    var t = TestCatalog()
    t.supplier("S")
    for k in 0..<8 { _ = t.order("S", daysAgo: 100 + k, dispute: k < 4 ? .refunded : DisputeStatus.none) }
    var previous = -1.0
    for threshold in [0.01, 0.05, 0.1, 0.15, 0.2, 0.25] {
      var policy = Policy()
      policy.delivery.disputeThreshold = threshold
      let delivery = try #require(t.assessment("S", policy).components.delivery)
      #expect(delivery >= previous - 1e-12, "\(threshold): \(delivery) after \(previous)")
      previous = delivery
    }
    // A threshold under `prior_dispute_rate` is allowed (black-box review 97: refused), and one
    // clean order still counts above no record.
    var strict = Policy()
    strict.delivery.disputeThreshold = 0.01
    var clean = TestCatalog()
    clean.supplier("CLEAN")
    _ = clean.order("CLEAN")
    #expect(
      try #require(clean.assessment("CLEAN", strict).components.delivery) >= strict.missingComponentValue)
    #expect(
      (try? PolicyFile.parse("{\"delivery\": {\"dispute_threshold\": 0.01}}", file: "p.json")) != nil)
  }

  /// Two flags of one code give one standing reason (black-box review 93: two shared certificates
  /// said "cert_shared (medium) is warned" twice).
  @Test func aStandingReasonIsGivenOncePerCode() throws {
    var t = TestCatalog()
    for id in ["A", "B"] {
      t.supplier(id)
      t.certificate(id, number: "QMS-7781")
      t.certificate(id, "ISO14001", number: "EMS-7782")
    }
    let a = t.assessment("A")
    #expect(a.flags.filter { $0.code == .certShared }.count == 2)
    #expect(a.standingReasons.filter { $0.hasPrefix("cert_shared") } == ["cert_shared (medium) is warned"])
  }

  /// A flag that is always low takes the standing a policy gives it; an attack's low-severity
  /// `review_burst` still warns nobody (black-box review 92: `few_reviews: blocked` was accepted
  /// and ignored).
  @Test func aPolicyCanGiveAnAlwaysLowFlagAStanding() throws {
    var t = TestCatalog()
    t.supplier("FEW") { $0.tradeAssurance = true }
    t.review("FEW", rating: 5)
    t.certificate("FEW")
    t.audit("FEW", daysAgo: 30)
    var policy = Policy()
    #expect(t.assessment("FEW", policy).flags.contains { $0.code == .fewReviews })
    #expect(t.assessment("FEW", policy).standing == .ok)
    policy.flagStanding["few_reviews"] = .blocked
    let blocked = t.assessment("FEW", policy)
    #expect(blocked.standing == .blocked)
    #expect(blocked.standingReasons.contains("few_reviews (low) is blocked"), "\(blocked.standingReasons)")
  }

  /// A pass and a failure on the same day: the failure stands, whichever id sorts last (black-box
  /// review 90: swapping the two ids turned a blocked supplier into an A).
  @Test func sameDayAuditsAreNotDecidedByTheirIDs() throws {
    var scores: [Double] = []
    for (passID, failID) in [("AUD-9", "AUD-10"), ("AUD-10", "AUD-9")] {
      var t = TestCatalog()
      t.supplier("S") { $0.tradeAssurance = true }
      for n in 0..<10 { t.review("S", rating: 4.5, daysAgo: n * 30) }
      t.audit("S", daysAgo: 20)
      t.audit("S", result: .fail, daysAgo: 20, major: 3)
      t.catalog.audits[0].record.id = passID
      t.catalog.audits[1].record.id = failID
      let a = t.assessment("S")
      #expect(a.flags.contains { $0.code == .auditFailed }, "\(passID) pass, \(failID) fail")
      scores.append(a.score!)
    }
    #expect(scores[0] == scores[1])
    // Two passes of one day: the one that found more counts as the later, whatever the ids
    // (black-box review 95).
    var passes: [Double] = []
    for (goodID, poorID) in [("AUD-1", "AUD-2"), ("AUD-2", "AUD-1")] {
      var t = TestCatalog()
      t.supplier("S") { $0.tradeAssurance = true }
      for n in 0..<10 { t.review("S", rating: 4.5, daysAgo: n * 30) }
      t.audit("S", daysAgo: 20, score: 98)
      t.audit("S", daysAgo: 20, major: 2, minor: 6, score: 70)
      t.catalog.audits[0].record.id = goodID
      t.catalog.audits[1].record.id = poorID
      passes.append(t.assessment("S").score!)
    }
    #expect(passes[0] == passes[1])
  }

  /// After a failed social-compliance audit, the audit suggested is that scope's re-audit, which
  /// clears `audit_failed`, and its points are what adding it gives (black-box review 88 was
  /// offered an on-site audit, which leaves the failure standing).
  @Test func theAuditSuggestedRedoesTheFailedScope() throws {
    var t = TestCatalog()
    t.supplier("S") { $0.tradeAssurance = true }
    for n in 0..<10 { t.review("S", rating: 4.5, daysAgo: n * 30) }
    t.audit("S", daysAgo: 300)
    t.audit("S", result: .fail, daysAgo: 60, major: 2)
    let failedID = t.catalog.audits[1].record.id
    t.catalog.audits[1].record.kind = .socialCompliance
    let before = t.assessment("S")
    #expect(before.flags.contains { $0.code == .auditFailed })
    let words =
      "a passed social-compliance audit by a recognised auditor (e.g. SGS), redoing the failed \(failedID) of \(t.asOf.adding(days: -60)), would add about "
    let promised = try promisedNumber(in: before.suggestions, after: words)
    var after = t
    var redo = Audit(id: "REDO", supplierID: "S", kind: .socialCompliance, date: t.asOf, result: .pass)
    redo.auditor = "SGS"
    redo.majorFindings = 0
    redo.minorFindings = 0
    after.catalog.audits.append(Sourced(redo, source: TestCatalog.here))
    let rescored = after.assessment("S")
    #expect(!rescored.flags.contains { $0.code == .auditFailed })
    #expect(
      abs(rescored.score! - before.score! - promised) <= 1,
      "\(rescored.score!) vs \(before.score!) + \(promised)")
  }

  /// The delivery suggestion's points are what its orders give when added and scored again, read
  /// as worded: on time, inspected and passed, without a dispute (they had been worked out
  /// uninspected, and a supplier with failed inspections gained 3 to 5 points more than it was
  /// told: black-box review 48).
  @Test func deliverySuggestionHoldsWhenItsOrdersAreAdded() throws {
    var t = TestCatalog()
    t.supplier("LATE") {
      $0.tradeAssurance = true
      $0.onTimeDeliveryRate = 0.74
      $0.transactions12m = 47
    }
    for n in 0..<10 { t.review("LATE", rating: 4.4, daysAgo: n * 20) }
    // One order, late, failed inspection and refunded (the sample's SUP-0025).
    _ = t.order("LATE", amount: 980, lateDays: 4, daysAgo: 133, dispute: .refunded)
    t.catalog.orders[0].record.inspectionResult = .fail
    t.catalog.orders[0].record.refund = Money(cents: 98_000)
    let before = t.assessment("LATE")
    let words =
      "shipping the next 5 orders on time, passing inspection and without a dispute, would add about "
    let promised = try promisedNumber(in: before.suggestions, after: words)
    var after = t
    after.nextOrdersGoWell("LATE")
    let gained = try #require(after.assessment("LATE").score) - (try #require(before.score))
    #expect(abs(gained - promised) <= 1, "promised about \(promised), gained \(gained)")
  }

  /// An order neither shipped nor delivered, its agreed ship day still to come, has no inspection
  /// to count yet, whatever the file says (black-box review 64: changing such an order's
  /// inspection from pass to fail took a supplier from 85.4 to 80.1). Past its agreed day it is
  /// late: a failed inspection counts against it, a passed one not for it (code review). An
  /// order stating no day at all counts its result.
  @Test func anOrderNotYetDueCountsNoInspection() throws {
    func delivery(_ result: InspectionResult, agreedInDays: Int?) -> (Double?, Double?) {
      var t = TestCatalog()
      t.supplier("S") { $0.tradeAssurance = true }
      for n in 0..<3 { _ = t.order("S", amount: 1_000, lateDays: 0, daysAgo: 60 + n * 30) }
      var o = Order(
        id: "OPEN", supplierID: "S", orderDate: t.asOf.adding(days: -20), amount: Money(cents: 500_000))
      o.agreedShipDate = agreedInDays.map { t.asOf.adding(days: $0) }
      o.inspectionResult = result
      t.catalog.orders.append(Sourced(o, source: SourceRef(file: 0, line: 900)))
      let a = t.assessment("S")
      return (a.components.delivery, a.score)
    }
    let notDue = delivery(.pass, agreedInDays: 2)
    #expect(delivery(.fail, agreedInDays: 2) == notDue)
    #expect(delivery(.notInspected, agreedInDays: 2) == notDue)
    // Overdue and never shipped: late; its failure counts against it, its pass not for it.
    let overdue = try #require(delivery(.pass, agreedInDays: -2).0)
    #expect(delivery(.notInspected, agreedInDays: -2).0 == overdue)
    #expect(try #require(delivery(.fail, agreedInDays: -2).0) < overdue)
    let undated = try #require(delivery(.fail, agreedInDays: nil).0)
    #expect(undated < (try #require(delivery(.pass, agreedInDays: nil).0)))
  }

  /// A certificate of another standard than the most relevant one with a fault of its own is
  /// suggested for renewal or replacement too, and the points hold when it is replaced (black-box
  /// review 100: an IATF 16949 from a look-alike body and a suspended ISO 14001 went unsaid).
  @Test func otherFaultyCertificatesAreSuggestedAndTheirPointsHold() throws {
    var t = TestCatalog()
    t.supplier("S-1") { $0.categories = ["Auto parts"] }
    t.certificate("S-1", "ISO9001", number: "Q-1")
    t.certificate("S-1", "IATF16949", number: "AUTO-1", accreditation: "ACCAB")
    t.certificate("S-1", "ISO14001", number: "ENV-1", status: .suspended)
    for k in 0..<12 { t.review("S-1", rating: 4.4, daysAgo: 20 * k) }
    let before = t.assessment("S-1")
    for (index, words) in [
      (
        1,
        "replacing IATF16949 AUTO-1 (accreditation body ACCAB is a look-alike) with a valid certificate from an accredited body would add about "
      ),
      (
        2,
        "replacing ISO14001 ENV-1 (suspended) with a valid certificate from an accredited body would add about "
      ),
    ] {
      let promised = try promisedNumber(in: before.suggestions, after: words)
      var after = t
      after.catalog.certifications[index].record.accreditationBody = "UKAS"
      after.catalog.certifications[index].record.certificationBody = "SGS"
      after.catalog.certifications[index].record.status = .valid
      after.catalog.certifications[index].record.issuedOn = t.asOf
      after.catalog.certifications[index].record.expiresOn = t.asOf.adding(years: 3).adding(days: -1)
      let gained = after.assessment("S-1").score! - before.score!
      #expect(promised >= 1 && abs(gained - promised) <= 1, "promised about \(promised), gained \(gained)")
    }
    // A valid certificate has nothing to fix.
    #expect(!before.suggestions.contains { $0.contains("ISO9001 Q-1") })
  }

  /// Of two lapsed certificates of one standard, the renewal suggested follows the one that
  /// expired last, whichever number sorts first (black-box review 140 was told to renew the older
  /// of two lapsed BSCI certificates, LRQ B95632754 before LRQ B95632755).
  @Test(arguments: [("LRQ B-54", "LRQ B-55"), ("LRQ B-55", "LRQ B-54")])
  func theRenewalNamesTheCertificateThatLapsedLast(olderNumber: String, laterNumber: String) throws {
    var t = TestCatalog()
    t.supplier("S-1") { $0.categories = ["Men's Clothing"] }
    t.certificate(
      "S-1", "BSCI", number: olderNumber, body: "LRQA", accreditation: nil, issuedDaysAgo: 1_152,
      expiresInDays: -786, status: .expired)
    t.certificate(
      "S-1", "BSCI", number: laterNumber, body: "LRQA", accreditation: nil, issuedDaysAgo: 783,
      expiresInDays: -419)
    let suggestions = t.assessment("S-1").suggestions
    #expect(suggestions.contains { $0.hasPrefix("renewing BSCI \(laterNumber) (expired ") }, "\(suggestions)")
    #expect(!suggestions.contains { $0.contains("BSCI \(olderNumber)") }, "\(suggestions)")
  }

  /// The confidence suggestion says what its reviews would do to the score: at a rating below what
  /// the component stands on they lower it, which had gone unsaid (black-box review 100 measured
  /// -1.4 to -3.6 where only confidence was promised).
  @Test func confidenceSuggestionSaysWhatItDoesToTheScore() throws {
    var t = TestCatalog()
    // Enough other reviews that the ones added barely move the catalog's mean (the prior).
    t.supplier("HIGH")
    for k in 0..<3_000 { t.review("HIGH", rating: k % 3 == 0 ? 4 : 5, daysAgo: k % 700) }
    t.supplier("LOW")
    for k in 0..<12 { t.review("LOW", rating: k % 2 == 0 ? 3 : 2, daysAgo: 25 * k) }
    let before = t.assessment("LOW")
    let words = try #require(
      before.suggestions.first { $0.hasPrefix("about ") && $0.contains("would raise confidence") })
    let n = try #require(Int(words.dropFirst("about ".count).prefix { $0.isNumber }))
    let marker = " but lower the score by about "
    let range = try #require(words.range(of: marker), "\(words)")
    let promised = try #require(Double(words[range.upperBound...].prefix { $0.isNumber }))
    let rating = try #require(Double(words.split(separator: " ")[7].dropLast()))
    var after = t
    after.supplier("ELSEWHERE")
    for k in 0..<n {
      after.review("ELSEWHERE", rating: 4, daysAgo: 300, reviewer: "BUYER-\(k)")
      after.review("LOW", rating: rating, daysAgo: 0, reviewer: "BUYER-\(k)")
    }
    let lost = before.score! - after.assessment("LOW").score!
    #expect(promised >= 1 && abs(lost - promised) <= 1, "promised about \(promised), lost \(lost): \(words)")
  }

  /// "About N more recent verified reviews of X★ each" holds when N reviews of exactly X★ are
  /// added, whatever the supplier's buyers gave before: steady, polarised, or in a catalog
  /// spread far wider (black-box review 140 added them so; a promise worked out with the
  /// supplier's own spread was 1-3 points off for polarised suppliers).
  @Test(arguments: [(5.0, 4.0, 4.0), (5.0, 3.0, 3.0), (5.0, 1.0, 3.0), (4.5, 4.5, 4.5), (5.0, 4.0, 1.0)])
  func moreReviewsOfTheRatingSaidKeepThePromise(high: Double, low: Double, othersLow: Double) throws {
    var t = TestCatalog()
    t.supplier("OTHERS")
    for k in 0..<3_000 { t.review("OTHERS", rating: k % 2 == 0 ? high : othersLow, daysAgo: k % 700) }
    t.supplier("S")
    for k in 0..<10 { t.review("S", rating: k % 2 == 0 ? high : low, daysAgo: 30 * k + 10) }
    let before = t.assessment("S")
    let words = try #require(
      before.suggestions.first { $0.hasPrefix("about ") && $0.contains("would raise confidence") })
    let n = try #require(Int(words.dropFirst("about ".count).prefix { $0.isNumber }))
    let rating = try #require(
      words.range(of: " reviews of ").flatMap { Double(words[$0.upperBound...].prefix { $0 != "★" }) },
      "\(words)")
    #expect(words.contains("★ each from established buyers"), "\(words)")
    func promised(_ marker: String) throws -> Double? {
      try words.range(of: marker).map { try #require(Double(words[$0.upperBound...].prefix { $0.isNumber })) }
    }
    let promise =
      try promised(" and add about ") ?? promised(" but lower the score by about ").map { -$0 } ?? 0
    var after = t
    after.supplier("ELSEWHERE")
    for k in 0..<n {
      after.review("ELSEWHERE", rating: 4, daysAgo: 300, reviewer: "BUYER-\(k)")
      after.review("S", rating: rating, daysAgo: 0, reviewer: "BUYER-\(k)")
    }
    let gained = after.assessment("S").score! - before.score!
    #expect(
      abs(gained - promise) < max(0.6, 0.1 * abs(promise)),
      "promised about \(promise), gained \(gained): \(words)")
  }

  /// An unrated supplier is told the score a change would give it (it had been offered only
  /// confidence; black-box review 102), and the score holds when the change is made.
  @Test func anUnratedSupplierIsToldTheScoreAChangeWouldGiveIt() throws {
    var t = TestCatalog()
    t.supplier("RATED")
    for k in 0..<10 { t.review("RATED", rating: 4.5, daysAgo: 20 * k) }
    t.supplier("NONE")
    let before = t.assessment("NONE")
    #expect(before.score == nil)
    let words =
      "shipping the next 5 orders on time, passing inspection and without a dispute, would give it a score of about "
    let promised = try promisedNumber(in: before.suggestions, after: words)
    var after = t
    after.nextOrdersGoWell("NONE")
    let scored = try #require(after.assessment("NONE").score)
    #expect(abs(scored - promised) <= 1, "promised about \(promised), scored \(scored)")
    #expect(
      before.suggestions.contains {
        $0.hasPrefix("about ") && $0.contains("would raise confidence")
          && $0.contains(" and give it a score of about ")
      })
  }

  /// A conditional latest audit is offered a passed one (black-box review 102: a pass added 7
  /// points, and nothing was suggested).
  @Test func aConditionalAuditIsOfferedAPass() throws {
    let (promised, gained) = try promiseOfAPass(after: .conditional, daysAgo: 60)
    #expect(promised >= 1 && abs(gained - promised) <= 1, "promised about \(promised), gained \(gained)")
    var t = TestCatalog()
    // After a pass with findings, a pass without them (black-box review 113: "a passed on-site
    // audit" had been offered to a supplier that had one).
    t.supplier("S-2")
    for k in 0..<10 { t.review("S-2", rating: 4.5, daysAgo: 20 * k) }
    t.audit("S-2", result: .pass, daysAgo: 60, major: 1, minor: 4)
    #expect(
      t.assessment("S-2").suggestions.contains {
        $0.hasPrefix(
          "a passed on-site audit without findings by a recognised auditor (e.g. SGS) would add about ")
      })
  }

  /// A pass promised beside an audit of the as-of day is worked out in the order the component
  /// reads them (a worse result of the same day stays the latest), so the promise holds when
  /// the pass is added (black-box review 123: 16 points promised, 3.8 gained).
  @Test func aPassPromisedBesideAnAuditOfTheDayKeepsItsPromise() throws {
    let (promised, gained) = try promiseOfAPass(after: .conditional, daysAgo: 0)
    #expect(abs(gained - promised) <= max(1, 0.3 * promised), "promised about \(promised), gained \(gained)")
  }

  /// For a supplier with ten reviews and one audit of `result` (a major and three minor findings)
  /// `daysAgo`: the points a passed on-site audit is promised to add, and those it adds when
  /// added on the as-of day.
  func promiseOfAPass(after result: AuditResult, daysAgo: Int) throws -> (promised: Double, gained: Double) {
    var t = TestCatalog()
    t.supplier("S-1")
    for k in 0..<10 { t.review("S-1", rating: 4.5, daysAgo: 20 * k) }
    t.audit("S-1", result: result, daysAgo: daysAgo, major: 1, minor: 3)
    let before = t.assessment("S-1")
    let promised = try promisedNumber(
      in: before.suggestions,
      after: "a passed on-site audit by a recognised auditor (e.g. SGS) would add about ")
    var after = t
    after.audit("S-1", result: .pass, daysAgo: 0)
    return (promised, after.assessment("S-1").score! - before.score!)
  }

  /// A clean latest pass that has aged, or follows a failure, is offered a new one when it would
  /// add half a point, and the promise holds (black-box review 122: passes adding 1.3 to 3.2
  /// points went unsaid); a fresh clean pass scored 100 by a recognised auditor is offered
  /// nothing.
  @Test func anAgedOrFollowingPassIsOfferedANewOne() throws {
    var t = TestCatalog()
    for id in ["AGED", "AFTER-FAIL", "FRESH"] {
      t.supplier(id)
      for k in 0..<10 { t.review(id, rating: 4.5, daysAgo: 20 * k) }
    }
    t.audit("AGED", daysAgo: 600)
    t.audit("AFTER-FAIL", result: .fail, daysAgo: 300)
    t.audit("AFTER-FAIL", daysAgo: 200)
    t.audit("FRESH", daysAgo: 5, score: 100)
    let words = "a new passed on-site audit by a recognised auditor (e.g. SGS) would add about "
    for id in ["AGED", "AFTER-FAIL"] {
      let before = t.assessment(id)
      let promised = try promisedNumber(in: before.suggestions, after: words)
      var after = t
      after.audit(id, daysAgo: 0)
      let gained = after.assessment(id).score! - before.score!
      #expect(
        promised >= 1 && abs(gained - promised) <= max(1, 0.3 * promised),
        "\(id): promised \(promised), gained \(gained)")
    }
    #expect(!t.assessment("FRESH").suggestions.contains { $0.contains("audit") })
  }

  /// The delivery suggestion is made whenever the orders would count, not only with a late
  /// shipment flagged (black-box review 100: five orders would have added 4 to 8 points to
  /// suppliers told only of reviews).
  @Test func deliverySuggestionWithoutALateFlag() throws {
    var t = TestCatalog()
    t.supplier("S-1") {
      $0.onTimeDeliveryRate = 0.88
      $0.transactions12m = 30
    }
    for k in 0..<10 { t.review("S-1", rating: 4.4, daysAgo: 20 * k) }
    let before = t.assessment("S-1")
    #expect(!before.flags.contains { $0.code == .lateShipments })
    let words =
      "shipping the next 5 orders on time, passing inspection and without a dispute, would add about "
    let promised = try promisedNumber(in: before.suggestions, after: words)
    var after = t
    after.nextOrdersGoWell("S-1")
    let gained = after.assessment("S-1").score! - before.score!
    #expect(promised >= 1 && abs(gained - promised) <= 1, "promised about \(promised), gained \(gained)")
  }

  /// The confidence suggestion asks for no more verified reviews than the platform's transactions
  /// can back, and holds when they are added (black-box review 48: 40 more against 18
  /// transactions promised 0.66 and gave 0.59, the reviews beyond the transactions counting only
  /// in part).
  @Test func confidenceSuggestionStaysWithinWhatTheTransactionsBack() throws {
    var t = TestCatalog()
    t.supplier("T18") {
      $0.tradeAssurance = true
      $0.transactions12m = 18
    }
    for k in 0..<25 { t.review("T18", rating: 4.5, daysAgo: 10 + 13 * k) }
    let before = t.assessment("T18")
    let words = try #require(
      before.suggestions.first { $0.hasPrefix("about ") && $0.contains("would raise confidence") })
    let n = try #require(Int(words.dropFirst("about ".count).prefix { $0.isNumber }))
    // 18 transactions back 38 verified reviews of the last year; 25 are there.
    #expect(n <= 13, "\(words)")
    let promised = try #require(
      Double(words.split(separator: " ").drop { $0 != "to" }.dropFirst().first.map(String.init) ?? ""))
    var after = t
    after.supplier("ELSEWHERE")
    for k in 0..<n {
      after.review("ELSEWHERE", rating: 4, daysAgo: 300, reviewer: "BUYER-\(k)")
      after.review("T18", rating: 4.5, daysAgo: 0, reviewer: "BUYER-\(k)")
    }
    #expect(abs(after.assessment("T18").confidence - promised) <= 0.02, "\(words)")
  }

  /// A lapsed certificate from a look-alike accreditor or with no accreditation stated is not
  /// "renewed" to the points a certificate from an accredited body gives: renewing it with its
  /// own issuer gives less (black-box review 48 measured -6 where +8 was promised). The
  /// suggestion says to renew it through a recognised, accredited body; one from recognised
  /// bodies is simply renewed.
  @Test func renewalOfACertificateFromUnrecognisedBodiesNamesAnAccreditedOne() {
    var t = TestCatalog()
    for (id, accreditation) in [("MILL", "IAF-AB"), ("UNSTATED", nil), ("GENUINE", "UKAS")]
      as [(String, String?)]
    {
      t.supplier(id) { $0.tradeAssurance = true }
      t.certificate(
        id, number: "Q-\(id)", accreditation: accreditation, issuedDaysAgo: 1200, expiresInDays: -30)
      for n in 0..<10 { t.review(id, rating: 4.5, daysAgo: n * 30) }
    }
    for id in ["MILL", "UNSTATED"] {
      let suggestions = t.assessment(id).suggestions
      #expect(
        suggestions.contains {
          $0.hasPrefix("renewing ISO9001 Q-\(id) (expired ")
            && $0.contains(") through a recognised, accredited body would add about ")
        }, "\(id): \(suggestions)")
    }
    let genuine = t.assessment("GENUINE").suggestions
    #expect(genuine.contains { $0.hasPrefix("renewing ISO9001 Q-GENUINE (expired ") }, "\(genuine)")
    #expect(!genuine.contains { $0.contains("through a recognised") }, "\(genuine)")
  }

  /// The reviews factor cites the reviews that pull it the way it goes from neutral (three
  /// stars) the most, weight times stars from three, whichever files they came from (it had cited
  /// the first review of each file, and then the latest three whatever their stars, so a factor
  /// that raised the score named a two-star review: black-box reviews 32 and 48).
  @Test func reviewEvidenceIsTheReviewsThatPullTheFactorsWayWhateverTheFiles() {
    var one = TestCatalog()
    one.supplier("LOW")
    for (n, days) in [400, 10, 200, 3, 90, 30].enumerated() {
      one.review("LOW", rating: Double(1 + n % 5), daysAgo: days)
    }
    one.supplier("HIGH")
    for (n, days) in [5, 1, 300, 40, 2, 60].enumerated() {
      one.review("HIGH", rating: [5, 2, 5, 5, 4, 5][n], daysAgo: days)
    }
    one.supplier("FLAT")
    for days in [50, 20, 90, 10, 30] { one.review("FLAT", rating: 3, daysAgo: days) }
    var split = one
    let second = split.catalog.addSource(SourceFile(path: "more.csv"))
    for k in split.catalog.reviews.indices where k % 2 == 1 {
      var review = split.catalog.reviews[k]
      review.source = SourceRef(file: second, line: Int32(k))
      split.catalog.reviews[k] = review
    }
    func cited(_ test: TestCatalog, _ id: String) -> [String?] {
      test.assessment(id).factors.first { $0.component == "reviews" }?.evidence.map(\.recordID) ?? []
    }
    // LOW (R-1...R-6) rates below three stars: its one-star reviews of 30 and 400 days ago and
    // its two-star one of 10 days pull it down most (R-6 pulls two stars at almost full weight).
    #expect(cited(one, "LOW") == ["R-6", "R-2", "R-1"])
    // HIGH (R-7...R-12) rates above: its five-star reviews, newest first, never the two-star R-8.
    #expect(cited(one, "HIGH") == ["R-7", "R-10", "R-12"])
    // FLAT (R-13...R-17): nothing pulls either way, so the latest three, and the words say why.
    #expect(cited(one, "FLAT") == ["R-16", "R-14", "R-17"])
    let flat = one.assessment("FLAT").factors.first { $0.component == "reviews" }?.text ?? ""
    #expect(
      flat.hasSuffix("; no review counted is below three stars: the allowance for uncertainty lowers it"),
      "\(flat)")
    for id in ["LOW", "HIGH", "FLAT"] { #expect(cited(split, id) == cited(one, id)) }
  }

  /// The audits factor cites every audit its words name, the latest first, then the earlier ones
  /// newest first: an earlier pass moves the component too (black-box review 48 found only the
  /// later conditional audit cited while the pass raised the score).
  @Test func auditEvidenceNamesTheEarlierAuditsToo() {
    var t = TestCatalog()
    t.supplier("S-1")
    t.audit("S-1", result: .pass, daysAgo: 900)
    t.audit("S-1", result: .pass, daysAgo: 500)
    t.audit("S-1", result: .conditional, daysAgo: 40, minor: 5)
    let factor = t.assessment("S-1").factors.first { $0.component == "audits" }
    #expect(factor?.evidence.map(\.recordID) == ["A-3", "A-2", "A-1"])
    #expect(factor?.text.contains("; earlier: pass on ") == true)
  }

  /// An order that goes well never raises a delivery flag or its severity: the buyer's own rates
  /// are judged as if the orders missing to `minimum_orders_for_flags` had gone well. Following
  /// the suggestion to ship five orders on time had turned one refund of two orders into a
  /// `dispute_history` warning (black-box review 100).
  @Test func anOrderThatGoesWellNeverRaisesADeliveryFlag() {
    func flags(late: Int, disputed: Int, clean: Int) -> [FlagCode: Severity] {
      var t = TestCatalog()
      t.supplier("S-1") {
        $0.onTimeDeliveryRate = 0.95
        $0.transactions12m = 50
      }
      for _ in 0..<late { _ = t.order("S-1", lateDays: 20) }
      for _ in 0..<disputed { _ = t.order("S-1", dispute: .refunded) }
      for _ in 0..<clean { _ = t.order("S-1") }
      var found: [FlagCode: Severity] = [:]
      for flag in t.assessment("S-1", suggests: false).flags
      where flag.code == .lateShipments || flag.code == .disputeHistory {
        found[flag.code] = flag.severity
      }
      return found
    }
    let rank: [Severity?] = [nil, .low, .medium, .high]
    for late in 0...2 {
      for disputed in 0...2 {
        var before = flags(late: late, disputed: disputed, clean: 0)
        for clean in 1...12 {
          let after = flags(late: late, disputed: disputed, clean: clean)
          for code in [FlagCode.lateShipments, .disputeHistory] {
            #expect(
              rank.firstIndex(of: after[code])! <= rank.firstIndex(of: before[code])!,
              "\(code) after \(late) late, \(disputed) disputed, \(clean) clean")
          }
          before = after
        }
      }
    }
    // One refund of two orders is already the pattern five more clean orders would show; it
    // informs, as one late order does, and two of them warn (`minimum_orders_to_warn`).
    #expect(flags(late: 0, disputed: 1, clean: 1)[.disputeHistory] == .low)
    #expect(flags(late: 0, disputed: 1, clean: 6)[.disputeHistory] == .low)
    #expect(flags(late: 0, disputed: 1, clean: 9)[.disputeHistory] == nil)
    #expect(flags(late: 0, disputed: 2, clean: 1)[.disputeHistory] == .medium)
    #expect(flags(late: 1, disputed: 0, clean: 1)[.lateShipments] == .low)
    #expect(flags(late: 2, disputed: 0, clean: 0)[.lateShipments] == .medium)
    #expect(flags(late: 2, disputed: 0, clean: 12)[.lateShipments] == nil)
  }

  /// An order that goes wrong never raises the score or the delivery component: a refunded
  /// order shipped on time had counted as on time (+11 points with little other evidence), and
  /// one that failed inspection as free of dispute (it cleared `dispute_history`; black-box
  /// review 104). Walked over mixes of late, refunded, failed and clean orders, with and without
  /// a platform rate.
  @Test func anOrderThatGoesWrongNeverRaisesTheScore() {
    enum Kind: CaseIterable { case clean, late, refunded, open, failed }
    func add(_ kind: Kind, to t: inout TestCatalog) {
      switch kind {
      case .clean: _ = t.order("S-1")
      case .late: _ = t.order("S-1", lateDays: 9)
      case .refunded:
        _ = t.order("S-1", dispute: .refunded)
        t.catalog.orders[t.catalog.orders.count - 1].record.refund = Money(cents: 1_000_000)
      case .open: _ = t.order("S-1", dispute: .open)
      case .failed:
        _ = t.order("S-1")
        t.catalog.orders[t.catalog.orders.count - 1].record.inspectionResult = .fail
      }
      if kind != .failed { t.catalog.orders[t.catalog.orders.count - 1].record.inspectionResult = .pass }
    }
    var random = SeededRandom(seed: 104)
    for platform in [nil, 0.95] as [Double?] {
      for _ in 0..<150 {
        var t = TestCatalog()
        t.supplier("S-1") {
          $0.onTimeDeliveryRate = platform
          $0.transactions12m = platform == nil ? nil : 40
        }
        for _ in 0..<Int.random(in: 0...6, using: &random) {
          add(Kind.allCases.randomElement(using: &random)!, to: &t)
        }
        let before = t.assessment("S-1", suggests: false)
        for bad in [Kind.late, .refunded, .open, .failed] {
          var after = t
          add(bad, to: &after)
          let worse = after.assessment("S-1", suggests: false)
          #expect(
            (worse.components.delivery ?? 0.5) <= (before.components.delivery ?? 0.5) + 1e-9,
            "\(bad) after \(t.catalog.orders.count) orders")
          // (Unrated before, as with no orders and no platform rate, any score is a first one.)
          if let old = before.score, let new = worse.score {
            #expect(new <= old + 1e-9, "\(bad) after \(t.catalog.orders.count) orders")
          }
          // Nor does it clear a flag or improve the standing (black-box review 108: a failed
          // order had diluted the late share and cleared `late_shipments`).
          for code in [FlagCode.lateShipments, .disputeHistory] {
            let rank: [Severity?] = [nil, .low, .medium, .high]
            let old = rank.firstIndex(of: before.flags.first { $0.code == code }?.severity)!
            let new = rank.firstIndex(of: worse.flags.first { $0.code == code }?.severity)!
            #expect(new >= old, "\(code) after \(bad)")
          }
          if before.score != nil { #expect(worse.standing >= before.standing, "standing after \(bad)") }
        }
      }
    }
  }

  /// With no delivery prior and only an order that went wrong there is no on-time share to
  /// weigh: the score stays a number (code review: 0/0 had made it NaN).
  @Test func noPriorAndOnlyAWrongOrderLeaveTheScoreANumber() throws {
    var policy = Policy.default
    policy.delivery.priorStrength = 0
    var t = TestCatalog()
    t.supplier("S-1")
    _ = t.order("S-1", dispute: .refunded)
    t.catalog.orders[0].record.refund = Money(cents: 1_000_000)
    let assessed = t.assessment("S-1", policy, suggests: false)
    let delivery = try #require(assessed.components.delivery)
    #expect(delivery.isFinite && delivery < 0.5)
    #expect(try #require(assessed.score).isFinite)
  }

  /// Two lapsed certificates of one standard are one renewal, suggested once (code review: each
  /// had claimed the whole gain).
  @Test func twoLapsedCertificatesOfAStandardAreOneRenewal() throws {
    var t = TestCatalog()
    t.supplier("S-1")
    t.certificate("S-1", "ISO9001", number: "Q-1")
    t.certificate("S-1", "ISO14001", number: "E-1", issuedDaysAgo: 1_500, expiresInDays: -400)
    t.certificate("S-1", "ISO14001", number: "E-2", issuedDaysAgo: 1_400, expiresInDays: -300)
    for k in 0..<8 { t.review("S-1", rating: 4.4, daysAgo: 20 * k) }
    let suggestions = t.assessment("S-1").suggestions
    #expect(suggestions.filter { $0.contains("ISO14001") }.count == 1, "\(suggestions)")
    // Of a standard's faulty certificates, the one whose fix gains most (black-box review 112:
    // the first, a lapsed one worth 2 points, had hidden a look-alike one worth 9).
    t.certificate("S-1", "ISO14001", number: "E-3", accreditation: "ACCAB")
    let more = t.assessment("S-1").suggestions.filter { $0.contains("ISO14001") }
    #expect(more.count == 1 && more[0].hasPrefix("replacing ISO14001 E-3"), "\(more)")
  }

  /// A partial refund of a stated $0 counts as the dispute alone, never worse than one of $1 (it
  /// had counted as a full dispute: black-box review 106); an unstated amount stays the worst.
  @Test func aStatedZeroPartialRefundIsTheLeastOfThem() throws {
    func delivery(_ refund: Int64?) throws -> Double {
      var t = TestCatalog()
      t.supplier("S-1")
      for _ in 0..<10 { _ = t.order("S-1") }
      _ = t.order("S-1", amount: 10_000, dispute: .partiallyRefunded)
      t.catalog.orders[t.catalog.orders.count - 1].record.refund = refund.map { Money(cents: $0 * 100) }
      return try #require(t.assessment("S-1", suggests: false).components.delivery)
    }
    let values = try [0, 1, 500, 9_999].map { try delivery($0) }
    #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 }, "\(values)")
    #expect(try delivery(nil) <= values.last!)
  }

  /// A rate that rounds to its threshold shows a decimal, on the side it lies (a flagged 84.5%
  /// on time had read "85% on time; threshold 85%": black-box review 104).
  @Test func aRateBesideItsThresholdShowsWhichSideItIs() throws {
    var t = TestCatalog()
    t.supplier("S-1")
    for k in 0..<200 { _ = t.order("S-1", lateDays: k < 31 ? 5 : 0) }
    let flags = t.assessment("S-1", suggests: false).flags
    let late = try #require(flags.first { $0.code == .lateShipments })
    #expect(
      late.detail.hasPrefix("31 of 200 due orders shipped late (84.5% on time; threshold 85%)"),
      "\(late.detail)")
    t.supplier("S-2")
    for k in 0..<199 { _ = t.order("S-2", dispute: k < 20 ? .refunded : DisputeStatus.none) }
    let disputes = try #require(
      t.assessment("S-2", suggests: false).flags.first { $0.code == .disputeHistory })
    #expect(
      disputes.detail.hasPrefix("20 of 199 orders disputed or refunded (10.1%; threshold 10%)"),
      "\(disputes.detail)")
  }

  /// The late orders a flag names are the five latest, worst first, with how many more there
  /// are (black-box review 122: the first five in the file were named, the two latest left out);
  /// so are the disputed ones counted.
  @Test func aLateFlagNamesTheWorstOrdersAndHowManyMore() throws {
    var t = TestCatalog()
    t.supplier("S-1")
    let ids = (0..<7).map { t.order("S-1", lateDays: 2 + $0, daysAgo: 100 - $0) }
    for _ in 0..<4 { _ = t.order("S-1") }
    let flag = try #require(t.assessment("S-1").flags.first { $0.code == .lateShipments })
    #expect(
      flag.detail.hasSuffix(
        ": \(ids[6]) +8 d, \(ids[5]) +7 d, \(ids[4]) +6 d, \(ids[3]) +5 d, \(ids[2]) +4 d, and 2 more"),
      "\(flag.detail)")
    #expect(flag.evidence.map(\.recordID) == [ids[6], ids[5], ids[4], ids[3], ids[2]])
  }

  /// A late-shipment flag raised on the platform's rate also names the buyer's own orders when
  /// there are some but too few to judge by alone (black-box review 47: two of two own orders
  /// weeks late went unmentioned); two of two late are the buyer's own pattern, judged as if a
  /// third order shipped on time (black-box review 100).
  @Test func aPlatformLateFlagNamesTheFewOwnOrdersToo() throws {
    var t = TestCatalog()
    t.supplier("S-1") {
      $0.onTimeDeliveryRate = 0.71
      $0.transactions12m = 4
    }
    let first = t.order("S-1", lateDays: 47)
    let second = t.order("S-1", lateDays: 54)
    let own = try #require(t.assessment("S-1").flags.first { $0.code == .lateShipments })
    #expect(own.severity == .medium)
    #expect(
      own.detail
        == "2 of 2 due orders shipped late (0% on time; 33% even if the next one ships on time; threshold 85%): \(second) +54 d, \(first) +47 d"
    )
    t.supplier("S-3") {
      $0.onTimeDeliveryRate = 0.71
      $0.transactions12m = 4
    }
    _ = t.order("S-3")
    _ = t.order("S-3")
    let flag = try #require(t.assessment("S-3").flags.first { $0.code == .lateShipments })
    #expect(flag.severity == .low)
    #expect(flag.detail.hasPrefix("platform on-time delivery rate 71% over 4 transactions"), "\(flag.detail)")
    #expect(
      flag.detail.hasSuffix("; own orders: 2 of 2 shipped on time (fewer than 3 to judge by alone)"),
      "\(flag.detail)")
    // Enough own orders, all on time: named too (black-box review 88 saw only the platform's rate).
    t.supplier("S-2") {
      $0.onTimeDeliveryRate = 0.5
      $0.transactions12m = 40
    }
    for _ in 0..<6 { _ = t.order("S-2") }
    let warned = try #require(t.assessment("S-2").flags.first { $0.code == .lateShipments })
    #expect(warned.detail.hasSuffix("; own orders: 6 of 6 shipped on time"), "\(warned.detail)")
  }

  /// A back-test cites no order placed after its day as evidence (black-box review 46 found the
  /// delivery factor citing them, though they counted for nothing).
  @Test func deliveryEvidenceIsOfOrdersPlacedByTheDay() {
    var t = TestCatalog()
    t.supplier("S-1") { $0.onTimeDeliveryRate = 0.97 }
    let later = t.order("S-1", lateDays: nil, daysAgo: -5)
    let earlier = t.order("S-1", lateDays: nil, daysAgo: 10)
    let cited =
      t.assessment("S-1").factors.first { $0.component == "delivery" }?.evidence.map(\.recordID) ?? []
    #expect(cited.contains(earlier), "\(cited)")
    #expect(!cited.contains(later), "\(cited)")
  }

  @Test func burstReviewsAreFlaggedAndDiscountedButASpikeOfRealBuyersIsNot() {
    var t = TestCatalog()
    t.supplier("FAKE")
    t.supplier("REAL")
    t.supplier("OTHER")
    for n in 0..<6 {
      t.review("FAKE", rating: Double(2 + n % 4), daysAgo: 200 + n * 30, reviewer: "BYR-OLD-\(n)")
    }
    for n in 0..<25 {
      t.review(
        "FAKE", rating: 5, daysAgo: 20 + n % 2, verified: false, reviewer: "BYR-NEW-\(n)",
        text: "Great quality, fast shipping, highly recommend!")
    }
    // Established buyers: each also reviewed OTHER.
    let texts = [
      "late but fine", "good packing", "colour a bit off", "solid product", "slow replies", "as agreed",
    ]
    for n in 0..<20 {
      t.review(
        "REAL", rating: Double(2 + n % 4), daysAgo: 40 + n % 3, reviewer: "BYR-EST-\(n)",
        text: "\(texts[n % 6]) \(n)")
      t.review("OTHER", rating: 4, daysAgo: 300 + n, reviewer: "BYR-EST-\(n)")
    }
    let fake = t.assessment("FAKE")
    let real = t.assessment("REAL")
    #expect(fake.flags.first?.code == .reviewBurst)
    #expect(fake.reviews.suspicious == 25)
    #expect(!real.flags.contains { $0.code == .reviewBurst })
    var undiscounted = Policy()
    undiscounted.reviews.suspiciousWeight = 1
    #expect(fake.components.reviews! < t.assessment("FAKE", undiscounted).components.reviews!)
    #expect(fake.standing >= .warned)
  }

  @Test func littleEvidenceIsWarnedWhateverTheScore() {
    var t = TestCatalog()
    t.supplier("OLD") { $0.tradeAssurance = true }
    for n in 0..<60 { t.review("OLD", rating: 4.6, daysAgo: n * 5) }
    t.certificate("OLD")
    t.audit("OLD")
    for _ in 0..<6 { t.order("OLD") }
    t.supplier("NEW") {
      $0.businessLicenseVerified = true
      $0.tradeAssurance = true
      $0.tradeAssuranceLimit = Money(cents: 10_000_000)
    }
    let new = t.assessment("NEW")
    #expect(new.confidence < Policy.default.confidence.warnBelow)
    #expect(new.standing == .warned)
    #expect(t.assessment("OLD").standing == .ok)
  }

  @Test func recordsAfterTheAsOfDayAreIgnored() {
    var t = TestCatalog()
    t.supplier("B")
    t.review("B", rating: 1, daysAgo: -5)
    t.audit("B", result: .fail, daysAgo: -3)
    let a = t.assessment("B")
    #expect(a.reviews.count == 0)
    #expect(a.components.audits == nil)
  }
}

@Suite struct ScorerPropertyTests {
  static let seeds: [UInt64] = Array(1...12)

  func scores(_ t: TestCatalog) -> [String: Double?] {
    Dictionary(uniqueKeysWithValues: t.score(suggests: false).suppliers.map { ($0.supplier.id, $0.score) })
  }

  @Test(arguments: seeds) func addingAnExpiredCertificateNeverRaisesAScore(seed: UInt64) {
    let base = TestCatalog.random(seed: seed)
    let before = base.score(suggests: false).suppliers
    for s in before {
      var t = base
      t.certificate(
        s.supplier.id, ["ISO9001", "ISO14001", "CE"][Int(seed) % 3], number: "EXPIRED-X", issuedDaysAgo: 1500,
        expiresInDays: -400)
      let after = t.assessment(s.supplier.id, suggests: false)
      #expect((after.score ?? 0) <= (s.score ?? 100) + 1e-9, "supplier \(s.supplier.id) seed \(seed)")
    }
  }

  @Test(arguments: seeds) func addingAOneStarReviewNeverRaisesAScore(seed: UInt64) {
    let base = TestCatalog.random(seed: seed)
    let before = base.score(suggests: false).suppliers
    for s in before {
      var t = base
      t.review(s.supplier.id, rating: 1, daysAgo: Int(seed * 37 % 600), verified: seed % 2 == 0, text: "bad")
      let after = t.assessment(s.supplier.id, suggests: false)
      #expect((after.score ?? 0) <= (s.score ?? 100) + 1e-9, "supplier \(s.supplier.id) seed \(seed)")
    }
  }

  @Test(arguments: seeds) func moreRecentVerifiedEvidenceNeverLowersConfidence(seed: UInt64) {
    let base = TestCatalog.random(seed: seed)
    for s in base.score(suggests: false).suppliers {
      var t = base
      t.review(
        s.supplier.id, rating: 4, daysAgo: 1, verified: true, reviewer: "BYR-1", text: "arrived as agreed")
      t.order(s.supplier.id, lateDays: 0, daysAgo: 45)
      #expect(
        t.assessment(s.supplier.id, suggests: false).confidence >= s.confidence,
        "supplier \(s.supplier.id) seed \(seed)")
    }
  }

  @Test(arguments: seeds) func theResultDoesNotDependOnRecordOrder(seed: UInt64) {
    let base = TestCatalog.random(seed: seed)
    var shuffled = base
    var rng = SeededRandom(seed: seed &* 7919)
    shuffled.catalog.suppliers.shuffle(using: &rng)
    shuffled.catalog.reviews.shuffle(using: &rng)
    shuffled.catalog.certifications.shuffle(using: &rng)
    shuffled.catalog.audits.shuffle(using: &rng)
    shuffled.catalog.orders.shuffle(using: &rng)
    let a = base.score(suggests: false).suppliers
    let b = shuffled.score(suggests: false).suppliers
    #expect(a.map(\.supplier.id) == b.map(\.supplier.id))
    #expect(a.map(\.score) == b.map(\.score))
    #expect(a.map(\.confidence) == b.map(\.confidence))
    #expect(a.map { $0.flags.map(\.detail) } == b.map { $0.flags.map(\.detail) })
  }

  @Test(arguments: seeds) func factorPointsAddUpFromANeutralFiftyToTheScore(seed: UInt64) {
    for s in TestCatalog.random(seed: seed).score(suggests: false).suppliers {
      guard let score = s.score else { continue }
      let total = 50 + s.factors.map(\.points).reduce(0, +)
      #expect(
        abs(total - score) <= 0.05 * Double(s.factors.count) + 0.06, "\(s.supplier.id): \(total) vs \(score)")
      #expect(
        s.factors.allSatisfy {
          !$0.evidence.isEmpty || $0.text.hasPrefix("no evidence") || $0.text.hasPrefix("no reviews")
        })
    }
  }

  /// A standing worse than ok always says why, and an ok one gives no reason (black-box review
  /// 18 met a warned supplier with no visible cause).
  @Test(arguments: seeds) func everyStandingWorseThanOkSaysWhy(seed: UInt64) {
    let policy = Policy.default
    for s in TestCatalog.random(seed: seed).score(suggests: false).suppliers {
      #expect((s.standing == .ok) == s.standingReasons.isEmpty, "\(s.supplier.id): \(s.standingReasons)")
      if let score = s.score, s.confidence < policy.confidence.warnBelow {
        #expect(s.standingReasons.contains { $0.hasPrefix("confidence ") }, "\(s.supplier.id) \(score)")
      }
      for flag in s.flags where flag.severity > .low {
        guard let level = policy.flagStanding[flag.code.rawValue] else { continue }
        #expect(
          s.standingReasons.contains("\(flag.code.rawValue) (\(flag.severity.rawValue)) is \(level.rawValue)")
        )
      }
    }
  }

  @Test(arguments: seeds) func scoresConfidenceAndComponentsStayInRange(seed: UInt64) {
    for s in TestCatalog.random(seed: seed).score(suggests: false).suppliers {
      if let score = s.score { #expect((0...100).contains(score)) }
      #expect((0...1).contains(s.confidence))
      for (_, value) in s.components.all { if let value { #expect((0...1).contains(value)) } }
      if let interval = s.interval, let score = s.score { #expect(interval.contains(score)) }
    }
  }

  @Test(arguments: seeds) func explainingOnlySomeSuppliersChangesNoNumberAndExplainsThoseInFull(seed: UInt64)
  {
    let t = TestCatalog.random(seed: seed)
    let full = t.score()
    let picked = [1, 3, 4, 100]
    let lean = Scorer(asOf: t.asOf).score(t.catalog) { _ in picked }
    #expect(lean.suppliers.map(\.supplier.id) == full.suppliers.map(\.supplier.id))
    for (position, (a, b)) in zip(lean.suppliers, full.suppliers).enumerated() {
      #expect(a.score == b.score && a.confidence == b.confidence && a.grade == b.grade)
      #expect(a.standing == b.standing && a.components == b.components && a.interval == b.interval)
      #expect(a.flags.map(\.code) == b.flags.map(\.code) && a.validStandards == b.validStandards)
      if picked.contains(position) {
        #expect(a.flags == b.flags && a.factors == b.factors && a.suggestions == b.suggestions)
        #expect(a.certificates == b.certificates && a.reviews == b.reviews)
      } else {
        #expect(a.factors.isEmpty && a.suggestions.isEmpty && a.flags.allSatisfy(\.detail.isEmpty))
      }
    }
    #expect(picked.dropLast().contains { !full.suppliers[$0].factors.isEmpty })
  }
}

@Suite struct CrowdedWindowTests {
  /// The quick look for a window holding the burst minimum against every window tried.
  @Test func agreesWithTryingEveryWindow() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<400 {
      var policy = Policy.default
      policy.burst.minimumReviews = Int.random(in: 1...8, using: &rng)
      policy.burst.windowDays = Int.random(in: 1...20, using: &rng)
      let scorer = Scorer(policy: policy, asOf: Day(year: 2026, month: 11, day: 25)!)
      let spread = Int.random(in: 1...200, using: &rng)
      let offsets = (0..<Int.random(in: 0...25, using: &rng)).map { _ in
        Int.random(in: 0...spread, using: &rng)
      }
      .sorted()
      var table = ReviewTable()
      // A review of another supplier on each side, so that the range does not start at zero.
      let before = Day(year: 2024, month: 1, day: 1)!
      table.append(
        Sourced(
          Review(id: "X-0", supplierID: "X", rating: 5, date: before), source: SourceRef(file: 0, line: 1)))
      for (n, offset) in offsets.enumerated() {
        let review = Review(id: "R-\(n)", supplierID: "S", rating: 5, date: before.adding(days: offset))
        table.append(Sourced(review, source: SourceRef(file: 0, line: Int32(n + 2))))
      }
      table.append(
        Sourced(
          Review(id: "X-1", supplierID: "X", rating: 5, date: before), source: SourceRef(file: 0, line: 99)))
      let minimum = policy.burst.minimumReviews
      let expected = offsets.indices.contains { first in
        offsets[first...].filter { $0 - offsets[first] < policy.burst.windowDays }.count >= minimum
      }
      #expect(
        scorer.hasCrowdedWindow(1..<(1 + offsets.count), in: table) == expected,
        "minimum \(minimum), window \(policy.burst.windowDays) days, offsets \(offsets)")
    }
  }
}

/// The burst screen rules most windows out from their sums before tallying them; it must answer
/// exactly as tallying every window does, and the precomputed relevance of standards as the
/// policy states it.
@Suite struct ScreeningShortcutTests {
  @Test func windowSumsRuleOutOnlyWhatTheTallyWould() {
    var rng = SeededRandom(seed: 11)
    var held = 0
    for _ in 0..<3_000 {
      var policy = Policy.default
      policy.burst.minimumReviews = Int.random(in: 2...12, using: &rng)
      policy.burst.windowDays = Int.random(in: 1...10, using: &rng)
      policy.burst.newReviewerShare = [0, 0.3, 0.6, 0.9][Int.random(in: 0...3, using: &rng)]
      policy.burst.uniformRatingShare = [0.5, 0.8, 0.95][Int.random(in: 0...2, using: &rng)]
      policy.burst.praiseRushFactor = [0, 3, 8][Int.random(in: 0...2, using: &rng)]
      var table = ReviewTable()
      let start = Day(year: 2025, month: 1, day: 1)!
      let count = Int.random(in: 0...60, using: &rng)
      let spread = Int.random(in: 1...120, using: &rng)
      let offsets = (0..<count).map { _ in Int.random(in: 0...spread, using: &rng) }.sorted()
      // Mostly one rating, as campaigns give, or any.
      let favourite = Int.random(in: 1...5, using: &rng)
      for (n, offset) in offsets.enumerated() {
        let rating = Double(
          Int.random(in: 0...2, using: &rng) == 0 ? Int.random(in: 1...5, using: &rng) : favourite)
        var review = Review(id: "R-\(n)", supplierID: "S", rating: rating, date: start.adding(days: offset))
        review.verifiedPurchase = [true, false, nil][Int.random(in: 0...2, using: &rng)]
        table.append(Sourced(review, source: SourceRef(file: 0, line: Int32(n + 2))))
      }
      let isNew: [Bool]? =
        Int.random(in: 0...3, using: &rng) == 0
        ? nil : offsets.map { _ in Int.random(in: 0...2, using: &rng) > 0 }
      let verificationGiven = Int.random(in: 0...4, using: &rng) > 0
      let doubtful = Int.random(in: 0...5, using: &rng) == 0
      var scorer = Scorer(policy: policy, asOf: Day(year: 2026, month: 11, day: 25)!)
      let fast = scorer.mayHoldBurst(
        0..<count, in: table, isNew: isNew, verificationGiven: verificationGiven, verifiedDoubtful: doubtful)
      scorer.screensWindowSums = false
      let reference = scorer.mayHoldBurst(
        0..<count, in: table, isNew: isNew, verificationGiven: verificationGiven, verifiedDoubtful: doubtful)
      #expect(fast == reference, "offsets \(offsets), policy \(policy.burst)")
      if reference { held += 1 }
    }
    // Both answers occur, so the comparison is not of two constant falses.
    #expect(held > 100 && held < 2_900)
  }

  /// The long-campaign screen (unverified reviews only, a ring of days) against counting every
  /// span of the policy's length directly; and never stricter than the rule it screens for.
  @Test func theCampaignScreenCountsAsEverySpanDoes() {
    var rng = SeededRandom(seed: 23)
    var held = 0
    for _ in 0..<2_000 {
      var policy = Policy.default
      policy.burst.minimumReviews = Int.random(in: 2...8, using: &rng)
      policy.burst.campaignWindowDays = Int.random(in: 15...90, using: &rng)
      var table = ReviewTable()
      let start = Day(year: 2025, month: 1, day: 1)!
      let count = Int.random(in: 0...60, using: &rng)
      let spread = Int.random(in: 1...400, using: &rng)
      let offsets = (0..<count).map { _ in Int.random(in: 0...spread, using: &rng) }.sorted()
      for (n, offset) in offsets.enumerated() {
        var review = Review(id: "R-\(n)", supplierID: "S", rating: 5, date: start.adding(days: offset))
        review.verifiedPurchase = [true, false, nil][Int.random(in: 0...2, using: &rng)]
        table.append(Sourced(review, source: SourceRef(file: 0, line: Int32(n + 2))))
      }
      let doubtful = Int.random(in: 0...5, using: &rng) == 0
      let isNew = offsets.map { _ in Int.random(in: 0...3, using: &rng) > 0 }
      let scorer = Scorer(policy: policy, asOf: Day(year: 2026, month: 11, day: 25)!)
      let needed = 2 * policy.burst.minimumReviews
      func reference(_ counted: (Int) -> Bool) -> Bool {
        let days = (0..<count).filter(counted).map { table.days[$0].daysSinceEpoch }
        return days.indices.contains { first in
          days[first...].prefix { $0 - days[first] < Int32(policy.burst.campaignWindowDays) }.count >= needed
        }
      }
      let unverified = reference { doubtful || table.verified[$0] != true }
      #expect(scorer.hasCrowdedCampaign(0..<count, in: table, verifiedDoubtful: doubtful) == unverified)
      let newUnverified = reference { isNew[$0] && (doubtful || table.verified[$0] != true) }
      #expect(
        scorer.maySustainCampaign(0..<count, in: table, isNew: isNew, verifiedDoubtful: doubtful)
          == newUnverified)
      #expect(!newUnverified || unverified)
      if unverified { held += 1 }
    }
    #expect(held > 100 && held < 1_900)
  }

  @Test func precomputedRelevanceIsThePolicys() {
    var policy = Policy.default
    policy.certifications.relevance["ISO14001"] = 0.35
    let scorer = Scorer(policy: policy, asOf: Day(year: 2026, month: 11, day: 25)!)
    var standards = Array(policy.certifications.relevance.keys) + Array(Standard.withdrawn.keys)
    for sector in policy.certifications.sectors { standards += sector.relevance.keys }
    standards += ["CE", "NOT-A-STANDARD", ""]
    let sectorCount = min(64, policy.certifications.sectors.count)
    #expect(sectorCount > 1)
    var masks: [UInt64] = [0]
    for bit in 0..<sectorCount { masks.append(1 << UInt64(bit)) }
    masks.append(sectorCount == 64 ? .max : (1 << UInt64(sectorCount)) - 1)
    for standard in standards {
      for mask in masks {
        #expect(
          scorer.relevance(standard, sectors: mask) == scorer.relevanceFromPolicy(standard, sectors: mask),
          "\(standard) sectors \(mask)")
      }
    }
  }
}

/// ``Scorer/ReviewerSpan`` keeps four days and two suppliers per reviewer instead of every review;
/// it must answer exactly as a look at every review would.
@Suite struct ReviewerSpanTests {
  @Test func answersAsEveryReviewWould() {
    var random = SeededRandom(seed: 7)
    for _ in 0..<2_000 {
      let reviews = (0..<Int.random(in: 0...6, using: &random)).map { _ in
        (supplier: Int32.random(in: 0..<4, using: &random), day: Int32.random(in: 0..<60, using: &random))
      }
      var span = Scorer.ReviewerSpan()
      for review in reviews { span.add(supplier: review.supplier, day: review.day) }
      for supplier in Int32(0)..<5 {
        for day in stride(from: Int32(-5), through: 65, by: 5) {
          for apart in [Int32(1), 7, 14, 30] {
            let expected = reviews.contains { $0.supplier != supplier && abs($0.day - day) >= apart }
            #expect(
              span.hasReview(otherThan: supplier, apart: apart, from: day) == expected,
              "\(reviews) \(supplier) \(day) \(apart)")
          }
        }
      }
    }
  }
}

@Suite struct FactorEvidenceTests {
  /// The certifications factor names at most four certificates, the most relevant first; its
  /// evidence is those certificates, in that order, not the first four of the file (black-box
  /// review 14: the valid renewal the text relied on was left out).
  @Test func theCertificatesNamedAreTheEvidence() throws {
    var t = TestCatalog()
    t.supplier("MANY")
    for (standard, number) in [("BSCI", "B-1"), ("CE", "CE-1"), ("RoHS", "R-1"), ("ISO14001", "E-1")] {
      t.certificate("MANY", standard, number: number)
    }
    t.certificate("MANY", "ISO9001", number: "Q-OLD", issuedDaysAgo: 1200, expiresInDays: -100)
    t.certificate("MANY", "ISO9001", number: "Q-NEW", issuedDaysAgo: 90, expiresInDays: 1000)
    let factor = try #require(t.assessment("MANY").factors.first { $0.component == "certifications" })
    // The text gives each certificate's standard and verdict.
    let named = factor.text.split(separator: ";").map { String($0.split(separator: " ")[0]) }
    let standardOf = Dictionary(
      uniqueKeysWithValues: t.catalog.certifications.map {
        ($0.record.certificateNumber!, $0.record.standard)
      })
    #expect(factor.evidence.map { standardOf[$0.recordID!]! } == named, "\(factor.text)")
    #expect(factor.evidence.contains { $0.recordID == "Q-NEW" })
  }
}

/// A file imported again is shown once: its earlier import, left with no records, is not a
/// source of the scores (black-box review 25); an empty file read on its own still is.
@Test func aReimportedFileIsShownOnceAmongTheSources() {
  var t = TestCatalog()
  t.catalog.sources = [
    SourceFile(path: "reviews.csv", sha256: "a", records: 0), SourceFile(path: "empty.csv", records: 0),
    SourceFile(path: "reviews.csv", sha256: "a", records: 40), SourceFile(path: "orders.csv", records: 3),
  ]
  t.supplier("S-1")
  let run = t.score(suggests: false)
  #expect(run.sources.count == 4)
  #expect(run.shownSources.map(\.path) == ["empty.csv", "reviews.csv", "orders.csv"])
  #expect(run.shownSources.map(\.records) == [0, 40, 3])
  // Imported twice, then replaced by its XML form: listed once, its latest import.
  var replaced = TestCatalog()
  replaced.catalog.sources = [
    SourceFile(path: "suppliers.csv", sha256: "s", records: 0, importedAt: "1"),
    SourceFile(path: "suppliers.csv", sha256: "s", records: 0, importedAt: "2"),
    SourceFile(path: "catalog.xml", sha256: "x", records: 30, importedAt: "3"),
  ]
  replaced.supplier("S-1")
  let again = replaced.score(suggests: false)
  #expect(again.shownSources.map(\.path) == ["suppliers.csv", "catalog.xml"])
  #expect(again.shownSources.map(\.importedAt) == ["2", "3"])
}

/// A standard nobody certifies to earns nothing, whoever issued it (an outside test found "ISO
/// 9000", "ISO 90001", "ISO 19001" and a bare "QMS" credited as other standards).
@Test(arguments: ["ISO 9000:2015", "ISO 90001", "ISO 19001:2015", "QMS", "ISO 9004", "ISO 19011:2018"])
func aStandardNobodyCertifiesToEarnsNothing(text: String) throws {
  let standard = try #require(Standard.normalize(text))
  var t = TestCatalog()
  t.supplier("FAKE")
  t.supplier("OTHER")
  t.certificate("FAKE", standard, number: "F-1")
  t.certificate("OTHER", "GOTS", number: "G-1")
  let fake = t.assessment("FAKE")
  let other = t.assessment("OTHER")
  let baseline = Policy.default.missingComponentValue
  #expect((fake.components.certifications ?? 1) <= baseline + 1e-9, "\(text)")
  #expect((other.components.certifications ?? 0) > baseline, "\(text)")
  #expect(!fake.validStandards.contains(standard), "\(text)")
  #expect(fake.certificates.first?.verdict.hasPrefix("not a certifiable standard") == true, "\(text)")
}
