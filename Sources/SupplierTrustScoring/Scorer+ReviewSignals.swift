#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Catalog-wide review signals: which suppliers' reviews may hold a burst, reviewers' histories
// and repeats, and verified purchases the platform's transactions cannot back.
extension Scorer {
  /// Whether some window of at most the burst policy's length holds enough reviews, enough of
  /// them from new reviewers (`isNew`, one flag per review of `range`; nil when the catalog names
  /// no reviewers) and not verified or giving one star rating, to be a candidate at all: a pass
  /// over the dates without copying anything.
  ///
  /// Windows of every length count, as in the detector: a two-day campaign at a supplier with a
  /// steady stream of verified reviews is diluted below the unverified share in the full week
  /// around it, but not in its own two days. Reviews are taken a day at a time; for each day, the
  /// windows ending on it start on one of the at most `window_days` days before it.
  /// Whether some window of the policy's span holds at least its minimum number of reviews, as
  /// every burst window must. Most suppliers have none, and a look at each review's
  /// `minimum - 1`-th successor (reviews are in date order) says so before any per-review work:
  /// the screening below cost some 50 ns a review over millions of them.
  func hasCrowdedWindow(_ range: Range<Int>, in table: ReviewTable) -> Bool {
    let minimum = max(1, policy.burst.minimumReviews)
    guard range.count >= minimum else { return false }
    let span = Int32(max(1, policy.burst.windowDays))
    return table.days.withUnsafeBufferPointer { days in
      for k in range.lowerBound...(range.upperBound - minimum)
      where days[k + minimum - 1].daysSinceEpoch - days[k].daysSinceEpoch < span {
        return true
      }
      return false
    }
  }

  /// Whether twice ``BurstPolicy/minimumReviews`` of the reviews at `range` (in date order) not
  /// marked verified (all of them, when the verification is doubted) fall within
  /// ``BurstPolicy/campaignWindowDays``: the count a campaign kept up for months needs, before
  /// the reviewers' histories are looked up.
  func hasCrowdedCampaign(_ range: Range<Int>, in table: ReviewTable, verifiedDoubtful: Bool) -> Bool {
    let needed = 2 * max(1, policy.burst.minimumReviews)
    guard range.count >= needed else { return false }
    let span = Int32(max(1, policy.burst.campaignWindowDays))
    return table.days.withUnsafeBufferPointer { days in
      table.verified.withUnsafeBufferPointer { verified in
        // The days of the last `needed` unverified reviews, as a ring.
        var ring = [Int32](repeating: 0, count: needed)
        var seen = 0
        for k in range where verifiedDoubtful || verified[k] != true {
          let day = days[k].daysSinceEpoch
          if seen >= needed - 1, day - ring[(seen + 1) % needed] < span { return true }
          ring[seen % needed] = day
          seen += 1
        }
        return false
      }
    }
  }

  /// Whether twice ``BurstPolicy/minimumReviews`` of the reviews at `range` (in date order) from
  /// new accounts (`isNew`, by position in the range) and not verified (all of them, when the
  /// verification is doubted) fall within ``BurstPolicy/campaignWindowDays``: what the
  /// detector's rule for campaigns kept up for months needs before it looks at ratings and pace.
  func maySustainCampaign(
    _ range: Range<Int>, in table: ReviewTable, isNew: [Bool], verifiedDoubtful: Bool
  ) -> Bool {
    let needed = 2 * max(1, policy.burst.minimumReviews)
    let span = Int32(max(1, policy.burst.campaignWindowDays))
    var days: [Int32] = []
    for (offset, k) in range.enumerated()
    where isNew[offset] && (verifiedDoubtful || table.verified[k] != true) {
      days.append(table.days[k].daysSinceEpoch)
    }
    guard days.count >= needed else { return false }
    for k in 0...(days.count - needed) where days[k + needed - 1] - days[k] < span { return true }
    return false
  }

  func mayHoldBurst(
    _ range: Range<Int>, in table: ReviewTable, isNew: [Bool]? = nil, verificationGiven: Bool = true,
    verifiedDoubtful: Bool = false
  ) -> Bool {
    let minimum = max(1, policy.burst.minimumReviews)
    guard range.count >= minimum else { return false }
    let span = Int32(max(1, policy.burst.windowDays))
    let share = verificationGiven ? policy.burst.unverifiedShare : 0
    // Reviewers not named at all are not held against anyone: the new share is then no condition.
    let newShare = isNew == nil ? 0 : policy.burst.newReviewerShare
    // A mostly verified window can still be a bought campaign, but only with its ratings within
    // one star (and template texts, checked once texts are at hand).
    let uniform = verificationGiven ? policy.burst.uniformRatingShare : .infinity
    guard hasCrowdedWindow(range, in: table) else { return false }
    let days = table.days
    // Unverified praise in a great rush needs no new accounts (the detector's `isRush`), nor a
    // catalog stating verification: judged against the supplier's pace over its whole history.
    let rushFactor = policy.burst.praiseRushFactor
    let firstDay = days[range.lowerBound].daysSinceEpoch
    let historyDays = Double(days[range.upperBound - 1].daysSinceEpoch - firstDay + 1)
    let verified = table.verified
    let ratings = table.ratings
    // The last days with reviews (day; reviews, new reviewers' and unverified ones per star in
    // lanes 1...5), oldest first, within the span. By star, so that windows are judged as the
    // detector judges them, without the reviews that oppose their commonest rating.
    var recent:
      [(
        day: Int32, stars: SIMD8<Int32>, new: SIMD8<Int32>, unverified: SIMD8<Int32>,
        newUnverified: SIMD8<Int32>
      )] =
        []
    recent.reserveCapacity(Int(span) + 1)
    var k = range.lowerBound
    while k < range.upperBound {
      let day = days[k].daysSinceEpoch
      var stars = SIMD8<Int32>()
      var new = SIMD8<Int32>()
      var unverified = SIMD8<Int32>()
      var newUnverified = SIMD8<Int32>()
      while k < range.upperBound && days[k].daysSinceEpoch == day {
        let star = ReviewBurstDetector.star(ratings[k])
        stars[star] += 1
        let isNewReview = isNew?[k - range.lowerBound] ?? true
        let isUnverified = verified[k] != true || verifiedDoubtful
        if isNewReview { new[star] += 1 }
        if isUnverified { unverified[star] += 1 }
        if isNewReview && isUnverified { newUnverified[star] += 1 }
        k += 1
      }
      while let oldest = recent.first, day - oldest.day >= span { recent.removeFirst() }
      recent.append((day, stars, new, unverified, newUnverified))
      // Windows ending today, from the shortest to the longest.
      var windowStars = SIMD8<Int32>()
      var windowNew = SIMD8<Int32>()
      var windowUnverified = SIMD8<Int32>()
      var windowNewUnverified = SIMD8<Int32>()
      for entry in recent.reversed() {
        windowStars &+= entry.stars
        windowNew &+= entry.new
        windowUnverified &+= entry.unverified
        windowNewUnverified &+= entry.newUnverified
        guard windowStars.wrappedSum() >= Int32(minimum) else { continue }
        // In a rush against the supplier's pace over its whole history (the detector's
        // `outpacesHistory`).
        let inRush = { () -> Bool in
          let inside = Double(windowStars.wrappedSum())
          let outside = Double(range.count) - inside
          let length = Double(day - entry.day + 1)
          let otherDays = historyDays - length
          return outside <= 0 || otherDays <= 0 || inside >= rushFactor * outside / otherDays * length - 1e-9
        }
        // New, unverified accounts giving one rating among genuine reviews of the same days (the
        // detector's `campaignAmongGenuine`).
        if rushFactor > 0, isNew != nil, windowNewUnverified.max() >= Int32(minimum),
          Double(windowNewUnverified.max()) >= policy.burst.uniformRatingShare
            * Double(windowNewUnverified.wrappedSum()) - 1e-9, inRush()
        {
          return true
        }
        // Most crowded windows are a busy supplier's established buyers: ruled out from the
        // window's sums before the tally is made. The tally counts at least the commonest
        // rating's reviews, and its new, unverified praise and complaints are at most the
        // window's, so a window short of both tests below at that count fails them at its own.
        if screensWindowSums, newShare >= 0, policy.burst.uniformRatingShare >= 0 {
          let atLeast = Double(max(Int32(minimum), windowStars.max()))
          let rushPossible =
            rushFactor > 0
            && Double(
              max(windowUnverified[4] &+ windowUnverified[5], windowUnverified[1] &+ windowUnverified[2]))
              >= policy.burst.uniformRatingShare * atLeast - 1e-9
          let newPossible = Double(windowNew.wrappedSum()) >= newShare * atLeast - 1e-9
          guard rushPossible || newPossible else { continue }
        }
        let tally = ReviewBurstDetector.Tally(
          stars: windowStars, newStars: windowNew, unverifiedStars: windowUnverified)
        let count = Double(tally.count)
        guard tally.count >= minimum else { continue }
        // One-sided: praise counts only in a window whose commonest rating is 4 or 5, complaints
        // only in one whose commonest is 1 or 2 (each is zero otherwise).
        if rushFactor > 0,
          Double(max(tally.unverifiedPraise, tally.unverifiedComplaints))
            >= policy.burst.uniformRatingShare * count - 1e-9, inRush()
        {
          return true
        }
        guard Double(tally.new) >= newShare * count - 1e-9 else { continue }
        if Double(tally.unverified) >= share * count - 1e-9
          || Double(tally.adjacent) >= uniform * count - 1e-9
        {
          return true
        }
      }
    }
    return false
  }

  /// How many reviews of known suppliers give each star rating (lanes 1...5).
  func starCounts(_ evidence: [SupplierEvidence], _ table: ReviewTable) -> SIMD8<Int> {
    var counts = SIMD8<Int>()
    table.ratings.withUnsafeBufferPointer { ratings in
      for index in evidence.indices {
        for k in evidence[index].reviews { counts[ReviewBurstDetector.star(ratings[k])] += 1 }
      }
    }
    return counts
  }

  /// How often the reviews of the other suppliers of the catalog give each star rating (lanes
  /// 1...5, summing to 1), from the catalog's `counts` (``starCounts(_:_:)``) less `reviews`' own,
  /// with one review of each rating added.
  ///
  /// A supplier's own reviews are left out: a campaign is not part of the usual rate it is judged
  /// against. In a catalog of two suppliers, 73 verified five-star reviews from new accounts
  /// raised the five-star rate from the other supplier's 80 % to 91 %, and the chance of the
  /// campaign from 8e-8 to 1e-3, so it went unflagged and ranked first (black-box review 76).
  /// The added reviews keep a handful of other reviews from making a rating certain (two
  /// five-star reviews would make five stars 100 % usual, and no campaign improbable), and with
  /// none the rate is a fifth for each, so that the supplier's own rate outside the window
  /// decides (code review); among millions of reviews they change nothing.
  func starShares(_ counts: SIMD8<Int>, excluding reviews: Range<Int>, in table: ReviewTable) -> SIMD8<Double>
  {
    var others = counts
    table.ratings.withUnsafeBufferPointer { ratings in
      for k in reviews { others[ReviewBurstDetector.star(ratings[k])] -= 1 }
    }
    var shares = SIMD8<Double>(others)
    for star in 1...5 { shares[star] += 1 }
    return shares / Double(others.wrappedSum() + 5)
  }

  /// Of each reviewer's reviews that count as history (verified ones, or all with
  /// `verifiedOnly` false), the earliest and latest days with their suppliers, and the earliest
  /// and latest days at any other supplier than those: enough to tell exactly, for a review of
  /// any supplier, the earliest and latest counted review of another supplier.
  struct ReviewerSpan {
    var first = Int32.max
    var firstSupplier: Int32 = -1
    /// The earliest day at a supplier other than ``firstSupplier``.
    var firstElsewhere = Int32.max
    var last = Int32.min
    var lastSupplier: Int32 = -1
    /// The latest day at a supplier other than ``lastSupplier``.
    var lastElsewhere = Int32.min

    mutating func add(supplier: Int32, day: Int32) {
      if day < first {
        // The old earliest was at another supplier, and no earlier than anything else.
        if supplier != firstSupplier { firstElsewhere = first }
        first = day
        firstSupplier = supplier
      } else if supplier != firstSupplier {
        firstElsewhere = min(firstElsewhere, day)
      }
      if day > last {
        if supplier != lastSupplier { lastElsewhere = last }
        last = day
        lastSupplier = supplier
      } else if supplier != lastSupplier {
        lastElsewhere = max(lastElsewhere, day)
      }
    }

    /// Whether a counted review of a supplier other than `supplier` lies at least `apart` days
    /// before or after `day`.
    func hasReview(otherThan supplier: Int32, apart: Int32, from day: Int32) -> Bool {
      let earliest = firstSupplier != supplier ? first : firstElsewhere
      let latest = lastSupplier != supplier ? last : lastElsewhere
      return (earliest != Int32.max && Int(day) - Int(earliest) >= Int(apart))
        || (latest != Int32.min && Int(latest) - Int(day) >= Int(apart))
    }
  }

  /// How often a supplier's reviews come from a reviewer whose counted reviews cover two
  /// suppliers or more: the median over the suppliers with reviews of each one's share.
  ///
  /// A median over suppliers, not a share of all reviewers: a campaign's hundreds of throw-away
  /// accounts, one review each, would otherwise outnumber a small catalog's returning buyers and
  /// switch off the very signal that shows them.
  func returningShare(
    _ evidence: [SupplierEvidence], _ table: ReviewTable, spans: [ReviewerSpan], blank: [Bool]
  )
    -> Double
  {
    // One byte per reviewer, read per review: the 32-byte spans looked up at random cost 50 ms
    // at size L.
    let returns = spans.indices.map { UInt8(!blank[$0] && spans[$0].firstElsewhere != Int32.max ? 1 : 0) }
    let reviewers = table.reviewers
    var shares = mapChunks(count: evidence.count, chunkSize: 4096) { range -> [Double] in
      var shares: [Double] = []
      returns.withUnsafeBufferPointer { returns in
        reviewers.withUnsafeBufferPointer { reviewers in
          for index in range where !evidence[index].reviews.isEmpty {
            var returning = 0
            for k in evidence[index].reviews where reviewers[k] >= 0 {
              returning += Int(returns[Int(reviewers[k])])
            }
            shares.append(Double(returning) / Double(evidence[index].reviews.count))
          }
        }
      }
      return shares
    }.flatMap { $0 }
    guard !shares.isEmpty else { return 0 }
    shares.sort()
    let middle = shares.count / 2
    return shares.count % 2 == 1 ? shares[middle] : (shares[middle - 1] + shares[middle]) / 2
  }

  /// Each reviewer's ``ReviewerSpan`` (by reviewer number), in one pass over the reviews.
  func reviewerSpans(_ evidence: [SupplierEvidence], _ reviews: ReviewTable, verifiedOnly: Bool)
    -> [ReviewerSpan]
  {
    var spans = [ReviewerSpan](repeating: ReviewerSpan(), count: reviews.reviewerNames.count)
    let (reviewerColumn, verifiedColumn, dayColumn) = (reviews.reviewers, reviews.verified, reviews.days)
    reviewerColumn.withUnsafeBufferPointer { reviewers in
      verifiedColumn.withUnsafeBufferPointer { verified in
        dayColumn.withUnsafeBufferPointer { days in
          spans.withUnsafeMutableBufferPointer { spans in
            for index in evidence.indices {
              for k in evidence[index].reviews
              where reviewers[k] >= 0 && (!verifiedOnly || verified[k] == true) {
                spans[Int(reviewers[k])].add(supplier: Int32(index), day: days[k].daysSinceEpoch)
              }
            }
          }
        }
      }
    }
    return spans
  }

  /// For each review, the share of its weight that its reviewer's other reviews of the same
  /// supplier leave it. A reviewer's reviews of one supplier on one day are one review, weighing
  /// what the heaviest of them weighs (shared among them by their weights: a double submission,
  /// or the same praise posted twice, is not a second buyer; black-box review 17 saw twenty such
  /// copies lift a supplier to first). A reviewer's d days of reviews of a supplier then count
  /// as d^(1 - `same_reviewer_exponent`) reviews, the heaviest day in full and the k-th heaviest
  /// by k^(1-e) - (k-1)^(1-e): one more review of any age or weight never lightens the total of
  /// the reviewer's others, nor moves a score against its own rating (each of d days weighing
  /// d^-e, an old second review had lightened a recent first: a one-star review raised a score;
  /// black-box review 145). Empty when every review weighs in full. Reviews without a reviewer
  /// id, or with a blank one, are nobody's repeats. Days are in order within each supplier's
  /// range (as gathered).
  func reviewerRepeatWeights(_ evidence: [SupplierEvidence], _ reviews: ReviewTable) -> [Float] {
    let exponent = policy.reviews.sameReviewerExponent
    /// What the pass keeps of one reviewer, together: reviewers are looked up in review order,
    /// at random over hundreds of thousands of them, and one record costs one cache miss.
    struct Tally {
      var lastSupplier: Int32 = -1
      var count: UInt16 = 0
      /// A blank reviewer id is nobody's: never counted.
      var blank = false
    }
    var tallies = reviews.reviewerNames.map { Tally(blank: ReviewBurstDetector.isBlank($0)) }
    var weights: [Float] = []
    // The reviews of reviewers with more than one review of the supplier, by reviewer then date.
    var repeated: [(reviewer: Int32, k: Int)] = []
    reviews.reviewers.withUnsafeBufferPointer { reviewers in
      tallies.withUnsafeMutableBufferPointer { tallies in
        for supplier in evidence.indices {
          let range = evidence[supplier].reviews
          let number = Int32(supplier)
          var anyRepeat = false
          for k in range where reviewers[k] >= 0 {
            let r = Int(reviewers[k])
            guard !tallies[r].blank else { continue }
            if tallies[r].lastSupplier != number {
              tallies[r].lastSupplier = number
              tallies[r].count = 0
            }
            if tallies[r].count < .max { tallies[r].count += 1 }
            if tallies[r].count > 1 { anyRepeat = true }
          }
          guard anyRepeat else { continue }
          repeated.removeAll(keepingCapacity: true)
          for k in range where reviewers[k] >= 0 {
            let r = Int(reviewers[k])
            if !tallies[r].blank && tallies[r].count > 1 { repeated.append((reviewers[k], k)) }
          }
          // Stable: each reviewer's reviews stay in date order.
          repeated.sort { $0.reviewer != $1.reviewer ? $0.reviewer < $1.reviewer : $0.k < $1.k }
          if weights.isEmpty { weights = [Float](repeating: 1, count: reviews.count) }
          let weigher = reviewWeigher(evidence[supplier])
          var start = 0
          while start < repeated.count {
            var end = start + 1
            while end < repeated.count && repeated[end].reviewer == repeated[start].reviewer { end += 1 }
            assignRepeatShares(repeated[start..<end].map(\.k), reviews, weigher, exponent, into: &weights)
            start = end
          }
        }
      }
    }
    return weights
  }

  /// The shares of one reviewer's reviews of one supplier (`positions`, in date order) by
  /// ``reviewerRepeatWeights(_:_:)``'s rule, each review's weight before repeats by `weigher`.
  private func assignRepeatShares(
    _ positions: [Int], _ reviews: ReviewTable, _ weigher: ReviewWeigher, _ exponent: Double,
    into weights: inout [Float]
  ) {
    // One review a day: the day's heaviest weight, and the sum it is shared by.
    var days: [(heaviest: Double, sum: Double, first: Int, end: Int)] = []
    var k = 0
    while k < positions.count {
      let day = reviews.days[positions[k]]
      var end = k + 1
      while end < positions.count && reviews.days[positions[end]] == day { end += 1 }
      var heaviest = 0.0
      var sum = 0.0
      for i in k..<end {
        let w = weigher.weight(positions[i], reviews)
        heaviest = max(heaviest, w)
        sum += w
      }
      days.append((heaviest, sum, k, end))
      k = end
    }
    // Heaviest first; of equal weight, the later day first (then as the days come).
    let order = days.indices.sorted {
      days[$0].heaviest != days[$1].heaviest ? days[$0].heaviest > days[$1].heaviest : $0 > $1
    }
    let power = 1 - exponent
    for (rank, d) in order.enumerated() {
      let step = pow(Double(rank + 1), power) - pow(Double(rank), power)
      let share = days[d].sum > 0 ? step * days[d].heaviest / days[d].sum : step
      for i in days[d].first..<days[d].end { weights[positions[i]] = Float(share) }
    }
  }

  /// A review's weight before repeats and burst discounts: its age's decay times its
  /// verification's weight. One rule for the reviews component and the repeat weights, which
  /// rank a reviewer's reviews by it.
  struct ReviewWeigher {
    let decay: Double
    let asOfDay: Int32
    /// Reviews after this day (the last year's) are the ones the transactions are asked to back.
    let yearStart: Int32
    /// Whether the supplier claims more verified reviews than its transactions back.
    let doubts: Bool
    let doubtedWeight: Double
    let verifiedWeight: Double
    let unverifiedWeight: Double

    /// Whether review `k`'s verification is among those the transactions cannot back: this
    /// year's, of three stars or more; older ones and complaints keep their weight, so that one
    /// more claimed never lightens them (code review).
    @inline(__always)
    func doubted(_ k: Int, _ table: ReviewTable) -> Bool {
      doubts && table.days[k].daysSinceEpoch > yearStart && ReviewBurstDetector.star(table.ratings[k]) >= 3
    }

    @inline(__always)
    func weight(_ k: Int, _ table: ReviewTable) -> Double {
      let verification =
        table.verified[k] == true ? (doubted(k, table) ? doubtedWeight : verifiedWeight) : unverifiedWeight
      return exp(-Double(asOfDay - table.days[k].daysSinceEpoch) * decay) * verification
    }
  }

  /// The ``ReviewWeigher`` of `e`'s reviews.
  func reviewWeigher(_ e: SupplierEvidence) -> ReviewWeigher {
    let p = policy.reviews
    return ReviewWeigher(
      decay: 0.6931471805599453 / p.halfLifeDays, asOfDay: asOf.daysSinceEpoch,
      yearStart: asOf.adding(days: -365).daysSinceEpoch, doubts: e.doubtfulVerified != nil,
      doubtedWeight: verifiedReviewWeight(e), verifiedWeight: p.verifiedWeight,
      unverifiedWeight: p.unverifiedWeight)
  }

  /// The number of verified reviews a supplier received in the year up to the as-of day, when it
  /// exceeds what its platform transactions of the last twelve months can back: more than
  /// `verified_per_transaction` per transaction and more than `verified_transactions_slack` over
  /// them. Each verified review stands for an order; twenty thousand of them against forty orders
  /// say the flag is not to be trusted. Nil when the profile states no transactions.
  func doubtfulVerification(_ e: SupplierEvidence, _ table: ReviewTable) -> Int? {
    guard let limit = verifiedLimit(e) else { return nil }
    guard Double(e.reviews.count) > limit else { return nil }
    let verified = verifiedThisYear(e, table)
    return Double(verified) > limit ? verified : nil
  }

  /// The supplier's verified reviews of the last year that the transactions are asked to back.
  /// Complaints (one or two stars) are left out: a supplier gains nothing by faking them, and a
  /// wave of verified complaints after a bad batch must count against it, not void its verified
  /// flags and be discounted as an attack (black-box review 19).
  func verifiedThisYear(_ e: SupplierEvidence, _ table: ReviewTable) -> Int {
    let yearStart = asOf.adding(days: -365).daysSinceEpoch
    var verified = 0
    for k in e.reviews
    where table.verified[k] == true && table.days[k].daysSinceEpoch > yearStart
      && ReviewBurstDetector.star(table.ratings[k]) >= 3
    {
      verified += 1
    }
    return verified
  }

  /// How many verified reviews of the last year the platform's transactions of the last twelve
  /// months can back (see ``Policy/Reviews/verifiedPerTransaction``), or nil when not stated.
  func verifiedLimit(_ e: SupplierEvidence) -> Double? {
    e.supplier.record.transactions12m.map { transactions in
      max(
        Double(transactions) * policy.reviews.verifiedPerTransaction,
        Double(transactions) + policy.reviews.verifiedTransactionsSlack)
    }
  }

  /// The weight of a review marked verified among those the transactions are asked to back
  /// (this year's, of three stars or more): the policy's, or, when the supplier claims more of
  /// them than its transactions can back, the unverified weight plus the share of the difference
  /// that the backed ones make of those claimed. All of them had counted as
  /// unverified once the limit was passed, so six more verified five-star reviews lowered a
  /// supplier's score and confidence (black-box review 38); so, each one more adds weight.
  func verifiedReviewWeight(_ e: SupplierEvidence) -> Double {
    let p = policy.reviews
    guard let claimed = e.doubtfulVerified, let limit = verifiedLimit(e), claimed > 0 else {
      return p.verifiedWeight
    }
    return p.unverifiedWeight + (p.verifiedWeight - p.unverifiedWeight) * min(1, limit / Double(claimed))
  }
}
