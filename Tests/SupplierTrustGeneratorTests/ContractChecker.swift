import Foundation

/// An independent, deliberately simple reading of the input contract: which records would an
/// importer reject, and for which column. The generator's manifest must match it exactly.
struct ContractChecker {
  struct Reject: Hashable, CustomStringConvertible {
    let file: String
    let line: Int
    let column: String
    var description: String { "\(file):\(line) \(column)" }
  }

  static let asOf = "2026-11-25"
  static let booleans: Set<String> = ["true", "false", "yes", "no", "1", "0", "y", "n"]
  static let enums: [String: Set<String>] = [
    "business_type": ["manufacturer", "trading_company", "agent", "distributor", "other"],
    "status": ["valid", "suspended", "withdrawn", "expired"],
    "kind": [
      "gold_supplier_onsite", "verified_supplier", "factory_audit", "social_compliance", "quality_inspection",
    ],
    "result": ["pass", "conditional", "fail"],
    "payment_method": [
      "credit_card", "debit_card", "paypal", "apple_pay", "google_pay", "afterpay", "bank_transfer",
      "western_union", "cash", "other",
    ],
    "inspection_result": ["pass", "fail", "not_inspected"],
    "dispute": ["none", "open", "refunded", "partially_refunded", "rejected", "withdrawn"],
  ]
  static let required: [String: [String]] = [
    "suppliers": ["supplier_id", "name", "country"],
    "certifications": ["supplier_id", "standard"],
    "audits": ["audit_id", "supplier_id", "kind", "audit_date", "result"],
    "reviews": ["review_id", "supplier_id", "rating", "review_date"],
    "orders": ["order_id", "supplier_id", "order_date", "amount_usd"],
  ]
  static let idColumns = [
    "suppliers": "supplier_id", "audits": "audit_id", "reviews": "review_id", "orders": "order_id",
  ]
  static let dateColumns: Set<String> = [
    "issued_on", "expires_on", "audit_date", "valid_until", "review_date", "order_date", "agreed_ship_date",
    "shipped_date", "delivered_date", "dispute_opened_on", "dispute_closed_on",
  ]
  static let boolColumns: Set<String> = [
    "trade_assurance", "verified_supplier", "business_license_verified", "verified_purchase",
  ]
  static let rateColumns: Set<String> = ["response_rate", "on_time_delivery_rate"]
  static let moneyColumns: Set<String> = ["ta_limit_usd", "revenue_12m_usd", "amount_usd", "refund_usd"]
  static let ratingColumns: Set<String> = [
    "rating", "platform_rating", "product_quality", "delivery", "communication",
  ]

  static func isIdentifier(_ value: String) -> Bool {
    !value.isEmpty && value.utf8.count <= 64
      && value.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
          || byte == 0x2E || byte == 0x5F || byte == 0x2D
      }
  }

  /// `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`, a real calendar day; returns the date part.
  static func date(_ value: String) -> String? {
    let bytes = Array(value.utf8)
    guard bytes.count == 10 || (bytes.count == 20 && bytes[10] == 0x54 && bytes[19] == 0x5A) else {
      return nil
    }
    let day = String(value.prefix(10))
    let parts = day.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1...12).contains(m), d >= 1, d <= daysInMonth(y, m)
    else { return nil }
    return day
  }

  static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  static func isRate(_ value: String) -> Bool {
    if value.hasSuffix("%") {
      guard let number = Double(value.dropLast()) else { return false }
      return (0...100).contains(number)
    }
    guard let number = Double(value) else { return false }
    return (0...1).contains(number)
  }

  static func isMoney(_ value: String) -> Bool {
    guard let number = Double(value), number >= 0 else { return false }
    return value.allSatisfy { $0.isNumber || $0 == "." }
  }

  static func isRating(_ value: String, low: Double) -> Bool {
    guard let number = Double(value), value.allSatisfy({ $0.isNumber || $0 == "." }) else { return false }
    return number >= low && number <= 5
  }

  /// Every reject in the CSV catalog, at most one per record (the first failing column).
  static func rejects(_ files: [String: ReadCSV]) -> Set<Reject> {
    var rejects: Set<Reject> = []
    var suppliers: Set<String> = []
    for name in recordFiles {
      let file = files[name]!
      var seen: Set<String> = []
      let idColumn = idColumns[name].map(file.column)
      for record in file.records {
        let bad = firstBadColumn(name, file, record.fields, seen: seen, suppliers: suppliers)
        if let bad {
          rejects.insert(Reject(file: name + ".csv", line: record.line, column: bad))
        } else if let idColumn {
          seen.insert(record.fields[idColumn])
          if name == "suppliers" { suppliers.insert(record.fields[idColumn]) }
        }
      }
    }
    return rejects
  }

  private static func firstBadColumn(
    _ name: String, _ file: ReadCSV, _ fields: [String], seen: Set<String>, suppliers: Set<String>
  ) -> String? {
    for (index, column) in file.header.enumerated() {
      let value = fields[index]
      if value.isEmpty {
        if required[name]!.contains(column) { return column }
        continue
      }
      if column == idColumns[name] {
        if !isIdentifier(value) || seen.contains(value) { return column }
      } else if column == "supplier_id" {
        if !suppliers.contains(value) { return column }
      } else if dateColumns.contains(column) {
        guard let day = date(value) else { return column }
        if column == "expires_on", let issued = date(fields[file.column("issued_on")]), day < issued {
          return column
        }
      } else if boolColumns.contains(column) {
        if !booleans.contains(value.lowercased()) { return column }
      } else if rateColumns.contains(column) {
        if !isRate(value) { return column }
      } else if moneyColumns.contains(column) {
        if !isMoney(value) { return column }
      } else if ratingColumns.contains(column) {
        if !isRating(value, low: column == "platform_rating" ? 0 : 1) { return column }
      } else if column == "country" || column == "reviewer_country" {
        if value.utf8.count != 2 || !value.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) { return column }
      } else if let allowed = enums[column] {
        if !allowed.contains(value) { return column }
      }
    }
    return nil
  }
}
