import SupplierTrustModel

/// The five kinds of record of the input contract, with their columns in contract order.
enum RecordKind: Int, CaseIterable, Sendable {
  case supplier, certification, audit, review, order

  /// The contract's columns, as the importer reads them.
  var columns: [String] {
    switch self {
    case .supplier: return Columns.suppliers
    case .certification: return Columns.certifications
    case .audit: return Columns.audits
    case .review: return Columns.reviews
    case .order: return Columns.orders
    }
  }

  /// The CSV file name and the `GeneratedFile.kind`.
  var plural: String {
    switch self {
    case .supplier: return "suppliers"
    case .certification: return "certifications"
    case .audit: return "audits"
    case .review: return "reviews"
    case .order: return "orders"
    }
  }

  /// The XML element name of one record.
  var element: String {
    switch self {
    case .supplier: return "supplier"
    case .certification: return "certification"
    case .audit: return "audit"
    case .review: return "review"
    case .order: return "order"
    }
  }

  /// The column holding the owning supplier's id.
  var supplierColumn: Int {
    switch self {
    case .supplier, .certification: return 0
    case .audit, .review, .order: return 1
    }
  }

  /// The column holding the record's own id, for kinds that have one.
  var idColumn: Int? {
    self == .certification ? nil : 0
  }

  /// The prefix of the record's own sequential id; the number follows zero-padded.
  var idPrefix: [UInt8] {
    switch self {
    case .supplier: return Array("SUP-".utf8)
    case .certification: return []
    case .audit: return Array("AUD-".utf8)
    case .review: return Array("RV-".utf8)
    case .order: return Array("ORD-".utf8)
    }
  }

  var idDigits: Int {
    switch self {
    case .supplier: return 6
    case .audit, .order: return 7
    case .certification, .review: return 8
    }
  }
}

/// Column positions, named so that generators and faults do not hard-code numbers.
enum SupplierColumn {
  static let name = 1, country = 2, businessType = 4, tradeAssurance = 8, taLimit = 9
  static let verified = 11, responseRate = 13, onTimeRate = 15, platformRating = 16
}

enum CertificationColumn {
  static let standard = 1, issuedOn = 5, expiresOn = 6, status = 7
}

enum AuditColumn {
  static let kind = 2, auditDate = 4, result = 5
}

enum ReviewColumn {
  static let rating = 2, reviewDate = 3, reviewerCountry = 5, verifiedPurchase = 6, delivery = 9
}

enum OrderColumn {
  static let orderDate = 2, amount = 3, tradeAssurance = 5, dispute = 10, openedOn = 11, closedOn = 12
  static let refund = 13
}
