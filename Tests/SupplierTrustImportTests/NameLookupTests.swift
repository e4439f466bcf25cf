import Testing

@testable import SupplierTrustImport

/// Element and attribute names are looked up in one flat table, compared byte by byte.
@Suite struct NameLookupTests {
  let table = NameTable<Int>([("review_id", 0), ("rating", 1), ("review_date", 2), ("rate", 3)])

  @Test func theTableFindsWholeNamesOnly() {
    func find(_ name: String) -> Int? {
      Array(name.utf8).withUnsafeBufferPointer { table.lookup($0) }
    }
    #expect(find("review_id") == 0)
    #expect(find("rating") == 1)
    #expect(find("review_date") == 2)
    #expect(find("rate") == 3)
    #expect(find("ratin") == nil)
    #expect(find("ratings") == nil)
    #expect(find("review_idx") == nil)
    #expect(find("Rating") == nil)
    #expect(find("") == nil)
  }
}
