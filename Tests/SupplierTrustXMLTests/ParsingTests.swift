import Foundation
import SupplierTrustXML
import Testing

@Suite struct ParsingTests {
  @Test func catalogEventsAreDecoded() throws {
    let (recorder, error) = parse(try fixture("catalog.xml"))
    #expect(error == nil)
    let comment = "fast & reliable \"A\" 'B' € & & &#38;"
    #expect(
      recorder.significantEvents == [
        .start("supplierCatalog", ["version": "1"], line: 2),
        .start("supplier", ["id": "S-001", "country": "DE"], line: 3),
        .start("name", [:], line: 4), .text("TÜV SÜD & Partner"), .end("name"),
        .start("contact", [:], line: 5), .text("Şahin <sales> été €5"), .end("contact"),
        .start("note", [:], line: 6), .text("a <raw> & \"quoted\" note"), .end("note"),
        .start("reviews", [:], line: 7),
        // The start tag spans lines 8-9: its element is on the line where the tag opens.
        .start("review", ["review_id": "R-1", "rating": "5", "comment": comment], line: 8),
        .end("review"),
        .end("reviews"),
        .end("supplier"),
        .end("supplierCatalog"),
      ])
    #expect(recorder.attributeOrder[1] == ["id", "country"])
    #expect(recorder.attributeOrder[6] == ["review_id", "rating", "comment"])
  }

  @Test func oneByteChunksGiveTheSameEventsAsOnePiece() throws {
    let data = try fixture("catalog.xml")
    let (whole, wholeError) = parse(data)
    let (bytewise, bytewiseError) = parse(data, chunkSize: 1)
    #expect(wholeError == nil)
    #expect(bytewiseError == nil)
    #expect(bytewise.allEvents == whole.allEvents)
    #expect(whole.allEvents.count == 26)
  }

  @Test func textSplitAcrossChunksIsComplete() {
    let document = "<r><a>TÜV SÜD Şahin &amp; &#x20AC; long text</a></r>"
    for chunkSize in [1, 2, 3, 5, 7, 11] {
      let (recorder, error) = parse(document, chunkSize: chunkSize)
      #expect(error == nil)
      #expect(
        recorder.allEvents == [
          .start("r", [:], line: 1), .start("a", [:], line: 1), .text("TÜV SÜD Şahin & € long text"),
          .end("a"), .end("r"),
        ], "chunk size \(chunkSize)")
    }
  }

  @Test func cdataIsDeliveredAsCharacters() {
    let (recorder, error) = parse("<r>x<![CDATA[<b>&amp;</b>]]>y</r>")
    #expect(error == nil)
    #expect(recorder.allText == "x<b>&amp;</b>y")
  }

  @Test func namespacePrefixesAreDropped() {
    let document = """
      <c:catalog xmlns:c="urn:c" xmlns:x="urn:x"><c:item x:code="7" plain="p"/></c:catalog>
      """
    let (recorder, error) = parse(document)
    #expect(error == nil)
    #expect(
      recorder.allEvents == [
        .start("catalog", [:], line: 1), .start("item", ["code": "7", "plain": "p"], line: 1),
        .end("item"), .end("catalog"),
      ])
  }

  @Test func elementLinesAreReported() {
    let document = "<r>\n<a/>\n\n<b>\n<c\n  x=\"1\"\n  y=\"2\"/>\n</b></r>\n"
    let (recorder, error) = parse(document)
    #expect(error == nil)
    let lines = recorder.allEvents.compactMap { event -> String? in
      if case .start(let name, _, let line) = event { return "\(name)@\(line)" }
      return nil
    }
    // libxml2 reports `c` once its tag has ended on line 7; the element starts on line 5.
    #expect(lines == ["r@1", "a@2", "b@4", "c@5"])
  }

  @Test func lineNumbersSurviveOneByteChunks() {
    let document = "<r>\n<a/>\n\n<b>\n<c\n  x=\"1\"/>\n</b></r>\n"
    let (whole, _) = parse(document)
    let (bytewise, error) = parse(document, chunkSize: 1)
    #expect(error == nil)
    #expect(bytewise.allEvents == whole.allEvents)
  }

  /// The line of each start element, as `name@line`.
  private func startLines(_ recorder: Recorder) -> [String] {
    recorder.allEvents.compactMap { event -> String? in
      if case .start(let name, _, let line) = event { return "\(name)@\(line)" }
      return nil
    }
  }

  @Test func multiLineStartTagsReportTheLineTheyOpenOn() {
    // Line breaks between attributes, inside a value, before `>` and before `/>`; a `>` inside a
    // value; a comment and a one-line tag sharing a line with the tag.
    let document = """
      <?xml version="1.0"?>
      <catalog>
        <supplier
            id="ML1">
          <certification standard="ISO9001"
                         note="a > b, spread
      over two lines"
                         status="valid"/>
        </supplier><!-- < --><supplier
            id="ML2"
            >
          <x a="1"
          /><y/>
        </supplier>
      </catalog>

      """
    for chunkSize in [nil, 1, 2, 3, 7, 64] {
      let (recorder, error) = parse(document, chunkSize: chunkSize)
      #expect(error == nil)
      #expect(
        startLines(recorder) == ["catalog@2", "supplier@3", "certification@5", "supplier@9", "x@12", "y@13"],
        "chunk size \(String(describing: chunkSize))")
    }
  }

  @Test func crlfLineEndsCountOnce() {
    let document =
      "<?xml version=\"1.0\"?>\r\n<r>\r\n  <a\r\n    x=\"1\"\r\n    y=\"2\"/>\r\n  <b/>\r\n</r>\r\n"
    for chunkSize in [nil, 1, 5] {
      let (recorder, error) = parse(document, chunkSize: chunkSize)
      #expect(error == nil)
      #expect(startLines(recorder) == ["r@2", "a@3", "b@6"], "chunk size \(String(describing: chunkSize))")
    }
  }

  @Test func startTagLinesAreRightDeepIntoALargeDocument() {
    // Far past the parser's first buffer, where it has shrunk its input more than once.
    var document = "<r>\n"
    for index in 0..<5_000 { document += "<e i=\"\(index)\"\n   j=\"x\"/>\n" }
    document += "<last\n k=\"1\"\n/>\n</r>\n"
    for chunkSize in [nil, 4096] {
      let (recorder, error) = parse(document, chunkSize: chunkSize)
      #expect(error == nil)
      let lines = startLines(recorder)
      #expect(lines.count == 5_002)
      #expect(lines[1] == "e@2")
      #expect(lines[5_000] == "e@10000")
      #expect(lines.last == "last@10002", "chunk size \(String(describing: chunkSize))")
    }
  }

  @Test func byteOrderMarkIsAccepted() throws {
    let data = try fixture("bom.xml")
    #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
    for chunkSize in [nil, 1] {
      let (recorder, error) = parse(data, chunkSize: chunkSize)
      #expect(error == nil)
      #expect(
        recorder.significantEvents == [
          .start("catalog", [:], line: 2), .start("supplier", ["id": "S-2"], line: 3), .text("Şahin"),
          .end("supplier"), .end("catalog"),
        ])
    }
  }

  @Test func nonASCIIBytesAreIntact() {
    let (recorder, error) = parse("<r n=\"TÜV SÜD\">Şahin</r>")
    #expect(error == nil)
    #expect(recorder.allEvents == [.start("r", ["n": "TÜV SÜD"], line: 1), .text("Şahin"), .end("r")])
    #expect(Array(recorder.allText.utf8) == [0xC5, 0x9E, 0x61, 0x68, 0x69, 0x6E])
  }

  @Test func attributeValuesAreNormalizedAndDecoded() {
    let (recorder, error) = parse("<r a=\"x&#10;y\" b=\"1&lt;2&gt;0\" c=\"&amp;&amp;\" d=\"\"/>")
    #expect(error == nil)
    #expect(
      recorder.allEvents == [
        .start("r", ["a": "x\ny", "b": "1<2>0", "c": "&&", "d": ""], line: 1), .end("r"),
      ])
  }

  @Test func attributesIndexLikeACollection() {
    final class Probe: XMLStreamHandler {
      var seen: [String] = []
      func startElement(name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes, line: Int) throws {
        seen.append("\(attributes.count) \(attributes.startIndex) \(attributes.endIndex)")
        if let last = attributes.last { seen.append(String(decoding: last.value, as: UTF8.self)) }
      }
      func endElement(name: UnsafeBufferPointer<UInt8>) throws {}
      func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
    }
    let probe = Probe()
    let parser = XMLStreamParser(documentName: "t", handler: probe)
    let document = Array("<r><e/><e a=\"1\" b=\"&amp;2\"/></r>".utf8)
    #expect(throws: Never.self) {
      try document.withUnsafeBytes { try parser.feed($0) }
      try parser.finish()
    }
    #expect(probe.seen == ["0 0 0", "0 0 0", "2 0 2", "&2"])
  }

  @Test func parseFileMatchesFeedingWhole() throws {
    let url = try fixtureURL("catalog.xml")
    let (whole, _) = parse(try Data(contentsOf: url))
    for chunkSize in [7, 1 << 20] {
      let recorder = Recorder()
      try XMLStreamParser.parseFile(atPath: url.path, handler: recorder, chunkSize: chunkSize)
      #expect(recorder.allEvents == whole.allEvents, "chunk size \(chunkSize)")
    }
    let recorder = Recorder()
    try XMLStreamParser.parseFile(atPath: url.path, handler: recorder)
    #expect(recorder.allEvents == whole.allEvents)
  }
}

@Suite struct ValueSpanTests {
  /// For each start tag: whether it had a span, and whether every value was found at its offset.
  final class Probe: XMLStreamHandler {
    var seen: [String] = []
    func startElement(name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes, line: Int) throws {
      guard let span = attributes.valueSpan else {
        seen.append("\(String(decoding: name, as: UTF8.self)): none")
        return
      }
      let found = attributes.indices.map { position -> String in
        let value = attributes.value(at: position)
        let offset = attributes.valueOffset(at: position)
        let kept = span[offset..<(offset + value.count)]
        return kept.elementsEqual(value) ? String(decoding: kept, as: UTF8.self) : "MISMATCH"
      }
      seen.append("\(String(decoding: name, as: UTF8.self)): \(found.joined(separator: "|"))")
    }
    func endElement(name: UnsafeBufferPointer<UInt8>) throws {}
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
  }

  static let document = """
    <r>
      <plain a="1" bb="two"   c="" d='it"s'/>
      <spread
         x="first"
         y="second"/>
      <accented n="TÜV SÜD" m="x"/>
      <escaped p="a&amp;b" q="c"/>
      <referenced p="&#65;" q="c"/>
      <bare/>
    </r>
    """

  static let expected = [
    "r: none", "plain: 1|two||it\"s", "spread: first|second", "accented: none", "escaped: none",
    "referenced: none", "bare: none",
  ]

  @Test(arguments: [1, 7, 1 << 16])
  func everyValueIsFoundAtItsOffsetOrThereIsNoSpan(chunkSize: Int) throws {
    let probe = Probe()
    let parser = XMLStreamParser(documentName: "t", handler: probe)
    let bytes = Array(Self.document.utf8)
    var start = 0
    while start < bytes.count {
      let end = min(start + chunkSize, bytes.count)
      try bytes[start..<end].withUnsafeBytes { try parser.feed($0) }
      start = end
    }
    try parser.finish()
    #expect(probe.seen == Self.expected)
  }
}
