import SupplierTrustModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One rejected record: where it starts, which column broke which rule, and how to fix it.
public struct Rejection: Codable, Equatable, Sendable {
  /// Path of the file the record came from, as given on the command line.
  public var file: String
  /// Physical line where the record starts (the header is line 1); for XML, the element's line.
  public var line: Int
  /// The contract's name of the column that broke a rule (`supplier_id` for XML's `id` attribute too,
  /// whatever the header's case or spacing); empty when the problem is the record as a whole.
  public var column: String
  /// The offending value as read from the file (empty when there is none).
  public var value: String
  /// Which rule the value broke (`rating must be between 1 and 5`).
  public var reason: String
  /// How to correct the record (`write a value from 1 to 5`).
  public var fix: String
  /// Line of the offending field itself, when known (a CSV field's, or the XML child element
  /// that gave the value); JSON `field_line`.
  public var fieldLine: Int?
  /// Character column of the offending field on ``fieldLine``, when known (CSV); JSON `field_column`.
  public var fieldColumn: Int?
  /// The record's other problems (one per column), when it broke more than one rule; absent
  /// otherwise. The record is counted and listed once, under its first problem.
  public var otherProblems: [Rejection.Problem]?

  /// One more problem of a rejected record.
  public struct Problem: Codable, Equatable, Sendable {
    /// The column that broke this rule, as in ``Rejection/column``.
    public var column: String
    /// The offending value as read from the file.
    public var value: String
    /// Which rule the value broke.
    public var reason: String
    /// How to correct it.
    public var fix: String
    /// Physical line of the offending field, when known (CSV, or an XML child element); JSON
    /// `field_line`.
    public var fieldLine: Int?
    /// Character column of the offending field, when known (CSV); JSON `field_column`.
    public var fieldColumn: Int?

    enum CodingKeys: String, CodingKey {
      case column, value, reason, fix
      case fieldLine = "field_line"
      case fieldColumn = "field_column"
    }

    /// Makes a further problem of a record: `column` holding `value` broke `reason`, mended by `fix`.
    public init(
      column: String, value: String, reason: String, fix: String, fieldLine: Int? = nil,
      fieldColumn: Int? = nil
    ) {
      self.column = column
      self.value = value
      self.reason = reason
      self.fix = fix
      self.fieldLine = fieldLine
      self.fieldColumn = fieldColumn
    }
  }

  /// The id of the rejected record as the file gives it (`order_id` of an order, the certificate
  /// number of a certificate), when it has one: so that a command asked about that record can
  /// say it was rejected rather than unknown.
  public var recordID: String?
  /// The kind of the rejected record (not in the JSON, whose `files` give each file's kinds), so
  /// that an id is matched only against records of its own kind.
  public var recordKind: RecordKind?

  enum CodingKeys: String, CodingKey {
    case file, line, column, value, reason, fix
    case fieldLine = "field_line"
    case fieldColumn = "field_column"
    case otherProblems = "other_problems"
    case recordID = "record_id"
  }

  /// Makes a rejection of the record at `file`:`line` whose first problem is `column` holding `value`.
  public init(
    file: String, line: Int, column: String, value: String, reason: String, fix: String,
    fieldLine: Int? = nil, fieldColumn: Int? = nil, otherProblems: [Rejection.Problem]? = nil,
    recordID: String? = nil
  ) {
    self.recordID = recordID
    self.file = file
    self.line = line
    self.column = column
    self.value = value
    self.reason = reason
    self.fix = fix
    self.fieldLine = fieldLine
    self.fieldColumn = fieldColumn
    self.otherProblems = otherProblems
  }

  /// The located message printed on stderr:
  ///
  ///     error: rating must be between 1 and 5
  ///      --> datasets/sample/reviews.csv:88:14 (rating = "7")
  ///       = fix: write a value from 1 to 5
  ///
  /// A record that broke more rules lists each of the others below, indented:
  ///
  ///       = also: review_date must be a calendar date
  ///         --> datasets/sample/reviews.csv:88:16 (review_date = "2026-13-01")
  ///         = fix: write YYYY-MM-DD, e.g. 2026-09-14
  public var rendered: String {
    var text =
      "error: \(reason.terminalSafe)\n --> \(located(column, value, fieldLine, fieldColumn))\n  = fix: \(fix.terminalSafe)"
    for other in otherProblems ?? [] {
      text +=
        "\n  = also: \(other.reason.terminalSafe)\n    --> \(located(other.column, other.value, other.fieldLine, other.fieldColumn))\n    = fix: \(other.fix.terminalSafe)"
    }
    return text
  }

  /// `file:line:column (column = "value")`, for the record's line or the field's own place.
  private func located(_ column: String, _ value: String, _ fieldLine: Int?, _ fieldColumn: Int?) -> String {
    // A field's own line without a column (an XML child element) is still its place.
    let position =
      fieldColumn.map { "\(file):\(fieldLine ?? line):\($0)" } ?? "\(file):\(fieldLine ?? line)"
    let shown = value.count > 60 ? String(value.prefix(57)) + "..." : value
    // A field on a later line than its record (after a quoted line break): the record's own
    // line, the one the JSON summary and the rejects file give, is named too.
    let record = fieldLine.map { $0 != line } == true ? "record from line \(line)" : nil
    let parts =
      (column.isEmpty ? [] : ["\(column.terminalSafe) = \"\(shown.escapedForTerminal)\""])
      + [record].compactMap { $0 }
    let field = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    return "\(position.terminalSafe)\(field)"
  }
}

/// A problem that does not reject a record (an unknown column, ...).
public struct ImportWarning: Codable, Equatable, Sendable {
  /// Path of the file the warning is about.
  public var file: String
  /// Physical line the warning is about, or nil when it concerns the whole file.
  public var line: Int?
  /// What was found, in plain words.
  public var message: String

  /// Makes a warning about `file` (at `line`, when there is one).
  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// The message printed on stderr: `warning: ...` and a `--> file:line` line, terminal-safe.
  public var rendered: String {
    "warning: \(message.terminalSafe)\n --> \(file.terminalSafe)\(line.map { ":\($0)" } ?? "")"
  }
}

/// Counts for one kind of record in one file (an XML document gives one entry per kind).
public struct FileSummary: Codable, Equatable, Sendable {
  /// Path of the file, as given on the command line.
  public var path: String
  /// The kind of record counted (`suppliers`, `certifications`, `audits`, `reviews` or `orders`).
  public var kind: RecordKind
  /// Records of this kind accepted from the file.
  public var accepted: Int
  /// Records of this kind rejected (each counted once, however many rules it broke).
  public var rejected: Int
  /// Warnings raised while reading this kind from the file.
  public var warnings: Int
  /// The file's SHA-256 (hex); nil for a check, which stores nothing and has no use for it.
  public var sha256: String?
  /// The import-log id, when the records were stored.
  public var importID: Int64?

  enum CodingKeys: String, CodingKey {
    case path, kind, accepted, rejected, warnings, sha256
    case importID = "import_id"
  }
}

/// A file that could not be read at all (missing, unreadable, malformed XML, no usable header).
public struct FileFailure: Error, Codable, Equatable, Sendable {
  /// Path of the file that could not be read (or of the store, when that failed).
  public var file: String
  /// Physical line of the failure, or nil when it concerns the whole file.
  public var line: Int?
  /// Column of the failure on its line, when known (an XML document's break), counted from 1;
  /// `field_column` in JSON, as a rejected record's (whose `column` names its field).
  public var column: Int?
  /// What went wrong, in plain words.
  public var message: String
  /// How to make the file readable.
  public var fix: String

  enum CodingKeys: String, CodingKey {
    case file, line, message, fix
    case column = "field_column"
  }

  /// Makes a failure of `file` (at `line` and `column`, when known) with its message and fix.
  public init(file: String, line: Int?, column: Int? = nil, message: String, fix: String) {
    self.file = file
    self.line = line
    self.column = line == nil ? nil : column
    self.message = message
    self.fix = fix
  }

  /// The message printed on stderr: `error: ...`, a `--> file:line:column` line and `= fix: ...`,
  /// terminal-safe.
  public var rendered: String {
    let place = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
    return "error: \(message.terminalSafe)\n --> \(file.terminalSafe)\(place)\n  = fix: \(fix.terminalSafe)"
  }
}

/// Everything an import or check run found.
public struct ImportReport: Codable, Equatable, Sendable {
  /// Counts per file and record kind, in the order the files were read.
  public var files: [FileSummary] = []
  /// The rejected records, in order: the first ``ImportOptions/rejectsKeptInMemory`` here, the rest in
  /// ``spilledRejects``.
  public var rejects: [Rejection] = []
  /// Rejected records past those in ``rejects`` (not encoded with the report: the JSON printer
  /// streams them after it), or nil when all fit.
  public var spilledRejects: RejectSpill?
  /// Problems that rejected no record (an unknown column, a file not read after a `--strict` stop, ...).
  public var warnings: [ImportWarning] = []
  /// Files that could not be read at all.
  public var failures: [FileFailure] = []
  /// Files of rejected records written for fixing and re-importing.
  public var rejectFiles: [String] = []
  /// Whether anything was written to the store: true once an import committed some file (even one
  /// whose records were all rejected, which is logged); false for a check, and for an import
  /// where every file failed or was rolled back (a `--strict` stop).
  public var stored: Bool = false

  enum CodingKeys: String, CodingKey {
    case files, rejects, warnings, failures, stored
    case rejectFiles = "reject_files"
  }

  /// Makes an empty report: no files, rejects, warnings or failures, nothing stored.
  public init() {}

  /// Equal when every field is, and both spill to the same ``RejectSpill`` (or neither spills).
  public static func == (a: ImportReport, b: ImportReport) -> Bool {
    a.files == b.files && a.rejects == b.rejects && a.warnings == b.warnings && a.failures == b.failures
      && a.rejectFiles == b.rejectFiles && a.stored == b.stored && a.spilledRejects === b.spilledRejects
  }

  /// Every rejected record, those spilled included.
  public var rejectCount: Int { rejects.count + (spilledRejects?.count ?? 0) }

  /// Records accepted over all files and kinds.
  public var acceptedCount: Int { files.reduce(0) { $0 + $1.accepted } }
  /// Records rejected over all files and kinds, as the file summaries count them.
  public var rejectedCount: Int { files.reduce(0) { $0 + $1.rejected } }
}

extension String {
  /// A value shown between quotes: control characters and quotes escaped.
  var escapedForTerminal: String { escaped(quotes: true) }

  /// Text from the input inside a message (a reason naming an id, a file name): control
  /// characters escaped so that a hostile value cannot move the cursor or retitle the terminal.
  public var terminalSafe: String { escaped(quotes: false) }

  private func escaped(quotes: Bool) -> String {
    // Nearly every message is plain printable ASCII: returned as it is, not rebuilt scalar by
    // scalar (a file of 400,000 broken records spent 40 % of its check here).
    if allUTF8Bytes({ $0 >= 0x20 && $0 < 0x7F && !(quotes && $0 == 0x22) }) { return self }
    var out = ""
    for scalar in unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\"" where quotes: out += "\\\""
      default:
        // Controls, the bidirectional overrides and isolates that can make an id read backwards
        // on screen, and what cannot be seen at all: format characters (zero-width spaces and
        // joiners, marks, a byte order mark) and spaces other than the plain one (a no-break
        // space). Printed raw, `"S-1\u{200b}"` read as a valid `"S-1"` (black-box review 36).
        let category = scalar.properties.generalCategory
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
          || (category == .format && scalar.value != 0x200C && scalar.value != 0x200D)
          || category == .lineSeparator || category == .paragraphSeparator
          || (category == .spaceSeparator && scalar != " " && scalar.value != 0x3000)
        {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}

/// Rejected records past the first ``ImportOptions/rejectsKeptInMemory``, kept in an unlinked temporary
/// file rather than in memory: a whole file rejected (reviews imported before their suppliers)
/// held every record's rejection, 1.7 GB for the L catalog's reviews and 6 GB with its JSON
/// (black-box review 24). Read back in order, in batches, when the report is printed.
public final class RejectSpill: @unchecked Sendable {
  private let file: UnsafeMutablePointer<FILE>
  /// Rejections written to the spill so far.
  public private(set) var count = 0
  private var buffer: [UInt8] = []

  init?() {
    guard let file = tmpfile() else { return nil }
    self.file = file
  }

  deinit { fclose(file) }

  func append(_ r: Rejection) {
    buffer.removeAll(keepingCapacity: true)
    put(r.file)
    put(Int64(r.line))
    // The record's first problem is written as its others are.
    put(
      Rejection.Problem(
        column: r.column, value: r.value, reason: r.reason, fix: r.fix, fieldLine: r.fieldLine,
        fieldColumn: r.fieldColumn))
    put(r.recordID)
    put(r.recordKind?.rawValue)
    put(Int64(r.otherProblems?.count ?? -1))
    for p in r.otherProblems ?? [] { put(p) }
    var size = UInt32(buffer.count)
    _ = withUnsafeBytes(of: &size) { fwrite($0.baseAddress, 1, 4, file) }
    _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    count += 1
  }

  /// Every spilled rejection in order, `batch` at a time.
  public func forEachBatch(_ batch: Int = 10_000, _ body: ([Rejection]) -> Void) {
    fflush(file)
    rewind(file)
    var out: [Rejection] = []
    out.reserveCapacity(batch)
    var record: [UInt8] = []
    for _ in 0..<count {
      var size: UInt32 = 0
      guard withUnsafeMutableBytes(of: &size, { fread($0.baseAddress, 1, 4, file) }) == 4 else { break }
      record = [UInt8](repeating: 0, count: Int(size))
      guard record.withUnsafeMutableBytes({ fread($0.baseAddress, 1, Int(size), file) }) == Int(size) else {
        break
      }
      var reader = Reader(bytes: record)
      out.append(reader.rejection())
      if out.count == batch {
        body(out)
        out.removeAll(keepingCapacity: true)
      }
    }
    if !out.isEmpty { body(out) }
    fseek(file, 0, SEEK_END)
  }

  private func put(_ text: String) {
    var size = UInt32(text.utf8.count)
    withUnsafeBytes(of: &size) { buffer.append(contentsOf: $0) }
    buffer.append(contentsOf: text.utf8)
  }

  private func put(_ text: String?) {
    buffer.append(text == nil ? 0 : 1)
    if let text { put(text) }
  }

  private func put(_ value: Int64) {
    var value = value
    withUnsafeBytes(of: &value) { buffer.append(contentsOf: $0) }
  }

  private func put(_ p: Rejection.Problem) {
    put(p.column)
    put(p.value)
    put(p.reason)
    put(p.fix)
    put(p.fieldLine.map(Int64.init))
    put(p.fieldColumn.map(Int64.init))
  }

  private func put(_ value: Int64?) {
    buffer.append(value == nil ? 0 : 1)
    if let value { put(value) }
  }

  private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    mutating func int() -> Int64 {
      var value: Int64 = 0
      withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[offset..<offset + 8]) }
      offset += 8
      return value
    }

    mutating func string() -> String {
      var size: UInt32 = 0
      withUnsafeMutableBytes(of: &size) { $0.copyBytes(from: bytes[offset..<offset + 4]) }
      offset += 4
      let text = String(decoding: bytes[offset..<offset + Int(size)], as: UTF8.self)
      offset += Int(size)
      return text
    }

    mutating func optionalString() -> String? {
      offset += 1
      return bytes[offset - 1] == 0 ? nil : string()
    }

    mutating func optionalInt() -> Int? {
      offset += 1
      return bytes[offset - 1] == 0 ? nil : Int(int())
    }

    mutating func problem() -> Rejection.Problem {
      Rejection.Problem(
        column: string(), value: string(), reason: string(), fix: string(), fieldLine: optionalInt(),
        fieldColumn: optionalInt())
    }

    mutating func rejection() -> Rejection {
      let file = string()
      let line = Int(int())
      let first = problem()
      var r = Rejection(
        file: file, line: line, column: first.column, value: first.value, reason: first.reason,
        fix: first.fix,
        fieldLine: first.fieldLine, fieldColumn: first.fieldColumn)
      r.recordID = optionalString()
      r.recordKind = optionalString().flatMap(RecordKind.init(rawValue:))
      let problems = int()
      if problems >= 0 { r.otherProblems = (0..<problems).map { _ in problem() } }
      return r
    }
  }
}
