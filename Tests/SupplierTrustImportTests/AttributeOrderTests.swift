import Foundation
import SupplierTrustModel
import SupplierTrustStore
import Testing

@testable import SupplierTrustImport

/// The XML reader remembers which attribute names followed which in earlier records and finds
/// values by their place in a copied stretch of the tag; records whose attributes come in any order,
/// with unknown, repeated, non-ASCII or escaped values among them, must store exactly what the same
/// records given as CSV store.
@Suite struct AttributeOrderTests {
  /// A small deterministic generator (the tests must not depend on the run).
  struct Mixer {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  static let texts = [
    "Good quality.", "Delivered on time", "Şahin handled it — well", "Tom &amp; Jerry said: fine",
    "TÜV report attached", "",
  ]

  func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

  @Test func recordsWithAttributesInAnyOrderStoreWhatTheirCSVFormStores() throws {
    var mixer = Mixer(state: 7)
    var csv = "review_id,supplier_id,rating,review_date,reviewer_id,verified_purchase,text\n"
    var xml = "<supplierCatalog>\n<supplier id=\"SUP-A\"><name>Alpha</name><country>CN</country>\n<reviews>\n"
    for index in 0..<300 {
      let id = "R-\(index)"
      let rating = String(1 + mixer.next(5))
      let date = "2026-0\(1 + mixer.next(9))-1\(mixer.next(10))"
      let reviewer = mixer.next(3) == 0 ? nil : "BYR-\(mixer.next(50))"
      let verified = mixer.next(3) == 0 ? nil : (mixer.next(2) == 0 ? "true" : "false")
      let text = mixer.next(2) == 0 ? nil : Self.texts[mixer.next(Self.texts.count)]
      let decodedText = text?.replacingOccurrences(of: "&amp;", with: "&")
      csv +=
        [
          id, "SUP-A", rating, date, reviewer ?? "", verified ?? "", decodedText.map(csvField) ?? "",
        ].joined(separator: ",") + "\n"
      var attributes = [("review_id", id), ("rating", rating), ("review_date", date)]
      if let reviewer { attributes.append(("reviewer_id", reviewer)) }
      if let verified { attributes.append(("verified_purchase", verified)) }
      if let text { attributes.append(("text", text)) }
      if mixer.next(4) == 0 { attributes.append(("source_\(mixer.next(3))", "x")) }
      // Shuffled, or kept in the usual order for runs of records so that the remembered names are used.
      if mixer.next(3) == 0 {
        for position in attributes.indices.reversed() {
          attributes.swapAt(position, mixer.next(position + 1))
        }
      }
      let written = attributes.map { "\($0.0)=\"\($0.1)\"" }.joined(
        separator: mixer.next(2) == 0 ? " " : "\n   ")
      xml += "<review \(written)/>\n"
    }
    xml += "</reviews>\n</supplier>\n</supplierCatalog>\n"
    try withTempDir { dir in
      let xmlPath = try dir.write("catalog.xml", xml)
      let suppliersPath = try dir.write("suppliers.csv", "supplier_id,name,country\nSUP-A,Alpha,CN\n")
      let reviewsPath = try dir.write("reviews.csv", csv)
      let fromXML = try Store(path: ":memory:")
      let xmlReport = try importing([xmlPath], into: fromXML)
      let fromCSV = try Store(path: ":memory:")
      let csvReport = try importing([suppliersPath, reviewsPath], into: fromCSV)
      #expect(xmlReport.rejects.isEmpty)
      #expect(csvReport.rejects.isEmpty)
      let reviews = try fromXML.dump(.reviews)
      #expect(reviews.count == 300)
      #expect(reviews == (try fromCSV.dump(.reviews)))
      // The escaped and non-ASCII texts were among them.
      #expect(reviews.contains { $0.contains("Tom & Jerry said: fine") })
      #expect(reviews.contains { $0.contains("Şahin handled it — well") })
    }
  }

  @Test func anIdGivenTwiceAmongOtherAttributesIsReportedWithTheSecondValue() throws {
    try withTempDir { dir in
      // The second supplier's values lie in the tag as written; the third's name is not ASCII, so
      // libxml2 hands it over in a buffer of its own and each value is copied on its own.
      let path = try dir.write(
        "catalog.xml",
        """
        <supplierCatalog>
          <supplier id="C1" name="One" country="CN"/>
          <supplier id="C2" country="CN" supplier_id="C9" name="Two"/>
          <supplier name="Şahin" id="C3" country="TR" supplier_id="C8"/>
          <supplier country="VN" id="C4" name="Four"/>
        </supplierCatalog>
        """)
      let store = try Store(path: ":memory:")
      let report = try importing([path], into: store)
      #expect(report.failures.isEmpty)
      #expect(
        report.rejects.map { "\($0.line) \($0.column) \($0.value): \($0.reason)" } == [
          "3 supplier_id C9: supplier_id is given twice in one <supplier>, as two attributes",
          "4 supplier_id C8: supplier_id is given twice in one <supplier>, as two attributes",
        ])
      #expect(try store.dump(.suppliers).map { "\($0[0]) \($0[1]) \($0[2])" } == ["C1 One CN", "C4 Four VN"])
    }
  }
}
