import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The records of one supplier, gathered from a catalog.
struct SupplierEvidence {
  var supplier: Sourced<Supplier>
  var certifications: ArraySlice<Sourced<Certification>> = []
  var audits: ArraySlice<Sourced<Audit>> = []
  /// Positions in ``Scorer/Context/reviews`` of the supplier's reviews up to the as-of day, by
  /// date (then id).
  var reviews: Range<Int> = 0..<0
  var orders: ArraySlice<Sourced<Order>> = []
  /// Verified reviews of the last year (up to the as-of day), when they outnumber what the
  /// platform's transactions of the last twelve months can back (see ``Scorer/doubtfulVerification(_:_:)``);
  /// nil otherwise. The supplier's reviews then count as unverified.
  var doubtfulVerified: Int?
  /// The policy's certification sectors (bit `i` for `sectors[i]`) its categories match.
  var sectors: UInt64 = 0
}

/// Scores every supplier of a catalog: components, score, grade, confidence, flags and explanation.
///
/// Records dated after the as-of day are ignored, so that `--as-of` back-tests what a buyer
/// could have known on that day.
public struct Scorer: Sendable {
  public let policy: Policy
  public let asOf: Day
  public let registry: CertificationBodyRegistry
  /// Whether to work out "what would change the score" (it rescores each supplier a few times).
  public var suggests = true
  /// Whether to put every supplier's explanation into words: factor texts, flag details,
  /// evidence and certificate verdicts. Suggestions (when ``suggests``) are worked out either
  /// way. A CSV of every supplier shows flag codes and suggestions but no factors, and writing
  /// 100,000 explanations that nobody reads took most of its scoring time.
  public var writesExplanations = true
  /// Whether ``mayHoldBurst(_:in:isNew:verificationGiven:verifiedDoubtful:)`` rules windows out
  /// from their sums before tallying them; off only in tests, as the reference it must agree with.
  var screensWindowSums = true

  public init(policy: Policy = .default, asOf: Day, registry: CertificationBodyRegistry = .shipped) {
    self.policy = policy
    componentWeights = [
      policy.weights.reviews, policy.weights.certifications, policy.weights.audits, policy.weights.delivery,
      policy.weights.standing,
    ]
    self.asOf = asOf
    self.registry = registry
    let relevance = policy.certifications.relevance
    mostRelevantStandard =
      (relevance["ISO9001"] ?? policy.certifications.otherRelevance) >= (relevance.values.max() ?? 0)
      ? "ISO9001" : relevance.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
    relevanceTable = Self.relevanceTable(policy.certifications)
  }

  /// What ``relevance(_:sectors:)`` needs of a standard the policy names (or a withdrawn one
  /// whose successor it may name): its relevance, and each sector's raised one. Worked out once, so
  /// that a look-up is one hash of the name where it was three or more (each certificate is
  /// weighed several times per supplier).
  struct StandardRelevance: Sendable {
    var base: Double
    /// By sector position; nil where the sector does not list the standard.
    var sectors: [Double?]
  }

  let relevanceTable: [String: StandardRelevance]

  static func relevanceTable(_ p: Policy.Certifications) -> [String: StandardRelevance] {
    var names = Set(p.relevance.keys)
    for sector in p.sectors { names.formUnion(sector.relevance.keys) }
    names.formUnion(Standard.withdrawn.keys)
    var table: [String: StandardRelevance] = [:]
    for name in names {
      let standard = Standard.withdrawn[name]?.successor ?? name
      table[name] = StandardRelevance(
        base: p.relevance[standard] ?? p.otherRelevance, sectors: p.sectors.map { $0.relevance[standard] })
    }
    return table
  }

  /// The standard a supplier without any is advised to certify: ISO 9001 unless the policy ranks
  /// another standard higher (worked out once: every uncertified supplier asks).
  let mostRelevantStandard: String

  /// Catalog-wide facts every supplier is judged against.
  struct Context {
    var meanRating: Double
    /// Standard deviation of ratings across the catalog (at least a quarter star).
    var ratingSpread: Double
    var locations: [String]
    /// Every review up to the as-of day, grouped by supplier (in ``SupplierEvidence`` order).
    var reviews = ReviewTable()
    /// Whether to write the explanation: factor texts, flag details, evidence, certificate
    /// verdicts and suggestions. Ranking a large catalog needs only the numbers and flag codes
    /// of most suppliers; the words cost more than the arithmetic.
    var explains = true
    /// The reviews component of a supplier with no review weight at all, and what a supplier
    /// without reviews counts at: the catalog's mean less `uncertainty_penalty` standard errors of
    /// the prior alone, on 0..1.
    var priorReviewValue = 0.5
    /// Whether to work out suggestions (with or without the rest of the words).
    var suggests = true
    /// For each review of ``reviews``, how many reviews of the same supplier its reviewer wrote
    /// (1 without a reviewer id), for `same_reviewer_exponent`; empty when nobody repeats.
    /// Per review, the weight left by its reviewer's other reviews of the supplier (see
    /// `reviewerRepeatWeights`); empty when all weigh 1.
    var reviewerRepeats: [Float] = []
    /// What each component counts for in the score of a supplier without evidence for it (the
    /// policy's `missing_component_value`: neither good nor zero), or nil when no supplier of the
    /// catalog has evidence for it.
    var imputed: [Double?] = [nil, nil, nil, nil, nil]
    /// Each component's mean over the suppliers that have evidence for it (nil when none has):
    /// reported beside the scores, not used in them.
    var catalogAverages: [Double?] = [nil, nil, nil, nil, nil]
    /// The registry's verdict on every body name in the catalog, looked up once per name (a few
    /// hundred names recur across hundreds of thousands of records).
    var bodies = BodyVerdicts()
    /// For each certificate that more than one supplier claims (by ``Scorer/sharedHash(_:)``),
    /// its ``Scorer/sharedKey(_:)`` and the suppliers' ids in catalog order.
    var sharedCertificates: [UInt64: (key: String, holders: [String])] = [:]
  }

  /// A certificate's identity across suppliers: its issuer (the registry's name for a recognised
  /// body, so that "TUV SUD", "tüv süd" and "TÜV SÜD", or "BV" and "Bureau Veritas", are one) and
  /// its number, compared without case, spaces or punctuation; nil when the number is too short
  /// to identify anything (see ``identifies(_:)``).
  func sharedKey(_ c: Certification) -> String? {
    guard let number = c.certificateNumber else { return nil }
    let identity = Self.sharedLetters(number)
    guard Self.identifies(identity, number: number) else { return nil }
    return issuerIdentity(c.certificationBody) + "|" + identity
  }

  /// Whether a number (its letters and digits: `identity`, ``sharedLetters(_:)``) can identify a
  /// certificate: four or more with a digit ("Q-1234"), or a code of capital letters in groups
  /// joined by `-`, `/`, `.` or `_` with six letters or more that is not a placeholder
  /// ("QMS-SGS-CN" copied onto two suppliers is as copied as a number). Words people type where
  /// they have no number ("N/A", "Pending", "See above", "CERT NO.", "认证证书编号") say
  /// nothing about which certificate it is (code review: any six letters had counted).
  static func identifies(_ identity: String, number: String) -> Bool {
    let count = identity.unicodeScalars.count
    if identity.utf8.contains(where: { (0x30...0x39).contains($0) }) { return count >= 4 }
    guard count >= 6, !placeholderNumbers.contains(identity) else { return false }
    var groups = 0
    var inGroup = false
    for byte in number.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        if !inGroup { groups += 1 }
        inGroup = true
      case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"):
        inGroup = false
      default:
        // Lower case, spaces, anything else: words, not a code.
        return false
      }
    }
    return groups >= 2
  }

  /// Upper-cased letters (``sharedLetters(_:)``) that stand in for a certificate number.
  static let placeholderNumbers: Set<String> = [
    "UNKNOWN", "PENDING", "NOTAPPLICABLE", "NOTAVAILABLE", "NOTPROVIDED", "NOTSTATED", "NOTGIVEN",
    "NONUMBER", "NOTKNOWN", "MISSING", "APPLIED", "APPLIEDFOR", "INPROGRESS", "PROCESSING", "AWAITING",
    "WAITING", "SEEATTACHED", "SEEATTACHMENT", "ONREQUEST", "UPONREQUEST", "AVAILABLEONREQUEST",
    "CONFIDENTIAL", "WITHHELD", "REDACTED", "UNDISCLOSED", "TOBECONFIRMED", "TOBEADVISED",
    "TOBEDETERMINED", "NOTAPPLICABLENA", "NONENA", "CERTIFICATE", "CERTIFICATENUMBER", "NUMBER",
  ]

  /// The issuer part of ``sharedKey(_:)``.
  func issuerIdentity(_ name: String?) -> String {
    guard let name else { return "" }
    if case .recognised(let canonical) = registry.certificationBody(name) {
      return NameKey.key(canonical)
    }
    return NameKey.key(name)
  }

  /// The letters and digits of `text`, upper-cased: what identifies an issuer or a number.
  static func sharedLetters(_ text: String) -> String {
    // Nearly every number and issuer is ASCII: a byte loop, no Unicode property look-ups.
    if text.allUTF8Bytes({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      for byte in text.utf8 {
        switch byte {
        case 0x30...0x39, 0x41...0x5A: bytes.append(byte)
        case 0x61...0x7A: bytes.append(byte - 0x20)
        default: continue
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars
    where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
      out.append(scalar)
    }
    return String(out).uppercased()
  }

  /// ``sharedKey(_:)`` hashed (FNV-1a), without making a string for the ASCII numbers nearly
  /// every certificate has: a catalog holds a hundred thousand certificates, and only the few
  /// that share a hash need their keys compared.
  func sharedHash(_ c: Certification) -> UInt64? {
    Self.sharedHash(c, issuer: Self.issuerHash(issuerIdentity(c.certificationBody)))
  }

  /// The hash of the issuer part of ``sharedKey(_:)``, `identity` (``issuerIdentity(_:)``; a few
  /// hundred issuers recur across a catalog: worked out once each).
  static func issuerHash(_ identity: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in identity.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return (hash ^ UInt64(UInt8(ascii: "|"))) &* 0x100_0000_01b3
  }

  /// The number part of ``sharedHash(_:)``, given the issuer's hash.
  static func sharedHash(_ c: Certification, issuer: UInt64) -> UInt64? {
    guard let number = c.certificateNumber else { return nil }
    var hash = issuer
    var characters = 0
    var digits = 0
    for byte in number.utf8 {
      switch byte {
      case 0x30...0x39:
        digits += 1
        characters += 1
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      case 0x41...0x5A:
        characters += 1
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      case 0x61...0x7A:
        characters += 1
        hash = (hash ^ UInt64(byte - 0x20)) &* 0x100_0000_01b3
      case 0x80...:
        // Letters beyond ASCII: the general path, from the issuer's hash on.
        let identity = sharedLetters(number)
        guard identifies(identity, number: number) else { return nil }
        return identity.utf8.reduce(issuer) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
      default: continue
      }
    }
    if digits > 0 { return characters >= 4 ? hash : nil }
    // Letters only: rare enough to check the placeholders through the string.
    return characters >= 6 && identifies(sharedLetters(number), number: number) ? hash : nil
  }

  /// Certificates claimed by more than one supplier (see ``Context/sharedCertificates``).
  func sharedCertificates(_ evidence: [SupplierEvidence]) -> [UInt64: (key: String, holders: [String])] {
    // The first holder of each hash as supplier and position: plain integers, so that the table
    // of a hundred thousand certificates holds no strings to copy as it grows.
    var first: [UInt64: (supplier: Int32, position: Int32)] = [:]
    first.reserveCapacity(evidence.reduce(0) { $0 + $1.certifications.count })
    var shared: [UInt64: (key: String, holders: [String])] = [:]
    var issuers: [String: UInt64] = [:]
    for (index, e) in evidence.enumerated() {
      for position in e.certifications.indices {
        let c = e.certifications[position].record
        guard c.issuedOn.map({ $0 <= asOf }) ?? true else { continue }
        let body = c.certificationBody ?? ""
        let issuer: UInt64
        if let known = issuers[body] {
          issuer = known
        } else {
          issuer = Self.issuerHash(issuerIdentity(c.certificationBody))
          issuers[body] = issuer
        }
        guard let hash = Self.sharedHash(c, issuer: issuer) else { continue }
        guard let owner = first[hash] else {
          first[hash] = (Int32(index), Int32(position))
          continue
        }
        guard Int(owner.supplier) != index, let key = sharedKey(c) else { continue }
        if var entry = shared[hash] {
          guard entry.key == key, entry.holders.last != e.supplier.record.id else { continue }
          entry.holders.append(e.supplier.record.id)
          shared[hash] = entry
        } else if sharedKey(evidence[Int(owner.supplier)].certifications[Int(owner.position)].record)
          == key
        {
          shared[hash] = (key, [evidence[Int(owner.supplier)].supplier.record.id, e.supplier.record.id])
        }
      }
    }
    return shared
  }

  struct BodyVerdicts: Sendable {
    var certification: [String: Recognition] = [:]
    var accreditation: [String: Recognition] = [:]
    var auditor: [String: Recognition] = [:]
  }

  func bodyVerdicts(_ catalog: Catalog) -> BodyVerdicts {
    var verdicts = BodyVerdicts()
    for c in catalog.certifications {
      if let name = c.record.certificationBody, verdicts.certification[name] == nil {
        verdicts.certification[name] = registry.certificationBody(name)
      }
      if let name = c.record.accreditationBody, verdicts.accreditation[name] == nil {
        verdicts.accreditation[name] = registry.accreditationBody(name)
      }
    }
    for a in catalog.audits {
      if let name = a.record.auditor, verdicts.auditor[name] == nil {
        verdicts.auditor[name] = registry.auditor(name)
      }
    }
    return verdicts
  }

  /// Scores every supplier of `catalog`, best first.
  ///
  /// - Parameter detailing: given the ranked suppliers with their numbers and flag codes only,
  ///   the positions of those to explain in full (texts, flag details, evidence, suggestions);
  ///   nil explains every supplier. The others keep every number, grade, standing and flag code,
  ///   with empty texts. A ranking that shows its top 100 explains 100 suppliers, not 100,000.
  public func score(_ catalog: Catalog, detailing: (([SupplierAssessment]) -> [Int])? = nil) -> ScoringRun {
    let clock = StageTimer(prefix: "scoring: ")
    let (evidence, table, textsInFileOrder) = {
      var (evidence, table, texts) = gatherKeepingTexts(catalog)
      for i in evidence.indices { evidence[i].doubtfulVerified = doubtfulVerification(evidence[i], table) }
      assignSectors(&evidence)
      return (evidence, table, texts)
    }()
    clock.lap("gather")
    // Signals the catalog does not give at all (optional columns left out) are not held against
    // anyone: unknown is not evidence of a fake account.
    let reviewersGiven = table.reviewers.contains { $0 >= 0 }
    let verificationGiven = table.verified.contains { $0 != nil }
    // How often each rating is given: worked out meanwhile, for the detectors made below.
    let starSharesBox = UnsafeSendableBox<SIMD8<Double>?>(nil)
    let starSharesWork = DispatchGroup()
    DispatchQueue.global().async(group: starSharesWork) { [evidence, table] in
      starSharesBox.value = self.starShares(evidence, table)
    }
    // The registry's verdicts on body names, worked out meanwhile on another thread.
    let verdicts = UnsafeSendableBox(BodyVerdicts())
    let lookups = DispatchGroup()
    // Certificates claimed by several suppliers too.
    let shared = UnsafeSendableBox<[UInt64: (key: String, holders: [String])]>([:])
    // And how often each reviewer reviewed each supplier.
    let repeats = UnsafeSendableBox<[Float]>([])
    DispatchQueue.global().async(group: lookups) { [table] in
      verdicts.value = bodyVerdicts(catalog)
      shared.value = sharedCertificates(evidence)
      repeats.value = reviewerRepeatWeights(evidence, table)
    }
    // Whether each review's reviewer has a history: a review of another supplier in the catalog
    // (up to the as-of day) that was a verified purchase, or any review of another supplier when
    // the catalog states no verification, dated at least `window_days` away from the review.
    // Review farms reuse their accounts on several suppliers, but their reviews are not verified
    // purchases, or, when bought orders make them verified, are posted in the same days as the
    // campaign; an account that posts twenty reviews of one supplier has no history either.
    // Worked out once by reviewer number in one sequential pass, then looked up by position.
    let spans = reviewerSpans(evidence, table, verifiedOnly: verificationGiven)
    starSharesWork.wait()
    let starShares = starSharesBox.value
    let detector = {
      var detector = ReviewBurstDetector(policy: policy.burst)
      detector.reviewersGiven = reviewersGiven
      detector.verificationGiven = verificationGiven
      detector.catalogStarShares = starShares
      return detector
    }()
    let apart = Int32(max(1, policy.burst.windowDays))
    let blank = table.reviewerNames.map(ReviewBurstDetector.isBlank)
    let reviewers = table.reviewers
    let days = table.days
    clock.lap("reviewer histories")
    // Screening, without texts at hand, switches the text test off; only the windows it lets
    // through have their texts fetched.
    var screening = policy.burst
    if catalog.deferredReviewTexts != nil { screening.nearIdenticalShare = 0 }
    let screen = { [screening] in
      var screen = ReviewBurstDetector(policy: screening)
      screen.reviewersGiven = reviewersGiven
      screen.verificationGiven = verificationGiven
      screen.catalogStarShares = starShares
      return screen
    }()
    // Campaigns kept up for months (`campaign_window_days`) need named reviewers and stated
    // verification, as the detector's rule does.
    let campaignsJudged =
      reviewersGiven && verificationGiven && policy.burst.campaignWindowDays > policy.burst.windowDays
    /// A supplier whose reviews may hold a burst: its reviews, and whether each review's
    /// reviewer has no other history.
    typealias Candidate = (supplier: Int, reviews: [BurstSample], isNew: [Bool])
    // Screening runs on both cores, in chunks of suppliers; results are merged in supplier order.
    var candidates = mapChunks(count: evidence.count, chunkSize: 512) { range -> [Candidate] in
      var found: [Candidate] = []
      for index in range
      where hasCrowdedWindow(evidence[index].reviews, in: table)
        || (campaignsJudged
          && hasCrowdedCampaign(
            evidence[index].reviews, in: table, verifiedDoubtful: evidence[index].doubtfulVerified != nil))
      {
        let supplier = Int32(index)
        let isNew = evidence[index].reviews.map { k in
          let reviewer = Int(reviewers[k])
          guard reviewer >= 0, !blank[reviewer] else { return true }
          return !spans[reviewer].hasReview(otherThan: supplier, apart: apart, from: days[k].daysSinceEpoch)
        }
        let doubtful = evidence[index].doubtfulVerified != nil
        guard
          mayHoldBurst(
            evidence[index].reviews, in: table, isNew: reviewersGiven ? isNew : nil,
            verificationGiven: verificationGiven, verifiedDoubtful: doubtful)
            || (campaignsJudged
              && maySustainCampaign(
                evidence[index].reviews, in: table, isNew: isNew, verifiedDoubtful: doubtful))
        else { continue }
        // The supplier's texts read together (texts left in a file: a run of them per read), from
        // the table in file order when the reviews were reordered without them.
        let first = evidence[index].reviews.lowerBound
        let texts =
          textsInFileOrder.map { kept in
            kept.table.texts(at: evidence[index].reviews.lazy.map { kept.positions[$0] })
          } ?? table.texts(at: evidence[index].reviews)
        let reviews = evidence[index].reviews.map { k in
          var sample = table.burstSample(at: k, text: texts[k - first])
          if doubtful { sample.verifiedPurchase = false }
          return sample
        }
        var supplierScreen = screen
        supplierScreen.verificationDoubted = doubtful
        let windows = supplierScreen.detect(reviews, isNewReviewer: isNew)
        guard !windows.isEmpty else { continue }
        found.append((index, reviews, isNew))
      }
      return found
    }.flatMap { $0 }
    clock.lap(
      "burst screening (\(candidates.count) suppliers, \(candidates.reduce(0) { $0 + $1.reviews.count }) reviews)"
    )
    if let texts = catalog.deferredReviewTexts {
      // Every text of a candidate, not only those inside the screened windows: detection with
      // texts finds its windows again, and with the others' texts missing it found different
      // ones than scoring the same catalog from its files (black-box check of store against
      // files at size L: two suppliers' bursts, and the catalog mean with them).
      // One request for every text, in key order: the store reads its pages in sequence rather
      // than jumping about once per supplier. Detection then runs in parallel below.
      var ids: [String] = []
      for candidate in candidates {
        for k in evidence[candidate.supplier].reviews { ids.append(table.ids[k]) }
      }
      ids.sort()
      let fetched = texts.texts(of: ids)
      for k in candidates.indices {
        let first = evidence[candidates[k].supplier].reviews.lowerBound
        for p in candidates[k].reviews.indices {
          candidates[k].reviews[p].text = fetched[table.ids[first + p]]
        }
      }
      clock.lap("texts fetched (\(fetched.count) of \(ids.count))")
    }
    let detected = parallelMap(candidates) { candidate in
      var supplierDetector = detector
      supplierDetector.verificationDoubted = evidence[candidate.supplier].doubtfulVerified != nil
      return supplierDetector.detect(candidate.reviews, isNewReviewer: candidate.isNew)
    }
    // One flag per review of the table (a supplier's are `suspicious[evidence.reviews]`).
    var suspicious = [Bool](repeating: false, count: table.count)
    var bursts = [[ReviewBurst]](repeating: [], count: evidence.count)
    for (candidate, found) in zip(candidates, detected) {
      let first = evidence[candidate.supplier].reviews.lowerBound
      // Established reviewers' verified reviews in a campaign's days are genuine buyers caught in
      // its span: they keep their weight (black-box review 19 saw 46 reviews discounted for a
      // campaign of 25). New accounts' reviews and unverified ones are the campaign's.
      for burst in found {
        for i in burst.reviewIndices where candidate.isNew[i] || candidate.reviews[i].verifiedPurchase != true
        {
          // A verified review of the other kind (a complaint amid bought praise, praise amid an
          // attack) is a buyer's, not the campaign's: nine first-time buyers' verified complaints
          // were discounted with a campaign of twelve five-star reviews (black-box review 29).
          // A verified complaint is never discounted, in whatever campaign: a bad batch reaches
          // first-time buyers all at once, and four verified complaints among ten had been
          // dropped with the unverified ones as an "attack" (black-box review 38).
          let star = ReviewBurstDetector.star(candidate.reviews[i].rating)
          if candidate.reviews[i].verifiedPurchase == true,
            star <= 2 || (burst.commonestStar >= 4 ? star < 4 : star > 2)
          {
            continue
          }
          // A campaign found among genuine reviews is its new, unverified accounts' one rating.
          if let stars = burst.campaignStars,
            !(candidate.isNew[i] && candidate.reviews[i].verifiedPurchase != true
              && stars.contains(ReviewBurstDetector.star(candidate.reviews[i].rating)))
          {
            continue
          }
          suspicious[first + i] = true
        }
      }
      bursts[candidate.supplier] = found
    }
    // Bursts first: the catalog's prior mean must not be moved by purchased reviews.
    var ratingSum = 0.0
    var ratingSquares = 0.0
    var ratingCount = 0
    table.ratings.withUnsafeBufferPointer { ratings in
      for index in evidence.indices {
        for k in evidence[index].reviews where !suspicious[k] {
          ratingSum += ratings[k]
          ratingSquares += ratings[k] * ratings[k]
          ratingCount += 1
        }
      }
    }
    // A burst rated below both the supplier's other reviews and that mean lowered the rating
    // (an attack, or a bad batch that looks like one); any other inflated it. Decided once, here.
    // An attack then counts in the catalog's mean as it counts for its victim: its
    // `minimum_reviews` - 1 reviews that pull down most. Left out entirely, a tenth complaint that
    // made nine an attack raised the mean and every score with it; counted in full, thirty
    // discounted complaints still pulled every supplier toward them, its victim and its twin
    // (black-box review 60: the catalog mean 4.16 -> 3.68, the twin's reviews 0.756 -> 0.674).
    // The lowest ratings of more complaints are never higher, so one more never raises it.
    let attackKept = max(0, policy.burst.minimumReviews - 1)
    let provisionalMean = ratingCount > 0 ? ratingSum / Double(ratingCount) : 4.0
    for index in evidence.indices where !bursts[index].isEmpty {
      var ownSum = 0.0
      var ownCount = 0
      for k in evidence[index].reviews where !suspicious[k] {
        ownSum += table.ratings[k]
        ownCount += 1
      }
      let reference = min(provisionalMean, ownCount > 0 ? ownSum / Double(ownCount) : provisionalMean)
      // A burst of complaints (its commonest rating one or two stars) never inflates, whatever the
      // supplier's other reviews: one more old complaint had brought a 2-star attack's victim's
      // own mean down to the burst's and turned the attack into "inflation" (code review).
      for b in bursts[index].indices
      where bursts[index][b].meanRating < reference || bursts[index][b].commonestStar <= 2 {
        bursts[index][b].lowersRating = true
        var discounted: [Double] = []
        for i in bursts[index][b].reviewIndices {
          let k = evidence[index].reviews.lowerBound + i
          // Complaints only, as the victim keeps them: praise swept into an attack's window
          // would otherwise lift the mean at full weight (code review).
          if suspicious[k], table.ratings[k] < provisionalMean { discounted.append(table.ratings[k]) }
        }
        discounted.sort()
        for rating in discounted.prefix(attackKept) {
          ratingSum += rating
          ratingSquares += rating * rating
          ratingCount += 1
        }
      }
    }
    clock.lap("bursts")
    let mean = ratingCount > 0 ? ratingSum / Double(ratingCount) : 4.0
    // With fewer than two reviews there is no spread to measure: one star is a fair guess.
    let spread =
      ratingCount > 1 ? (max(0, ratingSquares / Double(ratingCount) - mean * mean)).squareRoot() : 1.0
    var context = Context(
      meanRating: mean, ratingSpread: max(0.25, spread),
      locations: catalog.sources.map(\.path), reviews: table,
      bodies: {
        lookups.wait(); return verdicts.value
      }())
    context.sharedCertificates = shared.value
    context.reviewerRepeats = repeats.value
    let priorError = context.ratingSpread / max(policy.reviews.priorStrength, 1e-9).squareRoot()
    context.priorReviewValue = min(
      1, max(0, (mean - policy.reviews.uncertaintyPenalty * priorError - 1) / 4))
    context.explains = detailing == nil && writesExplanations
    context.suggests = detailing == nil && suggests
    let work = evidence
    let stride = 64
    let chunks = (work.count + stride - 1) / stride
    clock.lap("context")
    // The components on their own as well, for the catalog averages, without touching the large
    // assessments again.
    var components = [ComponentScores?](repeating: nil, count: evidence.count)
    // Written in place, uninitialised until then: 100,000 assessments of several hundred bytes
    // each would otherwise be written twice (nil first), and every page touched twice.
    var results = [SupplierAssessment](unsafeUninitializedCapacity: evidence.count) { out, initialized in
      components.withUnsafeMutableBufferPointer { parts in
        let output = UnsafeSendableBuffer(out)
        let values = UnsafeSendableBuffer(parts)
        let suspicious = suspicious
        let bursts = bursts
        let context = context
        DispatchQueue.concurrentPerform(iterations: max(1, chunks)) { chunk in
          for i in (chunk * stride)..<min(work.count, (chunk + 1) * stride) {
            let result = assess(
              work[i], suspicious: suspicious[work[i].reviews], bursts: bursts[i], context: context)
            values.buffer[i] = result.components
            (output.buffer.baseAddress! + i).initialize(to: result)
          }
        }
      }
      initialized = work.count
    }
    var sums = [Double](repeating: 0, count: 5)
    var counts = [Int](repeating: 0, count: 5)
    for component in components {
      for (i, value) in component!.all.enumerated() {
        if let v = value.value {
          sums[i] += v
          counts[i] += 1
        }
      }
    }
    context.catalogAverages = (0..<5).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil }
    // A component nobody in the catalog has evidence for stays out of every score.
    context.imputed = context.catalogAverages.map { $0 == nil ? nil : policy.missingComponentValue }
    // No reviews at all is what the prior alone says: the catalog's mean less the uncertainty of
    // knowing nothing else. Counting it at `missing_component_value` on the star scale (3★)
    // ranked sixty verified reviews at 3.4★ in a catalog rated 4.3 above no reviews.
    if context.catalogAverages[0] != nil { context.imputed[0] = context.priorReviewValue }
    clock.lap("components")
    // The sort keys on the side, written by the same pass.
    var keys = [(score: Double, mean: Double, confidence: Double)](
      repeating: (0, 0, 0), count: evidence.count)
    results.withUnsafeMutableBufferPointer { out in
      keys.withUnsafeMutableBufferPointer { sortKeys in
        let output = UnsafeSendableBuffer(out)
        let keyOutput = UnsafeSendableBuffer(sortKeys)
        let context = context
        // Suggestions rescore components for their numbers only; one wordless copy of the
        // context for all of them (copying it per supplier showed in profiles).
        var quiet = context
        quiet.explains = false
        DispatchQueue.concurrentPerform(iterations: max(1, chunks)) { [quiet] chunk in
          for i in (chunk * stride)..<min(work.count, (chunk + 1) * stride) {
            finish(&output.buffer[i], evidence: work[i], context: context, quiet: quiet)
            keyOutput.buffer[i] = (
              output.buffer[i].exactScore ?? output.buffer[i].score ?? -1, output.buffer[i].meanScore ?? -1,
              output.buffer[i].confidence
            )
          }
        }
      }
    }
    clock.lap("assess")
    // Sort positions, not the large assessment values. Evidence is in supplier id order, so the
    // position breaks ties as the id would.
    var order = Array(results.indices)
    order.sort { a, b in
      if keys[a].score != keys[b].score { return keys[a].score > keys[b].score }
      // Under a weakest link many suppliers tie on the score; the mean of their components says
      // which is better otherwise (a supplier better on every count must come first).
      if keys[a].mean != keys[b].mean { return keys[a].mean > keys[b].mean }
      if keys[a].confidence != keys[b].confidence { return keys[a].confidence > keys[b].confidence }
      return a < b
    }
    // Permuted in place, each moved once along its cycle: neither copied (each holds dozens of
    // references) nor written to fresh pages.
    results.permute(into: order)
    var suppliers = results
    results = []
    clock.lap("rank")
    if let detailing {
      context.explains = true
      context.suggests = suggests
      let positions = Set(detailing(suppliers)).filter { suppliers.indices.contains($0) }.sorted()
      var quiet = context
      quiet.explains = false
      let explained = parallelMap(positions) { [context, quiet, order, suspicious, bursts] position in
        let i = order[position]
        var full = assess(
          work[i], suspicious: suspicious[work[i].reviews], bursts: bursts[i], context: context)
        finish(&full, evidence: work[i], context: context, quiet: quiet)
        return full
      }
      for (position, full) in zip(positions, explained) { suppliers[position] = full }
      clock.lap("explain \(positions.count)")
    }
    return ScoringRun(
      asOf: asOf, policy: policy, policyHash: policy.hash, sources: catalog.sources,
      catalogMeanRating: context.meanRating, catalogReviewCount: ratingCount,
      componentAverages: ComponentScores(
        reviews: context.catalogAverages[0], certifications: context.catalogAverages[1],
        audits: context.catalogAverages[2], delivery: context.catalogAverages[3],
        standing: context.catalogAverages[4]), priorReviewValue: context.priorReviewValue,
      suppliers: suppliers)
  }

  /// `transform` applied to every element on both cores, results in order.
  func parallelMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    var results = [R?](repeating: nil, count: items.count)
    let chunkSize = 16
    let chunks = (items.count + chunkSize - 1) / chunkSize
    results.withUnsafeMutableBufferPointer { out in
      let output = UnsafeSendableBuffer(out)
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for k in (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize) {
          output.buffer[k] = transform(items[k])
        }
      }
    }
    return results.map { $0! }
  }

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

  /// How often the reviews of known suppliers give each star rating (lanes 1...5); nil without
  /// reviews.
  func starShares(_ evidence: [SupplierEvidence], _ table: ReviewTable) -> SIMD8<Double>? {
    var counts = [Int](repeating: 0, count: 8)
    table.ratings.withUnsafeBufferPointer { ratings in
      counts.withUnsafeMutableBufferPointer { counts in
        for index in evidence.indices {
          for k in evidence[index].reviews { counts[ReviewBurstDetector.star(ratings[k])] += 1 }
        }
      }
    }
    let total = counts.reduce(0, +)
    guard total > 0 else { return nil }
    return SIMD8<Double>(counts.map { Double($0) / Double(total) })
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

  /// For each review, the weight its reviewer's other reviews of the same supplier leave it: a
  /// reviewer's reviews of one supplier on one day are one review (each weighs 1/m for m that
  /// day: a double submission, or the same praise posted twice, is not a second buyer; black-box
  /// review 17 saw twenty such copies lift a supplier to first), and reviews on d distinct days
  /// weigh d^-`same_reviewer_exponent` each. Empty when every review weighs 1. Reviews without a
  /// reviewer id, or with a blank one, are nobody's repeats. Days are in order within each
  /// supplier's range (as gathered), so a day's reviews are one block.
  func reviewerRepeatWeights(_ evidence: [SupplierEvidence], _ reviews: ReviewTable) -> [Float] {
    let exponent = policy.reviews.sameReviewerExponent
    /// All that is kept of one reviewer, together: the pass looks reviewers up in review order,
    /// which is random over hundreds of thousands of them, and five arrays cost five cache misses
    /// a review where this costs one.
    struct Tally {
      var lastSupplier: Int32 = -1
      var lastDay: Int32 = .min
      var distinctDays: UInt16 = 0
      var sameDay: UInt16 = 0
      /// A blank reviewer id is nobody's: never counted.
      var blank = false
    }
    var tallies = reviews.reviewerNames.map { Tally(blank: ReviewBurstDetector.isBlank($0)) }
    var touched: [Int] = []
    var weights: [Float] = []
    reviews.reviewers.withUnsafeBufferPointer { reviewers in
      reviews.days.withUnsafeBufferPointer { days in
        tallies.withUnsafeMutableBufferPointer { tallies in
          for supplier in evidence.indices {
            let range = evidence[supplier].reviews
            let number = Int32(supplier)
            for k in range where reviewers[k] >= 0 {
              let r = Int(reviewers[k])
              guard !tallies[r].blank else { continue }
              if tallies[r].lastSupplier != number {
                tallies[r].lastSupplier = number
                tallies[r].distinctDays = 0
                tallies[r].lastDay = .min
              }
              if days[k].daysSinceEpoch != tallies[r].lastDay {
                tallies[r].lastDay = days[k].daysSinceEpoch
                if tallies[r].distinctDays < .max { tallies[r].distinctDays += 1 }
              }
            }
            var start = range.lowerBound
            while start < range.upperBound {
              let day = days[start].daysSinceEpoch
              var end = start + 1
              while end < range.upperBound && days[end].daysSinceEpoch == day { end += 1 }
              for k in start..<end where reviewers[k] >= 0 && !tallies[Int(reviewers[k])].blank {
                let r = Int(reviewers[k])
                if tallies[r].sameDay == 0 { touched.append(r) }
                if tallies[r].sameDay < .max { tallies[r].sameDay += 1 }
              }
              for k in start..<end where reviewers[k] >= 0 && !tallies[Int(reviewers[k])].blank {
                let r = Int(reviewers[k])
                let (m, d) = (tallies[r].sameDay, tallies[r].distinctDays)
                guard m > 1 || (d > 1 && exponent > 0) else { continue }
                if weights.isEmpty { weights = [Float](repeating: 1, count: reviews.count) }
                weights[k] = Float(pow(Double(d), -exponent) / Double(m))
              }
              for r in touched { tallies[r].sameDay = 0 }
              touched.removeAll(keepingCapacity: true)
              start = end
            }
          }
        }
      }
    }
    return weights
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

  /// Best first: higher score (before rounding), then the higher weighted mean of the components
  /// (which tells apart suppliers whose weakest links tie), then higher confidence, then supplier
  /// id; unscored last.
  public static func rankOrder(_ a: SupplierAssessment, _ b: SupplierAssessment) -> Bool {
    switch (a.exactScore ?? a.score, b.exactScore ?? b.score) {
    case (let x?, let y?) where x != y: return x > y
    case (.some, nil): return true
    case (nil, .some): return false
    default: break
    }
    if let x = a.meanScore, let y = b.meanScore, x != y { return x > y }
    if a.confidence != b.confidence { return a.confidence > b.confidence }
    return a.supplier.id < b.supplier.id
  }

  /// Groups records by supplier (in supplier id order), each supplier's records sorted by a key
  /// of their own so that input order never matters. Reviews up to the as-of day are handed out
  /// as slices of one array: when the catalog already holds them grouped and in date order (as
  /// the store gives them) that array is the catalog's own, with nothing copied.
  func gather(_ catalog: Catalog) -> (evidence: [SupplierEvidence], reviews: ReviewTable) {
    let (evidence, reviews, texts) = gatherKeepingTexts(catalog)
    guard let texts else { return (evidence, reviews) }
    return (evidence, texts.table.reordered(by: texts.positions))
  }

  /// ``gather(_:)``, with the texts of reviews read out of order left where they were: the
  /// returned table then has none, and review `k`'s text is `table.text(at: positions[k])`. Only
  /// burst candidates' texts are read, and copying four million of them into the new order cost
  /// 0.15 s and 300 MB when scoring from files.
  func gatherKeepingTexts(_ catalog: Catalog) -> (
    evidence: [SupplierEvidence], reviews: ReviewTable, texts: (table: ReviewTable, positions: [Int])?
  ) {
    let gclock = StageTimer(prefix: "gather: ")
    var evidence: [SupplierEvidence] = []
    evidence.reserveCapacity(catalog.suppliers.count)
    // By id; positions are sorted, not the large records (a store hands them over sorted).
    let suppliers = catalog.suppliers
    var byID = Array(suppliers.indices)
    if !suppliers.indices.dropFirst().allSatisfy({ suppliers[$0 - 1].record.id <= suppliers[$0].record.id }) {
      byID.sort { suppliers[$0].record.id < suppliers[$1].record.id }
    }
    for k in byID { evidence.append(SupplierEvidence(supplier: suppliers[k])) }
    // Each supplier's position by its id's bytes: half a million look-ups (certificates, audits,
    // orders, runs of reviews) each seeded and ran SipHash through a `[String: Int]`. Importing
    // keeps ids unique, so a supplier's number is its position; of a catalog built with an id
    // twice, the first supplier of that id gets its records.
    let numbering = NameNumbering(byID.map { suppliers[$0].record.id })
    let index = SupplierIndex(numbering: numbering)
    // Each kind grouped by supplier in one array, each supplier's records handed out as a slice
    // of it: three arrays to build and free rather than three per supplier.
    // Certificates (the most, with string keys) on another thread while this one does the rest.
    let certificationsBox = UnsafeSendableBox<(records: [Sourced<Certification>], starts: [Int])>(([], []))
    let certificationWork = DispatchGroup()
    DispatchQueue.global().async(group: certificationWork) { [index, count = evidence.count] in
      certificationsBox.value = grouped(
        catalog.certifications, into: count, owner: { index[$0.supplierID] ?? -1 }
      ) { $0.key < $1.key }
    }
    let audits = grouped(catalog.audits, into: evidence.count, owner: { index[$0.supplierID] ?? -1 }) {
      ($0.date, $0.id) < ($1.date, $1.id)
    }
    let orders = grouped(catalog.orders, into: evidence.count, owner: { index[$0.supplierID] ?? -1 }) {
      $0.id < $1.id
    }
    for i in evidence.indices {
      evidence[i].audits = audits.records[audits.starts[i]..<audits.starts[i + 1]]
      evidence[i].orders = orders.records[orders.starts[i]..<orders.starts[i + 1]]
    }

    gclock.lap("suppliers, audits, orders")
    // Reviews: the supplier of each run of equal supplier ids, looked up once per run.
    let reviews = catalog.reviews
    let days = reviews.days
    let ids = reviews.ids
    let supplierIDs = reviews.supplierIDs
    var owner = [Int32](repeating: -1, count: reviews.count)
    var counts = [Int](repeating: 0, count: evidence.count)
    var inOrder = true
    var previousID = ""
    var previousOwner: Int32 = -1
    let last = asOf.daysSinceEpoch
    // Through buffer pointers, and the ids read only when two dates are equal: 4M reviews make
    // this a pass over memory, and the checks and id loads doubled it.
    days.withUnsafeBufferPointer { days in
      supplierIDs.withUnsafeBufferPointer { supplierIDs in
        owner.withUnsafeMutableBufferPointer { owner in
          for k in 0..<days.count where days[k].daysSinceEpoch <= last {
            if k == 0 || supplierIDs[k] != previousID {
              previousOwner = index[supplierIDs[k]].map(Int32.init) ?? -1
              previousID = supplierIDs[k]
            }
            owner[k] = previousOwner
            guard previousOwner >= 0 else { continue }
            counts[Int(previousOwner)] += 1
            if inOrder, k > 0, owner[k - 1] >= 0 {
              let before = owner[k - 1]
              if before > previousOwner {
                inOrder = false
              } else if before == previousOwner {
                let (earlier, later) = (days[k - 1].daysSinceEpoch, days[k].daysSinceEpoch)
                if earlier > later || (earlier == later && ids.precedes(k, k - 1)) { inOrder = false }
              }
            }
          }
        }
      }
    }
    gclock.lap("owners")
    var starts = [Int](repeating: 0, count: evidence.count + 1)
    for i in evidence.indices { starts[i + 1] = starts[i] + counts[i] }
    var ordered: ReviewTable
    var texts: (table: ReviewTable, positions: [Int])?
    let kept = starts[evidence.count]
    // Every review kept (so every one has an owner) and each after its predecessor: use as is.
    if inOrder && kept == reviews.count {
      ordered = reviews
    } else {
      // Counting sort by supplier, then each supplier's reviews by date and id.
      var placement = starts
      var permutation = [Int](repeating: 0, count: kept)
      for k in 0..<reviews.count where owner[k] >= 0 {
        permutation[placement[Int(owner[k])]] = k
        placement[Int(owner[k])] += 1
      }
      // Each supplier's reviews by date, on both cores: as one key per review (the day above the
      // position in the file) sorted as plain integers; reviews of one day then in id order byte
      // by byte, as the store orders them, sorted again only where the file did not have them
      // so. A comparison closure over days and ids took a second for the 4 M reviews of L.
      permutation.withUnsafeMutableBufferPointer { all in
        let shared = UnsafeSendableBuffer(all)
        let counts = counts
        let starts = starts
        let suppliers = evidence.count
        DispatchQueue.concurrentPerform(iterations: (suppliers + 1023) / 1024) { chunk in
          var keys: [UInt64] = []
          for i in (chunk * 1024)..<min(suppliers, (chunk + 1) * 1024) where counts[i] > 1 {
            let group = UnsafeMutableBufferPointer(rebasing: shared.buffer[starts[i]..<starts[i + 1]])
            keys.removeAll(keepingCapacity: true)
            for k in group {
              let day = UInt64(UInt32(bitPattern: days[k].daysSinceEpoch) ^ 0x8000_0000)
              keys.append(day << 32 | UInt64(k))
            }
            keys.sort()
            for (slot, key) in keys.enumerated() { group[slot] = Int(key & 0xFFFF_FFFF) }
            var runStart = 0
            while runStart < group.count {
              var runEnd = runStart + 1
              while runEnd < group.count && days[group[runEnd]] == days[group[runStart]] { runEnd += 1 }
              if runEnd - runStart > 1,
                (runStart..<(runEnd - 1)).contains(where: { !ids.precedes(group[$0], group[$0 + 1]) })
              {
                group[runStart..<runEnd].sort { ids.precedes($0, $1) }
              }
              runStart = runEnd
            }
          }
        }
      }
      gclock.lap("sort")
      if reviews.hasTexts {
        texts = (reviews, permutation)
        ordered = reviews.reordered(by: permutation, texts: false)
      } else {
        ordered = reviews.reordered(by: permutation)
      }
    }
    gclock.lap("reorder")
    certificationWork.wait()
    gclock.lap("certificates wait")
    let certifications = certificationsBox.value
    for i in evidence.indices {
      evidence[i].reviews = starts[i]..<starts[i + 1]
      evidence[i].certifications =
        certifications.records[certifications.starts[i]..<certifications.starts[i + 1]]
    }
    return (evidence, ordered, texts)
  }

  /// `records` of known suppliers, grouped by supplier (in evidence order) and each group sorted
  /// by `areInIncreasingOrder`; group `i` is `records[starts[i]..<starts[i + 1]]`.
  func grouped<R>(
    _ records: [Sourced<R>], into count: Int, owner: (R) -> Int, _ areInIncreasingOrder: (R, R) -> Bool
  ) -> (records: [Sourced<R>], starts: [Int]) {
    var owners = [Int](repeating: -1, count: records.count)
    for k in records.indices { owners[k] = owner(records[k].record) }
    var starts = [Int](repeating: 0, count: count + 1)
    for owner in owners where owner >= 0 { starts[owner + 1] += 1 }
    for i in 0..<count { starts[i + 1] += starts[i] }
    var placement = starts
    var positions = [Int](repeating: 0, count: starts[count])
    for (k, owner) in owners.enumerated() where owner >= 0 {
      positions[placement[owner]] = k
      placement[owner] += 1
    }
    for i in 0..<count where starts[i + 1] - starts[i] > 1 {
      positions[starts[i]..<starts[i + 1]].sort {
        areInIncreasingOrder(records[$0].record, records[$1].record)
      }
    }
    // Already grouped and in order (as a store hands them over): the same array, not a copy.
    if positions.count == records.count, positions.indices.allSatisfy({ positions[$0] == $0 }) {
      return (records, starts)
    }
    return (positions.map { records[$0] }, starts)
  }

  func location(_ ref: SourceRef, _ context: Context) -> String {
    guard context.explains else { return "" }
    let path = context.locations.indices.contains(Int(ref.file)) ? context.locations[Int(ref.file)] : "?"
    return "\(path):\(ref.line)"
  }

  // MARK: - One supplier

  func assess(
    _ e: SupplierEvidence, suspicious: ArraySlice<Bool>, bursts: [ReviewBurst], context: Context
  ) -> SupplierAssessment {
    var flags: [TrustFlag] = []
    let supplier = e.supplier.record

    let reviews = reviewComponent(e, suspicious: suspicious, bursts: bursts, context: context, flags: &flags)
    let certs = certificationComponent(e, context: context, flags: &flags)
    let audits = auditComponent(e, context: context, flags: &flags)
    let delivery = deliveryComponent(e, context: context, flags: &flags)
    let standing = standingComponent(supplier, explains: context.explains)
    flags.sort { ($0.severity, $1.code) > ($1.severity, $0.code) }

    let result = SupplierAssessment(
      supplier: supplier,
      evidence: Evidence(location: location(e.supplier.source, context), recordID: supplier.id), score: nil,
      grade: "unrated", standing: .warned, confidence: 0, interval: nil,
      components: ComponentScores(
        reviews: reviews.value, certifications: certs.value, audits: audits.value, delivery: delivery.value,
        standing: standing.value),
      evidenceShares: ComponentScores(
        reviews: reviews.confidence, certifications: certs.confidence, audits: audits.confidence,
        delivery: delivery.confidence, standing: standing.confidence),
      flags: flags,
      factors: !context.explains
        ? []
        : [
          reviews.factor, certs.factor, audits.factor, delivery.factor,
          standing.factor.map { factor in
            // The profile is the standing's evidence.
            var cited = factor
            cited.evidence = [Evidence(location: location(e.supplier.source, context), recordID: supplier.id)]
            return cited
          },
        ].compactMap { $0 },
      suggestions: [], reviews: reviews.summary, certificates: certs.assessments,
      audits: e.audits.filter { $0.record.date <= asOf }, delivery: delivery.summary,
      validStandards: certs.validStandards, freshCertificate: certs.withFreshCertificate)
    return result
  }

  /// Combines the components into score, confidence, interval, grade and standing, weighs each
  /// factor, and works out the suggestions. A component without evidence counts at the catalog's
  /// average for it (never as good, never as zero) when the catalog has one.
  ///
  /// `quiet` is `context` without words, for the suggestions' rescoring.
  func finish(
    _ result: inout SupplierAssessment, evidence e: SupplierEvidence, context: Context, quiet: Context
  ) {
    let values = result.components.all.map(\.value)
    let shares = result.evidenceShares.all.map { $0.value ?? 0 }
    let (score, exact, confidence, weightSum, mean) = combine(values, shares, imputed: context.imputed)
    result.score = score
    result.exactScore = exact
    result.meanScore = mean
    result.confidence = confidence
    result.interval = score.map { s -> ClosedRange<Double> in
      let half = policy.confidence.intervalAtZero * (1 - confidence)
      return max(0, ((s - half) * 10).rounded() / 10)...min(100, ((s + half) * 10).rounded() / 10)
    }
    let band = policy.band(for: score)
    result.grade = score == nil ? "unrated" : band.grade
    var standingLevel = score == nil ? Standing.warned : band.standing
    // Every cause of a standing worse than ok, so that a script can tell why (black-box review
    // 18 met a warned supplier with no flag and no reason).
    var reasons: [String] = []
    if context.explains {
      if score == nil {
        reasons.append("unrated: no evidence at all")
      } else if band.standing > .ok {
        reasons.append(
          "grade \(band.grade) (\(JSONValue.format(band.minimumScore)) and above) is \(band.standing.rawValue)"
        )
      }
    }
    // Low-severity flags inform (a burst that lowered the rating is discounted, not held against
    // its victim); the others can set the standing.
    for flag in result.flags where flag.severity > .low {
      if let level = policy.flagStanding[flag.code.rawValue], level > .ok {
        if level > standingLevel { standingLevel = level }
        if context.explains {
          reasons.append("\(flag.code.rawValue) (\(flag.severity.rawValue)) is \(level.rawValue)")
        }
      }
    }
    // A score made mostly of catalog averages vouches for nobody.
    if score != nil, confidence < policy.confidence.warnBelow {
      if standingLevel < .warned { standingLevel = .warned }
      if context.explains {
        reasons.append(
          "confidence \(format(confidence, 2)) is below \(format(policy.confidence.warnBelow, 2)): mostly stand-ins for missing evidence"
        )
      }
    }
    result.standing = standingLevel
    result.standingReasons = reasons
    let weights = componentWeights
    // Under the weakest link the weakest component (the first of equals) sets the score: its
    // factor carries all the points from 50, and the others none, as they move nothing (every
    // factor had shown 0 points, so the explanation explained nothing: black-box review 48).
    var weakestComponent: Int?
    if policy.aggregation == .weakestLink {
      var lowest = Double.infinity
      for i in weights.indices where weights[i] > 0 {
        if let v = values[i] ?? context.imputed[i], v < lowest {
          lowest = v
          weakestComponent = i
        }
      }
    }
    func points(_ i: Int, _ v: Double) -> Double {
      guard weightSum > 0 else { return 0 }
      switch policy.aggregation {
      case .weightedMean: return ((100 * weights[i] / weightSum * (v - 0.5)) * 10).rounded() / 10
      case .weakestLink: return i == weakestComponent ? ((100 * (v - 0.5)) * 10).rounded() / 10 : 0
      }
    }
    for k in result.factors.indices {
      guard let i = ComponentScores.names.firstIndex(of: result.factors[k].component), let v = values[i]
      else {
        result.factors[k].points = 0
        continue
      }
      result.factors[k].points = points(i, v)
      if i == weakestComponent { result.factors[k].text += " (the weakest component: it sets the score)" }
    }
    for (i, value) in values.enumerated()
    where value == nil && weights[i] > 0 && score != nil && context.explains {
      if let average = context.imputed[i] {
        result.factors.append(
          Factor(
            component: ComponentScores.names[i],
            points: points(i, average),
            text: (i == 0
              ? "no reviews: counted as the catalog's mean rating less its uncertainty (\(format(average, 2)))"
              : "no evidence: counted as neutral (\(format(average, 2)))")
              + (i == weakestComponent ? " (the weakest component: it sets the score)" : ""), evidence: []))
      }
    }
    // Ties (several at 0 under the weakest link) in component order: `sort` promises no stability.
    result.factors.sort {
      abs($0.points) != abs($1.points)
        ? abs($0.points) > abs($1.points)
        : (ComponentScores.names.firstIndex(of: $0.component) ?? 0)
          < (ComponentScores.names.firstIndex(of: $1.component) ?? 0)
    }
    if context.suggests {
      result.suggestions = suggestions(
        for: result, evidence: e, values: values, shares: shares, context: context, quiet: quiet)
    }
  }

  /// The policy's weights in component order (worked out once: every supplier needs them).
  let componentWeights: [Double]

  /// Score (0...100, one decimal), confidence (two decimals) and the weight of the components
  /// that have evidence, from the five component values and evidence shares.
  /// The score (rounded to one decimal, and as computed), the confidence and the weight summed.
  func combine(_ values: [Double?], _ shares: [Double], imputed: [Double?])
    -> (score: Double?, exact: Double?, confidence: Double, weightSum: Double, mean: Double?)
  {
    // Loops over the five components rather than zips and maps: this runs for every supplier.
    let weights = componentWeights
    var score: Double?
    var weightSum = 0.0
    var total = 0.0
    var weakest = Double.infinity
    // No evidence at all stays unrated: the catalog's averages are not evidence about anyone.
    guard values.contains(where: { $0 != nil }) else { return (nil, nil, 0, 0, nil) }
    for i in weights.indices where weights[i] > 0 {
      // A missing component counts at its imputed value (`missing_component_value`, neutral) in
      // either aggregation. Leaving it out of the weakest link scored a supplier with no audit
      // above its twin with a conditional one, and a bare profile at 99.9 (black-box review 35).
      if let v = values[i] ?? imputed[i] {
        weightSum += weights[i]
        total += weights[i] * v
        weakest = min(weakest, v)
      }
    }
    var mean: Double?
    if weightSum > 0 {
      mean = 100 * total / weightSum
      switch policy.aggregation {
      case .weightedMean: score = mean
      case .weakestLink: score = 100 * weakest
      }
    }
    let exact = score
    score = score.map { ($0 * 10).rounded() / 10 }
    var allWeights = 0.0
    var evidenceSum = 0.0
    for i in weights.indices {
      allWeights += weights[i]
      evidenceSum += weights[i] * shares[i]
    }
    let confidence = allWeights > 0 ? (evidenceSum / allWeights * 100).rounded() / 100 : 0
    return (score, exact, confidence, weightSum, mean)
  }

  struct Part<Summary> {
    var value: Double?
    var confidence: Double
    var factor: Factor?
    var summary: Summary
  }

  // MARK: Reviews

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
    let decay = 0.6931471805599453 / p.halfLifeDays
    // Reviews come in date order, so months arrive in order too.
    var months: [(month: Int32, count: Int, sum: Double)] = []
    let table = context.reviews
    let verifiedWeight = verifiedReviewWeight(e)
    // Only the verified reviews the transactions are asked to back (this year's, of three stars
    // or more) are doubted: older ones and complaints keep their weight, so that one more claimed
    // never lightens them (code review).
    let yearStart = asOf.adding(days: -365).daysSinceEpoch
    /// Whether review `k`'s verification is among those the transactions cannot back.
    func doubted(_ k: Int) -> Bool {
      e.doubtfulVerified != nil && table.days[k].daysSinceEpoch > yearStart
        && ReviewBurstDetector.star(table.ratings[k]) >= 3
    }
    func weightOfVerified(_ k: Int) -> Double { doubted(k) ? verifiedWeight : p.verifiedWeight }
    /// A review's weight before any burst discount.
    func baseWeight(_ k: Int) -> Double {
      let age = Double(asOf.daysSinceEpoch - table.days[k].daysSinceEpoch)
      var w = exp(-age * decay) * (table.verified[k] == true ? weightOfVerified(k) : p.unverifiedWeight)
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
      let age = Double(asOf.daysSinceEpoch - date.daysSinceEpoch)
      var w = exp(-age * decay) * (stated ? weightOfVerified(k) : p.unverifiedWeight)
      if !context.reviewerRepeats.isEmpty { w *= Double(context.reviewerRepeats[k]) }
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
      let inflating = !burst.lowersRating
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
      flags.append(
        TrustFlag(
          code: .reviewBurst, severity: inflating ? .high : .low,
          detail: !context.explains
            ? burst.detail
            : inflating
              ? burst.detail + counts
              : burst.detail
                + attackWords(
                  discounted: discounted.count, kept: kept.count, keptVerified: keptVerified,
                  keptInFull: attacks.kept, below: below),
          evidence: (discounted + kept).prefix(context.explains ? 20 : 0).map {
            let k = e.reviews.lowerBound + $0
            return Evidence(location: location(table.sources[k], context), recordID: table.ids[k])
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
            : "\(claimed) verified reviews that are not complaints (rated 2.5 or more) in the last year against \(Self.counted(e.supplier.record.transactions12m ?? 0, "platform transaction")) in the last twelve months, which back at most \(JSONValue.format(limit)): each of those counts \(format(verifiedWeight / p.verifiedWeight, 2)) of a verified one in the rating, and every verified review of the supplier counts as unverified in burst detection",
          evidence: !context.explains
            ? []
            : [Evidence(location: location(e.supplier.source, context), recordID: e.supplier.record.id)]
              + e.reviews.reversed().lazy.filter { table.verified[$0] == true && doubted($0) }.prefix(5).map {
                k in
                Evidence(location: location(table.sources[k], context), recordID: table.ids[k])
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
            Evidence(location: location(table.sources[k], context), recordID: table.ids[k])
          }))
    }
    // Confidence grows with the evidence as weighed above (a burst found counting as the reviews
    // that may come without one); the rating, its spread and the score go by the discounted weights.
    let confidence = evidenceWeight / (evidenceWeight + policy.confidence.reviewsHalf)
    guard summary.count > 0 else { return Part(value: nil, confidence: 0, factor: nil, summary: summary) }
    summary.meanRating = plain / Double(summary.count)
    let adjusted = (p.priorStrength * context.meanRating + weighted) / (p.priorStrength + weight)
    summary.adjustedRating = adjusted
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
    let value = min(1, max(0, estimate - (inflated ? p.burstPenalty : 0)))
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
        + "\(format(verifiedWeight / p.verifiedWeight, 2)) of a verified one"
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
      Evidence(location: location(table.sources[k], context), recordID: table.ids[k])
    }
    return Part(
      value: value, confidence: confidence,
      factor: Factor(component: "reviews", points: 0, text: text, evidence: evidence), summary: summary)
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

  // MARK: Certifications

  struct CertificationOutcome {
    var value: Double?
    var confidence: Double
    var factor: Factor?
    var assessments: [CertificateAssessment]
    var validStandards: Set<String>
    /// The component with a fresh, valid certificate of the most relevant standard added (for
    /// the suggestions; nil unless the context suggests and no relevant standard is valid).
    var withFreshCertificate: CertificateSuggestion?
  }

  /// How the certificate's issuer and accreditation body are recognised (nil: not stated); an
  /// accreditation body in no list may be the scheme owner of its standard (IATF for IATF 16949).
  func bodyRecognition(_ c: Certification, context: Context) -> (
    issuer: Recognition?, accreditor: Recognition?
  ) {
    let issuer = c.certificationBody.map {
      context.bodies.certification[$0] ?? registry.certificationBody($0)
    }
    let accreditor = c.accreditationBody.map { name -> Recognition in
      let general = context.bodies.accreditation[name] ?? registry.accreditationBody(name)
      guard case .unknown = general else { return general }
      return registry.schemeOwner(name, of: c.standard)
    }
    return (issuer, accreditor)
  }

  /// What a fresh, valid certificate would make of a supplier's certifications component.
  struct CertificateSuggestion: Sendable {
    var standard: String
    /// Position among the certificates held as of the day of the one it would renew or replace.
    var replacing: Int?
    /// That certificate's number and verdict, in the explanation's words.
    var replacedNumber: String?
    var replacedVerdict: String?
    /// Whether the fresh certificate renews the one at `replacing` (it lapsed: it stays on record,
    /// superseded) rather than replacing it (suspended, from a look-alike or unrecognised body,
    /// valid too long: it goes, with what it took off).
    var renews = false
    /// Whether its own issuer, renewing it, would be the recognised, accredited body the fresh
    /// certificate is worked out for; otherwise the suggestion names one in its place.
    var renewableAsIs = true
    var value: Double
    var confidence: Double
  }

  /// The certifications component from its parts: each standard's best certificate value, the
  /// penalties, and how completely the certificates state their bodies and expiry.
  private func certificationValue(
    best: [(standard: String, value: Double, expiry: Day?)], penalty: Double, undocumented: Double,
    sectors: UInt64
  ) -> (value: Double, confidence: Double) {
    let p = policy.certifications
    // The most relevant standard earns most of the credit and the others the rest, so that a
    // second and third standard still count (capping the sum at 1 let ISO 9001 alone tie ISO 9001
    // with ISO 14001 and ISO 45001).
    let contributions = best.map { relevance($0.standard, sectors: sectors) * $0.value }.sorted(by: >)
    let share = p.otherStandardsShare
    let credit =
      (1 - share) * min(1, contributions.first ?? 0) + share * min(1, contributions.dropFirst().reduce(0, +))
    // Certificates start from where having none stands (the policy's value for a missing
    // component), so that a valid certificate of any standard can only add to it.
    let baseline = policy.missingComponentValue
    return (
      min(1, max(0, baseline + (1 - baseline) * credit - penalty)),
      min(1, 0.5 + 0.5 * (1 - undocumented))
    )
  }

  /// A certificate's stated dates for a flag's detail ("; issued 2021-02-15, expires 2027-02-14"),
  /// or "" when it states none.
  static func datesInWords(_ c: Certification) -> String {
    let dates = [c.issuedOn.map { "issued \($0)" }, c.expiresOn.map { "expires \($0)" }].compactMap { $0 }
    return dates.isEmpty ? "" : "; " + dates.joined(separator: ", ")
  }

  /// The standard a supplier without a valid relevant certificate is advised to certify: that of
  /// the first relevant certificate it holds as of the day (to renew or replace it, with its
  /// position), or the policy's most relevant standard (ISO 9001 unless ranked otherwise).
  func suggestedStandard(_ e: SupplierEvidence) -> (standard: String, replacing: Int?) {
    var position = 0
    for sourced in e.certifications where sourced.record.issuedOn.map({ $0 <= asOf }) ?? true {
      if relevance(sourced.record.standard, sectors: e.sectors) >= 1 {
        return (sourced.record.standard, position)
      }
      position += 1
    }
    return (mostRelevantStandard, nil)
  }

  /// A management-system certificate's stated validity beyond the policy's cycle and an early
  /// recertification's grace: its dates and the days past the cycle, or nil when within it.
  static func excessValidity(_ c: Certification, _ p: Policy.Certifications) -> (
    issued: Day, expires: Day, excess: Int
  )? {
    guard let issued = c.issuedOn, let expires = c.expiresOn else { return nil }
    let limit = issued.adding(years: p.maximumValidityYears)
    guard expires > limit.adding(days: p.earlyRecertificationDays) else { return nil }
    return (issued, expires, Int(expires.daysSinceEpoch - limit.daysSinceEpoch))
  }

  /// What is wrong with a certificate's issuer and accreditation body: look-alikes, and for a
  /// management system unknown bodies (product marks are issued outside IAF accreditation: an
  /// unknown issuer or accreditation of one is noted apart, as one not stated).
  struct BodyProblems {
    var texts: [String] = []
    var count = 0
    var lookAlike = false
    var unrecognisedForMark: (issuer: Bool, accreditation: Bool) = (false, false)
  }

  func bodyProblems(_ c: Certification, managementSystem: Bool, context: Context, explains: Bool)
    -> BodyProblems
  {
    let (issuer, accreditor) = bodyRecognition(c, context: context)
    var found = BodyProblems()
    for pass in 0..<2 {
      let isIssuer = pass == 0
      let role = isIssuer ? "issuer" : "accreditation body"
      let name = isIssuer ? c.certificationBody : c.accreditationBody
      guard let name, let recognition = isIssuer ? issuer : accreditor else { continue }
      switch recognition {
      case .recognised: break
      case .lookAlike(_, let reason):
        found.count += 1
        found.lookAlike = true
        if explains {
          found.texts.append("\(role) \(name) is a look-alike, not a recognised body: \(reason)")
        }
      case .unknown:
        // Product marks (CE, RoHS, GS) and private schemes are issued by test labs and scheme
        // owners outside IAF accreditation; only management systems must name an accredited
        // body. A mark's unknown issuer or accreditation still vouches for nothing: it counts
        // as one not stated, and an unknown issuer does not meet `--require` (black-box
        // review 27 found any text in accreditation_body worth full credit).
        guard managementSystem else {
          if isIssuer {
            found.unrecognisedForMark.issuer = true
          } else {
            found.unrecognisedForMark.accreditation = true
          }
          continue
        }
        found.count += 1
        if explains {
          found.texts.append(
            "\(role) \(name) is not a recognised \(role == "issuer" ? "certification body" : "IAF MLA accreditation body")"
          )
        }
      }
    }
    return found
  }

  /// - Parameter extra: one more certificate, after the supplier's own (a suggestion's
  ///   hypothetical one), without copying the evidence to add it.
  func certificationComponent(
    _ e: SupplierEvidence, context: Context, flags: inout [TrustFlag],
    adding extra: Sourced<Certification>? = nil
  ) -> CertificationOutcome {
    let p = policy.certifications
    let explains = context.explains
    /// What the rest of the component needs of each certificate; the full assessment (with its
    /// words and evidence) is kept only when explaining.
    struct Verdict {
      var standard: String
      var expiresOn: Day?
      var value: Double
      var isValid: Bool
      /// Expired (by date or status): a renewal of the same standard supersedes it.
      var lapsed: Bool
      /// Suspended, withdrawn or cancelled, from a look-alike body, or valid impossibly long.
      var problem: Bool
      /// A management-system certificate from a body that is not recognised (nor a look-alike).
      var unrecognised = false
      /// Renewed by its own issuer, it would come from recognised bodies (worked out only for the
      /// lapsed certificate a suggestion would renew).
      var renewableAsIs = true
    }
    var verdicts: [Verdict] = []
    var assessments: [CertificateAssessment] = []
    var pending: [(TrustFlag, String)] = []  // flags that a renewal may cancel, with their standard
    // How much of what would vouch for the certificates is missing: the product over them of the
    // share of body, accreditation and expiry each leaves unstated. Confidence grows with each
    // certificate that states any (the mean made a CE mark without issuer lower it, and with it
    // a supplier's standing; black-box review 23).
    var undocumented = 1.0
    // The standard a suggestion would certify, and the certificate it would renew or replace:
    // that one's verdict is put in words even when nothing else is.
    let suggested = context.suggests && extra == nil ? suggestedStandard(e) : nil
    var replaced: (number: String?, verdict: String)?
    let own = e.certifications
    for k in 0..<(own.count + (extra == nil ? 0 : 1)) {
      let sourced = k < own.count ? own[own.startIndex + k] : extra!
      let c = sourced.record
      if let issued = c.issuedOn, issued > asOf { continue }
      let words = explains || verdicts.count == suggested?.replacing
      let evidence =
        explains ? [Evidence(location: location(sourced.source, context), recordID: c.certificateNumber)] : []
      let label = explains ? "\(c.standard)\(c.certificateNumber.map { " \($0)" } ?? "")" : ""
      let managementSystem = Standard.isManagementSystem(c.standard)
      var value = 1.0
      var verdict = "valid"
      var lapsed = false
      var problem = false
      var unrecognised = false
      // Whether the certificate counts as a valid one for `--require`: in date, not withdrawn,
      // and nothing suggests it is not genuine.
      var genuine = true
      // The status counts among what vouches for a certificate: left empty it is unknown, not
      // "valid" (the dates still decide the value; black-box review 35 found an empty status
      // counted exactly as a stated one).
      var fieldsKnown = 0.0
      if c.certificationBody != nil { fieldsKnown += 1 }
      if c.accreditationBody != nil { fieldsKnown += 1 }
      if c.expiresOn != nil { fieldsKnown += 1 }
      if c.status != nil { fieldsKnown += 1 }
      undocumented *= 1 - fieldsKnown / 4
      // A management-system certificate that states no expiry still runs out one cycle after issue.
      let impliedExpiry: Day? =
        c.expiresOn == nil && managementSystem ? c.issuedOn?.adding(years: p.maximumValidityYears) : nil
      // A withdrawn standard or edition (ISO 9001:2008, OHSAS 18001): every certificate to it
      // lapsed by its transition's end, whatever it states.
      let withdrawn = Standard.withdrawn[c.standard].flatMap { $0.lapsedOn < asOf ? $0 : nil }
      if let status = c.status, status == .suspended || status == .withdrawn || status == .cancelled {
        value = 0
        problem = true
        verdict = status.rawValue
        flags.append(
          TrustFlag(
            code: .certSuspended, severity: .high,
            detail: explains
              ? "\(label) is \(status.rawValue)\(c.certificationBody.map { " (issued by \($0))" } ?? "")"
                + Self.datesInWords(c)
              : "",
            evidence: evidence))
      } else if c.status == .expired || withdrawn != nil
        || ((c.expiresOn ?? impliedExpiry).map { $0 < asOf } ?? false)
      {
        value = 0
        lapsed = true
        // Marked expired before the expiry it states: the mark decides, and the date is not
        // called the day it expired.
        let markedEarly = c.status == .expired && (c.expiresOn.map { $0 >= asOf } ?? false)
        if words, let withdrawn {
          verdict = "lapsed \(withdrawn.lapsedOn) with its standard"
        } else if words {
          verdict =
            markedEarly
            ? "marked expired"
            : c.expiresOn.map { "expired \($0)" } ?? impliedExpiry.map { "expired by \($0)" }
              ?? "marked expired"
        }
        let detail: String
        if !explains {
          detail = ""
        } else if let withdrawn {
          detail =
            "\(label) is to a withdrawn standard: its certificates lapsed by \(withdrawn.lapsedOn) (replaced by \(withdrawn.replacedBy))"
            + Self.datesInWords(c)
        } else if markedEarly, let expires = c.expiresOn {
          detail = "\(label) is marked expired (it states an expiry of \(expires))"
        } else if let expires = c.expiresOn {
          detail = "\(label) expired \(expires)" + (c.issuedOn.map { " (issued \($0))" } ?? "")
        } else if c.status != .expired, let issued = c.issuedOn, let implied = impliedExpiry {
          detail =
            "\(label) was issued \(issued) and states no expiry; a management-system certificate runs at most \(p.maximumValidityYears) years, so it lapsed by \(implied)"
        } else {
          detail = "\(label) is marked expired" + Self.datesInWords(c)
        }
        pending.append(
          (TrustFlag(code: .certExpired, severity: .medium, detail: detail, evidence: evidence), c.standard))
        // Issued to an edition after its certificates had lapsed: no accredited body issues one,
        // so it is no honest lapse but a sign of a forgery (black-box review 42).
        if let withdrawn, let issued = c.issuedOn, issued > withdrawn.lapsedOn {
          // A problem, not a lapse: no renewal supersedes it, and it costs what a suspended
          // certificate does (not that and a lapse's too: code review).
          problem = true
          lapsed = false
          genuine = false
          if words { verdict = "issued \(issued), after its standard lapsed \(withdrawn.lapsedOn)" }
          flags.append(
            TrustFlag(
              code: .certInvalidPeriod, severity: .medium,
              detail: explains
                ? "\(label) was issued \(issued), after certificates to its standard had lapsed (\(withdrawn.lapsedOn), replaced by \(withdrawn.replacedBy)): no accredited body issues one"
                : "",
              evidence: evidence))
        }
      } else if let expires = c.expiresOn ?? impliedExpiry,
        expires.daysSinceEpoch - asOf.daysSinceEpoch <= Int32(p.expiringWithinDays)
      {
        // The lapse worked out from the issue day counts as a stated expiry does (black-box
        // review 20 found the worked-out date flagged once past, but not while near).
        if words {
          verdict = c.expiresOn == nil ? "valid, lapses by \(expires)" : "valid, expires \(expires)"
        }
        // A renewal on file (the same standard at full value) outweighs this in `best` below.
        value = min(value, p.expiringValue)
        let days = expires.daysSinceEpoch - asOf.daysSinceEpoch
        let detail =
          c.expiresOn == nil
          ? "\(label) was issued \(c.issuedOn.map { "\($0)" } ?? "") and states no expiry; a management-system certificate runs at most \(p.maximumValidityYears) years, so it lapses by \(expires) (in \(days) days)"
          : "\(label) expires \(expires) (in \(days) days)" + (c.issuedOn.map { "; issued \($0)" } ?? "")
        pending.append(
          (
            TrustFlag(
              code: .certExpiring, severity: .low, detail: explains ? detail : "", evidence: evidence),
            c.standard
          ))
      }
      // Valid longer than a management system's cycle allows: stated so, or, with no issue day,
      // an expiry more than a cycle away (it cannot have been issued for at most one; black-box
      // review 20 found such certificates counted as fully valid). Words only for rare cases.
      let tooLong: String? = {
        guard value > 0, managementSystem else { return nil }
        if c.issuedOn == nil, let expires = c.expiresOn, expires > asOf.adding(years: p.maximumValidityYears)
        {
          return
            "\(label) states no issue date and is valid to \(expires), more than the \(p.maximumValidityYears) years a management-system certificate runs at most after \(asOf)"
        }
        guard let (issued, expires, excess) = Self.excessValidity(c, p) else { return nil }
        return
          "\(label) is valid \(issued) to \(expires), \(excess) day\(excess == 1 ? "" : "s") past the \(p.maximumValidityYears) years a management-system certificate runs at most (more than an early recertification's \(p.earlyRecertificationDays) days)"
      }()
      if let tooLong {
        value = min(value, p.invalidPeriodValue)
        verdict = "validity too long"
        genuine = false
        problem = true
        flags.append(
          TrustFlag(
            code: .certInvalidPeriod, severity: .medium, detail: explains ? tooLong : "", evidence: evidence))
      }
      if value > 0 {
        let found = bodyProblems(c, managementSystem: managementSystem, context: context, explains: explains)
        let (problems, problemCount, lookAlike) = (found.texts, found.count, found.lookAlike)
        let severity: Severity = lookAlike ? .high : .medium
        let unrecognisedForMark = found.unrecognisedForMark
        if problemCount > 0 {
          // A look-alike body sells the appearance of accreditation: no credit, and a penalty.
          // An unknown one may be genuine but cannot be checked: a little credit.
          value = lookAlike ? 0 : min(value, p.unaccreditedValue)
          if lookAlike { problem = true } else { unrecognised = true }
          verdict = lookAlike ? "from a look-alike body" : "not from a recognised body"
          genuine = false
          flags.append(
            TrustFlag(
              code: .certUnaccredited, severity: severity,
              detail: explains
                ? "\(label): " + problems.joined(separator: "; ").withoutFinalFullStop + Self.datesInWords(c)
                : "",
              evidence: evidence))
        } else if c.certificationBody == nil || c.accreditationBody == nil || unrecognisedForMark.issuer
          || unrecognisedForMark.accreditation
        {
          value = min(value, p.unknownBodyValue)
          // Valid means issued by an accredited body: what names no issuer (or, for a management
          // system, no accreditation) cannot be shown to be, so `--require` does not count it.
          if c.certificationBody == nil || unrecognisedForMark.issuer || managementSystem { genuine = false }
          if words {
            verdict +=
              (c.certificationBody == nil
                ? ", issuer not stated"
                : unrecognisedForMark.issuer
                  ? ", issuer not recognised"
                  : c.accreditationBody == nil
                    ? ", accreditation body not stated" : ", accreditation body not recognised")
              + (genuine ? "" : " (unverifiable: not counted when the standard is required)")
          }
        }
      }
      // A lapsed certificate's own faults still tell who presented it: one from a look-alike
      // body, or valid impossibly long, is flagged so too, unless a valid renewal of
      // its standard supersedes it (the value is 0 already; the flags describe the evidence, as
      // spec/outputs.md defines them: black-box reviews 52 and 56 found an expired 5-year ISO
      // 9001 from a look-alike body flagged only as expired).
      if lapsed {
        if managementSystem, let (issued, expires, excess) = Self.excessValidity(c, p) {
          pending.append(
            (
              TrustFlag(
                code: .certInvalidPeriod, severity: .medium,
                detail: !explains
                  ? ""
                  : "\(label) was valid \(issued) to \(expires), \(excess) day\(excess == 1 ? "" : "s") past the \(p.maximumValidityYears) years a management-system certificate runs at most (it has expired since)",
                evidence: evidence), c.standard
            ))
        }
        // Look-alike bodies only: they sell the look of accreditation, and having bought it says
        // something however long ago; a merely unlisted body of a certificate long lapsed does
        // not warn against the supplier for ever (code review).
        let found = bodyProblems(c, managementSystem: managementSystem, context: context, explains: explains)
        if found.lookAlike {
          pending.append(
            (
              TrustFlag(
                code: .certUnaccredited, severity: .high,
                detail: explains
                  ? "\(label): " + found.texts.joined(separator: "; ").withoutFinalFullStop
                    + (c.issuedOn.map { "; issued \($0)" } ?? "")
                    + (c.expiresOn.map { "; expired \($0)" } ?? "; lapsed")
                  : "",
                evidence: evidence), c.standard
            ))
        }
      }
      // A management-system certificate stating neither issue nor expiry day cannot be shown to
      // be in date: some credit, as for an unnamed body, but not a valid one for `--require`
      // (black-box review 20 found it counted in full).
      if value > 0, managementSystem, c.issuedOn == nil, c.expiresOn == nil {
        value = min(value, p.unknownBodyValue)
        genuine = false
        if words { verdict += ", dates not stated (unverifiable: not counted when the standard is required)" }
      }
      // The same certificate (issuer and number) claimed by another supplier: one of them is not
      // its holder, and nothing here says which.
      if !context.sharedCertificates.isEmpty, let hash = sharedHash(c),
        let entry = context.sharedCertificates[hash], sharedKey(c) == entry.key
      {
        let others = entry.holders.filter { $0 != e.supplier.record.id }
        // Unverifiable, as a certificate from an unrecognised body is: no credit, and the same
        // small penalty, so that it never ranks above holding no certificate (at least one of
        // the suppliers is not its holder).
        value = 0
        genuine = false
        unrecognised = true
        if words { verdict += ", number also claimed by \(others.prefix(3).joined(separator: ", "))" }
        flags.append(
          TrustFlag(
            code: .certShared, severity: .medium,
            detail: !explains
              ? ""
              : "\(label)\(c.certificationBody.map { " (\($0))" } ?? "") is also claimed by "
                + others.prefix(3).joined(separator: ", ")
                + (others.count > 3
                  ? " and \(others.count - 3) more supplier\(others.count == 4 ? "" : "s")" : "")
                + Self.datesInWords(c),
            evidence: evidence))
      }
      // Whether renewing the certificate to be suggested, with its own issuer, gives a certificate
      // from recognised bodies (the suggestion is worked out for one): a lapsed certificate's
      // bodies are not looked at above, and "renewing" one from a look-alike or unaccredited body
      // promised points that a renewal from the same body takes away (black-box review 48).
      var renewableAsIs = true
      if lapsed, verdicts.count == suggested?.replacing {
        let (issuer, accreditor) = bodyRecognition(c, context: context)
        renewableAsIs = issuer?.isRecognised == true && accreditor?.isRecognised == true
      }
      verdicts.append(
        Verdict(
          standard: c.standard, expiresOn: c.expiresOn, value: value, isValid: genuine && value > 0,
          lapsed: lapsed, problem: problem, unrecognised: unrecognised, renewableAsIs: renewableAsIs))
      if words, !explains { replaced = (c.certificateNumber, verdict) }
      if explains {
        assessments.append(
          CertificateAssessment(
            certification: c, evidence: evidence[0], value: value, verdict: verdict, renewed: false,
            isValid: genuine && value > 0))
      }
    }
    /// A fresh certificate of the suggested standard: value 1, every field known, a renewal of
    /// any lapsed one of that standard. The same tally as below with it added.
    func freshCertificate(
      best: [(standard: String, value: Double, expiry: Day?)],
      penalties: [(owner: Int, lapsed: String?, amount: Double)]
    ) -> CertificateSuggestion? {
      guard let (standard, replacing) = suggested else { return nil }
      var withIt = best
      if let i = withIt.firstIndex(where: { $0.standard == standard }) {
        withIt[i].value = 1
      } else {
        withIt.append((standard, 1, nil))
      }
      // A lapsed certificate is renewed and stays on record, superseded; any other is replaced:
      // it goes, and what it took off with it.
      let renews =
        replacing.map { verdicts[$0].lapsed && !verdicts[$0].problem && !verdicts[$0].unrecognised } ?? false
      let gone = renews ? nil : replacing
      let penalty = penalties.reduce(0) { $0 + ($1.lapsed == standard || $1.owner == gone ? 0 : $1.amount) }
      let (value, confidence) = certificationValue(
        best: withIt, penalty: penalty,
        undocumented: 0, sectors: e.sectors)
      // Worded as the full explanation words it (a lapsed one superseded by a renewal says so).
      var verdict: (number: String?, verdict: String)?
      if let replacing {
        verdict =
          explains
          ? (assessments[replacing].certification.certificateNumber, assessments[replacing].verdict)
          : replaced
        if !explains, verdicts[replacing].value == 0, verdicts[replacing].lapsed,
          best.contains(where: { $0.standard == verdicts[replacing].standard })
        {
          verdict?.verdict += ", superseded by a renewal"
        }
      }
      return CertificateSuggestion(
        standard: standard, replacing: replacing, replacedNumber: verdict?.number,
        replacedVerdict: verdict?.verdict, renews: renews,
        renewableAsIs: replacing.map { verdicts[$0].renewableAsIs } ?? true,
        value: value, confidence: confidence)
    }
    guard !verdicts.isEmpty else {
      return CertificationOutcome(
        value: nil, confidence: 0, factor: nil, assessments: [], validStandards: [],
        withFreshCertificate: freshCertificate(best: [], penalties: []))
    }
    // A currently valid certificate of the same standard covers an expired or expiring one.
    // (Suppliers hold a handful of certificates: pairs in an array, not dictionaries.)
    var best: [(standard: String, value: Double, expiry: Day?)] = []
    for v in verdicts where v.value > 0 {
      if let i = best.firstIndex(where: { $0.standard == v.standard }) {
        best[i].value = max(best[i].value, v.value)
        if let expires = v.expiresOn { best[i].expiry = max(best[i].expiry ?? expires, expires) }
      } else {
        best.append((v.standard, v.value, v.expiresOn))
      }
    }
    func renewal(_ standard: String) -> (value: Double, expiry: Day?)? {
      // A withdrawn edition is renewed by its successor (ISO 9001:2008 by ISO 9001).
      let successor = Standard.withdrawn[standard]?.successor
      return best.first { $0.standard == standard || $0.standard == successor }.map { ($0.value, $0.expiry) }
    }
    for i in assessments.indices where verdicts[i].value == 0 && verdicts[i].lapsed {
      if renewal(verdicts[i].standard) != nil {
        assessments[i].renewed = true
        assessments[i].verdict += ", superseded by a renewal"
      }
    }
    /// Whether a valid certificate (as `--require` counts one) of `standard`, or of its successor,
    /// supersedes a lapsed one's own faults: a renewal from a body nobody can check does not.
    func validlyRenewed(_ standard: String) -> Bool {
      let successor = Standard.withdrawn[standard]?.successor
      return verdicts.contains { $0.isValid && ($0.standard == standard || $0.standard == successor) }
    }
    for (flag, standard) in pending {
      let renewed = renewal(standard)
      if flag.code == .certExpired, renewed != nil { continue }
      // A lapsed certificate's own faults go with a valid renewal only (code review).
      if flag.code == .certUnaccredited || flag.code == .certInvalidPeriod, validlyRenewed(standard) {
        continue
      }
      if flag.code == .certExpiring, let later = renewed?.expiry,
        later.daysSinceEpoch - asOf.daysSinceEpoch > Int32(p.expiringWithinDays)
      {
        continue
      }
      var flag = flag
      if flag.code == .certExpired, relevance(standard, sectors: e.sectors) >= 1 { flag.severity = .high }
      flags.append(flag)
    }
    var validStandards = Set<String>()
    // A withdrawn edition not yet lapsed on the as-of day is its standard (ISO 9001:2008 in 2017).
    for v in verdicts where v.isValid {
      validStandards.insert(Standard.withdrawn[v.standard]?.successor ?? v.standard)
    }
    // Penalties for what speaks against the supplier: each problem certificate, each one from a
    // body nobody can check, and each lapsed one that no renewal replaces (by its relevance).
    // Kept in order (with the standard of each lapsed one), so that the suggestion's sum, which
    // drops those a fresh certificate renews, adds up exactly as a rescoring would.
    var penalties: [(owner: Int, lapsed: String?, amount: Double)] = []
    for (index, v) in verdicts.enumerated() {
      if v.problem { penalties.append((index, nil, p.problemPenalty)) }
      if v.unrecognised { penalties.append((index, nil, p.unrecognisedPenalty)) }
      if v.lapsed, renewal(v.standard) == nil {
        penalties.append((index, v.standard, p.lapsedPenalty * relevance(v.standard, sectors: e.sectors)))
      }
    }
    let (value, confidence) = certificationValue(
      best: best, penalty: penalties.reduce(0) { $0 + $1.amount }, undocumented: undocumented,
      sectors: e.sectors)
    let fresh =
      validStandards.contains(where: { relevance($0, sectors: e.sectors) >= 1 })
      ? nil : freshCertificate(best: best, penalties: penalties)
    guard explains else {
      return CertificationOutcome(
        value: value, confidence: confidence, factor: nil, assessments: [], validStandards: validStandards,
        withFreshCertificate: fresh)
    }
    // The evidence is the certificates the words name, in the same order (black-box review 14
    // found the valid renewal the text relied on left out for one the text never mentioned).
    let shown = assessments.sorted {
      relevance($0.certification.standard, sectors: e.sectors)
        > relevance($1.certification.standard, sectors: e.sectors)
    }
    .prefix(4)
    let described = shown.map { "\($0.certification.standard) \($0.verdict)" }.joined(separator: "; ")
    return CertificationOutcome(
      value: value, confidence: confidence,
      factor: Factor(
        component: "certifications", points: 0, text: described,
        evidence: shown.map(\.evidence)), assessments: assessments,
      validStandards: validStandards, withFreshCertificate: fresh)
  }

  /// A standard's relevance to a supplier of the given sectors (see ``SupplierEvidence/sectors``):
  /// the policy's relevance, raised to that of any of the supplier's sectors that lists it.
  func relevance(_ standard: String, sectors: UInt64 = 0) -> Double {
    // A standard that neither the policy nor the withdrawn list names is "other" in every sector.
    guard let entry = relevanceTable[standard] else { return policy.certifications.otherRelevance }
    var relevance = entry.base
    var mask = sectors
    while mask != 0 {
      let sector = mask.trailingZeroBitCount
      mask &= mask - 1
      if sector < entry.sectors.count, let raised = entry.sectors[sector] {
        relevance = max(relevance, raised)
      }
    }
    return relevance
  }

  /// ``relevance(_:sectors:)`` as the policy states it, looked up afresh: the reference the
  /// precomputed table is tested against.
  func relevanceFromPolicy(_ standard: String, sectors: UInt64 = 0) -> Double {
    let standard = Standard.withdrawn[standard]?.successor ?? standard
    var relevance = policy.certifications.relevance[standard] ?? policy.certifications.otherRelevance
    var mask = sectors
    while mask != 0 {
      let sector = mask.trailingZeroBitCount
      mask &= mask - 1
      if let raised = policy.certifications.sectors[sector].relevance[standard] {
        relevance = max(relevance, raised)
      }
    }
    return relevance
  }

  /// Sets each supplier's sectors, matching each distinct category once (a few hundred names
  /// recur across a large catalog's suppliers).
  func assignSectors(_ evidence: inout [SupplierEvidence]) {
    let sectors = policy.certifications.sectors.prefix(64)
    guard !sectors.isEmpty else { return }
    var known: [String: UInt64] = [:]
    for i in evidence.indices {
      var mask: UInt64 = 0
      for category in evidence[i].supplier.record.categories {
        if let bits = known[category] {
          mask |= bits
          continue
        }
        var bits: UInt64 = 0
        for (index, sector) in sectors.enumerated() where sector.matches([category]) { bits |= 1 << index }
        known[category] = bits
        mask |= bits
      }
      evidence[i].sectors = mask
    }
  }

  // MARK: Audits

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
      // Nothing stated is a typical audit, not a flawless one (black-box review 20).
      if a.score == nil && a.majorFindings == nil && a.minorFindings == nil {
        verdict -= p.unstatedDetailsPenalty
      }
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
    // The latest audit decides; earlier ones (their mean) add `earlier_audits_weight` of theirs,
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
    let earlierPart = earlier.isEmpty ? 0 : earlierWeight * earlierSum / Double(earlier.count)
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

  // MARK: Delivery

  func deliveryComponent(_ e: SupplierEvidence, context: Context, flags: inout [TrustFlag]) -> Part<
    DeliverySummary
  > {
    let p = policy.delivery
    var s = DeliverySummary()
    var lateOrders: [(Sourced<Order>, String)] = []
    var disputedOrders: [(Sourced<Order>, String)] = []
    let explains = context.explains
    // A late order counts as more than one late order the later it shipped, so that a few days'
    // slip is not a month's (they had tied). Extra late orders only: the weighed rate is never
    // above the counted one, and a rate flagged `late_shipments` never scores above no record.
    var lateness = 0.0
    func slip(_ days: Int32) -> Double {
      p.severeLatenessExtra * min(1, Double(days) / max(p.latenessFullDays, 1))
    }
    for sourced in e.orders where sourced.record.orderDate <= asOf {
      let o = sourced.record
      s.orders += 1
      var isLate = false
      if let agreed = o.agreedShipDate {
        if let shipped = o.shippedDate, shipped <= asOf {
          s.due += 1
          if shipped > agreed {
            s.late += 1
            isLate = true
            lateness += slip(shipped.daysSinceEpoch - agreed.daysSinceEpoch)
            lateOrders.append(
              (sourced, explains ? "\(o.id) +\(shipped.daysSinceEpoch - agreed.daysSinceEpoch) d" : ""))
          }
        } else if let delivered = o.deliveredDate, delivered <= asOf {
          // Delivered without a stated ship date: it shipped in time if it arrived by the agreed
          // ship date; otherwise when it shipped is unknown, and it is not counted either way.
          if delivered <= agreed { s.due += 1 }
        } else if agreed < asOf {
          s.due += 1
          s.late += 1
          isLate = true
          lateness += slip(asOf.daysSinceEpoch - agreed.daysSinceEpoch)
          lateOrders.append(
            (
              sourced,
              explains
                ? "\(o.id) not shipped \(asOf.daysSinceEpoch - agreed.daysSinceEpoch) d after \(agreed)" : ""
            ))
        }
      }
      // What was known on the as-of day, as `eligibility` reads it (black-box review 23 found a
      // back-test counting a refund decided, and inspections made, after it): a dispute opened
      // later had not been opened; one closed later was still open, its refund not yet paid; an
      // inspection result is known once the goods were delivered (shipped, when the delivery day
      // is not stated). Unstated days are taken as before the as-of day.
      let opened = o.disputeOpenedOn.map { $0 <= asOf } ?? true
      let decided = o.disputeClosedOn.map { $0 <= asOf } ?? true
      let dispute: DisputeStatus? =
        !opened ? (o.dispute == nil ? nil : DisputeStatus.none) : (decided ? o.dispute : .open)
      let refund = opened && decided ? o.refund?.cents ?? 0 : 0
      let inspection: InspectionResult? =
        (o.deliveredDate.map { $0 <= asOf } ?? o.shippedDate.map { $0 <= asOf } ?? true)
        ? o.inspectionResult : nil
      // "No dispute" says something only once there was something to dispute: the goods shipped
      // or arrived, or the agreed ship date passed. An order still in production is not yet a
      // dispute-free one (it raised the component).
      let underway =
        (o.shippedDate.map { $0 <= asOf } ?? false) || (o.deliveredDate.map { $0 <= asOf } ?? false)
        || (o.agreedShipDate.map { $0 < asOf } ?? false)
      // A dispute withdrawn by the buyer or rejected by the platform found no fault with the supplier.
      let isDisputed =
        (dispute.map { $0 != .none && $0 != .withdrawn && $0 != .rejected } ?? false) || refund > 0
      // A late order is not a clean one: its lack of a dispute or its passed inspection does not
      // count in the supplier's favour, or twenty orders shipped two months late scored above
      // two shipped five days late (black-box review 23). Its dispute or failure still counts.
      if isDisputed || (!isLate && dispute != nil && (dispute != DisputeStatus.none || underway)) {
        s.withDisputeStatus += 1
      }
      // An order whose goods failed the agreed inspection is a quality failure, disputed or not.
      if inspection == .fail || (inspection == .pass && !isLate) {
        s.inspected += 1
        if inspection == .fail { s.failedInspections += 1 }
      }
      if isDisputed {
        s.disputed += 1
        // A partial refund settles for part of the order: a $500 goodwill refund on $12,000 is
        // less of a failure than a full one (black-box review 35 found them weighed alike). The
        // dispute itself still counts half: the buyer had to open one.
        // A refund paid without an upheld dispute (none, withdrawn or rejected) weighs its share
        // alone: there was no dispute to count.
        let refundShare = o.amount.cents > 0 ? min(1, Double(refund) / Double(o.amount.cents)) : 1
        let upheld = dispute.map { $0 != .none && $0 != .withdrawn && $0 != .rejected } ?? false
        s.disputeWeight +=
          !upheld ? refundShare : dispute == .partiallyRefunded && refund > 0 ? 0.5 + 0.5 * refundShare : 1
        s.refundedUSD += Double(refund) / 100
        let status =
          (dispute.map { $0 != .none && $0 != .withdrawn && $0 != .rejected } ?? false)
          ? dispute!.rawValue : "refund"
        disputedOrders.append(
          (sourced, explains ? "\(o.id) \(status)" + (refund > 0 ? " \(Money(cents: refund))" : "") : ""))
      }
    }
    let supplier = e.supplier.record
    // The platform's figures come from the profile.
    let profileEvidence = Evidence(location: location(e.supplier.source, context), recordID: supplier.id)
    s.platformOnTime = supplier.onTimeDeliveryRate
    let platformEvidence: Double =
      supplier.onTimeDeliveryRate == nil
      ? 0 : min(Double(supplier.transactions12m ?? 20), p.platformEvidenceCap) * p.platformEvidenceFactor
    if s.due > 0 { s.ownOnTime = Double(s.due - s.late) / Double(s.due) }
    if s.withDisputeStatus > 0 { s.disputeRate = Double(s.disputed) / Double(s.withDisputeStatus) }
    if s.inspected > 0 { s.failedInspectionRate = Double(s.failedInspections) / Double(s.inspected) }
    let evidenceAmount = Double(s.due) + platformEvidence
    if s.due > 0 || supplier.onTimeDeliveryRate != nil {
      s.onTimeEstimate =
        (Double(s.due - s.late) + platformEvidence * (supplier.onTimeDeliveryRate ?? 0) + p.priorStrength
          * p.priorOnTime)
        / (evidenceAmount + lateness + p.priorStrength)
    }
    // The buyer's own orders, once there are enough to judge by, and below the threshold; else the
    // platform's rate, which a few punctual own orders do not silence (four of them hid a 30%
    // platform rate over 300 transactions; black-box review 23).
    let ownLate = s.due >= p.minimumOrdersForFlags && (s.ownOnTime ?? 1) < p.lateThreshold
    let observedOnTime = ownLate ? s.ownOnTime : supplier.onTimeDeliveryRate
    if let rate = observedOnTime, rate < p.lateThreshold {
      let detail =
        !explains
        ? ""
        : ownLate
          ? "\(s.late) of \(s.due) due orders shipped late (\(percent(rate)) on time; threshold \(percent(p.lateThreshold))): "
            + lateOrders.prefix(5).map(\.1).joined(separator: ", ")
          : "platform on-time delivery rate \(percent(rate))"
            + (supplier.transactions12m.map { " over \($0) transactions" } ?? "")
            + " (threshold \(percent(p.lateThreshold)); below \(percent(p.platformWarnBelow)) it warns)"
            // The buyer's own orders too, when there are some but too few to judge by alone: the
            // detail had named only the platform's rate beside two of two own orders late
            // (black-box review 47).
            + (s.due > 0 && s.due < p.minimumOrdersForFlags
              ? "; own orders: \(s.due - s.late) of \(s.due) shipped on time (fewer than \(p.minimumOrdersForFlags) to judge by alone)"
                + (lateOrders.isEmpty ? "" : ": " + lateOrders.prefix(5).map(\.1).joined(separator: ", "))
              : "")
      // The buyer's own late orders warn; the platform's figure informs, and warns only when
      // far below the threshold over enough transactions.
      let platformWarns =
        !ownLate && rate < p.platformWarnBelow
        && (supplier.transactions12m ?? 20) >= p.minimumOrdersForFlags
      flags.append(
        TrustFlag(
          code: .lateShipments, severity: ownLate || platformWarns ? .medium : .low, detail: detail,
          evidence: ownLate
            ? lateOrders.prefix(5).map {
              Evidence(location: location($0.0.source, context), recordID: $0.0.record.id)
            }
            : [Evidence(location: location(e.supplier.source, context), recordID: supplier.id)]))
    }
    if s.withDisputeStatus >= p.minimumOrdersForFlags, let rate = s.disputeRate, rate > p.disputeThreshold {
      flags.append(
        TrustFlag(
          code: .disputeHistory, severity: .medium,
          detail: !explains
            ? ""
            : "\(s.disputed) of \(s.withDisputeStatus) orders disputed or refunded (\(percent(rate)); threshold \(percent(p.disputeThreshold))): "
              + disputedOrders.prefix(5).map(\.1).joined(separator: ", "),
          evidence: disputedOrders.prefix(5).map {
            Evidence(location: location($0.0.source, context), recordID: $0.0.record.id)
          }))
    }
    // The problem part counts from neutral at `dispute_threshold` too, its rates shrunk toward it
    // with the prior's strength: three orders without a dispute are a good sign, not full marks
    // that outweigh their all being a month late.
    let threshold = min(max(p.lateThreshold, 0.01), 0.99)
    let neutral = policy.missingComponentValue
    let problemPart: Double? = {
      func shrunk(_ count: Double, of total: Int) -> Double? {
        total > 0 ? (count + p.priorStrength * p.disputeThreshold) / (Double(total) + p.priorStrength) : nil
      }
      guard
        let rate = [
          shrunk(s.disputeWeight, of: s.withDisputeStatus),
          shrunk(Double(s.failedInspections), of: s.inspected),
        ]
        .compactMap({ $0 }).max()
      else { return nil }
      let limit = min(max(p.disputeThreshold, 0.001), 0.999)
      let zero = max(p.disputeRateAtZero, limit + 0.001)
      return rate <= limit
        ? neutral + (1 - neutral) * (1 - rate / limit)
        : neutral * max(0, 1 - (rate - limit) / (zero - limit))
    }()
    guard let onTime = s.onTimeEstimate else {
      if let value = problemPart {
        let known = Double(max(s.withDisputeStatus, s.inspected))
        let confidence = known / (known + policy.confidence.ordersHalf)
        guard explains else { return Part(value: value, confidence: confidence, factor: nil, summary: s) }
        return Part(
          value: value, confidence: confidence,
          factor: Factor(
            component: "delivery", points: 0,
            text: ([
              s.withDisputeStatus > 0
                ? "\(s.disputed) of \(s.withDisputeStatus) orders disputed or refunded" : nil,
              s.inspected > 0 ? "\(s.failedInspections) of \(s.inspected) inspections failed" : nil,
            ] as [String?]).compactMap { $0 }.joined(separator: "; "),
            evidence: e.orders.lazy.filter { $0.record.orderDate <= self.asOf }.prefix(3).map {
              Evidence(location: location($0.source, context), recordID: $0.record.id)
            }), summary: s)
      }
      return Part(value: nil, confidence: 0, factor: nil, summary: s)
    }
    // On-time delivery at the policy's threshold is neutral, as `prior_on_time` assumes of a
    // supplier without evidence: below it the part falls under the value a supplier without
    // delivery evidence counts at, so that a rate flagged `late_shipments` never scores above no
    // record at all (70% on time scored 0.75 against 0.5 for none). Full marks stay at 100%.
    let onTimePart =
      onTime >= threshold
      ? neutral + (1 - neutral) * (onTime - threshold) / (1 - threshold)
      : neutral * onTime / threshold
    var value = onTimePart
    // The problem part moves the on-time part from where it stands, up toward 1 or down toward 0
    // by `1 - on_time_share` of the way at its extremes, and not at all at neutral: a blend
    // pulled a punctual supplier's one clean order (shrunk to about neutral) down toward 0.5, so
    // that stating "no dispute" scored below leaving the field empty.
    if let problemPart {
      let share = 1 - p.onTimeShare
      value =
        problemPart >= neutral
        ? onTimePart + share * (problemPart - neutral) / max(1 - neutral, 1e-9) * (1 - onTimePart)
        : onTimePart - share * (neutral - problemPart) / max(neutral, 1e-9) * onTimePart
    }
    let confidence = evidenceAmount / (evidenceAmount + policy.confidence.ordersHalf)
    guard explains else { return Part(value: value, confidence: confidence, factor: nil, summary: s) }
    var parts: [String] = []
    if s.due > 0 { parts.append("\(s.due - s.late) of \(s.due) own orders shipped on time") }
    if let platform = supplier.onTimeDeliveryRate { parts.append("platform on-time \(percent(platform))") }
    if s.withDisputeStatus > 0 {
      parts.append("\(s.disputed) of \(s.withDisputeStatus) orders disputed or refunded")
    }
    if s.inspected > 0 { parts.append("\(s.failedInspections) of \(s.inspected) inspections failed") }
    let orderEvidence = (lateOrders + disputedOrders).prefix(4).map {
      Evidence(location: location($0.0.source, context), recordID: $0.0.record.id)
    }
    return Part(
      value: value, confidence: confidence,
      factor: Factor(
        component: "delivery", points: 0, text: parts.joined(separator: "; "),
        // Orders placed by the as-of day only: a back-test cited orders placed after it
        // (black-box review 46).
        evidence: orderEvidence.isEmpty
          ? e.orders.lazy.filter { $0.record.orderDate <= self.asOf }.prefix(2).map {
            Evidence(location: location($0.source, context), recordID: $0.record.id)
          } + (s.due == 0 ? [profileEvidence] : []) : Array(orderEvidence)),
      summary: s)
  }

  // MARK: Standing

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
    // above $1,000, without a cap that ties every large limit.
    let coverage = max(0, limit ?? 0)
    let limitShare = min(
      1, log10(1 + coverage / 1000) / log10(1 + max(p.tradeAssuranceFullLimitUSD, 1) / 1000))
    signal(
      p.tradeAssuranceWeight,
      s.tradeAssurance.map { $0 ? 0.6 + 0.4 * limitShare : 0 },
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

/// A value one thread writes and another reads after waiting for it.
final class UnsafeSendableBox<T>: @unchecked Sendable {
  var value: T
  init(_ value: T) { self.value = value }
}

/// Lets the parallel loop write disjoint slots of one result array.
extension Array {
  /// Rearranges the elements so that position `k` holds the element that was at `order[k]`.
  ///
  /// `order` must be a permutation of the indices. Each element is moved once, following the
  /// permutation's cycles, with no second array and no copies.
  mutating func permute(into order: [Int]) {
    precondition(order.count == count, "a permutation has one position per element")
    var placed = [Bool](repeating: false, count: count)
    withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for start in buffer.indices where !placed[start] {
        placed[start] = true
        guard order[start] != start else { continue }
        let held = (base + start).move()
        var k = start
        while order[k] != start {
          let next = order[k]
          precondition(!placed[next], "order is not a permutation")
          (base + k).moveInitialize(from: base + next, count: 1)
          placed[next] = true
          k = next
        }
        (base + k).initialize(to: held)
      }
    }
  }
}

struct UnsafeSendableBuffer<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// `body` applied to `0..<count` in chunks of `chunkSize` on every core, the chunks' results in
/// order: for work over 100,000 suppliers whose pieces are then joined (screening, CSV rows).
public func mapChunks<R>(count: Int, chunkSize: Int, _ body: @Sendable (Range<Int>) -> R) -> [R] {
  let size = max(1, chunkSize)
  let chunkCount = (count + size - 1) / size
  return [R](unsafeUninitializedCapacity: chunkCount) { out, initialized in
    let output = UnsafeSendableBuffer(out)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      (output.buffer.baseAddress! + chunk).initialize(
        to: body((chunk * size)..<min(count, (chunk + 1) * size)))
    }
    initialized = chunkCount
  }
}

func format(_ value: Double, _ decimals: Int) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let scaled = (value * scale).rounded()
  let rounded = scaled / scale
  if decimals == 0 { return String(Int(rounded)) }
  // Digits from the integer `scaled` (what the description of `rounded`, padded with zeros,
  // comes to for numbers of this size): explanations and suggestions format hundreds of
  // thousands of numbers, and the general path walks the text by characters.
  // Written as bytes from the last digit back: joining the parts as Strings cost about a
  // thousand instructions a number.
  if decimals <= 6, abs(scaled) < 1e12 {
    let negative = rounded < 0 || (rounded == 0 && rounded.sign == .minus)
    let units = UInt64(abs(scaled))
    var digits = 1
    var rest = units / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    let width = max(digits, decimals + 1)
    let length = (negative ? 1 : 0) + width + 1
    return String(unsafeUninitializedCapacity: length) { out in
      var position = length - 1
      var remaining = units
      for digit in 0..<width {
        if digit == decimals {
          out[position] = UInt8(ascii: ".")
          position -= 1
        }
        out[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
        remaining /= 10
        position -= 1
      }
      if negative { out[0] = UInt8(ascii: "-") }
      return length
    }
  }
  var text = String(rounded)
  if let dot = text.firstIndex(of: ".") {
    let have = text.distance(from: dot, to: text.endIndex) - 1
    if have < decimals { text += String(repeating: "0", count: decimals - have) }
  }
  return text
}

/// `value` rounded to `decimals` places and written with exactly that many (0 ≤ `decimals` ≤ 6),
/// digits written as bytes: for outputs outside this module that write many numbers.
public func fixedDecimals(_ value: Double, _ decimals: Int) -> String { format(value, decimals) }

func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded()))%" }

extension String {
  /// The text without one full stop at its end, for a clause that more words follow.
  var withoutFinalFullStop: String { hasSuffix(".") ? String(dropLast()) : self }
}

/// Suppliers' positions in evidence order by id (``Scorer/gatherKeepingTexts(_:)``).
struct SupplierIndex: Sendable {
  let numbering: NameNumbering

  subscript(id: String) -> Int? { numbering.existingNumber(of: id).map(Int.init) }
}
