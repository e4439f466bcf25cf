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
  /// Every weight, threshold, half-life and window the scores are worked out with.
  public let policy: Policy
  /// The day ages, expiries and windows are measured from; records dated after it are ignored.
  public let asOf: Day
  /// The recognised certification, accreditation and audit bodies (and known look-alikes).
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

  /// A scorer of catalogs as of `asOf` under `policy` (the shipped default when omitted), judging
  /// bodies by `registry` (the package's data files when omitted).
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
    /// Where ``reviews`` holds no ids and sources (``ReviewTable/reorderedWithoutIdentities(by:)``):
    /// the table that does, and each review's position in it.
    var identities: (table: ReviewTable, positions: [Int])?
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
    /// The five orders the delivery suggestion adds: shipped on time, inspected and passed,
    /// without a dispute (set by the scorer for its as-of day).
    var nextOrders: [Sourced<Order>] = []

    /// The id of review `k` of ``reviews``.
    func reviewID(_ k: Int) -> String {
      guard let identities else { return reviews.ids[k] }
      return identities.table.ids[identities.positions[k]]
    }

    /// Where review `k` of ``reviews`` was read.
    func reviewSource(_ k: Int) -> SourceRef {
      guard let identities else { return reviews.sources[k] }
      return identities.table.sources[identities.positions[k]]
    }
  }

  /// The orders the delivery suggestion adds (``Context/nextOrders``).
  func nextOrders() -> [Sourced<Order>] {
    (0..<5).map { k in
      var o = Order(
        id: "hypothetical-\(k)", supplierID: "", orderDate: asOf.adding(days: -40),
        amount: Money(cents: 100_000))
      o.agreedShipDate = asOf.adding(days: -10)
      o.shippedDate = asOf.adding(days: -11)
      o.dispute = DisputeStatus.none
      // Inspected and passed, as the words say: left uninspected, a supplier with failed
      // inspections on record gained 3 to 5 points more from orders that passed than it was
      // told (black-box review 48).
      o.inspectionResult = .pass
      return Sourced(o, source: SourceRef(file: -1, line: 0))
    }
  }

  /// Scores every supplier of `catalog`, best first.
  ///
  /// - Parameter detailing: given the ranked suppliers with their numbers and flag codes only,
  ///   the positions of those to explain in full (texts, flag details, evidence, suggestions);
  ///   nil explains every supplier. The others keep every number, grade, standing and flag code,
  ///   with empty texts. A ranking that shows its top 100 explains 100 suppliers, not 100,000.
  public func score(_ catalog: Catalog, detailing: (([SupplierAssessment]) -> [Int])? = nil) -> ScoringRun {
    run(catalog, detailing: detailing, keepsMemo: false).run
  }

  /// ``score(_:detailing:)``, and what a later run of the same catalog under the same policy on the
  /// same day can start from (``score(_:reusing:detailing:)``).
  public func scoreKeepingMemo(
    _ catalog: Catalog, detailing: (([SupplierAssessment]) -> [Int])? = nil
  ) -> (run: ScoringRun, memo: ScoringMemo) {
    let (run, memo) = run(catalog, detailing: detailing, keepsMemo: true)
    return (run, memo!)
  }

  /// The same run as ``score(_:detailing:)`` of the catalog `memo` was made from, with the
  /// catalog-wide figures, the bursts and every supplier's numbers taken from `memo`; only the
  /// suppliers `detailing` picks are worked out (and explained) in full. The others carry what
  /// ranking and its filters need: score, grade, standing, confidence, flag codes and valid
  /// standards (not their components, interval, review, delivery or certificate figures, which
  /// only an explained supplier's output shows).
  ///
  /// Returns nil when `memo` plainly does not fit `catalog`: other counts of suppliers or reviews,
  /// a burst pointing past a supplier's reviews, or an explained supplier whose own records give
  /// other numbers than the memo says. These checks catch a memo of another catalog only where it
  /// shows; what makes a memo the right one is the key it is kept under
  /// (``memoKey(catalogVersion:)``), which changes with every import, policy, day and program.
  public func score(
    _ catalog: Catalog, reusing memo: ScoringMemo, detailing: @escaping ([SupplierAssessment]) -> [Int]
  ) -> ScoringRun? {
    let clock = StageTimer(prefix: "scoring: ")
    guard memo.catalogAverages.count == 5, memo.imputed.count == 5 else { return nil }
    // Laid out as the store hands it over (each kind of record grouped by supplier in id order,
    // ids unique) and scored with the reviews as they stand: only the suppliers explained need
    // their evidence, found by id. Otherwise every supplier's is gathered, as a run does.
    let suppliers: [Sourced<Supplier>]
    let table: ReviewTable
    let evidenceOf: (Int) -> SupplierEvidence
    if memo.reviewsAsGiven, isLaidOutByID(catalog) {
      suppliers = catalog.suppliers
      table = catalog.reviews
      evidenceOf = { evidence(ofSupplierAt: $0, in: catalog) }
      clock.lap("laid out by id")
    } else {
      let (evidence, gathered, _, _) = gatherForScoring(catalog)
      suppliers = evidence.map(\.supplier)
      table = gathered
      evidenceOf = { evidence[$0] }
      clock.lap("gather")
    }
    guard suppliers.count == memo.supplierCount, table.count == memo.reviewCount else { return nil }
    var suspicious = [Bool](repeating: false, count: table.count)
    for k in memo.suspicious { suspicious[Int(k)] = true }
    var bursts = [[ReviewBurst]](repeating: [], count: suppliers.count)
    for (supplier, found) in memo.bursts { bursts[Int(supplier)] = found }
    var keys = [(score: Double, mean: Double, confidence: Double)](
      repeating: (0, 0, 0), count: suppliers.count)
    // Empty figures made once and shared: a new review summary per supplier allocated its
    // histogram 100,000 times over.
    let noReviews = ReviewSummary()
    let noDelivery = DeliverySummary()
    let noStandards: Set<String> = []
    // Each run of rows decoded and made into assessments on either core; a damaged run leaves
    // its suppliers unscored and the memo unused.
    let stride = ScoringMemo.rowsPerChunk
    var decoded = [Bool](repeating: false, count: memo.rowChunkCount)
    let results = [SupplierAssessment](unsafeUninitializedCapacity: suppliers.count) { out, initialized in
      keys.withUnsafeMutableBufferPointer { keys in
        decoded.withUnsafeMutableBufferPointer { decoded in
          let output = UnsafeSendableBuffer(out)
          let keyOutput = UnsafeSendableBuffer(keys)
          let fits = UnsafeSendableBuffer(decoded)
          DispatchQueue.concurrentPerform(iterations: memo.rowChunkCount) { chunk in
            let rows = memo.rows(inChunk: chunk)
            fits.buffer[chunk] = rows != nil
            for i in (chunk * stride)..<min(suppliers.count, (chunk + 1) * stride) {
              // A damaged run's suppliers still get a value (the buffer is filled whole); the memo
              // is then not used.
              let row = rows?[i - chunk * stride]
              let supplier = suppliers[i].record
              (output.buffer.baseAddress! + i).initialize(
                to: SupplierAssessment(
                  supplier: supplier,
                  // Without words, as a run that does not explain a supplier leaves it.
                  evidence: Evidence(location: "", recordID: supplier.id),
                  score: row?.score, exactScore: row?.exactScore, meanScore: row?.meanScore,
                  grade: row?.grade ?? "unrated", standing: row?.standing ?? .warned,
                  confidence: row?.confidence ?? 0, interval: nil,
                  components: ComponentScores(), evidenceShares: ComponentScores(),
                  flags: row?.flags.map { TrustFlag(code: $0.code, severity: $0.severity, detail: "") } ?? [],
                  factors: [],
                  suggestions: [], reviews: noReviews, certificates: [], audits: [],
                  delivery: noDelivery,
                  validStandards: row.map { $0.validStandards.isEmpty ? noStandards : Set($0.validStandards) }
                    ?? noStandards))
              guard let row else { continue }
              keyOutput.buffer[i] = (
                Self.rankingScore(row.exactScore ?? row.score, standing: row.standing), row.meanScore ?? -1,
                row.confidence
              )
            }
          }
        }
      }
      initialized = suppliers.count
    }
    guard decoded.allSatisfy({ $0 }) else { return nil }
    clock.lap("taken from the memo")
    // No verdicts looked up ahead: the few suppliers explained ask the registry themselves.
    var context = Context(
      meanRating: memo.meanRating, ratingSpread: memo.ratingSpread, locations: catalog.sources.map(\.path),
      reviews: table, bodies: BodyVerdicts())
    context.sharedCertificates = memo.sharedCertificates
    context.nextOrders = nextOrders()
    context.priorReviewValue = memo.priorReviewValue
    context.catalogAverages = memo.catalogAverages
    context.imputed = memo.imputed
    context.explains = false
    context.suggests = false
    // Handed over, not copied: ranking permutes the assessments in place.
    return rankAndDetail(
      consume results, keys: keys, work: evidenceOf, suspicious: suspicious, bursts: bursts, context: context,
      ratingCount: memo.ratingCount, sources: catalog.sources, detailing: detailing, clock: clock,
      detailContext: { indices, evidence in
        for (i, e) in zip(indices, evidence) {
          // A burst pointing past its supplier's reviews is not of this catalog.
          guard bursts[i].allSatisfy({ $0.reviewIndices.allSatisfy { $0 < e.reviews.count } }) else {
            return nil
          }
          // Reviews found by id are taken as the memo's run found them (all up to the as-of day,
          // by date and id): checked for those explained, rather than trusted.
          guard
            e.reviews.allSatisfy({ table.days[$0] <= asOf })
              && e.reviews.dropFirst().allSatisfy({ k in
                table.days[k - 1] < table.days[k]
                  || (table.days[k - 1] == table.days[k] && table.ids.precedes(k - 1, k))
              })
          else { return nil }
        }
        var detail = context
        // Reviewers' repeats: a supplier's own reviews decide them.
        detail.reviewerRepeats = reviewerRepeatWeights(evidence, table)
        return detail
      },
      fits: ScoringMemo.Row.sameNumbers)
  }

  /// Every supplier's evidence and the review table, as both kinds of run gather them.
  private func gatherForScoring(_ catalog: Catalog, keepingIdentities: Bool = true) -> (
    evidence: [SupplierEvidence], table: ReviewTable,
    textsInFileOrder: (table: ReviewTable, positions: [Int])?, asGiven: Bool
  ) {
    var (evidence, table, texts, asGiven) = gatherKeepingTexts(catalog, keepingIdentities: keepingIdentities)
    for i in evidence.indices { evidence[i].doubtfulVerified = doubtfulVerification(evidence[i], table) }
    assignSectors(&evidence)
    return (evidence, table, texts, asGiven)
  }

  /// Starts, on another thread, the registry's verdicts on body names, the certificates several
  /// suppliers claim and how often each reviewer reviewed each supplier; the function returned
  /// waits for them.
  private func startLookups(_ catalog: Catalog, _ evidence: [SupplierEvidence], _ table: ReviewTable)
    -> () -> (BodyVerdicts, [UInt64: (key: String, holders: [String])], [Float])
  {
    let verdicts = UnsafeSendableBox(BodyVerdicts())
    let shared = UnsafeSendableBox<[UInt64: (key: String, holders: [String])]>([:])
    let repeats = UnsafeSendableBox<[Float]>([])
    let lookups = DispatchGroup()
    DispatchQueue.global().async(group: lookups) {
      verdicts.value = bodyVerdicts(catalog)
      shared.value = sharedCertificates(evidence)
      repeats.value = reviewerRepeatWeights(evidence, table)
    }
    return {
      lookups.wait()
      return (verdicts.value, shared.value, repeats.value)
    }
  }

  private func run(_ catalog: Catalog, detailing: (([SupplierAssessment]) -> [Int])?, keepsMemo: Bool) -> (
    run: ScoringRun, memo: ScoringMemo?
  ) {
    let clock = StageTimer(prefix: "scoring: ")
    let (evidence, table, textsInFileOrder, reviewsAsGiven) = gatherForScoring(
      catalog, keepingIdentities: false)
    clock.lap("gather")
    // Signals the catalog does not give at all (optional columns left out) are not held against
    // anyone: unknown is not evidence of a fake account.
    let reviewersGiven = table.reviewers.contains { $0 >= 0 }
    let verificationGiven = table.verified.contains { $0 != nil }
    // How often each rating is given: worked out meanwhile, for the detectors made below.
    let starCountsBox = UnsafeSendableBox<SIMD8<Int>>(SIMD8<Int>())
    let starCountsWork = DispatchGroup()
    DispatchQueue.global().async(group: starCountsWork) { [evidence, table] in
      starCountsBox.value = self.starCounts(evidence, table)
    }
    // The registry's verdicts on body names, certificates claimed by several suppliers and how
    // often each reviewer reviewed each supplier, worked out meanwhile on another thread.
    let lookups = startLookups(catalog, evidence, table)
    // Whether each review's reviewer has a history: a review of another supplier in the catalog
    // (up to the as-of day) that was a verified purchase, or any review of another supplier when
    // the catalog states no verification, dated at least `window_days` away from the review.
    // Review farms reuse their accounts on several suppliers, but their reviews are not verified
    // purchases, or, when bought orders make them verified, are posted in the same days as the
    // campaign; an account that posts twenty reviews of one supplier has no history either.
    // Worked out once by reviewer number in one sequential pass, then looked up by position.
    let spans = reviewerSpans(evidence, table, verifiedOnly: verificationGiven)
    // Whether a lack of history tells anything: only where enough reviewers have one (see
    // `returning_reviewer_share`); otherwise the detectors ask more of ratings and texts
    // (`ReviewBurstDetector.reviewersRarelyReturn`).
    let blank = table.reviewerNames.map(ReviewBurstDetector.isBlank)
    let historyTells =
      reviewersGiven
      && returningShare(evidence, table, spans: spans, blank: blank) >= policy.burst.returningReviewerShare
    starCountsWork.wait()
    let starCounts = starCountsBox.value
    let detector = {
      var detector = ReviewBurstDetector(policy: policy.burst)
      detector.reviewersGiven = reviewersGiven
      detector.reviewersRarelyReturn = reviewersGiven && !historyTells
      detector.verificationGiven = verificationGiven
      return detector
    }()
    let apart = Int32(max(1, policy.burst.windowDays))
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
      screen.reviewersRarelyReturn = reviewersGiven && !historyTells
      screen.verificationGiven = verificationGiven
      return screen
    }()
    // Campaigns kept up for months (`campaign_window_days`) need named reviewers and stated
    // verification, as the detector's rule does.
    let campaignsJudged =
      reviewersGiven && verificationGiven && policy.burst.campaignWindowDays > policy.burst.windowDays
    /// A supplier whose reviews may hold a burst: its reviews, and whether each review's
    /// reviewer has no other history.
    typealias Candidate = (
      supplier: Int, reviews: [BurstSample], isNew: [Bool], starShares: SIMD8<Double>,
      sameDay: SameReviewerDays, screened: [ReviewBurst]
    )
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
            // The positions as an array first: read through a lazy map, each one copied the
            // kept table (a dozen references) and cost 0.5 µs (0.05 s of L's 94,000 texts).
            let positions = kept.positions
            return kept.table.texts(at: evidence[index].reviews.map { positions[$0] })
          } ?? table.texts(at: evidence[index].reviews)
        let reviews = evidence[index].reviews.map { k in
          var sample = table.burstSample(at: k, text: texts[k - first])
          if doubtful { sample.verifiedPurchase = false }
          return sample
        }
        var supplierScreen = screen
        supplierScreen.verificationDoubted = doubtful
        let shares = starShares(starCounts, excluding: evidence[index].reviews, in: table)
        supplierScreen.catalogStarShares = shares
        let sameDay = SameReviewerDays(
          evidence[index].reviews, reviewers: reviewers, days: days, blank: blank)
        let windows = sameDay.detect(with: supplierScreen, reviews, isNewReviewer: isNew)
        guard !windows.isEmpty else { continue }
        found.append((index, reviews, isNew, shares, sameDay, windows))
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
      // Each text goes straight to its place: the reviews sorted by id as the store reads them,
      // and the texts handed back in that order (a dictionary of 100,000 texts had been built and
      // looked up again, each id hashed twice).
      var places: [(review: Int, candidate: Int, position: Int)] = []
      for (c, candidate) in candidates.enumerated() {
        for (p, k) in evidence[candidate.supplier].reviews.enumerated() { places.append((k, c, p)) }
      }
      let ids = table.ids
      places.sort { ids.precedes($0.review, $1.review) }
      let fetched = texts.texts(ofSorted: places.map { ids[$0.review] })
      var found = 0
      for (place, text) in zip(places, fetched) where text != nil {
        candidates[place.candidate].reviews[place.position].text = text
        found += 1
      }
      clock.lap("texts fetched (\(found) of \(places.count))")
    }
    // With every text at hand, screening was the detection itself (the same policy, accounts,
    // verification and star shares): its windows stand, rather than being found again (0.04 s
    // of L's 1,027 candidates).
    let screenedWithTexts = catalog.deferredReviewTexts == nil
    let detected = parallelMap(candidates) { candidate in
      if screenedWithTexts { return candidate.screened }
      var supplierDetector = detector
      supplierDetector.verificationDoubted = evidence[candidate.supplier].doubtfulVerified != nil
      supplierDetector.catalogStarShares = candidate.starShares
      return candidate.sameDay.detect(
        with: supplierDetector, candidate.reviews, isNewReviewer: candidate.isNew)
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
          // Nor is an established buyer's review of the other kind, verified or not: praise from
          // the victim's regular buyers in an attack's days had been discounted with the attack
          // (black-box review 133).
          let star = ReviewBurstDetector.star(candidate.reviews[i].rating)
          let opposing = burst.commonestStar >= 4 ? star < 4 : star > 2
          if candidate.reviews[i].verifiedPurchase == true
            ? star <= 2 || opposing : opposing && !candidate.isNew[i]
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
      // Praise (four or five stars at its commonest) on a supplier with no other review is
      // bought praise whatever the catalog's mean: a newcomer's four-star campaign, below a mean
      // of 4.26, had counted as an attack, kept nine reviews and scored above the same supplier
      // without reviews (black-box review 123).
      let praiseAlone = { (burst: ReviewBurst) in burst.commonestStar >= 4 && ownCount == 0 }
      for b in bursts[index].indices
      where (bursts[index][b].meanRating < reference && !praiseAlone(bursts[index][b]))
        || bursts[index][b].commonestStar <= 2
      {
        bursts[index][b].lowersRating = true
        let boughtPraise = bursts[index][b].reviewIndices.count { i in
          let k = evidence[index].reviews.lowerBound + i
          return suspicious[k] && ReviewBurstDetector.star(table.ratings[k]) >= 4
        }
        bursts[index][b].alsoInflates = boughtPraise >= max(1, policy.burst.minimumReviews)
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
    let (bodies, shared, repeats) = lookups()
    var context = Context(
      meanRating: mean, ratingSpread: max(0.25, spread), locations: catalog.sources.map(\.path),
      reviews: table,
      bodies: bodies)
    context.identities = textsInFileOrder
    context.sharedCertificates = shared
    context.reviewerRepeats = repeats
    context.nextOrders = nextOrders()
    let priorError = context.ratingSpread / max(policy.reviews.priorStrength, 1e-9).squareRoot()
    context.priorReviewValue = min(
      1, max(0, (mean - policy.reviews.uncertaintyPenalty * priorError - 1) / 4))
    context.explains = detailing == nil && writesExplanations
    context.suggests = detailing == nil && suggests
    let work = evidence
    let stride = 64
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
        forEachInPlace(work, stride: stride) { i, e in
          let result = assess(
            e.pointee, suspicious: suspicious[e.pointee.reviews], bursts: bursts[i], context: context)
          values.buffer[i] = result.components
          (output.buffer.baseAddress! + i).initialize(to: result)
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
        forEachInPlace(work, stride: stride) { [quiet] i, e in
          finish(&output.buffer[i], evidence: e.pointee, context: context, quiet: quiet)
          keyOutput.buffer[i] = (
            Self.rankingScore(
              output.buffer[i].exactScore ?? output.buffer[i].score, standing: output.buffer[i].standing),
            output.buffer[i].meanScore ?? -1, output.buffer[i].confidence
          )
        }
      }
    }
    clock.lap("assess")
    let memo =
      keepsMemo
      ? ScoringMemo(
        context: context, ratingCount: ratingCount, suspicious: suspicious, bursts: bursts,
        assessments: results, reviewsAsGiven: reviewsAsGiven)
      : nil
    let run = rankAndDetail(
      consume results, keys: keys, work: { work[$0] }, suspicious: suspicious, bursts: bursts,
      context: context,
      ratingCount: ratingCount, sources: catalog.sources, detailing: detailing, clock: clock, fits: nil)
    return (run!, memo)
  }

  /// Orders `results` best first and explains in full the positions `detailing` picks. With
  /// `fits`, each supplier explained is checked against its number-only result: nil when one
  /// differs.
  private func rankAndDetail(
    _ results: consuming [SupplierAssessment], keys: [(score: Double, mean: Double, confidence: Double)],
    work: @escaping (Int) -> SupplierEvidence, suspicious: [Bool], bursts: [[ReviewBurst]], context: Context,
    ratingCount: Int, sources: [SourceFile], detailing: (([SupplierAssessment]) -> [Int])?, clock: StageTimer,
    detailContext: (([Int], [SupplierEvidence]) -> Context?)? = nil,
    fits: ((SupplierAssessment, SupplierAssessment) -> Bool)?
  ) -> ScoringRun? {
    var context = context
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
      let positions = Set(detailing(suppliers)).filter { suppliers.indices.contains($0) }.sorted()
      let indices = positions.map { order[$0] }
      let evidence = indices.map(work)
      if let detailContext {
        guard let detail = detailContext(indices, evidence) else { return nil }
        context = detail
      }
      context.explains = true
      context.suggests = suggests
      var quiet = context
      quiet.explains = false
      let explained = parallelMap(Array(zip(indices, evidence))) {
        [context, quiet, suspicious, bursts] item in
        let (i, e) = item
        var full = assess(e, suspicious: suspicious[e.reviews], bursts: bursts[i], context: context)
        finish(&full, evidence: e, context: context, quiet: quiet)
        return full
      }
      for (position, full) in zip(positions, explained) {
        if let fits, !fits(suppliers[position], full) { return nil }
        suppliers[position] = full
      }
      clock.lap("explain \(positions.count)")
    }
    return ScoringRun(
      asOf: asOf, policy: policy, policyHash: policy.hash, sources: sources,
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

  /// The score ranking sorts by: the score (0...100) of a supplier not blocked; -1 for an unrated
  /// one, which comes after them; and below that, for a blocked one, its score less 1,000, so that
  /// blocked suppliers come last, in score order. A supplier the policy says not to order from is
  /// not recommended above one nobody knows anything against (black-box review 85 found a grade E,
  /// blocked supplier ranked first, above an unrated one).
  static func rankingScore(_ score: Double?, standing: Standing) -> Double {
    guard let score else { return -1 }
    return standing == .blocked ? score - 1_000 : score
  }

  /// Best first: higher score (before rounding), then the higher weighted mean of the components
  /// (which tells apart suppliers whose weakest links tie), then higher confidence, then supplier
  /// id; unscored after the scored, and blocked suppliers last (``rankingScore(_:standing:)``).
  public static func rankOrder(_ a: SupplierAssessment, _ b: SupplierAssessment) -> Bool {
    let x = rankingScore(a.exactScore ?? a.score, standing: a.standing)
    let y = rankingScore(b.exactScore ?? b.score, standing: b.standing)
    if x != y { return x > y }
    if let x = a.meanScore, let y = b.meanScore, x != y { return x > y }
    if a.confidence != b.confidence { return a.confidence > b.confidence }
    return a.supplier.id < b.supplier.id
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
      // Copied only to be shown: each audit holds a dozen strings, retained for every supplier.
      audits: context.explains ? e.audits.filter { $0.record.date <= asOf } : [], delivery: delivery.summary,
      validStandards: certs.validStandards, freshCertificate: certs.withFreshCertificate,
      certificateRepairs: certs.repairs)
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
        // Evidence the policy gives no weight (its weighted components have none for anyone) is
        // not "no evidence" (black-box review 149).
        reasons.append(
          values.contains { $0 != nil }
            ? "unrated: the policy weighs none of the components there is evidence for"
            : "unrated: no evidence at all")
      } else if band.standing > .ok {
        reasons.append(
          "grade \(band.grade) (\(JSONValue.format(band.minimumScore)) and above) is \(band.standing.rawValue)"
        )
      }
    }
    // The low-severity kind of a flag that comes in two informs only: an attack's `review_burst`
    // (discounted, not held against its victim), a platform rate's `late_shipments` above
    // `platform_warn_below`, and the buyer's own late orders or disputes too few to warn
    // (`minimum_orders_to_warn`). Flags that are always low (few_reviews, cert_expiring, audit_stale)
    // take the standing a policy gives them: `{"few_reviews": "blocked"}` had been accepted and
    // ignored (black-box review 92).
    for flag in result.flags
    where flag.severity > .low
      || !(flag.code == .reviewBurst || flag.code == .lateShipments || flag.code == .disputeHistory)
    {
      if let level = policy.flagStanding[flag.code.rawValue], level > .ok {
        if level > standingLevel { standingLevel = level }
        // Once per code and severity: two shared certificates had given the same reason twice
        // (black-box review 93).
        let reason = "\(flag.code.rawValue) (\(flag.severity.rawValue)) is \(level.rawValue)"
        if context.explains, !reasons.contains(reason) { reasons.append(reason) }
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
    Scorer.combine(
      values, shares, imputed: imputed, weights: componentWeights, aggregation: policy.aggregation)
  }

  /// ``combine(_:_:imputed:)`` with the policy's weights and aggregation given, for callers
  /// that must not capture the scorer (a closure capturing it copied it, its policy retained).
  static func combine(
    _ values: [Double?], _ shares: [Double], imputed: [Double?], weights: [Double], aggregation: Aggregation
  ) -> (score: Double?, exact: Double?, confidence: Double, weightSum: Double, mean: Double?) {
    // Loops over the five components rather than zips and maps: this runs for every supplier.
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
      // To a billionth of a point: what is equal in exact arithmetic must tie, not be ordered by
      // the last bit of floating-point noise (black-box review 77: an on-time rate at exactly its
      // threshold came out 0.49999999999999994, and under `weakest_link` a supplier with a
      // weighted mean of 84 ranked below a tie at 50 with one of 73.9).
      func settled(_ points: Double) -> Double { (points * 1e9).rounded() / 1e9 }
      mean = settled(100 * total / weightSum)
      switch aggregation {
      case .weightedMean: score = mean
      case .weakestLink: score = settled(100 * weakest)
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
}
