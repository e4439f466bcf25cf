import Foundation
import SupplierTrustXML
import Testing

@Suite struct ErrorTests {
  private func readError(_ error: (any Error)?) throws -> XMLReadError {
    try #require(error as? XMLReadError, "expected an XMLReadError, got \(String(describing: error))")
  }

  @Test func mismatchedEndTagIsMalformed() throws {
    for chunkSize in [nil, 1] {
      let (_, error) = parse(Data("<r>\n  <a>\n  </b>\n</r>\n".utf8), chunkSize: chunkSize)
      let failure = try readError(error)
      #expect(failure.code == .malformed)
      #expect(failure.message == "Opening and ending tag mismatch: a line 2 and b")
      #expect(failure.line == 3)
      #expect(failure.column > 0)
      #expect(failure.file == "test.xml")
      #expect(failure.fix == XMLReadErrorFixes.malformed)
    }
  }

  @Test func truncatedDocumentIsMalformed() throws {
    for chunkSize in [nil, 1] {
      let (recorder, error) = parse(Data("<r>\n  <a>text</a>\n  <b>more".utf8), chunkSize: chunkSize)
      let failure = try readError(error)
      #expect(failure.code == .malformed)
      #expect(failure.line == 3)
      #expect(!failure.message.isEmpty && !failure.message.hasSuffix("\n"))
      #expect(recorder.allEvents.contains(.end("a")))
    }
    // Cut short between tags, libxml2 reports "Extra content at the end of the document"; the
    // open elements say what happened (black-box review 31).
    let failure = try readError(parse(Data("<r>\n  <a>text</a>\n  <b>\n".utf8)).1)
    #expect(
      failure.message
        == "the document ends with 2 elements still open (the last start tag read: <b> on line 3): it looks cut short"
    )
    #expect(
      failure.fix == "supply the whole file (was the copy or download cut short?), or close the open elements"
    )
  }

  @Test func emptyDocumentIsMalformed() throws {
    for document in ["", "   \n"] {
      let failure = try readError(parse(document).1)
      #expect(failure.code == .malformed)
      #expect(failure.message == "the document is empty")
      #expect(failure.fix == "supply a complete catalog file; this one has no content (was it truncated?)")
    }
  }

  /// A failed export leaves a declaration and perhaps a comment: libxml2 called that "Extra
  /// content at the end of the document" on a line past the end (black-box review 51).
  @Test func aDocumentWithoutAnElementSaysSo() throws {
    for document in [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
      "<?xml version=\"1.0\"?>\n<!-- export failed -->\n",
      "<!-- nothing -->",
    ] {
      let failure = try readError(parse(document).1)
      #expect(failure.code == .malformed)
      #expect(
        failure.message
          == "the document holds no element (no <supplierCatalog>), only a declaration, comments or processing instructions",
        "\(document)")
      #expect(failure.line == 0)
      #expect(
        failure.fix
          == "supply a complete catalog file; this one has no records in it (did the export fail or stop early?)"
      )
    }
    // Text that is not XML at all keeps libxml2's words.
    let text = try readError(parse("supplier_id,name\n").1)
    #expect(!text.message.hasPrefix("the document holds no element"), "\(text.message)")
  }

  /// The common mistakes come with their own words and fix, not the one about tags (black-box
  /// review 36).
  @Test func undefinedEntityIsMalformed() throws {
    let failure = try readError(parse("<r>\n&nbsp;</r>").1)
    #expect(failure.code == .malformed)
    #expect(
      failure.message == "Entity 'nbsp' not defined: XML defines only &amp; &lt; &gt; &quot; and &apos;")
    #expect(
      failure.fix
        == "write the character itself (as UTF-8) or as a character reference such as &#160; for a no-break space"
    )
    #expect(failure.line == 2)
  }

  @Test func aBareAmpersandSaysHowToWriteIt() throws {
    for text in ["<r>\nFish & Chips</r>", "<r>\nA&B Ltd</r>"] {
      let failure = try readError(parse(text).1)
      #expect(failure.code == .malformed)
      #expect(
        failure.message.hasPrefix("an & that does not start an entity such as &amp; ("), "\(failure.message)")
      #expect(failure.fix == "write a literal & as &amp; (and < as &lt;)")
      #expect(failure.line == 2)
    }
  }

  /// A bare `<` is no ampersand, and a control character is no encoding problem (code review).
  @Test func aBareLessThanAndAControlCharacterGetTheirOwnWords() throws {
    let less = try readError(parse("<r>\n1 < 2</r>").1)
    #expect(!less.message.hasPrefix("an & that"), "\(less.message)")
    #expect(less.fix == XMLReadErrorFixes.malformed)
    let control = try readError(parse("<r>\nform\u{0C}feed</r>").1)
    #expect(control.message.hasPrefix("a character XML does not allow in text ("), "\(control.message)")
    #expect(
      control.fix == "remove the control character: XML text allows tab, line feed and carriage return only")
  }

  @Test func invalidUTF8IsMalformed() throws {
    let failure = try readError(parse(Data([0x3C, 0x72, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x72, 0x3E])).1)
    #expect(failure.code == .malformed)
    #expect(failure.message.hasPrefix("the bytes here are not valid UTF-8 text ("), "\(failure.message)")
    #expect(!failure.message.contains("\n"))
    #expect(failure.fix.hasPrefix("save the file as UTF-8"))
  }

  @Test func handlerErrorIsRethrownUnchangedAndStopsEvents() throws {
    let document = Data("<r><a>one</a><b>two</b><c>three</c><d>four</d></r>".utf8)
    for chunkSize in [nil, 1, 4] {
      let recorder = Recorder()
      recorder.throwOnStartElement = 3
      let (_, error) = parse(document, chunkSize: chunkSize, recorder: recorder)
      #expect(error as? StopHere == StopHere(element: 3), "chunk size \(String(describing: chunkSize))")
      #expect(
        recorder.allEvents == [
          .start("r", [:], line: 1), .start("a", [:], line: 1), .text("one"), .end("a"),
          .start("b", [:], line: 1),
        ])
    }
  }

  @Test func laterCallsRethrowTheFirstError() throws {
    let recorder = Recorder()
    recorder.throwOnStartElement = 1
    let parser = XMLStreamParser(documentName: "t.xml", handler: recorder)
    // libxml2 reports a start tag only once it sees what follows, so the first chunk goes past `<r>`.
    let first = Array("<r><a/>".utf8)
    let second = Array("<b/></r>".utf8)
    #expect(throws: StopHere(element: 1)) { try first.withUnsafeBytes { try parser.feed($0) } }
    #expect(throws: StopHere(element: 1)) { try second.withUnsafeBytes { try parser.feed($0) } }
    #expect(throws: StopHere(element: 1)) { try parser.finish() }
    #expect(recorder.allEvents == [.start("r", [:], line: 1)])
  }

  @Test func missingFileIsAnIOError() throws {
    let path = "/nonexistent-\(UUID().uuidString)/catalog.xml"
    var thrown: (any Error)?
    do { try XMLStreamParser.parseFile(atPath: path, handler: Recorder()) } catch { thrown = error }
    let failure = try readError(thrown)
    #expect(
      failure
        == XMLReadError(
          code: .io, message: "could not open the file: No such file or directory", file: path, line: 0,
          column: 0, fix: "check that the path is correct and that the file exists and is readable"))
  }

  @Test func directoryIsAnIOError() throws {
    var thrown: (any Error)?
    do { try XMLStreamParser.parseFile(atPath: "/", handler: Recorder()) } catch { thrown = error }
    let failure = try readError(thrown)
    #expect(failure.code == .io)
    #expect(failure.message == "could not read the file: Is a directory")
  }

  @Test func descriptionIsOneLine() {
    let error = XMLReadError(
      code: .malformed, message: "Premature end of data", file: "c.xml", line: 3, column: 9, fix: "fix it")
    #expect(error.description == "c.xml:3:9: Premature end of data (fix: fix it)")
    let unknown = XMLReadError(code: .io, message: "gone", file: "c.xml", line: 0, column: 0, fix: "look")
    #expect(unknown.description == "c.xml: gone (fix: look)")
  }
}

enum XMLReadErrorFixes {
  static let malformed =
    "correct the XML at the reported position; check that every start tag has a matching end tag "
    + "and that the file was not truncated"
}

@Suite struct NamespaceDiagnosticsTests {
  @Test func undefinedPrefixIsMalformed() {
    let (_, error) = parse("<r>\n<x:item/></r>")
    let failure = error as? XMLReadError
    #expect(failure?.code == .malformed)
    #expect(failure?.message == "Namespace prefix x on item is not defined")
    #expect(failure?.line == 2)
  }

  @Test func namespaceWarningsDoNotFail() {
    // libxml2 warns that the URI is relative; a warning leaves the document usable.
    let (recorder, error) = parse("<r xmlns=\"catalog\"><a/></r>")
    #expect(error == nil)
    #expect(
      recorder.allEvents == [.start("r", [:], line: 1), .start("a", [:], line: 1), .end("a"), .end("r")])
  }
}

/// A UTF-8 byte-order mark wins over a declaration naming another encoding, as a UTF-16 mark
/// does: libxml2 read such a file as Latin-1 and stored "CafÃ©" (black-box review 99).
@Suite struct ByteOrderMarkTests {
  static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

  @Test func aUTF8MarkWinsOverTheDeclaredEncoding() throws {
    let document = Data(
      Self.mark + Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r>Café €</r>".utf8))
    for chunkSize in [nil, 1] {
      let (recorder, error) = parse(document, chunkSize: chunkSize)
      #expect(error == nil)
      #expect(recorder.allText == "Café €")
    }
    // Without the mark, the declaration says how to read the bytes.
    let latin = Data(
      Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r>Caf".utf8) + [0xE9] + Array("</r>".utf8))
    #expect(parse(latin).0.allText == "Café")
  }

  /// Two marks are said so, rather than "Document is empty" (black-box review 102), when the
  /// first piece holds both (files are read a mebibyte at a time).
  @Test func twoMarksAreNamed() throws {
    for chunkSize in [nil, 6, 64] {
      let document = Data(Self.mark + Self.mark + Array("<r>x</r>".utf8))
      let failure = try #require(parse(document, chunkSize: chunkSize).1 as? XMLReadError)
      #expect(failure.message == "the file starts with two UTF-8 byte-order marks")
      #expect(failure.line == 1 && failure.column == 1)
    }
    // One mark, then text that begins like one, is fine.
    #expect(parse(Data(Self.mark + Array("<r>\u{FEFF}x</r>".utf8))).1 == nil)
  }

  @Test func latinBytesAfterAUTF8MarkSayWhichWins() throws {
    let document = Data(
      Self.mark + Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r>Caf".utf8) + [0xE9]
        + Array("</r>".utf8))
    let failure = try #require(parse(document).1 as? XMLReadError)
    #expect(failure.message.hasPrefix("the bytes here are not valid UTF-8 text ("))
    #expect(
      failure.fix
        == "the file starts with a UTF-8 byte-order mark, which says its text is UTF-8 whatever the declaration says: save it as UTF-8, or remove the mark (its first three bytes) to have the declared encoding read"
    )
  }
}
