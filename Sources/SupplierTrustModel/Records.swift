/// The five kinds of record a catalog holds.
public enum RecordKind: String, CaseIterable, Sendable, Codable, Comparable {
  case suppliers, certifications, audits, reviews, orders

  /// Suppliers first: the other kinds refer to them.
  public var importOrder: Int {
    switch self {
    case .suppliers: return 0
    case .certifications: return 1
    case .audits: return 2
    case .orders: return 3
    case .reviews: return 4
    }
  }

  /// Orders kinds by ``importOrder``, so that suppliers sort first.
  public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.importOrder < rhs.importOrder }
}

/// Where a record came from: the import that stored it and the line where it starts.
public struct Provenance: Hashable, Sendable {
  /// The import that stored the record.
  public var importID: Int64
  /// The line of the source file where the record starts.
  public var line: Int
  /// Makes the provenance of a record stored by import `importID`, starting at `line`.
  public init(importID: Int64, line: Int) {
    self.importID = importID
    self.line = line
  }
}

/// A supplier's marketplace profile. Optional fields are unknown when nil (never zero).
public struct Supplier: Hashable, Sendable {
  /// The supplier's unique identifier (`supplier_id`; the `id` attribute in XML).
  public var id: String
  /// The company name as the catalog lists it (`name`).
  public var name: String
  /// Where the supplier is registered: an ISO 3166-1 alpha-2 code, stored upper-case (`country`).
  public var country: String
  /// The province or state (`region`); nil when the catalog leaves it empty.
  public var region: String?
  /// Manufacturer, trading company, agent, ... (`business_type`); nil when unknown.
  public var businessType: BusinessType?
  /// The main product categories (`categories`, a `;`-separated list); empty when none are given.
  public var categories: [String]

  /// The items of a `;`-separated category list, empty items left out. Split on the `;` byte,
  /// not by Character: a `;` followed by a combining mark is one Character, and splitting by
  /// Character ran grapheme breaking over every list (17,000 instructions a supplier). Files, the
  /// store and the import's tidying all split here, so that they agree.
  public static func categories(inList list: String) -> [String] {
    var list = list
    // Over the contiguous bytes: the UTF-8 view's generic `split` still cost 5,000 instructions
    // a list. A `;` is never inside a multi-byte character, so every item is whole UTF-8.
    return list.withUTF8 { bytes in
      var items: [String] = []
      var start = 0
      for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ";") {
        if end > start {
          items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        start = end + 1
      }
      return items
    }
  }
  /// The four-digit year the company was founded (`year_established`).
  public var yearEstablished: Int?
  /// The head count (`employees`).
  public var employees: Int?
  /// Whether the profile shows the Trade Assurance badge, i.e. takes part in the program (`trade_assurance`).
  public var tradeAssurance: Bool?
  /// The Trade Assurance coverage limit in USD: the most one order can be protected for (`ta_limit_usd`).
  public var tradeAssuranceLimit: Money?
  /// The year the supplier became a paying Gold Supplier member (`gold_supplier_since`).
  public var goldSupplierSince: Int?
  /// Whether the supplier passed a third-party on-site verification (`verified_supplier`).
  public var verifiedSupplier: Bool?
  /// Whether the platform checked the business registration (`business_license_verified`).
  public var businessLicenseVerified: Bool?
  /// The share of buyer messages answered within 24 hours, 0..1 (`response_rate`; `92%` reads as 0.92).
  public var responseRate: Double?
  /// The typical reply time in hours (`median_response_hours`).
  public var medianResponseHours: Double?
  /// The on-time shipment rate the platform shows, 0..1 (`on_time_delivery_rate`).
  public var onTimeDeliveryRate: Double?
  /// The rating the platform shows, 0..5 (`platform_rating`).
  public var platformRating: Double?
  /// The number of platform orders in the last 12 months (`transactions_12m`).
  public var transactions12m: Int?
  /// The platform transaction volume in USD over the last 12 months (`revenue_12m_usd`).
  public var revenue12m: Money?

  /// Makes a profile with only the required fields; every optional field starts unknown (nil), categories empty.
  public init(id: String, name: String, country: String) {
    self.id = id
    self.name = name
    self.country = country
    self.categories = []
  }
}

/// A certificate a supplier holds, one row of `certifications.csv`. Optional fields are unknown when nil.
public struct Certification: Hashable, Sendable {
  /// The holder's supplier identifier (`supplier_id`).
  public var supplierID: String
  /// Canonical standard (`ISO9001`).
  public var standard: String
  /// The certificate number as printed (`certificate_number`).
  public var certificateNumber: String?
  /// Who issued the certificate: `SGS`, `TÜV SÜD`, ... (`certification_body`).
  public var certificationBody: String?
  /// Who accredits the issuer: `UKAS`, `CNAS`, ... (`accreditation_body`).
  public var accreditationBody: String?
  /// The day the certificate was issued (`issued_on`).
  public var issuedOn: Day?
  /// The day the certificate expires (`expires_on`).
  public var expiresOn: Day?
  /// The certificate's status as the catalog states it (`status`): valid, suspended, withdrawn, expired or cancelled.
  public var status: CertificateStatus?
  /// What the certificate covers, free text (`scope`).
  public var scope: String?

  /// Makes a certificate of `standard` (already canonical) held by `supplierID`, every optional field unknown.
  public init(supplierID: String, standard: String) {
    self.supplierID = supplierID
    self.standard = standard
  }

  /// What identifies a certificate across imports: its holder, standard, number and issue date,
  /// or, when it has no number, its issue date and issuer. The issue date tells a renewal that
  /// keeps its number (TÜV SÜD, BSI and DNV keep them across cycles) from the certificate it
  /// renews: keyed by number alone, the renewal was refused as a repeat and the supplier left
  /// with the expired one (black-box review 27).
  public var key: String {
    if let certificateNumber {
      return "\(supplierID)|\(standard)|#\(certificateNumber)|\(issuedOn?.description ?? "")"
    }
    return "\(supplierID)|\(standard)|\(issuedOn?.description ?? "")|\(certificationBody ?? "")"
  }
}

/// An on-site audit or verification of a supplier, one row of `audits.csv`. Optional fields are unknown when nil.
public struct Audit: Hashable, Sendable {
  /// The audit's unique identifier (`audit_id`).
  public var id: String
  /// The audited supplier's identifier (`supplier_id`).
  public var supplierID: String
  /// What sort of audit it was (`kind`).
  public var kind: AuditKind
  /// Who carried it out: `Alibaba.com`, `SGS`, ... (`auditor`).
  public var auditor: String?
  /// The day of the audit (`audit_date`).
  public var date: Day
  /// Pass, conditional or fail (`result`).
  public var result: AuditResult
  /// The audit score, 0..100 (`score`).
  public var score: Double?
  /// The number of major findings (`major_findings`).
  public var majorFindings: Int?
  /// The number of minor findings (`minor_findings`).
  public var minorFindings: Int?
  /// The day the audit's validity ends (`valid_until`).
  public var validUntil: Day?

  /// Makes an audit from its required fields, every optional field unknown.
  public init(id: String, supplierID: String, kind: AuditKind, date: Day, result: AuditResult) {
    self.id = id
    self.supplierID = supplierID
    self.kind = kind
    self.date = date
    self.result = result
  }
}

/// A buyer review of a supplier, one row of `reviews.csv`. Optional fields are unknown when nil.
public struct Review: Hashable, Sendable {
  /// The review's unique identifier (`review_id`).
  public var id: String
  /// The reviewed supplier's identifier (`supplier_id`).
  public var supplierID: String
  /// The star rating, 1..5 with at most one decimal (`rating`).
  public var rating: Double
  /// The day the review was written (`review_date`; a datetime keeps only its date).
  public var date: Day
  /// The pseudonymous reviewer (`reviewer_id`).
  public var reviewerID: String?
  /// The reviewer's country, an ISO 3166-1 alpha-2 code stored upper-case (`reviewer_country`).
  public var reviewerCountry: String?
  /// Whether the review is tied to a platform order (`verified_purchase`).
  public var verifiedPurchase: Bool?
  /// The identifier of the order reviewed (`order_id`).
  public var orderID: String?
  /// The product-quality sub-rating, 1..5 (`product_quality`).
  public var productQuality: Double?
  /// The delivery sub-rating, 1..5 (`delivery`).
  public var delivery: Double?
  /// The communication sub-rating, 1..5 (`communication`).
  public var communication: Double?
  /// The review's free text (`text`).
  public var text: String?

  /// Makes a review from its required fields, every optional field unknown.
  public init(id: String, supplierID: String, rating: Double, date: Day) {
    self.id = id
    self.supplierID = supplierID
    self.rating = rating
    self.date = date
  }
}

/// An order from the buyer's own history, one row of `orders.csv`. Optional fields are unknown when nil.
public struct Order: Hashable, Sendable {
  /// The order's unique identifier (`order_id`).
  public var id: String
  /// The supplier the order went to (`supplier_id`).
  public var supplierID: String
  /// The day the order was placed (`order_date`).
  public var orderDate: Day
  /// The order value in USD (`amount_usd`).
  public var amount: Money
  /// How the order was paid (`payment_method`).
  public var paymentMethod: PaymentMethod?
  /// Whether the order was placed and paid through Trade Assurance (`trade_assurance`).
  public var tradeAssurance: Bool?
  /// The shipping deadline in the contract (`agreed_ship_date`).
  public var agreedShipDate: Day?
  /// The day the order actually shipped (`shipped_date`).
  public var shippedDate: Day?
  /// The day the order was actually delivered (`delivered_date`).
  public var deliveredDate: Day?
  /// Pass, fail or not inspected (`inspection_result`).
  public var inspectionResult: InspectionResult?
  /// The state of any dispute over the order (`dispute`); `.none` says there was none, nil that it is not stated.
  public var dispute: DisputeStatus?
  /// The day a dispute was opened (`dispute_opened_on`).
  public var disputeOpenedOn: Day?
  /// The day the dispute was closed (`dispute_closed_on`).
  public var disputeClosedOn: Day?
  /// The money returned to the buyer, in USD (`refund_usd`).
  public var refund: Money?

  /// Makes an order from its required fields, every optional field unknown.
  public init(id: String, supplierID: String, orderDate: Day, amount: Money) {
    self.id = id
    self.supplierID = supplierID
    self.orderDate = orderDate
    self.amount = amount
  }
}
