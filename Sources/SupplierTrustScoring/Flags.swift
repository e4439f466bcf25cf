/// The red-flag codes of the output contract (`outputs.md`), and `cert_shared` and
/// `verified_unbacked`, which this tool adds (the contract allows more); their meaning never
/// changes.
public enum FlagCode: String, Sendable, CaseIterable, Comparable {
  case reviewBurst = "review_burst"
  case certExpired = "cert_expired"
  case certExpiring = "cert_expiring"
  case certUnaccredited = "cert_unaccredited"
  case certInvalidPeriod = "cert_invalid_period"
  case certSuspended = "cert_suspended"
  /// A certificate whose number (from the same issuer) another supplier of the catalog claims too.
  case certShared = "cert_shared"
  case auditFailed = "audit_failed"
  case auditStale = "audit_stale"
  case lateShipments = "late_shipments"
  case disputeHistory = "dispute_history"
  case fewReviews = "few_reviews"
  /// More verified reviews in the last year than the platform's transactions can back.
  case verifiedUnbacked = "verified_unbacked"

  public static func < (a: FlagCode, b: FlagCode) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

public enum Severity: String, Sendable, Comparable, CaseIterable {
  case low, medium, high

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  var rank: Int {
    switch self {
    case .low: return 0
    case .medium: return 1
    case .high: return 2
    }
  }
}

/// A record that backs a flag or a factor: where it was read and what it is.
public struct Evidence: Sendable, Equatable {
  /// `path:line` of the record.
  public var location: String
  /// The record's id (review id, certificate number, audit id, order id), when it has one.
  public var recordID: String?

  public init(location: String, recordID: String?) {
    self.location = location
    self.recordID = recordID
  }
}

/// A red flag on a supplier, with a detail that names its evidence.
public struct TrustFlag: Sendable, Equatable {
  public var code: FlagCode
  public var severity: Severity
  public var detail: String
  public var evidence: [Evidence]

  public init(code: FlagCode, severity: Severity, detail: String, evidence: [Evidence] = []) {
    self.code = code
    self.severity = severity
    self.detail = detail
    self.evidence = evidence
  }
}
