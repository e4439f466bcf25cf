import SupplierTrustModel

/// The ways a record is made invalid; the raw value is the manifest's `kind`.
enum FaultKind: String, Sendable {
  case idWithSpace = "invalid_id"
  case idTooLong = "id_too_long"
  case duplicateID = "duplicate_id"
  case unknownSupplier = "unknown_supplier"
  case missingRequired = "missing_required"
  case invalidCountry = "invalid_country"
  case invalidBoolean = "invalid_boolean"
  case rateOutOfRange = "rate_out_of_range"
  case invalidMoney = "invalid_money"
  case ratingOutOfRange = "rating_out_of_range"
  case ratingNotNumber = "rating_not_a_number"
  case invalidDate = "invalid_date"
  case invalidDateFormat = "invalid_date_format"
  case unknownEnum = "unknown_enum_value"
  case expiresBeforeIssued = "expires_before_issued"
  /// A record of a spoilt supplier: rejected with it, itself unchanged.
  case supplierRejected = "supplier_rejected"
}

/// Decides which records to spoil and spoils them, each in exactly one column, so that every
/// fault yields exactly one rejected record.
///
/// It draws from its own random stream: the clean data does not depend on the rate.
struct FaultInjector {
  private var rng: Random
  let rate: Double
  /// The number of the last valid record of each kind that has an id: what a duplicate copies,
  /// since copying a rejected record's id would not be a duplicate for the importer.
  private var lastValid: [Int]
  private(set) var injected = 0

  init(seed: UInt64, rate: Double) {
    rng = Random(seed: seed, stream: 0xFA17_FA17)
    self.rate = rate
    lastValid = Array(repeating: 0, count: RecordKind.allCases.count)
  }

  /// Maybe spoils `row` (record `number` of `kind`) and says how.
  @inline(__always)
  mutating func inject(_ kind: RecordKind, into row: inout RecordRow, number: Int) -> Fault? {
    guard rate > 0 else { return nil }
    guard rng.chance(rate) else {
      lastValid[kind.rawValue] = number
      return nil
    }
    injected += 1
    return spoil(kind, &row, number: number)
  }

  private mutating func spoil(_ kind: RecordKind, _ row: inout RecordRow, number: Int) -> Fault {
    let options = Self.options[kind.rawValue]
    var fault = options[rng.below(options.count)]
    if fault.kind == .duplicateID && lastValid[kind.rawValue] == 0 {
      fault = Fault(column: 0, kind: .idWithSpace)
    }
    switch fault.kind {
    case .idWithSpace:
      var id = kind.idPrefix.dropLast().map { $0 }
      id.append(0x20)
      var digits = RecordRow()
      digits.add(int: number, width: kind.idDigits)
      id.append(contentsOf: digits.bytes)
      row.replace(fault.column, with: id)
    case .idTooLong:
      var id = RecordRow()
      id.add(id: number, of: kind)
      id.add(utf8("-IMPORTED-FROM-LEGACY-ERP-BATCH-2026-11-EXPORT-SHEET-3-ROW-"))
      id.add(int: number)
      row.replace(fault.column, with: id.bytes)
    case .duplicateID:
      var id = RecordRow()
      id.add(id: lastValid[kind.rawValue], of: kind)
      row.replace(fault.column, with: id.bytes)
    case .unknownSupplier:
      var id = RecordRow()
      id.add(utf8("SUP-9"))
      id.add(int: rng.below(10_000_000), width: 7)
      row.replace(fault.column, with: id.bytes)
    case .missingRequired:
      row.replace(fault.column, with: [])
      if kind == .order { Self.clearDispute(&row) }
    case .invalidCountry:
      row.replace(fault.column, with: utf8("China"))
    case .invalidBoolean:
      row.replace(fault.column, with: utf8("maybe"))
    case .rateOutOfRange:
      row.replace(fault.column, with: utf8("140%"))
    case .invalidMoney:
      row.replace(fault.column, with: utf8(rng.chance(0.5) ? "25,000" : "$1,250.00"))
      if kind == .order { Self.clearDispute(&row) }
    case .ratingOutOfRange:
      // Platform ratings run 0...5, so only `7` is out of range there; buyer ratings start at 1.
      let zero = kind == .review && rng.chance(0.3)
      row.replace(fault.column, with: utf8(zero ? "0" : "7"))
    case .ratingNotNumber:
      row.replace(fault.column, with: utf8("abc"))
    case .invalidDate:
      row.replace(fault.column, with: utf8("2026-13-45"))
    case .invalidDateFormat:
      row.replace(fault.column, with: utf8("25/11/2026"))
    case .unknownEnum:
      row.replace(fault.column, with: utf8(Self.unknownEnumValue(kind)))
      if kind == .order { Self.clearDispute(&row) }
    case .expiresBeforeIssued:
      // issued_on is always a plain date for certificates; a year earlier keeps both real dates.
      let issued = row.copy(CertificationColumn.issuedOn)
      func number(_ digits: ArraySlice<UInt8>) -> Int { digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) } }
      let month = number(issued[5..<7])
      let day = number(issued[8..<10])
      var expires = RecordRow()
      expires.add(
        day: Day(
          rollingOverYear: number(issued[0..<4]) - 1, month: month, day: month == 2 ? min(day, 28) : day))
      row.replace(fault.column, with: expires.bytes)
    case .supplierRejected:
      // Not drawn: records of a spoilt supplier are listed by the builder, unchanged.
      break
    }
    return fault
  }

  private static func unknownEnumValue(_ kind: RecordKind) -> String {
    switch kind {
    case .supplier: return "manufacturer/trader"
    // Not a status at all ("pending" is IAF CertSearch's, and read as suspended).
    case .certification: return "tbd"
    case .audit: return "desk_review"
    case .review, .order: return "pending"
    }
  }

  /// A spoilt amount or dispute must not also trip the refund and dispute-date rules.
  private static func clearDispute(_ row: inout RecordRow) {
    if !row.isEmpty(OrderColumn.dispute) && row.copy(OrderColumn.dispute) != utf8("pending") {
      row.replace(OrderColumn.dispute, with: utf8("none"))
    }
    row.replace(OrderColumn.openedOn, with: [])
    row.replace(OrderColumn.closedOn, with: [])
    row.replace(OrderColumn.refund, with: [])
  }

  /// The faults that make sense for each kind, by column. Duplicates and bad ids only where the
  /// kind has an id; unknown references only for records that point at a supplier.
  private static let options: [[Fault]] = {
    func f(_ column: Int, _ kind: FaultKind) -> Fault { Fault(column: column, kind: kind) }
    let supplier = [
      f(0, .idWithSpace), f(0, .idTooLong), f(0, .duplicateID), f(SupplierColumn.name, .missingRequired),
      f(SupplierColumn.country, .invalidCountry), f(SupplierColumn.tradeAssurance, .invalidBoolean),
      f(SupplierColumn.verified, .invalidBoolean), f(SupplierColumn.responseRate, .rateOutOfRange),
      f(SupplierColumn.onTimeRate, .rateOutOfRange), f(SupplierColumn.taLimit, .invalidMoney),
      f(SupplierColumn.platformRating, .ratingOutOfRange), f(SupplierColumn.businessType, .unknownEnum),
    ]
    let certification = [
      f(0, .unknownSupplier), f(CertificationColumn.standard, .missingRequired),
      f(CertificationColumn.issuedOn, .invalidDate), f(CertificationColumn.issuedOn, .invalidDateFormat),
      f(CertificationColumn.status, .unknownEnum), f(CertificationColumn.expiresOn, .expiresBeforeIssued),
    ]
    let audit = [
      f(0, .idWithSpace), f(0, .idTooLong), f(0, .duplicateID), f(1, .unknownSupplier),
      f(AuditColumn.kind, .unknownEnum), f(AuditColumn.auditDate, .invalidDate),
      f(AuditColumn.auditDate, .invalidDateFormat), f(AuditColumn.result, .missingRequired),
    ]
    let review = [
      f(0, .idWithSpace), f(0, .idTooLong), f(0, .duplicateID), f(1, .unknownSupplier),
      f(ReviewColumn.rating, .ratingOutOfRange), f(ReviewColumn.rating, .ratingNotNumber),
      f(ReviewColumn.rating, .missingRequired), f(ReviewColumn.reviewDate, .invalidDate),
      f(ReviewColumn.reviewDate, .invalidDateFormat), f(ReviewColumn.reviewerCountry, .invalidCountry),
      f(ReviewColumn.verifiedPurchase, .invalidBoolean), f(ReviewColumn.delivery, .ratingOutOfRange),
    ]
    let order = [
      f(0, .idWithSpace), f(0, .idTooLong), f(0, .duplicateID), f(1, .unknownSupplier),
      f(OrderColumn.orderDate, .invalidDate), f(OrderColumn.orderDate, .invalidDateFormat),
      f(OrderColumn.amount, .invalidMoney), f(OrderColumn.amount, .missingRequired),
      f(OrderColumn.tradeAssurance, .invalidBoolean), f(OrderColumn.dispute, .unknownEnum),
    ]
    return [supplier, certification, audit, review, order]
  }()
}
