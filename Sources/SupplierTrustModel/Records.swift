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

  public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.importOrder < rhs.importOrder }
}

/// Where a record came from: the import that stored it and the line where it starts.
public struct Provenance: Hashable, Sendable {
  public var importID: Int64
  public var line: Int
  public init(importID: Int64, line: Int) {
    self.importID = importID
    self.line = line
  }
}

/// A supplier's marketplace profile. Optional fields are unknown when nil (never zero).
public struct Supplier: Hashable, Sendable {
  public var id: String
  public var name: String
  public var country: String
  public var region: String?
  public var businessType: BusinessType?
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
  public var yearEstablished: Int?
  public var employees: Int?
  public var tradeAssurance: Bool?
  public var tradeAssuranceLimit: Money?
  public var goldSupplierSince: Int?
  public var verifiedSupplier: Bool?
  public var businessLicenseVerified: Bool?
  public var responseRate: Double?
  public var medianResponseHours: Double?
  public var onTimeDeliveryRate: Double?
  public var platformRating: Double?
  public var transactions12m: Int?
  public var revenue12m: Money?

  public init(id: String, name: String, country: String) {
    self.id = id
    self.name = name
    self.country = country
    self.categories = []
  }
}

public struct Certification: Hashable, Sendable {
  public var supplierID: String
  /// Canonical standard (`ISO9001`).
  public var standard: String
  public var certificateNumber: String?
  public var certificationBody: String?
  public var accreditationBody: String?
  public var issuedOn: Day?
  public var expiresOn: Day?
  public var status: CertificateStatus?
  public var scope: String?

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

public struct Audit: Hashable, Sendable {
  public var id: String
  public var supplierID: String
  public var kind: AuditKind
  public var auditor: String?
  public var date: Day
  public var result: AuditResult
  public var score: Double?
  public var majorFindings: Int?
  public var minorFindings: Int?
  public var validUntil: Day?

  public init(id: String, supplierID: String, kind: AuditKind, date: Day, result: AuditResult) {
    self.id = id
    self.supplierID = supplierID
    self.kind = kind
    self.date = date
    self.result = result
  }
}

public struct Review: Hashable, Sendable {
  public var id: String
  public var supplierID: String
  public var rating: Double
  public var date: Day
  public var reviewerID: String?
  public var reviewerCountry: String?
  public var verifiedPurchase: Bool?
  public var orderID: String?
  public var productQuality: Double?
  public var delivery: Double?
  public var communication: Double?
  public var text: String?

  public init(id: String, supplierID: String, rating: Double, date: Day) {
    self.id = id
    self.supplierID = supplierID
    self.rating = rating
    self.date = date
  }
}

public struct Order: Hashable, Sendable {
  public var id: String
  public var supplierID: String
  public var orderDate: Day
  public var amount: Money
  public var paymentMethod: PaymentMethod?
  public var tradeAssurance: Bool?
  public var agreedShipDate: Day?
  public var shippedDate: Day?
  public var deliveredDate: Day?
  public var inspectionResult: InspectionResult?
  public var dispute: DisputeStatus?
  public var disputeOpenedOn: Day?
  public var disputeClosedOn: Day?
  public var refund: Money?

  public init(id: String, supplierID: String, orderDate: Day, amount: Money) {
    self.id = id
    self.supplierID = supplierID
    self.orderDate = orderDate
    self.amount = amount
  }
}
