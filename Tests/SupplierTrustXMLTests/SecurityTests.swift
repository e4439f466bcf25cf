import Foundation
import SupplierTrustTestSupport
import SupplierTrustXML
import Testing

@Suite struct SecurityTests {
  static let doctypeMessage = "DOCTYPE declarations are not allowed in supplier catalogs"
  static let doctypeFix = "remove the <!DOCTYPE ...> declaration; the catalog format needs no DTD"

  private func expectDoctypeRefused(
    _ document: String, line: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Recorder {
    var last = Recorder()
    for chunkSize in [nil, 1] {
      let (recorder, error) = parse(document, chunkSize: chunkSize)
      last = recorder
      let failure = error as? XMLReadError
      #expect(failure?.code == .doctypeForbidden, sourceLocation: sourceLocation)
      #expect(failure?.message == Self.doctypeMessage, sourceLocation: sourceLocation)
      #expect(failure?.fix == Self.doctypeFix, sourceLocation: sourceLocation)
      #expect(failure?.line == line, sourceLocation: sourceLocation)
      #expect(failure?.file == "test.xml", sourceLocation: sourceLocation)
      #expect(recorder.allEvents.isEmpty, sourceLocation: sourceLocation)
    }
    return last
  }

  @Test func externalEntityIsRefused() {
    let recorder = expectDoctypeRefused(
      "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>")
    #expect(!recorder.allText.contains("root:"))
  }

  @Test func doctypeLineIsReported() {
    _ = expectDoctypeRefused("<?xml version=\"1.0\"?>\n\n<!DOCTYPE r>\n<r/>", line: 3)
  }

  @Test func externalDTDOverNetworkIsRefused() {
    _ = expectDoctypeRefused("<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\"><r/>")
  }

  @Test func externalDTDOverNetworkIsNeverFetched() throws {
    // A listening socket: a fetch would show up as a pending connection, which the probe accepts and
    // closes so that a misbehaving parser cannot hang the test.
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(listener >= 0)
    defer { close(listener) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(listener, pointer, length) == 0 && listen(listener, 8) == 0
          && getsockname(listener, pointer, &length) == 0
      }
    }
    try #require(bound)
    _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)
    let port = UInt16(bigEndian: address.sin_port)
    let connected = whileProbing({
      let connection = accept(listener, nil, nil)
      guard connection >= 0 else { return false }
      close(connection)
      return true
    }) {
      _ = expectDoctypeRefused("<!DOCTYPE r SYSTEM \"http://127.0.0.1:\(port)/x.dtd\"><r/>")
    }
    #expect(!connected, "the parser connected to the DTD's URL")
  }

  @Test func localExternalDTDIsNeverOpened() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A FIFO: opening it for reading blocks until a writer appears, and a non-blocking open for writing
    // succeeds only while a reader has it open. The probe therefore both detects and unblocks any open.
    let fifo = directory.appendingPathComponent("x.dtd").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let opened = whileProbing({
      let writer = open(fifo, O_WRONLY | O_NONBLOCK)
      guard writer >= 0 else { return false }
      close(writer)
      return true
    }) {
      _ = expectDoctypeRefused("<!DOCTYPE r SYSTEM \"\(fifo)\"><r/>")
      _ = expectDoctypeRefused("<!DOCTYPE r SYSTEM \"file://\(fifo)\"><r/>")
      _ = expectDoctypeRefused("<!DOCTYPE r [<!ENTITY e SYSTEM \"\(fifo)\">]><r>&e;</r>")
    }
    #expect(!opened, "the parser opened the external DTD")
  }

  @Test func billionLaughsIsRefusedQuickly() {
    var document = "<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n"
    for level in 1...10 {
      let references = String(repeating: "&lol\(level - 1);", count: 10)
      document += "<!ENTITY lol\(level) \"\(references)\">\n"
    }
    document += "]>\n<lolz>&lol10;</lolz>\n"
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let recorder = expectDoctypeRefused(document)
      #expect(!recorder.allText.contains("lol"))
    }
    #expect(elapsed < .milliseconds(250))
  }

  @Test func parameterEntitiesAreRefused() {
    _ = expectDoctypeRefused(
      """
      <!DOCTYPE r [
      <!ENTITY % p SYSTEM "file:///etc/passwd">
      <!ENTITY % q "<!ENTITY e 'pwned'>">
      %p;%q;
      ]><r>&e;</r>
      """)
  }

  @Test func entityReferenceWithoutDeclarationNeverReadsAFile() throws {
    let (recorder, error) = parse("<r>&passwd;</r>")
    #expect((error as? XMLReadError)?.code == .malformed)
    #expect(!recorder.allText.contains("root:"))
  }
}

/// libxml2 2.9 compares each attribute of a start tag with every one before it (400,000 took 31
/// s; black-box review 99): a tag of more than ``XMLStreamParser/attributeLimit`` is refused
/// before libxml2 reads it, however the document is cut into chunks.
@Suite struct AttributeLimitTests {
  static func tag(_ count: Int) -> String {
    "<a " + (0..<count).map { "a\($0)=\"v\"" }.joined(separator: " ") + "/>"
  }

  @Test func aStartTagOfTooManyAttributesIsRefused() throws {
    let limit = XMLStreamParser.attributeLimit
    let document = "<?xml version=\"1.0\"?>\n<r>\n  " + Self.tag(limit + 1) + "\n</r>\n"
    var places: Set<[Int]> = []
    for chunkSize in [nil, 1, 7, 4096] {
      let (recorder, error) = parse(document, chunkSize: chunkSize)
      let failure = try #require(error as? XMLReadError)
      #expect(failure.code == .malformed)
      #expect(failure.message == "an element has more than 1000 attributes")
      #expect(
        failure.fix
          == "give each record's fields as child elements or a few attributes; a catalog record has a few dozen fields"
      )
      #expect(!recorder.allEvents.contains { if case .start("a", _, _) = $0 { true } else { false } })
      places.insert([failure.line, failure.column])
    }
    // Line 3, at the `=` of the 1,001st attribute.
    let column =
      "  <a ".utf8.count + (0..<limit).map { "a\($0)=\"v\" ".utf8.count }.reduce(0, +) + "a1000=".utf8.count
    #expect(places == [[3, column]])
  }

  @Test func aStartTagAtTheLimitIsRead() throws {
    let (recorder, error) = parse("<r>" + Self.tag(XMLStreamParser.attributeLimit) + "</r>", chunkSize: 13)
    #expect(error == nil)
    #expect(recorder.attributeOrder.map(\.count) == [0, XMLStreamParser.attributeLimit])
  }

  /// Equals signs in comments, CDATA, processing instructions, quoted values (with `>` and the
  /// other quote) and text are no attributes, and the tags after them count from zero.
  @Test func onlyAttributesOfStartTagsCount() throws {
    let many = String(repeating: "x=1 ", count: 1_200)
    let document = """
      <?xml version="1.0"?>
      <?pi \(many) ?>
      <r>
        <!-- don't \(many) -> - a=' -->
        <![CDATA[ <b \(many) ]] > ]]>
        <c v="\(String(repeating: "=>'", count: 1_200))" w='\(String(repeating: "=\"", count: 1_200))'>\(String(repeating: "=", count: 1_200))</c>
        \(Self.tag(XMLStreamParser.attributeLimit))
      </r>
      """
    for chunkSize in [nil, 1, 5, 64] {
      let (recorder, error) = parse(document, chunkSize: chunkSize)
      #expect(error == nil, "\(String(describing: error))")
      #expect(recorder.attributeOrder.map(\.count) == [0, 2, XMLStreamParser.attributeLimit])
    }
  }
}

/// The attribute count against a reference built with the documents: random documents of start
/// tags around the limit, among comments, CDATA sections and processing instructions holding
/// `<`, `=`, quotes and near-closings, cut into random chunks. Refused exactly when a start tag
/// has more than the limit, at the `=` past it.
@Suite struct AttributeLimitReferenceTests {
  @Test func refusedExactlyWhenAStartTagPassesTheLimit() throws {
    let limit = XMLStreamParser.attributeLimit
    var random = SplitMix64(seed: 99)
    let noise = ["<", "=", "\"", "'", "-", "->", "]]", "]>", "?", "x=1 ", "<b c=", "&lt;", "\n"]
    func noisy(_ count: Int) -> String {
      (0..<count).map { _ in noise.randomElement(using: &random)! }.joined()
    }
    var refusals = 0
    for _ in 0..<40 {
      var document = "<?xml version=\"1.0\"?>\n<r>\n"
      // The line and column of the `=` past the limit in the first tag that has one.
      var expected: (line: Int, column: Int)?
      var counts: [Int] = [0]
      for _ in 0..<Int.random(in: 1...12, using: &random) {
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
          document +=
            "<!-- "
            + noisy(Int.random(in: 0...2_000, using: &random)).replacingOccurrences(of: "--", with: "- ")
            + " -->\n"
        case 1:
          document +=
            "<![CDATA["
            + noisy(Int.random(in: 0...2_000, using: &random)).replacingOccurrences(of: "]]>", with: "]] >")
            + "]]>\n"
        case 2:
          document +=
            "<?pi "
            + noisy(Int.random(in: 0...2_000, using: &random)).replacingOccurrences(of: "?>", with: "? >")
            + " ?>\n"
        default:
          let count = [0, 3, limit - 1, limit, limit + 1, limit + 40].randomElement(using: &random)!
          let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
          var tag = "<e"
          for k in 0..<count {
            let value = ["v", "a>b", "x='y'", "==", ""].randomElement(using: &random)!
            tag += k % 50 == 49 ? "\n " : " "
            tag += "a\(k)=\"\(value)\""
            if k == limit, expected == nil {
              let tagLines = tag.split(separator: "\n", omittingEmptySubsequences: false)
              let column =
                tagLines.count == 1
                ? lines.last!.utf8.count + tag.utf8.count - 1 - value.utf8.count - 1
                : tagLines.last!.utf8.count - 1 - value.utf8.count - 1
              expected = (lines.count + tagLines.count - 1, column)
            }
          }
          document += tag + ">" + "t=\(count) &lt;x=" + "</e>\n"
          counts.append(count)
        }
      }
      document += "</r>\n"
      for chunkSize in [
        nil, Int.random(in: 1...100, using: &random), Int.random(in: 100...9_000, using: &random),
      ] {
        let (recorder, error) = parse(document, chunkSize: chunkSize)
        if let expected {
          let failure = try #require(error as? XMLReadError, "chunks of \(String(describing: chunkSize))")
          #expect(failure.message == "an element has more than 1000 attributes")
          let place: [Int] = [failure.line, failure.column]
          #expect(place == [expected.line, expected.column])
        } else {
          #expect(error == nil, "\(String(describing: error))")
          #expect(recorder.attributeOrder.map(\.count) == counts)
        }
      }
      if expected != nil { refusals += 1 }
    }
    #expect(refusals > 5 && refusals < 35)
  }
}
