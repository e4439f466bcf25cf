import Crypto

/// How component values combine into one score.
public enum Aggregation: String, Sendable, CaseIterable {
  /// The weighted mean of the components (a missing one at its imputed, neutral value).
  case weightedMean = "weighted_mean"
  /// The weakest component decides (as Alibaba's own star rating and EcoVadis do): a supplier
  /// is only as trustworthy as its worst dimension, a missing one counting as neutral; ties go
  /// by the weighted mean.
  case weakestLink = "weakest_link"
}

/// Standing of a supplier: whether a buyer may go ahead, should look closer, or should not order.
public enum Standing: String, Sendable, CaseIterable, Comparable {
  /// `ok`: may go ahead; `warned`: look closer before ordering; `blocked`: do not order.
  case ok, warned, blocked

  /// Orders standings from best to worst: `ok` < `warned` < `blocked`.
  public static func < (a: Standing, b: Standing) -> Bool { a.order < b.order }
  private var order: Int {
    switch self {
    case .ok: return 0
    case .warned: return 1
    case .blocked: return 2
    }
  }
}

/// One grade band: scores at or above `minimumScore` (and below the next band) get `grade`.
public struct Band: Sendable, Equatable {
  /// The grade letter shown for scores in the band (`A` to `E` in the default policy).
  public var grade: String
  /// Lowest score (0...100) that falls in the band; policy key `min_score`.
  public var minimumScore: Double
  /// Standing of a supplier whose score falls in the band (flags and low confidence may worsen it).
  public var standing: Standing

  /// Makes a band for scores from `minimumScore` up, graded `grade` and in `standing`.
  public init(grade: String, minimumScore: Double, standing: Standing) {
    self.grade = grade
    self.minimumScore = minimumScore
    self.standing = standing
  }
}

/// Every weight, threshold, half-life and window the scoring uses. The shipped default is
/// ``Policy/default``; a policy file overrides any subset of its keys (see `docs/policy.md`).
public struct Policy: Sendable, Equatable {
  /// Shown in every output beside ``hash``; policy key `name`. A file that leaves it out is named
  /// after the file.
  public var name = "default"
  /// How the five components combine into the score; policy key `aggregation`.
  public var aggregation = Aggregation.weightedMean
  /// Weight of each component in the score; policy keys `weights.*`.
  public var weights = Weights()
  /// What a component without evidence counts for in the score (the component itself stays
  /// null): neither good nor zero.
  public var missingComponentValue = 0.5
  /// Grade bands from the highest down, each grade once; policy key `bands`. ``band(for:)`` picks one.
  public var bands: [Band] = [
    Band(grade: "A", minimumScore: 75, standing: .ok),
    Band(grade: "B", minimumScore: 60, standing: .ok),
    Band(grade: "C", minimumScore: 45, standing: .warned),
    Band(grade: "D", minimumScore: 30, standing: .warned),
    Band(grade: "E", minimumScore: 0, standing: .blocked),
  ]
  /// Flags that put a supplier at least in the given standing, whatever its score.
  public var flagStanding: [String: Standing] = [
    "review_burst": .warned, "cert_suspended": .warned, "audit_failed": .warned, "dispute_history": .warned,
    "late_shipments": .warned, "cert_unaccredited": .warned, "cert_invalid_period": .warned,
    "cert_shared": .warned,
  ]
  /// How reviews are weighed into the reviews component; policy keys `reviews.*`.
  public var reviews = Reviews()
  /// How review bursts (purchased or attacking reviews) are detected; policy keys `burst.*`.
  public var burst = BurstPolicy.default
  /// How certificates are valued into the certifications component; policy keys `certifications.*`.
  public var certifications = Certifications()
  /// How audits are valued into the audits component; policy keys `audits.*`.
  public var audits = Audits()
  /// How orders and platform figures make the delivery component and its flags; policy keys `delivery.*`.
  public var delivery = Delivery()
  /// Weights of the platform-standing signals in the standing component; policy keys `standing.*`.
  public var standing = StandingSignals()
  /// How evidence turns into confidence and the score interval; policy keys `confidence.*`.
  public var confidence = Confidence()
  /// Trade Assurance coverage rules and dispute deadlines; policy keys `trade_assurance.*`.
  public var tradeAssurance = TradeAssurance()

  /// Makes the shipped default policy (the same as ``default``).
  public init() {}

  /// The shipped default policy, as printed by `supplier-trust policy` and in `policies/default.json`.
  public static let `default` = Policy()

  /// Weight of each component in the score (policy keys `weights.*`), each 0...1.
  public struct Weights: Sendable, Equatable {
    /// Weight of buyer reviews, the largest single weight but not a majority; `weights.reviews`.
    public var reviews = 0.30
    /// Weight of certificates; `weights.certifications`.
    public var certifications = 0.20
    /// Weight of on-site audits; `weights.audits`.
    public var audits = 0.15
    /// Weight of on-time delivery and dispute history; `weights.delivery`.
    public var delivery = 0.20
    /// Weight of platform standing (Trade Assurance, Gold Supplier years, verification); `weights.standing`.
    public var standing = 0.15
  }

  /// How reviews make the reviews component (policy keys `reviews.*`).
  public struct Reviews: Sendable, Equatable {
    /// Strength of the prior, in reviews: how many average reviews a supplier starts with.
    public var priorStrength = 8.0
    /// Standard errors taken off the adjusted rating before it is scored.
    public var uncertaintyPenalty = 1.0
    /// Age at which a review counts half.
    public var halfLifeDays = 365.0
    /// Weight of a review tied to a platform order.
    public var verifiedWeight = 1.0
    /// Weight of a review not tied to a platform order.
    public var unverifiedWeight = 0.5
    /// Weight of a review inside a detected burst.
    public var suspiciousWeight = 0.0
    /// How much a reviewer's repeated reviews of one supplier are discounted: each of their `n`
    /// reviews weighs `n^-exponent` (0: every review counts in full; 1: the reviewer counts once).
    public var sameReviewerExponent = 0.5
    /// Verified reviews a platform transaction can back; beyond this many per transaction of the
    /// last twelve months (and ``verifiedTransactionsSlack`` over them), the supplier's verified
    /// flags count for nothing.
    public var verifiedPerTransaction = 2.0
    /// Verified reviews tolerated beyond the transactions themselves: the cap on verified reviews is never
    /// below the transactions plus this many (see ``verifiedPerTransaction``).
    public var verifiedTransactionsSlack = 20.0
    /// Taken off the reviews component when a burst inflated the rating: buying reviews is
    /// evidence against the supplier, not merely noise to discard.
    public var burstPenalty = 0.3
    /// Fewer than this many (weighted) reviews raise `few_reviews`.
    public var fewReviewsBelow = 5.0
  }

  /// How certificates make the certifications component (policy keys `certifications.*`).
  public struct Certifications: Sendable, Equatable {
    /// Days before expiry within which a certificate without a renewal counts as expiring.
    public var expiringWithinDays = 90
    /// Value of a certificate that expires within ``expiringWithinDays`` and has no renewal.
    public var expiringValue = 0.9
    /// Longest validity of an ISO management-system certificate (ISO/IEC 17021-1: 3 years).
    public var maximumValidityYears = 3
    /// Days a management-system certificate may run past ``maximumValidityYears`` from its issue:
    /// a recertification completed before the old certificate expires may keep the old expiry
    /// day plus a cycle (ISO/IEC 17021-1 9.6.3.2.3).
    public var earlyRecertificationDays = 183
    /// Value of a certificate whose issuer or accreditation body is not recognised.
    public var unaccreditedValue = 0.0
    /// Taken off the component for each management-system certificate whose issuer or
    /// accreditation body is not recognised (and not a look-alike, which ``problemPenalty`` covers).
    public var unrecognisedPenalty = 0.1
    /// Value of a certificate that names no certification or accreditation body.
    public var unknownBodyValue = 0.5
    /// Value of a certificate whose validity is longer than its standard allows.
    public var invalidPeriodValue = 0.2
    /// Taken off the component for each certificate that is suspended, withdrawn or cancelled,
    /// accredited by a look-alike body, or valid longer than its standard allows.
    public var problemPenalty = 0.3
    /// Taken off the component, times the standard's relevance, for each lapsed certificate
    /// that no renewal replaces.
    public var lapsedPenalty = 0.1
    /// Relevance of each standard to a buyer of goods; the best certificate of the most
    /// relevant standard sets the component, others add a little on top.
    public var relevance: [String: Double] = [
      "ISO9001": 1.0, "IATF16949": 1.0, "ISO13485": 1.0, "ISO14001": 0.6, "ISO45001": 0.6, "BSCI": 0.5,
      "SA8000": 0.5, "ISO50001": 0.4, "CE": 0.4, "RoHS": 0.3,
    ]
    /// Relevance of a standard not listed above.
    public var otherRelevance = 0.3
    /// Lines of business whose own standards matter as much as ISO 9001 does (food safety to a
    /// food maker, AS 9100 to an aerospace supplier): a supplier with a category matching one of
    /// a sector's keywords has each of its standards at least at the sector's relevance.
    public var sectors: [Sector] = Sector.defaults
    /// Share of the certificate credit earned by standards other than the most relevant one.
    public var otherStandardsShare = 0.2
  }

  /// A line of business: keywords that recognise it in a supplier's categories, and the
  /// relevance of its standards there.
  public struct Sector: Sendable, Equatable {
    /// The sector's name (`food`, `medical`, ...); a policy file's sector of the same name replaces it.
    public var name: String
    /// Lower-case words or phrases found at the start of a word of a category, case aside: a
    /// keyword ending in `*` matches any word beginning so (`agricultur*`), others only the whole
    /// word (`tea` matches "Green Tea", not "Teapots").
    public var keywords: [String]
    /// Canonical standard name to relevance (0...1) for suppliers of the sector.
    public var relevance: [String: Double]

    /// Makes a sector recognised by `keywords`, raising its standards to `relevance`.
    public init(name: String, keywords: [String], relevance: [String: Double]) {
      self.name = name
      self.keywords = keywords
      self.relevance = relevance
    }

    /// Whether any keyword matches any of `categories`.
    public func matches(_ categories: [String]) -> Bool {
      categories.contains { category in
        let text = Array(category.lowercased().utf8)
        return keywords.contains { Self.matches(Array($0.utf8), in: text) }
      }
    }

    static func matches(_ keyword: [UInt8], in text: [UInt8]) -> Bool {
      let prefix = keyword.last == UInt8(ascii: "*")
      let word = prefix ? Array(keyword.dropLast()) : keyword
      guard !word.isEmpty, word.count <= text.count else { return false }
      func isWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
      }
      for start in 0...(text.count - word.count) where start == 0 || !isWordByte(text[start - 1]) {
        guard text[start..<(start + word.count)].elementsEqual(word) else { continue }
        let end = start + word.count
        if prefix || end == text.count || !isWordByte(text[end]) { return true }
      }
      return false
    }

    /// Food safety (GFSI-recognised schemes and ISO 22000), medical devices, automotive,
    /// aerospace, electrical goods, toys, cosmetics, pharmaceuticals and textiles.
    public static let defaults: [Sector] = [
      Sector(
        name: "food",
        keywords: [
          "food*", "beverage*", "drink*", "snack*", "tea", "coffee", "agricultur*", "seafood", "meat",
          "dairy",
          "bakery", "confectioner*", "edible", "nutrition*", "supplement*", "spice*", "grain*", "fruit*",
        ],
        relevance: [
          "ISO22000": 1.0, "FSSC22000": 1.0, "BRCGS": 1.0, "IFS": 1.0, "SQF": 1.0, "HACCP": 0.9,
          "GMP": 0.8,
        ]),
      Sector(
        name: "medical",
        keywords: ["medical", "dental", "surgical", "hospital", "diagnostic*", "personal protective"],
        relevance: ["ISO13485": 1.0, "CE": 0.7, "GMP": 0.8]),
      Sector(
        name: "automotive",
        keywords: [
          "auto parts", "automotive", "vehicle*", "motorcycle*", "truck*", "brake*", "engine parts",
        ],
        relevance: ["IATF16949": 1.0]),
      Sector(
        name: "aerospace", keywords: ["aerospace", "aviation", "aircraft"],
        relevance: ["AS9100": 1.0]),
      Sector(
        name: "electrical",
        keywords: [
          "electronic*", "electrical", "lighting", "led", "charger*", "batter*", "power banks", "cable*",
          "audio", "phone*", "solar",
        ],
        relevance: ["CE": 0.7, "RoHS": 0.7, "UL": 0.7, "FCC": 0.6]),
      Sector(
        name: "toys", keywords: ["toy*", "baby", "children*", "kids"],
        relevance: ["EN71": 0.8, "ASTMF963": 0.8, "CE": 0.7, "ICTI": 0.6]),
      Sector(
        name: "cosmetics", keywords: ["cosmetic*", "beauty", "skin care", "personal care", "makeup"],
        relevance: ["ISO22716": 1.0, "GMP": 0.8]),
      Sector(
        name: "pharmaceutical", keywords: ["pharma*", "medicine*", "drug*"],
        relevance: ["GMP": 1.0]),
      Sector(
        name: "textiles",
        keywords: [
          "clothing", "apparel", "garment*", "textile*", "fabric*", "sportswear", "workwear", "footwear",
        ],
        relevance: ["OEKO-TEX100": 0.7, "GOTS": 0.7, "BSCI": 0.6, "SA8000": 0.6, "WRAP": 0.6]),
    ]
  }

  /// How audits make the audits component (policy keys `audits.*`).
  public struct Audits: Sendable, Equatable {
    /// Age in days beyond which the latest audit is stale (flag `audit_stale`).
    public var staleAfterDays = 730
    /// Age at which an audit's verdict has moved half way back to neutral.
    public var halfLifeDays = 540.0
    /// Value (0...1) of a passed audit, before findings and age.
    public var passValue = 1.0
    /// Value (0...1) of a conditional pass: corrective actions are open.
    public var conditionalValue = 0.6
    /// Value (0...1) of a failed audit.
    public var failValue = 0.0
    /// Taken off an audit's value for each major non-conformity.
    public var majorFindingPenalty = 0.08
    /// Taken off an audit's value for each minor non-conformity.
    public var minorFindingPenalty = 0.01
    /// Taken off the verdict per point an audit's stated score (0-100) falls short of 100.
    public var scoreShortfallPenalty = 0.002
    /// Taken off an audit that states neither score nor findings: it counts as a typical one.
    public var unstatedDetailsPenalty = 0.04
    /// Share of an audit's weight kept once its own `valid_until` has passed.
    public var lapsedFactor = 0.5
    /// Share of the verdict kept when the auditor is not a recognised body.
    public var unrecognisedAuditorFactor = 0.6
    /// How much the earlier audits (their faded moves summed, held within a fresh audit's) count
    /// beside the latest one.
    public var earlierAuditsWeight = 0.25
  }

  /// How orders and the platform's figures make the delivery component (policy keys `delivery.*`).
  public struct Delivery: Sendable, Equatable {
    /// On-time share below which `late_shipments` is raised.
    public var lateThreshold = 0.85
    /// Dispute or refund share above which `dispute_history` is raised.
    public var disputeThreshold = 0.10
    /// Orders of the buyer's own that its rates are judged over at least, those missing counted
    /// as gone well, before they raise flags.
    public var minimumOrdersForFlags = 3
    /// The same, for the flags to warn rather than inform (at least ``minimumOrdersForFlags``).
    public var minimumOrdersToWarn = 10
    /// Below this platform on-time rate (over at least ``minimumOrdersForFlags`` transactions),
    /// the platform's own figure warns too, as enough of the buyer's own late orders do.
    public var platformWarnBelow = 0.6
    /// How many own orders one platform transaction is worth as evidence.
    public var platformEvidenceFactor = 0.05
    /// Most platform transactions counted as evidence.
    public var platformEvidenceCap = 200.0
    /// Prior on-time share (0...1) that thin delivery evidence is drawn toward; its strength is ``priorStrength``.
    public var priorOnTime = 0.85
    /// Prior share (0...1) of orders disputed or refunded, or of inspections failed, that thin
    /// evidence is drawn toward; its strength is ``priorStrength``.
    public var priorDisputeRate = 0.1
    /// Strength of the delivery priors, in orders: of ``priorOnTime`` for the on-time share, and of
    /// ``priorDisputeRate`` for the dispute and failed-inspection shares.
    public var priorStrength = 3.0
    /// The on-time part's share (0...1) of the component: disputes, refunds and failed inspections
    /// move it `1 - onTimeShare` of the way toward 1 when there are none, toward 0 when all orders so ended.
    public var onTimeShare = 0.5
    /// Days late at which a late order counts its full ``severeLatenessExtra``.
    public var latenessFullDays = 30.0
    /// Extra late orders a late order counts as, rising with its days late to ``latenessFullDays``.
    public var severeLatenessExtra = 1.0
    /// Dispute rate at which the dispute part of the component reaches zero.
    public var disputeRateAtZero = 0.3
  }

  /// Relative weights of the platform-standing signals in the standing component (policy keys
  /// `standing.*`); an unknown signal counts at ``Policy/missingComponentValue``.
  public struct StandingSignals: Sendable, Equatable {
    /// Weight of taking part in Trade Assurance, the buyer's protection.
    public var tradeAssuranceWeight = 0.30
    /// Coverage limit that earns the full Trade Assurance value (limits count on a log scale).
    public var tradeAssuranceFullLimitUSD = 1_000_000.0
    /// Weight of Gold Supplier membership years.
    public var goldSupplierWeight = 0.15
    /// Years of Gold Supplier membership that earn full marks.
    public var goldSupplierFullYears = 10.0
    /// Weight of a third-party on-site verification of the factory.
    public var verifiedSupplierWeight = 0.20
    /// Weight of a checked business licence.
    public var licenseVerifiedWeight = 0.10
    /// Weight of the supplier's response rate to enquiries.
    public var responseRateWeight = 0.10
    /// The supplier's median reply time: full marks within ``responseHoursGood``, none after
    /// ``responseHoursPoor``.
    public var responseTimeWeight = 0.05
    /// Median reply time, in hours, that earns full marks.
    public var responseHoursGood = 6.0
    /// Median reply time, in hours, that earns nothing; in between the value falls on a logarithmic scale.
    public var responseHoursPoor = 72.0
    /// The platform's own star rating of the supplier (1-5), a weak signal next to reviews.
    public var platformRatingWeight = 0.10
    /// Weight of years in business.
    public var yearsInBusinessWeight = 0.15
    /// Years in business that earn full marks.
    public var yearsInBusinessFull = 10.0
  }

  /// How much evidence makes a score certain (policy keys `confidence.*`).
  public struct Confidence: Sendable, Equatable {
    /// Weighted reviews at which review evidence is half-way to certain.
    public var reviewsHalf = 20.0
    /// Orders (own, or platform-equivalent) at which delivery evidence is half-way to certain.
    public var ordersHalf = 5.0
    /// Width of the score interval at zero confidence, in points either side.
    public var intervalAtZero = 30.0
    /// Below this confidence a supplier is at least `warned`, whatever its score.
    public var warnBelow = 0.25
  }

  /// Trade Assurance coverage and dispute timeline (policy keys `trade_assurance.*`).
  public struct TradeAssurance: Sendable, Equatable {
    /// `require`: an order above the supplier's limit is not protected; `cap`: it is protected
    /// up to the limit.
    public var limitMode = LimitMode.require
    /// Days after confirmed delivery during which a claim may be filed.
    public var claimWindowDays = 30
    /// Days the supplier has to answer a dispute.
    public var supplierReplyDays = 3
    /// Day of a dispute from which the buyer may ask the platform to mediate.
    public var buyerEscalationFromDay = 4
    /// Day of a dispute on which an unresolved one goes to the platform automatically.
    public var automaticEscalationDay = 7

    /// How an order above the supplier's coverage limit counts (policy key `trade_assurance.limit_mode`).
    public enum LimitMode: String, Sendable, CaseIterable {
      /// `require`: an order above the limit is not protected; `cap`: it is protected up to the limit.
      case require, cap
    }
  }

  /// Hex SHA-256 of the policy's canonical JSON: two runs with the same hash used the same numbers.
  public var hash: String {
    SHA256.hash(data: Array(PolicyFile.json(for: self).rendered().utf8)).map {
      String($0, radix: 16).leftPadded(to: 2)
    }.joined()
  }

  /// The band a score falls in (the lowest band for a missing score).
  public func band(for score: Double?) -> Band {
    let sorted = bands.sorted { $0.minimumScore > $1.minimumScore }
    guard let score else { return sorted.last! }
    return sorted.first { score >= $0.minimumScore } ?? sorted.last!
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
