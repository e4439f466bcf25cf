import Foundation
import SupplierTrustModel
import SupplierTrustStore
import Testing

@testable import SupplierTrustImport

/// A record that breaks several rules is reported once, under its first problem, with the others
/// beside it (column, value, reason, fix and place), so that it is fixed in one go.
@Suite struct AllProblemsTests {
  @Test func everyProblemOfACSVRecordIsReportedWithItsPlace() throws {
    try withTempDir { dir in
      var options = ImportOptions()
      options.rejectsDirectory = dir.file("rejects")
      let (report, store, path) = try importWithSuppliers(
        dir, "reviews.csv",
        "review_id,supplier_id,rating,review_date,verified_purchase\nR-1,SUP-A,7,2026-13-01,maybe\nR 2,SUP-A,5,2026-01-01,yes\n",
        options: options)
      #expect(report.rejects.count == 2)
      let first = try #require(report.rejects.first)
      // The first problem is the one checking always reported.
      #expect(first.column == "rating")
      #expect(first.reason == "rating must be between 1 and 5")
      #expect(
        first.otherProblems == [
          Rejection.Problem(
            column: "review_date", value: "2026-13-01", reason: "review_date must be a calendar date",
            fix: "write YYYY-MM-DD, e.g. 2026-09-14", fieldLine: 2, fieldColumn: 13),
          Rejection.Problem(
            column: "verified_purchase", value: "maybe", reason: "verified_purchase must be a boolean",
            fix: "write true/false, yes/no, 1/0 or y/n", fieldLine: 2, fieldColumn: 24),
        ])
      #expect(
        first.rendered == """
          error: rating must be between 1 and 5
           --> \(path):2:11 (rating = "7")
            = fix: write a value from 1 to 5
            = also: review_date must be a calendar date
              --> \(path):2:13 (review_date = "2026-13-01")
              = fix: write YYYY-MM-DD, e.g. 2026-09-14
            = also: verified_purchase must be a boolean
              --> \(path):2:24 (verified_purchase = "maybe")
              = fix: write true/false, yes/no, 1/0 or y/n
          """)
      // A record with one problem has no list at all (the JSON key is left out).
      #expect(report.rejects.last?.otherProblems == nil)
      let json = String(decoding: try JSONEncoder().encode(report.rejects.last!), as: UTF8.self)
      #expect(!json.contains("other_problems"))
      // The rejects file names every column and reason of the record.
      let rows = try readCSV(dir.file("rejects/reviews.rejects.csv"))
      #expect(
        rows[1].dropFirst().prefix(3) == [
          "2", "rating; review_date; verified_purchase",
          "rating must be between 1 and 5; review_date must be a calendar date; verified_purchase must be a boolean",
        ])
      #expect(rows[2].dropFirst().prefix(2) == ["3", "review_id"])
      #expect(try store.counts()[.reviews] == 0)
    }
  }

  /// A record split wrongly by a stray quote still reports its other problems (review 30: the
  /// quote alone was reported, the rating of 9 never); one whose quote is never closed has nothing
  /// readable after it.
  @Test func aStrayQuoteDoesNotHideTheRecordsOtherProblems() throws {
    try withTempDir { dir in
      let (report, _, path) = try importWithSuppliers(
        dir, "reviews.csv", "review_id,supplier_id,rating,review_date\nR-3,SUP-A,9,2025-01-0\"1\n")
      let first = try #require(report.rejects.first)
      #expect(
        first.rendered == """
          error: a quote appears inside a field that is not quoted
           --> \(path):2:13 (review_date = "2025-01-0\\"1")
            = fix: quote the whole field and double every quote inside it, e.g. "5"" pipe"
            = also: rating must be between 1 and 5
              --> \(path):2:11 (rating = "9")
              = fix: write a value from 1 to 5
          """)
    }
  }

  /// A rule between two columns is not judged when one of them is already wrong: the stand-in
  /// value would break it for no fault of the user's.
  @Test func rulesBetweenColumnsSkipAColumnAlreadyWrong() throws {
    try withTempDir { dir in
      let header =
        "order_id,supplier_id,order_date,amount_usd,shipped_date,delivered_date,dispute,dispute_opened_on,refund_usd"
      let (report, _, _) = try importWithSuppliers(
        dir, "orders.csv",
        """
        \(header)
        O-1,SUP-A,2026-01-10,12.3.4,2026-01-05,2026-01-01,none,2026-02-01,99999
        O-2,SUP-A,2026-01-10,100,2026-01-05,2026-01-20,none,,

        """)
      #expect(report.rejects.count == 2)
      let first = try #require(report.rejects.first)
      #expect(first.column == "amount_usd")
      // Shipped before ordered; delivered before shipped is then not judged (shipped is wrong);
      // the refund against a bad amount is not judged; the dispute rule is.
      #expect(first.otherProblems?.map(\.column) == ["shipped_date", "dispute"])
      #expect(first.otherProblems?.first?.reason == "shipped_date 2026-01-05 is before order_date 2026-01-10")
      // One problem only: no list.
      #expect(report.rejects.last?.column == "shipped_date")
      #expect(report.rejects.last?.otherProblems == nil)
    }
  }

  /// A record refused for its fields that also names an unknown supplier says so at once, and
  /// an XML record refused for a column given twice or its place lists its fields' problems too
  /// (a review found both took a second round of fixing).
  @Test func recordLevelProblemsComeWithTheFieldProblems() throws {
    try withTempDir { dir in
      let (report, _, _) = try importWithSuppliers(
        dir, "reviews.csv", "review_id,supplier_id,rating,review_date\nR-1,SUP-Z,9,2026-01-01\n")
      let reject = try #require(report.rejects.first)
      #expect(reject.column == "rating")
      #expect(reject.otherProblems?.map(\.reason) == ["supplier_id SUP-Z is not a known supplier"])
      #expect(reject.otherProblems?.first?.fieldColumn == 5)
      let path = try dir.write(
        "catalog.xml",
        """
        <supplierCatalog>
          <supplier id="SUP-1"><name>One</name><country>CN</country>
            <reviews>
              <review review_id="R-1" rating="4" review_date="x" delivery="9"><rating>4</rating></review>
              <review review_id="R-2" supplier_id="SUP-2" rating="9" review_date="2026-01-01"/>
            </reviews>
          </supplier>
        </supplierCatalog>
        """)
      let xml = try importing([path], into: try Store(path: ":memory:"))
      #expect(xml.rejects.count == 2)
      #expect(xml.rejects[0].column == "rating")
      #expect(xml.rejects[0].otherProblems?.map(\.column) == ["review_date", "delivery"])
      #expect(xml.rejects[1].reason == "supplier_id SUP-2 differs from the enclosing supplier SUP-1")
      #expect(xml.rejects[1].otherProblems?.map(\.column) == ["rating"])
    }
  }

  /// Unknown names on one line are warned about in name order, the same in every run (a
  /// dictionary's order decided it before).
  @Test func unknownNameWarningsComeInAStableOrder() throws {
    try withTempDir { dir in
      let attributes = (0..<12).map { "zz\($0)=\"1\"" }.joined(separator: " ")
      let path = try dir.write(
        "catalog.xml",
        "<supplierCatalog><supplier id=\"SUP-1\" \(attributes)><name>One</name><country>CN</country></supplier></supplierCatalog>"
      )
      let report = try importing([path], into: try Store(path: ":memory:"))
      let names = report.warnings.map(\.message)
      #expect(names.count == 12)
      #expect(names == names.sorted())
    }
  }

  @Test func everyProblemOfAnXMLRecordIsReported() throws {
    try withTempDir { dir in
      let path = try dir.write(
        "catalog.xml",
        """
        <supplierCatalog>
          <supplier id="SUP-1"><name>One</name><country>China</country><employees>many</employees></supplier>
        </supplierCatalog>
        """)
      let report = try importing([path], into: try Store(path: ":memory:"))
      let reject = try #require(report.rejects.first)
      #expect(reject.line == 2)
      #expect(reject.column == "country")
      #expect(
        reject.otherProblems == [
          Rejection.Problem(
            column: "employees", value: "many", reason: "employees must be a whole number of 0 or more",
            fix: "write digits only, e.g. 120", fieldLine: 2)
        ])
      // Each on the line of its child element (here the record's own).
      #expect(reject.fieldLine == 2)
    }
  }

  /// A refused record whose id repeats an earlier accepted one says so beside its own problem,
  /// when importing and when checking (the id of a record that was itself refused does not count,
  /// nor one that comes later, nor the id when it is the problem).
  @Test func aRefusedRecordThatRepeatsAnIdSaysSoAtOnce() throws {
    try withTempDir { dir in
      let csv = """
        review_id,supplier_id,rating,review_date
        R-1,SUP-A,5,2026-01-01
        R-2,SUP-A,9,2026-01-01
        R-1,SUP-A,7,2026-01-02
        R-2,SUP-A,8,2026-01-03
        R-3,SUP-A,6,2026-01-04
        R-3,SUP-A,4,2026-01-05
        R-1,SUP-A,4,2026-01-06

        """
      let suppliers = try dir.write("base/suppliers.csv", baseSuppliersCSV)
      let reviews = try dir.write("reviews.csv", csv)
      for store in [try Store(path: ":memory:"), nil] {
        let report = try Importer(store: store).run(paths: [suppliers, reviews])
        let rejects = report.rejects.filter { $0.file == reviews }
        #expect(rejects.map(\.line) == [3, 4, 5, 6, 8], "store: \(store != nil)")
        #expect(rejects.map(\.column) == ["rating", "rating", "rating", "rating", "review_id"])
        #expect(
          rejects.map { $0.otherProblems?.map(\.reason) ?? [] } == [
            [], ["review_id R-1 appears again in this file (first on line 2)"], [], [], [],
          ], "store: \(store != nil)")
        #expect(rejects.last?.reason == "review_id R-1 appears again in this file (first on line 2)")
        if let store { #expect(try store.counts()[.reviews] == 2) }
      }
    }
  }

  @Test func aRefusedXMLRecordThatRepeatsAnIdSaysSoAtOnce() throws {
    try withTempDir { dir in
      let path = try dir.write(
        "catalog.xml",
        """
        <supplierCatalog>
          <supplier id="SUP-1"><name>One</name><country>CN</country>
            <reviews>
              <review review_id="R-1" rating="5" review_date="2026-01-01"/>
              <review review_id=" R-1 " rating="0" review_date="2026-01-02"/>
            </reviews>
          </supplier>
          <supplier id="SUP-1"><name>Again</name><country>China</country></supplier>
        </supplierCatalog>
        """)
      for store in [try Store(path: ":memory:"), nil] {
        let report = try Importer(store: store).run(paths: [path])
        #expect(report.rejects.map(\.line) == [5, 8], "store: \(store != nil)")
        #expect(report.rejects.map(\.column) == ["rating", "country"])
        #expect(
          report.rejects.map { $0.otherProblems?.map(\.reason) ?? [] } == [
            ["review_id R-1 appears again in this file (first on line 4)"],
            ["supplier_id SUP-1 appears again in this file (first on line 2)"],
          ], "store: \(store != nil)")
      }
    }
  }

  /// An XML record refused for its fields whose supplier is known to be missing says so too: a
  /// nested one, or a top-level one whose supplier's own record was refused; a top-level one
  /// naming a supplier not seen yet waits for the end of the document (where it is reported,
  /// with the missing supplier when it never came, as a CSV record would be).
  @Test func aRefusedXMLRecordOfAMissingSupplierSaysSo() throws {
    try withTempDir { dir in
      let path = try dir.write(
        "catalog.xml",
        """
        <supplierCatalog>
          <supplier id="SUP-1"><name>One</name><country>Chinaa</country>
            <reviews>
              <review review_id="R-1" rating="9" review_date="2026-01-01"/>
            </reviews>
          </supplier>
          <review review_id="R-3" supplier_id="SUP-9" rating="0" review_date="2026-01-01"/>
          <review review_id="R-4" supplier_id="SUP-1" rating="0" review_date="2026-01-01"/>
          <review review_id="R-5" supplier_id="SUP-LATER" rating="0" review_date="2026-01-01"/>
          <supplier id="SUP-LATER"><name>Later</name><country>CN</country></supplier>
        </supplierCatalog>
        """)
      for store in [try Store(path: ":memory:"), nil] {
        let report = try Importer(store: store).run(paths: [path])
        // R-3 waited for the document's end to learn its supplier never came; the report lists
        // it in document order all the same (black-box review 24).
        #expect(report.rejects.map(\.line) == [2, 4, 7, 8, 9], "store: \(store != nil)")
        #expect(report.rejects.map(\.column) == ["country", "rating", "rating", "rating", "rating"])
        let missing = "supplier_id SUP-1 is not a known supplier (its own record at \(path):2 was rejected)"
        let never = "supplier_id SUP-9 is not a known supplier"
        #expect(
          report.rejects.map { $0.otherProblems?.map(\.reason) ?? [] } == [
            [], [missing], [never], [missing], [],
          ],
          "store: \(store != nil)")
      }
    }
  }
}
