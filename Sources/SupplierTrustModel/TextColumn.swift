/// Optional texts kept in one byte buffer, each as a span of it.
///
/// Four million review texts as `String`s are four million heap objects to allocate, reference
/// count, copy when reordered and free (and about 100 bytes each); here they are one buffer and
/// one span each, and a `String` is made only for a text that is read. Replacing a text appends
/// its bytes and leaves the old ones unused, so that a replacement costs no rebuild.
public struct TextColumn: Sendable {
  private struct Span {
    var start: Int
    /// -1 for nil.
    var count: Int32
  }
  private var bytes: [UInt8] = []
  private var spans: [Span] = []

  public init() {}

  public init(_ texts: some Sequence<String?>) {
    for text in texts { append(text) }
  }

  public mutating func append(_ text: String?) {
    guard var text else {
      appendNils(1)
      return
    }
    text.withUTF8 { append(utf8: $0) }
  }

  /// Appends a text given as UTF-8 bytes (nil: no text), without making a `String`.
  public mutating func append(utf8 text: UnsafeBufferPointer<UInt8>?) {
    spans.append(store(text))
  }

  /// Room for `count` texts of `bytes` bytes in all.
  public mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
    spans.reserveCapacity(count)
    bytes.reserveCapacity(byteCount)
  }

  /// Appends `count` nil texts.
  public mutating func appendNils(_ count: Int) {
    spans.append(contentsOf: repeatElement(Span(start: 0, count: -1), count: count))
  }

  public mutating func append(contentsOf other: TextColumn) {
    let shift = bytes.count
    bytes.append(contentsOf: other.bytes)
    spans.append(contentsOf: other.spans.lazy.map { Span(start: $0.start + shift, count: $0.count) })
  }

  /// The texts at `positions`, in that order: the spans are reordered and the bytes shared
  /// (copy-on-write), so that reordering 4M reviews copies no text.
  public func reordered(by positions: [Int]) -> TextColumn {
    var out = TextColumn()
    out.bytes = bytes
    out.spans = positions.map { spans[$0] }
    return out
  }

  public mutating func replaceSubrange(_ range: Range<Int>, with texts: some Collection<String?>) {
    var added: [Span] = []
    added.reserveCapacity(texts.count)
    for var text in texts {
      if text == nil {
        added.append(Span(start: 0, count: -1))
      } else {
        added.append(text!.withUTF8 { store($0) })
      }
    }
    spans.replaceSubrange(range, with: added)
  }

  /// Adds a text's bytes to the buffer and returns its span.
  private mutating func store(_ text: UnsafeBufferPointer<UInt8>?) -> Span {
    guard let text else { return Span(start: 0, count: -1) }
    let start = bytes.count
    if let base = text.baseAddress, !text.isEmpty {
      bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: text.count))
    }
    return Span(start: start, count: Int32(text.count))
  }
}

extension TextColumn: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral, Equatable {
  public var startIndex: Int { 0 }
  public var endIndex: Int { spans.count }

  public subscript(position: Int) -> String? {
    get {
      let span = spans[position]
      guard span.count >= 0 else { return nil }
      return bytes.withUnsafeBufferPointer {
        String(
          decoding: UnsafeBufferPointer(rebasing: $0[span.start..<(span.start + Int(span.count))]),
          as: UTF8.self)
      }
    }
    set {
      replaceSubrange(position..<(position + 1), with: CollectionOfOne(newValue))
    }
  }

  public init(arrayLiteral texts: String?...) {
    self.init(texts)
  }

  /// The same texts in the same order (unused bytes left by replacements do not count).
  public static func == (a: TextColumn, b: TextColumn) -> Bool {
    a.elementsEqual(b)
  }
}
