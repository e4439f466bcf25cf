/// The contract's columns for each record kind, in the order the decoders index them.
public enum Columns {
  public static let suppliers = [
    "supplier_id", "name", "country", "region", "business_type", "categories", "year_established",
    "employees", "trade_assurance", "ta_limit_usd", "gold_supplier_since", "verified_supplier",
    "business_license_verified", "response_rate", "median_response_hours", "on_time_delivery_rate",
    "platform_rating", "transactions_12m", "revenue_12m_usd",
  ]
  public static let certifications = [
    "supplier_id", "standard", "certificate_number", "certification_body", "accreditation_body",
    "issued_on", "expires_on", "status", "scope",
  ]
  public static let audits = [
    "audit_id", "supplier_id", "kind", "auditor", "audit_date", "result", "score", "major_findings",
    "minor_findings", "valid_until",
  ]
  public static let reviews = [
    "review_id", "supplier_id", "rating", "review_date", "reviewer_id", "reviewer_country",
    "verified_purchase", "order_id", "product_quality", "delivery", "communication", "text",
  ]
  public static let orders = [
    "order_id", "supplier_id", "order_date", "amount_usd", "payment_method", "trade_assurance",
    "agreed_ship_date", "shipped_date", "delivered_date", "inspection_result", "dispute",
    "dispute_opened_on", "dispute_closed_on", "refund_usd",
  ]

  public static func names(_ kind: RecordKind) -> [String] {
    switch kind {
    case .suppliers: return suppliers
    case .certifications: return certifications
    case .audits: return audits
    case .reviews: return reviews
    case .orders: return orders
    }
  }

  /// Columns that must be present in a file's header for its records to be read at all.
  public static func required(_ kind: RecordKind) -> [String] {
    switch kind {
    case .suppliers: return ["supplier_id", "name", "country"]
    case .certifications: return ["supplier_id", "standard"]
    case .audits: return ["audit_id", "supplier_id", "kind", "audit_date", "result"]
    case .reviews: return ["review_id", "supplier_id", "rating", "review_date"]
    case .orders: return ["order_id", "supplier_id", "order_date", "amount_usd"]
    }
  }

  /// The kind whose columns a header holds, told by the column that only that kind has.
  public static func kind(forHeader names: [String]) -> RecordKind? {
    let set = Set(names)
    if set.contains("review_id") { return .reviews }
    if set.contains("audit_id") { return .audits }
    if set.contains("order_id") && set.contains("amount_usd") { return .orders }
    if set.contains("standard") { return .certifications }
    if set.contains("supplier_id") && (set.contains("name") || set.contains("country")) { return .suppliers }
    return nil
  }

  /// The normal form of a header name: trimmed, lower case, inner spaces as underscores.
  public static func normalizeHeader(_ name: String) -> String {
    var trimmed = Substring(name)
    while let first = trimmed.first, first.isWhitespace { trimmed = trimmed.dropFirst() }
    while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
    return trimmed.lowercased().replacingOccurrences(" ", with: "_")
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
