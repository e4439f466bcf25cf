extension Scorer {
  /// "about 1 point", "about 4 points".
  static func aboutPoints(_ gain: Double) -> String {
    let shown = format(gain, 0)
    return joined("about ", shown, shown == "1" ? " point" : " points")
  }

  /// `parts` end to end, copied as bytes into one string of the right size. Interpolating them
  /// appended each to a growing String at about 460 instructions a part, most of the cost of
  /// suggesting for 100,000 suppliers.
  static func joined(_ parts: String...) -> String {
    var length = 0
    for part in parts { length += part.utf8.count }
    return String(unsafeUninitializedCapacity: length) { out in
      var written = 0
      for var part in parts {
        part.withUTF8 { bytes in
          guard let from = bytes.baseAddress else { return }
          (out.baseAddress! + written).initialize(from: from, count: bytes.count)
          written += bytes.count
        }
      }
      return written
    }
  }

  /// What would change the score or its confidence. Each is worked out by recomputing the one
  /// component the change touches and combining again, so the numbers are the model's own.
  func suggestions(
    for result: SupplierAssessment, evidence e: SupplierEvidence, values: [Double?], shares: [Double],
    context: Context, quiet: Context
  ) -> [String] {
    var out: [String] = []
    let hypothetical = SourceRef(file: -1, line: 0)
    // What the helpers below read, taken out first: capturing the context and the scorer copied
    // them, with every array they hold retained, for each supplier.
    let imputed = context.imputed
    let current = result.score
    let weights = componentWeights
    let aggregation = policy.aggregation
    // Likewise the day: a closure reading `asOf` captured the scorer (the lazy filter below keeps
    // its closure, which copied it).
    let asOf = self.asOf
    /// The score with component `index` at `part`, nil when it stays unrated.
    func score(replacing index: Int, with part: (value: Double?, share: Double)) -> Double? {
      var v = values
      var c = shares
      v[index] = part.value
      c[index] = part.share
      return Scorer.combine(v, c, imputed: imputed, weights: weights, aggregation: aggregation).score
    }
    func gain(replacing index: Int, with part: (value: Double?, share: Double)) -> Double? {
      guard let before = current, let after = score(replacing: index, with: part) else { return nil }
      return after - before
    }
    /// What the change does, in words (" would add about 4 points"), with its size for ordering,
    /// when it adds half a point or more; an unrated supplier is told the score it would get
    /// (nothing had been suggested to a supplier without evidence: black-box review 102).
    func effect(replacing index: Int, with part: (value: Double?, share: Double)) -> (
      size: Double, words: String
    )? {
      guard let after = score(replacing: index, with: part) else { return nil }
      guard let before = current else {
        return (after, Self.joined(" would give it a score of about ", format(after, 0)))
      }
      let g = after - before
      return g >= 0.5 ? (g, Self.joined(" would add ", Self.aboutPoints(g))) : nil
    }
    var scratch: [TrustFlag] = []
    // The recomputed components go by `quiet`: only their numbers are used.

    // Certificates: renewing or obtaining the most relevant quality-system certificate (ISO 9001
    // unless the policy ranks another standard higher), worked out by the certifications component
    // itself (``Scorer/CertificateSuggestion``) without scoring the certificates again.
    if let fresh = result.freshCertificate {
      let standard = fresh.standard
      if let (_, moves) = effect(replacing: 1, with: (fresh.value, fresh.confidence)) {
        // A lapsed certificate is renewed; one that is suspended, too long or from a look-alike
        // body is replaced by a genuine one.
        // A withdrawn edition cannot be renewed: its successor takes its place.
        let verb =
          fresh.replacedVerdict.map { verdict in
            let named = "\(standard)\(fresh.replacedNumber.map { " \($0)" } ?? "") (\(verdict))"
            if let edition = Standard.withdrawn[standard], edition.lapsedOn < asOf {
              return "a valid \(edition.successor) certificate from an accredited body in place of \(named)"
            }
            // A lapsed certificate from a look-alike, unknown or unstated body renewed as it was
            // gives less than the points worked out (black-box review 48 measured -6 for +8).
            if fresh.renews {
              return fresh.renewableAsIs
                ? "renewing \(named)" : "renewing \(named) through a recognised, accredited body"
            }
            return "replacing \(named) with a valid certificate from an accredited body"
          } ?? "a valid \(standard) certificate from an accredited body"
        out.append(Self.joined(verb, moves))
      }
    }
    // Other certificates with a fault of their own (lapsed, suspended, from a look-alike or
    // unrecognised body, valid too long), each renewed or replaced by a valid one from an
    // accredited body: only the most relevant standard's had been suggested, so fixing an
    // IATF 16949 from a look-alike body (9 points, and the warning gone) went unsaid (black-box
    // review 100). The two that gain most, worked out by the component itself.
    out.append(
      contentsOf: certificateRepairs(
        e, result.certificateRepairs, effect: { effect(replacing: 1, with: $0) }, quiet: quiet))
    // Audits: a fresh passed audit whenever it would add half a point: when there is none, the
    // latest is not a clean pass (failed, conditional, with findings: a latest conditional audit
    // had no suggestion, where a pass added 7 points, 21 under `weakest_link`; black-box review
    // 102), or a clean one that has aged, comes from an auditor nobody recognises or follows a
    // failure (black-box review 122: passes adding 1.3 to 3.2 points went unsaid).
    // Worked out only when even a perfect audits component would add half a point (or the
    // supplier is unrated): most suppliers' audits have no such room (code review: the rescoring
    // ran for every supplier).
    if current == nil || (gain(replacing: 2, with: (1, 1)) ?? 0) >= 0.5 {
      let latestAudit: Audit? = e.audits.lazy.filter { $0.record.date <= asOf }.map(\.record).max(
        by: Scorer.auditPrecedes)
      var cleanPass = false
      if let latest = latestAudit {
        cleanPass =
          latest.result == .pass && (latest.majorFindings ?? 0) == 0 && (latest.minorFindings ?? 0) == 0
      }
      // The re-audit of a failed scope: an on-site audit does not clear a failed social-compliance
      // audit or quality inspection (black-box review 88 was promised 8 points and a standing
      // still warned, where the social-compliance re-audit gave 13.5 and cleared it).
      var latestOfScope: [AuditScope: Audit] = [:]
      for sourced in e.audits where sourced.record.date <= asOf {
        latestOfScope[AuditScope(sourced.record.kind)] = sourced.record
      }
      let failed = latestOfScope.values.filter { $0.result == .fail }.max(by: Scorer.auditPrecedes)
      let kind: AuditKind
      let words: String
      switch failed.map({ AuditScope($0.kind) }) {
      case .socialCompliance?: (kind, words) = (.socialCompliance, "a passed social-compliance audit")
      case .product?: (kind, words) = (.qualityInspection, "a passed quality inspection")
      case .factory?, nil: (kind, words) = (.factoryAudit, "a passed on-site audit")
      }
      // After a pass with findings, what would add is a pass without them (black-box review 113:
      // "a passed on-site audit" was offered to a supplier that had one).
      let clean =
        failed != nil || latestAudit?.result != .pass
        ? words : cleanPass ? "a new " + words.dropFirst(2) : words + " without findings"
      var passed = Audit(
        id: "hypothetical", supplierID: result.supplier.id, kind: kind, date: asOf, result: .pass)
      passed.auditor = "SGS"
      passed.majorFindings = 0
      passed.minorFindings = 0
      // In the order the component reads audits: a pass of the as-of day comes before a worse
      // result of that day, which stays the latest (black-box review 123 was promised 16 points
      // where a pass dated beside a conditional one gave 3.8).
      var copy = e
      var audits = Array(e.audits)
      audits.append(Sourced(passed, source: hypothetical))
      audits.sort { Scorer.auditPrecedes($0.record, $1.record) }
      copy.audits = audits[...]
      let part = auditComponent(copy, context: quiet, flags: &scratch)
      if let (_, moves) = effect(replacing: 2, with: (part.value, part.confidence)) {
        // Redone after it: the failed audit stays on record ("in place of" read as deleting it
        // gave 1-2 points more than promised; black-box review 140).
        let redoing = failed.map { ", redoing the failed \($0.id) of \($0.date)," } ?? ""
        out.append("\(clean) by a recognised auditor (e.g. SGS)\(redoing)\(moves)")
      }
    }
    // Delivery: the next orders shipped on time, whenever they would count for something (only
    // a late-shipment flag had asked: five orders would add 4 to 8 points to suppliers told
    // only of reviews, and lift one blocked under `weakest_link` by its delivery; black-box
    // review 100).
    do {
      // The same five orders for every supplier (worked out for each, they cost a tenth of a
      // score's suggestions); the component reads no supplier id off them.
      let part = deliveryComponent(e, context: quiet, flags: &scratch, adding: quiet.nextOrders)
      if let (_, moves) = effect(replacing: 3, with: (part.value, part.confidence)) {
        out.append(
          Self.joined("shipping the next 5 orders on time, passing inspection and without a dispute,", moves))
      }
    }
    // Trade Assurance: taking part, or a limit that protects orders (one under $1,000 protects
    // next to nothing). Worked out with the limit the words name: the profile's own when it has
    // a real one, else $50,000.
    let stated = result.supplier.tradeAssuranceLimit
    let protectsLittle = stated.map { $0.cents < 100_000 } ?? false
    if result.supplier.tradeAssurance != true || protectsLittle {
      let limit = stated.flatMap { $0.cents >= 100_000 ? $0 : nil } ?? Money(cents: 5_000_000)
      var supplier = result.supplier
      supplier.tradeAssurance = true
      supplier.tradeAssuranceLimit = limit
      let part = standingComponent(supplier, explains: false)
      if let (_, moves) = effect(replacing: 4, with: (part.value, part.confidence)) {
        let with = stated == limit ? "with its \(limit.displayed) limit" : "with a \(limit.displayed) limit"
        // An empty field is unknown: the supplier may take part already (black-box review 25).
        out.append(
          (result.supplier.tradeAssurance == true
            ? "raising its Trade Assurance limit from \(stated?.displayed ?? "") to \(limit.displayed)"
            : result.supplier.tradeAssurance == nil
              ? "confirming Trade Assurance (its profile does not say; \(with))"
              : "joining Trade Assurance (\(with))") + moves)
      }
    }
    // Confidence: how many more verified reviews (written today) it takes to gain ground. Only the
    // reviews' evidence share changes, so it is worked out directly.
    if result.confidence < 0.9 {
      // At what its buyers give, not counting a campaign's discounted reviews: five-star ones in
      // a burst had made "at 4.7★" of a supplier whose other reviews average 3.5 (black-box
      // review 80).
      let rating =
        (result.reviews.genuineMeanRating ?? result.reviews.meanRating).map { ($0 * 10).rounded() / 10 }
        ?? context.meanRating
      // No more than the platform's transactions can back: beyond them verified reviews count
      // only in part, and the promise did not hold (black-box review 48: 40 more against 18
      // transactions promised 0.66 and gave 0.59).
      let room = verifiedLimit(e).map { Int($0) - verifiedThisYear(e, context.reviews) } ?? Int.max
      let sizes = [5, 10, 20, 40, 80, 160, 320].filter { $0 <= room }
      for n in sizes {
        let weight = result.reviews.evidenceWeight + Double(n) * policy.reviews.verifiedWeight
        var c = shares
        c[0] = weight / (weight + policy.confidence.reviewsHalf)
        var v = values
        if v[0] == nil { v[0] = 0.5 }
        let confidence = combine(v, c, imputed: context.imputed).confidence
        if confidence >= result.confidence + 0.1 || (result.confidence < 0.8 && confidence >= 0.8)
          || n == sizes.last
        {
          if confidence > result.confidence {
            // What they would do to the score too: reviews at a rating below what the component
            // assumes confirm it and lower the score (black-box review 100 measured -1.4 to -3.6
            // where only confidence was promised). Fresh, verified, from buyers new to the
            // supplier, as the reviews component would weigh them.
            let added = Double(n) * policy.reviews.verifiedWeight
            let summary = result.reviews
            // Each at the rating said, as the sentence reads ("of 4.5★ each"): worked out with
            // the supplier's own spread instead, the promise missed by 1-3 points for polarised
            // suppliers where an outside check added them so (black-box review 140), and
            // reviews like its current ones are a different promise.
            let (_, unclamped) = reviewValue(
              weighted: summary.weightedRatings + added * rating,
              squares: summary.weightedSquares + added * rating * rating,
              weight: summary.effectiveWeight + added, context: context)
            let inflated = summary.bursts.contains { !$0.lowersRating }
            let withThem = min(1, max(0, unclamped - (inflated ? policy.reviews.burstPenalty : 0)))
            let moved = gain(replacing: 0, with: (withThem, c[0])) ?? 0
            let unratedScore = result.score == nil ? score(replacing: 0, with: (withThem, c[0])) : nil
            let effect =
              unratedScore.map { Self.joined(" and give it a score of about ", format($0, 0)) }
              ?? (moved >= 0.5
                ? Self.joined(" and add ", Self.aboutPoints(moved))
                : moved <= -0.5 ? Self.joined(" but lower the score by ", Self.aboutPoints(-moved)) : "")
            out.append(
              Self.joined(
                // From established buyers: the same number from new accounts in a rush can be a
                // burst, discounted (black-box review 48 measured 0.59 where 0.66 was promised).
                "about ", String(n), " more recent verified reviews of ", format(rating, 1),
                "★ each from established buyers would raise confidence from ", format(result.confidence, 2),
                " to ",
                format(confidence, 2), effect)
            )
          }
          break
        }
      }
    }
    return out
  }

  /// Suggestions to renew or replace the certificates held as of the day that have a fault of
  /// their own, besides the most relevant standard's (suggested apart): each worked out by the
  /// certifications component's own tally (``CertificationOutcome/repairs``); the two that gain
  /// most, of half a point or more.
  func certificateRepairs(
    _ e: SupplierEvidence, _ repairs: [CertificateSuggestion],
    effect: ((value: Double?, share: Double)) -> (size: Double, words: String)?, quiet: Context
  ) -> [String] {
    guard !repairs.isEmpty else { return [] }
    let held = e.certifications.filter { $0.record.issuedOn.map { $0 <= asOf } ?? true }
    var found: [(gain: Double, text: String, family: String, expires: Day?)] = []
    for repair in repairs {
      guard let position = repair.replacing, position < held.count,
        let (g, moves) = effect((repair.value, repair.confidence))
      else { continue }
      let c = held[position].record
      let (issuer, accreditor) = bodyRecognition(c, context: quiet)
      func words(_ role: String, _ name: String?, _ recognition: Recognition?) -> String? {
        switch recognition {
        case .lookAlike?: return "\(role) \(name ?? "") is a look-alike"
        case .unknown?: return "\(role) \(name ?? "") not recognised"
        case .recognised?, nil: return nil
        }
      }
      var faults: [String] = []
      if let status = c.status, status == .suspended || status == .withdrawn || status == .cancelled {
        faults.append(status.rawValue)
      } else if c.status == .expired || (c.expiresOn.map { $0 < asOf } ?? false) {
        faults.append("expired" + (c.expiresOn.map { " \($0)" } ?? ""))
      }
      if Standard.isManagementSystem(c.standard), Self.excessValidity(c, policy.certifications) != nil {
        faults.append("valid over \(policy.certifications.maximumValidityYears) years")
      }
      faults += [
        words("issuer", c.certificationBody, issuer),
        words("accreditation body", c.accreditationBody, accreditor),
      ].compactMap { $0 }
      let named =
        "\(c.standard)\(c.certificateNumber.map { " \($0)" } ?? "")"
        + (faults.isEmpty ? "" : " (\(faults.joined(separator: "; ")))")
      let recognised = issuer?.isRecognised == true && accreditor?.isRecognised == true
      found.append(
        (
          g,
          Self.joined(
            // A withdrawn edition cannot be renewed: its successor takes its place (code review).
            Standard.withdrawn[c.standard].map { $0.lapsedOn < asOf } == true
              ? "a valid \(Standard.withdrawn[c.standard]!.successor) certificate from an accredited body in place of \(named)"
              : repair.renews
                ? (recognised
                  ? "renewing \(named)" : "renewing \(named) through a recognised, accredited body")
                : "replacing \(named) with a valid certificate from an accredited body",
            moves),
          Standard.withdrawn[c.standard]?.successor ?? c.standard,
          c.expiresOn
        ))
    }
    // One per standard (a withdrawn edition under its successor), the one that gains most; of
    // equal gains the one that expired last, the certificate a renewal follows (black-box review
    // 140: of two lapsed BSCI certificates the older was named).
    var seen = Set<String>()
    return found.sorted {
      $0.gain != $1.gain
        ? $0.gain > $1.gain : ($0.expires?.daysSinceEpoch ?? .min) > ($1.expires?.daysSinceEpoch ?? .min)
    }
    .filter { seen.insert($0.family).inserted }.prefix(2).map(\.text)
  }
}
