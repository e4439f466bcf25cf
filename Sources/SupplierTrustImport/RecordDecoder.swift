import SupplierTrustModel
import SupplierTrustStore

/// A record decoded and checked against every rule of the contract.
public enum DecodedRecord: Sendable {
  case supplier(Supplier)
  case certification(Certification)
  case audit(Audit)
  case review(Review)
  case order(Order)

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

/// Checks the fields of one record against every rule of the contract and appends its values,
/// in the store's column order (``Schema``), to a ``RowBuilder``; or throws the first rule it
/// breaks, in column order, appending nothing.
enum RecordDecoder {
  /// The number of values a record of `kind` has (its table's columns before `import_id`).
  static func width(_ kind: RecordKind) -> Int { kind.storeValueCount }

  /// The index of the supplier reference among a record's values.
  static func supplierValueIndex(_ kind: RecordKind) -> Int { kind == .suppliers ? 0 : 1 }

  /// `standards`, when given, normalises a certificate's standard once per spelling (it belongs
  /// to the calling thread).
  static func decode<S: FieldSource>(
    _ kind: RecordKind, _ source: S, into row: inout RowBuilder, collector: ProblemCollector? = nil,
    standards: StandardSpellings? = nil
  ) throws(FieldProblem) {
    var reader = FieldReader(source: source, kind: kind, collector: collector)
    reader.standards = standards
    try decode(reader, into: &row)
  }

  /// ``decode(_:_:into:collector:standards:)`` of the record `reader` reads, as its kind. A reader
  /// of a batch's records is made once and has each record's source put in place: a reader made
  /// per record was copied sixteen bytes at a time from the eight-byte halves just stored, which
  /// stalled on every record (store forwarding fails; a tenth of loading L's reviews).
  static func decode<S: FieldSource>(_ reader: FieldReader<S>, into row: inout RowBuilder)
    throws(FieldProblem)
  {
    switch reader.kind {
    case .suppliers: try supplier(reader, &row)
    case .certifications: try certification(reader, &row)
    case .audits: try audit(reader, &row)
    case .reviews: try review(reader, &row)
    case .orders: try order(reader, &row)
    }
  }

  /// Every rule a refused record breaks, one per column, in the order checking meets them (the
  /// first is the one ``decode(_:_:into:collector:)`` throws): so that a user fixes a record once,
  /// not once per problem. Run only for refused records.
  static func problems<S: FieldSource>(_ kind: RecordKind, _ source: S) -> [FieldProblem] {
    let collector = ProblemCollector()
    var scratch = RowBuilder()
    return withExtendedLifetime(collector) {
      do throws(FieldProblem) {
        try decode(kind, source, into: &scratch, collector: collector)
      } catch {
        // Collecting, nothing is thrown; keep what there is should that ever change.
        return collector.problems + [error]
      }
      return collector.problems
    }
  }

  static func supplier<S>(_ f: FieldReader<S>, _ row: inout RowBuilder) throws(FieldProblem) {
    let id = try f.requiredIdentifier(0)
    let name = try f.requiredText(1, &row)
    let country = try f.country(2, &row)
    if country.isNull { try f.fail(f.missing(2), in: 2, ()) }
    let region = try f.text(3, &row)
    let businessType = try f.enumeration(4, as: BusinessType.self)
    var categories = try f.text(5, &row)
    if !categories.isNull, !Self.isTidyList(f.source.bytes(of: categories), row) {
      // Blanks around items or empty items: the list is stored tidied.
      let list = try f.string(5) ?? ""
      let items = Supplier.categories(inList: list).map { $0[...].trimmingBlanks() }.filter { !$0.isEmpty }
      categories = items.isEmpty ? .null : row.made(items.joined(separator: ";"))
    }
    let yearEstablished = try f.year(6)
    let employees = try f.count(7)
    let tradeAssurance = try f.flag(8)
    let limit = try f.money(9)
    let goldSupplierSince = try f.year(10)
    let verified = try f.flag(11)
    let licenseVerified = try f.flag(12)
    let responseRate = try f.rate(13)
    let responseHours = try f.number(14, in: 0...10_000)
    let onTime = try f.rate(15)
    let platformRating = try f.number(16, in: 0...5)
    let transactions = try f.count(17)
    let revenue = try f.money(18)
    // A Gold Supplier year before the year established is kept as written: the contract has no
    // such rule (a company re-registered under a new year keeps its membership), and refusing the
    // profile would refuse every record of the supplier with it.
    row.values.append(id)
    row.values.append(name)
    row.values.append(country)
    row.values.append(region)
    row.values.append(businessType.map { row.made($0.rawValue) } ?? .null)
    row.values.append(categories)
    row.values.append(.integer(yearEstablished))
    row.values.append(.integer(employees))
    row.values.append(.flag(tradeAssurance))
    row.values.append(.integer(limit?.cents))
    row.values.append(.integer(goldSupplierSince))
    row.values.append(.flag(verified))
    row.values.append(.flag(licenseVerified))
    row.values.append(.real(responseRate))
    row.values.append(.real(responseHours))
    row.values.append(.real(onTime))
    row.values.append(.real(platformRating))
    row.values.append(.integer(transactions))
    row.values.append(.integer(revenue?.cents))
  }

  static func certification<S>(_ f: FieldReader<S>, _ row: inout RowBuilder) throws(FieldProblem) {
    let supplierID = try f.requiredIdentifier(0)
    let standard = try f.standard(1)
    let number = try f.text(2, &row)
    let body = try f.text(3, &row)
    let accreditation = try f.text(4, &row)
    let issued = try f.day(5)
    let expires = try f.day(6)
    let status = try f.enumeration(7, as: CertificateStatus.self)
    let scope = try f.text(8, &row)
    try f.order(5, issued, 6, expires)
    // The key as ``Certification/key`` spells it, made from the stored values.
    let start = row.extra.count
    row.extra.append(contentsOf: Self.bytes(supplierID, f, row))
    row.extra.append(UInt8(ascii: "|"))
    row.extra.append(contentsOf: standard.utf8)
    row.extra.append(UInt8(ascii: "|"))
    if !number.isNull {
      row.extra.append(UInt8(ascii: "#"))
      row.extra.append(contentsOf: Self.bytes(number, f, row))
      row.extra.append(UInt8(ascii: "|"))
      row.extra.append(contentsOf: (issued?.description ?? "").utf8)
    } else {
      row.extra.append(contentsOf: (issued?.description ?? "").utf8)
      row.extra.append(UInt8(ascii: "|"))
      if !body.isNull { row.extra.append(contentsOf: Self.bytes(body, f, row)) }
    }
    let key = StoreValue.text(buffer: RowBuilder.extraBuffer, offset: start, count: row.extra.count - start)
    row.values.append(key)
    row.values.append(supplierID)
    row.values.append(row.made(standard))
    row.values.append(number)
    row.values.append(body)
    row.values.append(accreditation)
    row.values.append(.integer(issued.map { Int($0.daysSinceEpoch) }))
    row.values.append(.integer(expires.map { Int($0.daysSinceEpoch) }))
    row.values.append(status.map { row.made($0.rawValue) } ?? .null)
    row.values.append(scope)
  }

  /// Whether a `;` list has no blank next to a separator or at either end and no empty item, so
  /// that it is stored as written. (Bytes made by the builder are never tidy: they had a CR.)
  private static func isTidyList(_ bytes: UnsafeBufferPointer<UInt8>, _ row: RowBuilder) -> Bool {
    var previous: UInt8 = 0x3B
    for byte in bytes {
      if byte == 0x3B && (previous == 0x3B || previous == 0x20 || previous == 0x09) { return false }
      if (byte == 0x20 || byte == 0x09) && previous == 0x3B { return false }
      previous = byte
    }
    return previous != 0x3B && previous != 0x20 && previous != 0x09
  }

  /// The bytes of a text value just read: from the source, or from the builder's own bytes.
  private static func bytes<S>(_ value: StoreValue, _ f: FieldReader<S>, _ row: RowBuilder) -> [UInt8] {
    if value.buffer == RowBuilder.extraBuffer {
      return Array(row.extra[Int(value.payload)..<(Int(value.payload) + Int(value.count))])
    }
    return Array(f.source.bytes(of: value))
  }

  static func audit<S>(_ f: FieldReader<S>, _ row: inout RowBuilder) throws(FieldProblem) {
    let id = try f.requiredIdentifier(0)
    let supplierID = try f.requiredIdentifier(1)
    let kind = try f.required(f.enumeration(2, as: AuditKind.self), 2, fallback: .factoryAudit)
    let auditor = try f.text(3, &row)
    let date = try f.requiredDay(4)
    let result = try f.required(f.enumeration(5, as: AuditResult.self), 5, fallback: .pass)
    let score = try f.number(6, in: 0...100)
    let major = try f.count(7)
    let minor = try f.count(8)
    let validUntil = try f.day(9)
    try f.order(4, date, 9, validUntil)
    row.values.append(id)
    row.values.append(supplierID)
    row.values.append(row.made(kind.rawValue))
    row.values.append(auditor)
    row.values.append(.integer(Int64(date.daysSinceEpoch)))
    row.values.append(row.made(result.rawValue))
    row.values.append(.real(score))
    row.values.append(.integer(major))
    row.values.append(.integer(minor))
    row.values.append(.integer(validUntil.map { Int($0.daysSinceEpoch) }))
  }

  static func review<S>(_ f: FieldReader<S>, _ row: inout RowBuilder) throws(FieldProblem) {
    let id = try f.requiredIdentifier(0)
    let supplierID = try f.requiredIdentifier(1)
    let rating = try f.requiredNumber(2, in: 1...5, decimals: 1)
    let date = try f.requiredDay(3)
    let reviewer = try f.identifier(4)
    let country = try f.country(5, &row)
    let verified = try f.flag(6)
    let orderID = try f.identifier(7)
    let quality = try f.number(8, in: 1...5, decimals: 1)
    let delivery = try f.number(9, in: 1...5, decimals: 1)
    let communication = try f.number(10, in: 1...5, decimals: 1)
    let text = try f.text(11, &row)
    row.values.append(id)
    row.values.append(supplierID)
    row.values.append(.real(rating))
    row.values.append(.integer(Int64(date.daysSinceEpoch)))
    row.values.append(reviewer)
    row.values.append(country)
    row.values.append(.flag(verified))
    row.values.append(orderID)
    row.values.append(.real(quality))
    row.values.append(.real(delivery))
    row.values.append(.real(communication))
    row.values.append(text)
  }

  static func order<S>(_ f: FieldReader<S>, _ row: inout RowBuilder) throws(FieldProblem) {
    let id = try f.requiredIdentifier(0)
    let supplierID = try f.requiredIdentifier(1)
    let date = try f.requiredDay(2)
    let amount = try f.requiredMoney(3)
    let payment = try f.enumeration(4, as: PaymentMethod.self)
    let tradeAssurance = try f.flag(5)
    let agreed = try f.day(6)
    let shipped = try f.day(7)
    let delivered = try f.day(8)
    let inspection = try f.enumeration(9, as: InspectionResult.self)
    let dispute = try f.enumeration(10, as: DisputeStatus.self)
    let opened = try f.day(11)
    let closed = try f.day(12)
    let refund = try f.money(13)
    try f.order(2, date, 6, agreed)
    try f.order(2, date, 7, shipped)
    try f.order(7, shipped, 8, delivered)
    try f.order(2, date, 11, opened)
    try f.order(11, opened, 12, closed)
    if let refund, refund > amount, f.canCompare(13, 3) {
      try f.fail(
        FieldProblem(
          column: "refund_usd", value: f.text(of: 13) ?? refund.description,
          reason: "refund_usd \(refund) is more than amount_usd \(amount)",
          fix: "correct the refund or the amount"), in: 13, ())
    }
    if dispute == nil || dispute == DisputeStatus.none, opened != nil, f.canCompare(10, 11) {
      try f.fail(
        FieldProblem(
          column: "dispute", value: dispute?.rawValue ?? "",
          reason: dispute == nil
            ? "dispute_opened_on is set but dispute is empty (its status is not stated)"
            : "dispute_opened_on is set but dispute says there is none",
          fix:
            "set dispute to open, refunded, partially_refunded, rejected or withdrawn, or clear dispute_opened_on"
        ), in: 10, ())
    }
    func day(_ value: Day?) -> StoreValue { .integer(value.map { Int($0.daysSinceEpoch) }) }
    row.values.append(id)
    row.values.append(supplierID)
    row.values.append(day(date))
    row.values.append(.integer(amount.cents))
    row.values.append(payment.map { row.made($0.rawValue) } ?? .null)
    row.values.append(.flag(tradeAssurance))
    row.values.append(day(agreed))
    row.values.append(day(shipped))
    row.values.append(day(delivered))
    row.values.append(inspection.map { row.made($0.rawValue) } ?? .null)
    row.values.append(dispute.map { row.made($0.rawValue) } ?? .null)
    row.values.append(day(opened))
    row.values.append(day(closed))
    row.values.append(.integer(refund?.cents))
  }
}

extension DecodedRecord {
  /// The model value of a checked record given as store values (see ``RecordDecoder``).
  init(_ kind: RecordKind, _ row: StoreRow) {
    func text(_ i: Int) -> String? { row.string(i) }
    func int(_ i: Int) -> Int? { row[i].int64.map { Int($0) } }
    func flag(_ i: Int) -> Bool? { row[i].int64.map { $0 != 0 } }
    func real(_ i: Int) -> Double? { row[i].double }
    func money(_ i: Int) -> Money? { row[i].int64.map { Money(cents: $0) } }
    func day(_ i: Int) -> Day? { row[i].int64.map { Day(daysSinceEpoch: Int32($0)) } }
    func value<E: RecordEnumeration>(_ i: Int, _ type: E.Type) -> E? { text(i).flatMap { E(rawValue: $0) } }
    switch kind {
    case .suppliers:
      var s = Supplier(id: text(0)!, name: text(1)!, country: text(2)!)
      s.region = text(3)
      s.businessType = value(4, BusinessType.self)
      s.categories = text(5).map(Supplier.categories(inList:)) ?? []
      s.yearEstablished = int(6)
      s.employees = int(7)
      s.tradeAssurance = flag(8)
      s.tradeAssuranceLimit = money(9)
      s.goldSupplierSince = int(10)
      s.verifiedSupplier = flag(11)
      s.businessLicenseVerified = flag(12)
      s.responseRate = real(13)
      s.medianResponseHours = real(14)
      s.onTimeDeliveryRate = real(15)
      s.platformRating = real(16)
      s.transactions12m = int(17)
      s.revenue12m = money(18)
      self = .supplier(s)
    case .certifications:
      var c = Certification(supplierID: text(1)!, standard: text(2)!)
      c.certificateNumber = text(3)
      c.certificationBody = text(4)
      c.accreditationBody = text(5)
      c.issuedOn = day(6)
      c.expiresOn = day(7)
      c.status = value(8, CertificateStatus.self)
      c.scope = text(9)
      self = .certification(c)
    case .audits:
      var a = Audit(
        id: text(0)!, supplierID: text(1)!, kind: value(2, AuditKind.self)!, date: day(4)!,
        result: value(5, AuditResult.self)!)
      a.auditor = text(3)
      a.score = real(6)
      a.majorFindings = int(7)
      a.minorFindings = int(8)
      a.validUntil = day(9)
      self = .audit(a)
    case .reviews:
      var r = Review(id: text(0)!, supplierID: text(1)!, rating: real(2)!, date: day(3)!)
      r.reviewerID = text(4)
      r.reviewerCountry = text(5)
      r.verifiedPurchase = flag(6)
      r.orderID = text(7)
      r.productQuality = real(8)
      r.delivery = real(9)
      r.communication = real(10)
      r.text = text(11)
      self = .review(r)
    case .orders:
      var o = Order(id: text(0)!, supplierID: text(1)!, orderDate: day(2)!, amount: money(3)!)
      o.paymentMethod = value(4, PaymentMethod.self)
      o.tradeAssurance = flag(5)
      o.agreedShipDate = day(6)
      o.shippedDate = day(7)
      o.deliveredDate = day(8)
      o.inspectionResult = value(9, InspectionResult.self)
      o.dispute = value(10, DisputeStatus.self)
      o.disputeOpenedOn = day(11)
      o.disputeClosedOn = day(12)
      o.refund = money(13)
      self = .order(o)
    }
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
