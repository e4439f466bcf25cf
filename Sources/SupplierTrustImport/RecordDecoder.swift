import SupplierTrustModel

/// A record decoded and checked against every rule of the contract.
public enum DecodedRecord: Sendable {
  case supplier(Supplier)
  case certification(Certification)
  case audit(Audit)
  case review(Review)
  case order(Order)

  public var supplierID: String {
    switch self {
    case .supplier(let s): return s.id
    case .certification(let c): return c.supplierID
    case .audit(let a): return a.supplierID
    case .review(let r): return r.supplierID
    case .order(let o): return o.supplierID
    }
  }

  public var kind: RecordKind {
    switch self {
    case .supplier: return .suppliers
    case .certification: return .certifications
    case .audit: return .audits
    case .review: return .reviews
    case .order: return .orders
    }
  }

  /// The record's own id, as the user wrote it (certificates have none: their key is used).
  public var identity: String {
    switch self {
    case .supplier(let s): return s.id
    case .certification(let c): return c.key
    case .audit(let a): return a.id
    case .review(let r): return r.id
    case .order(let o): return o.id
    }
  }
}

/// Turns the fields of one record into a model value, or the first rule it breaks.
enum RecordDecoder {
  static func decode<S: FieldSource>(_ kind: RecordKind, _ source: S) throws(FieldProblem) -> DecodedRecord {
    switch kind {
    case .suppliers: return .supplier(try supplier(FieldReader(source: source, names: Columns.suppliers)))
    case .certifications:
      return .certification(try certification(FieldReader(source: source, names: Columns.certifications)))
    case .audits: return .audit(try audit(FieldReader(source: source, names: Columns.audits)))
    case .reviews: return .review(try review(FieldReader(source: source, names: Columns.reviews)))
    case .orders: return .order(try order(FieldReader(source: source, names: Columns.orders)))
    }
  }

  static func supplier<S>(_ f: FieldReader<S>) throws(FieldProblem) -> Supplier {
    let id = try f.requiredIdentifier(0)
    let name = try f.requiredText(1)
    guard let country = try f.country(2) else { throw f.missing(2) }
    var s = Supplier(id: id, name: name, country: country)
    s.region = try f.text(3)
    s.businessType = try f.enumeration(4, as: BusinessType.self)
    if let categories = try f.text(5) {
      s.categories = categories.split(separator: ";").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    }
    s.yearEstablished = try f.year(6)
    s.employees = try f.count(7)
    s.tradeAssurance = try f.flag(8)
    s.tradeAssuranceLimit = try f.money(9)
    s.goldSupplierSince = try f.year(10)
    s.verifiedSupplier = try f.flag(11)
    s.businessLicenseVerified = try f.flag(12)
    s.responseRate = try f.rate(13)
    s.medianResponseHours = try f.number(14, in: 0...10_000)
    s.onTimeDeliveryRate = try f.rate(15)
    s.platformRating = try f.number(16, in: 0...5)
    s.transactions12m = try f.count(17)
    s.revenue12m = try f.money(18)
    if let since = s.goldSupplierSince, let founded = s.yearEstablished, since < founded {
      throw FieldProblem(
        column: "gold_supplier_since", value: String(since),
        reason: "gold_supplier_since \(since) is before year_established \(founded)",
        fix: "correct one of the two years")
    }
    return s
  }

  static func certification<S>(_ f: FieldReader<S>) throws(FieldProblem) -> Certification {
    var c = Certification(supplierID: try f.requiredIdentifier(0), standard: try f.standard(1))
    c.certificateNumber = try f.text(2)
    c.certificationBody = try f.text(3)
    c.accreditationBody = try f.text(4)
    c.issuedOn = try f.day(5)
    c.expiresOn = try f.day(6)
    c.status = try f.enumeration(7, as: CertificateStatus.self)
    c.scope = try f.text(8)
    try f.order(5, c.issuedOn, 6, c.expiresOn)
    return c
  }

  static func audit<S>(_ f: FieldReader<S>) throws(FieldProblem) -> Audit {
    let id = try f.requiredIdentifier(0)
    let supplierID = try f.requiredIdentifier(1)
    guard let kind = try f.enumeration(2, as: AuditKind.self) else { throw f.missing(2) }
    let auditor = try f.text(3)
    let date = try f.requiredDay(4)
    guard let result = try f.enumeration(5, as: AuditResult.self) else { throw f.missing(5) }
    var a = Audit(id: id, supplierID: supplierID, kind: kind, date: date, result: result)
    a.auditor = auditor
    a.score = try f.number(6, in: 0...100)
    a.majorFindings = try f.count(7)
    a.minorFindings = try f.count(8)
    a.validUntil = try f.day(9)
    try f.order(4, a.date, 9, a.validUntil)
    return a
  }

  static func review<S>(_ f: FieldReader<S>) throws(FieldProblem) -> Review {
    let id = try f.requiredIdentifier(0)
    let supplierID = try f.requiredIdentifier(1)
    let rating = try f.requiredNumber(2, in: 1...5, decimals: 1)
    let date = try f.requiredDay(3)
    var r = Review(id: id, supplierID: supplierID, rating: rating, date: date)
    r.reviewerID = try f.identifier(4)
    r.reviewerCountry = try f.country(5)
    r.verifiedPurchase = try f.flag(6)
    r.orderID = try f.identifier(7)
    r.productQuality = try f.number(8, in: 1...5, decimals: 1)
    r.delivery = try f.number(9, in: 1...5, decimals: 1)
    r.communication = try f.number(10, in: 1...5, decimals: 1)
    r.text = try f.text(11)
    return r
  }

  static func order<S>(_ f: FieldReader<S>) throws(FieldProblem) -> Order {
    let id = try f.requiredIdentifier(0)
    let supplierID = try f.requiredIdentifier(1)
    let date = try f.requiredDay(2)
    let amount = try f.requiredMoney(3)
    var o = Order(id: id, supplierID: supplierID, orderDate: date, amount: amount)
    o.paymentMethod = try f.enumeration(4, as: PaymentMethod.self)
    o.tradeAssurance = try f.flag(5)
    o.agreedShipDate = try f.day(6)
    o.shippedDate = try f.day(7)
    o.deliveredDate = try f.day(8)
    o.inspectionResult = try f.enumeration(9, as: InspectionResult.self)
    o.dispute = try f.enumeration(10, as: DisputeStatus.self)
    o.disputeOpenedOn = try f.day(11)
    o.disputeClosedOn = try f.day(12)
    o.refund = try f.money(13)
    try f.order(2, o.orderDate, 6, o.agreedShipDate)
    try f.order(2, o.orderDate, 7, o.shippedDate)
    try f.order(7, o.shippedDate, 8, o.deliveredDate)
    try f.order(2, o.orderDate, 11, o.disputeOpenedOn)
    try f.order(11, o.disputeOpenedOn, 12, o.disputeClosedOn)
    if let refund = o.refund, refund > amount {
      throw FieldProblem(
        column: "refund_usd", value: refund.description,
        reason: "refund_usd \(refund) is more than amount_usd \(amount)",
        fix: "correct the refund or the amount")
    }
    if o.dispute == nil || o.dispute == DisputeStatus.none, o.disputeOpenedOn != nil {
      throw FieldProblem(
        column: "dispute", value: o.dispute?.rawValue ?? "",
        reason: "dispute_opened_on is set but dispute says there is none",
        fix:
          "set dispute to open, refunded, partially_refunded, rejected or withdrawn, or clear dispute_opened_on"
      )
    }
    return o
  }
}

extension Substring {
  func trimmingBlanks() -> String {
    var s = self
    while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    return String(s)
  }
}
