import CByteScan

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a record could not be split into fields. The record is still delivered (with the
/// fields read so far) so that the caller can report it with its line and keep going.
public enum CSVSyntaxError: Equatable, Sendable {
  /// A quoted field was still open at the end of the file.
  case unterminatedQuote
  /// A closing quote was followed by something other than a comma or a line end.
  case characterAfterClosingQuote(field: Int)
  /// A `"` appeared inside a field that does not start with a quote.
  case quoteInUnquotedField(field: Int)

  /// The 0-based index of the field where the problem is.
  public var field: Int? {
    switch self {
    case .unterminatedQuote: return nil
    case .characterAfterClosingQuote(let field), .quoteInUnquotedField(let field): return field
    }
  }

  /// A sentence that says what is wrong.
  public var reason: String {
    switch self {
    case .unterminatedQuote:
      return "a quoted field is never closed before the end of the file"
    case .characterAfterClosingQuote:
      return "text follows the closing quote of a quoted field"
    case .quoteInUnquotedField:
      return "a quote appears inside a field that is not quoted"
    }
  }

  /// What the user should change.
  public var fix: String {
    switch self {
    case .unterminatedQuote:
      return "close the quoted field with \" (a quote inside a field is written twice: \"\")"
    case .characterAfterClosingQuote, .quoteInUnquotedField:
      return "quote the whole field and double every quote inside it, e.g. \"5\"\" pipe\""
    }
  }
}

/// Reads RFC 4180 CSV from a file in fixed-size chunks, so memory stays constant whatever the
/// file size, and hands out records in batches whose fields are byte views.
///
/// The first record is the header (``header``). Line ends are LF or CRLF; quoted fields may hold
/// commas, doubled quotes and line breaks; a leading UTF-8 byte-order mark is skipped; empty lines
/// are skipped (they still count for line numbers). Bytes are not decoded: validating UTF-8 and
/// converting fields to values is the caller's job, done only for the fields it needs.
///
/// Hand-written rather than built on SwiftCSV or CSV.swift: those decode every field into a
/// `String` and measured 6-8 MB/s here, where this byte loop needs to reach hundreds of MB/s.
public final class CSVReader {
  private let fileDescriptor: Int32
  private let ownsDescriptor: Bool
  private let chunkSize: Int
  /// Bytes read but not yet handed out: always starts at a record boundary.
  private var pending: [UInt8] = []
  private var atEndOfFile = false
  private var nextLine = 1
  private var sawFirstBytes = false
  /// The header's field names exactly as written (not trimmed or lowercased), and its line.
  public private(set) var header: [String]?
  /// The physical line of the header (1 unless the file starts with empty lines).
  public private(set) var headerLine = 1
  /// Total bytes read from the file so far.
  public private(set) var bytesRead = 0
  private let readHook: ((UnsafeRawBufferPointer) -> Void)?
  /// The longest record accepted: beyond it the file is refused rather than buffered whole.
  public var maximumRecordBytes = 64 << 20

  /// Opens `path` for reading.
  ///
  /// - Parameter onRead: called with every chunk as it is read (e.g. to hash the file in the
  ///   same pass).
  public init(
    path: String, chunkSize: Int = 4 << 20, onRead: ((UnsafeRawBufferPointer) -> Void)? = nil
  ) throws(CSVFileError) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw CSVFileError(path: path, errno: errno) }
    self.fileDescriptor = fd
    self.ownsDescriptor = true
    self.chunkSize = max(chunkSize, 64)
    self.readHook = onRead
    self.path = path
  }

  /// The device and inode of the file being read (nil for input held in memory): what another
  /// open of the same path must match to be the same file.
  public var fileIdentity: (device: UInt64, inode: UInt64)? {
    guard fileDescriptor >= 0 else { return nil }
    var status = stat()
    guard fstat(fileDescriptor, &status) == 0 else { return nil }
    return (UInt64(status.st_dev), UInt64(status.st_ino))
  }

  /// Reads CSV held in memory (tests, small inputs).
  public init(bytes: [UInt8], chunkSize: Int = 4 << 20) {
    self.fileDescriptor = -1
    self.ownsDescriptor = false
    self.chunkSize = max(chunkSize, 1)
    self.pending = bytes
    self.atEndOfFile = true
    self.readHook = nil
    self.path = "<memory>"
    self.inMemoryChunks = chunkSize < bytes.count ? bytes : nil
    if inMemoryChunks != nil {
      pending = []
      atEndOfFile = false
    }
  }

  private let path: String
  /// For in-memory input smaller chunks than the whole: feeds it piecewise to exercise the
  /// chunk-boundary logic in tests.
  private var inMemoryChunks: [UInt8]?
  private var inMemoryOffset = 0
  /// Input bytes parsed into batches so far (a byte-order mark counted): where `pending` starts.
  private var consumed = 0

  deinit {
    if ownsDescriptor { close(fileDescriptor) }
  }

  /// Reads the header if it has not been read yet. Returns nil for an empty file.
  @discardableResult
  public func readHeader() throws(CSVFileError) -> [String]? {
    if header != nil { return header }
    while true {
      if let batch = try parseAvailable(limit: 1) {
        guard batch.count > 0 else { continue }
        header = batch.withView { view in
          (0..<view.fieldCount(0)).map { String(decoding: view.field(0, $0), as: UTF8.self) }
        }
        headerLine = batch.lines[0]
        return header
      }
      if atEndOfFile && pending.isEmpty { return nil }
    }
  }

  /// The next batch of records, or nil at the end of the file. Never returns the header.
  public func nextBatch() throws(CSVFileError) -> CSVBatch? {
    if header == nil { guard try readHeader() != nil else { return nil } }
    while true {
      if let batch = try parseAvailable(limit: .max) {
        if batch.count > 0 { return batch }
        continue
      }
      if atEndOfFile && pending.isEmpty { return nil }
    }
  }

  /// Appends the next chunk of input to `pending`; sets `atEndOfFile` once the input is exhausted.
  private func fill() throws(CSVFileError) {
    if atEndOfFile { return }
    if let all = inMemoryChunks {
      let end = min(all.count, inMemoryOffset + chunkSize)
      pending.append(contentsOf: all[inMemoryOffset..<end])
      inMemoryOffset = end
      if end == all.count { atEndOfFile = true }
      return
    }
    let oldCount = pending.count
    var got = 0
    var failure: Int32 = 0
    let descriptor = fileDescriptor
    let size = chunkSize
    // Leftover bytes first, then the new chunk read straight into the new buffer.
    let next = [UInt8](unsafeUninitializedCapacity: oldCount + size) { buffer, count in
      pending.withUnsafeBufferPointer { old in
        if oldCount > 0 { buffer.baseAddress!.update(from: old.baseAddress!, count: oldCount) }
      }
      let target = buffer.baseAddress! + oldCount
      while got < size {
        let n = read(descriptor, target + got, size - got)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if n == 0 { break }
        got += n
      }
      count = oldCount + got
    }
    if failure != 0 { throw CSVFileError(path: path, errno: failure) }
    if got > 0, let hook = readHook {
      next.withUnsafeBytes { hook(UnsafeRawBufferPointer(rebasing: $0[oldCount...])) }
    }
    pending = next
    bytesRead += got
    if got < chunkSize { atEndOfFile = true }
  }

  /// Parses the complete records in `pending` (reading more when none is complete yet) into a
  /// batch; the incomplete tail stays in `pending`.
  private func parseAvailable(limit: Int) throws(CSVFileError) -> CSVBatch? {
    if pending.isEmpty || !atEndOfFile {
      try fill()
    }
    if pending.isEmpty { return nil }
    if !sawFirstBytes {
      if pending.count < 3 && !atEndOfFile { return nil }
      sawFirstBytes = true
      if pending.count >= 3 && pending[0] == 0xEF && pending[1] == 0xBB && pending[2] == 0xBF {
        pending.removeFirst(3)
        consumed += 3
      }
    }
    let storage = pending
    let parser = CSVChunkParser(startLine: nextLine, isFinal: atEndOfFile, limit: limit)
    let result = storage.withUnsafeBufferPointer { parser.parse($0) }
    if result.batch.count == 0 && !atEndOfFile {
      // Not even one whole record yet (a very long quoted field): read more and retry, up to a
      // limit, past which a quote was almost certainly never closed.
      if storage.count > maximumRecordBytes {
        let limit =
          maximumRecordBytes >= 1 << 20 ? "\(maximumRecordBytes >> 20) MiB" : "\(maximumRecordBytes) bytes"
        // Without a quote in it, no quoted field holds the line end open: the line itself is
        // that long (stress review 142 was told of a quote that the record did not have).
        let quoted = storage.contains(0x22)
        throw CSVFileError(
          path: path, errno: 0,
          reason: quoted
            ? "the record starting at line \(nextLine) is longer than \(limit); a quoted field is probably never closed (a quote inside a field is written twice: \"\")"
            : "the line \(nextLine) is longer than \(limit) with no line end in it, longer than any catalog record; check that the file's lines end in LF or CRLF"
        )
      }
      try fill()
      return CSVBatch.empty
    }
    nextLine = result.nextLine
    let inputOffset = consumed
    consumed += result.consumed
    if result.consumed == storage.count {
      pending = []
    } else {
      pending = Array(storage[result.consumed...])
    }
    var batch = result.batch
    batch.storage = storage
    batch.inputOffset = inputOffset
    return batch
  }
}

/// A file that could not be opened or read, or one that cannot be CSV (a runaway quote).
public struct CSVFileError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The file that could not be opened or read.
  public let path: String
  /// The system error number (0 when the problem is the content, see ``reason``).
  public let errno: Int32
  /// Our own explanation when the problem is the content, not the system.
  public let reason: String?

  /// An error for `path`: the system's `errno`, or with `reason` when the content is at fault.
  public init(path: String, errno: Int32, reason: String? = nil) {
    self.path = path
    self.errno = errno
    self.reason = reason
  }

  /// `cannot read PATH: ` and our reason, or the system's message for ``errno``.
  public var description: String {
    if let reason { return "cannot read \(path): \(reason)" }
    return "cannot read \(path): \(String(cString: strerror(errno)))"
  }
}

/// Splits a buffer into records. Kept separate from the reader so that the hot loop works on an
/// unsafe buffer with no reference counting.
struct CSVChunkParser {
  let startLine: Int
  let isFinal: Bool
  let limit: Int

  struct Result {
    var batch: CSVBatch
    var consumed: Int
    var nextLine: Int
  }

  /// Bytes that end or disturb an unquoted field: comma, line feed, quote.
  static let unquotedStops: [UInt8] = (0..<256).map { $0 == 0x2C || $0 == 0x0A || $0 == 0x22 ? 1 : 0 }
  /// Bytes that matter inside a quoted field: quote, and line feed (counted for line numbers).
  static let quotedStops: [UInt8] = (0..<256).map { $0 == 0x22 || $0 == 0x0A ? 1 : 0 }

  /// The most fields a record may have for the fast path of ``parse(_:stops:quotedStops:)``.
  static let scratchFields = 256

  func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
    Self.unquotedStops.withUnsafeBufferPointer { stops in
      Self.quotedStops.withUnsafeBufferPointer { quotedStops in
        parse(bytes, stops: stops, quotedStops: quotedStops)
      }
    }
  }

  private func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, stops: UnsafeBufferPointer<UInt8>,
    quotedStops: UnsafeBufferPointer<UInt8>
  ) -> Result {
    var batch = CSVBatch.empty
    let n = bytes.count
    var line = startLine
    var position = 0
    // Where the last complete record ended; everything after it is handed back as pending.
    var lastComplete = 0
    var lastCompleteLine = line
    var committedFields = 0
    let quote: UInt8 = 0x22
    let comma: UInt8 = 0x2C
    let newline: UInt8 = 0x0A
    let carriageReturn: UInt8 = 0x0D
    var scanner = StopScanner(bytes, stops: stops)
    // The index is written into plain buffers and copied into the batch's arrays once at the
    // end: five array appends per record (uniqueness and capacity checks each) were a tenth of
    // the split's instructions.
    var index = Index(bytes: n)
    defer { index.deallocate() }

    recordLoop: while position < n && index.lines.count < limit {
      // Empty lines are skipped but counted.
      if bytes[position] == newline
        || (bytes[position] == carriageReturn && position + 1 < n && bytes[position + 1] == newline)
      {
        position += bytes[position] == newline ? 1 : 2
        line += 1
        lastComplete = position
        lastCompleteLine = line
        continue
      }
      let recordLine = line
      let recordStart = position
      let fieldMark = index.fieldStarts.count
      // The common record first: complete in this buffer on one line, quoted fields without
      // doubled quotes, at most `scratchFields` fields. Its fields are gathered and appended at
      // once; anything else is read again by the general loop below.
      var fieldStart = position
      var fields = 0
      // Written past the columns' ends and kept only when the record completes.
      let scratchStarts = index.fieldStarts.space(for: Self.scratchFields)
      let scratchEnds = index.fieldEnds.space(for: Self.scratchFields)
      fast: while fields < Self.scratchFields {
        var stop = scanner.next(from: fieldStart)
        guard stop < n else { break fast }
        var end = stop
        var start = fieldStart
        if bytes[stop] == quote {
          // Only a quote opening the field is ordinary.
          guard stop == fieldStart else { break fast }
          start = stop &+ 1
          repeat { stop = scanner.next(from: stop &+ 1) } while stop < n && bytes[stop] == comma
          // A line break inside quotes, no closing quote yet, or a doubled quote.
          guard stop &+ 1 < n, bytes[stop] == quote, bytes[stop &+ 1] != quote else { break fast }
          end = stop
          stop &+= 1
          if bytes[stop] == carriageReturn {
            guard stop &+ 1 < n, bytes[stop &+ 1] == newline else { break fast }
            stop &+= 1
          } else if bytes[stop] != comma && bytes[stop] != newline {
            break fast
          }
        } else if bytes[stop] == newline && stop > fieldStart && bytes[stop &- 1] == carriageReturn {
          end = stop &- 1
        }
        scratchStarts[fields] = Int32(truncatingIfNeeded: start)
        scratchEnds[fields] = Int32(truncatingIfNeeded: end)
        fields &+= 1
        if bytes[stop] == comma {
          fieldStart = stop &+ 1
          continue fast
        }
        index.fieldStarts.keep(fields)
        index.fieldEnds.keep(fields)
        index.recordFirstField.append(Int32(truncatingIfNeeded: fieldMark))
        index.recordStarts.append(Int32(truncatingIfNeeded: recordStart))
        index.lines.append(recordLine)
        position = stop &+ 1
        line &+= 1
        lastComplete = position
        lastCompleteLine = line
        committedFields = index.fieldStarts.count
        continue recordLoop
      }
      var error: CSVSyntaxError?
      var fieldIndex = 0
      fieldLoop: while true {
        if position < n && bytes[position] == quote {
          position += 1
          let contentStart = position
          var hasDoubledQuote = false
          var closed = false
          while position < n {
            position = Self.skip(bytes, from: position, stops: quotedStops)
            if position >= n { break }
            let byte = bytes[position]
            if byte == quote {
              if position + 1 < n && bytes[position + 1] == quote {
                hasDoubledQuote = true
                position += 2
                continue
              }
              // At the end of a non-final buffer we can't tell whether the quote is doubled.
              if position + 1 >= n && !isFinal { break recordLoop }
              closed = true
              break
            }
            if byte == newline { line += 1 }
            position += 1
          }
          if !closed {
            if !isFinal { break recordLoop }
            error = error ?? .unterminatedQuote
            appendField(&batch, &index, bytes, contentStart, position, unescape: hasDoubledQuote)
            break fieldLoop
          }
          appendField(&batch, &index, bytes, contentStart, position, unescape: hasDoubledQuote)
          position += 1
          if position < n {
            let next = bytes[position]
            var stray = next != comma && next != newline
            if next == carriageReturn {
              if position + 1 < n {
                stray = bytes[position + 1] != newline
              } else if !isFinal {
                break recordLoop
              } else {
                stray = false
              }
            }
            if stray {
              error = error ?? .characterAfterClosingQuote(field: fieldIndex)
              // Skip to the next delimiter so the rest of the record still splits.
              while position < n && bytes[position] != comma && bytes[position] != newline {
                position += 1
              }
              // The field as the file holds it, quotes and all (`"abc"def`), so that the report
              // and the rejects file show the text after the quote rather than drop it.
              var end = position
              if end > contentStart && bytes[end - 1] == carriageReturn && (end >= n || bytes[end] == newline)
              {
                end -= 1
              }
              index.fieldStarts.setLast(Int32(contentStart - 1))
              index.fieldEnds.setLast(Int32(end))
            }
          }
        } else {
          let start = position
          while position < n {
            position = scanner.next(from: position)
            if position >= n { break }
            let byte = bytes[position]
            if byte == comma || byte == newline { break }
            error = error ?? .quoteInUnquotedField(field: fieldIndex)
            position += 1
          }
          if position >= n && !isFinal { break recordLoop }
          var end = position
          if end > start && bytes[end - 1] == carriageReturn && (position >= n || bytes[position] == newline)
          {
            end -= 1
          }
          appendField(&batch, &index, bytes, start, end, unescape: false)
        }
        if position >= n {
          if !isFinal { break recordLoop }
          break fieldLoop
        }
        switch bytes[position] {
        case comma:
          position += 1
          fieldIndex += 1
          if position >= n {
            if !isFinal { break recordLoop }
            appendField(&batch, &index, bytes, position, position, unescape: false)
            break fieldLoop
          }
          continue fieldLoop
        case carriageReturn:
          // CRLF (or a CR at the very end of the file) after a quoted field.
          position += position + 1 < n ? 2 : 1
          line += 1
          break fieldLoop
        default:
          position += 1
          line += 1
          break fieldLoop
        }
      }
      index.recordFirstField.append(Int32(fieldMark))
      index.recordStarts.append(Int32(recordStart))
      index.lines.append(recordLine)
      if let error { batch.errors.append((index.lines.count - 1, error)) }
      lastComplete = position
      lastCompleteLine = line
      committedFields = index.fieldStarts.count
    }
    // Fields of a record cut by the end of the buffer are dropped; the index is closed.
    index.fieldStarts.truncate(to: committedFields)
    index.fieldEnds.truncate(to: committedFields)
    index.recordFirstField.append(Int32(committedFields))
    batch.fieldStarts = index.fieldStarts.array()
    batch.fieldEnds = index.fieldEnds.array()
    batch.recordFirstField = index.recordFirstField.array()
    batch.recordStarts = index.recordStarts.array()
    batch.lines = index.lines.array()
    return Result(batch: batch, consumed: lastComplete, nextLine: lastCompleteLine)
  }

  /// The first position from `start` holding a quote or line feed (the bytes that matter inside
  /// a quoted field); `bytes.count` when there is none. Eight bytes at a time while eight remain
  /// (a word holds the stop when one of its bytes, xor the stop byte, is zero; the lowest such
  /// byte is exact), then byte by byte through the table. Unquoted fields use ``StopScanner``.
  @inline(__always)
  static func skip(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stops: UnsafeBufferPointer<UInt8>
  ) -> Int {
    let n = bytes.count
    var position = start
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      @inline(__always) func zeroes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
      while position + 8 <= n {
        let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        let found = zeroes(word ^ (ones &* 0x22)) | zeroes(word ^ (ones &* 0x0A))
        if found != 0 { return position + found.trailingZeroBitCount >> 3 }
        position += 8
      }
    }
    while position < n && stops[Int(bytes[position])] == 0 { position += 1 }
    return position
  }

  @inline(__always)
  private func appendField(
    _ batch: inout CSVBatch, _ index: inout Index, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int,
    _ end: Int,
    unescape: Bool
  ) {
    if !unescape {
      index.fieldStarts.append(Int32(start))
      index.fieldEnds.append(Int32(end))
      return
    }
    // Content with doubled quotes goes to a side buffer so the raw bytes stay untouched.
    let sideStart = batch.unescaped.count
    var i = start
    while i < end {
      let byte = bytes[i]
      batch.unescaped.append(byte)
      i += (byte == 0x22 && i + 1 < end && bytes[i + 1] == 0x22) ? 2 : 1
    }
    index.fieldStarts.append(~Int32(sideStart))
    index.fieldEnds.append(Int32(batch.unescaped.count))
  }

  /// A batch's index while it is being written: field bounds, each record's first field, start
  /// and line.
  struct Index {
    var fieldStarts: ValueColumn<Int32>
    var fieldEnds: ValueColumn<Int32>
    var recordFirstField: ValueColumn<Int32>
    var recordStarts: ValueColumn<Int32>
    var lines: ValueColumn<Int>

    /// Sized for `bytes` of typical records (fields of eight bytes, records of sixty-four); grows
    /// past that.
    init(bytes: Int) {
      // Room for one more record's fields at the end (see `space(for:)`), so that a buffer of
      // typical records never grows.
      fieldStarts = ValueColumn(capacity: bytes / 8 + CSVChunkParser.scratchFields)
      fieldEnds = ValueColumn(capacity: bytes / 8 + CSVChunkParser.scratchFields)
      recordFirstField = ValueColumn(capacity: bytes / 64)
      recordStarts = ValueColumn(capacity: bytes / 64)
      lines = ValueColumn(capacity: bytes / 64)
    }

    func deallocate() {
      fieldStarts.deallocate()
      fieldEnds.deallocate()
      recordFirstField.deallocate()
      recordStarts.deallocate()
      lines.deallocate()
    }
  }
}

/// Finds the bytes that end or disturb an unquoted field (comma, line feed, quote) sixty-four
/// at a time: a block's stops become one bit each, and each field then costs a trailing-zero
/// count rather than a scan. Fields average about ten bytes, so scanning from every field's start
/// (eight bytes at a time) spent most of a split on restarting; this was a quarter of a check's
/// instructions.
///
/// Positions are absolute, so the quoted-field path may move past stops without telling it: a
/// query clears the bits below its position, and one outside the current block starts a new block
/// there.
struct StopScanner {
  private let base: UnsafePointer<UInt8>?
  private let count: Int
  private let stops: UnsafeBufferPointer<UInt8>
  /// Where the current block starts, and its stops (bit `k` for the byte at `blockStart + k`).
  private var blockStart = Int.min / 2
  private var blockStops: UInt64 = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>, stops: UnsafeBufferPointer<UInt8>) {
    base = bytes.baseAddress
    count = bytes.count
    self.stops = stops
  }

  /// The first stop at or after `position`, or the buffer's size when there is none.
  @inline(__always)
  mutating func next(from position: Int) -> Int {
    var offset = position &- blockStart
    if UInt(bitPattern: offset) >= 64 {
      blockStart = position
      blockStops = stopsOfBlock(at: position)
      offset = 0
    }
    var found = blockStops & (~0 << UInt64(offset))
    while found == 0 {
      blockStart &+= 64
      blockStops = stopsOfBlock(at: blockStart)
      if blockStart >= count { return count }
      found = blockStops
    }
    return blockStart &+ found.trailingZeroBitCount
  }

  /// The stops among the 64 bytes from `start` (fewer at the end of the buffer). Called once per
  /// 64 bytes: kept out of line so that ``next(from:)`` stays small enough to inline.
  @inline(never)
  private func stopsOfBlock(at start: Int) -> UInt64 {
    guard let base, start < count else { return 0 }
    guard start + 64 <= count else {
      var bits: UInt64 = 0
      for offset in 0..<(count - start) where stops[Int(base[start + offset])] != 0 {
        bits |= 1 << UInt64(offset)
      }
      return bits
    }
    return supplier_trust_csv_stops64(base + start)
  }
}

/// Records parsed from one chunk of a CSV file. Fields are byte ranges into the chunk; read them
/// through ``withView(_:)``.
public struct CSVBatch: Sendable {
  var storage: [UInt8] = []
  var unescaped: [UInt8] = []
  /// Start offset of each field in `storage`, or the bitwise complement of its offset in
  /// `unescaped` when the field held doubled quotes.
  var fieldStarts: [Int32] = []
  var fieldEnds: [Int32] = []
  /// Index of each record's first field, plus a final entry (added by `truncateIncomplete`).
  var recordFirstField: [Int32] = []
  /// Offset in `storage` where each record starts.
  var recordStarts: [Int32] = []
  /// The physical line where each record starts.
  public internal(set) var lines: [Int] = []
  /// Where the batch's chunk (``CSVBatchView/chunk``) starts in the input, in bytes.
  public internal(set) var inputOffset = 0
  /// Records that could not be split cleanly, by record index.
  public internal(set) var errors: [(record: Int, error: CSVSyntaxError)] = []

  static var empty: CSVBatch { CSVBatch() }

  /// The number of records.
  public var count: Int { lines.count }

  /// The syntax error of a record, if any. By binary search (errors are in record order): asked
  /// of every record, a scan made a batch whose every record was broken cost its square.
  public func syntaxError(ofRecord record: Int) -> CSVSyntaxError? {
    var low = 0
    var high = errors.count
    while low < high {
      let middle = (low + high) / 2
      if errors[middle].record < record { low = middle + 1 } else { high = middle }
    }
    return low < errors.count && errors[low].record == record ? errors[low].error : nil
  }

  /// Gives access to the fields without copying them.
  public func withView<R>(_ body: (CSVBatchView) throws -> R) rethrows -> R {
    try storage.withUnsafeBufferPointer { raw in
      try unescaped.withUnsafeBufferPointer { side in
        try fieldStarts.withUnsafeBufferPointer { starts in
          try fieldEnds.withUnsafeBufferPointer { ends in
            try recordFirstField.withUnsafeBufferPointer { first in
              try recordStarts.withUnsafeBufferPointer { recordStarts in
                try body(
                  CSVBatchView(
                    raw: raw, side: side, starts: starts, ends: ends, first: first,
                    recordStarts: recordStarts,
                    lines: lines))
              }
            }
          }
        }
      }
    }
  }
}

/// A borrowed view of a ``CSVBatch``: valid only inside ``CSVBatch/withView(_:)``.
public struct CSVBatchView {
  @usableFromInline let raw: UnsafeBufferPointer<UInt8>
  @usableFromInline let side: UnsafeBufferPointer<UInt8>
  @usableFromInline let starts: UnsafeBufferPointer<Int32>
  @usableFromInline let ends: UnsafeBufferPointer<Int32>
  @usableFromInline let first: UnsafeBufferPointer<Int32>
  let recordStarts: UnsafeBufferPointer<Int32>
  let lines: [Int]

  /// The physical line where `record` starts.
  public func line(_ record: Int) -> Int { lines[record] }

  /// The physical line and 1-based character column where a field starts (its opening quote for a
  /// quoted field), found by re-reading the record's raw bytes: only needed to report a problem.
  public func position(_ record: Int, _ field: Int) -> (line: Int, column: Int) {
    var line = lines[record]
    var offset = Int(recordStarts[record])
    var lineStart = offset
    var currentField = 0
    var inQuotes = false
    while offset < raw.count && currentField < field {
      let byte = raw[offset]
      if byte == 0x22 {
        inQuotes.toggle()
      } else if byte == 0x0A {
        if !inQuotes { break }
        line += 1
        lineStart = offset + 1
      } else if byte == 0x2C && !inQuotes {
        currentField += 1
      }
      offset += 1
    }
    // Count characters, not bytes: UTF-8 continuation bytes do not start a character.
    var column = 1
    for i in lineStart..<offset where raw[i] & 0xC0 != 0x80 { column += 1 }
    return (line, column)
  }

  /// The physical line of the first carriage return of `record` that stands outside quotes with
  /// no line feed after it, or nil: such a CR ends a line in some editors but not in CSV, so the
  /// next line is read as part of the record. A CR inside a quoted field is data.
  public func loneCarriageReturnLine(_ record: Int) -> Int? {
    var line = lines[record]
    var offset = Int(recordStarts[record])
    let end = record + 1 < recordStarts.count ? Int(recordStarts[record + 1]) : raw.count
    var inQuotes = false
    while offset < min(end, raw.count) {
      let byte = raw[offset]
      if byte == 0x22 {
        inQuotes.toggle()
      } else if byte == 0x0A {
        if !inQuotes { return nil }
        line += 1
      } else if byte == 0x0D && !inQuotes && (offset + 1 >= raw.count || raw[offset + 1] != 0x0A) {
        return line
      }
      offset += 1
    }
    return nil
  }

  /// The number of records.
  public var count: Int { first.count - 1 }

  /// The number of fields in `record`.
  @inlinable @inline(__always)
  public func fieldCount(_ record: Int) -> Int {
    Int(first[record + 1] - first[record])
  }

  /// The bytes of field `field` of `record`, quotes removed and doubled quotes undoubled.
  @inlinable @inline(__always)
  public func field(_ record: Int, _ field: Int) -> UnsafeBufferPointer<UInt8> {
    let index = Int(first[record]) + field
    let start = starts[index]
    let end = Int(ends[index])
    if start >= 0 {
      return UnsafeBufferPointer(rebasing: raw[Int(start)..<end])
    }
    return UnsafeBufferPointer(rebasing: side[Int(~start)..<end])
  }

  /// The bytes of a field with where they lie: in the chunk (``chunk``, buffer 0) or, for a
  /// field that held doubled quotes, in ``unescapedBytes`` (buffer 1), at `offset`.
  @inlinable @inline(__always)
  public func locatedField(_ record: Int, _ field: Int) -> (
    bytes: UnsafeBufferPointer<UInt8>, buffer: UInt8, offset: Int
  ) {
    let index = Int(first[record]) + field
    let start = starts[index]
    let end = Int(ends[index])
    if start >= 0 {
      return (UnsafeBufferPointer(rebasing: raw[Int(start)..<end]), 0, Int(start))
    }
    return (UnsafeBufferPointer(rebasing: side[Int(~start)..<end]), 1, Int(~start))
  }

  /// The fields of `record`, for reading several of them: a small value with no references, so
  /// that handing it on costs a few moves rather than a copy of this view.
  @inlinable @inline(__always)
  public func record(_ record: Int) -> CSVRecordFields {
    let first = Int(first[record])
    return CSVRecordFields(
      raw: raw, side: side, starts: starts.baseAddress! + first, ends: ends.baseAddress! + first,
      count: fieldCount(record))
  }

  /// The chunk the records were split from.
  @inlinable public var chunk: UnsafeBufferPointer<UInt8> { raw }

  /// Fields that held doubled quotes, undoubled.
  @inlinable public var unescapedBytes: UnsafeBufferPointer<UInt8> { side }

  /// The fields of `record` decoded as strings (invalid UTF-8 replaced): for reports.
  public func strings(_ record: Int) -> [String] {
    (0..<fieldCount(record)).map { String(decoding: field(record, $0), as: UTF8.self) }
  }
}

/// The fields of one record of a ``CSVBatchView``, valid as long as the view.
public struct CSVRecordFields {
  /// The chunk, and the fields that held doubled quotes, undoubled (see ``CSVBatchView``).
  public let raw: UnsafeBufferPointer<UInt8>
  /// The fields that held doubled quotes, undoubled.
  public let side: UnsafeBufferPointer<UInt8>
  @usableFromInline let starts: UnsafePointer<Int32>
  @usableFromInline let ends: UnsafePointer<Int32>
  /// The number of fields.
  public let count: Int

  @inlinable
  init(
    raw: UnsafeBufferPointer<UInt8>, side: UnsafeBufferPointer<UInt8>, starts: UnsafePointer<Int32>,
    ends: UnsafePointer<Int32>, count: Int
  ) {
    self.raw = raw
    self.side = side
    self.starts = starts
    self.ends = ends
    self.count = count
  }

  /// Field `field` (less than ``count``) with where it lies, as ``CSVBatchView/locatedField(_:_:)``.
  @inlinable @inline(__always)
  public func located(_ field: Int) -> (bytes: UnsafeBufferPointer<UInt8>, buffer: UInt8, offset: Int) {
    let start = starts[field]
    let end = Int(ends[field])
    if start >= 0 {
      return (
        UnsafeBufferPointer(start: raw.baseAddress! + Int(start), count: end - Int(start)), 0, Int(start)
      )
    }
    return (
      UnsafeBufferPointer(start: side.baseAddress! + Int(~start), count: end - Int(~start)), 1, Int(~start)
    )
  }
}
