import CByteScan

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Encodes rows as RFC 4180 CSV (LF line ends), quoting only fields that need it.
public struct CSVEncoder: Sendable {
  /// Whether cells that a spreadsheet would run as a formula are neutralised.
  public enum FormulaPolicy: Sendable {
    /// Write every cell as it is: for data files read back by programs.
    case preserve
    /// Prefix a `'` to cells that begin with `=`, `+`, `-`, `@`, tab or carriage return
    /// (OWASP's advice against CSV injection); plain numbers such as `-12.5` are left alone.
    /// Control characters other than tab and line breaks (NUL, ESC, ...) and the bidirectional
    /// overrides and isolates (U+202A...U+202E, U+2066...U+2069) become U+FFFD: the file is for
    /// people and spreadsheets, `cat` on it must not drive the terminal, and a name must not
    /// read backwards in a spreadsheet (black-box review 37: the HTML, Markdown and terminal
    /// outputs dropped them, the CSV kept them).
    case neutralize
    /// As ``neutralize``, and a cell that begins with `'` gets one more, so that
    /// ``CSVEncoder/removingFormulaGuard(_:)`` gives back every cell exactly: for files that are
    /// read back, such as rejects files to fix and import again.
    case neutralizeReversibly
  }

  /// How cells that a spreadsheet would run as a formula are written.
  public let formulaPolicy: FormulaPolicy

  /// An encoder that writes cells under `formulaPolicy`.
  public init(formulaPolicy: FormulaPolicy) {
    self.formulaPolicy = formulaPolicy
  }

  /// Appends one row, terminated by LF, to `output`.
  public func appendRow<Fields: Sequence>(_ fields: Fields, to output: inout [UInt8])
  where Fields.Element: StringProtocol {
    var first = true
    for field in fields {
      if !first { output.append(0x2C) }
      first = false
      appendField(field, to: &output)
    }
    output.append(0x0A)
  }

  /// Appends one field, quoted when it holds a comma, quote or line break.
  public func appendField<Field: StringProtocol>(_ field: Field, to output: inout [UInt8]) {
    var text = String(field)
    text.withUTF8 { appendField(bytes: $0, to: &output) }
  }

  /// Appends one field given as a string: the non-generic path, for writers that build rows
  /// field by field.
  public func appendField(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendField(bytes: $0, to: &output) }
  }

  /// Appends one row of strings, terminated by LF: the fast path for writing many rows (the
  /// generic version walks the bytes through protocol witnesses, about ten times slower).
  public func appendRow(_ fields: [String], to output: inout [UInt8]) {
    for index in fields.indices {
      if index > 0 { output.append(0x2C) }
      var field = fields[index]
      field.withUTF8 { appendField(bytes: $0, to: &output) }
    }
    output.append(0x0A)
  }

  /// Appends one field given as UTF-8 bytes (every other form ends here).
  func appendField(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    // One vector pass says what the cell holds (three byte loops had taken a tenth of writing
    // a score CSV); only a cell that may hold a control character is looked at byte by byte.
    guard let base = bytes.baseAddress else { return }
    let flags = supplier_trust_csv_cell_flags(base, bytes.count)
    if flags & 1 != 0, case .neutralize = formulaPolicy, Self.holdsControlCharacter(bytes) {
      appendCheckedField(bytes: bytes, to: &output)
      return
    }
    let neutralize: Bool
    switch formulaPolicy {
    case .preserve: neutralize = false
    case .neutralize: neutralize = Self.looksLikeFormula(bytes)
    case .neutralizeReversibly: neutralize = bytes.first == UInt8(ascii: "'") || Self.looksLikeFormula(bytes)
    }
    guard neutralize || flags & 2 != 0 else {
      output.append(contentsOf: bytes)
      return
    }
    output.append(0x22)
    if neutralize { output.append(0x27) }
    if flags & 4 == 0 {
      output.append(contentsOf: bytes)
    } else {
      for byte in bytes {
        if byte == 0x22 { output.append(0x22) }
        output.append(byte)
      }
    }
    output.append(0x22)
  }

  /// ``appendField(bytes:to:)`` byte by byte, for any cell (the reference for its fast path).
  func appendCheckedField(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    if case .neutralize = formulaPolicy, Self.holdsControlCharacter(bytes) {
      Self.replacingControlCharacters(bytes).withUnsafeBufferPointer {
        appendCleanField(bytes: $0, to: &output)
      }
      return
    }
    appendCleanField(bytes: bytes, to: &output)
  }

  /// Whether `bytes` hold a C0 control other than tab, line feed and carriage return, DEL, a
  /// C1 control (U+0080...U+009F, UTF-8 `C2 80`...`C2 9F`), or a bidirectional override or
  /// isolate (U+202A...U+202E, `E2 80 AA`...`E2 80 AE`; U+2066...U+2069, `E2 81 A6`...`E2 81 A9`).
  static func holdsControlCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in bytes.indices where controlLength(bytes, at: index) > 0 { return true }
    return false
  }

  /// The length in bytes of the control character of ``holdsControlCharacter(_:)`` that starts
  /// at `index`, or 0.
  static func controlLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return 1 }
    if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
    if byte == 0xE2, index + 2 < bytes.count {
      let (second, third) = (bytes[index + 1], bytes[index + 2])
      if (second == 0x80 && (0xAA...0xAE).contains(third))
        || (second == 0x81 && (0xA6...0xA9).contains(third))
      {
        return 3
      }
    }
    return 0
  }

  /// `bytes` with each character of ``holdsControlCharacter(_:)`` replaced by U+FFFD.
  static func replacingControlCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 8)
    var index = 0
    while index < bytes.count {
      let length = controlLength(bytes, at: index)
      if length > 0 {
        out += replacement
        index += length
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return out
  }

  private func appendCleanField(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    let neutralize: Bool
    switch formulaPolicy {
    case .preserve: neutralize = false
    case .neutralize: neutralize = Self.looksLikeFormula(bytes)
    // Without a guard of its own, a cell such as `'=x` would lose its apostrophe when read back.
    case .neutralizeReversibly: neutralize = bytes.first == UInt8(ascii: "'") || Self.looksLikeFormula(bytes)
    }
    var needsQuotes = neutralize
    if !needsQuotes {
      for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
        needsQuotes = true
        break
      }
    }
    guard needsQuotes else {
      output.append(contentsOf: bytes)
      return
    }
    output.append(0x22)
    if neutralize { output.append(0x27) }
    for byte in bytes {
      if byte == 0x22 { output.append(0x22) }
      output.append(byte)
    }
    output.append(0x22)
  }

  /// The text of one row (without the line end), for tests and small outputs.
  public func row<Fields: Sequence>(_ fields: Fields) -> String where Fields.Element: StringProtocol {
    var bytes: [UInt8] = []
    appendRow(fields, to: &bytes)
    bytes.removeLast()
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether a spreadsheet would run a cell with these bytes as a formula (see ``FormulaPolicy``).
  public static func looksLikeFormula<Bytes: Collection>(_ utf8: Bytes) -> Bool where Bytes.Element == UInt8 {
    guard let first = utf8.first else { return false }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D:
      return true
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      return !isPlainNumber(utf8.dropFirst())
    default:
      return false
    }
  }

  /// Digits with at most one decimal point: a signed number, not an expression.
  private static func isPlainNumber<Bytes: Collection>(_ utf8: Bytes) -> Bool where Bytes.Element == UInt8 {
    var digits = 0
    var dots = 0
    for byte in utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
      } else if byte == UInt8(ascii: ".") {
        dots += 1
      } else {
        return false
      }
    }
    return digits > 0 && dots <= 1
  }
}

/// Writes CSV rows to a file through a buffer, so that large outputs cost few system calls.
public final class CSVFileWriter {
  private let fileDescriptor: Int32
  private var buffer: [UInt8] = []
  private let flushThreshold: Int
  /// How rows are encoded, formula guard included.
  public let encoder: CSVEncoder
  /// The file being written.
  public let path: String

  /// Creates (or truncates) `path`. A link at `path`, symbolic or hard, is replaced by a file of
  /// its own, never written through: a link planted in a rejects folder had its target
  /// overwritten (black-box review 65; hard links: code review).
  public init(path: String, encoder: CSVEncoder, bufferSize: Int = 1 << 20) throws(CSVFileError) {
    var info = stat()
    if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK || info.st_nlink > 1, unlink(path) != 0 {
      throw CSVFileError(path: path, errno: errno)
    }
    // O_NOFOLLOW: a link made between the check and the open fails the open instead.
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw CSVFileError(path: path, errno: errno) }
    self.fileDescriptor = fd
    self.encoder = encoder
    self.path = path
    self.flushThreshold = bufferSize
    buffer.reserveCapacity(bufferSize + 4096)
  }

  deinit {
    try? flush()
    close(fileDescriptor)
  }

  /// Appends one row.
  public func writeRow<Fields: Sequence>(_ fields: Fields) throws(CSVFileError)
  where Fields.Element: StringProtocol {
    encoder.appendRow(fields, to: &buffer)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Appends one row of fields given as bytes, written as they are (quoted and guarded as any
  /// field): a rejected record's values keep bytes that are not UTF-8, which a `String` would
  /// have replaced.
  public func writeRow(byteFields fields: [[UInt8]]) throws(CSVFileError) {
    for index in fields.indices {
      if index > 0 { buffer.append(0x2C) }
      fields[index].withUnsafeBufferPointer { encoder.appendField(bytes: $0, to: &buffer) }
    }
    buffer.append(0x0A)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Appends bytes that are already CSV (a row with its line end), e.g. from a fast generator.
  public func writeRaw(_ bytes: [UInt8]) throws(CSVFileError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Writes out everything buffered.
  public func flush() throws(CSVFileError) {
    var failure: Int32 = 0
    buffer.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
    if failure != 0 { throw CSVFileError(path: path, errno: failure) }
  }
}

extension CSVEncoder {
  /// A cell written by ``FormulaPolicy/neutralizeReversibly`` with its guard apostrophe removed
  /// again, for reading back files this tool wrote: one leading `'` goes when a formula-like cell
  /// or another `'` follows it (`'=1+1` → `=1+1`, `''=1` → `'=1`, `''` → `'`); other cells, such
  /// as `'x` typed by hand, are returned as they are.
  public static func removingFormulaGuard(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "'"),
      bytes[1] == UInt8(ascii: "'") || looksLikeFormula(bytes.dropFirst())
    else {
      return bytes
    }
    return UnsafeBufferPointer(rebasing: bytes[1...])
  }
}
