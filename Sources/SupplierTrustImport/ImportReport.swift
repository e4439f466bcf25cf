import SupplierTrustModel

/// One rejected record: where it starts, which column broke which rule, and how to fix it.
public struct Rejection: Codable, Equatable, Sendable {
  public var file: String
  /// Physical line where the record starts (the header is line 1); for XML, the element's line.
  public var line: Int
  public var column: String
  public var value: String
  public var reason: String
  public var fix: String
  /// Line and character column of the offending field itself, when known (CSV).
  public var fieldLine: Int?
  public var fieldColumn: Int?
  /// The record's other problems (one per column), when it broke more than one rule; absent
  /// otherwise. The record is counted and listed once, under its first problem.
  public var otherProblems: [Rejection.Problem]?

  /// One more problem of a rejected record.
  public struct Problem: Codable, Equatable, Sendable {
    public var column: String
    public var value: String
    public var reason: String
    public var fix: String
    public var fieldLine: Int?
    public var fieldColumn: Int?

    enum CodingKeys: String, CodingKey {
      case column, value, reason, fix
      case fieldLine = "field_line"
      case fieldColumn = "field_column"
    }

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
    let position =
      fieldColumn.map { "\(file):\(fieldLine ?? line):\($0)" } ?? "\(file):\(line)"
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
  public var file: String
  public var line: Int?
  public var message: String

  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var rendered: String {
    "warning: \(message.terminalSafe)\n --> \(file.terminalSafe)\(line.map { ":\($0)" } ?? "")"
  }
}

/// Counts for one kind of record in one file (an XML document gives one entry per kind).
public struct FileSummary: Codable, Equatable, Sendable {
  public var path: String
  public var kind: RecordKind
  public var accepted: Int
  public var rejected: Int
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
  public var file: String
  public var line: Int?
  public var message: String
  public var fix: String

  public init(file: String, line: Int?, message: String, fix: String) {
    self.file = file
    self.line = line
    self.message = message
    self.fix = fix
  }

  public var rendered: String {
    "error: \(message.terminalSafe)\n --> \(file.terminalSafe)\(line.map { ":\($0)" } ?? "")\n  = fix: \(fix.terminalSafe)"
  }
}

/// Everything an import or check run found.
public struct ImportReport: Codable, Equatable, Sendable {
  public var files: [FileSummary] = []
  public var rejects: [Rejection] = []
  public var warnings: [ImportWarning] = []
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

  public init() {}

  public var acceptedCount: Int { files.reduce(0) { $0 + $1.accepted } }
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
    if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !(quotes && $0 == 0x22) }) { return self }
    var out = ""
    for scalar in unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\"" where quotes: out += "\\\""
      default:
        // Controls, and the bidirectional overrides and isolates that can make an id read
        // backwards on screen.
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
          || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
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
