/// Optional texts kept in one byte buffer, each as a span of it.
///
/// Four million review texts as `String`s are four million heap objects to allocate, reference
/// count, copy when reordered and free (and about 100 bytes each); here they are one buffer and
/// one span each, and a `String` is made only for a text that is read. Replacing a text appends
/// its bytes and leaves the old ones unused, so that a replacement costs no rebuild.
public struct TextColumn: Sendable {
  private struct Span {
    /// In ``bytes``, or in the file when ``file`` is not negative.
    var start: Int
    /// -1 for nil.
    var count: Int32
    /// The text's file among ``files``; -1 when its bytes are in ``bytes``.
    var file: Int32 = -1
  }
  private var bytes: [UInt8] = []
  private var spans: [Span] = []
  /// Where the texts left in their files are read from (nil while none is).
  public private(set) var files: TextFiles?

  /// Makes an empty column.
  public init() {}

  /// A column holding `texts` in order (nil: no text).
  public init(_ texts: some Sequence<String?>) {
    for text in texts { append(text) }
  }

  /// Appends a text, or nil for a review without one.
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

  /// Says where texts left in files are read from (once, before the first is appended).
  public mutating func readFiles(from files: TextFiles) {
    precondition(self.files == nil || self.files === files, "TextColumn: texts of one TextFiles only")
    self.files = files
  }

  /// Appends a text left in a file: `count` bytes at `offset` of file `file` of ``files``.
  public mutating func append(inFile file: Int32, at offset: Int, count: Int) {
    precondition(files != nil, "TextColumn: readFiles(from:) before texts in files")
    spans.append(Span(start: offset, count: Int32(count), file: file))
  }

  /// The texts at `positions`, in that order. Texts left in a file are read together, one read
  /// per run of texts close to each other in it (one read per text cost 4 µs each, most of it the
  /// system call: 0.2 s for the texts burst detection compares at size L).
  public func texts(at positions: some Collection<Int>) -> [String?] {
    var out = [String?](repeating: nil, count: positions.count)
    var inFiles: [(slot: Int, span: Span)] = []
    for (slot, position) in positions.enumerated() {
      let span = spans[position]
      if span.count < 0 { continue }
      if span.file >= 0 {
        inFiles.append((slot, span))
      } else {
        out[slot] = self[position]
      }
    }
    guard let files, !inFiles.isEmpty else { return out }
    inFiles.sort { ($0.span.file, $0.span.start) < ($1.span.file, $1.span.start) }
    var first = 0
    while first < inFiles.count {
      // A run: texts of one file with gaps of at most 16 KiB, up to 1 MiB read at once.
      let file = inFiles[first].span.file
      let start = inFiles[first].span.start
      var end = start + Int(inFiles[first].span.count)
      var last = first + 1
      while last < inFiles.count, inFiles[last].span.file == file,
        inFiles[last].span.start <= end + (16 << 10),
        inFiles[last].span.start + Int(inFiles[last].span.count) - start <= 1 << 20
      {
        end = Swift.max(end, inFiles[last].span.start + Int(inFiles[last].span.count))
        last += 1
      }
      if let bytes = files.bytes(file: file, offset: start, count: end - start) {
        bytes.withUnsafeBufferPointer { run in
          for (slot, span) in inFiles[first..<last] {
            let from = span.start - start
            out[slot] = String(
              decoding: UnsafeBufferPointer(rebasing: run[from..<(from + Int(span.count))]), as: UTF8.self)
          }
        }
      }
      first = last
    }
    return out
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

  /// Appends every text of `other`, in order; both must leave their texts in the same ``TextFiles``, if any.
  public mutating func append(contentsOf other: TextColumn) {
    if let theirs = other.files {
      precondition(files == nil || files === theirs, "TextColumn: texts of one TextFiles only")
      files = theirs
    }
    let shift = bytes.count
    bytes.append(contentsOf: other.bytes)
    spans.append(
      contentsOf: other.spans.lazy.map { $0.file >= 0 ? $0 : Span(start: $0.start + shift, count: $0.count) })
  }

  /// The texts at `positions`, in that order: the spans are reordered and the bytes shared
  /// (copy-on-write), so that reordering 4M reviews copies no text.
  public func reordered(by positions: [Int]) -> TextColumn {
    var out = TextColumn()
    out.bytes = bytes
    out.files = files
    out.spans = positions.map { spans[$0] }
    return out
  }

  /// Replaces the texts in `range` with `texts`; the bytes of the old ones stay in the buffer, unused.
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
  /// The position of the first text: always 0.
  public var startIndex: Int { 0 }
  /// One past the position of the last text.
  public var endIndex: Int { spans.count }

  /// The text at `position`, or nil when there is none (or its file was found changed since it was read).
  public subscript(position: Int) -> String? {
    get {
      let span = spans[position]
      guard span.count >= 0 else { return nil }
      if span.file >= 0 {
        // A file found changed reads as no text; the command reports the file.
        return files?.text(file: span.file, offset: span.start, count: Int(span.count))
      }
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

  /// A column holding the listed texts.
  public init(arrayLiteral texts: String?...) {
    self.init(texts)
  }

  /// The same texts in the same order (unused bytes left by replacements do not count).
  public static func == (a: TextColumn, b: TextColumn) -> Bool {
    a.elementsEqual(b)
  }
}
