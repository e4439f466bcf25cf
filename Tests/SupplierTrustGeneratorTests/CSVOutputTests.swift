import Foundation
import Testing

@testable import SupplierTrustGenerator

@Suite struct CSVOutputTests {
  @Test func filesParseAndMatchTheSummary() throws {
    let directory = makeTemporaryDirectory("parse")
    defer { cleanUp(directory) }
    let summary = try CatalogGenerator.generate(smallOptions(directory))
    let files = try readAll(directory)
    #expect(summary.files.map(\.kind) == recordFiles)
    for (file, kind) in zip(summary.files, RecordKind.allCases) {
      let read = files[file.kind]!
      #expect(read.syntaxErrors == 0, "\(file.kind)")
      #expect(read.header == kind.columns)
      #expect(read.records.count == file.records, "\(file.kind)")
      #expect(read.records.allSatisfy { $0.fields.count == read.header.count }, "\(file.kind)")
      let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
      #expect(size == file.bytes)
      #expect(file.records > 0)
    }
  }

  @Test func everyValueFollowsTheContractWhenNoFaultsAreAsked() throws {
    let directory = makeTemporaryDirectory("valid")
    defer { cleanUp(directory) }
    _ = try CatalogGenerator.generate(smallOptions(directory, suppliers: 200, seed: 3))
    let files = try readAll(directory)
    let rejects = ContractChecker.rejects(files)
    #expect(rejects.isEmpty, "\(rejects.map(\.description).sorted().prefix(5))")
  }

  @Test func referencesResolveAndIdsAreUnique() throws {
    let directory = makeTemporaryDirectory("refs")
    defer { cleanUp(directory) }
    _ = try CatalogGenerator.generate(smallOptions(directory, suppliers: 200))
    let files = try readAll(directory)
    let supplierIDs = files["suppliers"]!.records.map { $0.fields[0] }
    #expect(Set(supplierIDs).count == supplierIDs.count)
    let known = Set(supplierIDs)
    for name in recordFiles.dropFirst() {
      let file = files[name]!
      let column = file.column("supplier_id")
      #expect(file.records.allSatisfy { known.contains($0.fields[column]) }, "\(name)")
    }
    for name in ["audits", "reviews", "orders"] {
      let ids = files[name]!.records.map { $0.fields[0] }
      #expect(Set(ids).count == ids.count, "\(name)")
    }
    let certificates = files["certifications"]!
    let keys = certificates.records.map { record in
      let standard = record.fields[1].uppercased().replacingOccurrences(of: " ", with: "")
        .split(separator: ":")[0]
      return "\(record.fields[0])|\(standard)|\(record.fields[2])"
    }
    #expect(Set(keys).count == keys.count)
  }

  @Test func datesAreOrderedAndNeverAfterTheExportDay() throws {
    let directory = makeTemporaryDirectory("dates")
    defer { cleanUp(directory) }
    _ = try CatalogGenerator.generate(smallOptions(directory, suppliers: 300, seed: 11))
    let files = try readAll(directory)
    let asOf = ContractChecker.asOf
    func day(_ value: String) -> String? { value.isEmpty ? nil : String(value.prefix(10)) }

    let suppliers = files["suppliers"]!
    for record in suppliers.records {
      let established = Int(record.fields[suppliers.column("year_established")])
      let gold = Int(record.fields[suppliers.column("gold_supplier_since")])
      if let established, let gold { #expect(gold >= established) }
    }
    let certificates = files["certifications"]!
    for record in certificates.records {
      let issued = day(record.fields[certificates.column("issued_on")])!
      #expect(issued <= asOf)
      if let expires = day(record.fields[certificates.column("expires_on")]) { #expect(issued <= expires) }
    }
    let audits = files["audits"]!
    for record in audits.records {
      let date = day(record.fields[audits.column("audit_date")])!
      #expect(date <= asOf)
      if let until = day(record.fields[audits.column("valid_until")]) { #expect(until >= date) }
    }
    let reviews = files["reviews"]!
    #expect(reviews.records.allSatisfy { day($0.fields[reviews.column("review_date")])! <= asOf })

    let orders = files["orders"]!
    for record in orders.records {
      func value(_ column: String) -> String { record.fields[orders.column(column)] }
      let ordered = day(value("order_date"))!
      let shipped = day(value("shipped_date"))
      let delivered = day(value("delivered_date"))
      #expect(ordered <= asOf)
      if let shipped { #expect(ordered <= shipped && shipped <= asOf) }
      if let delivered { #expect(shipped != nil && shipped! <= delivered && delivered <= asOf) }
      let dispute = value("dispute")
      let opened = day(value("dispute_opened_on"))
      let closed = day(value("dispute_closed_on"))
      if dispute.isEmpty || dispute == "none" {
        #expect(opened == nil && closed == nil)
      } else {
        #expect(opened != nil && opened! >= ordered && opened! <= asOf)
        if let closed { #expect(opened! <= closed && closed <= asOf) }
        #expect((closed == nil) == (dispute == "open"))
      }
      let refund = Double(value("refund_usd"))
      if let refund {
        #expect(dispute == "refunded" || dispute == "partially_refunded")
        #expect(refund <= Double(value("amount_usd"))!)
      }
    }
  }
}
