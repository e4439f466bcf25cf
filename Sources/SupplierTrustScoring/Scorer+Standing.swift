#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The standing component: Trade Assurance and its limit, Gold Supplier years, verification,
// response rate and years in business.
extension Scorer {
  func standingComponent(_ s: Supplier, explains: Bool = true) -> Part<Void> {
    let p = policy.standing
    var totalWeight = 0.0
    var knownWeight = 0.0
    var weightedSum = 0.0
    var texts: [String] = []
    /// One signal: its policy weight, its value when known, and its words (built only when
    /// explaining).
    func signal(_ weight: Double, _ value: Double?, _ text: @autoclosure () -> String) {
      totalWeight += weight
      guard let value, weight > 0 else { return }
      knownWeight += weight
      weightedSum += weight * value
      if explains {
        let words = text()
        if !words.isEmpty { texts.append(words) }
      }
    }
    let limit = s.tradeAssuranceLimit.map { $0.dollars }
    // The limit counts on a logarithmic scale (from $1,000): $250,000 above $100,000, as $10,000
    // above $1,000, without a cap that ties every large limit. A limit the profile leaves out is
    // unknown, not $0: it counts at the middle of the scale (black-box review 119 found it scored
    // as $0, below a stated $1,000).
    let limitShare =
      limit.map { limit in
        min(1, log10(1 + max(0, limit) / 1000) / log10(1 + max(p.tradeAssuranceFullLimitUSD, 1) / 1000))
      } ?? policy.missingComponentValue
    // Taking part counts in proportion to a stated limit under $1,000: a $0 limit protects no
    // order, and had counted for most of what taking part earns (black-box review 144).
    let protects = limit.map { min(1, max(0, $0) / 1000) } ?? 1
    signal(
      p.tradeAssuranceWeight,
      s.tradeAssurance.map { $0 ? 0.6 * protects + 0.4 * limitShare : 0 },
      s.tradeAssurance == true
        ? "Trade Assurance" + (limit.map { " up to \(Money(cents: Int64($0 * 100)).displayed)" } ?? "")
        : "no Trade Assurance")
    // Membership of any length is at least what an empty field counts (exports leave it empty
    // for non-members): a new Gold Supplier scored below a profile that says nothing.
    // A membership that starts after the as-of day had not started then: unknown, as empty.
    let gold = s.goldSupplierSince.flatMap { $0 <= asOf.year ? Double(asOf.year - $0) : nil }
    let neutral = policy.missingComponentValue
    signal(
      p.goldSupplierWeight,
      gold.map { neutral + (1 - neutral) * min(1, $0 / max(p.goldSupplierFullYears, 0.1)) },
      "Gold Supplier \(Self.yearsInWords(Int(gold ?? 0)))")
    signal(
      p.verifiedSupplierWeight, s.verifiedSupplier.map { $0 ? 1 : 0 },
      s.verifiedSupplier == true ? "verified supplier" : "not verified")
    signal(
      p.licenseVerifiedWeight, s.businessLicenseVerified.map { $0 ? 1 : 0 },
      s.businessLicenseVerified == true ? "licence verified" : "licence not verified")
    signal(p.responseRateWeight, s.responseRate, "responds to \(percent(s.responseRate ?? 0))")
    // Replies within `response_hours_good` earn full marks, after `response_hours_poor` none,
    // on a logarithmic scale between (a day is closer to six hours than to three days).
    let good = max(p.responseHoursGood, 0.01)
    let poor = max(p.responseHoursPoor, good * 1.01)
    signal(
      p.responseTimeWeight,
      s.medianResponseHours.map { min(1, max(0, 1 - log(max($0, good) / good) / log(poor / good))) },
      "replies in \(format(s.medianResponseHours ?? 0, 0)) h (median)")
    signal(
      p.platformRatingWeight, s.platformRating.map { min(1, max(0, ($0 - 1) / 4)) },
      "platform rating \(format(s.platformRating ?? 0, 1))★")
    // Founded after the as-of day (a back-test): no older than one founded that year.
    let years = s.yearEstablished.map { Double(max(0, asOf.year - $0)) }
    signal(
      p.yearsInBusinessWeight, years.map { min(1, $0 / p.yearsInBusinessFull) },
      "\(Self.yearsInWords(Int(years ?? 0))) in business")
    guard knownWeight > 0 else { return Part(value: nil, confidence: 0, factor: nil, summary: ()) }
    // A signal the profile leaves empty counts as neutral, as a missing component does: averaging
    // only the known ones let an empty Trade Assurance field (or Gold Supplier year, response
    // rate, ...) score above a profile that states a decent one.
    let value = (weightedSum + (totalWeight - knownWeight) * policy.missingComponentValue) / totalWeight
    let confidence = totalWeight > 0 ? knownWeight / totalWeight : 0
    guard explains else { return Part(value: value, confidence: confidence, factor: nil, summary: ()) }
    return Part(
      value: value, confidence: confidence,
      factor: Factor(component: "standing", points: 0, text: texts.joined(separator: "; "), evidence: []),
      summary: ())
  }
}
