/// The red-flag codes of the output contract (`outputs.md`), and `cert_shared` and
/// `verified_unbacked`, which this tool adds (the contract allows more); their meaning never
/// changes.
public enum FlagCode: String, Sendable, CaseIterable, Comparable {
  /// An unusual cluster of reviews: many in a short window, from new reviewers, near-identical texts.
  case reviewBurst = "review_burst"
  /// A certificate is past its expiry date or marked expired.
  case certExpired = "cert_expired"
  /// A certificate expires within the policy's `certifications.expiring_within_days` (90 by default).
  case certExpiring = "cert_expiring"
  /// A certificate's issuer or accreditation body is not recognised.
  case certUnaccredited = "cert_unaccredited"
  /// A certificate's validity is longer than its standard allows (3 years for ISO management systems).
  case certInvalidPeriod = "cert_invalid_period"
  /// A certificate is suspended, withdrawn or cancelled (by its stated status).
  case certSuspended = "cert_suspended"
  /// A certificate whose number (from the same issuer) another supplier of the catalog claims too.
  case certShared = "cert_shared"
  /// The latest audit failed, or the latest of its scope (factory, social compliance, product) did.
  case auditFailed = "audit_failed"
  /// The latest audit is older than the policy allows, or past its own `valid_until`.
  case auditStale = "audit_stale"
  /// On-time delivery below the policy threshold.
  case lateShipments = "late_shipments"
  /// Disputes or refunds above the policy threshold.
  case disputeHistory = "dispute_history"
  /// Too little review evidence to rate with confidence.
  case fewReviews = "few_reviews"
  /// More verified reviews in the last year than the platform's transactions can back.
  case verifiedUnbacked = "verified_unbacked"

  /// Orders codes as declared above, for a stable order of flags of equal severity.
  public static func < (a: FlagCode, b: FlagCode) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// How serious a flag is: `low` informs, `high` is the most serious (JSON `severity`).
public enum Severity: String, Sendable, Comparable, CaseIterable {
  /// From least to most serious.
  case low, medium, high

  /// Orders severities from least to most serious: `low` < `medium` < `high`.
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

  /// Makes evidence for the record read at `location` (`path:line`), with its id when it has one.
  public init(location: String, recordID: String?) {
    self.location = location
    self.recordID = recordID
  }
}

/// A red flag on a supplier, with a detail that names its evidence.
public struct TrustFlag: Sendable, Equatable {
  /// Which problem the flag reports (JSON `code`).
  public var code: FlagCode
  /// How serious the problem is (JSON `severity`).
  public var severity: Severity
  /// The problem in words, naming its evidence (JSON `detail`); empty when the run writes no words.
  public var detail: String
  /// The records behind the flag.
  public var evidence: [Evidence]

  /// Makes a flag of `code` at `severity`, described by `detail` and backed by `evidence`.
  public init(code: FlagCode, severity: Severity, detail: String, evidence: [Evidence] = []) {
    self.code = code
    self.severity = severity
    self.detail = detail
    self.evidence = evidence
  }
}
