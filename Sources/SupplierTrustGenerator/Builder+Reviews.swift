import SupplierTrustModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CatalogBuilder {
  /// Rating weights for 1...5 stars by supplier tier: buyers mostly rate 4 or 5.
  private static let ratingWeights: [Weighted<Int>] = [
    Weighted([(1, 1.5), (2, 1.5), (3, 5), (4, 22), (5, 70)]),
    Weighted([(1, 4), (2, 4), (3, 10), (4, 32), (5, 50)]),
    Weighted([(1, 10), (2, 10), (3, 20), (4, 30), (5, 30)]),
    Weighted([(1, 30), (2, 20), (3, 20), (4, 15), (5, 15)]),
  ]
  private static let reviewerPrefix = utf8("BYR-")
  private static let orderPrefix = utf8("TA")

  func writeReviews(_ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random) throws {
    // Reviews cannot predate the company; at least the last year is always available.
    let founded = Day(rollingOverYear: traits.established, month: 1, day: 1)
    let window = max(330, min(1095, asOf - founded))
    for _ in 0..<traits.reviewCount {
      // u^1.5 leans towards recent dates (platforms grow) and needs no pow().
      let u = rng.unit()
      let back = Int(Double(window) * u * u.squareRoot())
      let reviewer = Int(Double(reviewerPool) * rng.unit() * rng.unit())
      try writeReview(traits, day: asOf - back, reviewer: reviewer, verifiedShare: 0.6, &row, &rng)
    }
    if traits.genuineSpike {
      // A real rush, e.g. after a trade fair: established verified buyers, ratings as usual.
      let start = asOf - 5 - rng.below(window - 10)
      for _ in 0..<rng.int(15...40) {
        let reviewer = Int(Double(reviewerPool) * pow(rng.unit(), 3))
        try writeReview(traits, day: start + rng.below(3), reviewer: reviewer, verifiedShare: 0.9, &row, &rng)
      }
    }
    if traits.plantedBurst { try writePlantedBurst(traits, window: window, &row, &rng) }
  }

  private func writeReview(
    _ traits: SupplierTraits, day: Day, reviewer: Int, verifiedShare: Double, _ row: inout RecordRow,
    _ rng: inout Random
  ) throws {
    let number = beginChild(.review, of: traits, &row)
    let stars = Self.ratingWeights[traits.tier].pick(&rng)
    if stars > 1 && rng.below(100) < 8 {
      row.add(tenths: stars * 10 - 1 - rng.below(5))
    } else {
      row.add(int: stars)
    }
    row.end()
    addReviewDate(day, &row, &rng)
    row.add(Self.reviewerPrefix)
    row.add(int: reviewer, width: 8)
    row.end()
    // A reviewer's country is a property of the account, not of the review.
    if rng.below(100) < 95 {
      let hash = splitMix64(UInt64(reviewer) ^ seed)
      let country = vocabulary.reviewerCountries.index(unit: Double(hash >> 11) * 0x1.0p-53)
      row.add(vocabulary.reviewerCountries.items[country])
    }
    row.end()
    let verified = rng.chance(verifiedShare)
    formats.add(bool: verified, to: &row, &rng)
    row.end()
    if verified ? rng.below(100) < 95 : rng.below(100) < 5 { addPlatformOrderID(&row, &rng) }
    row.end()
    if rng.below(100) < 70 {
      for _ in 0..<3 {
        row.add(int: min(5, max(1, stars + rng.below(4) / 2 - rng.below(4) / 3)))
        row.end()
      }
    } else {
      row.skip(3)
    }
    if rng.below(100) < 92 { addReviewText(stars: stars, &row, &rng) }
    row.end()
    try emitChild(.review, number: number, &row)
  }

  /// Five-star praise in a day or three from accounts that review nothing else: the pattern a
  /// purchased-review campaign leaves.
  private func writePlantedBurst(
    _ traits: SupplierTraits, window: Int, _ row: inout RecordRow, _ rng: inout Random
  ) throws {
    let start = asOf - 3 - rng.below(window - 3)
    let days = rng.int(1...3)
    let text = rng.pick(vocabulary.reviewText.burst)
    let country = rng.pick(vocabulary.reviewerCountries.items)
    for _ in 0..<rng.int(20...80) {
      let number = beginChild(.review, of: traits, &row)
      row.add(int: 5)
      row.end()
      addReviewDate(min(asOf, start + rng.below(days)), &row, &rng)
      burstReviewers += 1
      row.add(Self.reviewerPrefix)
      row.add(int: reviewerPool + burstReviewers, width: 8)
      row.end()
      row.add(rng.chance(0.7) ? country : rng.pick(vocabulary.reviewerCountries.items))
      row.end()
      let verified = rng.chance(0.12)
      formats.add(bool: verified, to: &row, &rng)
      row.end()
      if verified { addPlatformOrderID(&row, &rng) }
      row.end()
      if rng.chance(0.5) {
        row.add(int: 5)
        row.end()
        row.add(int: 5)
        row.end()
        row.add(int: 5)
        row.end()
      } else {
        row.skip(3)
      }
      row.add(text)
      row.add(rng.pick(vocabulary.reviewText.burstTails))
      row.end()
      try emitChild(.review, number: number, &row)
    }
  }

  @inline(__always)
  private func addReviewDate(_ day: Day, _ row: inout RecordRow, _ rng: inout Random) {
    if rng.below(100) < 12 {
      row.add(day: day, secondOfDay: rng.below(86_400))
    } else {
      row.add(day: day)
    }
    row.end()
  }

  @inline(__always)
  private func addPlatformOrderID(_ row: inout RecordRow, _ rng: inout Random) {
    row.add(Self.orderPrefix)
    row.add(int: rng.below(1_000_000), width: 6)
    row.add(int: rng.below(1_000_000), width: 6)
  }

  /// Opening, optional detail, optional closing remark; tone follows the stars.
  @inline(__always)
  private func addReviewText(stars: Int, _ row: inout RecordRow, _ rng: inout Random) {
    // Reached through the stored property each time: copying the ReviewText struct would retain
    // all its arrays on every review.
    if stars >= 4 {
      row.add(rng.pick(vocabulary.reviewText.positive))
    } else if stars == 3 {
      row.add(rng.pick(vocabulary.reviewText.mixed))
    } else {
      row.add(rng.pick(vocabulary.reviewText.negative))
    }
    let shape = rng.below(1000)
    if shape < 250 {
      row.add(byte: 0x2E)
      return
    }
    // A few buyers write on two lines.
    if shape < 260 {
      row.add(byte: 0x2E)
      row.add(byte: 0x0A)
    } else {
      row.add(byte: 0x2C)
      row.add(byte: 0x20)
    }
    row.add(rng.pick(vocabulary.reviewText.details))
    row.add(byte: 0x2E)
    if shape >= 650 {
      row.add(byte: 0x20)
      if stars >= 3 {
        row.add(rng.pick(vocabulary.reviewText.closers))
      } else {
        row.add(rng.pick(vocabulary.reviewText.negativeClosers))
      }
    }
  }
}
