import Testing

@testable import SupplierTrustModel

/// The text column behaves as a plain `[String?]` (the reference model) through appends,
/// replacements, joins and reorderings.
@Suite struct TextColumnTests {
  @Test func agreesWithAnArrayOfOptionalStrings() {
    var column = TextColumn()
    var model: [String?] = []
    var random = SystemRandomNumberGenerator()
    for n in 0..<400 {
      let text: String? =
        switch n % 5 {
        case 0: nil
        case 1: ""
        case 2: "ünïcode \(n) ✓"
        default: String(repeating: "w", count: n % 37)
        }
      column.append(text)
      model.append(text)
    }
    column.appendNils(3)
    model += [nil, nil, nil]
    #expect(Array(column) == model)
    // Replacements, longer and shorter, to nil and from nil.
    for _ in 0..<200 {
      let k = Int.random(in: 0..<model.count, using: &random)
      let text: String? = Bool.random(using: &random) ? nil : String(repeating: "r", count: k % 50)
      column[k] = text
      model[k] = text
    }
    column.replaceSubrange(10..<20, with: ["a", nil])
    model.replaceSubrange(10..<20, with: ["a", nil])
    #expect(Array(column) == model)
    #expect(column == TextColumn(model))
    // Reordered: the same texts at the new positions.
    let positions = model.indices.shuffled(using: &random)
    #expect(Array(column.reordered(by: positions)) == positions.map { model[$0] })
    // Joined: the second column's texts after the first's.
    var joined = column
    joined.append(contentsOf: ["x", nil, "yz"])
    #expect(Array(joined) == model + ["x", nil, "yz"])
  }

  @Test func bytesGoInWithoutAString() {
    var column = TextColumn()
    Array("héllo".utf8).withUnsafeBufferPointer { column.append(utf8: $0) }
    column.append(utf8: nil)
    #expect(column == ["héllo", nil])
  }
}
