import CByteScan
import SupplierTrustModel
import SupplierTrustStore

/// A field's bytes and where they live: the buffer a ``StoreValue`` names and the offset in it,
/// so that a checked text can be stored without being copied.
struct SourceField {
  var bytes: UnsafeBufferPointer<UInt8>
  var buffer: UInt8
  var offset: Int

  /// The text value pointing at these bytes.
  @inline(__always)
  var value: StoreValue { .text(buffer: buffer, offset: offset, count: bytes.count) }
}

/// Where a decoder finds a record's values: by the index of the column in ``Columns``.
protocol FieldSource {
  /// The raw bytes of a column, or nil when the file has no such column.
  func field(_ column: Int) -> SourceField?
  /// The bytes of a text value that points into this source.
  func bytes(of value: StoreValue) -> UnsafeBufferPointer<UInt8>
}

/// The values of checked records, in the store's column order, and the bytes made for them
/// (normalised spellings, line breaks turned into LF, certificate keys).
struct RowBuilder {
  /// The ``StoreValue/buffer`` index of ``extra``.
  static let extraBuffer: UInt8 = 2
  var values: [StoreValue] = []
  var extra: [UInt8] = []

  /// A text value of bytes made while decoding.
  mutating func made<Bytes: Sequence>(_ bytes: Bytes) -> StoreValue where Bytes.Element == UInt8 {
    let start = extra.count
    extra.append(contentsOf: bytes)
    return .text(buffer: Self.extraBuffer, offset: start, count: extra.count - start)
  }

  mutating func made(_ text: String) -> StoreValue { made(text.utf8) }
}

/// Reads typed values out of a ``FieldSource``, turning each broken rule into a ``FieldProblem``
/// with the message the user sees. Values are trimmed of surrounding blanks; an empty value is
/// unknown (nil, or a null ``StoreValue``), never zero.
///
/// Text is checked where it lies and handed on as a span of the source's bytes: no string is
/// made for a record that passes.
struct FieldReader<Source: FieldSource> {
  /// The record being read: a reader of many records has it replaced in place (see
  /// ``RecordDecoder/decode(_:into:)``).
  var source: Source
  let kind: RecordKind
  /// The contract's column names, for messages: looked up only when one is written, so that a
  /// record that passes costs no reference counting for them.
  var names: [String] { Columns.names(kind) }
  /// Where problems go when every problem of a record is wanted (see
  /// ``RecordDecoder/problems(_:_:)``); nil when checking, which stops at the first. Unowned
  /// (the caller keeps it), so that the checking path pays no reference counting for it.
  unowned(unsafe) var collector: ProblemCollector? = nil
  /// Standards already normalised, by spelling (the caller keeps it; see ``StandardSpellings``).
  unowned(unsafe) var standards: StandardSpellings? = nil

  /// Throws `problem`, found in `column`; or, when collecting, notes it and goes on with
  /// `fallback`, so that the record's other columns are checked too.
  @inline(never)
  func fail<T>(_ problem: FieldProblem, in column: Int, _ fallback: T) throws(FieldProblem) -> T {
    guard let collector else { throw problem }
    collector.note(problem, in: column)
    return fallback
  }

  /// `value`, or the problem of a required column left empty (see ``fail(_:in:_:)``).
  func required<T>(_ value: T?, _ column: Int, fallback: T) throws(FieldProblem) -> T {
    if let value { return value }
    return try fail(missing(column), in: column, fallback)
  }

  /// Whether a rule between columns can be judged: when collecting, not if one of them already
  /// failed (a stand-in value would break the rule for no reason of the user's).
  func canCompare(_ columns: Int...) -> Bool {
    guard let collector else { return true }
    return !columns.contains { collector.hasFailed($0) }
  }

  /// Space, tab, line feed or carriage return: trimmed from both ends of every value, so that a
  /// pretty-printed XML `<country>\n  CN\n</country>` reads like the CSV `CN`.
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// `bytes` without the blanks around them (see ``isBlank(_:)``); for empty or all-blank bytes,
  /// an empty span at the end of the leading blanks.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end && isBlank(bytes[start]) { start += 1 }
    while end > start && isBlank(bytes[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  @inline(__always)
  func located(_ column: Int) -> SourceField? {
    guard var field = source.field(column), !field.bytes.isEmpty else { return nil }
    let bytes = field.bytes
    if Self.isBlank(bytes.first!) || Self.isBlank(bytes.last!) {
      field.bytes = Self.trimmed(bytes)
      field.offset += field.bytes.baseAddress! - bytes.baseAddress!
    }
    return field.bytes.isEmpty ? nil : field
  }

  @inline(__always)
  func raw(_ column: Int) -> UnsafeBufferPointer<UInt8>? { located(column)?.bytes }

  func problem(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>?, _ reason: String, _ fix: String)
    -> FieldProblem
  {
    FieldProblem(
      column: names[column], value: bytes.map { String(decoding: $0, as: UTF8.self) } ?? "", reason: reason,
      fix: fix)
  }

  /// A column's value as the file holds it (trimmed), for reports: what the user must find and fix.
  func text(of column: Int) -> String? {
    raw(column).map { String(decoding: $0, as: UTF8.self) }
  }

  func missing(_ column: Int) -> FieldProblem {
    problem(column, nil, "\(names[column]) is required", "fill in \(names[column])")
  }

  /// A text column: checked as UTF-8 in place; line breaks are stored as LF whatever the file
  /// used (XML parsers already do this), so that the CSV and XML forms of a record store the same
  /// text.
  @inline(__always)
  func text(_ column: Int, _ row: inout RowBuilder) throws(FieldProblem) -> StoreValue {
    guard let field = located(column) else { return .null }
    // One pass for the common case: ASCII with no carriage return or NUL.
    if UTF8Check.isASCIIWithoutCR(field.bytes) { return field.value }
    return try otherText(column, field, &row)
  }

  /// ``text(_:_:)`` of a value that is not plain ASCII.
  @inline(never)
  func otherText(_ column: Int, _ field: SourceField, _ row: inout RowBuilder) throws(FieldProblem)
    -> StoreValue
  {
    guard UTF8Check.isValid(field.bytes) else {
      return try fail(
        problem(column, field.bytes, "\(names[column]) is not valid UTF-8", "save the file as UTF-8"),
        in: column,
        .null)
    }
    // Stored, a NUL ended the text for every reader: "nul\0here" showed as "nul" (black-box
    // review 44). No catalog text holds one; binary data does.
    if field.bytes.contains(0) {
      return try fail(
        problem(
          column, field.bytes, "\(names[column]) holds a NUL byte (binary data, not text)",
          "remove the NUL bytes (e.g. tr -d '\\000' < FILE > FILE-clean.csv), or export the file again as CSV text"
        ),
        in: column, .null)
    }
    guard field.bytes.contains(0x0D) else { return field.value }
    return row.made(UTF8Check.replacingLineBreaks(field.bytes))
  }

  func requiredText(_ column: Int, _ row: inout RowBuilder) throws(FieldProblem) -> StoreValue {
    let value = try text(column, &row)
    if value.isNull { return try fail(missing(column), in: column, value) }
    return value
  }

  /// A text column as a string, for the few values that are reshaped (lists).
  func string(_ column: Int) throws(FieldProblem) -> String? {
    guard let bytes = raw(column) else { return nil }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return try fail(
        problem(column, bytes, "\(names[column]) is not valid UTF-8", "save the file as UTF-8"), in: column,
        nil)
    }
    return text
  }

  // The readers a review's fields go through, millions of times, are each an inlined check of
  // the common case and an out-of-line rest: called, with the frame their messages need (464
  // bytes for `number`), their entry and return were half their samples on the decoding thread,
  // the busiest while a catalog's reviews are read.

  @inline(__always)
  func identifier(_ column: Int) throws(FieldProblem) -> StoreValue {
    guard let field = located(column) else { return .null }
    if IdentifierCheck.isValid(field.bytes) { return field.value }
    return try invalidIdentifier(column, field)
  }

  @inline(never)
  func invalidIdentifier(_ column: Int, _ field: SourceField) throws(FieldProblem) -> StoreValue {
    guard IdentifierCheck.isValid(field.bytes) else {
      // The fix for what is wrong with this one: too long needs shortening, not other characters
      // (black-box review 36).
      let tooLong =
        field.bytes.count > 64
        && field.bytes.allSatisfy { byte in
          switch byte {
          case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
          default: return false
          }
        }
      return try fail(
        problem(
          column, field.bytes, "\(names[column]) must be 1 to 64 characters of A-Z a-z 0-9 . _ -",
          tooLong
            ? "shorten the id to at most 64 characters (it has \(field.bytes.count))"
            : "remove spaces and other characters from the id"), in: column, .null)
    }
    return field.value
  }

  func requiredIdentifier(_ column: Int) throws(FieldProblem) -> StoreValue {
    let value = try identifier(column)
    if value.isNull { return try fail(missing(column), in: column, value) }
    return value
  }

  /// A country code, stored upper-case.
  func country(_ column: Int, _ row: inout RowBuilder) throws(FieldProblem) -> StoreValue {
    guard let field = located(column) else { return .null }
    guard let (first, second) = Country.upperCaseCode(utf8: field.bytes) else {
      return try fail(
        problem(
          column, field.bytes, "\(names[column]) must be an ISO 3166-1 alpha-2 country code",
          "use a two-letter code such as CN, VN, IN or TR"), in: column, .null)
    }
    if field.bytes[0] == first && field.bytes[1] == second { return field.value }
    return row.made([first, second])
  }

  func enumeration<Value: RecordEnumeration>(_ column: Int, as type: Value.Type) throws(FieldProblem)
    -> Value?
  {
    guard let bytes = raw(column) else { return nil }
    guard let value = Value(normalizingUTF8: bytes) else {
      return try fail(
        problem(
          column, bytes, "\(names[column]) must be one of \(Value.allowedList)",
          "use one of the listed values" + (Value.choosingHint.map { ": \($0)" } ?? "")),
        in: column, nil)
    }
    return value
  }

  @inline(__always)
  func flag(_ column: Int) throws(FieldProblem) -> Bool? {
    guard let bytes = raw(column) else { return nil }
    if let value = Flag.parse(utf8: bytes) { return value }
    return try invalidFlag(column, bytes)
  }

  @inline(never)
  func invalidFlag(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(FieldProblem) -> Bool? {
    guard let value = Flag.parse(utf8: bytes) else {
      return try fail(
        problem(column, bytes, "\(names[column]) must be a boolean", "write true/false, yes/no, 1/0 or y/n"),
        in: column, nil)
    }
    return value
  }

  func rate(_ column: Int) throws(FieldProblem) -> Double? {
    guard let bytes = raw(column) else { return nil }
    guard let value = Rate.parse(utf8: bytes) else {
      return try fail(
        problem(
          column, bytes, "\(names[column]) must be a rate between 0 and 1 or a percentage up to 100%",
          "write 0.92 or 92%"), in: column, nil)
    }
    return value
  }

  /// Digits before the decimal point, leading zeros not counted.
  static func wholeDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let whole = bytes.prefix { $0 != UInt8(ascii: ".") }
    return whole.drop { $0 == UInt8(ascii: "0") }.count
  }

  func money(_ column: Int) throws(FieldProblem) -> Money? {
    guard let bytes = raw(column) else { return nil }
    guard let value = Money(utf8: bytes) else {
      // Digits alone, too many of them: said as such, not as a malformed amount.
      let dots = bytes.filter { $0 == UInt8(ascii: ".") }.count
      if dots <= 1, bytes.allSatisfy({ $0 == UInt8(ascii: ".") || (0x30...0x39).contains($0) }),
        Self.wholeDigits(bytes) >= Money.maximumWholeDigits
      {
        return try fail(
          problem(
            column, bytes,
            "\(names[column]) is too large to be an amount (under ten trillion dollars: at most \(Money.maximumWholeDigits) digits before the decimal point, not rounding up to more)",
            "check the value; amounts are US dollars, e.g. 25000.00"),
          in: column, nil)
      }
      return try fail(
        problem(
          column, bytes, "\(names[column]) must be a plain US-dollar amount",
          "write digits with a decimal point and no thousands separators or currency signs, e.g. 25000.00"
        ),
        in: column, nil)
    }
    return value
  }

  func requiredMoney(_ column: Int) throws(FieldProblem) -> Money {
    guard let value = try money(column) else { return try fail(missing(column), in: column, Money(cents: 0)) }
    return value
  }

  @inline(__always)
  func day(_ column: Int) throws(FieldProblem) -> Day? {
    guard let bytes = raw(column) else { return nil }
    if let value = Day(utf8: bytes) { return value }
    return try invalidDay(column, bytes)
  }

  @inline(never)
  func invalidDay(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(FieldProblem) -> Day? {
    guard let value = Day(utf8: bytes) else {
      return try fail(
        problem(
          column, bytes, "\(names[column]) must be a calendar date", "write YYYY-MM-DD, e.g. 2026-09-14"),
        in: column, nil)
    }
    return value
  }

  func requiredDay(_ column: Int) throws(FieldProblem) -> Day {
    guard let value = try day(column) else {
      return try fail(missing(column), in: column, Day(daysSinceEpoch: 0))
    }
    return value
  }

  func year(_ column: Int) throws(FieldProblem) -> Int? {
    guard let bytes = raw(column) else { return nil }
    // Any four-digit year, as the contract says (1526 and 2101 were refused with a message that
    // they are not four-digit years; black-box review 24); later than --as-of is judged there.
    guard bytes.count == 4, let value = Numbers.parseCount(utf8: bytes), value >= 1000 else {
      return try fail(
        problem(column, bytes, "\(names[column]) must be a four-digit year", "write a year such as 2009"),
        in: column, nil)
    }
    return Int(value)
  }

  func count(_ column: Int) throws(FieldProblem) -> Int? {
    guard let bytes = raw(column) else { return nil }
    guard let value = Numbers.parseCount(utf8: bytes), value <= Int64(Int32.max) else {
      // All digits but too many of them: say so, rather than that it is no whole number.
      let digitsOnly = !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      return try fail(
        problem(
          column, bytes,
          digitsOnly
            ? "\(names[column]) is too large (at most \(Int32.max))"
            : "\(names[column]) must be a whole number of 0 or more",
          digitsOnly ? "check the value: no catalog count is that large" : "write digits only, e.g. 120"
        ),
        in: column, nil)
    }
    return Int(value)
  }

  /// A number within `range` with at most `decimals` decimals.
  @inline(__always)
  func number(_ column: Int, in range: ClosedRange<Double>, decimals: Int? = nil) throws(FieldProblem)
    -> Double?
  {
    guard let bytes = raw(column) else { return nil }
    // Most values are one digit (ratings): no parse, no decimals to count.
    if bytes.count == 1, case let digit = bytes[0] &- 0x30, digit <= 9, range.contains(Double(digit)) {
      return Double(digit)
    }
    return try parsedNumber(column, bytes, in: range, decimals: decimals)
  }

  /// ``number(_:in:decimals:)`` of a value other than one digit in range.
  @inline(never)
  func parsedNumber(
    _ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, in range: ClosedRange<Double>, decimals: Int?
  ) throws(FieldProblem) -> Double? {
    // Only built when a message needs them.
    var low: String { Self.format(range.lowerBound) }
    var high: String { Self.format(range.upperBound) }
    guard let value = Numbers.parse(utf8: bytes) else {
      return try fail(
        problem(
          column, bytes, "\(names[column]) must be a number between \(low) and \(high)",
          "write a plain number such as \(high)"), in: column, nil)
    }
    guard range.contains(value) else {
      return try fail(
        problem(
          column, bytes, "\(names[column]) must be between \(low) and \(high)",
          "write a value from \(low) to \(high)"),
        in: column, nil)
    }
    if let decimals, let dot = bytes.firstIndex(of: UInt8(ascii: ".")),
      Self.fractionDigits(bytes, dot: dot, keeping: decimals) > decimals
    {
      return try fail(
        problem(
          column, bytes, "\(names[column]) may have at most \(decimals) decimal\(decimals == 1 ? "" : "s")",
          Self.roundedHalfUp(bytes, dot: dot, decimals: decimals).map { "round it: \($0)" }
            ?? "round it to \(decimals) decimal\(decimals == 1 ? "" : "s")"), in: column, nil)
    }
    return value
  }

  /// The decimal text `bytes` (digits, a point at `dot`, digits) rounded half up to `decimals`
  /// decimals, worked out on the digits as written (4.55 is 4.6, where the binary double nearest
  /// 4.55 rounds to 4.5); nil for any other form. The fix had said "e.g. 4.5" of every value
  /// (black-box review 116 read it as the rounding of 4.55).
  static func roundedHalfUp(_ bytes: UnsafeBufferPointer<UInt8>, dot: Int, decimals: Int) -> String? {
    let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    guard dot > 0, dot + 1 + decimals < bytes.count, bytes[..<dot].allSatisfy(isDigit),
      bytes[(dot + 1)...].allSatisfy(isDigit)
    else { return nil }
    var digits = Array(bytes[..<dot]) + Array(bytes[(dot + 1)..<(dot + 1 + decimals)])
    if bytes[dot + 1 + decimals] >= UInt8(ascii: "5") {
      var k = digits.count - 1
      while k >= 0 && digits[k] == UInt8(ascii: "9") {
        digits[k] = UInt8(ascii: "0")
        k -= 1
      }
      if k >= 0 { digits[k] += 1 } else { digits.insert(UInt8(ascii: "1"), at: 0) }
    }
    let whole = digits.count - decimals
    let text = String(decoding: digits[..<whole], as: UTF8.self)
    return decimals == 0 ? text : text + "." + String(decoding: digits[whole...], as: UTF8.self)
  }

  /// The digits after the `.` at `dot`, less the zeros that end them past `keeping` decimals
  /// (`4.50` has one): they do not change the value, so they do not count against a limit.
  static func fractionDigits(_ bytes: UnsafeBufferPointer<UInt8>, dot: Int, keeping decimals: Int) -> Int {
    var end = bytes.count
    while end - dot - 1 > decimals && bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
    return end - dot - 1
  }

  func requiredNumber(_ column: Int, in range: ClosedRange<Double>, decimals: Int? = nil) throws(FieldProblem)
    -> Double
  {
    guard let value = try number(column, in: range, decimals: decimals) else {
      return try fail(missing(column), in: column, range.lowerBound)
    }
    return value
  }

  func standard(_ column: Int) throws(FieldProblem) -> String {
    guard let bytes = raw(column) else { return try fail(missing(column), in: column, "") }
    let normalized: String?
    if let standards {
      normalized = standards.normalize(bytes)
    } else {
      normalized = Standard.normalize(utf8: bytes)
    }
    guard let value = normalized else {
      let several = Standard.looksLikeSeveral(String(decoding: bytes, as: UTF8.self))
      return try fail(
        problem(
          column, bytes,
          several
            ? "\(names[column]) names more than one standard"
            : "\(names[column]) is not a recognisable standard name",
          several
            ? "give each standard its certificate row of its own (one standard per row)"
            : "write the standard's name, e.g. ISO9001, ISO 9001:2015, CE or RoHS"), in: column, "")
    }
    return value
  }

  /// Two columns in the wrong order (an expiry before the issue date, ...).
  func order(_ early: Int, _ earlyValue: Day?, _ late: Int, _ lateValue: Day?) throws(FieldProblem) {
    guard let earlyValue, let lateValue, lateValue < earlyValue, canCompare(early, late) else { return }
    try fail(
      FieldProblem(
        column: names[late], value: text(of: late) ?? lateValue.description,
        reason: "\(names[late]) \(lateValue) is before \(names[early]) \(earlyValue)",
        fix: "correct one of the two dates"), in: late, ())
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}

/// UTF-8 checks on bytes, for values that are stored without becoming strings.
enum UTF8Check {
  /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or values past
  /// U+10FFFF), checking eight ASCII bytes at a time.
  @inline(__always)
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    let raw = UnsafeRawPointer(base)
    while index + 8 <= count {
      if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
        return isValidFrom(index, bytes)
      }
      index += 8
    }
    while index < count {
      if base[index] >= 0x80 { return isValidFrom(index, bytes) }
      index += 1
    }
    return true
  }

  /// Whether every byte is ASCII and none is a carriage return (CByteScan's
  /// `supplier_trust_is_ascii_without_cr`, sixteen bytes per compare).
  @inline(__always)
  static func isASCIIWithoutCR(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    return supplier_trust_is_ascii_without_cr(base, bytes.count) != 0
  }

  private static func isValidFrom(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    String(validating: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) != nil
  }

  /// CRLF and lone CR as LF.
  static func replacingLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0D {
        out.append(0x0A)
        if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
      } else {
        out.append(byte)
      }
      index += 1
    }
    return out
  }
}

/// Every problem of one record, in the order checking meets them, one per column.
final class ProblemCollector {
  private(set) var problems: [FieldProblem] = []
  private var failedColumns: Set<Int> = []

  /// Notes a problem, unless its column already has one (a bad value that is then also missing).
  func note(_ problem: FieldProblem, in column: Int) {
    guard failedColumns.insert(column).inserted else { return }
    problems.append(problem)
  }

  func hasFailed(_ column: Int) -> Bool { failedColumns.contains(column) }
}

/// ``Identifier/isValid(utf8:)`` with SSE2 compares (CByteScan's `supplier_trust_is_identifier`),
/// for the decoding thread, which checks three or four ids per review. The tests hold it to the
/// model's answer.
enum IdentifierCheck {
  @inline(__always)
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    return supplier_trust_is_identifier(base, bytes.count) != 0
  }
}

/// A file's standards as spelled, each normalised once: a catalog spells its certificates'
/// standards a few dozen ways, and normalising every row's took 1.5 µs, a sixth of reading a
/// file of 1 M certificates (stress review 142). Used by one thread; holds at most 4,096
/// spellings, forgetting them all when full, so that a file of distinct spellings costs memory
/// no more than one without.
final class StandardSpellings {
  private var known: [UInt64: (spelling: [UInt8], standard: String?)] = [:]

  /// ``Standard/normalize(utf8:)`` of `bytes`.
  func normalize(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let hash = ByteHash.hash(bytes)
    if let entry = known[hash], entry.spelling.elementsEqual(bytes) { return entry.standard }
    let standard = Standard.normalize(utf8: bytes)
    if known.count >= 4_096 { known.removeAll(keepingCapacity: true) }
    known[hash] = (Array(bytes), standard)
    return standard
  }
}
