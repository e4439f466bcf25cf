/// Values a column may take from a fixed list. `RawValue` is the spelling in files and the store.
public protocol RecordEnumeration: RawRepresentable, CaseIterable, Hashable, Sendable, Codable
where RawValue == String {
  /// Other spellings accepted on input, by their normalised form.
  static var aliases: [String: String] { get }
  /// How to choose among the values, for the fix of an unrecognised one (nil: just list them).
  static var choosingHint: String? { get }
}

extension RecordEnumeration {
  public static var choosingHint: String? { nil }

  /// Matches case-insensitively, treating spaces and hyphens as underscores
  /// (`Trading Company` → `trading_company`) and words run together as separate
  /// (`TradingCompany`), and accepts the documented aliases.
  public init?(normalizing text: some StringProtocol) {
    var key = ""
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "-" { key.append("_") } else { key.unicodeScalars.append(scalar) }
    }
    guard let value = Self(normalizedKey: key.lowercased()) else { return nil }
    self = value
  }

  /// The value named by a spelling already normalised (lower case, underscores), or its alias.
  @inlinable
  init?(normalizedKey key: String) {
    if let value = Self(rawValue: key) ?? Self.aliases[key].flatMap(Self.init(rawValue:)) {
      self = value
    } else if let value = Self.matchingRunTogether(key) {
      self = value
    } else {
      return nil
    }
  }

  /// The value whose words, run together, are the key's (`ApplePay`, `WesternUnion`,
  /// `notinspected`): exports write them so as often as with separators (black-box review 22
  /// found `apple-pay` accepted and `ApplePay` refused).
  @usableFromInline
  static func matchingRunTogether(_ key: String) -> Self? {
    guard !key.isEmpty, !key.contains("_") else { return nil }
    return allCases.first { $0.rawValue.filter { $0 != "_" } == key }
      ?? aliases.first { $0.key.filter { $0 != "_" } == key }.flatMap { Self(rawValue: $0.value) }
  }

  /// No other spellings unless the type lists some.
  public static var aliases: [String: String] { [:] }

  /// ``init(normalizing:)`` for UTF-8 bytes: an ASCII spelling is normalised in a small buffer
  /// and matched as one string (inline, with no allocation, up to 15 bytes), where the string
  /// route made several (this runs once per record field in imports); anything else takes the
  /// string route.
  @inlinable
  public init?(normalizingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count <= 32, !bytes.contains(where: { $0 >= 0x80 }) else {
      self.init(normalizing: String(decoding: bytes, as: UTF8.self))
      return
    }
    var key: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    let normalized: String = withUnsafeMutableBytes(of: &key) { buffer in
      for (index, byte) in bytes.enumerated() {
        switch byte {
        case 0x20, 0x2D: buffer[index] = 0x5F
        case 0x41...0x5A: buffer[index] = byte | 0x20
        default: buffer[index] = byte
        }
      }
      return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count]), as: UTF8.self)
    }
    guard let value = Self(normalizedKey: normalized) else { return nil }
    self = value
  }

  /// The accepted values, for error messages: `pass, conditional, fail`.
  public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// What sort of business a supplier is (`business_type`).
public enum BusinessType: String, RecordEnumeration {
  case manufacturer, tradingCompany = "trading_company", agent, distributor, other
  /// `trader` reads as a trading company, `factory` as a manufacturer.
  public static var aliases: [String: String] { ["trader": "trading_company", "factory": "manufacturer"] }
}

/// What sort of on-site audit or verification an audit was (`kind` in `audits.csv`).
public enum AuditKind: String, RecordEnumeration {
  case goldSupplierOnsite = "gold_supplier_onsite"
  case verifiedSupplier = "verified_supplier"
  case factoryAudit = "factory_audit"
  case socialCompliance = "social_compliance"
  case qualityInspection = "quality_inspection"
}

/// The outcome of an audit (`result` in `audits.csv`).
public enum AuditResult: String, RecordEnumeration {
  case pass, conditional, fail
  /// `passed` and `failed` read as `pass` and `fail`.
  public static var aliases: [String: String] { ["passed": "pass", "failed": "fail"] }
}

/// A certificate's status, including the statuses IAF CertSearch shows.
public enum CertificateStatus: String, RecordEnumeration {
  case valid, suspended, withdrawn, expired, cancelled
  /// Other wordings of registers and exports, by what they mean for whether the certificate is in force.
  public static var aliases: [String: String] {
    [
      "active": "valid", "current": "valid", "canceled": "cancelled", "revoked": "withdrawn",
      "terminated": "withdrawn", "lapsed": "expired",
      // Register and export wordings (black-box review 20): in force, or not.
      "certified": "valid", "in_force": "valid", "registered": "valid", "on_hold": "suspended",
      "under_suspension": "suspended", "inactive": "withdrawn", "void": "withdrawn", "invalid": "withdrawn",
      // IAF CertSearch's other statuses (black-box review 27): none is a certificate in force. Not
      // yet confirmed counts as suspended; withdrawn by its body or taken off the register, as
      // withdrawn.
      "pending": "suspended", "draft": "suspended", "partially_suspended": "suspended",
      "cb_withdrawn": "withdrawn", "cbwithdrawn": "withdrawn", "deleted": "withdrawn", "hidden": "withdrawn",
      "not_valid": "withdrawn", "recalled": "withdrawn",
      // Words a register uses of a certificate in force after an event, and a truncated
      // "suspended" (certificate review: the rows were refused, and the certificate lost).
      "issued": "valid", "granted": "valid", "renewed": "valid", "reinstated": "valid", "reissued": "valid",
      "re_issued": "valid", "suspend": "suspended",
    ]
  }
}

/// How an order was paid (`payment_method` in `orders.csv`).
public enum PaymentMethod: String, RecordEnumeration {
  case creditCard = "credit_card", debitCard = "debit_card", paypal, applePay = "apple_pay"
  case googlePay = "google_pay", afterpay, bankTransfer = "bank_transfer"
  case westernUnion = "western_union", cash, other

  /// Card brands and the plain word for a card: `eligibility --help` speaks of "card", and
  /// exports name the brand (black-box review 35 found `card` refused). A card is a platform
  /// method whether credit or debit.
  public static var aliases: [String: String] {
    [
      "card": "credit_card", "credit": "credit_card", "visa": "credit_card", "mastercard": "credit_card",
      "amex": "credit_card", "american_express": "credit_card", "debit": "debit_card",
      "visa_debit": "debit_card", "pay_pal": "paypal",
      // The brand written as two words, as "Pay Pal" is (black-box review 61 saw "After Pay"
      // rejected).
      "after_pay": "afterpay",
    ]
  }

  /// Wire transfers (T/T), escrow and local wallets are how B2B orders are often paid, and none is
  /// a value of the list: which one it is turns on where the money went (black-box review 86 got
  /// only "use one of the listed values" for `wire` and `T/T`).
  public static var choosingHint: String? {
    "a bank or wire transfer (T/T) paid into Trade Assurance escrow through the platform is bank_transfer; any payment made outside the platform (a wire to the supplier's own account, Alipay or WeChat Pay to the supplier) is other"
  }

  /// Methods the platform processes itself, so that Trade Assurance can hold the payment.
  public var isPlatformMethod: Bool {
    switch self {
    case .creditCard, .debitCard, .paypal, .applePay, .googlePay, .afterpay, .bankTransfer: return true
    case .westernUnion, .cash, .other: return false
    }
  }
}

/// The result of inspecting an order's goods (`inspection_result`): pass, fail or not inspected.
public enum InspectionResult: String, RecordEnumeration {
  case pass, fail, notInspected = "not_inspected"
  /// As audits' results take them (black-box review 24).
  public static var aliases: [String: String] { ["passed": "pass", "failed": "fail"] }
}

/// The state of a dispute over an order (`dispute`): `none` says there was no dispute.
public enum DisputeStatus: String, RecordEnumeration {
  case none, open, refunded, partiallyRefunded = "partially_refunded", rejected, withdrawn
}
