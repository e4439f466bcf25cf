import Testing

@testable import SupplierTrustScoring

@Suite struct ScoringSmokeTests {
  @Test func catalogLocationNamesFileAndLine() {
    var catalog = Catalog()
    let file = catalog.addSource(SourceFile(path: "reviews.csv"))
    #expect(catalog.location(SourceRef(file: file, line: 88)) == "reviews.csv:88")
  }
}
