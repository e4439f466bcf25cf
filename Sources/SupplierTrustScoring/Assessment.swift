/// The five components of a score, each 0...1, or nil when there is no evidence for it.
public struct ComponentScores: Sendable, Equatable {
  /// What buyer reviews say, through the adjusted rating; nil without reviews.
  public var reviews: Double?
  /// What the supplier's certificates are worth; nil without certificates.
  public var certifications: Double?
  /// What the supplier's audits say, the latest deciding most; nil without audits.
  public var audits: Double?
  /// On-time delivery and dispute record, own orders and platform figures blended; nil without either.
  public var delivery: Double?
  /// Platform standing (Trade Assurance, Gold Supplier years, verification, responsiveness); nil without any.
  public var standing: Double?

  /// Makes a set of components, each nil (no evidence) unless given.
  public init(
    reviews: Double? = nil, certifications: Double? = nil, audits: Double? = nil, delivery: Double? = nil,
    standing: Double? = nil
  ) {
    self.reviews = reviews
    self.certifications = certifications
    self.audits = audits
    self.delivery = delivery
    self.standing = standing
  }

  /// Component names in output order.
  public static let names = ["reviews", "certifications", "audits", "delivery", "standing"]

  /// Name and value of each component, in output order.
  public var all: [(name: String, value: Double?)] {
    [
      ("reviews", reviews), ("certifications", certifications), ("audits", audits), ("delivery", delivery),
      ("standing", standing),
    ]
  }
}

/// Something that raised or lowered a score, with the records behind it.
public struct Factor: Sendable, Equatable {
  /// The component the factor belongs to: one of ``ComponentScores/names``.
  public var component: String
  /// Points added to (positive) or taken from (negative) a neutral score of 50.
  public var points: Double
  /// What the factor is, in words with numbers.
  public var text: String
  /// The records behind the factor (empty when it rests on no single record).
  public var evidence: [Evidence]
}

/// How one certificate was judged.
public struct CertificateAssessment: Sendable, Equatable {
  /// The certificate as imported.
  public var certification: Certification
  /// Where the certificate was read, and its number.
  public var evidence: Evidence
  /// 0...1: what the certificate is worth as evidence today.
  public var value: Double
  /// Valid, expired, superseded, suspended, ... in words.
  public var verdict: String
  /// Whether another certificate of the same standard is currently valid (a renewal).
  public var renewed: Bool
  /// In date, not suspended or withdrawn, issued by a named and recognised body (accredited by
  /// one too, for a management system), with a plausible validity period: what
  /// `--require STANDARD` asks for.
  public var isValid: Bool
}

/// Review figures of one supplier.
public struct ReviewSummary: Sendable, Equatable {
  /// Reviews of the supplier considered.
  public var count = 0
  /// Of ``count``, the reviews that state a verified purchase.
  public var verified = 0
  /// Of ``count``, the reviews inside a detected burst.
  public var suspicious = 0
  /// Plain mean of all ratings (nil without reviews).
  public var meanRating: Double?
  /// Plain mean of the ratings outside bursts (nil when there are none): what the supplier's
  /// buyers give, without the reviews discounted as a campaign.
  public var genuineMeanRating: Double?
  /// The decayed, verification-weighted, burst-discounted, shrunk rating (1...5).
  public var adjustedRating: Double?
  /// Sum of the reviews' weights after decay and discounts.
  public var effectiveWeight = 0.0
  /// The amount of review evidence that confidence grows with: the weights after decay and
  /// discounts, each burst found counting at least as its verified purchases and the
  /// `minimum_reviews` - 1 weightiest of its others
  /// reviews (as many as may come without being called a burst), so that one more review never
  /// lowers confidence and bought reviews do not raise it.
  public var evidenceWeight = 0.0
  /// Sums over the reviews of weight × rating and weight × rating², after decay and discounts:
  /// with ``effectiveWeight``, what the component is worked out from, so that a suggestion can
  /// add hypothetical reviews to them.
  var weightedRatings = 0.0
  var weightedSquares = 0.0
  /// Reviews by star (index 0 = one star) after rounding.
  public var histogram = [0, 0, 0, 0, 0]
  /// (first day of month, count, mean rating) for the last 24 months with reviews.
  public var monthly: [(month: Day, count: Int, mean: Double)] = []
  /// Review bursts detected for the supplier, with their evidence.
  public var bursts: [ReviewBurst] = []

  /// Equal when every figure is, the monthly entries compared field by field.
  public static func == (a: ReviewSummary, b: ReviewSummary) -> Bool {
    a.count == b.count && a.verified == b.verified && a.suspicious == b.suspicious
      && a.meanRating == b.meanRating && a.genuineMeanRating == b.genuineMeanRating
      && a.adjustedRating == b.adjustedRating && a.effectiveWeight == b.effectiveWeight
      && a.evidenceWeight == b.evidenceWeight
      && a.histogram == b.histogram
      && a.bursts == b.bursts && a.monthly.count == b.monthly.count
      && zip(a.monthly, b.monthly).allSatisfy {
        $0.month == $1.month && $0.count == $1.count && $0.mean == $1.mean
      }
  }
}

/// Delivery and dispute figures of one supplier.
public struct DeliverySummary: Sendable, Equatable {
  /// The buyer's own orders up to the as-of day.
  public var orders = 0
  /// Orders whose agreed ship date has passed or that have shipped.
  public var due = 0
  /// Of ``due``, the orders shipped after their agreed ship date, or not shipped by it.
  public var late = 0
  /// Orders that say whether they were disputed (a dispute status, or a refund): an empty
  /// `dispute` is unknown, not "none".
  public var withDisputeStatus = 0
  /// Of ``withDisputeStatus``, the orders with an upheld dispute (not withdrawn or rejected) or a refund paid.
  public var disputed = 0
  /// `disputed` with each partially refunded dispute counting half plus half the refund's share
  /// of the order's amount, and a refund paid without an upheld dispute its share alone: what
  /// the delivery component weighs (the flag counts disputes).
  public var disputeWeight = 0.0
  /// Refunds paid on the buyer's own orders, in USD.
  public var refundedUSD = 0.0
  /// Own on-time share (nil without due orders).
  public var ownOnTime: Double?
  /// The platform's on-time figure.
  public var platformOnTime: Double?
  /// The blended on-time estimate used in the score.
  public var onTimeEstimate: Double?
  /// Disputed share of the orders with a dispute status (nil without any).
  public var disputeRate: Double?
  /// Orders inspected (passed or failed), and those that failed.
  public var inspected = 0
  /// Of ``inspected``, the orders that failed inspection.
  public var failedInspections = 0
  /// Failed share of the inspected orders (nil without any).
  public var failedInspectionRate: Double?
  /// The worse of the dispute and failed-inspection shares: what the delivery component holds
  /// against the supplier beside lateness.
  public var problemRate: Double? { [disputeRate, failedInspectionRate].compactMap { $0 }.max() }
}

/// Everything the scorer concluded about one supplier.
public struct SupplierAssessment: Sendable {
  /// The supplier's profile as imported.
  public var supplier: Supplier
  /// Where the supplier's profile was read, and its id.
  public var evidence: Evidence
  /// 0...100, or nil when there is no evidence at all. Shown to one decimal.
  public var score: Double?
  /// The score before rounding: what ranking orders by, so that of two suppliers shown with the
  /// same score the one with the better evidence still comes first.
  public var exactScore: Double?
  /// The weighted mean of the components (missing ones at their imputed value), before rounding:
  /// the score itself under the default aggregation, and what orders suppliers whose weakest
  /// links tie under `weakest_link`.
  public var meanScore: Double?
  /// The letter of the policy band the score falls in, or `unrated` when there is no score.
  public var grade: String
  /// Whether a buyer may go ahead: the band's standing, worsened by flags and low confidence.
  public var standing: Standing
  /// 0...1, growing with the amount and recency of evidence.
  public var confidence: Double
  /// Where the score plausibly lies given the confidence.
  public var interval: ClosedRange<Double>?
  /// Each component's value, 0...1, or nil when the supplier has no evidence for it.
  public var components: ComponentScores
  /// How much evidence each component rests on, 0...1 (what confidence is made of).
  public var evidenceShares: ComponentScores
  /// Most serious first.
  public var flags: [TrustFlag]
  /// Largest effect first.
  public var factors: [Factor]
  /// What would change the score or the confidence, in words with numbers.
  public var suggestions: [String]
  /// The supplier's review figures.
  public var reviews: ReviewSummary
  /// How each of the supplier's certificates was judged.
  public var certificates: [CertificateAssessment]
  /// The supplier's audits up to the as-of day, with where each was read; empty, as
  /// ``certificates`` is, for a supplier assessed without its explanation.
  public var audits: [Sourced<Audit>]
  /// The supplier's delivery and dispute figures.
  public var delivery: DeliverySummary
  /// Standards with a currently valid certificate (for `--require`).
  public var validStandards: Set<String>
  /// The certifications component with a fresh certificate added, for the suggestions.
  var freshCertificate: Scorer.CertificateSuggestion? = nil
  /// The certifications component with each other faulty certificate renewed or replaced.
  var certificateRepairs: [Scorer.CertificateSuggestion] = []
  /// Why the standing is warned or blocked, in words (the grade's band, each flag that sets it,
  /// a confidence too low to vouch): empty when it is ok, or when the run writes no words.
  public var standingReasons: [String] = []
}

/// One scoring run: every supplier of a catalog scored against one policy on one day.
public struct ScoringRun: Sendable {
  /// The day the catalog was scored as of: ages, validity and what is due count to it.
  public var asOf: Day
  /// The policy the run scored with.
  public var policy: Policy
  /// Hex SHA-256 of the policy (``Policy/hash``), shown beside its name in every output.
  public var policyHash: String
  /// The files the catalog's records came from; records refer to them by position.
  public var sources: [SourceFile]
  /// The catalog's mean rating, the prior every supplier's reviews shrink toward (4 when no review
  /// counts: see ``catalogReviewCount``).
  public var catalogMeanRating: Double
  /// The reviews the catalog's mean rating is taken over (those up to the as-of day, outside
  /// bursts); 0 when it is only the stand-in 4.
  public var catalogReviewCount = 0
  /// Each component's catalog average, used for suppliers without evidence for it; nil for a
  /// component no supplier of the catalog has evidence for, which is left out of every score.
  public var componentAverages: ComponentScores
  /// What "no reviews" counts as: the catalog's prior alone, less its uncertainty (0 to 1).
  public var priorReviewValue: Double = 0.5
  /// Best first: score, then (under `weakest_link`) the components' weighted mean, then
  /// confidence, then supplier id (so ties break the same way every time).
  public var suppliers: [SupplierAssessment]

  /// The sources a reader is shown: a file imported again appears once, not again with the 0
  /// records its earlier import is left with once every record was replaced (black-box review
  /// 25); of a file whose every import was since replaced (by the same records from its XML
  /// form, say), the latest import only (review 30 saw each CSV listed twice). Positions in
  /// ``sources`` are what records refer to, so that list itself stays whole.
  public var shownSources: [SourceFile] {
    sources.indices.filter { k in
      let source = sources[k]
      if source.records > 0 { return true }
      if sources.contains(where: { $0.path == source.path && $0.records > 0 }) { return false }
      return !sources[(k + 1)...].contains { $0.path == source.path }
    }.map { sources[$0] }
  }

  /// Each component's share of the score in this run: the policy's weights, those of components
  /// left out (no evidence anywhere in the catalog) at 0 and the rest scaled up to sum to 1.
  public var effectiveWeights: [(name: String, share: Double)] {
    let w = policy.weights
    let nominal = [w.reviews, w.certifications, w.audits, w.delivery, w.standing]
    let kept = zip(nominal, componentAverages.all).map { $1.value == nil ? 0 : $0 }
    let total = kept.reduce(0, +)
    return zip(ComponentScores.names, kept).map { ($0, total > 0 ? $1 / total : 0) }
  }
}
