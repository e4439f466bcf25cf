import SupplierTrustModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// When a cluster of reviews counts as a purchased-review burst.
///
/// All thresholds come from the scoring policy file; the defaults below are the documented
/// values the policy file starts from. A window is a burst only when it holds enough reviews,
/// enough of them from reviewers with no other history and not verified, *and* the reviews look
/// coordinated: most share one near-identical text, or most give the same star rating. Each
/// signal alone has innocent explanations (a trade fair brings many first-time buyers; buyers
/// often skip the verified-purchase step; short praise repeats by chance), while the
/// combination — many new, unverified accounts posting the same text, or the same five stars,
/// within days — is what a paid campaign leaves. Campaigns often post no text at all, or rotate
/// a few templates, so texts alone cannot be the test; a genuine rush of new buyers gives mixed
/// ratings.
///
/// There is deliberately no condition on the burst's share of the supplier's whole review
/// history: a campaign of 60 fake reviews is fraud whether the supplier has 100 or 10,000 other
/// reviews, and such a condition would exempt exactly the large suppliers whose ratings buyers
/// rely on most.
public struct BurstPolicy: Sendable, Equatable {
  /// Default of ``windowDays``.
  public static let defaultWindowDays = 14
  /// Default of ``minimumReviews``.
  public static let defaultMinimumReviews = 10
  /// Default of ``newReviewerShare``.
  public static let defaultNewReviewerShare = 0.6
  /// Default of ``unverifiedShare``.
  public static let defaultUnverifiedShare = 0.6
  /// Default of ``textSimilarity``.
  public static let defaultTextSimilarity = 0.6
  /// Default of ``nearIdenticalShare``.
  public static let defaultNearIdenticalShare = 0.5
  /// Default of ``uniformRatingShare``.
  public static let defaultUniformRatingShare = 0.8
  /// Default of ``shingleSize``.
  public static let defaultShingleSize = 3
  /// Default of ``wordSetMinimumWords``.
  public static let defaultWordSetMinimumWords = 8
  /// Default of ``signatureSize``.
  public static let defaultSignatureSize = 64
  /// Default of ``templateMinimumWords``.
  public static let defaultTemplateMinimumWords = 4
  /// Default of ``templateRotationNewShare``.
  public static let defaultTemplateRotationNewShare = 0.75
  /// Default of ``rotationMinimumWords``.
  public static let defaultRotationMinimumWords = 8
  /// Default of ``returningReviewerShare``.
  public static let defaultReturningReviewerShare = 0.1
  /// Default of ``paceFactor``.
  public static let defaultPaceFactor = 3.0
  /// Default of ``verifiedUniformChance``.
  public static let defaultVerifiedUniformChance = 1e-6
  /// Default of ``praiseRushFactor``.
  public static let defaultPraiseRushFactor = 10.0
  /// Default of ``campaignWindowDays``.
  public static let defaultCampaignWindowDays = 120

  /// The longest span, in calendar days, that one window of a burst may cover (first and last
  /// day included). Campaigns are delivered within days, or split into batches a week apart
  /// (eight identical reviews one week and eight the next, each batch under the minimum): two
  /// weeks see such a campaign whole. Ordinary reviews in the longer window dilute the shares,
  /// and uniform ratings alone need a rush (``paceFactor``), so a steady flow is not flagged.
  public var windowDays: Int
  /// A window with fewer reviews is never a burst: with a handful of reviews the shares are
  /// noise (three new accounts out of four is 75 %).
  public var minimumReviews: Int
  /// The share of a window's reviews whose reviewer has no other history, or has no reviewer id
  /// at all, needed for a burst. Scoring counts as history a verified review of another supplier
  /// in the catalog (any review of another supplier when the catalog states no verification)
  /// dated at least ``windowDays`` before or after the review: a farm's accounts that buy and
  /// review several suppliers in the campaign's days have no history but the campaign;
  /// ``ReviewBurstDetector/detect(_:reviewCount:)`` counts any review of another supplier.
  public var newReviewerShare: Double
  /// The share of a window's reviews not marked as a verified purchase (`false` or unknown)
  /// needed for a burst.
  public var unverifiedShare: Double
  /// The estimated Jaccard similarity of the normalised word shingles of two texts from which
  /// they count as near-identical. 0.6 joins a campaign phrase with its variants ("… highly
  /// recommend! A+++", "… 5 stars") while two ordinary reviews that share one stock phrase stay
  /// apart.
  public var textSimilarity: Double
  /// The share of a window's reviews (with or without text) that must belong to its largest
  /// group of near-identical texts for a burst.
  public var nearIdenticalShare: Double
  /// The share of a window's reviews giving one and the same star rating that marks them as
  /// coordinated when their texts do not (no text, or varied texts).
  public var uniformRatingShare: Double
  /// Words per shingle. Three words tolerate reordered clauses yet rarely match by chance.
  public var shingleSize: Int
  /// Texts of at least this many words are compared as sets of words (shingles of one word);
  /// shorter ones by ``shingleSize``-word shingles. 0 turns word sets off.
  ///
  /// A campaign's template varies what a long text holds: clauses in another order, a product
  /// name swapped, a typo or two. Three-word shingles let fifteen verified reviews from new
  /// accounts through, one sentence of thirteen words in three orders with typos (black-box
  /// review 129: similarity 0.2-0.4), while word sets put 87 % of such pairs above 0.6. Short
  /// praise is another matter: "Good quality, fast shipping." and "Fast shipping, good quality!"
  /// are the same four words from different buyers, and as word sets a genuine verified week of
  /// such reviews read as one template (black-box review 130).
  public var wordSetMinimumWords: Int
  /// MinHash functions per text: the estimate's standard error is about
  /// `sqrt(J(1-J)/signatureSize)`, ±0.06 at the 0.6 threshold with 64.
  public var signatureSize: Int
  /// Words a text needs to count as a template in a window of mostly *verified* reviews.
  ///
  /// Verified purchases can be bought too (orders placed only to post a review). Such a window
  /// of new accounts (or of reviewers not named) is a burst only when it shows both signs of
  /// coordination at once: most of it near-identical texts of at least this many words, each
  /// template repeated at least three times, and most of it ratings within one star. Real buyers
  /// who write "good" or "great product" agree by chance; a rush of them gives varied texts or
  /// mixed ratings.
  public var templateMinimumWords: Int
  /// The share of the template reviews of a mostly *verified* window that must come from new
  /// accounts when no one template makes ``nearIdenticalShare`` of it, only several together
  /// (counted among the templates' own reviews, not the window's; never met where
  /// reviewers are not named, or too few return: nothing then tells a campaign's accounts from
  /// buyers').
  ///
  /// Real buyers reuse stock phrases ("Good quality and fair price."): in a busy holiday week
  /// of verified orders, two thirds of them first-time buyers, three such phrases each written
  /// three times or more made half the window, and the rotating-templates rule flagged and
  /// penalised a genuine rush (black-box review 129). A campaign that rotates templates posts
  /// from throw-away accounts, most of them new (three in four: at nine in ten, one aged
  /// account per eight new ones evaded it, black-box review 134; short stock praise is kept out
  /// by ``rotationMinimumWords``); one template repeated by half the window
  /// needs only ``newReviewerShare``.
  public var templateRotationNewShare: Double
  /// Words each of several rotating templates needs (see ``templateRotationNewShare``).
  ///
  /// Short praise ("Good quality, fast shipping.", "Great product, will order again.") is what
  /// genuine first-time buyers write too: a holiday week of them among established buyers'
  /// reviews read as three rotating templates from new accounts (black-box review 133, 11 of 15
  /// such weeks flagged). Three sentences of eight words or more, each repeated, are no chance.
  public var rotationMinimumWords: Int
  /// How much of a typical supplier's reviews (the median over suppliers) must come from
  /// reviewers with a history (verified reviews of two suppliers or more; any reviews when the
  /// catalog states no verification) for a reviewer's lack of one to mark a throw-away account.
  ///
  /// In a catalog whose reviewers hardly ever review twice, every reviewer is "new": a genuine
  /// busy fortnight of mostly five-star, partly unverified reviews then passed for new accounts
  /// giving one rating, and ten of a thousand generated suppliers lost nine points when each
  /// review had a reviewer id of its own (black-box review 129's catalog, reviewer ids made
  /// unique). Below this share the catalog is screened as one that names no reviewers: texts,
  /// verification and pace must show the campaign.
  public var returningReviewerShare: Double
  /// How many times the supplier's own pace a window must reach for uniform ratings alone (with
  /// no shared texts) to mark it.
  ///
  /// A supplier reviewed a dozen times a week by new, often unverified buyers, half of them
  /// giving five stars, has some week with eight five-star reviews out of ten by chance: scanned
  /// over a year, such a coincidence turned up and flagged a steady, genuine flow (a black-box
  /// review's case). A campaign is a rush: it holds several times the reviews the supplier's
  /// other days give a window of its length. Shared texts are no coincidence and need no rush.
  /// 0 turns the condition off.
  public var paceFactor: Double
  /// How unlikely by chance one star rating must be for it alone to mark a mostly *verified*
  /// window of new accounts that shares no template texts.
  ///
  /// Campaigns of bought verified orders often post no text, or varied short ones ("73 fresh
  /// five-star reviews from brand-new accounts"). Real new buyers agree too, but only so far: the
  /// window is marked when at least ``uniformRatingShare`` of it gives one rating, in a rush
  /// (``paceFactor``), and the chance of that many or more giving it is below this value, were
  /// each review to give it as often as the other suppliers' reviews do, or the supplier's own other
  /// reviews (whichever is more often; the latter with one review of each kind added), counting
  /// only new accounts' reviews; for praise only (4 or 5 stars), as verified complaints are genuine.
  /// 73 of 73 at the catalog's 70 % five stars: about 5e-12; 19 of 20: 0.008; a supplier whose
  /// other reviews are 90 % five-star: 38 of 40 is likely. 0 turns the rule off.
  public var verifiedUniformChance: Double
  /// How many times the supplier's own pace an unverified window of praise must reach to be a
  /// burst without the usual proof of coordination.
  ///
  /// A campaign that alternates five and four stars with varied or no texts gives no rating to
  /// ``uniformRatingShare`` of its reviews and no template, and one whose accounts were aged with
  /// a purchase months earlier has no new accounts: black-box review 17 ranked such suppliers
  /// first (40 unverified reviews in four days at a supplier reviewed twenty times a year). A
  /// window whose reviews are mostly unverified, ``uniformRatingShare`` of them praise (4 or 5
  /// stars), holding this many times the reviews the supplier's other days give a window of its
  /// length, is a burst when it also comes mostly from new accounts, or mostly copies one text
  /// whatever the accounts. Real buyers' praise does not arrive unverified at ten times the usual
  /// pace. (Aged accounts posting one rating with no text are not caught: established accounts'
  /// recent weeks outpace a growing supplier's history by chance.) 0 turns the rule off.
  public var praiseRushFactor: Double
  /// The span, in days, over which a campaign kept up slowly enough to stay under
  /// ``minimumReviews`` in every ``windowDays`` window is looked for.
  ///
  /// Sixty five-star reviews from throw-away, unverified accounts, one every two days for four
  /// months, never put ten in a fortnight, and lifted a supplier above its honest twin
  /// (black-box review 38). A span of at most this many days starts such a campaign when at least
  /// twice ``minimumReviews`` new, unverified accounts give one rating in it, halfway from
  /// ``uniformRatingShare`` to all of those accounts' reviews there and ``uniformRatingShare`` of
  /// all its reviews (genuine growth brings verified buyers and other ratings along: black-box
  /// review 41), with ``newReviewerShare`` and ``unverifiedShare`` of them, at ``paceFactor`` times the pace of the supplier's
  /// history before it, a history less than half of such accounts; the campaign then runs for as
  /// long as they keep posting that rating no more than ``windowDays`` apart. A supplier's first
  /// reviews have no pace to outrun: they start one only when such accounts giving one rating
  /// are halfway from ``uniformRatingShare`` to all of the span's reviews (black-box review 118), and one whose buyers were mostly such accounts grows rather
  /// than campaigns (review 39 saw both flagged when the whole of the other days set the pace,
  /// and review 40 a campaign longer than the span set its own). Only more than ``windowDays``
  /// turns the rule on; 0 turns it off.
  public var campaignWindowDays: Int

  /// The documented defaults.
  public static let `default` = BurstPolicy()

  /// Makes a burst policy; every threshold not given keeps its documented default.
  public init(
    windowDays: Int = BurstPolicy.defaultWindowDays,
    minimumReviews: Int = BurstPolicy.defaultMinimumReviews,
    newReviewerShare: Double = BurstPolicy.defaultNewReviewerShare,
    unverifiedShare: Double = BurstPolicy.defaultUnverifiedShare,
    textSimilarity: Double = BurstPolicy.defaultTextSimilarity,
    nearIdenticalShare: Double = BurstPolicy.defaultNearIdenticalShare,
    uniformRatingShare: Double = BurstPolicy.defaultUniformRatingShare,
    shingleSize: Int = BurstPolicy.defaultShingleSize,
    wordSetMinimumWords: Int = BurstPolicy.defaultWordSetMinimumWords,
    signatureSize: Int = BurstPolicy.defaultSignatureSize,
    templateMinimumWords: Int = BurstPolicy.defaultTemplateMinimumWords,
    templateRotationNewShare: Double = BurstPolicy.defaultTemplateRotationNewShare,
    rotationMinimumWords: Int = BurstPolicy.defaultRotationMinimumWords,
    returningReviewerShare: Double = BurstPolicy.defaultReturningReviewerShare,
    paceFactor: Double = BurstPolicy.defaultPaceFactor,
    verifiedUniformChance: Double = BurstPolicy.defaultVerifiedUniformChance,
    praiseRushFactor: Double = BurstPolicy.defaultPraiseRushFactor,
    campaignWindowDays: Int = BurstPolicy.defaultCampaignWindowDays
  ) {
    self.windowDays = windowDays
    self.minimumReviews = minimumReviews
    self.newReviewerShare = newReviewerShare
    self.unverifiedShare = unverifiedShare
    self.textSimilarity = textSimilarity
    self.nearIdenticalShare = nearIdenticalShare
    self.uniformRatingShare = uniformRatingShare
    self.shingleSize = shingleSize
    self.wordSetMinimumWords = wordSetMinimumWords
    self.signatureSize = signatureSize
    self.templateMinimumWords = templateMinimumWords
    self.templateRotationNewShare = templateRotationNewShare
    self.rotationMinimumWords = rotationMinimumWords
    self.returningReviewerShare = returningReviewerShare
    self.paceFactor = paceFactor
    self.verifiedUniformChance = verifiedUniformChance
    self.praiseRushFactor = praiseRushFactor
    self.campaignWindowDays = campaignWindowDays
  }
}

/// One detected burst of suspicious reviews of one supplier.
public struct ReviewBurst: Sendable, Equatable {
  /// The day of the burst's first review.
  public var start: Day
  /// The day of the burst's last review.
  public var end: Day
  /// Every review dated `start...end`, as indices into the array passed to
  /// ``ReviewBurstDetector/detect(_:reviewCount:)``, ascending.
  public var reviewIndices: [Int]
  /// `reviewIndices.count`.
  public var reviewCount: Int
  /// The share of the burst's reviews from reviewers of no other supplier (or no reviewer id).
  public var newReviewerShare: Double
  /// The share of the burst's reviews not marked as a verified purchase.
  public var unverifiedShare: Double
  /// The share of the burst's reviews in its largest group of near-identical texts.
  public var nearIdenticalShare: Double
  /// The share of the burst's reviews rated 5. Reported, not a condition: a competitor's
  /// one-star campaign leaves the same pattern and is just as misleading.
  public var fiveStarShare: Double
  /// The mean rating of the burst's reviews that do not oppose its commonest rating (pans among
  /// praise are left out, as in the window's shares): above the supplier's other reviews for a
  /// campaign that inflates, below for one that attacks.
  public var meanRating: Double
  /// One line for reports, such as "38 reviews 2026-03-02…2026-03-04: 92% from reviewers with no
  /// other review, 87% unverified, 74% near-identical text, 100% five-star". Percentages are
  /// rounded down, so a share shown as 60% is never below 60%.
  public var detail: String
  /// When the burst was found only among new, unverified accounts giving one rating, with genuine
  /// reviews of the same days around them: those ratings (1...5). Only such reviews are the
  /// campaign's; first-time buyers' verified reviews of those days are not (black-box review 29
  /// saw nine verified complaints discounted with a campaign of twelve five-star reviews). Set
  /// the same way for a campaign kept up for months; nil for every other burst.
  public var campaignStars: Set<Int>? = nil
  /// The star rating most of the burst's reviews give (1...5): praise (4 or 5) for a campaign that
  /// inflates, a pan (1 or 2) for one that attacks.
  public var commonestStar = 5
  /// Whether the burst is rated below both the supplier's other reviews and the catalog's mean
  /// (an attack, or a bad batch that looks like one): set by the scorer, which discounts such a
  /// burst only down to the weight of a cluster short of a burst and holds it not against the
  /// supplier. Every other burst inflated the rating.
  public var lowersRating = false
  /// Of a burst that lowers the rating: whether its discounted praise (four or five stars) is
  /// as many reviews as a burst needs (`minimum_reviews`) on its own, a campaign of its own held
  /// against the supplier as any inflating burst is. More planted complaints than bought praise
  /// in the same days had made the window an attack and cleared the campaign's penalty and
  /// warning (black-box review 150: +22 points for the eleventh complaint).
  public var alsoInflates = false
}

/// Finds bursts of purchased reviews in one supplier's reviews.
///
/// A window is a span of at most ``BurstPolicy/windowDays`` days that starts and ends on a day
/// with reviews. It is a burst window when it holds at least ``BurstPolicy/minimumReviews``
/// reviews and reaches every share of the policy. Overlapping burst windows are merged, and each
/// merged run is reported once, trimmed to the days of the near-identical texts that made its
/// windows bursts.
///
/// Windows of every length up to `windowDays`, rather than only full-length ones, keep a
/// two-day campaign from being diluted by the ordinary reviews of the five days around it, which
/// matters for busy suppliers with several reviews a day. There are at most
/// `windowDays` windows per day with reviews, and each costs O(1) for counts and shares from
/// prefix sums, so scanning is linear in the number of reviews after sorting by date.
///
/// Text is only looked at inside *candidate* windows — those that already reach the review
/// count, new-reviewer and unverified shares — because normalising and hashing all of a large
/// supplier's texts would cost far more than the counting. Near-identical groups are formed once
/// per run of overlapping candidate windows (not once per window) as connected components of
/// "estimated Jaccard ≥ ``BurstPolicy/textSimilarity``" over the run's distinct normalised texts;
/// a window's largest group is then the largest of those components counted within the window.
/// Variants of one campaign phrase thereby stay one group even when the variant linking them
/// was posted just outside the window.
///
/// The result depends only on the reviews, not on their order: windows are sets of days,
/// groups are connected components, and nothing depends on the iteration order of a hashed
/// collection or on `Hasher` (randomly seeded per process).
///
/// Known limit: the shares are of *all* reviews in a window, so at a supplier with dozens of
/// ordinary reviews every day, a campaign smaller than a few days' ordinary volume stays below
/// the thresholds (60 purchased reviews over three days among some 35 ordinary reviews a day
/// are not found). Finding those would need shares measured against the supplier's own
/// baseline, which the policy does not define.
public struct ReviewBurstDetector: Sendable {
  /// The thresholds in use.
  public let policy: BurstPolicy
  let hasher: MinHasher
  let banding: LSHBanding
  /// Runs with at most this many distinct texts compare every pair of texts, exactly as the
  /// policy states the rule; larger ones compare only the candidate pairs from LSH banding.
  let allPairsLimit: Int

  /// Whether the catalog names reviewers at all. When it does not (the optional `reviewer_id`
  /// column is absent or empty throughout), nobody can be told to be new: the new-reviewer share
  /// is not a condition, and only near-identical texts can show coordination.
  public var reviewersGiven = true
  /// Whether the catalog names reviewers but too few of them have a history to tell
  /// (``BurstPolicy/returningReviewerShare``): every reviewer is then "new", one rating given
  /// by new, unverified accounts in a rush (alone or among genuine reviews) marks a window only
  /// beyond chance (as ``BurstPolicy/verifiedUniformChance`` judges verified ones), and a
  /// mostly verified window's templates count only when one of them makes
  /// ``BurstPolicy/nearIdenticalShare`` alone.
  public var reviewersRarelyReturn = false
  /// Whether the catalog says of any review whether the purchase was verified. When it does
  /// not, the unverified share is not a condition, and only near-identical texts can show
  /// coordination: a busy week of varied five-star reviews is not a campaign for lack of columns.
  public var verificationGiven = true
  /// How often the reviews of the catalog's other suppliers give each star rating (lanes 1...5,
  /// summing to 1), for ``BurstPolicy/verifiedUniformChance``; nil leaves that rule off.
  public var catalogStarShares: SIMD8<Double>?
  /// Whether the supplier's verified flags are doubted (it claims more verified reviews than its
  /// transactions back) and its reviews are therefore all read as unverified: then a lack of
  /// verified history says nothing about a rush of praise.
  public var verificationDoubted = false

  /// A detector applying `policy` (the documented defaults when omitted).
  public init(policy: BurstPolicy = .default) {
    self.init(policy: policy, allPairsLimit: 256)
  }

  init(policy: BurstPolicy, allPairsLimit: Int) {
    self.policy = policy
    hasher = MinHasher(
      shingleSize: policy.shingleSize, signatureSize: policy.signatureSize,
      wordSetMinimumWords: policy.wordSetMinimumWords)
    banding = LSHBanding.choose(signatureSize: hasher.signatureSize, threshold: policy.textSimilarity)
    self.allPairsLimit = allPairsLimit
  }

  /// Whether a reviewer id is empty or only white space (no identity, so no history).
  static func isBlank(_ id: String) -> Bool {
    // Byte by byte: an ASCII letter or digit (the first byte of nearly every id) settles it at
    // once; only a non-ASCII byte needs Unicode's white space. Runs for up to a million reviews.
    var id = id
    let answer: Bool? = id.withUTF8 { bytes in
      for byte in bytes {
        if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
        return byte < 0x80 ? false : nil
      }
      return true
    }
    return answer ?? id.allSatisfy(\.isWhitespace)
  }

  /// The bursts in one supplier's reviews, ordered by start day.
  ///
  /// - Parameters:
  ///   - reviews: One supplier's reviews in any order.
  ///   - reviewCount: How many reviews the reviewer with this id wrote in the whole catalog,
  ///     this supplier's included. A reviewer with no more reviews than they wrote of this
  ///     supplier has no other history. Called at most once per distinct reviewer id, and not at
  ///     all when there are too few reviews for a burst.
  public func detect(_ reviews: [Review], reviewCount: (String) -> Int) -> [ReviewBurst] {
    let minimum = max(1, policy.minimumReviews)
    guard reviews.count >= minimum else { return [] }
    // No history is needed unless some stretch of `windowDays` holds enough reviews (checked
    // generously: a span of up to `windowDays` days between first and last).
    let days = reviews.map(\.date.daysSinceEpoch).sorted()
    // Or a months-long campaign's span its count (see ``BurstPolicy/campaignWindowDays``).
    func crowded(within span: Int, holding count: Int) -> Bool {
      var start = 0
      for end in days.indices {
        while days[end] - days[start] > Int32(max(1, span)) { start += 1 }
        if end - start + 1 >= count { return true }
      }
      return false
    }
    guard
      crowded(within: policy.windowDays, holding: minimum)
        || (policy.campaignWindowDays > policy.windowDays
          && crowded(within: policy.campaignWindowDays, holding: 2 * minimum))
    else { return [] }
    var here: [String: Int] = [:]
    for review in reviews { if let id = review.reviewerID { here[id, default: 0] += 1 } }
    var known: [String: Bool] = [:]
    let isNew = reviews.map { review -> Bool in
      guard let id = review.reviewerID, !Self.isBlank(id) else { return true }
      if let answer = known[id] { return answer }
      let answer = reviewCount(id) <= here[id]!
      known[id] = answer
      return answer
    }
    return detect(reviews, isNewReviewer: isNew)
  }

  /// The bursts in one supplier's reviews, given for each review (same order) whether its
  /// reviewer has reviewed no other supplier in the catalog. A review without a reviewer counts as new.
  /// Scoring passes flags it worked out with array arithmetic, without any look-up by id.
  public func detect<R: BurstEvidence>(_ reviews: [R], isNewReviewer: [Bool]) -> [ReviewBurst] {
    precondition(isNewReviewer.count == reviews.count, "one flag per review")
    let minimum = max(1, policy.minimumReviews)
    guard reviews.count >= minimum else { return [] }
    let timeline = Timeline(reviews, windowDays: max(1, policy.windowDays))
    let signals = Signals(timeline: timeline, reviews: reviews, isNewReviewer: isNewReviewer)
    let candidates = candidateWindows(timeline, signals, minimum: minimum)
    var signatureCache = SignatureStore()
    var bursts: [ReviewBurst] = []
    for run in overlappingRuns(candidates) {
      var groups = textGroups(
        positions: timeline.positions(run.cover), timeline: timeline, reviews: reviews,
        cache: &signatureCache)
      let qualifying = run.windows.compactMap {
        burstWindow($0, timeline: timeline, signals: signals, groups: &groups, reviews: reviews)
      }
      for cluster in overlappingRuns(qualifying.map(\.window)) {
        let marked = qualifying.filter { cluster.cover.contains($0.window) }
        let span = reportedSpan(cluster.cover, marked: marked, timeline: timeline, minimum: minimum)
        var found = burst(
          span, reasons: Set(marked.map(\.reason)).sorted(),
          pace: marked.compactMap { paceMultiple($0.window, timeline) }.max(), timeline: timeline,
          signals: signals, groups: &groups, reviews: reviews)
        if marked.allSatisfy({ $0.reason == .amongGenuine }) {
          found.campaignStars = Set(marked.compactMap(\.star))
        }
        bursts.append(found)
      }
    }
    // Campaigns kept up below the count of any one window, unless the bursts found already hold
    // every review they mark; reported beside those bursts otherwise (dropping one that
    // overlapped a burst of a fortnight left the rest of its months counted in full: code
    // review).
    for campaign in sustainedCampaigns(timeline, signals, reviews: reviews)
    where
      !(campaign.marked.map { marked in
        marked.allSatisfy { position in
          let day = timeline.day(timeline.dayIndex[position])
          return !signals.isNewUnverified(position) || bursts.contains { $0.start <= day && day <= $0.end }
        }
      } ?? true)
    {
      let span = reportedSpan(campaign.window, marked: [campaign], timeline: timeline, minimum: minimum)
      var groups = textGroups(
        positions: timeline.positions(span), timeline: timeline, reviews: reviews, cache: &signatureCache)
      var found = burst(
        span, reasons: [.sustained], pace: paceAgainstHistoryBefore(campaign.window, timeline),
        timeline: timeline,
        signals: signals, groups: &groups, reviews: reviews)
      found.campaignStars = campaign.star.map { [$0] }
      bursts.append(found)
    }
    return bursts.sorted { $0.start < $1.start }
  }

  /// The spans in which new, unverified accounts keep giving one rating (see
  /// ``BurstPolicy/campaignWindowDays``), each found from a span of at most that many days that
  /// qualifies against the supplier's history *before* it, and followed for as long as those
  /// accounts keep posting that rating no more than ``BurstPolicy/windowDays`` apart, each
  /// `window_days` behind as dense as the campaign that started it and still outpacing the
  /// history.
  ///
  /// The history before the span, not every other day: a campaign longer than the span had set
  /// its own pace and hidden in it (black-box review 40: sixty reviews over 160 days or more
  /// went unflagged). A history mostly of such accounts is the supplier's own kind of buyer (a
  /// flow that grows, not a campaign), and a supplier's first reviews have no pace to outrun
  /// (review 39: genuine growth and a new supplier's first months had been flagged): they are a
  /// campaign only with little else beside them.
  private func sustainedCampaigns<R: BurstEvidence>(
    _ timeline: Timeline, _ signals: Signals, reviews: [R]
  ) -> [BurstWindow] {
    let days = policy.campaignWindowDays
    guard days > policy.windowDays, reviewersGiven, verificationGiven else { return [] }
    let needed = 2 * max(1, policy.minimumReviews)
    var found: [BurstWindow] = []
    var last = 0
    for first in timeline.dayIndices {
      if let previous = found.last, first <= previous.window.last { continue }
      last = max(last, first)
      while last + 1 < timeline.dayCount && timeline.span(first, last + 1) <= days { last += 1 }
      let window = DayWindow(first: first, last: last)
      let stars = signals.newUnverifiedStars(window, timeline)
      var best = 5
      for candidate in stride(from: 4, through: 1, by: -1) where stars[candidate] > stars[best] {
        best = candidate
      }
      let count = Int(stars[best])
      guard count >= needed else { continue }
      let tally = signals.tally(window, timeline)
      // Halfway from `uniform_rating_share` to all: over months, genuine first-time buyers give
      // 80 % five stars too (black-box review 41: a seasonal peak, a year's slow growth and a
      // recovery after a bad batch were flagged), a campaign all but one rating.
      let uniform = (1 + policy.uniformRatingShare) / 2
      // And the campaign's reviews `uniform_rating_share` of all the span's: genuine growth
      // brings verified buyers along (a third of a growing supplier's new reviews were).
      guard share(count, of: Int(stars.wrappedSum())) >= uniform,
        share(count, of: tally.count) >= policy.uniformRatingShare,
        share(tally.new, of: tally.count) >= policy.newReviewerShare,
        share(tally.unverified, of: tally.count) >= policy.unverifiedShare
      else { continue }
      // The history before the span: its pace, and whether its buyers were of the same kind.
      // With none (the supplier's first reviews), there is no pace to outrun: its first reviews
      // are such a campaign only when little else is in the span, halfway from
      // `uniform_rating_share` to all of them new, unverified accounts giving one rating (black-
      // box review 118: 73 five-star reviews from throw-away accounts over a month or more took a
      // supplier without reviews from 17th to first). A newcomer's genuine first buyers bring
      // another rating or a verified order along (review 39's first three months: a fifth of
      // them four stars).
      let before = DayWindow(first: 0, last: first - 1)
      let historyCount = first > 0 ? timeline.count(before) : 0
      if historyCount == 0 {
        guard share(count, of: tally.count) >= uniform else { continue }
      } else {
        let historySameKind = Int(signals.newUnverifiedStars(before, timeline).wrappedSum())
        guard 2 * historySameKind < historyCount,
          let pace = paceAgainstHistoryBefore(window, timeline), pace >= max(1, policy.paceFactor)
        else { continue }
      }
      // The history's pace, to stop following the campaign once it slows to it.
      let expectedPerDay = historyCount == 0 ? 0 : historyPerDay(before: first, timeline)
      // Followed while the campaign's accounts keep coming: no gap of more than `window_days`
      // between them, and past the first span, the `window_days` behind each still as dense as
      // the campaign that started it (a steady trickle of such buyers afterwards is not it).
      var end = first
      var lastMarked: Int?
      var marked: ClosedRange<Int>?
      var markedDays: [Int32] = []
      var trailing = 0
      // The last day past the first span whose reviews were judged to join the campaign.
      var joinedDay: Int?
      var position = timeline.dayStart[first]
      while position < timeline.order.count {
        let day = timeline.dayIndex[position]
        if let lastMarked, timeline.span(timeline.dayIndex[lastMarked], day) > policy.windowDays + 1,
          day > last
        {
          break
        }
        if signals.isNewUnverified(position) && Self.star(reviews[timeline.order[position]].rating) == best {
          let today = timeline.days[day]
          if day > last && day != joinedDay {
            // The fortnight behind it must keep the campaign's own density (the count that
            // started it, spread over the span) and its pace over the history: the span behind
            // would still hold the campaign itself for months, and had let a later trickle of
            // such buyers join it. Judged once a day, with all of the day's reviews of the
            // campaign: a batch posted a fortnight after the last had been judged review by
            // review, and the newest of a campaign's batches kept its weight (black-box burst
            // review).
            let fortnight = Int32(max(1, policy.windowDays))
            while trailing < markedDays.count && today - markedDays[trailing] >= fortnight { trailing += 1 }
            let sameDay = (position..<timeline.dayStart[day + 1]).filter {
              signals.isNewUnverified($0) && Self.star(reviews[timeline.order[$0]].rating) == best
            }.count
            let recent = Double(markedDays.count - trailing + sameDay)
            let density = Double(needed) * Double(fortnight) / Double(days)
            if recent < density || recent < max(1, policy.paceFactor) * expectedPerDay * Double(fortnight) {
              break
            }
            joinedDay = day
          }
          markedDays.append(today)
          marked =
            marked.map { min($0.lowerBound, position)...max($0.upperBound, position) } ?? position...position
          lastMarked = position
          end = max(end, day)
        }
        position += 1
      }
      found.append(
        BurstWindow(
          window: DayWindow(first: first, last: max(end, first)), marked: marked, reason: .sustained,
          star: best))
    }
    return found
  }

  // MARK: - Windows

  /// Counts and the new-reviewer and unverified shares decide candidacy: they are cheap (prefix
  /// sums) and rule out almost every window of ordinary reviews, whose buyers are mostly
  /// established and 60 % verified.
  private func candidateWindows(_ timeline: Timeline, _ signals: Signals, minimum: Int) -> [DayWindow] {
    var windows: [DayWindow] = []
    for first in timeline.dayIndices {
      var last = first
      while last < timeline.dayCount && timeline.span(first, last) <= timeline.windowDays {
        let window = DayWindow(first: first, last: last)
        let tally = signals.tally(window, timeline)
        let count = tally.count
        if count >= minimum {
          // Mostly verified windows stay candidates when nearly all their ratings lie within one
          // star (5 and 4, say): a bought campaign of verified reviews needs both signs of
          // coordination (its template texts are checked in `burstWindow`).
          if (!reviewersGiven || share(tally.new, of: count) >= policy.newReviewerShare)
            && (!verificationGiven
              || share(tally.unverified, of: count) >= policy.unverifiedShare
              || share(tally.adjacent, of: count) >= policy.uniformRatingShare)
          {
            windows.append(window)
          } else if isRush(window, tally, timeline) {
            windows.append(window)
          } else if campaignAmongGenuine(window, timeline, signals) != nil {
            windows.append(window)
          }
        }
        last += 1
      }
    }
    return windows
  }

  /// The window as a burst window with the reviews that make it one (its largest near-identical
  /// group(s), or else the reviews giving its most common rating), or nil when neither texts nor
  /// ratings look coordinated.
  private func burstWindow<R: BurstEvidence>(
    _ window: DayWindow, timeline: Timeline, signals: Signals, groups: inout TextGroups, reviews: [R]
  ) -> BurstWindow? {
    if let found = coordinatedWindow(
      window, timeline: timeline, signals: signals, groups: &groups, reviews: reviews)
    {
      return found
    }
    guard let star = campaignAmongGenuine(window, timeline, signals) else { return nil }
    var marked: ClosedRange<Int>?
    for position in timeline.positions(window)
    where signals.isNewUnverified(position)
      && Self.star(reviews[timeline.order[position]].rating) == star
    {
      marked =
        marked.map { min($0.lowerBound, position)...max($0.upperBound, position) } ?? position...position
    }
    return BurstWindow(window: window, marked: marked, reason: .amongGenuine, star: star)
  }

  /// The rating that at least ``BurstPolicy/minimumReviews`` new, unverified accounts give in
  /// the window, making ``BurstPolicy/uniformRatingShare`` of those accounts' reviews there, in a
  /// rush of ``BurstPolicy/praiseRushFactor`` times the supplier's pace; nil otherwise. Judged
  /// among those accounts alone: at a busy supplier genuine buyers' reviews of the same days
  /// diluted the window's shares, and twelve bought five-star reviews among twelve genuine ones
  /// went unseen (black-box review 26).
  private func campaignAmongGenuine(_ window: DayWindow, _ timeline: Timeline, _ signals: Signals) -> Int? {
    guard reviewersGiven, verificationGiven, policy.praiseRushFactor > 0 else { return nil }
    let stars = signals.newUnverifiedStars(window, timeline)
    var best = 5
    for candidate in stride(from: 4, through: 1, by: -1) where stars[candidate] > stars[best] {
      best = candidate
    }
    let count = Int(stars[best])
    guard count >= max(1, policy.minimumReviews),
      share(count, of: Int(stars.wrappedSum())) >= policy.uniformRatingShare,
      outpacesHistory(window, timeline, factor: policy.praiseRushFactor)
        || newUnverifiedOutpace(window, timeline, signals, star: best, count: count)
    else { return nil }
    // Where nearly every reviewer is "new" (see `reviewersRarelyReturn`), only beyond chance.
    if reviewersRarelyReturn {
      guard policy.verifiedUniformChance > 0, let catalog = catalogStarShares else { return nil }
      let (chance, _) = uniformChance(
        window, star: best, count: count, of: Int(stars.wrappedSum()), timeline: timeline, signals: signals,
        catalog: catalog)
      guard chance < policy.verifiedUniformChance else { return nil }
    }
    return best
  }

  /// Whether `count` reviews of `star` from new, unverified accounts in `window` come at
  /// ``BurstPolicy/praiseRushFactor`` times the pace such reviews keep on the supplier's other
  /// days (always, when they keep none). The pace of all its reviews let a busy supplier's
  /// genuine flow hide a week of bought praise: twenty five-star reviews from never-seen,
  /// unverified accounts over seven days among 1,000 verified ones over two years were 2x that
  /// pace, and outranked the twin without them (black-box burst review).
  private func newUnverifiedOutpace(
    _ window: DayWindow, _ timeline: Timeline, _ signals: Signals, star: Int, count: Int
  ) -> Bool {
    let all = DayWindow(first: 0, last: timeline.dayCount - 1)
    let outside = Int(signals.newUnverifiedStars(all, timeline)[star]) - count
    let length = timeline.span(window.first, window.last)
    let otherDays = timeline.span(0, timeline.dayCount - 1) - length
    guard otherDays > 0 else { return false }
    let expected = Double(max(0, outside)) / Double(otherDays) * Double(length)
    return Double(count) >= policy.praiseRushFactor * expected
  }

  private func coordinatedWindow<R: BurstEvidence>(
    _ window: DayWindow, timeline: Timeline, signals: Signals, groups: inout TextGroups, reviews: [R]
  ) -> BurstWindow? {
    let positions = timeline.positions(window)
    // Shares of the reviews that do not oppose the window's commonest rating.
    let tally = signals.tally(window, timeline)
    // Nearly every window has no opposing review: then every position counts, unchecked.
    let everyOneCounts = tally.count == positions.count
    let counted = { (position: Int) in
      everyOneCounts
        || !Self.opposes(Self.star(reviews[timeline.order[position]].rating), commonest: tally.commonest)
    }
    let largest = groups.largest(in: positions, where: counted)
    var marked: ClosedRange<Int>?
    // Established buyers' verified reviews are never the campaign's: marking one that gave the
    // campaign's rating stretched the reported span past the policy's window (black-box review
    // 29: "41 reviews 2026-09-29…2026-10-14" for forty posted 10-10…10-14).
    func mark(_ position: Int) {
      guard !signals.isEstablishedVerified(position) else { return }
      marked =
        marked.map { min($0.lowerBound, position)...max($0.upperBound, position) } ?? position...position
    }
    // Mostly verified (see `candidateWindows`): templates of real words, each repeated, and
    // ratings within one star, both.
    if verificationGiven, share(tally.unverified, of: tally.count) < policy.unverifiedShare {
      // Its ratings made it a candidate. Screening without texts (`nearIdenticalShare` 0) lets
      // the ratings alone through.
      var reason = BurstReason.verifiedTemplates
      if policy.nearIdenticalShare > 0 {
        let templated = groups.templated(in: positions, where: counted)
        // One template alone needs the usual share of new accounts. Several together need long
        // ones (`rotation_min_words`), nearly all of whose reviews come from new accounts
        // (`template_rotation_new_share`), judged among those reviews: genuine buyers of the same
        // days diluted the window's share, and twenty from fresh accounts among three genuine
        // reviews passed (black-box review 130).
        let oneTemplate = share(templated.largest, of: tally.count) >= policy.nearIdenticalShare
        var rotationFromNewAccounts = false
        if !oneTemplate, reviewersGiven, !reviewersRarelyReturn {
          let long = templated.groups.filter { groups.isLong($0) }
          var inLong = 0
          var newInLong = 0
          for position in positions where counted(position) && long.contains(groups.group(position)) {
            inLong += 1
            if signals.isNew(position) { newInLong += 1 }
          }
          rotationFromNewAccounts =
            share(inLong, of: tally.count) >= policy.nearIdenticalShare
            && share(newInLong, of: inLong) >= policy.templateRotationNewShare
        }
        // Where accounts tell nothing (not named, or hardly any seen twice), a template of
        // verified reviews must come in a rush: a steady supplier's buyers repeat its stock
        // phrases at its usual pace (black-box review 132: 400 verified reviews at 4.8 flagged
        // and ranked below three five-star ones, in a catalog of one reviewer id per review).
        let accountsTell = reviewersGiven && !reviewersRarelyReturn
        if templated.count > 0, share(templated.count, of: tally.count) >= policy.nearIdenticalShare,
          oneTemplate || rotationFromNewAccounts, accountsTell || outpacesHistory(window, timeline)
        {
          for position in positions
          where counted(position) && templated.groups.contains(groups.group(position)) {
            mark(position)
          }
        } else {
          reason = .verifiedImprobableRating
          guard
            let star = improbablyCommonStar(window, timeline: timeline, signals: signals, reviews: reviews)
          else { return nil }
          for position in positions where Self.star(reviews[timeline.order[position]].rating) == star {
            mark(position)
          }
        }
      } else {
        for position in positions { mark(position) }
      }
      return BurstWindow(window: window, marked: marked, reason: reason)
    }
    let newEnough = !reviewersGiven || share(tally.new, of: tally.count) >= policy.newReviewerShare
    // Where accounts tell nothing, copied texts must come in a rush too (see above).
    if newEnough && share(largest.size, of: tally.count) >= policy.nearIdenticalShare,
      reviewersGiven && !reviewersRarelyReturn || outpacesHistory(window, timeline)
    {
      if largest.size > 0 {
        for position in positions where counted(position) && largest.groups.contains(groups.group(position)) {
          mark(position)
        }
      }
      return BurstWindow(window: window, marked: marked, reason: .nearIdentical)
    }
    // Uniform ratings alone show coordination only beside both account signals, and in a rush.
    // Judged among the new accounts' reviews too, when they alone hold the minimum: at a busy
    // supplier the genuine reviews of the same days diluted a campaign of fifteen five-star
    // reviews to 79 % (black-box review 19), while six new buyers' praise in a growing month is
    // no campaign (review 21 saw one flagged).
    if newEnough && reviewersGiven && verificationGiven, outpacesHistory(window, timeline),
      share(tally.commonestCount, of: tally.count) >= policy.uniformRatingShare
        || (tally.newOwnCommonestCount >= max(1, policy.minimumReviews)
          && share(tally.newOwnCommonestCount, of: tally.new) >= policy.uniformRatingShare)
    {
      let star =
        share(tally.commonestCount, of: tally.count) >= policy.uniformRatingShare
        ? tally.commonest : tally.newOwnCommonest
      // Where nearly every reviewer is "new", new accounts are no sign: the rating must be
      // beyond chance too (black-box review 129's catalog with a reviewer id per review: ten
      // genuine busy fortnights, nine of eleven five-star, were flagged).
      if reviewersRarelyReturn {
        guard policy.verifiedUniformChance > 0, let catalog = catalogStarShares else { return nil }
        let count = star == tally.commonest ? tally.commonestCount : tally.newOwnCommonestCount
        let total = star == tally.commonest ? tally.count : tally.new
        let (chance, _) = uniformChance(
          window, star: star, count: count, of: total, timeline: timeline, signals: signals, catalog: catalog)
        guard chance < policy.verifiedUniformChance else { return nil }
      }
      for position in positions where Self.star(reviews[timeline.order[position]].rating) == star {
        mark(position)
      }
      return BurstWindow(window: window, marked: marked, reason: .uniformRating)
    }
    // Unverified praise in a great rush (see `praiseRushFactor`) from new accounts, or from any
    // accounts copying one text. Established accounts giving one rating are not enough: a
    // supplier's recent weeks outpace its history as the platform grows, and a genuine rush
    // whose verified flags are doubted reads as unverified (both flagged suppliers of a
    // generated catalog when allowed).
    // Without stated verification the rush must come from accounts seen nowhere else (or copy
    // one text): a busy week of varied praise from unnamed buyers is ordinary.
    let fromNewAccounts =
      verificationGiven
      ? newEnough : reviewersGiven && share(tally.new, of: tally.count) >= policy.newReviewerShare
    if isRush(window, tally, timeline),
      fromNewAccounts || share(largest.size, of: tally.count) >= policy.nearIdenticalShare
        || (tally.commonest >= 4 && isUnvouched(window, timeline, signals))
    {
      let praise = tally.commonest >= 4
      for position in positions {
        let star = Self.star(reviews[timeline.order[position]].rating)
        if praise ? star >= 4 : star <= 2 { mark(position) }
      }
      return BurstWindow(window: window, marked: marked, reason: praise ? .praiseRush : .complaintRush)
    }
    return nil
  }

  /// The star rating that at least ``BurstPolicy/uniformRatingShare`` of the window gives, in a
  /// rush, when that many or more giving it has a chance below
  /// ``BurstPolicy/verifiedUniformChance`` (see there); nil otherwise.
  private func improbablyCommonStar<R: BurstEvidence>(
    _ window: DayWindow, timeline: Timeline, signals: Signals, reviews: [R]
  ) -> Int? {
    guard policy.verifiedUniformChance > 0, reviewersGiven, let catalog = catalogStarShares,
      outpacesHistory(window, timeline)
    else { return nil }
    let tally = signals.tally(window, timeline)
    // Praise only: a wave of verified one-star complaints is a bad batch far more often than an
    // attack (an attacker would have to buy the goods), and it must count against the supplier
    // (black-box review 15 saw ten verified complaints discounted and the score rise 8 points).
    // Of the new accounts' reviews only: established buyers' in the same days are no part of it.
    let (star, count, total) = (tally.commonest, tally.newCommonestCount, tally.new)
    guard star >= 4, share(count, of: total) >= policy.uniformRatingShare else { return nil }
    let (chance, _) = uniformChance(
      window, star: star, count: count, of: total, timeline: timeline, signals: signals, catalog: catalog)
    return chance < policy.verifiedUniformChance ? star : nil
  }

  /// The chance of `count` or more of the window's reviews giving `star`, at the other suppliers' rate
  /// for it or the supplier's own outside the window (add-one, so that a small supplier's usual
  /// rating stays usual), whichever is higher; with that rate.
  private func uniformChance(
    _ window: DayWindow, star: Int, count: Int, of total: Int, timeline: Timeline, signals: Signals,
    catalog: SIMD8<Double>
  ) -> (chance: Double, rate: Double) {
    let outside = signals.stars(outside: window, timeline)
    let outsideTotal = Double(outside[1] + outside[2] + outside[3] + outside[4] + outside[5])
    // Add-one: a small supplier's own rate counts nearly as it is (five fours in eight is 60 %,
    // where ten reviews' worth of the catalog's 48 % made its typical rating look improbable).
    let own = (Double(outside[star]) + 1) / (outsideTotal + 2)
    let rate = max(catalog[star], own)
    return (Self.binomialTail(atLeast: count, of: total, each: rate), rate)
  }

  /// The probability of at least `k` successes in `n` independent trials of probability `p`.
  static func binomialTail(atLeast k: Int, of n: Int, each p: Double) -> Double {
    guard k > 0 else { return 1 }
    guard k <= n, p > 0 else { return 0 }
    guard p < 1 else { return 1 }
    // The first term from log-gamma, each next one from the last by the ratio of neighbouring
    // binomial terms; past the mode they shrink, and the sum stops once they no longer count.
    let logFirst =
      lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) + Double(k) * log(p)
      + Double(n - k) * log1p(-p)
    var term = exp(logFirst)
    var total = term
    let odds = p / (1 - p)
    var i = k
    while i < n && term > 0 {
      term *= Double(n - i) / Double(i + 1) * odds
      total += term
      if term < total * 1e-17 { break }
      i += 1
    }
    return min(1, total)
  }

  /// Whether `window` holds at least ``BurstPolicy/paceFactor`` times the reviews that the
  /// supplier's pace on the other days of its history (first review to last) gives a window of
  /// its length. A window with no other reviews, or no other days, beside it always does.
  private func outpacesHistory(_ window: DayWindow, _ timeline: Timeline) -> Bool {
    outpacesHistory(window, timeline, factor: policy.paceFactor)
  }

  /// Whether `window` holds at least `factor` times the reviews of the supplier's pace (see
  /// above); `factor` 0 is always met.
  private func outpacesHistory(_ window: DayWindow, _ timeline: Timeline, factor: Double) -> Bool {
    guard factor > 0 else { return true }
    let inside = timeline.count(window)
    let outside = timeline.dayStart[timeline.dayCount] - inside
    let length = timeline.span(window.first, window.last)
    let otherDays = timeline.span(0, timeline.dayCount - 1) - length
    guard outside > 0, otherDays > 0 else { return true }
    let expected = Double(outside) / Double(otherDays) * Double(length)
    return Double(inside) >= factor * expected
  }

  /// How many times the reviews the supplier's pace before `window` gives a window of its length
  /// `window` holds; nil when there is no earlier day.
  private func paceAgainstHistoryBefore(_ window: DayWindow, _ timeline: Timeline) -> Double? {
    guard window.first > 0 else { return nil }
    let expected =
      historyPerDay(before: window.first, timeline) * Double(timeline.span(window.first, window.last))
    return expected > 0 ? Double(timeline.count(window)) / expected : nil
  }

  /// Reviews per day before day index `first` (which must be above 0), counted up to that day,
  /// quiet days before it included: a year of silence after a busy first month is no pace to
  /// outrun (code review).
  private func historyPerDay(before first: Int, _ timeline: Timeline) -> Double {
    Double(timeline.count(DayWindow(first: 0, last: first - 1)))
      / Double(timeline.days[first] - timeline.days[0])
  }

  /// How many times the reviews the supplier's pace on its other days gives a window of its
  /// length `window` holds; nil when there is no other day to measure the pace by.
  private func paceMultiple(_ window: DayWindow, _ timeline: Timeline) -> Double? {
    let inside = timeline.count(window)
    let outside = timeline.dayStart[timeline.dayCount] - inside
    let length = timeline.span(window.first, window.last)
    let otherDays = timeline.span(0, timeline.dayCount - 1) - length
    guard outside > 0, otherDays > 0 else { return nil }
    return Double(inside) / (Double(outside) / Double(otherDays) * Double(length))
  }

  /// Whether a window of at least the minimum reviews is nearly all (``uniformRatingShare``)
  /// unverified praise (4 or 5 stars) arriving at ``BurstPolicy/praiseRushFactor`` times the
  /// supplier's pace. Complaints (1 or 2 stars) in such a rush are a campaign too, against the
  /// supplier (black-box review 19: an attack alternating one and two stars was counted in full
  /// against its victim). A catalog that names no reviewer, or states no verification, is no
  /// obstacle: the rush decides, a review not stated verified counting as not verified (where
  /// verification is not stated, the caller also asks for new accounts or one copied text).
  /// Without a verification column, 32 five-star reviews in three days from accounts seen
  /// nowhere else, fifty times the pace, had lifted a supplier above its twin unflagged
  /// (black-box review 57).
  private func isRush(_ window: DayWindow, _ tally: Tally, _ timeline: Timeline) -> Bool {
    guard policy.praiseRushFactor > 0, tally.count >= max(1, policy.minimumReviews),
      tally.commonest >= 4
        ? share(tally.unverifiedPraise, of: tally.count) >= policy.uniformRatingShare
        : tally.commonest <= 2
          && share(tally.unverifiedComplaints, of: tally.count) >= policy.uniformRatingShare
    else { return false }
    return outpacesHistory(window, timeline, factor: policy.praiseRushFactor)
  }

  /// Whether no history of the supplier vouches for an unverified rush of praise from established
  /// accounts (its verification stated and not doubted). A record outside `window` holding at
  /// least the minimum of unverified reviews vouches for it: the rush is more of the same. None
  /// does when the rush comes at ``BurstPolicy/praiseRushFactor`` squared times the pace, nor,
  /// short of that, when the supplier has fewer than the minimum of verified reviews outside
  /// `window`, or they are ``BurstPolicy/uniformRatingShare`` verified or more (the rush breaks
  /// with a verified history).
  ///
  /// Praise bought from aged accounts, each with one purchase elsewhere months before, has
  /// established reviewers but is unverified where the supplier's own buyers were verified
  /// (black-box review 35: 40 such reviews in 5 days after a review a month lifted a supplier
  /// above its twin), or where it has no verified record at all (review 38: thirty in three days
  /// lifted a new supplier above its twin); twenty in four days at over a hundred times the pace
  /// escaped both rules after ten verified and four unverified reviews (review 39). Ten reviews
  /// of a fortnight at ten or twenty times the pace after a history 40 % unverified are a busy
  /// fortnight of a generated catalog's genuine buyers, not a campaign. Doubted verification
  /// (`doubtfulVerified`) makes the history unverified, so it says nothing here.
  private func isUnvouched(_ window: DayWindow, _ timeline: Timeline, _ signals: Signals) -> Bool {
    guard verificationGiven, !verificationDoubted else { return false }
    let (count, unverified) = signals.outside(window, timeline)
    let verified = count - unverified
    // A record holding at least the minimum of unverified reviews vouches first: a supplier
    // whose buyers are unverified had been flagged for lacking verified ones (code review). As a
    // count, not a share, so that one more verified review never takes the vouching away
    // (black-box review 41: at eight verified and eight unverified, a ninth verified one made
    // the rush a campaign and cost ten points).
    // At the factor squared, nothing vouches: twelve unverified first-time buyers over four years
    // had vouched for eighteen reviews from aged accounts in four days at 125 times the pace
    // (black-box review 87), which the policy's text says no history does.
    if outpacesHistory(window, timeline, factor: policy.praiseRushFactor * policy.praiseRushFactor) {
      return true
    }
    if unverified >= max(1, policy.minimumReviews) { return false }
    return verified < max(1, policy.minimumReviews) || share(verified, of: count) >= policy.uniformRatingShare
  }

  /// The most reviews that two neighbouring star ratings (5 and 4, say) account for, from counts
  /// per star in lanes 1...5.
  static func adjacentStars(_ stars: SIMD8<Int32>) -> Int32 {
    var best: Int32 = 0
    for star in 1...4 { best = max(best, stars[star] + stars[star + 1]) }
    return best
  }

  /// A rating as whole stars, 1...5.
  static func star(_ rating: Double) -> Int { min(5, max(1, Int(rating.rounded()))) }

  /// Whether a review of `star` stars opposes a window whose commonest rating is `commonest`: a
  /// pan (1 or 2) in a window of praise (4 or 5), or praise in a window of pans. Such a review is no part
  /// of a campaign, and a window's counts and shares are taken without it, so that planting one
  /// one-star review among bought five-star ones (or a buyer's genuine complaint landing in their
  /// days) never dilutes a burst out of sight, nor lifts the supplier it would have hidden.
  static func opposes(_ star: Int, commonest: Int) -> Bool {
    !countedStars(commonest: commonest).contains(star)
  }

  /// The ratings that count in a window whose commonest rating is `commonest` (see `opposes`).
  static func countedStars(commonest: Int) -> ClosedRange<Int> {
    commonest >= 4 ? 3...5 : (commonest <= 2 ? 1...3 : 1...5)
  }

  /// A window's reviews per star (lanes 1...5), in all and from new reviewers and unverified,
  /// and the counts that decide it, without the reviews that oppose its commonest rating.
  public struct Tally: Sendable {
    /// The window's commonest star rating, 1...5 (a tie goes to the higher rating).
    public let commonest: Int
    /// Reviews that do not oppose the commonest rating.
    public let count: Int
    /// Of `count`, those from reviewers with no other history (or no reviewer id).
    public let new: Int
    /// Of `count`, those not marked as a verified purchase.
    public let unverified: Int
    /// Of `count`, those giving the commonest rating.
    public let commonestCount: Int
    /// Of `new`, those giving the commonest rating.
    public let newCommonestCount: Int
    /// The rating the new accounts give most (among the counted ones), and how many give it.
    public let newOwnCommonest: Int
    /// How many of the new accounts' counted reviews give ``newOwnCommonest``.
    public let newOwnCommonestCount: Int
    /// Of `count`, the most that two neighbouring star ratings account for.
    public let adjacent: Int
    /// Of `count`, the unverified ones giving 4 or 5 stars.
    public let unverifiedPraise: Int
    /// Of `count`, the unverified ones giving 1 or 2 stars.
    public let unverifiedComplaints: Int

    /// Tallies a window from its reviews per star (lanes 1...5): all of them, those of new reviewers
    /// and the unverified ones.
    public init(stars: SIMD8<Int32>, newStars: SIMD8<Int32>, unverifiedStars: SIMD8<Int32>) {
      var best = 5
      for candidate in stride(from: 4, through: 1, by: -1) where stars[candidate] > stars[best] {
        best = candidate
      }
      commonest = best
      commonestCount = Int(stars[best])
      newCommonestCount = Int(newStars[best])
      // Scalar sums over the counted ratings, once per window of every candidate supplier.
      let counted = ReviewBurstDetector.countedStars(commonest: best)
      let (low, high) = (counted.lowerBound, counted.upperBound)
      // The rating new accounts give most among the counted ones (the higher on a tie): at a busy
      // supplier established buyers' fours may outnumber a campaign's fives.
      var newBest = high
      for candidate in stride(from: high - 1, through: low, by: -1)
      where newStars[candidate] > newStars[newBest] {
        newBest = candidate
      }
      newOwnCommonest = newBest
      newOwnCommonestCount = Int(newStars[newBest])
      var count: Int32 = 0
      var new: Int32 = 0
      var unverified: Int32 = 0
      var adjacent: Int32 = stars[low]
      for star in low...high {
        count &+= stars[star]
        new &+= newStars[star]
        unverified &+= unverifiedStars[star]
        if star < high { adjacent = max(adjacent, stars[star] &+ stars[star + 1]) }
      }
      self.count = Int(count)
      self.new = Int(new)
      self.unverified = Int(unverified)
      self.adjacent = Int(adjacent)
      unverifiedPraise = best >= 4 ? Int(unverifiedStars[4] &+ unverifiedStars[5]) : 0
      unverifiedComplaints = best <= 2 ? Int(unverifiedStars[1] &+ unverifiedStars[2]) : 0
    }
  }

  /// The most common star rating among `ratings` and how many give it (the higher star on a tie,
  /// so that the answer does not depend on order).
  static func commonestStar(_ ratings: [Double]) -> (star: Int, count: Int) {
    var counts = [Int](repeating: 0, count: 6)
    for rating in ratings { counts[star(rating)] += 1 }
    var best = 5
    for candidate in stride(from: 4, through: 1, by: -1) where counts[candidate] > counts[best] {
      best = candidate
    }
    return (best, counts[best])
  }

  /// The merged burst windows, trimmed to the first and last day holding a review of one of
  /// their largest near-identical groups: a window that reaches into the quiet days around a
  /// campaign may still pass the thresholds, but those days' ordinary reviews are not part of
  /// the campaign. Trimming never leaves fewer than the minimum number of reviews; if it would,
  /// the whole merged run is reported.
  private func reportedSpan(
    _ cover: DayWindow, marked: [BurstWindow], timeline: Timeline, minimum: Int
  ) -> DayWindow {
    let ranges = marked.compactMap(\.marked)
    guard let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() else {
      return cover
    }
    let trimmed = DayWindow(first: timeline.dayIndex[low], last: timeline.dayIndex[high])
    return timeline.count(trimmed) >= minimum ? trimmed : cover
  }

  private func burst<R: BurstEvidence>(
    _ span: DayWindow, reasons: [BurstReason], pace: Double?, timeline: Timeline, signals: Signals,
    groups: inout TextGroups, reviews: [R]
  ) -> ReviewBurst {
    let positions = timeline.positions(span)
    let count = positions.count
    let newCount = signals.newCount(span, timeline)
    let unverifiedCount = signals.unverifiedCount(span, timeline)
    let nearCount = groups.largest(in: positions).size
    var fiveStarCount = 0
    let (commonStar, commonCount) = Self.commonestStar(positions.map { reviews[timeline.order[$0]].rating })
    // The mean of the ratings that make the campaign: a few pans planted among bought praise
    // must not turn it into an "attack" that is excused (black-box review 19: three one-star
    // reviews among sixteen five-star ones did).
    let counted = Self.countedStars(commonest: commonStar)
    var ratingSum = 0.0
    var ratingCount = 0
    for position in positions {
      let rating = reviews[timeline.order[position]].rating
      if rating >= 5 { fiveStarCount += 1 }
      if counted.contains(Self.star(rating)) {
        ratingSum += rating
        ratingCount += 1
      }
    }
    let start = timeline.day(span.first)
    let end = timeline.day(span.last)
    // Rounded (60 of 66 is 91 %, not the 90 % truncating gave; black-box review 122), but never
    // to 100 % short of all, nor to 0 % of some.
    func percent(_ part: Int) -> Int {
      let rounded = Int((Double(part) * 100 / Double(count)).rounded())
      return part < count ? max(part > 0 ? 1 : 0, min(99, rounded)) : rounded
    }
    let days = start == end ? "on \(start)" : "\(start)…\(end)"
    let reviewers =
      reviewersGiven ? "\(percent(newCount))% from reviewers with no other history" : "reviewers not named"
    let verification =
      verificationGiven ? "\(percent(unverifiedCount))% unverified" : "verification not stated"
    var detail =
      "\(count) reviews \(days): \(reviewers), \(verification), \(percent(nearCount))% near-identical text, "
      + "\(percent(commonCount))% \(Self.starWords[commonStar])"
    // Mostly verified and not templated: what marked it is that so many gave one rating.
    if reasons.contains(.verifiedImprobableRating), verificationGiven, reviewersGiven,
      let catalog = catalogStarShares
    {
      let tally = signals.tally(span, timeline)
      let (chance, rate) = uniformChance(
        span, star: tally.commonest, count: tally.newCommonestCount, of: tally.new, timeline: timeline,
        signals: signals, catalog: catalog)
      detail +=
        " (chance \(Self.scientific(chance)) at the \(Int((rate * 100).rounded()))% of reviews that give \(Self.starWords[commonStar].replacingOccurrences(of: "-star", with: " stars")))"
    }
    // Which rule marked it, in words: shares alone left readers guessing (black-box review 17).
    // The pace of the fastest window that marked it (the reported span may be longer and slower).
    let paceWords =
      pace.map {
        " at \($0 >= 10 ? String(Int($0)) : String(($0 * 10).rounded() / 10))x the supplier's usual pace"
      } ?? ""
    let why = reasons.map { reason -> String in
      switch reason {
      // "New" only where the catalog can tell (reviewers named, and enough of them seen twice).
      case .nearIdentical:
        return (reviewersGiven ? "new, " : "") + "unverified accounts posting near-identical texts"
      case .uniformRating: return "new, unverified accounts giving one rating" + paceWords
      case .verifiedTemplates:
        // The templates' own share: the near-identical share above is of the largest group
        // alone, and a window of rotating templates read "29% near-identical" beside a rule
        // that needs half (black-box review 129).
        let templated = groups.templated(in: positions) {
          counted.contains(Self.star(reviews[timeline.order[$0]].rating))
        }
        let templates =
          templated.groups.count == 1
          ? "one template text (\(percent(templated.count))% of them)"
          : "template texts (\(percent(templated.count))% of them, in \(templated.groups.count) templates)"
        return "verified purchases" + (reviewersGiven ? " by new accounts" : "") + ", but " + templates
          + " with ratings within one star"
      case .verifiedImprobableRating:
        return "verified purchases by new accounts giving one rating of praise beyond chance" + paceWords
      case .praiseRush:
        // Marked by the break with a verified history (neither new accounts nor one copied text
        // would have marked it): say so.
        let history = signals.outside(span, timeline)
        let verifiedBefore = history.count - history.unverified
        var established = ""
        if reviewersGiven && share(newCount, of: count) < policy.newReviewerShare
          && share(nearCount, of: count) < policy.nearIdenticalShare
        {
          established =
            verifiedBefore < max(1, policy.minimumReviews)
            ? ", from established accounts, where the supplier has "
              + (verifiedBefore == 0
                ? "no verified review"
                : "only \(verifiedBefore) verified review\(verifiedBefore == 1 ? "" : "s")")
              + " besides"
            : ", from established accounts, where the supplier's other \(history.count) reviews were "
              + "\(verifiedBefore * 100 / history.count)% verified"
        }
        return "unverified praise" + paceWords + established
      case .complaintRush: return "unverified complaints" + paceWords
      case .sustained:
        return "new, unverified accounts giving one rating, kept up over "
          + "\(timeline.span(span.first, span.last)) days" + paceWords
      case .amongGenuine:
        return "new, unverified accounts giving one rating among genuine reviews" + paceWords
      }
    }
    if !why.isEmpty { detail += "; marked as " + why.joined(separator: "; and as ") }
    var found = ReviewBurst(
      start: start, end: end, reviewIndices: positions.map { timeline.order[$0] }.sorted(),
      reviewCount: count, newReviewerShare: share(newCount, of: count),
      unverifiedShare: share(unverifiedCount, of: count), nearIdenticalShare: share(nearCount, of: count),
      fiveStarShare: share(fiveStarCount, of: count),
      meanRating: ratingCount > 0 ? ratingSum / Double(ratingCount) : 0,
      detail: detail)
    found.commonestStar = commonStar
    return found
  }

  // MARK: - Text groups

  /// Near-identical groups among the texts of `positions` (a run of overlapping candidate
  /// windows).
  private func textGroups<R: BurstEvidence>(
    positions: Range<Int>, timeline: Timeline, reviews: [R], cache: inout SignatureStore
  ) -> TextGroups {
    // Identical normalised texts share one node: a campaign repeats a handful of variants
    // hundreds of times, and only the distinct ones need hashing and comparing.
    var nodeOfText: [String: Int32] = [:]
    var texts: [String] = []
    var nodeOfPosition = [Int32](repeating: -1, count: positions.count)
    // The first and last day each distinct text was posted on (positions are in date order).
    var firstDay: [Int32] = []
    var lastDay: [Int32] = []
    for position in positions {
      guard let text = reviews[timeline.order[position]].text else { continue }
      let normalized = ReviewTextNormalizer.foldSynonyms(ReviewTextNormalizer.normalize(text))
      if normalized.isEmpty { continue }
      let day = timeline.days[timeline.dayIndex[position]]
      if let node = nodeOfText[normalized] {
        nodeOfPosition[position - positions.lowerBound] = node
        lastDay[Int(node)] = day
      } else {
        let node = Int32(texts.count)
        nodeOfText[normalized] = node
        texts.append(normalized)
        firstDay.append(day)
        lastDay.append(day)
        nodeOfPosition[position - positions.lowerBound] = node
      }
    }
    // Each text's signature is made once per detection and kept in one flat store, read in place
    // (a copy per run beside a cache of arrays cost 1 KB per review of a large supplier).
    let slots = texts.map { text -> Int32 in
      if let slot = cache.slot[text] { return slot }
      // Non-empty normalised text always has at least one shingle.
      let slot = Int32(cache.values.count / hasher.signatureSize)
      cache.values.append(contentsOf: hasher.signature(normalized: text)!)
      cache.slot[text] = slot
      return slot
    }
    var components = UnionFind(count: texts.count)
    connectSimilar(
      signatures: cache.values, slots: slots, firstDay: firstDay, lastDay: lastDay, into: &components)
    // Dense group numbers, so that counting per window can use an array.
    var groupOfRoot = [Int32](repeating: -1, count: texts.count)
    var groupCount: Int32 = 0
    let groupOfPosition = nodeOfPosition.map { node -> Int32 in
      guard node >= 0 else { return -1 }
      let root = Int(components.find(node))
      if groupOfRoot[root] < 0 {
        groupOfRoot[root] = groupCount
        groupCount += 1
      }
      return groupOfRoot[root]
    }
    // A group is a template when one of its texts has enough words (normalised texts are words
    // joined by single spaces).
    var isTemplate = [Bool](repeating: false, count: Int(groupCount))
    var isLong = [Bool](repeating: false, count: Int(groupCount))
    for (node, text) in texts.enumerated() {
      let group = Int(groupOfRoot[Int(components.find(Int32(node)))])
      // Chinese and Japanese characters a third of a word each (see `MinHasher.wordsCounted`).
      let words = MinHasher.wordsCounted(normalized: text)
      if group >= 0, words >= policy.templateMinimumWords { isTemplate[group] = true }
      if group >= 0, words >= policy.rotationMinimumWords { isLong[group] = true }
    }
    return TextGroups(
      positions: positions, groupOfPosition: groupOfPosition, groupCount: Int(groupCount),
      isTemplate: isTemplate, isLong: isLong)
  }

  /// Unions every pair of texts that were posted within `window_days` of each other (so that
  /// they can share a window) and whose estimated Jaccard similarity reaches the threshold; with
  /// many texts, only pairs that LSH banding makes candidates, and within a bucket only texts of
  /// overlapping stretches of days are compared. Components of a graph do not depend on the
  /// order edges are added in, so neither does the grouping.
  ///
  /// Texts posted months apart never share a window, and comparing every pair of a run of
  /// windows spanning years made thousands of templated texts quadratic (black-box review 66:
  /// five templates with one word changed, 640,000 reviews over 100 suppliers, took 108 s).
  private func connectSimilar(
    signatures: [UInt64], slots: [Int32], firstDay: [Int32], lastDay: [Int32],
    into components: inout UnionFind
  ) {
    let count = slots.count
    let threshold = policy.textSimilarity
    let span = Int32(max(1, policy.windowDays))
    // Whether some day of `a` and some day of `b` lie within a window's span.
    func near(_ a: Int32, _ b: Int32) -> Bool {
      firstDay[Int(a)] - lastDay[Int(b)] < span && firstDay[Int(b)] - lastDay[Int(a)] < span
    }
    // Texts by stretches of two spans of days, overlapping by one: any two texts within a span of
    // each other share a stretch (a text posted over several stretches joins each), so only the
    // texts of one stretch are compared, and a pair only in the first stretch it shares (texts
    // of one day share two).
    let firstStretch = firstDay.map { Self.floorDivision($0, span) - 1 }
    func connectByStretch(_ members: ArraySlice<Int32>, _ similar: (Int32, Int32) -> Bool) {
      var entries: [(stretch: Int32, node: Int32)] = []
      entries.reserveCapacity(members.count * 2)
      for node in members {
        let from = firstStretch[Int(node)]
        let to = Self.floorDivision(lastDay[Int(node)], span)
        for stretch in from...to { entries.append((stretch, node)) }
      }
      // Stretch, then node: each stretch's members in the given order.
      entries.sort { ($0.stretch, $0.node) < ($1.stretch, $1.node) }
      var start = 0
      while start < entries.count {
        var end = start + 1
        while end < entries.count && entries[end].stretch == entries[start].stretch { end += 1 }
        let stretch = entries[start].stretch
        // A stretch none of whose texts starts in it holds no pair to compare first here.
        if end - start > 1, entries[start..<end].contains(where: { firstStretch[Int($0.node)] == stretch }) {
          components.connect(entries[start..<end].map(\.node)) { a, b in
            max(firstStretch[Int(a)], firstStretch[Int(b)]) == stretch && similar(a, b)
          }
        }
        start = end
      }
    }
    if threshold <= 0 {
      // Every pair "reaches" a non-positive threshold: every two texts near in time connect.
      connectByStretch(Array(0..<Int32(count))[...], near)
      return
    }
    let size = hasher.signatureSize
    signatures.withUnsafeBufferPointer { flat in
      func similar(_ a: Int32, _ b: Int32) -> Bool {
        guard near(a, b) else { return false }
        let x = Int(slots[Int(a)]) * size
        let y = Int(slots[Int(b)]) * size
        var equal = 0
        for offset in 0..<size where flat[x + offset] == flat[y + offset] { equal += 1 }
        return Double(equal) / Double(size) >= threshold
      }
      if count <= allPairsLimit {
        connectByStretch(Array(0..<Int32(count))[...], similar)
        return
      }
      // Buckets as runs of equal keys after sorting: no per-bucket allocation.
      var keys = [UInt64](repeating: 0, count: count)
      var nodes = Array(0..<Int32(count))
      for band in 0..<banding.bands {
        for node in 0..<count {
          let x = Int(slots[node]) * size
          keys[node] = banding.key(band: band, of: flat[x..<(x + size)])
        }
        nodes.sort { keys[Int($0)] < keys[Int($1)] }
        var first = 0
        while first < count {
          var end = first + 1
          while end < count && keys[Int(nodes[end])] == keys[Int(nodes[first])] { end += 1 }
          if end - first > 1 { connectByStretch(nodes[first..<end], similar) }
          first = end
        }
      }
    }
  }

  private static let starWords = ["", "one-star", "two-star", "three-star", "four-star", "five-star"]

  /// `value / divisor` rounded down (toward minus infinity), for days before 1970 too.
  static func floorDivision(_ value: Int32, _ divisor: Int32) -> Int32 {
    let quotient = value / divisor
    return value % divisor < 0 ? quotient - 1 : quotient
  }

  /// A small probability in words: "1 in 3,000" style is hard to read below a millionth, so
  /// "5e-12"; above a thousandth, a plain percentage.
  static func scientific(_ value: Double) -> String {
    if value >= 0.001 { return "\((value * 1000).rounded() / 10)%" }
    guard value > 0, value.isFinite else { return "below 1e-300" }
    let exponent = Int(floor(log10(value)))
    let mantissa = Int((value / pow(10, Double(exponent))).rounded())
    return mantissa >= 10 ? "1e\(exponent + 1)" : "\(mantissa)e\(exponent)"
  }

  private func share(_ part: Int, of whole: Int) -> Double {
    whole == 0 ? 0 : Double(part) / Double(whole)
  }
}

// MARK: - Supporting types

/// Consecutive days with reviews, `first...last`, as indices into the timeline's distinct days.
private struct DayWindow: Equatable {
  var first: Int
  var last: Int

  func contains(_ other: DayWindow) -> Bool { first <= other.first && other.last <= last }
}

/// A burst window and the positions spanned by the reviews of its largest near-identical
/// group(s); nil when the policy needs no near-identical texts and the window has none.
private struct BurstWindow {
  var window: DayWindow
  var marked: ClosedRange<Int>?
  /// The rule that made the window a burst, for the detail a reader sees.
  var reason: BurstReason
  /// The rating of a campaign found among genuine reviews (``BurstReason/amongGenuine``).
  var star: Int? = nil
}

/// Why a window is a burst: which sign of coordination its reviews showed.
private enum BurstReason: Int, Comparable {
  /// Mostly new, unverified accounts; one group of near-identical texts.
  case nearIdentical
  /// Mostly new, unverified accounts; one star rating, in a rush.
  case uniformRating
  /// Mostly verified, new accounts; template texts with ratings within one star.
  case verifiedTemplates
  /// Mostly verified, new accounts; one rating of praise improbably common.
  case verifiedImprobableRating
  /// Unverified praise at many times the supplier's pace.
  case praiseRush
  /// Unverified complaints at many times the supplier's pace.
  case complaintRush
  /// New, unverified accounts giving one rating among genuine reviews of the same days.
  case amongGenuine
  /// New, unverified accounts giving one rating over a span longer than a window.
  case sustained

  static func < (a: BurstReason, b: BurstReason) -> Bool { a.rawValue < b.rawValue }
}

/// Runs of windows that overlap (share a day), with the window covering each run. `windows`
/// must be ordered by first day, as they are generated.
private func overlappingRuns(_ windows: [DayWindow]) -> [(cover: DayWindow, windows: [DayWindow])] {
  var runs: [(cover: DayWindow, windows: [DayWindow])] = []
  for window in windows {
    if let last = runs.indices.last, window.first <= runs[last].cover.last {
      runs[last].cover.last = max(runs[last].cover.last, window.last)
      runs[last].windows.append(window)
    } else {
      runs.append((window, [window]))
    }
  }
  return runs
}

/// The reviews sorted by day (ties by input index, which only fixes the internal order), cut
/// into days.
private struct Timeline {
  /// Input index of the review at each position.
  let order: [Int]
  /// Index into the distinct days of the review at each position.
  let dayIndex: [Int]
  /// Days since the epoch of each distinct day, ascending.
  let days: [Int32]
  /// Position of the first review of each distinct day, and the review count at the end.
  let dayStart: [Int]
  let windowDays: Int

  init<R: BurstEvidence>(_ reviews: [R], windowDays: Int) {
    // One integer sort: the day in the high half (offset so that negative days sort first) and
    // the input index in the low half.
    var keys = reviews.indices.map { index -> UInt64 in
      let day = UInt32(bitPattern: reviews[index].date.daysSinceEpoch) ^ 0x8000_0000
      return UInt64(day) << 32 | UInt64(index)
    }
    keys.sort()
    order = keys.map { Int($0 & 0xFFFF_FFFF) }
    var days: [Int32] = []
    var dayStart: [Int] = []
    var dayIndex: [Int] = []
    dayIndex.reserveCapacity(keys.count)
    for (position, index) in order.enumerated() {
      let day = reviews[index].date.daysSinceEpoch
      if days.last != day {
        days.append(day)
        dayStart.append(position)
      }
      dayIndex.append(days.count - 1)
    }
    dayStart.append(order.count)
    self.days = days
    self.dayStart = dayStart
    self.dayIndex = dayIndex
    self.windowDays = windowDays
  }

  var dayCount: Int { days.count }
  var dayIndices: Range<Int> { 0..<days.count }

  func day(_ index: Int) -> Day { Day(daysSinceEpoch: days[index]) }

  /// Calendar days covered by `first...last`, both included.
  func span(_ first: Int, _ last: Int) -> Int { Int(days[last]) - Int(days[first]) + 1 }

  func positions(_ window: DayWindow) -> Range<Int> { dayStart[window.first]..<dayStart[window.last + 1] }

  func count(_ window: DayWindow) -> Int { dayStart[window.last + 1] - dayStart[window.first] }
}

/// What burst detection reads of a review (with, separately, whether its reviewer is new).
public protocol BurstEvidence {
  var date: Day { get }
  var rating: Double { get }
  var verifiedPurchase: Bool? { get }
  var text: String? { get }
}

extension Review: BurstEvidence {}

/// Just what burst detection reads of a review: a quarter of a ``Review``'s size, and no strings
/// but the text. Scoring screens the reviews of thousands of suppliers as these.
public struct BurstSample: BurstEvidence, Sendable {
  /// The day the review was posted.
  public var date: Day
  /// The review's star rating, 1...5.
  public var rating: Double
  /// Whether the review is tied to a platform order (`verified_purchase`); nil when not stated.
  public var verifiedPurchase: Bool?
  /// The review's free text (`text`), if any.
  public var text: String?

  /// Makes a sample of a review from what burst detection reads of it.
  public init(date: Day, rating: Double, verifiedPurchase: Bool?, text: String?) {
    self.date = date
    self.rating = rating
    self.verifiedPurchase = verifiedPurchase
    self.text = text
  }
}

extension ReviewTable {
  /// Review `k` as burst detection reads it, with the text given (texts are read together: see
  /// ``texts(at:)``).
  func burstSample(at k: Int, text: String?) -> BurstSample {
    BurstSample(date: days[k], rating: ratings[k], verifiedPurchase: verified[k], text: text)
  }
}

/// Per-review flags as prefix sums over timeline positions.
private struct Signals {
  /// Reviews at positions before `i` that are unverified.
  private let unverifiedBefore: [Int]
  /// Reviews at positions before `i` from new reviewers.
  private let newBefore: [Int]
  /// Reviews at positions before `i` giving each star rating (lanes 1...5).
  private let starsBefore: [SIMD8<Int32>]
  /// The same, of new reviewers' reviews and of unverified ones.
  private let newStarsBefore: [SIMD8<Int32>]
  private let unverifiedStarsBefore: [SIMD8<Int32>]
  /// Of reviews both new and unverified.
  private let newUnverifiedStarsBefore: [SIMD8<Int32>]
  private let newUnverified: [Bool]
  /// Whether the review at each position is a verified purchase by a reviewer with a history.
  private let establishedVerified: [Bool]

  init<R: BurstEvidence>(timeline: Timeline, reviews: [R], isNewReviewer: [Bool]) {
    var unverifiedBefore = [0]
    var newBefore = [0]
    var starsBefore = [SIMD8<Int32>()]
    var newStarsBefore = [SIMD8<Int32>()]
    var unverifiedStarsBefore = [SIMD8<Int32>()]
    var newUnverifiedStarsBefore = [SIMD8<Int32>()]
    var newUnverified: [Bool] = []
    var establishedVerified: [Bool] = []
    establishedVerified.reserveCapacity(timeline.order.count)
    newUnverifiedStarsBefore.reserveCapacity(timeline.order.count + 1)
    newUnverified.reserveCapacity(timeline.order.count)
    unverifiedBefore.reserveCapacity(timeline.order.count + 1)
    newBefore.reserveCapacity(timeline.order.count + 1)
    starsBefore.reserveCapacity(timeline.order.count + 1)
    newStarsBefore.reserveCapacity(timeline.order.count + 1)
    unverifiedStarsBefore.reserveCapacity(timeline.order.count + 1)
    for index in timeline.order {
      let unverified = reviews[index].verifiedPurchase != true
      let new = isNewReviewer[index]
      let star = ReviewBurstDetector.star(reviews[index].rating)
      unverifiedBefore.append(unverifiedBefore.last! + (unverified ? 1 : 0))
      newBefore.append(newBefore.last! + (new ? 1 : 0))
      var stars = starsBefore.last!
      stars[star] += 1
      starsBefore.append(stars)
      var newStars = newStarsBefore.last!
      if new { newStars[star] += 1 }
      newStarsBefore.append(newStars)
      var unverifiedStars = unverifiedStarsBefore.last!
      if unverified { unverifiedStars[star] += 1 }
      unverifiedStarsBefore.append(unverifiedStars)
      var newUnverifiedStars = newUnverifiedStarsBefore.last!
      if new && unverified { newUnverifiedStars[star] += 1 }
      newUnverifiedStarsBefore.append(newUnverifiedStars)
      newUnverified.append(new && unverified)
      establishedVerified.append(!new && !unverified)
    }
    self.newUnverifiedStarsBefore = newUnverifiedStarsBefore
    self.newUnverified = newUnverified
    self.establishedVerified = establishedVerified
    self.unverifiedBefore = unverifiedBefore
    self.newBefore = newBefore
    self.starsBefore = starsBefore
    self.newStarsBefore = newStarsBefore
    self.unverifiedStarsBefore = unverifiedStarsBefore
  }

  /// The window's counts without the reviews that oppose its commonest rating (see
  /// ``ReviewBurstDetector/Tally``).
  func tally(_ window: DayWindow, _ timeline: Timeline) -> ReviewBurstDetector.Tally {
    let positions = timeline.positions(window)
    return ReviewBurstDetector.Tally(
      stars: starsBefore[positions.upperBound] &- starsBefore[positions.lowerBound],
      newStars: newStarsBefore[positions.upperBound] &- newStarsBefore[positions.lowerBound],
      unverifiedStars: unverifiedStarsBefore[positions.upperBound]
        &- unverifiedStarsBefore[positions.lowerBound])
  }

  /// Reviews per star rating (lanes 1...5) outside the window.
  func stars(outside window: DayWindow, _ timeline: Timeline) -> SIMD8<Int32> {
    let positions = timeline.positions(window)
    return starsBefore[starsBefore.count - 1]
      &- (starsBefore[positions.upperBound] &- starsBefore[positions.lowerBound])
  }

  /// Reviews per star (lanes 1...5) in the window from new reviewers that are unverified.
  func newUnverifiedStars(_ window: DayWindow, _ timeline: Timeline) -> SIMD8<Int32> {
    let positions = timeline.positions(window)
    return newUnverifiedStarsBefore[positions.upperBound] &- newUnverifiedStarsBefore[positions.lowerBound]
  }

  /// Whether the review at `position` (in timeline order) is new and unverified.
  func isNewUnverified(_ position: Int) -> Bool { newUnverified[position] }
  /// Whether the review at `position` (in timeline order) is from a reviewer with no other history.
  func isNew(_ position: Int) -> Bool { newBefore[position + 1] > newBefore[position] }

  /// Whether the review at `position` is a verified purchase by a reviewer with a history.
  func isEstablishedVerified(_ position: Int) -> Bool { establishedVerified[position] }

  func newCount(_ window: DayWindow, _ timeline: Timeline) -> Int {
    let positions = timeline.positions(window)
    return newBefore[positions.upperBound] - newBefore[positions.lowerBound]
  }

  /// How many reviews lie outside the window, and how many of those are unverified.
  func outside(_ window: DayWindow, _ timeline: Timeline) -> (count: Int, unverified: Int) {
    let positions = timeline.positions(window)
    let total = unverifiedBefore.count - 1
    let inside = unverifiedBefore[positions.upperBound] - unverifiedBefore[positions.lowerBound]
    return (total - positions.count, unverifiedBefore[total] - inside)
  }

  func unverifiedCount(_ window: DayWindow, _ timeline: Timeline) -> Int {
    let positions = timeline.positions(window)
    return unverifiedBefore[positions.upperBound] - unverifiedBefore[positions.lowerBound]
  }
}

/// The near-identical group of each review in a run of candidate windows.
private struct TextGroups {
  /// The timeline positions the groups were formed for.
  let positions: Range<Int>
  /// The group (0..<groupCount) of each of `positions` from its lower bound; -1 without text.
  let groupOfPosition: [Int32]
  /// Scratch counts per group, all zero between calls.
  private var counts: [Int32]
  /// Whether each group holds a text of at least ``BurstPolicy/templateMinimumWords`` words.
  private let templates: [Bool]

  /// Whether each group holds a text of at least ``BurstPolicy/rotationMinimumWords`` words.
  private let long: [Bool]

  init(positions: Range<Int>, groupOfPosition: [Int32], groupCount: Int, isTemplate: [Bool], isLong: [Bool]) {
    self.positions = positions
    self.groupOfPosition = groupOfPosition
    counts = [Int32](repeating: 0, count: groupCount)
    templates = isTemplate
    long = isLong
  }

  /// Whether `group` holds a text of at least ``BurstPolicy/rotationMinimumWords`` words.
  func isLong(_ group: Int32) -> Bool { group >= 0 && long[Int(group)] }

  /// The reviews within `window` whose texts belong to a template group (a text of enough words)
  /// repeated at least three times there, those groups (a campaign may rotate a few templates),
  /// and how many reviews the largest of them holds.
  mutating func templated(in window: Range<Int>, where counted: (Int) -> Bool) -> (
    count: Int, groups: [Int32], largest: Int
  ) {
    for position in window where counted(position) {
      let group = group(position)
      if group >= 0 && templates[Int(group)] { counts[Int(group)] += 1 }
    }
    var total = 0
    var largest = 0
    var groups: [Int32] = []
    for position in window {
      let group = group(position)
      // Zeroing as we go counts each group once.
      if group >= 0 && counts[Int(group)] > 0 {
        if counts[Int(group)] >= 3 {
          total += Int(counts[Int(group)])
          largest = max(largest, Int(counts[Int(group)]))
          groups.append(group)
        }
        counts[Int(group)] = 0
      }
    }
    return (total, groups, largest)
  }

  func group(_ position: Int) -> Int32 {
    positions.contains(position) ? groupOfPosition[position - positions.lowerBound] : -1
  }

  /// The size of the largest group within `window` and every group of that size; size 0 when
  /// no two reviews there share a group (a text alone is not near-identical to anything).
  mutating func largest(in window: Range<Int>, where counted: (Int) -> Bool = { _ in true }) -> (
    size: Int, groups: [Int32]
  ) {
    var size: Int32 = 0
    for position in window where counted(position) {
      let group = group(position)
      if group >= 0 {
        counts[Int(group)] += 1
        size = max(size, counts[Int(group)])
      }
    }
    var groups: [Int32] = []
    for position in window {
      let group = group(position)
      // Zeroing as we go lists each group once.
      if group >= 0 && counts[Int(group)] > 0 {
        if counts[Int(group)] == size { groups.append(group) }
        counts[Int(group)] = 0
      }
    }
    return size >= 2 ? (Int(size), groups) : (0, [])
  }
}

/// Disjoint sets over 0..<count, by size with path halving.
/// MinHash signatures of the distinct normalised texts met in one detection, end to end in one
/// array: text `t`'s is `values[slot[t] * size ..< (slot[t] + 1) * size]`.
struct SignatureStore {
  var slot: [String: Int32] = [:]
  var values: [UInt64] = []
}

private struct UnionFind {
  private var parent: [Int32]
  private var size: [Int32]

  init(count: Int) {
    parent = (0..<Int32(count)).map { $0 }
    size = [Int32](repeating: 1, count: count)
  }

  mutating func find(_ node: Int32) -> Int32 {
    var node = node
    while parent[Int(node)] != node {
      parent[Int(node)] = parent[Int(parent[Int(node)])]
      node = parent[Int(node)]
    }
    return node
  }

  mutating func union(_ a: Int32, _ b: Int32) {
    var a = find(a)
    var b = find(b)
    if a == b { return }
    if size[Int(a)] < size[Int(b)] { swap(&a, &b) }
    parent[Int(b)] = a
    size[Int(a)] += size[Int(b)]
  }

  /// Joins every pair of `members` for which `similar` holds, without testing pairs that are
  /// already joined: each member is compared with the groups formed so far among the members,
  /// and with only as many of a group's members as it takes to find a similar one. A campaign
  /// of one phrase then costs one comparison per text instead of one per pair; texts that are
  /// all different still cost every pair, as they must.
  mutating func connect(_ members: [Int32], similar: (Int32, Int32) -> Bool) {
    var groups: [[Int32]] = []
    for member in members {
      var joined: [Int] = []
      for (index, group) in groups.enumerated() {
        if find(group[0]) == find(member) || group.contains(where: { similar($0, member) }) {
          union(group[0], member)
          joined.append(index)
        }
      }
      if let target = joined.first {
        groups[target].append(member)
        for index in joined.dropFirst().reversed() {
          groups[target].append(contentsOf: groups[index])
          groups.remove(at: index)
        }
      } else {
        groups.append([member])
      }
    }
  }
}
