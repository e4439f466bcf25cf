import Foundation
import SupplierTrustXML
import Testing

/// Checks every attribute and element name against the name itself (the reference answer), and
/// counts how often the cache had to ask.
private final class CachingRecorder: XMLStreamHandler {
  let attributes = XMLNameCache()
  let elements = XMLNameCache()
  var table: [String: Int] = [:]
  var computed = 0
  var looked = 0
  var mismatches: [String] = []

  private func number(_ name: UnsafeBufferPointer<UInt8>) -> Int {
    computed += 1
    let text = String(decoding: name, as: UTF8.self)
    if let known = table[text] { return known }
    table[text] = table.count
    return table.count - 1
  }

  private func check(_ value: Int, _ name: String) {
    looked += 1
    if table[name] != value { mismatches.append(name) }
  }

  func startElement(name: UnsafeBufferPointer<UInt8>, attributes list: XMLAttributes, line: Int) throws {
    check(elements.value(ofName: name) { self.number($0) }, String(decoding: name, as: UTF8.self))
    for position in list.indices {
      let value = attributes.value(ofAttribute: position, in: list) { self.number($0) }
      check(value, String(decoding: list[position].name, as: UTF8.self))
    }
  }

  func endElement(name: UnsafeBufferPointer<UInt8>) throws {}
  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}

@Suite struct NameCacheTests {
  @Test func cachedNamesAgreeWithTheNamesAndAreRarelyLookedUpAgain() throws {
    var document = "<supplierCatalog><reviews>"
    for index in 0..<2_000 {
      // Short and long names, prefixes of one another, and a name used only now and then.
      let extra = index % 97 == 0 ? " rarely_used_attribute=\"x\"" : ""
      document +=
        "<review review_id=\"R\(index)\" rating=\"5\" rating_x=\"1\" r=\"2\" a_rather_long_attribute_name_beyond_sixteen=\"3\"\(extra)><text>t</text></review>"
    }
    document += "</reviews></supplierCatalog>"
    let recorder = CachingRecorder()
    let parser = XMLStreamParser(documentName: "names.xml", handler: recorder)
    // Small chunks: libxml2 refills its buffers often, and names still come from its dictionary.
    let bytes = Array(document.utf8)
    try bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let end = min(offset + 4_096, raw.count)
        try parser.feed(UnsafeRawBufferPointer(rebasing: raw[offset..<end]))
        offset = end
      }
    }
    try parser.finish()
    #expect(recorder.mismatches.isEmpty)
    #expect(recorder.looked == 2_000 * 7 + 21 + 2)
    // Each distinct name is worked out about once (a few more if two share a slot), not per use.
    #expect(recorder.computed < 3 * recorder.table.count)
  }

  @Test func aDifferentNameAtARememberedAddressIsLookedUpAfresh() {
    let cache = XMLNameCache()
    var calls = 0
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
    defer { storage.deallocate() }
    func value(of text: String) -> Int {
      let bytes = Array(text.utf8)
      storage.update(from: bytes, count: bytes.count)
      return cache.value(ofName: UnsafeBufferPointer(start: storage, count: bytes.count)) { name in
        calls += 1
        return String(decoding: name, as: UTF8.self) == "rating" ? 1 : 2
      }
    }
    #expect(value(of: "rating") == 1)
    #expect(value(of: "rating") == 1)
    #expect(calls == 1)
    // Same address, other bytes (the same length, then shorter): never the remembered answer.
    #expect(value(of: "rattle") == 2)
    #expect(value(of: "rat") == 2)
    #expect(value(of: "rating") == 1)
    #expect(calls == 4)
  }
}
