import Testing

@testable import SupplierTrustScoring

@Suite struct ScoringSmokeTests {
  @Test func catalogLocationNamesFileAndLine() {
    var catalog = Catalog()
    let file = catalog.addSource(SourceFile(path: "reviews.csv"))
    #expect(catalog.location(SourceRef(file: file, line: 88)) == "reviews.csv:88")
  }
}

@Suite struct NumberFormatTests {
  /// The digits the description of the rounded value gives, padded to `decimals`.
  static func reference(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if decimals == 0 { return String(Int(rounded)) }
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let have = text.distance(from: dot, to: text.endIndex) - 1
      if have < decimals { text += String(repeating: "0", count: decimals - have) }
    }
    return text
  }

  @Test func fixedDecimalsMatchTheRoundedValuesDescription() {
    var generator = SeededRandom(seed: 42)
    var values: [Double] = [
      0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.949, 0.95, 4.55, 99.95, 100, 1e6 + 0.5, -123.456, 0.1, 0.2, 0.3,
    ]
    for _ in 0..<20_000 { values.append(Double(generator.next() % 2_000_000) / 997 - 1_000) }
    for _ in 0..<2_000 { values.append(Double(generator.next() % 10_000) / 10_000) }
    for value in values {
      for decimals in 0...3 {
        #expect(format(value, decimals) == Self.reference(value, decimals), "\(value) \(decimals)")
      }
    }
  }
}
