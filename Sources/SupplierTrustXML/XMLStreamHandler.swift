#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Receives the parse events of one document from an ``XMLStreamParser``.
///
/// Every byte view handed to the handler points into libxml2's buffers and is valid only for the duration
/// of the call: copy what you keep. All bytes are UTF-8 (libxml2 transcodes other declared encodings).
///
/// Throwing from any method stops the parser at once: no further events are delivered, and the thrown error
/// is rethrown unchanged from ``XMLStreamParser/feed(_:)``, ``XMLStreamParser/finish()`` or
/// ``XMLStreamParser/parseFile(atPath:handler:chunkSize:)``.
public protocol XMLStreamHandler: AnyObject {
  /// A start tag (or an empty-element tag, which is followed immediately by ``endElement(name:)``).
  ///
  /// - Parameters:
  ///   - name: The local name; a namespace prefix is dropped.
  ///   - attributes: The attributes of the tag, in document order, values entity-decoded.
  ///   - line: The 1-based line on which the start tag *begins* (the line of its `<`), also for a start
  ///     tag spread over several lines (one attribute per line, say). Lines end at LF, so a CRLF file
  ///     counts the same.
  func startElement(name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes, line: Int) throws

  /// An end tag, or the end of an empty-element tag. `name` is the local name.
  func endElement(name: UnsafeBufferPointer<UInt8>) throws

  /// Character data: text (entity and character references decoded) and CDATA section contents.
  ///
  /// One run of text may arrive in several pieces, split at arbitrary points such as chunk boundaries or
  /// references; concatenate consecutive calls to get the whole text.
  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

/// One attribute of a start tag. Both views are valid only during the handler call that received them.
public struct XMLAttribute {
  /// The local name of the attribute; a namespace prefix is dropped.
  public let name: UnsafeBufferPointer<UInt8>
  /// The attribute value, with entity and character references decoded and whitespace normalized as
  /// XML requires for attribute values.
  public let value: UnsafeBufferPointer<UInt8>
}

/// A non-owning view of the attributes of one start tag, in document order.
///
/// It reads libxml2's own attribute array, so building it costs nothing; it is valid only during the
/// ``XMLStreamHandler/startElement(name:attributes:line:)`` call that received it.
public struct XMLAttributes: RandomAccessCollection {
  // libxml2's SAX2 layout: five pointers per attribute, localname/prefix/URI/valueStart/valueEnd.
  @usableFromInline let raw: UnsafePointer<UnsafePointer<UInt8>?>?
  // Non-nil only when some value had to be rewritten (see `XMLStreamParser.decodeAmpersands`); an entry
  // with a nil base address means "use libxml2's value as is".
  @usableFromInline let rewritten: UnsafePointer<UnsafeBufferPointer<UInt8>>?

  /// The position of the first attribute: always 0.
  public let startIndex = 0
  /// One past the position of the last attribute: the number of attributes in the tag.
  public let endIndex: Int
  /// The bytes of the start tag that hold every value, when all of them are the document's own bytes
  /// in one stretch of libxml2's input (no value was decoded into a buffer of its own); `nil`
  /// otherwise. Between values the stretch holds only names, `=`, quotes and spaces. A handler that
  /// keeps every value can copy this once and find each value at its offset
  /// (``valueOffset(at:)``) instead of copying values one by one.
  public let valueSpan: UnsafeBufferPointer<UInt8>?

  init(
    raw: UnsafePointer<UnsafePointer<UInt8>?>?, count: Int,
    rewritten: UnsafePointer<UnsafeBufferPointer<UInt8>>?, valueSpan: UnsafeBufferPointer<UInt8>? = nil
  ) {
    self.raw = raw
    self.endIndex = raw == nil ? 0 : count
    self.rewritten = rewritten
    self.valueSpan = rewritten == nil ? valueSpan : nil
  }

  /// Where the value of an attribute starts in ``valueSpan`` (which must not be `nil`).
  @inlinable
  public func valueOffset(at position: Int) -> Int {
    precondition(position >= 0 && position < endIndex, "XMLAttributes index out of range")
    guard let start = raw![5 * position + 3], let span = valueSpan?.baseAddress else { return 0 }
    return start - span
  }

  /// The attribute at `position`: its local name and decoded value, valid only during the handler call.
  public subscript(position: Int) -> XMLAttribute {
    precondition(position >= 0 && position < endIndex, "XMLAttributes index out of range")
    let localName = raw![5 * position]!
    return XMLAttribute(
      name: UnsafeBufferPointer(start: localName, count: strlenOf(localName)), value: value(at: position))
  }

  /// Where the NUL-terminated local name of an attribute lies (see ``XMLNameCache``).
  @inlinable
  public func nameAddress(at position: Int) -> UnsafePointer<UInt8> {
    precondition(position >= 0 && position < endIndex, "XMLAttributes index out of range")
    return raw![5 * position]!
  }

  /// The value of an attribute.
  @inlinable
  public func value(at position: Int) -> UnsafeBufferPointer<UInt8> {
    precondition(position >= 0 && position < endIndex, "XMLAttributes index out of range")
    if let rewritten, rewritten[position].baseAddress != nil { return rewritten[position] }
    return Self.rawValue(raw! + 5 * position)
  }

  @inlinable
  static func rawValue(_ entry: UnsafePointer<UnsafePointer<UInt8>?>) -> UnsafeBufferPointer<UInt8> {
    guard let start = entry[3], let end = entry[4] else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: start, count: end - start)
  }
}

/// The length of a NUL-terminated name (libc's strlen reads it a vector at a time).
@inline(__always)
func strlenOf(_ string: UnsafePointer<UInt8>) -> Int {
  strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self))
}
