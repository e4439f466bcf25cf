#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The audits component: the latest audit of each scope, its result, auditor and findings, fading
// with age.
extension Scorer {
  /// What an audit vouches for: the factory (platform on-site checks, verified-supplier and
  /// factory audits), its social compliance, or its product. A later audit of one scope does not
  /// undo a failure in another (black-box review 23: a platform quality inspection that stated
  /// nothing wiped out a failed SGS social-compliance audit).
  enum AuditScope {
    case factory, socialCompliance, product

    init(_ kind: AuditKind) {
      switch kind {
      case .goldSupplierOnsite, .verifiedSupplier, .factoryAudit: self = .factory
      case .socialCompliance: self = .socialCompliance
      case .qualityInspection: self = .product
      }
    }
  }

  /// The order audits are read in, the latest last: by day, and on the same day the worse result
  /// later (dates carry no time), then the one that found more, then by id. A pass and a failure of one day had been ordered by
  /// their ids, so that renaming them turned a blocked supplier into an A (black-box review 90);
  /// the failure stands until a later day's audit.
  static func auditPrecedes(_ a: Audit, _ b: Audit) -> Bool {
    func severity(_ result: AuditResult) -> Int {
      switch result {
      case .pass: 0
      case .conditional: 1
      case .fail: 2
      }
    }
    if a.date != b.date { return a.date < b.date }
    if a.result != b.result { return severity(a.result) < severity(b.result) }
    // The same result: the one that found more is the later (a lower score, more major, then
    // minor findings; black-box review 95 had two passes of one day ordered by their ids).
    let (scoreA, scoreB) = (a.score ?? 100, b.score ?? 100)
    if scoreA != scoreB { return scoreA > scoreB }
    let (majorA, majorB) = (a.majorFindings ?? 0, b.majorFindings ?? 0)
    if majorA != majorB { return majorA < majorB }
    let (minorA, minorB) = (a.minorFindings ?? 0, b.minorFindings ?? 0)
    if minorA != minorB { return minorA < minorB }
    return a.id < b.id
  }

  func auditComponent(_ e: SupplierEvidence, context: Context, flags: inout [TrustFlag]) -> Part<Void> {
    let p = policy.audits
    guard let latestIndex = e.audits.lastIndex(where: { $0.record.date <= asOf }) else {
      return Part(value: nil, confidence: 0, factor: nil, summary: ())
    }
    let latest = e.audits[latestIndex]
    let a = latest.record
    let evidence = Evidence(location: location(latest.source, context), recordID: a.id)
    /// How far an audit's verdict moves the component from a neutral 0.5 today, and how fresh
    /// the audit is (its weight left after fading).
    func deviation(_ a: Audit) -> (Double, fade: Double, recognised: Bool) {
      var verdict: Double
      switch a.result {
      case .pass: verdict = p.passValue
      case .conditional: verdict = p.conditionalValue
      case .fail: verdict = p.failValue
      }
      verdict -=
        Double(a.majorFindings ?? 0) * p.majorFindingPenalty + Double(a.minorFindings ?? 0)
        * p.minorFindingPenalty + (a.score.map { 100 - min(100, $0) } ?? 0) * p.scoreShortfallPenalty
      // What is not stated is typical, not flawless (black-box review 20): a typical audit's
      // score (90) takes half of `unstated_details_penalty`, its minor findings (two) the other
      // half, and it has no major one. Each detail left out takes its share, whatever the others
      // state: a pass stating only its score had counted its findings as none, and one stating
      // only its findings its score as 100, above a stated 98 (black-box review 119).
      if a.score == nil { verdict -= p.unstatedDetailsPenalty / 2 }
      if a.minorFindings == nil { verdict -= p.unstatedDetailsPenalty / 2 }
      verdict = min(1, max(0, verdict))
      let recognised =
        a.auditor.map { (context.bodies.auditor[$0] ?? registry.auditor($0)).isRecognised } ?? false
      // An auditor nobody vouches for keeps part of the weight of its verdict, good or bad: the
      // factor scales the move from neutral. Scaling the verdict itself pulled every unknown
      // auditor's pass below neutral, under having no audit at all (black-box review 23).
      var moved = verdict - 0.5
      if !recognised { moved *= p.unrecognisedAuditorFactor }
      var fade = pow(0.5, Double(asOf.daysSinceEpoch - a.date.daysSinceEpoch) / p.halfLifeDays)
      if let until = a.validUntil, until < asOf { fade *= p.lapsedFactor }
      return (moved * fade, fade, recognised)
    }
    // The latest audit decides; earlier ones (their moves summed) add `earlier_audits_weight` of theirs,
    // so that a failure before the latest pass still counts against the factory, and a record of
    // passes for it. Only the latest had tied a pass with the same pass after a failed audit.
    // A failure that is still the latest audit of its scope counts in full, as the latest does:
    // a later audit of another scope does not cover what it failed.
    var factory = -1
    var social = -1
    var product = -1
    for k in e.audits.indices where e.audits[k].record.date <= asOf {
      switch AuditScope(e.audits[k].record.kind) {
      case .factory: factory = k
      case .socialCompliance: social = k
      case .product: product = k
      }
    }
    let standingFailures = [factory, social, product].filter {
      $0 >= 0 && $0 != latestIndex && e.audits[$0].record.result == .fail
    }.sorted()
    let (latestDeviation, fade, recognised) = deviation(a)
    // Confidence is the freshest audit's weight, so that a newer audit never lowers it (a newer
    // one that has lapsed weighs less than an older one still valid).
    var freshest = fade
    var failuresPart = 0.0
    for k in standingFailures {
      let (moved, weight, _) = deviation(e.audits[k].record)
      failuresPart += moved
      freshest = max(freshest, weight)
    }
    var earlierSum = 0.0
    var earlier: [Audit] = []
    var earlierIndices: [Int] = []
    for k in e.audits[..<latestIndex].indices
    where e.audits[k].record.date <= asOf && !standingFailures.contains(k) {
      let (moved, weight, _) = deviation(e.audits[k].record)
      earlierSum += moved
      freshest = max(freshest, weight)
      earlier.append(e.audits[k].record)
      earlierIndices.append(k)
    }
    // Earlier audits fill at least the weight the latest leaves: a newer audit that has lapsed,
    // is old or comes from an auditor nobody recognises decides only as far as its weight goes,
    // so that adding one that failed never lifts a factory whose earlier audit failed too
    // (black-box review 23).
    let earlierWeight = max(
      p.earlierAuditsWeight, 1 - fade * (recognised ? 1 : p.unrecognisedAuditorFactor))
    // Their faded moves summed, no further than one fresh audit moves (half from neutral): as a
    // plain mean, an old failure all but faded diluted a recent one, and adding it raised the
    // score (as an old pass lowered it; black-box review 119); divided by their summed weights
    // past one, an unrecognised auditor's failure still raised it (code review). Summed and
    // bounded, another failure never raises the component and another pass never lowers it.
    let earlierPart = earlier.isEmpty ? 0 : earlierWeight * min(0.5, max(-0.5, earlierSum))
    let value = min(1, max(0, 0.5 + latestDeviation + failuresPart + earlierPart))
    let age = Int(asOf.daysSinceEpoch - a.date.daysSinceEpoch)
    let failed = (a.result == .fail ? [latest] : []) + standingFailures.reversed().map { e.audits[$0] }
    let stale = age > p.staleAfterDays || (a.validUntil.map { $0 < asOf } ?? false)
    guard context.explains else {
      if !failed.isEmpty { flags.append(TrustFlag(code: .auditFailed, severity: .high, detail: "")) }
      if stale { flags.append(TrustFlag(code: .auditStale, severity: .low, detail: "")) }
      return Part(value: value, confidence: freshest, factor: nil, summary: ())
    }
    func described(_ a: Audit) -> String {
      var findings: [String] = []
      if let score = a.score { findings.append("score \(format(score, 0))") }
      if let major = a.majorFindings { findings.append("\(major) major") }
      if let minor = a.minorFindings { findings.append("\(minor) minor finding\(minor == 1 ? "" : "s")") }
      return
        "\(a.kind.rawValue) \(a.id)\(a.auditor.map { " by \($0)" } ?? "") on \(a.date): \(a.result.rawValue)"
        + (findings.isEmpty ? "" : " (\(findings.joined(separator: ", ")))")
    }
    if !failed.isEmpty {
      flags.append(
        TrustFlag(
          code: .auditFailed, severity: .high,
          detail: failed.map { described($0.record) }.joined(separator: "; ")
            + (a.result != .fail
              ? "; the later \(a.kind.rawValue) \(a.id) does not cover what it failed" : ""),
          evidence: failed.map {
            Evidence(location: location($0.source, context), recordID: $0.record.id)
          }))
    }
    if stale {
      var reasons: [String] = []
      if age > p.staleAfterDays { reasons.append("is \(age) days old (policy: at most \(p.staleAfterDays))") }
      if let until = a.validUntil, until < asOf { reasons.append("was valid only until \(until)") }
      flags.append(
        TrustFlag(
          code: .auditStale, severity: .low,
          detail: "latest audit \(a.id) on \(a.date) " + reasons.joined(separator: " and "),
          evidence: [evidence]))
    }
    var text =
      "latest audit: " + described(a) + (recognised ? "" : "; auditor not recognised") + ", \(age) days ago"
    if !standingFailures.isEmpty {
      text +=
        "; still standing: "
        + standingFailures.reversed().map { described(e.audits[$0].record) }.joined(separator: ", ")
    }
    if !earlier.isEmpty {
      text +=
        "; earlier: "
        + earlier.suffix(3).reversed().map { "\($0.result.rawValue) on \($0.date)" }.joined(separator: ", ")
        + (earlier.count > 3 ? " and \(earlier.count - 3) more" : "")
    }
    return Part(
      value: value, confidence: freshest,
      // Every audit the words name: the earlier ones move the component too (black-box review
      // 48 found an earlier pass raising it while only the later conditional audit was cited).
      factor: Factor(
        component: "audits", points: 0, text: text,
        evidence: [evidence]
          + (standingFailures.reversed() + earlierIndices.suffix(3).reversed()).map { k in
            Evidence(location: location(e.audits[k].source, context), recordID: e.audits[k].record.id)
          }),
      summary: ())
  }

  /// "under a year", "1 year", "12 years".
  static func yearsInWords(_ years: Int) -> String {
    years < 1 ? "under a year" : years == 1 ? "1 year" : "\(years) years"
  }
}
