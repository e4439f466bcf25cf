import Foundation
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
