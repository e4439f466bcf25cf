import SupplierTrustModel
import SupplierTrustTestSupport
import Testing

@testable import SupplierTrustScoring

/// The supplier index's look-up from a hint finds what the plain look-up finds, whatever the
/// hint, over ids in order, out of order, unknown, and given twice (where the first place of an
/// id is its number, as the plain look-up says).
@Suite struct SupplierIndexTests {
  static func check(_ ids: [String], asking questions: [String]) {
    let index = SupplierIndex(numbering: NameNumbering(ids))
    var hint = -1
    for (k, id) in questions.enumerated() {
      let expected = index[id]
      #expect(index.number(of: id, near: &hint) == expected, "\(id), question \(k)")
      if let expected { #expect(hint == expected) }
    }
  }

  @Test func agreesWithThePlainLookUp() {
    let ids = (0..<500).map { "SUP-\(1000 + $0)" }
    // In order (every hint right), each twice, backwards, strided, and unknown ids between.
    var questions = ids + ids.flatMap { [$0, $0] } + ids.reversed()
    questions += stride(from: 0, to: ids.count, by: 7).map { ids[$0] }
    questions += ["SUP-0", "", "SUP-1000 ", "sup-1000"] + ids.prefix(3)
    var generator = SplitMix64(seed: 3)
    questions += (0..<2_000).map { _ in
      Int.random(in: 0..<10, using: &generator) == 0
        ? "X-\(Int.random(in: 0..<9, using: &generator))"
        : ids[Int.random(in: 0..<ids.count, using: &generator)]
    }
    Self.check(ids, asking: questions)
  }

  /// Ids that are one string to `==` but different bytes (é composed, and e with a combining
  /// accent) are two suppliers, whatever the hint (code review: the hint compared with `==`).
  @Test func canonicallyEquivalentIdsStayApart() {
    let ids = ["caf\u{E9}", "cafe\u{301}", "tea"]
    #expect(!NameNumbering(ids).hasRepeatedNames)
    Self.check(ids, asking: ["cafe\u{301}", "caf\u{E9}", "cafe\u{301}", "tea", "caf\u{E9}"])
    let index = SupplierIndex(numbering: NameNumbering(ids))
    for start in [-1, 0, 1] {
      var hint = start
      #expect(index.number(of: "cafe\u{301}", near: &hint) == 1)
    }
  }

  /// An id given twice: its later place is never its number, even when the hint points there.
  @Test func anIdGivenTwiceIsFoundAtItsFirstPlace() {
    let ids = ["A", "B", "C", "B", "D"]
    #expect(NameNumbering(ids).hasRepeatedNames)
    #expect(!NameNumbering(["A", "B"]).hasRepeatedNames)
    Self.check(ids, asking: ["A", "B", "C", "B", "D", "C", "B", "B", "D", "A"])
    let index = SupplierIndex(numbering: NameNumbering(ids))
    var hint = 2
    #expect(index.number(of: "B", near: &hint) == 1)
  }
}
