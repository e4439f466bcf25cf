internal import CByteScan
internal import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// xmlInitParser is not thread-safe before 2.10 unless called once up front; a global is initialized
// exactly once, atomically, on first use.
private let libxml2Initialized: Void = xmlInitParser()

/// A streaming, hardened XML reader: one libxml2 SAX2 push-parser context, owned by this object and freed
/// when it is released.
///
/// Feed the document in chunks of any size with ``feed(_:)``, then call ``finish()``; events reach the
/// ``XMLStreamHandler`` as the bytes are parsed, so memory stays constant whatever the document size.
///
/// The input is treated as untrusted: any `<!DOCTYPE ...>` is refused (``XMLReadError/Code/doctypeForbidden``)
/// before its internal or external subset is read, so no DTD is loaded, no entity is declared or expanded
/// and nothing is fetched from the network or the file system. The five predefined entities and character
/// references still work. libxml2 prints nothing; every problem surfaces as a thrown ``XMLReadError``.
///
/// Not thread-safe; parse one document per instance. The parser keeps a strong reference to its handler.
public final class XMLStreamParser {
  private let documentName: String
  private let handler: any XMLStreamHandler
  private var context: xmlParserCtxtPtr!
  // The first failure wins: libxml2 may report follow-on errors after the parser has been stopped.
  // Used only inside calls on one thread: no dynamic exclusivity checks per callback.
  @exclusivity(unchecked) private var failure: (any Error)?
  @exclusivity(unchecked) private var finished = false
  // Whether anything but whitespace has been fed: libxml2's own message for an empty push document
  // ("Extra content at the end of the document") would mislead.
  @exclusivity(unchecked) private var sawContent = false
  // libxml2's line at the end of the previous event: a start tag that ends on that same line began
  // on it too, with no need to look for its `<`.
  @exclusivity(unchecked) private var lastEventLine = 0
  // Elements open, and the last start tag read (libxml2's interned name) and its line: a document
  // that ends inside them was cut short, which libxml2 words as "Extra content at the end of the
  // document" (black-box review 31).
  @exclusivity(unchecked) private var openElements = 0
  @exclusivity(unchecked) private var lastStartName: UnsafePointer<UInt8>?
  @exclusivity(unchecked) private var lastStartLine = 0
  // The attributes of the start tag open as the bytes are fed, and the lines fed so far, to refuse
  // a start tag of too many attributes before libxml2 reads it.
  @exclusivity(unchecked) private var tags = supplier_trust_xml_tags()
  @exclusivity(unchecked) private var linesFed = 0
  @exclusivity(unchecked) private var bytesSinceLineFeed = 0
  @exclusivity(unchecked) private var startsWithUTF8Mark = false
  @exclusivity(unchecked) private var markDecided = false
  @exclusivity(unchecked) private var markBytesMatched = 0

  /// The most attributes a start tag may have. libxml2 2.9 compares each attribute of a tag with
  /// every one before it: a tag of 400,000 took 31 s to read, and a document of tags at 1,000
  /// about four times as long as a catalog of the same size. A catalog record has a few dozen
  /// fields.
  public static let attributeLimit = 1_000

  // Scratch space for attribute values that must be rewritten, reused across start tags so that no
  // callback allocates once the document's largest start tag has been seen.
  @exclusivity(unchecked) private var slots = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(
    capacity: 0)
  @exclusivity(unchecked) private var slotCapacity = 0
  @exclusivity(unchecked) private var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 0)
  @exclusivity(unchecked) private var scratchCapacity = 0

  /// Creates a parser for one document.
  ///
  /// - Parameters:
  ///   - documentName: The name used in errors, typically the file path.
  ///   - handler: Receives the events.
  public init(documentName: String, handler: any XMLStreamHandler) {
    _ = libxml2Initialized
    self.documentName = documentName
    self.handler = handler
    var sax = makeSAXHandler()
    // Unretained is safe: libxml2 only calls back during feed/finish, while `self` is alive, and the
    // context dies with `self`.
    guard
      let context = xmlCreatePushParserCtxt(
        &sax, Unmanaged.passUnretained(self).toOpaque(), nil, 0, nil)
    else {
      fatalError("libxml2 could not allocate a parser context")
    }
    self.context = context
    // NONET forbids network access even if something did try to load a resource. Global defaults set by
    // other code in the process (xmlSubstituteEntitiesDefault, xmlLoadExtDtdDefaultValue, …) leak into new
    // contexts, so the security-relevant fields are forced off here.
    xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
    context.pointee.replaceEntities = 0
    context.pointee.loadsubset = 0
    context.pointee.validate = 0
  }

  deinit {
    xmlFreeParserCtxt(context)
    slots.deallocate()
    scratch.deallocate()
  }

  /// Parses the next chunk of the document. Chunks may split the document anywhere, even inside a
  /// UTF-8 sequence or a tag.
  ///
  /// - Throws: ``XMLReadError`` if the document is malformed or forbidden, or the error thrown by the
  ///   handler, unchanged. Once it has thrown, every later call throws the same error.
  public func feed(_ bytes: UnsafeRawBufferPointer) throws {
    if let failure { throw failure }
    precondition(!finished, "XMLStreamParser.feed(_:) called after finish()")
    guard var next = bytes.baseAddress, !bytes.isEmpty else { return }
    if !sawContent {
      sawContent = bytes.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
    }
    try checkAttributes(bytes)
    // The mark's three bytes may come in pieces of their own; libxml2 reads the declaration only
    // once it has more than them.
    if !markDecided {
      // The mark, and a second one after it (which libxml2 called "Document is empty" at 1:1:
      // black-box review 102).
      let marks: [UInt8] = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]
      for byte in bytes.prefix(marks.count - markBytesMatched) {
        guard byte == marks[markBytesMatched] else {
          markDecided = true
          break
        }
        markBytesMatched += 1
      }
      if markBytesMatched >= 3 && !startsWithUTF8Mark {
        // A UTF-8 byte-order mark says the encoding; libxml2 2.9 let a declaration that says
        // otherwise ("ISO-8859-1") win and stored UTF-8 text as Latin-1's mojibake (black-box
        // review 99). The mark wins, as a UTF-16 mark does.
        startsWithUTF8Mark = true
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue))
      }
      if markBytesMatched == marks.count {
        let error = XMLReadError(
          code: .malformed, message: "the file starts with two UTF-8 byte-order marks", file: documentName,
          line: 1, column: 1,
          fix: "remove the second one (bytes 4 to 6: EF BB BF), as an editor's \"save without BOM\" does")
        failure = error
        throw error
      }
    }
    var remaining = bytes.count
    // xmlParseChunk takes an Int32 length.
    let limit = 1 << 30
    while remaining > 0 {
      let count = min(remaining, limit)
      try push(next.assumingMemoryBound(to: CChar.self), count: count, terminate: false)
      next += count
      remaining -= count
    }
  }

  /// Throws when a start tag in `bytes` (with those fed before) has more than
  /// ``attributeLimit`` attributes; counts their lines otherwise.
  private func checkAttributes(_ bytes: UnsafeRawBufferPointer) throws {
    let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
    let offending = supplier_trust_xml_attribute_scan(&tags, base, bytes.count, UInt32(Self.attributeLimit))
    let end = offending >= 0 ? offending : bytes.count
    let lineFeeds = supplier_trust_count_byte(base, end, 0x0A)
    linesFed += lineFeeds
    if lineFeeds > 0 {
      bytesSinceLineFeed = end - 1 - (0..<end).last(where: { base[$0] == 0x0A })!
    } else {
      bytesSinceLineFeed += end
    }
    guard offending >= 0 else { return }
    let error = XMLReadError(
      code: .malformed,
      message: "an element has more than \(Self.attributeLimit) attributes",
      file: documentName, line: linesFed + 1, column: bytesSinceLineFeed + 1,
      fix:
        "give each record's fields as child elements or a few attributes; a catalog record has a few dozen fields"
    )
    failure = error
    throw error
  }

  /// Tells the parser the document is complete, delivering any pending events and checking that the
  /// document was not truncated.
  ///
  /// - Throws: ``XMLReadError`` (``XMLReadError/Code/malformed`` for a truncated or empty document), or the
  ///   error thrown by the handler, unchanged.
  public func finish() throws {
    if let failure { throw failure }
    guard !finished else { return }
    finished = true
    guard sawContent else {
      let error = XMLReadError(
        code: .malformed, message: "the document is empty", file: documentName, line: 0, column: 0,
        fix: "supply a complete catalog file; this one has no content (was it truncated?)")
      failure = error
      throw error
    }
    do {
      try push(nil, count: 0, terminate: true)
    } catch let error as XMLReadError
      where error.code == .malformed && lastStartName == nil
      && (error.message.hasPrefix("Extra content at the end of the document")
        || error.message.hasPrefix("Document is empty"))
    {
      // Only a declaration, comments or processing instructions: libxml2 calls that "Extra
      // content at the end of the document" on a line past the end (black-box review 51).
      let empty = XMLReadError(
        code: .malformed,
        message:
          "the document holds no element (no <supplierCatalog>), only a declaration, comments or processing instructions",
        file: documentName, line: 0, column: 0,
        fix:
          "supply a complete catalog file; this one has no records in it (did the export fail or stop early?)"
      )
      failure = empty
      throw empty
    } catch let error as XMLReadError
      where error.code == .malformed && openElements > 0
      && (error.message.hasPrefix("Extra content at the end of the document")
        || error.message.hasPrefix("Premature end of data"))
    {
      let name = lastStartName.map { String(cString: $0) } ?? "?"
      let truncated = XMLReadError(
        code: .malformed,
        message:
          "the document ends with \(openElements) element\(openElements == 1 ? "" : "s") still open (the last start tag read: <\(name)> on line \(lastStartLine)): it looks cut short",
        file: documentName, line: error.line, column: 0,
        fix: "supply the whole file (was the copy or download cut short?), or close the open elements")
      failure = truncated
      throw truncated
    }
  }

  /// Parses the file at `path`, reading it in chunks of `chunkSize` bytes so that memory use is constant
  /// whatever the file size.
  ///
  /// - Throws: ``XMLReadError`` (``XMLReadError/Code/io`` if the file cannot be opened or read), or the
  ///   error thrown by the handler, unchanged.
  public static func parseFile(
    atPath path: String, handler: any XMLStreamHandler, chunkSize: Int = 1 << 20
  ) throws {
    precondition(chunkSize > 0, "chunkSize must be positive")
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw XMLReadError.io(path: path, action: "open", errno: errno) }
    defer { close(descriptor) }
    let parser = XMLStreamParser(documentName: path, handler: handler)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = read(descriptor, buffer.baseAddress, chunkSize)
      if count < 0 {
        if errno == EINTR { continue }
        throw XMLReadError.io(path: path, action: "read", errno: errno)
      }
      if count == 0 { break }
      try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
    try parser.finish()
  }

  private func push(_ bytes: UnsafePointer<CChar>?, count: Int, terminate: Bool) throws {
    // Some libxml2 messages (encoding conversion failures, out of memory) bypass the context's `serror`
    // and go to the generic channel, which prints to stderr; silence it on this thread for the call only.
    let saved = CLibXML2_silenceGenericErrors()
    let status = xmlParseChunk(context, bytes, Int32(count), terminate ? 1 : 0)
    CLibXML2_restoreGenericErrors(saved)
    if let failure { throw failure }
    // A nonzero status without a recorded error is possible for warnings, which leave the document
    // well-formed; only treat it as failure when libxml2 itself says the document is broken.
    if status != 0 && context.pointee.wellFormed == 0 {
      let error = malformedError(xmlCtxtGetLastError(context).map { UnsafePointer($0) })
      failure = error
      throw error
    }
  }

  // MARK: - Callback bodies

  fileprivate func fail(_ error: any Error) {
    if failure == nil { failure = error }
    xmlStopParser(context)
  }

  private var currentLine: Int { Int(context.pointee.input?.pointee.line ?? 0) }
  private var currentColumn: Int { Int(context.pointee.input?.pointee.col ?? 0) }

  /// The line of the `<` that opened the start tag being reported.
  ///
  /// libxml2 calls back only once the whole tag has been read, so its line is that of the closing `>`.
  /// The tag's bytes are still in the input buffer then (the push parser waits for the `>` before
  /// parsing a tag, and shrinks the buffer only between tokens), and no raw `<` can occur inside a
  /// tag, so the last `<` before the read position opens it; the line feeds between the two are the
  /// lines to go back (libxml2 counts LF only, so CRLF files agree). Should the `<` ever not be in
  /// the buffer, the current line is the best answer left.
  private func startTagLine(endingOn line: Int) -> Int {
    guard let input = context.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur,
      cur > base
    else { return line }
    guard let open = lastLessThan(in: base, count: cur - base) else { return line }
    // Nearly every tag is on one line: one memchr that finds nothing.
    var next = UnsafeRawPointer(open) + 1
    let end = UnsafeRawPointer(cur)
    var feeds = 0
    while next < end, let found = memchr(next, 0x0A, end - next) {
      feeds += 1
      next = UnsafeRawPointer(found) + 1
    }
    return max(line - feeds, 1)
  }

  fileprivate func startElement(
    _ localName: UnsafePointer<UInt8>, attributeCount: Int, attributes: UnsafePointer<UnsafePointer<UInt8>?>?
  ) {
    guard failure == nil else { return }
    let name = UnsafeBufferPointer(start: localName, count: strlenOf(localName))
    var rewritten: UnsafePointer<UnsafeBufferPointer<UInt8>>? = nil
    var span: UnsafeBufferPointer<UInt8>? = nil
    if let attributes, attributeCount > 0 {
      span = valueSpan(attributes, count: attributeCount)
      // The stretch holds only the values, names, `=`, quotes and spaces, so one search of it
      // says whether any value holds a reference left to decode.
      if let found = span {
        if memchr(found.baseAddress!, 0x26, found.count) != nil {
          span = nil
          rewritten = decodeAmpersands(attributes, count: attributeCount)
        }
      } else if needsRewrite(attributes, count: attributeCount) {
        rewritten = decodeAmpersands(attributes, count: attributeCount)
      }
    }
    let view = XMLAttributes(raw: attributes, count: attributeCount, rewritten: rewritten, valueSpan: span)
    // Nothing between the previous event and this tag moved to another line (text in between is
    // an event of its own): the tag is on one line, and most are.
    let line = currentLine
    let start = line == lastEventLine ? line : startTagLine(endingOn: line)
    lastEventLine = line
    openElements &+= 1
    lastStartName = localName
    lastStartLine = start
    do {
      try handler.startElement(name: name, attributes: view, line: start)
    } catch {
      fail(error)
    }
  }

  fileprivate func endElement(_ localName: UnsafePointer<UInt8>) {
    guard failure == nil else { return }
    openElements &-= 1
    lastEventLine = currentLine
    do {
      try handler.endElement(name: UnsafeBufferPointer(start: localName, count: strlenOf(localName)))
    } catch {
      fail(error)
    }
  }

  fileprivate func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
    guard failure == nil else { return }
    lastEventLine = currentLine
    do {
      try handler.characters(UnsafeBufferPointer(start: bytes, count: count))
    } catch {
      fail(error)
    }
  }

  fileprivate func refuseDoctype() {
    fail(XMLReadError.doctypeForbidden(file: documentName, line: currentLine, column: currentColumn))
  }

  fileprivate func refuseEntity() {
    fail(XMLReadError.entityForbidden(file: documentName, line: currentLine, column: currentColumn))
  }

  fileprivate func libxml2Error(_ error: UnsafePointer<xmlError>) {
    // Warnings (e.g. a relative namespace URI) leave the document usable.
    guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    fail(malformedError(error))
  }

  private func malformedError(_ error: UnsafePointer<xmlError>?) -> XMLReadError {
    var message = "the document is not well-formed XML"
    if let text = error?.pointee.message {
      let trimmed = trimmedString(text)
      if !trimmed.isEmpty { message = trimmed }
    }
    // libxml2's words for an attribute value or name past its 10,000,000-byte limit ("internal
    // error: Huge input lookup", "AttValue length too long") came with the fix about matching
    // tags, which was wrong (black-box review 31).
    if message.hasSuffix("Huge input lookup") || message.hasSuffix("length too long")
      || message.hasSuffix("Name too long")
    {
      return XMLReadError(
        code: .malformed,
        message: "an attribute value or a name is longer than 10,000,000 bytes (libxml2's limit)",
        file: documentName, line: Int(error?.pointee.line ?? 0), column: Int(error?.pointee.int2 ?? 0),
        fix: "shorten it: no catalog value is that long; a quote never closed can make one")
    }
    // The common mistakes in words, with their own fix: the one about tags was wrong for them
    // (black-box review 36).
    let line = Int(error?.pointee.line ?? 0)
    let column = Int(error?.pointee.int2 ?? 0)
    let code = error?.pointee.code ?? 0
    func plain(_ message: String, _ fix: String) -> XMLReadError {
      XMLReadError(
        code: .malformed, message: message, file: documentName, line: line, column: column, fix: fix)
    }
    switch code {
    case Int32(XML_ERR_NAME_REQUIRED.rawValue) where message.contains("EntityRef"),
      Int32(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue):
      return plain(
        "an & that does not start an entity such as &amp; (\(message))",
        "write a literal & as &amp; (and < as &lt;)")
    case Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue):
      return plain(
        "\(message): XML defines only &amp; &lt; &gt; &quot; and &apos;",
        "write the character itself (as UTF-8) or as a character reference such as &#160; for a no-break space"
      )
    case Int32(XML_ERR_INVALID_CHAR.rawValue) where !message.contains("UTF-8"):
      return plain(
        "a character XML does not allow in text (\(message.split(separator: "\n").joined(separator: "; ")))",
        "remove the control character: XML text allows tab, line feed and carriage return only")
    case Int32(XML_ERR_INVALID_CHAR.rawValue), Int32(XML_ERR_INVALID_ENCODING.rawValue):
      return plain(
        "the bytes here are not valid UTF-8 text (\(message.split(separator: "\n").joined(separator: "; ")))",
        startsWithUTF8Mark
          ? "the file starts with a UTF-8 byte-order mark, which says its text is UTF-8 whatever the declaration says: save it as UTF-8, or remove the mark (its first three bytes) to have the declared encoding read"
          : "save the file as UTF-8, or name its encoding in the declaration, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
      )
    default:
      return plain(message, XMLReadError.malformedFix)
    }
  }

  // MARK: - Attribute values

  /// The stretch of libxml2's input from the first value's start to the last value's end, when
  /// every value lies in the input (libxml2 hands over a value it had to decode, or one with
  /// characters outside ASCII, in a buffer of its own) and they come in document order.
  private func valueSpan(_ attributes: UnsafePointer<UnsafePointer<UInt8>?>, count: Int)
    -> UnsafeBufferPointer<UInt8>?
  {
    guard let input = context.pointee.input, let base = input.pointee.base, let end = input.pointee.end,
      let first = attributes[3]
    else { return nil }
    var previousEnd = first
    for index in 0..<count {
      guard let start = attributes[5 * index + 3], let stop = attributes[5 * index + 4], start >= previousEnd,
        stop >= start
      else { return nil }
      previousEnd = stop
    }
    guard first >= base, previousEnd <= end else { return nil }
    return UnsafeBufferPointer(start: first, count: previousEnd - first)
  }

  // With entity substitution off (the safe setting), libxml2 hands over an attribute value's `&` — whether
  // written `&amp;`, `&#38;` or `&#x26;` — re-escaped as the five bytes `&#38;`, expecting a tree builder
  // to decode it later. Every other reference arrives decoded, and no other `&` can survive (undefined
  // entities are fatal), so decoding `&#38;` is all that is left to do.
  private func needsRewrite(_ attributes: UnsafePointer<UnsafePointer<UInt8>?>, count: Int) -> Bool {
    for index in 0..<count {
      let value = XMLAttributes.rawValue(attributes + 5 * index)
      if let base = value.baseAddress, memchr(base, 0x26, value.count) != nil { return true }
    }
    return false
  }

  private func decodeAmpersands(
    _ attributes: UnsafePointer<UnsafePointer<UInt8>?>, count: Int
  ) -> UnsafePointer<UnsafeBufferPointer<UInt8>> {
    var total = 0
    for index in 0..<count { total += XMLAttributes.rawValue(attributes + 5 * index).count }
    // Sized up front so that the scratch buffer never moves while views into it are being handed out.
    if slotCapacity < count {
      slots.deallocate()
      slotCapacity = max(count, 2 * slotCapacity)
      slots = .allocate(capacity: slotCapacity)
    }
    if scratchCapacity < total {
      scratch.deallocate()
      scratchCapacity = max(total, 2 * scratchCapacity)
      scratch = .allocate(capacity: scratchCapacity)
    }
    var written = 0
    for index in 0..<count {
      let value = XMLAttributes.rawValue(attributes + 5 * index)
      guard let base = value.baseAddress, memchr(base, 0x26, value.count) != nil else {
        slots[index] = UnsafeBufferPointer(start: nil, count: 0)
        continue
      }
      let start = written
      var read = 0
      while read < value.count {
        if value[read] == 0x26, read + 5 <= value.count, value[read + 1] == 0x23, value[read + 2] == 0x33,
          value[read + 3] == 0x38, value[read + 4] == 0x3B
        {
          scratch[written] = 0x26
          read += 5
        } else {
          scratch[written] = value[read]
          read += 1
        }
        written += 1
      }
      slots[index] = UnsafeBufferPointer(start: scratch + start, count: written - start)
    }
    return UnsafePointer(slots)
  }
}

/// The last `<` in the `count` bytes at `start`, or nil.
///
/// Eight bytes at a time (memrchr is a GNU extension that Swift's Glibc module leaves out, and this
/// runs for every element): a word holds a `<` exactly when it XORed with `<<<<<<<<` has a zero byte.
@inline(__always)
private func lastLessThan(in start: UnsafePointer<UInt8>, count: Int) -> UnsafePointer<UInt8>? {
  let ones: UInt64 = 0x0101_0101_0101_0101
  let highBits: UInt64 = 0x8080_8080_8080_8080
  let pattern = ones &* 0x3C
  var end = count
  while end >= 8 {
    let word = UnsafeRawPointer(start).loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) ^ pattern
    if (word &- ones) & ~word & highBits != 0 { break }
    end -= 8
  }
  while end > 0 {
    end -= 1
    if start[end] == 0x3C { return start + end }
  }
  return nil
}

// MARK: - C callbacks

@inline(__always)
private func withParser(_ context: UnsafeMutableRawPointer?, _ body: (XMLStreamParser) -> Void) {
  // Guaranteed-reference access avoids a retain/release pair on every event.
  Unmanaged<XMLStreamParser>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
}

private func makeSAXHandler() -> xmlSAXHandler {
  var sax = xmlSAXHandler()
  sax.initialized = XML_SAX2_MAGIC
  CLibXML2_silenceSAXHandler(&sax)
  sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
    withParser(context) {
      $0.startElement(
        localName!, attributeCount: Int(attributeCount), attributes: UnsafePointer(attributes))
    }
  }
  sax.endElementNs = { context, localName, _, _ in
    withParser(context) { $0.endElement(localName!) }
  }
  sax.characters = { context, bytes, count in
    withParser(context) { $0.characters(bytes!, count: Int(count)) }
  }
  sax.cdataBlock = sax.characters
  // Only reported instead of `characters` when blank handling is changed globally; same data either way.
  sax.ignorableWhitespace = sax.characters
  // The DOCTYPE is refused as soon as its name is read, before any internal or external subset is parsed
  // or fetched; this alone keeps out external entities, external DTDs and entity-expansion bombs.
  sax.internalSubset = { context, _, _, _ in withParser(context) { $0.refuseDoctype() } }
  sax.externalSubset = { context, _, _, _ in withParser(context) { $0.refuseDoctype() } }
  // Defence in depth, should a declaration ever be reached.
  sax.entityDecl = { context, _, _, _, _, _ in withParser(context) { $0.refuseEntity() } }
  sax.unparsedEntityDecl = { context, _, _, _, _ in withParser(context) { $0.refuseEntity() } }
  // No entity is ever defined, so `&name;` (other than the predefined five) is a well-formedness error.
  sax.getEntity = { _, _ in nil }
  sax.getParameterEntity = { _, _ in nil }
  sax.resolveEntity = { _, _, _ in nil }
  sax.serror = { context, error in
    guard let context, let error else { return }
    withParser(context) { $0.libxml2Error(error) }
  }
  return sax
}

private func trimmedString(_ text: UnsafePointer<CChar>) -> String {
  text.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
    var start = 0
    var end = strlenOf(bytes)
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    return String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
  }
}

extension XMLReadError {
  static func io(path: String, action: String, errno code: Int32) -> XMLReadError {
    let reason = String(cString: strerror(code))
    return XMLReadError(
      code: .io, message: "could not \(action) the file: \(reason)", file: path, line: 0, column: 0,
      fix: "check that the path is correct and that the file exists and is readable")
  }
}
