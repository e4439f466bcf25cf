import SupplierTrustScoring
import SupplierTrustTestSupport
import Testing

/// Small catalogs built in code, for scenarios and properties.
struct TestCatalog {
  var catalog = Catalog()
  var asOf = Day(year: 2026, month: 11, day: 25)!
  private var nextReview = 0
  private var nextOrder = 0

  init() {
    _ = catalog.addSource(SourceFile(path: "test.csv"))
  }

  static let here = SourceRef(file: 0, line: 2)

  @discardableResult
  mutating func supplier(_ id: String, _ configure: (inout Supplier) -> Void = { _ in }) -> String {
    var s = Supplier(id: id, name: "Supplier \(id)", country: "CN")
    configure(&s)
    catalog.suppliers.append(Sourced(s, source: Self.here))
    return id
  }

  mutating func review(
    _ supplier: String, rating: Double, daysAgo: Int = 30, verified: Bool? = true, reviewer: String? = nil,
    text: String? = nil
  ) {
    nextReview += 1
    var r = Review(
      id: "R-\(nextReview)", supplierID: supplier, rating: rating, date: asOf.adding(days: -daysAgo))
    r.verifiedPurchase = verified
    r.reviewerID = reviewer ?? "BYR-\(nextReview)"
    r.text = text
    catalog.reviews.append(Sourced(r, source: SourceRef(file: 0, line: Int32(nextReview + 1))))
  }

  mutating func certificate(
    _ supplier: String, _ standard: String = "ISO9001", number: String? = nil, body: String? = "SGS",
    accreditation: String? = "UKAS", issuedDaysAgo: Int? = 400, expiresInDays: Int? = 600,
    status: CertificateStatus? = .valid
  ) {
    var c = Certification(supplierID: supplier, standard: standard)
    c.certificateNumber = number ?? "C-\(catalog.certifications.count + 1)"
    c.certificationBody = body
    c.accreditationBody = accreditation
    c.issuedOn = issuedDaysAgo.map { asOf.adding(days: -$0) }
    c.expiresOn = expiresInDays.map { asOf.adding(days: $0) }
    c.status = status
    catalog.certifications.append(Sourced(c, source: Self.here))
  }

  mutating func audit(
    _ supplier: String, result: AuditResult = .pass, daysAgo: Int = 100, auditor: String? = "SGS",
    major: Int? = 0,
    minor: Int? = 0, score: Double? = nil, validUntilInDays: Int? = nil
  ) {
    var a = Audit(
      id: "A-\(catalog.audits.count + 1)", supplierID: supplier, kind: .factoryAudit,
      date: asOf.adding(days: -daysAgo),
      result: result)
    a.auditor = auditor
    a.majorFindings = major
    a.minorFindings = minor
    a.score = score
    a.validUntil = validUntilInDays.map { asOf.adding(days: $0) }
    catalog.audits.append(Sourced(a, source: Self.here))
  }

  @discardableResult
  mutating func order(
    _ supplier: String, amount: Int64 = 10_000, lateDays: Int? = 0, daysAgo: Int = 120,
    dispute: DisputeStatus? = DisputeStatus.none,
    payment: PaymentMethod? = .bankTransfer, tradeAssurance: Bool? = true
  ) -> String {
    nextOrder += 1
    let id = "O-\(nextOrder)"
    var o = Order(
      id: id, supplierID: supplier, orderDate: asOf.adding(days: -daysAgo), amount: Money(cents: amount * 100)
    )
    o.agreedShipDate = asOf.adding(days: -daysAgo + 30)
    if let lateDays { o.shippedDate = asOf.adding(days: -daysAgo + 30 + lateDays) }
    o.dispute = dispute
    o.paymentMethod = payment
    o.tradeAssurance = tradeAssurance
    catalog.orders.append(Sourced(o, source: Self.here))
    return id
  }

  /// The five orders the delivery suggestion speaks of: shipped on time, inspected and passed,
  /// without a dispute.
  mutating func nextOrdersGoWell(_ supplier: String) {
    for k in 0..<5 {
      var o = Order(
        id: "NEXT-\(k)", supplierID: supplier, orderDate: asOf.adding(days: -40),
        amount: Money(cents: 100_000))
      o.agreedShipDate = asOf.adding(days: -10)
      o.shippedDate = asOf.adding(days: -11)
      o.dispute = DisputeStatus.none
      o.inspectionResult = .pass
      catalog.orders.append(Sourced(o, source: SourceRef(file: 0, line: Int32(900 + k))))
    }
  }

  func score(_ policy: Policy = .default, suggests: Bool = true) -> ScoringRun {
    var scorer = Scorer(policy: policy, asOf: asOf)
    scorer.suggests = suggests
    return scorer.score(catalog)
  }

  func assessment(_ id: String, _ policy: Policy = .default, suggests: Bool = true) -> SupplierAssessment {
    score(policy, suggests: suggests).suppliers.first { $0.supplier.id == id }!
  }
}

/// The seeded generator generated catalogs use, so that they are the same on every run.
typealias SeededRandom = SplitMix64

extension TestCatalog {
  /// A random but plausible catalog: suppliers with varied reviews, certificates, audits and orders.
  static func random(seed: UInt64, suppliers: Int = 12) -> TestCatalog {
    var rng = SeededRandom(seed: seed)
    var t = TestCatalog()
    let texts = [
      "good quality", "fast shipping and good packing", "slow reply", "as described", "poor finish",
    ]
    for n in 0..<suppliers {
      let id = t.supplier("S-\(n)") { s in
        s.tradeAssurance = Bool.random(using: &rng)
        s.tradeAssuranceLimit = Money(cents: Int64.random(in: 1_000...200_000, using: &rng) * 100)
        s.yearEstablished = Int.random(in: 1995...2025, using: &rng)
        s.verifiedSupplier = Bool.random(using: &rng) ? true : nil
        s.responseRate = Double.random(in: 0.5...1, using: &rng)
        s.onTimeDeliveryRate = Bool.random(using: &rng) ? Double.random(in: 0.6...1, using: &rng) : nil
        s.transactions12m = Int.random(in: 0...300, using: &rng)
      }
      for _ in 0..<Int.random(in: 0...40, using: &rng) {
        t.review(
          id, rating: Double(Int.random(in: 1...5, using: &rng)),
          daysAgo: Int.random(in: 0...900, using: &rng),
          verified: Bool.random(using: &rng), reviewer: "BYR-\(Int.random(in: 0...60, using: &rng))",
          text: texts.randomElement(using: &rng))
      }
      for _ in 0..<Int.random(in: 0...3, using: &rng) {
        t.certificate(
          id, ["ISO9001", "ISO14001", "CE"].randomElement(using: &rng)!,
          issuedDaysAgo: Int.random(in: 10...1000, using: &rng),
          expiresInDays: Int.random(in: -300...900, using: &rng))
      }
      for _ in 0..<Int.random(in: 0...2, using: &rng) {
        t.audit(
          id, result: [.pass, .conditional, .fail].randomElement(using: &rng)!,
          daysAgo: Int.random(in: 1...1500, using: &rng))
      }
      for _ in 0..<Int.random(in: 0...5, using: &rng) {
        t.order(
          id, lateDays: Int.random(in: -3...20, using: &rng), daysAgo: Int.random(in: 40...700, using: &rng),
          dispute: Int.random(in: 0...9, using: &rng) == 0 ? .refunded : DisputeStatus.none)
      }
    }
    return t
  }
}

/// The number a suggestion beginning with `words` promises ("... would add about 7 points": 7).
func promisedNumber(
  in suggestions: [String], after words: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> Double {
  let suggestion = try #require(
    suggestions.first { $0.hasPrefix(words) }, "\(suggestions)", sourceLocation: sourceLocation)
  return try #require(
    Double(suggestion.dropFirst(words.count).prefix { $0.isNumber }), sourceLocation: sourceLocation)
}
