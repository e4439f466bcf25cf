import Testing

@testable import SupplierTrustModel

/// The column store of reviews keeps every column aligned whatever is done to it, checked against
/// a plain array of values (the reference model).
@Suite struct ReviewTableTests {
  static let day = Day(year: 2026, month: 11, day: 25)!

  static func review(_ n: Int, text: String?) -> Sourced<Review> {
    var r = Review(
      id: "R-\(n)", supplierID: "S-\(n % 3)", rating: Double(1 + n % 5), date: day.adding(days: -n))
    r.reviewerID = n % 4 == 0 ? nil : "B-\(n)"
    r.verifiedPurchase = n % 3 == 0 ? nil : n % 2 == 0
    r.text = text
    return Sourced(r, source: SourceRef(file: Int32(n % 2), line: Int32(n + 1)))
  }

  static func reference(_ count: Int) -> [Sourced<Review>] {
    (0..<count).map { review($0, text: $0 % 3 == 0 ? "text \($0)" : nil) }
  }

  @Test func supplierDateIDOrderMatchesASortOfTheValues() {
    // Suppliers in runs and scattered, repeated days, ids whose string order differs from their
    // numbers (R-10 before R-9).
    var table = ReviewTable()
    var model: [Sourced<Review>] = []
    for n in 0..<500 {
      var r = Self.review(n, text: nil)
      r.record.supplierID = "S-\((n / 7) % 11)"
      r.record.date = Self.day.adding(days: -(n * 13 % 5))
      table.append(r)
      model.append(r)
    }
    let expected = model.indices.sorted { a, b in
      let x = model[a].record
      let y = model[b].record
      if x.supplierID != y.supplierID { return x.supplierID < y.supplierID }
      if x.date != y.date { return x.date < y.date }
      return x.id < y.id
    }
    #expect(ReviewTable.supplierDateIDOrder(table) == expected)
    #expect(ReviewTable.supplierDateIDOrder(ReviewTable()).isEmpty)
  }

  @Test func appendingGivesBackTheSameReviews() {
    let model = Self.reference(40)
    var table = ReviewTable()
    for r in model { table.append(r) }
    #expect(Array(table) == model)
    #expect(table.texts.count == 40)
  }

  @Test func aTextOnTheFirstReviewOrTheFirstJoinedTableIsKept() {
    var table = ReviewTable()
    table.append(Self.review(0, text: "first"))
    #expect(table.text(at: 0) == "first")
    var joined = ReviewTable()
    joined.append(contentsOf: table)
    #expect(joined.text(at: 0) == "first" && joined.hasTexts)
  }

  @Test func textsStayEmptyUntilOneHasAText() {
    var table = ReviewTable()
    table.append(Self.review(1, text: nil))
    table.append(Self.review(2, text: nil))
    #expect(table.texts.isEmpty)
    table.append(Self.review(3, text: "late"))
    #expect(table.texts == [nil, nil, "late"])
    #expect(table.text(at: 2) == "late" && table.text(at: 0) == nil)
  }

  @Test func joiningTablesWithAndWithoutTextsKeepsThemAligned() {
    let model = Self.reference(30)
    var withTexts = ReviewTable()
    for r in model.prefix(10) { withTexts.append(r) }
    var plain = ReviewTable()
    for k in 10..<20 { plain.append(Self.review(k, text: nil)) }
    var rest = ReviewTable()
    for r in model.suffix(10) { rest.append(r) }
    var joined = plain
    joined.append(contentsOf: withTexts)
    joined.append(contentsOf: rest)
    let expected = (10..<20).map { Self.review($0, text: nil) } + model.prefix(10) + model.suffix(10)
    #expect(Array(joined) == expected)
  }

  @Test func shufflingReorderingAndReplacingMatchTheArray() {
    var model = Self.reference(50)
    var table = ReviewTable()
    table.append(contentsOf: model)
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<5 {
      let order = Array(model.indices).shuffled(using: &rng)
      model = order.map { model[$0] }
      table = table.reordered(by: order)
      #expect(Array(table) == model)
    }
    table.swapAt(3, 40)
    model.swapAt(3, 40)
    table.replaceSubrange(5..<9, with: [Self.review(99, text: "new")])
    model.replaceSubrange(5..<9, with: [Self.review(99, text: "new")])
    table.moveSources(toFile: 7)
    for k in model.indices { model[k].source.file = 7 }
    #expect(Array(table) == model)
    #expect(table.count == model.count)
  }

  /// A large table's ids are reordered on another thread: still aligned with the other columns.
  @Test func reorderingALargeTableKeepsItsColumnsAligned() {
    let count = 120_000
    var table = ReviewTable()
    for n in 0..<count { table.append(Self.review(n, text: nil)) }
    let order = (0..<count).map { ($0 * 7_919) % count }
    let reordered = table.reordered(by: order)
    #expect(reordered.count == count)
    #expect(order.indices.allSatisfy { reordered.ids[$0] == "R-\(order[$0])" })
    #expect(order.indices.allSatisfy { reordered.ratings[$0] == table.ratings[order[$0]] })
    #expect(Array(reordered[1000..<1010]) == order[1000..<1010].map { table[$0] })
  }

  /// A scorer's working copy holds every column but the ids, sources and texts, as the full
  /// reordering does, and counts its reviews by them.
  @Test func aWorkingCopyWithoutIdentitiesMatchesTheFullReordering() {
    var table = ReviewTable()
    for n in 0..<500 { table.append(Self.review(n, text: n % 3 == 0 ? "text \(n)" : nil)) }
    let order = (0..<400).map { ($0 * 37) % 500 }
    let full = table.reordered(by: order)
    let copy = table.reorderedWithoutIdentities(by: order)
    #expect(copy.count == order.count)
    #expect(copy.ids.isEmpty && copy.sources.isEmpty && !copy.hasTexts)
    #expect(copy.ratings == full.ratings && copy.days == full.days && copy.verified == full.verified)
    #expect(copy.reviewers == full.reviewers && copy.reviewerNames == full.reviewerNames)
    #expect(Array(copy.supplierIDs) == Array(full.supplierIDs))
  }

  /// Gathering on every core (large tables) gives `map`'s elements, including reference-counted
  /// ones, for positions that repeat and skip, with a part of its own at the end.
  @Test func gatheringInPartsIsMapping() {
    let count = 3 * (1 << 16) + 17
    let column = (0..<count).map { "R-\($0)-\(String(repeating: "x", count: $0 % 20))" }
    let positions = (0..<count).map { ($0 * 7_919 + $0 / 3) % count }
    let gathered = column.gathered(at: positions)
    #expect(gathered.count == count)
    // Counted rather than compared whole, so that a failure does not print 200,000 strings.
    #expect(positions.indices.filter { gathered[$0] != column[positions[$0]] }.count == 0)
    #expect(column.gathered(at: Array(positions.prefix(1000))) == positions.prefix(1000).map { column[$0] })
  }

  /// Reviews appended as bytes have their reviewers numbered in groups: after settling, the
  /// numbers are those of appending the same reviews one by one, across several groups, with
  /// reviews without a reviewer and reviews appended as values in between.
  @Test func reviewersAppendedAsBytesAreNumberedAsIfOneByOne() {
    var model = ReviewTable()
    var table = ReviewTable()
    for n in 0..<(3 * PendingNames.group + 17) {
      var r = Self.review(n, text: n % 5 == 0 ? "t\(n)" : nil)
      r.record.reviewerID = n % 9 == 0 ? nil : "B-\(n * 7 % 401)"
      model.append(r)
      if n % 100 == 50 {
        table.append(r)
        continue
      }
      var id = r.record.id
      var reviewer = r.record.reviewerID
      var text = r.record.text
      id.withUTF8 { id in
        func withOptionalUTF8(_ s: inout String?, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
          if s == nil { body(nil) } else { s!.withUTF8 { body($0) } }
        }
        withOptionalUTF8(&reviewer) { reviewer in
          withOptionalUTF8(&text) { text in
            table.append(
              idUTF8: id, supplierID: r.record.supplierID, rating: r.record.rating, day: r.record.date,
              reviewerUTF8: reviewer, verified: r.record.verifiedPurchase, textUTF8: text, source: r.source)
          }
        }
      }
    }
    table.settleReviewers()
    #expect(table.reviewers == model.reviewers)
    #expect(table.reviewerNames == model.reviewerNames)
    #expect(Array(table) == Array(model))
  }

  @Test func eachReviewerIsNumberedOnceAndJoinedTablesShareTheNumbers() {
    func table(_ reviewers: [String?]) -> ReviewTable {
      var t = ReviewTable()
      for (n, reviewer) in reviewers.enumerated() {
        var r = Self.review(n, text: nil)
        r.record.reviewerID = reviewer
        t.append(r)
      }
      return t
    }
    let a = table(["B-1", "B-2", nil, "B-1", "B-3"])
    #expect(a.reviewerNames == ["B-1", "B-2", "B-3"])
    #expect(a.reviewers == [0, 1, -1, 0, 2])
    var joined = table(["B-3", "B-9"])
    joined.append(contentsOf: a)
    #expect(joined.reviewerNames == ["B-3", "B-9", "B-1", "B-2"])
    #expect(
      (0..<joined.count).map { joined.reviewerID(at: $0) } == ["B-3", "B-9", "B-1", "B-2", nil, "B-1", "B-3"])
    // A table built from columns numbers new reviewers after its own.
    var built = ReviewTable(
      ids: ["R-1"], supplierIDs: ["S-1"], ratings: [5], days: [Self.day], verified: [true], reviewers: [0],
      reviewerNames: ["B-7"], sources: [SourceRef(file: 0, line: 2)])!
    built.append(Self.review(5, text: nil))
    built.append(Self.review(9, text: nil))
    #expect(built.reviewerNames == ["B-7", "B-5", "B-9"] && built.reviewers == [0, 1, 2])
    #expect(
      ReviewTable(
        ids: ["R-1"], supplierIDs: ["S-1"], ratings: [5], days: [Self.day], verified: [true], reviewers: [1],
        reviewerNames: ["B-7"], sources: [SourceRef(file: 0, line: 2)]) == nil)
  }
}
