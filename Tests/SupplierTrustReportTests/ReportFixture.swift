import SupplierTrustReport
import SupplierTrustScoring
import SupplierTrustXML

/// Small catalogs built in code, scored and rendered as a report.
struct ReportFixture {
  var catalog = Catalog()
  let asOf = Day(year: 2026, month: 11, day: 25)!
  private var nextReview = 0
  private var nextOrder = 0

  init(path: String = "data/reviews.csv") {
    _ = catalog.addSource(SourceFile(path: path, sha256: String(repeating: "ab", count: 32), records: 1))
  }

  static let here = SourceRef(file: 0, line: 2)

  @discardableResult
  mutating func supplier(
    _ id: String, name: String? = nil, country: String = "CN",
    _ configure: (inout Supplier) -> Void = { _ in }
  ) -> String {
    var s = Supplier(id: id, name: name ?? "Supplier \(id)", country: country)
    s.tradeAssurance = true
    s.tradeAssuranceLimit = Money(cents: 5_000_000)
    s.yearEstablished = 2010
    configure(&s)
    catalog.suppliers.append(Sourced(s, source: Self.here))
    return id
  }

  mutating func review(
    _ supplier: String, rating: Double = 5, daysAgo: Int = 30, verified: Bool? = true,
    reviewer: String? = nil,
    text: String? = "good"
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
    _ supplier: String, _ standard: String = "ISO9001", body: String? = "SGS",
    accreditation: String? = "UKAS",
    issuedDaysAgo: Int = 400, expiresInDays: Int = 600, status: CertificateStatus? = .valid
  ) {
    var c = Certification(supplierID: supplier, standard: standard)
    c.certificateNumber = "C-\(catalog.certifications.count + 1)"
    c.certificationBody = body
    c.accreditationBody = accreditation
    c.issuedOn = asOf.adding(days: -issuedDaysAgo)
    c.expiresOn = asOf.adding(days: expiresInDays)
    c.status = status
    catalog.certifications.append(Sourced(c, source: Self.here))
  }

  mutating func audit(_ supplier: String, result: AuditResult = .pass, daysAgo: Int = 100) {
    var a = Audit(
      id: "A-\(catalog.audits.count + 1)", supplierID: supplier, kind: .factoryAudit,
      date: asOf.adding(days: -daysAgo), result: result)
    a.auditor = "SGS"
    a.majorFindings = 0
    a.minorFindings = 1
    catalog.audits.append(Sourced(a, source: Self.here))
  }

  mutating func order(_ supplier: String, amount: Int64 = 10_000, lateDays: Int = 0, daysAgo: Int = 120) {
    nextOrder += 1
    var o = Order(
      id: "O-\(nextOrder)", supplierID: supplier, orderDate: asOf.adding(days: -daysAgo),
      amount: Money(cents: amount * 100))
    o.agreedShipDate = asOf.adding(days: -daysAgo + 30)
    o.shippedDate = asOf.adding(days: -daysAgo + 30 + lateDays)
    o.deliveredDate = asOf.adding(days: -daysAgo + 50 + lateDays)
    o.dispute = DisputeStatus.none
    o.paymentMethod = .bankTransfer
    o.tradeAssurance = true
    catalog.orders.append(Sourced(o, source: Self.here))
  }

  /// A purchased-review campaign: new, unverified reviewers posting one phrase within three days.
  mutating func burst(_ supplier: String, count: Int = 20, daysAgo: Int = 20, text: String) {
    for i in 0..<count {
      review(
        supplier, rating: 5, daysAgo: daysAgo - i % 3, verified: false, reviewer: "NEW-\(supplier)-\(i)",
        text: text + (i % 2 == 0 ? "!" : ""))
    }
  }

  func input(
    detailCount: Int = 10, history: [String: [TrendPoint]] = [:],
    criteria: RankingCriteria = RankingCriteria()
  ) -> HTMLReportInput {
    let run = Scorer(policy: .default, asOf: asOf).score(catalog)
    let suppliers = criteria.apply(to: run)
    let list = RankedList(run: run, suppliers: suppliers, criteria: criteria.descriptions)
    let detailedIDs = Set(suppliers.prefix(detailCount).map(\.supplier.id))
    var reviews: [String: [Review]] = [:]
    for r in catalog.reviews where detailedIDs.contains(r.record.supplierID) {
      reviews[r.record.supplierID, default: []].append(r.record)
    }
    let orders = EligibilityChecker(asOf: asOf).check(catalog).filter { detailedIDs.contains($0.supplierID) }
    return HTMLReportInput(
      list: list, detailCount: detailCount, history: history, orders: orders,
      orderAmount: criteria.orderAmount, generatedAt: "2026-11-25T12:00:00Z", reviews: reviews)
  }

  /// A varied catalog of `count` ordinary suppliers.
  static func ordinary(count: Int) -> ReportFixture {
    var f = ReportFixture()
    for n in 0..<count {
      let id = f.supplier(
        "SUP-" + String(10_000 + n + 1).dropFirst(), country: ["CN", "VN", "TR", "IN"][n % 4]
      ) {
        $0.tradeAssurance = n % 5 == 0 ? false : true
      }
      for k in 0..<(n % 7) { f.review(id, rating: Double(1 + (n + k) % 5), daysAgo: 10 + 40 * k) }
      if n % 3 == 0 { f.certificate(id, expiresInDays: n % 2 == 0 ? 300 : -20) }
      if n % 4 == 1 { f.audit(id, result: n % 8 == 1 ? .pass : .fail) }
      if n % 2 == 0 { f.order(id, lateDays: n % 6) }
    }
    return f
  }
}

/// Tags libxml2 2.9's HTML 4 parser does not know but that are valid HTML5 or inline SVG.
let html5AndSVGTags: Set<String> = [
  "header", "nav", "main", "section", "figure", "figcaption", "footer", "svg", "desc", "rect", "line", "text",
  "circle", "polyline", "wbr",
]

extension HTMLParseResult {
  /// The elements named `name`, as nodes.
  func all(_ name: String) -> [HTMLNode] { elements(named: name).map { nodes[$0] } }

  /// The first element with this `id`.
  func element(id: String) -> Int? {
    nodes.indices.first { nodes[$0].kind == .element && nodes[$0].attribute("id") == id }
  }

  /// Child elements of the element at `index`.
  func children(of index: Int) -> [Int] {
    nodes.indices.filter { nodes[$0].parent == index && nodes[$0].kind == .element }
  }
}
