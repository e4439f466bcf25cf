#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The reviews component: ratings shrunk toward the catalog's mean, fading with age, verified
// purchases weighing more and suspicious reviews discounted.
extension Scorer {
  func reviewComponent(
    _ e: SupplierEvidence, suspicious: ArraySlice<Bool>, bursts: [ReviewBurst], context: Context,
    flags: inout [TrustFlag]
  ) -> Part<ReviewSummary> {
    let p = policy.reviews
    var summary = ReviewSummary()
    summary.bursts = bursts
    var weighted = 0.0
    var weightedSquares = 0.0
    var weight = 0.0
    // The reviews' weight that confidence grows with (see below), and the suspicious reviews'
    // weights before their discount.
    var evidenceWeight = 0.0
    var suspiciousWeights: [Int: Double] = [:]
    var plain = 0.0
    // The supplier's reviews outside bursts, to tell a burst that inflates from one that attacks.
    var genuineSum = 0.0
    var genuineCount = 0
    // Reviews come in date order, so months arrive in order too.
    var months: [(month: Int32, count: Int, sum: Double)] = []
    let table = context.reviews
    let weigher = reviewWeigher(e)
    /// Whether review `k`'s verification is among those the transactions cannot back.
    func doubted(_ k: Int) -> Bool { weigher.doubted(k, table) }
    /// A review's weight before any burst discount.
    func baseWeight(_ k: Int) -> Double {
      var w = weigher.weight(k, table)
      if !context.reviewerRepeats.isEmpty { w *= Double(context.reviewerRepeats[k]) }
      return w
    }
    // Only with bursts: handing over `baseWeight` copies the scorer and its context into the
    // closure, and most suppliers have none (A/B at size L: rank --db medians 1.39 -> 1.32 s).
    let attacks =
      bursts.isEmpty
      ? (scale: [:], reviews: 0, members: 0, kept: max(0, policy.burst.minimumReviews - 1))
      : attackWeights(e, suspicious: suspicious, bursts: bursts, context: context, weight: baseWeight)
    var monthStart = Int32.max
    var nextMonthStart = Int32.min
    // For the evidence: the three reviews that pull the component up from neutral (three stars)
    // the most, weight times stars above three, and the three that pull it down the most.
    var raising: [(k: Int, pull: Double)] = []
    var lowering: [(k: Int, pull: Double)] = []
    for k in e.reviews {
      let rating = table.ratings[k]
      let date = table.days[k]
      summary.count += 1
      plain += rating
      let stated = table.verified[k] == true
      if stated { summary.verified += 1 }
      if suspicious[k] {
        summary.suspicious += 1
      } else {
        genuineSum += rating
        genuineCount += 1
      }
      let star = min(5, max(1, Int(rating.rounded())))
      summary.histogram[star - 1] += 1
      // The monthly series is for explanations (charts); calendar arithmetic once per month.
      if context.explains {
        if date.daysSinceEpoch < monthStart || date.daysSinceEpoch >= nextMonthStart {
          let first = date.firstOfMonth
          monthStart = first.daysSinceEpoch
          nextMonthStart = first.adding(days: 31).firstOfMonth.daysSinceEpoch
        }
        if months.last?.month == monthStart {
          months[months.count - 1].count += 1
          months[months.count - 1].sum += rating
        } else {
          months.append((monthStart, 1, rating))
        }
      }
      var w = baseWeight(k)
      if suspicious[k] {
        suspiciousWeights[k] = w
        w *= attacks.scale[k] ?? p.suspiciousWeight
      } else {
        evidenceWeight += w
      }
      weighted += w * rating
      weightedSquares += w * rating * rating
      weight += w
      if context.explains {
        Self.keepTopThree(k, w * (rating - 3), in: &raising)
        Self.keepTopThree(k, w * (3 - rating), in: &lowering)
      }
    }
    // A burst found adds to the evidence what counts of it in the rating, or else its verified
    // purchases in full and the `minimum_reviews` - 1 weightiest of its other reviews (as many as
    // may come without being called a burst), whichever is more. Discounted in full, one more
    // verified review that completed a burst lowered confidence (black-box review 48: 0.19 to
    // 0.17; review 50 found the same at the 36th verified review of a burst found by chance
    // rather than by count); counted in full, 150 bought unverified reviews raised it above a
    // supplier's with six genuine ones (code review).
    let keptForConfidence = max(0, policy.burst.minimumReviews - 1)
    for burst in bursts {
      var unverifiedWeights: [Double] = []
      var verifiedWeight = 0.0
      var discounted = 0.0
      for index in burst.reviewIndices {
        let k = e.reviews.lowerBound + index
        guard let base = suspiciousWeights.removeValue(forKey: k) else { continue }
        // A verified purchase in full, unless the transactions cannot back it (`verified_unbacked`):
        // then it is one more bought review (code review: 150 of them against no transactions
        // lifted confidence from 0.10 to 0.28).
        if table.verified[k] == true && !doubted(k) {
          verifiedWeight += base
        } else {
          unverifiedWeights.append(base)
        }
        discounted += base * (attacks.scale[k] ?? p.suspiciousWeight)
      }
      unverifiedWeights.sort(by: >)
      evidenceWeight += max(
        discounted, verifiedWeight + unverifiedWeights.prefix(keptForConfidence).reduce(0, +))
    }
    // Suspicious reviews outside every burst (none are expected) count as they count in the rating.
    for (k, base) in suspiciousWeights { evidenceWeight += base * (attacks.scale[k] ?? p.suspiciousWeight) }
    summary.effectiveWeight = weight
    summary.evidenceWeight = evidenceWeight
    summary.weightedRatings = weighted
    summary.weightedSquares = weightedSquares
    summary.monthly = months.suffix(24).map {
      (Day(daysSinceEpoch: $0.month), $0.count, $0.sum / Double($0.count))
    }
    // A burst rated below both the supplier's other reviews and the catalog's mean (a one-star
    // campaign) attacked the supplier (``ReviewBurst/lowersRating``); any other inflated its
    // rating, even one below the catalog's mean that lifts a poorly rated supplier. Both are
    // discounted; only inflating counts against the supplier.
    let ownMean = genuineCount > 0 ? genuineSum / Double(genuineCount) : nil
    var inflated = false
    for burst in bursts {
      let inflating = !burst.lowersRating || burst.alsoInflates
      if inflating { inflated = true }
      let below =
        ownMean == nil ? "the catalog's average" : "the supplier's other reviews and the catalog's average"
      // Which of the window's reviews were discounted (genuine buyers caught in its days keep
      // their weight), and those first among the evidence, up to twenty: black-box review 26
      // could not tell from five ids and a window count which reviews had been dropped.
      let discounted = burst.reviewIndices.filter { suspicious[e.reviews.lowerBound + $0] }
      let kept = burst.reviewIndices.filter { !suspicious[e.reviews.lowerBound + $0] }
      // The kept ones are established buyers' verified reviews or, in a campaign of one rating,
      // reviews of other ratings: "verified reviews of genuine buyers kept" had been said of
      // unverified four-star ones (black-box review 39).
      let keptVerified = kept.filter { table.verified[e.reviews.lowerBound + $0] == true }.count
      let counts =
        discounted.count == burst.reviewIndices.count
        ? " (all \(discounted.count) discounted)"
        : " (\(discounted.count) of them discounted; "
          + (keptVerified == kept.count
            ? "\(kept.count) verified purchase\(kept.count == 1 ? "" : "s") kept)"
            : "\(kept.count) kept, \(keptVerified) of them verified purchases)")
      // Said when the evidence stops short of the burst (black-box review 122: "all 50
      // discounted" beside 20 ids, without a word).
      let listed =
        burst.reviewIndices.count > 20
        ? "; its evidence names 20 of the burst's \(burst.reviewIndices.count) reviews, the discounted ones first"
        : ""
      flags.append(
        TrustFlag(
          code: .reviewBurst, severity: inflating ? .high : .low,
          detail: !context.explains
            ? burst.detail
            : !burst.lowersRating
              ? burst.detail + counts + listed
              : burst.detail
                + attackWords(
                  discounted: discounted.count, kept: kept.count, keptVerified: keptVerified,
                  keptInFull: attacks.kept, below: below)
                + (burst.alsoInflates
                  ? "; its discounted praise is a campaign of its own (as many four- and five-star reviews as a burst needs), held against the supplier"
                  : "") + listed,
          evidence: (discounted + kept).prefix(context.explains ? 20 : 0).map {
            let k = e.reviews.lowerBound + $0
            return Evidence(
              location: location(context.reviewSource(k), context), recordID: context.reviewID(k))
          }))
    }
    // Verified purchases the platform's own transactions cannot back: the claim is weighed down
    // above, and said, as a buyer reads a red flag rather than a weight (black-box review 49:
    // 200 "verified" five-star reviews against no transactions ranked first with no flag).
    if let claimed = e.doubtfulVerified, let limit = verifiedLimit(e) {
      flags.append(
        TrustFlag(
          code: .verifiedUnbacked, severity: .medium,
          detail: !context.explains
            ? ""
            : "\(claimed) verified reviews that are not complaints (rated 2.5 or more) in the last year against \(Self.counted(e.supplier.record.transactions12m ?? 0, "platform transaction")) in the last twelve months, which back at most \(JSONValue.format(limit)): each of those counts \(format(weigher.doubtedWeight / p.verifiedWeight, 2)) of a verified one in the rating, and every verified review of the supplier counts as unverified in burst detection",
          evidence: !context.explains
            ? []
            : [Evidence(location: location(e.supplier.source, context), recordID: e.supplier.record.id)]
              + e.reviews.reversed().lazy.filter { table.verified[$0] == true && doubted($0) }.prefix(5).map {
                k in
                Evidence(location: location(context.reviewSource(k), context), recordID: context.reviewID(k))
              }))
    }
    let trustworthy = summary.count - summary.suspicious
    if Double(trustworthy) < p.fewReviewsBelow {
      // The trustworthy reviews themselves (in date order) are the evidence: their days and
      // records, so that the few there are can be read (black-box review 33 found the flag
      // naming none).
      let counted = context.explains ? e.reviews.filter { !suspicious[$0] } : []
      var dates = ""
      if let first = counted.first, let last = counted.last {
        dates =
          first == last || table.days[first] == table.days[last]
          ? ", dated \(table.days[first])" : ", dated \(table.days[first])…\(table.days[last])"
      }
      let detail =
        !context.explains
        ? ""
        : summary.count == 0
          ? "no reviews"
          : "\(trustworthy) trustworthy review\(trustworthy == 1 ? "" : "s") (fewer than \(JSONValue.format(p.fewReviewsBelow)))"
            + dates + (summary.suspicious > 0 ? "; \(summary.suspicious) more in a burst" : "")
      flags.append(
        TrustFlag(
          code: .fewReviews, severity: .low, detail: detail,
          evidence: counted.suffix(20).reversed().map { k in
            Evidence(location: location(context.reviewSource(k), context), recordID: context.reviewID(k))
          }))
    }
    // Confidence grows with the evidence as weighed above (a burst found counting as the reviews
    // that may come without one); the rating, its spread and the score go by the discounted weights.
    let confidence = evidenceWeight / (evidenceWeight + policy.confidence.reviewsHalf)
    guard summary.count > 0 else { return Part(value: nil, confidence: 0, factor: nil, summary: summary) }
    summary.meanRating = plain / Double(summary.count)
    summary.genuineMeanRating = genuineCount > 0 ? genuineSum / Double(genuineCount) : nil
    let (adjusted, unclamped) = reviewValue(
      weighted: weighted, squares: weightedSquares, weight: weight, context: context)
    summary.adjustedRating = adjusted
    let value = min(1, max(0, unclamped - (inflated ? p.burstPenalty : 0)))
    guard context.explains else {
      return Part(value: value, confidence: confidence, factor: nil, summary: summary)
    }
    var text =
      "\(format(adjusted, 2))★ adjusted from \(summary.count) review\(summary.count == 1 ? "" : "s") "
      + "(mean \(format(summary.meanRating!, 2)), \(summary.verified) verified), shrunk toward the catalog mean \(format(context.meanRating, 2))"
    if let claimed = e.doubtfulVerified, let limit = verifiedLimit(e) {
      text +=
        "; \(claimed) verified reviews in the last year against "
        + "\(Self.counted(e.supplier.record.transactions12m ?? 0, "platform transaction")), which back at most \(JSONValue.format(limit)): each of them counts "
        + "\(format(weigher.doubtedWeight / p.verifiedWeight, 2)) of a verified one"
    }
    if summary.suspicious > 0 {
      let discountedWords =
        p.suspiciousWeight > 0 ? "count \(Int(p.suspiciousWeight * 100))% each" : "do not count"
      // The attack's reviews it keeps in full are suspicious too: not "in a burst" that inflated.
      let inflating = summary.suspicious - attacks.members
      if inflating > 0 { text += "; \(inflating) reviews in a burst \(discountedWords)" }
      if attacks.reviews > 0 {
        text +=
          "; \(attacks.reviews) reviews of a burst that lowered the rating \(discountedWords) (the \(attacks.members - attacks.reviews) of it that pull the rating down most count in full)"
      }
      if inflated { text += "; \(format(p.burstPenalty, 2)) off for the burst that inflated the rating" }
    }
    // The reviews that pull the component the way it goes from neutral (three stars) the most:
    // their weight (recency, verification, discounts) times how far their stars lie from three.
    // The three latest had been cited whatever their stars, so a factor that raised the score
    // named a two-star review (black-box review 48). Where none pulls that way, the three
    // latest, newest first. Either way the same whichever files the reviews were read from
    // (the first review of each file had been cited once: black-box review 32).
    let pulling = value >= 0.5 ? raising : lowering
    let cited = pulling.isEmpty ? Array(e.reviews.suffix(3).reversed()) : pulling.map(\.k)
    // Then the words say what moves it instead (black-box review 50: a factor lifted by the
    // catalog's mean cited a one-star review with nothing to say why).
    if pulling.isEmpty {
      text +=
        value >= 0.5
        ? "; no review counted is above three stars: the catalog mean it is shrunk toward lifts it"
        : "; no review counted is below three stars: "
          + (inflated ? "the burst's penalty lowers it" : "the allowance for uncertainty lowers it")
    }
    let evidence = cited.map { k in
      Evidence(location: location(context.reviewSource(k), context), recordID: context.reviewID(k))
    }
    return Part(
      value: value, confidence: confidence,
      factor: Factor(component: "reviews", points: 0, text: text, evidence: evidence), summary: summary)
  }

  /// The adjusted rating and the component's value before a burst's penalty and clamping, from
  /// the reviews' weighted sums (also with a suggestion's hypothetical reviews added to them).
  func reviewValue(weighted: Double, squares weightedSquares: Double, weight: Double, context: Context)
    -> (adjusted: Double, value: Double)
  {
    let p = policy.reviews
    let adjusted = (p.priorStrength * context.meanRating + weighted) / (p.priorStrength + weight)
    // Scored at the pessimistic end of what the evidence allows (the estimate minus
    // `uncertainty_penalty` standard errors), so that a handful of perfect reviews cannot outrank
    // hundreds of nearly perfect ones.
    // The spread is the supplier's own, shrunk toward the catalog's like the mean: the prior's
    // weight of reviews at the catalog's spread around the catalog's mean, and the supplier's
    // reviews around the adjusted rating. Eighteen five-star reviews and two one-star ones tied
    // twenty at 4.6; a buyer trusts the steady supplier more. With no reviews this is the
    // catalog's spread, as `priorReviewValue` assumes.
    let catalogSpread = context.ratingSpread
    let ownSquares = max(0, weightedSquares - 2 * adjusted * weighted + adjusted * adjusted * weight)
    let priorSquares =
      p.priorStrength
      * (catalogSpread * catalogSpread + (context.meanRating - adjusted) * (context.meanRating - adjusted))
    let spread =
      p.priorStrength + weight > 0
      ? max(0.25, ((priorSquares + ownSquares) / (p.priorStrength + weight)).squareRoot()) : catalogSpread
    let standardError = spread / (p.priorStrength + weight).squareRoot()
    // A supplier without reviews counts at the same expression with no reviews at all
    // (`priorReviewValue`), so each review moves the value from there in its own direction.
    let estimate = (adjusted - p.uncertaintyPenalty * standardError - 1) / 4
    return (adjusted, estimate)
  }

  /// "1 platform transaction", "5 platform transactions".
  static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

  /// Keeps `k` among the three largest positive pulls of `top` (largest first). Reviews come
  /// oldest first: an equal pull that comes later is newer, and goes first.
  static func keepTopThree(_ k: Int, _ pull: Double, in top: inout [(k: Int, pull: Double)]) {
    guard pull > 0, top.count < 3 || pull >= top[top.count - 1].pull else { return }
    let at = top.firstIndex { pull >= $0.pull } ?? top.count
    top.insert((k, pull), at: at)
    if top.count > 3 { top.removeLast() }
  }

  /// The weight kept by each discounted review of a burst that lowered the rating (an attack, or
  /// a bad batch that looks like one), as a share of its own weight, and how many reviews that
  /// is and how many weightiest ones the kept weight equals.
  ///
  /// An attack keeps in full the `minimum_reviews - 1` reviews that pull the rating down most
  /// (weight times how far below the catalog's mean they are): as many as a cluster may hold
  /// without being called a burst; the others are discounted. Discounting it all made a tenth
  /// one-star review lift the score 7 points over nine counted in full (black-box review 38),
  /// and keeping a share of every review let two-star reviews added to an attack dilute its
  /// one-star ones (review 39); so kept, one more complaint never pulls less than before (the
  /// sum of the largest few pulls never falls when one is added).
  func attackWeights(
    _ e: SupplierEvidence, suspicious: ArraySlice<Bool>, bursts: [ReviewBurst], context: Context,
    weight: (Int) -> Double
  ) -> (scale: [Int: Double], reviews: Int, members: Int, kept: Int) {
    let kept = max(0, policy.burst.minimumReviews - 1)
    guard !bursts.isEmpty, policy.reviews.suspiciousWeight < 1 else { return ([:], 0, 0, kept) }
    var scale: [Int: Double] = [:]
    let ratings = context.reviews.ratings
    for burst in bursts where burst.lowersRating {
      let members = burst.reviewIndices.map { e.reviews.lowerBound + $0 }.filter { suspicious[$0] }
      // Ties by position, so that the reviews kept do not depend on the sort's whims.
      let byPull = members.map { k in (k, weight(k) * max(0, context.meanRating - ratings[k])) }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      for (rank, (k, pull)) in byPull.enumerated() {
        let share = rank < kept && pull > 0 ? 1 : policy.reviews.suspiciousWeight
        scale[k] = max(scale[k] ?? 0, share)
      }
    }
    return (scale, scale.values.filter { $0 < 1 }.count, scale.count, kept)
  }

  /// What became of an attack's reviews, for its flag: how many weigh together as much as their
  /// weightiest few, or that they count in full (as many as a cluster short of a burst), and the
  /// verified complaints kept.
  func attackWords(discounted: Int, kept: Int, keptVerified: Int, keptInFull: Int, below: String) -> String {
    let rest =
      policy.reviews.suspiciousWeight > 0
      ? "the rest \(Int(policy.reviews.suspiciousWeight * 100))% each" : "the rest not"
    let weighed =
      discounted > keptInFull
      ? "of its \(discounted) reviews from new or unverified accounts, at most the \(keptInFull) that pull the rating down most count in full and \(rest)"
      : "its \(discounted) review\(discounted == 1 ? "" : "s") from new or unverified accounts count in full, as a cluster short of a burst would"
    let others =
      kept == 0
      ? ""
      : keptVerified == kept
        ? "; \(kept) verified purchase\(kept == 1 ? "" : "s") kept in full"
        : "; \(kept) other review\(kept == 1 ? "" : "s") kept in full, \(keptVerified) of them verified purchases"
    return " (\(weighed)\(others); rated below \(below), not held against the supplier's standing)"
  }
}
