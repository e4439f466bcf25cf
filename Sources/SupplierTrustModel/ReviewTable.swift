/// A catalog's reviews, stored as columns: what trust decisions read of a review (id, supplier,
/// rating, date, reviewer, whether the purchase was verified, text, where it was read).
///
/// A large catalog holds millions of reviews. As columns they take about 70 bytes each, against
/// about 180 as an array of ``Sourced`` ``Review`` values, and scoring's loops over dates and
/// ratings read only the columns they need. Reading an element builds a ``Review`` from the
/// columns; the sub-ratings, reviewer country and order link are not kept here (the store and
/// the input files hold them).
///
/// Texts are optional as a column too: a store hands its reviews over without them (scoring asks
/// ``Catalog/deferredReviewTexts`` for the few it needs), and then the column stays empty.
public struct ReviewTable: Sendable {
  public private(set) var ids: [String] = []
  public private(set) var supplierIDs: [String] = []
  public private(set) var ratings: [Double] = []
  public private(set) var days: [Day] = []
  public private(set) var verified: [Bool?] = []
  public private(set) var reviewerIDs: [String?] = []
  /// Empty while no review has a text (``hasTexts`` false); otherwise one per review.
  public private(set) var texts: [String?] = []
  /// Whether ``texts`` holds a text (or nil) for every review.
  public private(set) var hasTexts = false
  public private(set) var sources: [SourceRef] = []

  public init() {}

  /// Room for `count` reviews without growing the columns again.
  public mutating func reserveCapacity(_ count: Int) {
    ids.reserveCapacity(count)
    supplierIDs.reserveCapacity(count)
    ratings.reserveCapacity(count)
    days.reserveCapacity(count)
    verified.reserveCapacity(count)
    reviewerIDs.reserveCapacity(count)
    sources.reserveCapacity(count)
  }

  /// Appends one review from its parts, without building a ``Review`` first.
  public mutating func append(
    id: String, supplierID: String, rating: Double, day: Day, reviewerID: String?, verified: Bool?,
    text: String? = nil, source: SourceRef
  ) {
    if text != nil { startTexts() }
    ids.append(id)
    supplierIDs.append(supplierID)
    ratings.append(rating)
    days.append(day)
    self.verified.append(verified)
    reviewerIDs.append(reviewerID)
    if hasTexts { texts.append(text) }
    sources.append(source)
  }

  /// Says that every review was read from file `file` of the catalog (lines unchanged).
  public mutating func moveSources(toFile file: Int32) {
    for k in sources.indices { sources[k].file = file }
  }

  /// The text of review `k`, when texts were loaded and it has one.
  public func text(at k: Int) -> String? { hasTexts ? texts[k] : nil }

  /// A nil text for every review so far, so that texts can follow.
  private mutating func startTexts() {
    guard !hasTexts else { return }
    texts = [String?](repeating: nil, count: ids.count)
    hasTexts = true
  }

  /// The reviews at `positions`, in that order.
  public func reordered(by positions: [Int]) -> ReviewTable {
    var out = ReviewTable()
    out.ids = positions.map { ids[$0] }
    out.supplierIDs = positions.map { supplierIDs[$0] }
    out.ratings = positions.map { ratings[$0] }
    out.days = positions.map { days[$0] }
    out.verified = positions.map { verified[$0] }
    out.reviewerIDs = positions.map { reviewerIDs[$0] }
    out.texts = hasTexts ? positions.map { texts[$0] } : []
    out.hasTexts = hasTexts
    out.sources = positions.map { sources[$0] }
    return out
  }
}

extension ReviewTable: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
  public var startIndex: Int { 0 }
  public var endIndex: Int { ids.count }

  public subscript(position: Int) -> Sourced<Review> {
    get {
      var review = Review(
        id: ids[position], supplierID: supplierIDs[position], rating: ratings[position], date: days[position])
      review.reviewerID = reviewerIDs[position]
      review.verifiedPurchase = verified[position]
      review.text = text(at: position)
      return Sourced(review, source: sources[position])
    }
    set {
      let r = newValue.record
      if r.text != nil { startTexts() }
      ids[position] = r.id
      supplierIDs[position] = r.supplierID
      ratings[position] = r.rating
      days[position] = r.date
      verified[position] = r.verifiedPurchase
      reviewerIDs[position] = r.reviewerID
      if hasTexts { texts[position] = r.text }
      sources[position] = newValue.source
    }
  }

  public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with new: C)
  where C.Element == Sourced<Review> {
    if new.contains(where: { $0.record.text != nil }) { startTexts() }
    ids.replaceSubrange(range, with: new.map(\.record.id))
    supplierIDs.replaceSubrange(range, with: new.map(\.record.supplierID))
    ratings.replaceSubrange(range, with: new.map(\.record.rating))
    days.replaceSubrange(range, with: new.map(\.record.date))
    verified.replaceSubrange(range, with: new.map(\.record.verifiedPurchase))
    reviewerIDs.replaceSubrange(range, with: new.map(\.record.reviewerID))
    if hasTexts { texts.replaceSubrange(range, with: new.map(\.record.text)) }
    sources.replaceSubrange(range, with: new.map(\.source))
  }

  public mutating func append(_ review: Sourced<Review>) {
    let r = review.record
    append(
      id: r.id, supplierID: r.supplierID, rating: r.rating, day: r.date, reviewerID: r.reviewerID,
      verified: r.verifiedPurchase, text: r.text, source: review.source)
  }

  /// Appends another table's reviews column by column.
  public mutating func append(contentsOf other: ReviewTable) {
    if other.hasTexts { startTexts() }
    if hasTexts {
      texts.append(contentsOf: other.hasTexts ? other.texts : [String?](repeating: nil, count: other.count))
    }
    ids.append(contentsOf: other.ids)
    supplierIDs.append(contentsOf: other.supplierIDs)
    ratings.append(contentsOf: other.ratings)
    days.append(contentsOf: other.days)
    verified.append(contentsOf: other.verified)
    reviewerIDs.append(contentsOf: other.reviewerIDs)
    sources.append(contentsOf: other.sources)
  }
}
