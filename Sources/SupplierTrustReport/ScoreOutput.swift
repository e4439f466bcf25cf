import SupplierTrustCSV
import SupplierTrustModel
import SupplierTrustScoring

/// A ranked list of assessed suppliers and the run they came from: what `score` and `rank` print.
public struct RankedList: Sendable {
  /// The scoring run the suppliers come from (as-of day, policy, sources).
  public var run: ScoringRun
  /// The suppliers shown, best first; `rank` is their 1-based position.
  public var suppliers: [SupplierAssessment]
  /// What the list answers, in words ("all suppliers", "ISO9001 required; order 25000.00 ..."), for headings.
  public var criteria: [String]
  /// Who the criteria left out and why (`rank` and `report` with filters).
  public var leftOut: LeftOut?

  /// Makes a list of the run's suppliers (all of them, best first, when `suppliers` is nil).
  public init(
    run: ScoringRun, suppliers: [SupplierAssessment]? = nil, criteria: [String] = [], leftOut: LeftOut? = nil
  ) {
    self.run = run
    self.suppliers = suppliers ?? run.suppliers
    self.criteria = criteria
    self.leftOut = leftOut
  }
}

/// Renders rankings as JSON (the contract of `outputs.md`), CSV, Markdown and a terminal table.
public enum ScoreOutput {
  /// Rounds to `places` decimals for output (scores to 0.1, component values to 0.01).
  static func rounded(_ value: Double, _ places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded() / scale
  }

  /// Appends `value` rounded to `places` decimals exactly as `JSONValue.format(rounded(value,
  /// places))` writes it (the shortest decimal: no trailing zeros, no point for whole numbers),
  /// as ASCII digits without making a `String`: the CSV of every supplier writes 900,000 numbers.
  static func appendDecimal(_ value: Double, places: Int, to bytes: inout [UInt8]) {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * scale).rounded()
    let result = scaled / scale
    // Outside the range where the scaled value is an exact integer, or not finite: the general path.
    guard result.isFinite, abs(result) < 1e15, abs(scaled) < 9e15 else {
      bytes.append(contentsOf: JSONValue.format(result).utf8)
      return
    }
    var units = Int64(scaled)
    if units < 0 {
      bytes.append(UInt8(ascii: "-"))
      units = -units
    }
    var divisor: Int64 = 1
    for _ in 0..<places { divisor *= 10 }
    appendDigits(units / divisor, to: &bytes)
    var fraction = units % divisor
    guard fraction > 0 else { return }
    // Trailing zeros go; the others keep their leading zeros (0.05, not 0.5).
    var digits = places
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    bytes.append(UInt8(ascii: "."))
    var leading = digits
    var rest = fraction
    while rest > 0 {
      rest /= 10
      leading -= 1
    }
    for _ in 0..<leading { bytes.append(UInt8(ascii: "0")) }
    appendDigits(fraction, to: &bytes)
  }

  /// Appends a non-negative integer's decimal digits.
  static func appendDigits(_ value: Int64, to bytes: inout [UInt8]) {
    var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &buffer) { raw in
      var position = raw.count
      var rest = value
      repeat {
        position -= 1
        raw[position] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest > 0
      bytes.append(contentsOf: raw[position...])
    }
  }

  static func number(_ value: Double?, _ places: Int) -> JSONValue {
    value.map { .number(rounded($0, places)) } ?? .null
  }

  /// The JSON document of `list` (see ``writeJSON(_:chunkSize:suppliersPerPiece:to:)``).
  public static func json(_ list: RankedList) -> String {
    var document: [UInt8] = []
    writeJSON(list) { document.append(contentsOf: $0) }
    return String(decoding: document, as: UTF8.self)
  }

  /// Writes the JSON document of `list` to `sink` in pieces of about `chunkSize` bytes, ending
  /// at a supplier, `suppliersPerPiece` suppliers rendered together: every supplier of a large
  /// catalog with explanations is some 300 MB, which as one tree and one string took 2 GB and
  /// 12 s. The bytes are those of the document as one ``JSONValue`` object rendered whole.
  public static func writeJSON(
    _ list: RankedList, chunkSize: Int = 1 << 20, suppliersPerPiece: Int = 512,
    to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    let run = list.run
    var root: [(key: String, value: JSONValue)] = [
      ("as_of", .string(run.asOf.description)),
      ("policy", .string(run.policy.name)),
      ("policy_hash", .string(run.policyHash)),
      // Null when no review counts (an empty catalog, or --as-of before its reviews): unknown
      // stays null rather than the stand-in (black-box review 25).
      ("catalog_mean_rating", run.catalogReviewCount > 0 ? number(run.catalogMeanRating, 3) : .null),
      // What a script needs to rebuild a score from the components: the weights this run used (a
      // component no supplier has evidence for is left out, the rest scaled up) and the value a
      // supplier without reviews counts at (black-box review 25).
      ("weights", .object(run.effectiveWeights.map { ($0.name, number($0.share, 4)) })),
      // Null when the reviews component is left out of every score (no supplier has reviews as of
      // the day): a value for it was a number nothing used (black-box review 88). Not tied to the
      // catalog's mean: reviews all in bursts leave the mean unknown and the component in use.
      ("no_reviews_value", run.componentAverages.reviews == nil ? .null : number(run.priorReviewValue, 4)),
    ]
    if !list.criteria.isEmpty { root.append(("criteria", .array(list.criteria.map { .string($0) }))) }
    if let leftOut = list.leftOut { root.append(("left_out", leftOutJSON(leftOut))) }
    root.append(
      (
        "sources",
        .array(
          run.shownSources.map {
            .object([
              ("path", .string($0.path)), ("sha256", $0.sha256.map { .string($0) } ?? .null),
              ("records", .number(Double($0.records))), ("rejected", .number(Double($0.rejected))),
            ])
          })
      ))
    var out: [UInt8] = []
    out.reserveCapacity(chunkSize + chunkSize / 4)
    // As `.object(root + [("suppliers", .array(...))]).write(into:)` lays it out.
    JSONValue.writeStreamedDocument(root, listKey: "suppliers", isEmpty: list.suppliers.isEmpty, into: &out) {
      out in
      // Suppliers rendered on every core a wave of chunks at a time, written in order: one core
      // took 1.7 s for L's 100,000 with explanations, and a wave keeps memory to a few chunks.
      let suppliers = list.suppliers
      let chunk = max(1, suppliersPerPiece)
      let wave = chunk * 8
      for waveStart in stride(from: 0, to: suppliers.count, by: wave) {
        let waveCount = min(wave, suppliers.count - waveStart)
        let rendered = mapChunks(count: waveCount, chunkSize: chunk) { range -> [UInt8] in
          var bytes: [UInt8] = []
          for offset in range {
            let index = waveStart + offset
            if index > 0 { JSONValue.append(",\n", to: &bytes) }
            JSONValue.indent(&bytes, 2)
            supplierJSON(suppliers[index], rank: index + 1).write(into: &bytes, depth: 2)
          }
          return bytes
        }
        for bytes in rendered {
          out.append(contentsOf: bytes)
          if out.count >= chunkSize {
            out.withUnsafeBufferPointer(sink)
            out.removeAll(keepingCapacity: true)
          }
        }
      }
    }
    out.withUnsafeBufferPointer(sink)
  }

  static func leftOutJSON(_ leftOut: LeftOut) -> JSONValue {
    .object([
      ("count", .number(Double(leftOut.count))), ("of", .number(Double(leftOut.total))),
      ("closest_count", .number(Double(leftOut.nearMissCount))),
      (
        "by_filter",
        .array(
          leftOut.byFilter.map {
            .object([("filter", .string($0.phrase)), ("count", .number(Double($0.count)))])
          })
      ),
      (
        "closest",
        .array(
          leftOut.nearMisses.map { miss in
            .object([
              ("supplier_id", .string(miss.supplier.supplier.id)),
              ("name", .string(miss.supplier.supplier.name)),
              ("score", number(miss.supplier.score, 1)),
              ("reasons", .array(miss.reasons.map { .string($0) })),
            ])
          })
      ),
    ])
  }

  /// The left-out summary and near misses as plain lines, cut to `width` (the terminal table's
  /// tail), every catalog string made inert.
  static func leftOutText(_ leftOut: LeftOut, width: Int) -> String {
    guard leftOut.count > 0 else { return "" }
    var out = "\n" + TextTable.wrapped(TextTable.inert(leftOut.summary) + ".", width: width) + "\n"
    guard !leftOut.nearMisses.isEmpty else { return out }
    out += "\n" + TextTable.wrapped(leftOut.nearMissHeading, width: width) + "\n"
    for miss in leftOut.nearMisses {
      let s = miss.supplier
      let line =
        "\(s.supplier.name) (\(s.supplier.id)), \(s.score.map { fixed($0, 1) } ?? "unrated"): "
        + miss.reasons.joined(separator: "; ")
      let wrapped = TextTable.wrappedLines(TextTable.inert(line), width: max(1, width - 4))
      for (k, piece) in wrapped.enumerated() { out += (k == 0 ? "  - " : "    ") + piece + "\n" }
    }
    if let more = leftOut.moreNearMisses {
      out += "  " + TextTable.wrapped(more + jsonNamesMore, width: max(1, width - 2)) + "\n"
    }
    return out
  }

  /// Where the near misses not named are (rank's table and Markdown).
  static let jsonNamesMore =
    " (--format json names the best \(RankingCriteria.nearMissLimitForScripts) with their reasons)"

  /// When no filter leaves anyone out, how many a `--top` leaves unshown ("The best 3 of 30
  /// suppliers are shown."): the list must not read as all there are (black-box review 120; and
  /// with filters that leave nobody out, review 123). Nil when every supplier is shown, or when
  /// the filters' summary says it (``LeftOut/summary``).
  static func cutByTop(_ list: RankedList) -> String? {
    guard (list.leftOut?.count ?? 0) == 0, list.suppliers.count < list.run.suppliers.count else { return nil }
    let total = list.run.suppliers.count
    return list.suppliers.count == 1
      ? "The best of \(total) suppliers is shown."
      : "The best \(list.suppliers.count) of \(total) suppliers are shown."
  }

  /// The same for Markdown: a paragraph and a list.
  static func leftOutMarkdown(_ leftOut: LeftOut) -> String {
    guard leftOut.count > 0 else { return "" }
    var out = "\n" + markdownText(leftOut.summary) + ".\n"
    guard !leftOut.nearMisses.isEmpty else { return out }
    out += "\n" + leftOut.nearMissHeading + "\n\n"
    for miss in leftOut.nearMisses {
      let s = miss.supplier
      out +=
        "- \(markdownText(s.supplier.name)) (`\(markdownCode(s.supplier.id))`), \(s.score.map { fixed($0, 1) } ?? "unrated"): "
        + miss.reasons.map(markdownText).joined(separator: "; ") + "\n"
    }
    if let more = leftOut.moreNearMisses { out += "- " + markdownText(more + jsonNamesMore) + "\n" }
    return out
  }

  static func supplierJSON(_ s: SupplierAssessment, rank: Int) -> JSONValue {
    var components: [(key: String, value: JSONValue)] = []
    for (name, value) in s.components.all { components.append((name, number(value, 3))) }
    let flags: [JSONValue] = s.flags.map { flag in
      .object([
        ("code", .string(flag.code.rawValue)), ("severity", .string(flag.severity.rawValue)),
        ("detail", .string(flag.detail)),
        (
          "evidence",
          .array(
            flag.evidence.map {
              .object([("location", .string($0.location)), ("id", $0.recordID.map { .string($0) } ?? .null)])
            })
        ),
      ])
    }
    let factors: [JSONValue] = s.factors.map { f in
      .object([
        ("component", .string(f.component)), ("points", .number(rounded(f.points, 1))),
        ("text", .string(f.text)),
        (
          "evidence",
          .array(
            f.evidence.map {
              .object([("location", .string($0.location)), ("id", $0.recordID.map { .string($0) } ?? .null)])
            })
        ),
      ])
    }
    return .object([
      ("rank", .number(Double(rank))),
      ("supplier_id", .string(s.supplier.id)),
      ("name", .string(s.supplier.name)),
      ("country", .string(s.supplier.country)),
      ("score", number(s.score, 1)),
      ("grade", .string(s.grade)),
      ("standing", .string(s.standing.rawValue)),
      ("standing_reasons", .array(s.standingReasons.map { .string($0) })),
      ("confidence", number(s.confidence, 2)),
      ("interval", s.interval.map { .array([number($0.lowerBound, 1), number($0.upperBound, 1)]) } ?? .null),
      ("components", .object(components)),
      ("flags", .array(flags)),
      (
        "trade_assurance",
        .object([
          ("offered", s.supplier.tradeAssurance.map { .bool($0) } ?? .null),
          ("limit_usd", s.supplier.tradeAssuranceLimit.map { .number($0.dollars) } ?? .null),
        ])
      ),
      (
        "reviews",
        .object([
          ("count", .number(Double(s.reviews.count))), ("verified", .number(Double(s.reviews.verified))),
          ("in_bursts", .number(Double(s.reviews.suspicious))),
          ("mean_rating", number(s.reviews.meanRating, 2)),
          ("adjusted_rating", number(s.reviews.adjustedRating, 2)),
        ])
      ),
      (
        "explanation",
        .object([("factors", .array(factors)), ("would_change", .array(s.suggestions.map { .string($0) }))])
      ),
      ("source", .string(s.evidence.location)),
    ])
  }

  /// The columns of the CSV output, one row per supplier.
  public static let csvHeader = [
    "rank", "supplier_id", "name", "country", "score", "grade", "standing", "confidence", "score_low",
    "score_high",
    "reviews", "certifications", "audits", "delivery", "standing_component", "flags", "trade_assurance",
    "ta_limit_usd", "would_change", "as_of", "policy", "policy_sha256",
  ]

  /// CSV safe to open in a spreadsheet: text cells that could run as formulas are neutralised.
  public static func csv(_ list: RankedList) -> String { String(decoding: csvBytes(list), as: UTF8.self) }

  /// ``csv(_:)`` as UTF-8 bytes, for writing straight out. Rows are rendered on every core in
  /// chunks and joined in order: 100,000 rows took about a second on one.
  public static func csvBytes(_ list: RankedList) -> [UInt8] {
    let pieces = csvPieces(list)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
    for piece in pieces { bytes.append(contentsOf: piece) }
    return bytes
  }

  /// ``csvBytes(_:)`` in pieces (the header, then rows of up to 2,048 suppliers, made on both
  /// cores) to write one after the other: joined, the 64 MB of L's CSV were copied once more into
  /// fresh memory, its pages faulted in.
  public static func csvPieces(_ list: RankedList) -> [[UInt8]] {
    let encoder = CSVEncoder(formulaPolicy: .neutralize)
    let suppliers = list.suppliers
    // The cells every row ends with, encoded once: the same strings appended by both threads
    // meant atomic reference counting on shared storage for every row.
    var tail: [UInt8] = []
    for cell in [list.run.asOf.description, list.run.policy.name, list.run.policyHash] {
      tail.append(0x2C)
      encoder.appendField(cell, to: &tail)
    }
    tail.append(0x0A)
    let rowTail = tail
    let chunkSize = 2048
    let chunks = mapChunks(count: suppliers.count, chunkSize: chunkSize) { range -> [UInt8] in
      var bytes: [UInt8] = []
      // Rows with every suggestion average about 640 bytes: room for 1,024 each, so that a piece
      // is not grown (and copied) on the way; room never written costs no memory.
      bytes.reserveCapacity(1024 * chunkSize)
      suppliers.withUnsafeBufferPointer { suppliers in
        rowTail.withUnsafeBufferPointer { tail in
          // Through a pointer: a subscript handed each row a copy of its assessment (dozens of
          // references retained and released, 1.4 % of a score's time).
          for i in range {
            appendCSVRow(
              rank: i + 1, suppliers.baseAddress! + i, endingWith: tail, encoder: encoder, to: &bytes)
          }
        }
      }
      return bytes
    }
    var header: [UInt8] = []
    encoder.appendRow(csvHeader, to: &header)
    return [header] + chunks
  }

  /// Appends one supplier's CSV row, cells in ``csvHeader`` order, straight into `bytes` (an
  /// array of strings per row cost more than the scoring of it).
  static func appendCSVRow(
    rank: Int, _ row: UnsafePointer<SupplierAssessment>, endingWith tail: UnsafeBufferPointer<UInt8>,
    encoder: CSVEncoder, to bytes: inout [UInt8]
  ) {
    // Numbers and flag codes (digits, points, letters and underscores: nothing to quote or
    // neutralise) go straight in; text goes through the encoder.
    func cell(_ text: String) {
      bytes.append(0x2C)
      encoder.appendField(text, to: &bytes)
    }
    func number(_ value: Double?, _ places: Int) {
      bytes.append(0x2C)
      if let value { appendDecimal(value, places: places, to: &bytes) }
    }
    appendDigits(Int64(rank), to: &bytes)
    cell(row.pointee.supplier.id)
    cell(row.pointee.supplier.name)
    cell(row.pointee.supplier.country)
    number(row.pointee.score, 1)
    cell(row.pointee.grade)
    cell(row.pointee.standing.rawValue)
    number(row.pointee.confidence, 2)
    number(row.pointee.interval?.lowerBound, 1)
    number(row.pointee.interval?.upperBound, 1)
    let components = row.pointee.components
    number(components.reviews, 3)
    number(components.certifications, 3)
    number(components.audits, 3)
    number(components.delivery, 3)
    number(components.standing, 3)
    bytes.append(0x2C)
    for (k, flag) in row.pointee.flags.enumerated() {
      if k > 0 { bytes.append(UInt8(ascii: ";")) }
      bytes.append(contentsOf: flag.code.rawValue.utf8)
    }
    cell(row.pointee.supplier.tradeAssurance.map { $0 ? "true" : "false" } ?? "")
    cell(row.pointee.supplier.tradeAssuranceLimit.map { $0.description } ?? "")
    cell(listCell(row.pointee.suggestions))
    bytes.append(contentsOf: tail)
  }

  /// A list as one CSV cell, an item per line: items hold "; " themselves ("renewing ISO9001 ...;
  /// about 12 more verified reviews ..."), so a cell joined with it could not be split back
  /// (black-box review 88). A line break inside an item becomes a space.
  public static func listCell(_ items: [String]) -> String {
    joined(
      items.map { item in
        holdsLineBreak(item) ? String(item.map { $0.isNewline ? " " : $0 }) : item
      },
      separator: "\n")
  }

  /// Whether `text` holds a character that `Character.isNewline` calls a line break: LF, VT, FF,
  /// CR (alone or as CR LF), NEL (C2 85), LINE SEPARATOR (E2 80 A8) or PARAGRAPH SEPARATOR
  /// (E2 80 A9), found by their bytes. Suggestions carry a "★", and walking each of them by
  /// characters to rule out the Unicode breaks was 8 % of a `score --format csv` of every supplier.
  static func holdsLineBreak(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var k = 0
      while k < bytes.count {
        let byte = bytes[k]
        if (0x0A...0x0D).contains(byte) { return true }
        if byte == 0xC2, k + 1 < bytes.count, bytes[k + 1] == 0x85 { return true }
        if byte == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80,
          bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9
        {
          return true
        }
        k += 1
      }
      return false
    }
  }

  /// `parts` with `separator` between them, copied as bytes into one string of the right size
  /// (the library's `joined(separator:)` was 2 % of a score's time in the CSV of every supplier).
  static func joined(_ parts: [String], separator: String) -> String {
    if parts.count <= 1 { return parts.first ?? "" }
    var length = separator.utf8.count * (parts.count - 1)
    for part in parts { length += part.utf8.count }
    var separator = separator
    return separator.withUTF8 { between in
      String(unsafeUninitializedCapacity: length) { out in
        var written = 0
        for (k, var part) in parts.enumerated() {
          if k > 0 {
            (out.baseAddress! + written).initialize(from: between.baseAddress!, count: between.count)
            written += between.count
          }
          part.withUTF8 { bytes in
            guard let from = bytes.baseAddress else { return }
            (out.baseAddress! + written).initialize(from: from, count: bytes.count)
            written += bytes.count
          }
        }
        return written
      }
    }
  }

  static func format(_ value: Double) -> String { JSONValue.format(value) }

  /// A GitHub-flavoured Markdown table with a heading that names the as-of day and the policy.
  public static func markdown(_ list: RankedList) -> String {
    var out = "# Supplier ranking as of \(list.run.asOf)\n\n"
    out += "Policy `\(markdownCode(list.run.policy.name))` (sha256 `\(list.run.policyHash)`)"
    if !list.criteria.isEmpty { out += "; " + list.criteria.map(markdownText).joined(separator: "; ") }
    out += ".\n\n"
    out += "| Rank | Supplier | Country | Score | Grade | Standing | Confidence | Trade Assurance | Flags |\n"
    out += "|---:|---|---|---:|---|---|---:|---|---|\n"
    // Rows in chunks on both cores, joined in order (a 100,000-supplier ranking took a second).
    let suppliers = list.suppliers
    let chunks = mapChunks(count: suppliers.count, chunkSize: 2048) { range -> String in
      var rows = ""
      for i in range {
        let s = suppliers[i]
        // One decimal always, as in the terminal table: "93.0", not "93".
        let score = s.score.map { fixed($0, 1) } ?? "–"
        let ta = taText(s)
        let flags = s.flags.map { "`\($0.code.rawValue)`" }.joined(separator: " ")
        rows +=
          "| \(i + 1) | \(markdownText(s.supplier.name)) (`\(markdownCode(s.supplier.id))`) | \(markdownText(s.supplier.country)) | \(score) | \(markdownText(s.grade)) | \(s.standing.rawValue) | \(format(rounded(s.confidence, 2))) | \(markdownText(ta)) | \(flags) |\n"
      }
      return rows
    }
    out.reserveCapacity(out.utf8.count + chunks.reduce(0) { $0 + $1.utf8.count })
    for chunk in chunks { out += chunk }
    if list.suppliers.isEmpty { out += "\nNo supplier matches.\n" }
    if let leftOut = list.leftOut { out += leftOutMarkdown(leftOut) }
    if let cut = cutByTop(list) { out += "\n" + cut + "\n" }
    return out
  }

  static func taText(_ s: SupplierAssessment) -> String {
    switch s.supplier.tradeAssurance {
    case true?:
      return s.supplier.tradeAssuranceLimit.map { "up to \($0.displayed)" } ?? "yes (limit unknown)"
    case false?: return "no"
    case nil: return "unknown"
    }
  }

  /// Markdown text with every character that could start markup or break the table escaped:
  /// inline markup anywhere (emphasis, code, links, tables, strikethrough, HTML), and block
  /// markers (`#`, `+`, `-`, `>`, `=`) only where they could begin a line. Escaping every `-`
  /// and `(` too made dates read `2026\-11\-25` in the raw text (black-box review 35).
  static func markdownText(_ text: String) -> String {
    // Printable ASCII with nothing to escape, as most names and dates are, goes out as it is.
    let first = text.utf8.first
    let plain =
      !(first.map(isBlockMarker) ?? false)
      && text.allUTF8Bytes { byte in
        byte >= 0x20 && byte < 0x7F && !isInlineMarkup(byte)
      }
    if plain { return text }
    var out = ""
    var atStart = true
    // Markdown is read in terminals too, where an escape sequence would run.
    for ch in TextTable.inert(text) {
      defer { atStart = false }
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "|", "~":
        out.append("\\")
        out.append(ch)
      case "#", "+", "-", ">", "=":
        // (A `where` clause would guard only the last pattern of the list.)
        if atStart { out.append("\\") }
        out.append(ch)
      case "<": out += "&lt;"
      case "&": out += "&amp;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// Bytes that start inline markup wherever they stand (or an entity or tag).
  static func isInlineMarkup(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E, 0x3C, 0x26: return true
    default: return false
    }
  }

  /// Bytes that start a heading, list, quote or rule at the beginning of a line.
  static func isBlockMarker(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x23, 0x2B, 0x2D, 0x3E, 0x3D: return true
    default: return false
    }
  }

  static func markdownCode(_ text: String) -> String {
    if text.allUTF8Bytes({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x60 && $0 != 0x7C }) { return text }
    return TextTable.inert(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(
      of: "|", with: "/")
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

extension JSONValue {
  /// Writes the object of `members` followed by the array `listKey`, whose elements `elements`
  /// writes (each indented at depth 2 and separated by ",\n" from the one before), as
  /// ``write(into:depth:)`` lays the whole object out: a non-empty list of objects puts each on
  /// lines of its own, an empty one is `[]`. The elements are written by the caller so that it can
  /// hand the document on in pieces.
  static func writeStreamedDocument(
    _ members: [(key: String, value: JSONValue)], listKey: StaticString, isEmpty: Bool,
    into out: inout [UInt8], elements: (inout [UInt8]) -> Void
  ) {
    append("{\n", to: &out)
    for member in members {
      writeMember(member.key, member.value, into: &out, depth: 1)
      append(",\n", to: &out)
    }
    indent(&out, 1)
    append("\"", to: &out)
    append(listKey, to: &out)
    append("\": ", to: &out)
    if isEmpty {
      append("[]", to: &out)
    } else {
      append("[\n", to: &out)
      elements(&out)
      out.append(UInt8(ascii: "\n"))
      indent(&out, 1)
      out.append(UInt8(ascii: "]"))
    }
    append("\n}\n", to: &out)
  }
}
