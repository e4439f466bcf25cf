import Foundation
import Testing

@testable import SupplierTrustGenerator

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Counts elements by name and remembers the line of every record start tag.
final class ElementCounter: NSObject, XMLParserDelegate {
  var counts: [String: Int] = [:]
  var startLines: [Int: String] = [:]
  weak var parser: XMLParser?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    counts[elementName, default: 0] += 1
    startLines[parser.lineNumber] = elementName
  }
}

@Suite struct XMLOutputTests {
  @Test func xmlIsWellFormedAndHoldsTheSameRecordsAsCSV() throws {
    let csv = makeTemporaryDirectory("xml-csv")
    let xml = makeTemporaryDirectory("xml")
    defer { [csv, xml].forEach(cleanUp) }
    let csvSummary = try CatalogGenerator.generate(smallOptions(csv, suppliers: 80))
    let xmlSummary = try CatalogGenerator.generate(smallOptions(xml, suppliers: 80, xml: true))
    #expect(xmlSummary.files.count == 1)
    #expect(xmlSummary.files[0].kind == "catalog")
    let parser = XMLParser(contentsOf: URL(fileURLWithPath: xml + "/catalog.xml"))!
    let counter = ElementCounter()
    parser.delegate = counter
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
    for (file, kind) in zip(csvSummary.files, RecordKind.allCases) {
      #expect(counter.counts[kind.element, default: 0] == file.records, "\(kind.element)")
    }
    #expect(xmlSummary.files[0].records == csvSummary.files.map(\.records).reduce(0, +))
    #expect(counter.counts["supplierCatalog"] == 1)
  }

  @Test func xmlManifestLinesHoldRecordStartTags() throws {
    let directory = makeTemporaryDirectory("xml-faults")
    defer { cleanUp(directory) }
    let summary = try CatalogGenerator.generate(
      smallOptions(directory, suppliers: 150, rate: 0.05, xml: true))
    let text = try String(contentsOfFile: directory + "/catalog.xml", encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let manifest = try ReadCSV(path: summary.manifestPath!)
    #expect(manifest.records.count == summary.injectedBadRecords)
    #expect(summary.injectedBadRecords > 20)
    let parser = XMLParser(contentsOf: URL(fileURLWithPath: directory + "/catalog.xml"))!
    #expect(parser.parse())
    var topLevel = 0
    for record in manifest.records {
      #expect(record.fields[0] == "catalog.xml")
      let line = lines[Int(record.fields[1])! - 1].trimmingCharacters(in: .whitespaces)
      let column = record.fields[2]
      let element = RecordKind.allCases.first {
        $0.columns.contains(column) && line.hasPrefix("<\($0.element) ")
      }
      #expect(element != nil, "line \(record.fields[1]) is \(line)")
      if record.fields[3] == "unknown_supplier" {
        #expect(line.contains("supplier_id=\"SUP-9"))
        topLevel += 1
      }
    }
    #expect(topLevel > 0)
  }
}
