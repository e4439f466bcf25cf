import Testing

@testable import SupplierTrustModel

/// ``IdentifierColumn`` against a plain array of strings as the reference model.
@Suite struct IdentifierColumnTests {
  static let sample = [
    "RV-00000001", "", "RV-2", "評価-17", "a-much-longer-review-id-than-fifteen-bytes", "RV-2",
  ]

  @Test func readsBackWhatWasAppended() {
    var column = IdentifierColumn()
    for id in Self.sample { column.append(id) }
    #expect(Array(column) == Self.sample)
    var bytes = IdentifierColumn()
    for var id in Self.sample { id.withUTF8 { bytes.append(utf8: $0) } }
    #expect(bytes == column)
    var joined = IdentifierColumn(Self.sample.prefix(2))
    joined.append(contentsOf: IdentifierColumn(Self.sample.dropFirst(2)))
    #expect(joined == column)
  }

  @Test func reorderingReplacingAndSettingAgreeWithAnArray() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      var model = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
        String(repeating: "x", count: Int.random(in: 0...20, using: &rng))
          + String(Int.random(in: 0...99, using: &rng))
      }
      var column = IdentifierColumn(model)
      let positions = model.indices.shuffled(using: &rng)
      #expect(Array(column.reordered(by: positions)) == positions.map { model[$0] })
      // Some left out, some twice (each id's bytes copied in place, 16 at a time where they fit).
      let picked =
        model.indices.isEmpty
        ? []
        : (0..<Int.random(in: 0...15, using: &rng)).map { _ in
          Int.random(in: model.indices, using: &rng)
        }
      let reordered = column.reordered(by: picked)
      #expect(Array(reordered) == picked.map { model[$0] })
      #expect(reordered.bytes.count == picked.reduce(0) { $0 + model[$1].utf8.count })
      if !model.isEmpty {
        let k = Int.random(in: 0..<model.count, using: &rng)
        let id = Bool.random(using: &rng) ? model[model.count - 1 - k] : "new-\(k)"
        model[k] = id
        column[k] = id
        #expect(Array(column) == model)
        let range = k..<min(model.count, k + Int.random(in: 0...3, using: &rng))
        model.replaceSubrange(range, with: ["r1", "replacement-two"])
        column.replaceSubrange(range, with: ["r1", "replacement-two"])
        #expect(Array(column) == model)
      }
      column.shuffle(using: &rng)
      #expect(column.sorted() == model.sorted())
    }
  }

  @Test func precedesComparesBytes() {
    let column = IdentifierColumn(["RV-10", "RV-9", "RV-1", "RV-10", "é", "f"])
    #expect(column.precedes(0, 1))  // "1" < "9"
    #expect(!column.precedes(1, 0))
    #expect(column.precedes(2, 0))  // a prefix sorts first
    #expect(!column.precedes(0, 3) && !column.precedes(3, 0))
    #expect(column.precedes(5, 4))  // 0x66 < 0xC3
    // Ids of every length up to 20 (so that eight-byte words and their tails both decide),
    // against the bytes' order.
    var rng = SystemRandomNumberGenerator()
    let ids = (0..<300).map { _ in
      String(
        decoding: (0..<Int.random(in: 0...20, using: &rng)).map { _ in
          UInt8.random(in: 0x2D...0x33, using: &rng)
        }, as: UTF8.self)
    }
    let many = IdentifierColumn(ids)
    for _ in 0..<3000 {
      let (a, b) = (Int.random(in: ids.indices, using: &rng), Int.random(in: ids.indices, using: &rng))
      #expect(
        many.precedes(a, b) == ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8), "\(ids[a]) \(ids[b])")
    }
  }

  @Test func offsetsThatDoNotRiseThroughTheBytesAreRefused() {
    let bytes = Array("abcdef".utf8)
    #expect(IdentifierColumn(bytes: bytes, ends: [2, 6]).map(Array.init) == ["ab", "cdef"])
    #expect(IdentifierColumn(bytes: bytes, ends: [3, 2]) == nil)
    #expect(IdentifierColumn(bytes: bytes, ends: [2, 5]) == nil)
    #expect(IdentifierColumn(bytes: bytes, ends: [2, 7]) == nil)
  }
}
