import Foundation
import SupplierTrustCSV
import SupplierTrustModel
import SupplierTrustStore

/// A CSV record's fields by contract column, through the header's column map.
struct CSVFieldSource: FieldSource {
  let fields: CSVRecordFields
  let columnMap: UnsafeBufferPointer<Int>
  /// A rejects file written by this tool: its formula-like cells carry a guard apostrophe
  /// (so that opening it in a spreadsheet runs nothing), and so do cells that began with one;
  /// removed here so values come back exact.
  let removeFormulaGuards: Bool

  @inline(__always)
  func field(_ column: Int) -> SourceField? {
    let index = columnMap[column]
    guard index >= 0 else { return nil }
    let located = fields.located(index)
    var field = SourceField(bytes: located.bytes, buffer: located.buffer, offset: located.offset)
    if removeFormulaGuards {
      let trimmed = CSVEncoder.removingFormulaGuard(field.bytes)
      field.offset += trimmed.count == field.bytes.count ? 0 : 1
      field.bytes = trimmed
    }
    return field
  }

  @inline(__always)
  func bytes(of value: StoreValue) -> UnsafeBufferPointer<UInt8> {
    StoreTexts(fields.raw, fields.side).bytes(value)
  }
}

extension Importer {
  /// A header name as a warning lists it: at most 64 characters (one name of megabytes made a
  /// warning of megabytes, code review).
  /// An unknown column as a warning names it: by its position when its name is blank (a header
  /// ending in a comma; black-box review 89 got "unknown column ignored: " and nothing after).
  static func unknownColumnName(_ name: String, at offset: Int) -> String {
    name.allSatisfy(\.isWhitespace) ? "column \(offset + 1) (no name in the header)" : shortened(name)
  }

  static func shortened(_ name: String) -> String {
    name.count > 64 ? String(name.prefix(63)) + "…" : name
  }

  /// A cell of a rejects file as it was before its guard apostrophe (see
  /// ``CSVEncoder/removingFormulaGuard(_:)``).
  static func removingFormulaGuard(_ cell: String) -> String {
    var cell = cell
    return cell.withUTF8 { String(decoding: CSVEncoder.removingFormulaGuard($0), as: UTF8.self) }
  }

  /// For a record of a rejects file that was rejected as a repeat of an earlier one: the problem
  /// to refuse it with again when it is still the same record (its identity worked out as the
  /// repeat check works it out, so normalised standards and formula guards compare as stored).
  ///
  /// Imported as it is, it would replace the record kept in its place without a word (black-box
  /// review 78: 40 reviews of a generated catalog so replaced, one's date and text changed). With
  /// its id (or a certificate's number, standard or issue day) changed it is another record; with
  /// its reject_reason emptied it replaces the kept one, as asked.
  static func unchangedRepeat(_ kind: RecordKind, _ row: StoreRow, rejectReason: UnsafeBufferPointer<UInt8>)
    -> FieldProblem?
  {
    let marker = " appears again in this file (first on line "
    let reasons = removingFormulaGuard(String(decoding: rejectReason, as: UTF8.self))
    // A record's reasons are joined by "; " in its rejects file.
    let named = reasons.components(separatedBy: "; ").compactMap { reason in
      reason.range(of: marker).map { reason[..<$0.lowerBound] }
    }
    guard !named.isEmpty else { return nil }
    let now = Importer.duplicateProblem(DecodedRecord(kind, row), kind: kind, firstLine: 0)
    guard let end = now.reason.range(of: marker), named.contains(now.reason[..<end.lowerBound]) else {
      return nil
    }
    return FieldProblem(
      column: now.column, value: now.value,
      reason:
        "this record was rejected as a repeat (\(reasons)) and is still the same record: imported as it is, it would replace the record kept then",
      fix:
        "give it its own \(now.column) if it is another record, or delete the row; to replace the kept record with this one on purpose, empty its reject_reason cell"
    )
  }

  func importCSV(_ path: String, kind: RecordKind) {
    let total = max(fileSize(path), 1)
    guard let run = beginFile(path, format: "csv") else { return }
    run.note(kind)
    // Catalog records average over 100 bytes of CSV; an overestimate only costs empty slots.
    run.expectedRecords = max(total / 128, 1024)
    if kind == .suppliers { knownSuppliers.reserveCapacity(knownSuppliers.count + run.expectedRecords) }
    if kind == .reviews && options.collectsCatalog {
      // Generously (a review line without a text is about 70 bytes): room reserved but never
      // used costs address space only, while growing 4M reviews' columns copies them all.
      run.collected.reviews.reserveCapacity(max(total / 64, 1024))
    }
    var warnings: [ImportWarning] = []
    /// Lines holding nothing but commas and blanks, skipped.
    var blankLines: [Int] = []
    do {
      let hasher = run.hasher
      let reader = try CSVReader(
        path: path, chunkSize: options.csvChunkSize, onRead: { chunk in hasher.update(chunk) })
      // Texts stay in the file, read again for the few reviews that burst detection compares; the
      // file opened for them must be the one being read.
      if kind == .reviews && options.collectsCatalog, let identity = reader.fileIdentity,
        let file = reviewTextFiles.register(path: path, identity: identity)
      {
        run.textFile = file
        run.collected.reviews.readTexts(from: reviewTextFiles)
      }
      guard let rawHeader = try reader.readHeader() else {
        // Emptied since it was planned: nothing to read, and say so.
        abandon(
          run,
          FileFailure(
            file: path, line: nil, message: "the file is empty", fix: "add a header row and records"))
        return
      }
      // Line ends of a lone CR (classic Mac OS): the whole file reads as one header line, and
      // nothing was imported without a word (black-box review 24).
      if rawHeader.contains(where: { $0.contains("\r") }) {
        rollback(run)
        report.failures.append(
          FileFailure(
            file: path, line: reader.headerLine,
            message: "its lines end in a lone carriage return (CR), which the contract does not allow",
            fix: "save the file with LF or CRLF line ends (Unix or Windows line endings in most editors)"))
        return
      }
      var header = rawHeader.map(Columns.normalizeHeader)
      // A rejects file rejected again is written without its old guards, or they would double;
      // its header names carry them too (a name beginning with a tab or `=`).
      let isRejectsFile = header.contains("reject_reason")
      if isRejectsFile {
        header = rawHeader.map { Columns.normalizeHeader(Importer.removingFormulaGuard($0)) }
      }
      let names = Columns.names(kind)
      // A name with a quote left in it (spaces outside its quotes) is a broken header, whichever
      // column it names: an optional one had been ignored as unknown, and its values lost
      // (black-box review 102).
      if let misquoted = Importer.misquotedHeaderFailure(rawHeader, file: path, line: reader.headerLine) {
        rollback(run)
        report.failures.append(misquoted)
        return
      }
      let missing = Columns.required(kind).filter { !header.contains($0) }
      if !missing.isEmpty {
        rollback(run)
        report.failures.append(
          FileFailure(
            file: path, line: reader.headerLine,
            message:
              "the \(kind.rawValue) header lacks the required column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))",
            fix: "add \(missing.joined(separator: ", ")) to the header row (columns may come in any order)"))
        return
      }
      let columnMap = names.map { name in header.firstIndex(of: name) ?? -1 }
      let unknown = header.enumerated().filter {
        !names.contains($0.element) && !$0.element.hasPrefix("reject_")
      }
      if !unknown.isEmpty {
        warnings.append(
          ImportWarning(
            file: path, line: reader.headerLine,
            message:
              "unknown column\(unknown.count > 1 ? "s" : "") ignored: \(unknown.prefix(20).map { Self.unknownColumnName(rawHeader[$0.offset], at: $0.offset) }.joined(separator: ", "))"
              // A header of a million unknown columns made one warning of 8.9 MB (black-box review 65).
              + (unknown.count > 20 ? ", and \(unknown.count - 20) more" : "")
          ))
      }
      // A column of the record given twice would leave its value to a guess (XML refuses the
      // same); unknown columns given twice are only ignored twice. A dictionary, not a search per
      // column: 160,000 header columns took a minute (black-box review 24).
      var firstColumn: [String: Int] = [:]
      var repeated: [(name: String, first: Int, again: Int)] = []
      for (index, name) in header.enumerated() {
        if let first = firstColumn[name] {
          if names.contains(name) && !repeated.contains(where: { $0.name == name }) {
            repeated.append((name, first, index))
          }
        } else {
          firstColumn[name] = index
        }
      }
      if let twice = repeated.first {
        rollback(run)
        report.failures.append(
          FileFailure(
            file: path, line: reader.headerLine,
            message:
              "the column \(twice.name) appears twice in the header (columns \(twice.first + 1) and \(twice.again + 1)), so which value counts would be a guess",
            fix: "remove or rename one of the two \(twice.name) columns"))
        return
      }
      // Reader threads parse and decode while this thread checks references and writes to the
      // store, so the two cores work at once; outcomes arrive in file order.
      // One batch waiting per stage: more only lets a stage run ahead out of the caches. Except
      // when the records are kept for scoring: then this thread's work per batch varies more (its
      // reviewers numbered in groups), and four batches of slack kept the decoding thread busy
      // (loading L, alternated with one batch: 1.70-1.82 s against 1.79-1.84 s).
      let queue = BoundedQueue<DecodedCSVBatch>(capacity: options.collectsCatalog ? 4 : 1)
      // The suppliers known when the file starts: a file of another kind adds none, so the
      // decoding thread can tell known references itself (a hash look-up per record, taken off
      // the storing thread, which is the import's slowest).
      let producer = CSVDecodingProducer(
        reader: reader, kind: kind, header: header, columnMap: columnMap, queue: queue,
        knownSuppliers: kind == .suppliers ? nil : knownSuppliers)
      let worker = ProducerThread(queue: queue) { producer.run() }
      // Runs before the catch blocks and `finish`: the reader thread is done with the hasher.
      defer { worker.stop() }
      var accepted = 0
      consume: while true {
        let decoded = queue.take()
        switch decoded.content {
        case .failed(let error):
          throw error
        case .finished:
          break consume
        case .records(let batch, let rows):
          run.batchOffset = batch.inputOffset
          try batch.withView { view in
            try rows.withTexts(view) { values, texts in
              let width = rows.width
              func row(_ record: Int) -> StoreRow {
                StoreRow(
                  values: UnsafeBufferPointer(rebasing: values[(record * width)..<((record + 1) * width)]),
                  texts: texts)
              }
              let supplierColumn = kind == .suppliers ? nil : header.firstIndex(of: "supplier_id")
              let rejectReasonColumn = isRejectsFile ? header.firstIndex(of: "reject_reason") : nil
              let idColumn = kind == .certifications ? nil : header.firstIndex(of: Importer.idColumn(kind))
              // First every record's fate before writing: refused by the reader, or naming an
              // unknown supplier; the rest are written together, then looked at in file order.
              // Refusals are few, so they are listed apart rather than in per-record arrays.
              var refused: [RefusedRecord] = []
              var toWrite: [Int] = []
              toWrite.reserveCapacity(view.count)
              var nextRefusal = 0
              for record in 0..<view.count {
                if nextRefusal < rows.refusals.count && rows.refusals[nextRefusal].record == record {
                  let refusal = rows.refusals[nextRefusal]
                  nextRefusal += 1
                  if refusal.holdsNoValue {
                    blankLines.append(view.line(record))
                    continue
                  }
                  var problem = refusal.problem
                  // A record refused for its fields may name an unknown supplier too: said at once.
                  if refusal.field == nil, let column = supplierColumn,
                    refusal.problem.column != "supplier_id", column < view.fieldCount(record)
                  {
                    let id = FieldReader<CSVFieldSource>.trimmed(view.field(record, column))
                    if Identifier.isValid(utf8: id), let unknown = unknownSupplierProblem(id) {
                      problem.others.append(unknown)
                    }
                  }
                  refused.append(
                    RefusedRecord(
                      record: record, problem: problem,
                      field: refusal.field ?? header.firstIndex(of: refusal.problem.column),
                      supplierID: refusal.supplierID))
                } else if !rows.hasKnownSupplier(record), let problem = referenceProblem(kind, row(record)) {
                  refused.append(
                    RefusedRecord(
                      record: record, problem: problem, field: header.firstIndex(of: problem.column),
                      supplierID: nil))
                } else if let column = rejectReasonColumn, column < view.fieldCount(record),
                  let problem = Self.unchangedRepeat(
                    kind, row(record), rejectReason: view.field(record, column))
                {
                  refused.append(
                    RefusedRecord(
                      record: record, problem: problem, field: header.firstIndex(of: problem.column),
                      supplierID: nil))
                } else {
                  toWrite.append(record)
                }
              }
              let outcomes: [UpsertOutcome]
              if let session = run.session {
                outcomes = try session.upsert(
                  kind, rows: toWrite.map(row), lines: toWrite.map { view.line($0) })
              } else {
                outcomes = remember(kind, toWrite.lazy.map { (row($0), view.line($0)) }, in: run)
              }
              var refusedAfterWriting = false
              for (position, record) in toWrite.enumerated() {
                if kind == .suppliers && position + 8 < toWrite.count {
                  knownSuppliers.prefetch(row(toWrite[position + 8]).bytes(0))
                }
                if let problem = written(
                  kind, row(record), line: view.line(record), outcome: outcomes[position], in: run)
                {
                  refused.append(
                    RefusedRecord(
                      record: record, problem: problem, field: header.firstIndex(of: problem.column),
                      supplierID: row(record).string(RecordDecoder.supplierValueIndex(kind))))
                  refusedAfterWriting = true
                } else {
                  accepted += 1
                }
              }
              if refusedAfterWriting { refused.sort { $0.record < $1.record } }
              for refusal in refused {
                let record = refusal.record
                let position = refusal.field.map { view.position(record, $0) }
                let line = view.line(record)
                let id =
                  idColumn.flatMap { $0 < view.fieldCount(record) ? view.field(record, $0) : nil }
                  .map(FieldReader<CSVFieldSource>.trimmed)
                reject(
                  addingRepeatedID(to: refusal.problem, kind: kind, id: id, line: line, in: run),
                  kind: kind, line: line, position: position, header: rawHeader,
                  values: isRejectsFile
                    ? view.strings(record).map(Importer.removingFormulaGuard) : view.strings(record),
                  // The rejects file keeps the bytes as they were, even those that are not UTF-8
                  // (black-box review 44: written as U+FFFD, they were lost).
                  rawValues: (0..<view.fieldCount(record)).map { field in
                    let bytes = view.field(record, field)
                    return Array(isRejectsFile ? CSVEncoder.removingFormulaGuard(bytes) : bytes)
                  },
                  supplierID: refusal.supplierID, in: run,
                  positionOf: { name in header.firstIndex(of: name).map { view.position(record, $0) } })
                if run.strictStop { return }
              }
            }
          }
          run.accepted[kind] = accepted
          if reportsProgress { options.onProgress?(path, Double(decoded.bytesRead) / Double(total)) }
          if run.strictStop { break consume }
        }
      }
      run.accepted[kind] = accepted
    } catch let error as CSVFileError {
      abandon(
        run,
        FileFailure(
          file: path, line: nil, message: error.description,
          fix: "check that the file is readable and complete; nothing from it was stored"))
      return
    } catch {
      abandon(
        run,
        FileFailure(
          file: path, line: nil, message: "\(error)",
          fix: "nothing from this file was stored; import it again"))
      return
    }
    if let first = blankLines.first {
      warnings.append(
        ImportWarning(
          file: path, line: first,
          message:
            "\(blankLines.count) line\(blankLines.count == 1 ? "" : "s") holding nothing but commas or blanks skipped, as empty lines are"
            + (blankLines.count > 1
              ? " (lines \(blankLines.prefix(5).map(String.init).joined(separator: ", "))\(blankLines.count > 5 ? ", ..." : ""))"
              : "")
        ))
    }
    finish(run, warnings: warnings)
  }
}

/// A record of a batch that is not stored, with why.
private struct RefusedRecord {
  var record: Int
  var problem: FieldProblem
  /// The header index of the field to point at.
  var field: Int?
  /// The id of a refused supplier record.
  var supplierID: String?
}

/// What the reader thread hands over: checked records with the batch they came from (kept for
/// their bytes, and for reporting a rejected record's values and position), or the end of the file.
struct DecodedCSVBatch: Sendable {
  enum Content: Sendable {
    case records(CSVBatch, CheckedRows)
    case finished
    case failed(CSVFileError)
  }
  var content: Content
  var bytesRead: Int
}

/// The records of one batch as checked on the reader thread: the values of every record, `width`
/// apiece in the store's column order (nulls for a refused record), and the refused ones with the
/// rule each broke.
struct CheckedRows: Sendable {
  struct Refusal: Sendable {
    var record: Int
    var problem: FieldProblem
    /// The header index of the field at fault, when it is not the problem's column.
    var field: Int?
    /// The id of a refused supplier record.
    var supplierID: String?
    /// Not refused: a line holding nothing but commas and blanks, skipped.
    var holdsNoValue = false
  }

  let width: Int
  var row = RowBuilder()
  /// In record order.
  var refusals: [Refusal] = []
  /// Per record, whether its supplier id was found among the suppliers known when the file
  /// started; empty when not told (a suppliers file), and then every record is looked up.
  private(set) var knownSupplier: [Bool] = []
  private let tellsSuppliers: Bool

  init(width: Int, capacity: Int, tellsSuppliers: Bool = false) {
    self.width = width
    self.tellsSuppliers = tellsSuppliers
    row.values.reserveCapacity(width * capacity)
    if tellsSuppliers { knownSupplier.reserveCapacity(capacity) }
  }

  mutating func refuse(_ refusal: Refusal) {
    refusals.append(refusal)
    row.values.append(contentsOf: repeatElement(.null, count: width))
    if tellsSuppliers { knownSupplier.append(false) }
  }

  /// Records an accepted record's supplier as known or not.
  mutating func noteSupplier(known: Bool) {
    if tellsSuppliers { knownSupplier.append(known) }
  }

  /// Whether the decoding thread found this record's supplier known (false when it did not look).
  func hasKnownSupplier(_ record: Int) -> Bool {
    record < knownSupplier.count && knownSupplier[record]
  }

  /// Lends the values and the buffers their texts point into (the batch's two, then this one's).
  func withTexts<R>(
    _ view: CSVBatchView, _ body: (UnsafeBufferPointer<StoreValue>, StoreTexts) throws -> R
  ) rethrows -> R {
    try row.extra.withUnsafeBufferPointer { extra in
      try row.values.withUnsafeBufferPointer { values in
        try body(values, StoreTexts(view.chunk, view.unescapedBytes, extra))
      }
    }
  }
}

/// Runs on the reader threads: reads batches, decodes every record, hashes the file.
final class CSVDecodingProducer: @unchecked Sendable {
  // The reader is handed over to this object before its threads start and is used only on the
  // parsing thread.
  private let reader: CSVReader
  private let kind: RecordKind
  private let header: [String]
  private let columnMap: [Int]
  private let queue: BoundedQueue<DecodedCSVBatch>
  /// The suppliers known when the file started (nil for a suppliers file): read only here.
  private let knownSuppliers: ByteKeySet?
  /// Standards as spelled in this file, each normalised once: used by the decoding thread only.
  private let standards = StandardSpellings()

  init(
    reader: CSVReader, kind: RecordKind, header: [String], columnMap: [Int],
    queue: BoundedQueue<DecodedCSVBatch>, knownSuppliers: ByteKeySet? = nil
  ) {
    self.reader = reader
    self.kind = kind
    self.header = header
    self.columnMap = columnMap
    self.queue = queue
    self.knownSuppliers = knownSuppliers
  }

  /// What the parsing thread hands to the decoding one.
  enum Parsed: Sendable {
    case batch(CSVBatch, bytesRead: Int)
    case end(bytesRead: Int)
    case failed(CSVFileError, bytesRead: Int)
  }

  /// Decodes on this thread what a third thread reads, hashes and splits into records, so that
  /// with the importing thread the three stages overlap (splitting and checking cost about the
  /// same; on one thread they were the slowest stage of a check).
  func run() {
    let parsed = BoundedQueue<Parsed>(capacity: 1)
    let parser = ProducerThread(queue: parsed) { self.parse(into: parsed) }
    defer { parser.stop() }
    while true {
      switch parsed.take() {
      case .batch(let batch, let bytesRead):
        let rows = decode(batch)
        if !queue.put(DecodedCSVBatch(content: .records(batch, rows), bytesRead: bytesRead)) { return }
      case .end(let bytesRead):
        _ = queue.put(DecodedCSVBatch(content: .finished, bytesRead: bytesRead))
        return
      case .failed(let error, let bytesRead):
        _ = queue.put(DecodedCSVBatch(content: .failed(error), bytesRead: bytesRead))
        return
      }
    }
  }

  /// Runs on the parsing thread, the only one that touches the reader.
  private func parse(into parsed: BoundedQueue<Parsed>) {
    do {
      while let batch = try reader.nextBatch() {
        if !parsed.put(.batch(batch, bytesRead: reader.bytesRead)) { return }
      }
      _ = parsed.put(.end(bytesRead: reader.bytesRead))
    } catch {
      _ = parsed.put(.failed(error, bytesRead: reader.bytesRead))
    }
  }

  /// The replacement character a value that was not UTF-8 had been written with.
  static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// The field of a rejects-file record that its `reject_column` and `reject_reason` name as not
  /// UTF-8 (``FieldReader/text(_:_:)`` says "<column> is not valid UTF-8") and that holds U+FFFD.
  static func lostColumn(
    _ view: CSVBatchView, _ record: Int, _ header: [String], _ reasonField: Int, _ columnField: Int
  ) -> Int? {
    let count = view.fieldCount(record)
    guard reasonField < count, columnField < count else { return nil }
    let reason = String(decoding: view.field(record, reasonField), as: UTF8.self)
    guard reason.contains("is not valid UTF-8") else { return nil }
    let columns = String(decoding: view.field(record, columnField), as: UTF8.self).split(separator: ";")
    for name in columns {
      let column = Columns.normalizeHeader(String(name))
      guard reason.contains("\(column) is not valid UTF-8"), let at = header.firstIndex(of: column),
        at < count,
        at != reasonField, at != columnField
      else { continue }
      if holds(view.field(record, at), replacementCharacter) { return at }
    }
    return nil
  }

  /// Says of a record that broke apart where a line ended in a carriage return alone (outside
  /// quotes, with no line feed), which ends a line in some editors but not in CSV, so the next
  /// line was read into the record (black-box review 44 got "text follows the closing quote" and a
  /// record missing from the counts, with no word of the CR).
  static func blameLoneCarriageReturn(at line: Int, _ problem: inout FieldProblem) {
    problem.reason +=
      "; line \(line) ends in a lone carriage return (CR), which does not end a line in CSV, so the next line was read as part of this record"
    problem.fix =
      "end every line with LF or CRLF (save the file with Unix or Windows line endings), or " + problem.fix
  }

  /// Whether `bytes` hold `needle` somewhere.
  static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard bytes.count >= needle.count, let first = needle.first else { return false }
    for start in 0...(bytes.count - needle.count) where bytes[start] == first {
      if (1..<needle.count).allSatisfy({ bytes[start + $0] == needle[$0] }) { return true }
    }
    return false
  }

  func decode(_ batch: CSVBatch) -> CheckedRows {
    let kind = self.kind
    var rows = CheckedRows(
      width: RecordDecoder.width(kind), capacity: batch.count, tellsSuppliers: knownSuppliers != nil)
    // The supplier id's column in the file, and the last id found known (records come grouped
    // by supplier more often than not).
    let supplierField =
      knownSuppliers == nil
      ? -1 : Columns.names(kind).firstIndex(of: "supplier_id").map { columnMap[$0] } ?? -1
    var lastKnown: UnsafeBufferPointer<UInt8>?
    let header = self.header
    let headerCount = header.count
    let isRejectsFile = header.contains("reject_reason")
    let reasonField = isRejectsFile ? header.firstIndex(of: "reject_reason") : nil
    let columnField = isRejectsFile ? header.firstIndex(of: "reject_column") : nil
    columnMap.withUnsafeBufferPointer { map in
      batch.withView { view in
        guard view.count > 0 else { return }
        var reader = FieldReader(
          source: CSVFieldSource(fields: view.record(0), columnMap: map, removeFormulaGuards: isRejectsFile),
          kind: kind)
        reader.standards = standards
        for record in 0..<view.count {
          if let syntax = batch.syntaxError(ofRecord: record) {
            let count = view.fieldCount(record)
            // A quote never closed opened the record's last field: that is where to look, and
            // its start is what to show (it runs to the end of the file; black-box review 36 got
            // no column and no value).
            let unclosed = syntax == .unterminatedQuote && count > 0
            let at = syntax.field ?? (unclosed ? count - 1 : nil)
            let value =
              at.map { field -> String in
                let bytes = view.field(record, min(field, count - 1))
                guard unclosed, bytes.count > 40 else { return String(decoding: bytes, as: UTF8.self) }
                // Not inside a character: back off over continuation bytes.
                var end = 40
                while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self) + "…"
              } ?? ""
            let column = at.flatMap { $0 < headerCount ? header[$0] : nil } ?? ""
            // A quoted field that runs over several lines took the records of those lines in
            // with it: say which lines (black-box review 36 counted 4 records in a file of 7 rows).
            var reason = syntax.reason
            var fix = syntax.fix
            if let at, at < count {
              let bytes = view.field(record, at)
              // A line end closing the file is not a line of the field.
              let breaks =
                bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - (unclosed && bytes.last == 0x0A ? 1 : 0)
              if breaks > 0 {
                let first = view.position(record, at).line
                reason += " (the quoted field runs from line \(first) to line \(first + breaks))"
                // Closed by the next stray quote, lines below: most often this field's own
                // closing quote is missing, and the lines between are records swallowed
                // (black-box review 51 was told only to double its quotes).
                if !unclosed {
                  let swallowed =
                    breaks == 1
                    ? "line \(first + 1), a record of its own"
                    : "lines \(first + 1) to \(first + breaks), records of their own"
                  fix =
                    "add the missing closing quote on line \(first) (the field took in \(swallowed)), or "
                    + fix
                }
              }
            }
            var problem = FieldProblem(column: column, value: value, reason: reason, fix: fix)
            if let line = view.loneCarriageReturnLine(record) {
              Self.blameLoneCarriageReturn(at: line, &problem)
            }
            // The record's other problems too, so that it is fixed in one go (review 30: a stray
            // quote hid a rating of 9), when its fields still line up with the header: a quote
            // never closed leaves nothing after it to read.
            if syntax.field != nil, count == headerCount {
              let source = CSVFieldSource(
                fields: view.record(record), columnMap: map, removeFormulaGuards: isRejectsFile)
              problem = problem.with(RecordDecoder.problems(kind, source))
            }
            rows.refuse(.init(record: record, problem: problem, field: at))
            continue
          }
          let count = view.fieldCount(record)
          // A line of nothing but commas and blanks (spreadsheets end exports with ",,,," rows)
          // holds no value: skipped and counted, not refused (black-box review 24). Looked at only
          // when its first field is blank.
          if FieldReader<CSVFieldSource>.trimmed(view.field(record, 0)).isEmpty,
            (0..<count).allSatisfy({ FieldReader<CSVFieldSource>.trimmed(view.field(record, $0)).isEmpty })
          {
            rows.refuse(
              .init(
                record: record, problem: FieldProblem(column: "", value: "", reason: "", fix: ""), field: nil,
                holdsNoValue: true))
            continue
          }
          if count != headerCount {
            let at = min(count, headerCount)
            // Too few: the first missing column. Too many: the first extra field's value.
            var problem = FieldProblem(
              column: at < headerCount ? header[at] : "",
              value: count > headerCount
                ? String(decoding: view.field(record, headerCount), as: UTF8.self) : "",
              reason:
                "the record has \(count) field\(count == 1 ? "" : "s") but the header has \(headerCount)",
              fix: count > headerCount
                ? "quote fields that contain commas, or remove the extra fields"
                : "add the missing fields (empty is fine) or check for a stray line break")
            // Lines joined by a CR only ever add fields.
            if count > headerCount, let line = view.loneCarriageReturnLine(record) {
              Self.blameLoneCarriageReturn(at: line, &problem)
            }
            rows.refuse(.init(record: record, problem: problem, field: min(at, count - 1)))
            continue
          }
          // A rejects file written before rejects kept their bytes holds a value that was not
          // UTF-8 as U+FFFD: its bytes are gone, and importing it would store the replacement
          // (black-box review 44). Only a column its reject names as not UTF-8 is looked at, so
          // that a real U+FFFD elsewhere, or one typed over, passes (code review).
          if let reasonField, let columnField,
            let at = Self.lostColumn(view, record, header, reasonField, columnField)
          {
            rows.refuse(
              .init(
                record: record,
                problem: FieldProblem(
                  column: header[at], value: String(decoding: view.field(record, at), as: UTF8.self),
                  reason:
                    "the rejects file holds U+FFFD (\u{FFFD}) where the original value had bytes that were not UTF-8, so they are lost",
                  fix:
                    "type the value again here, or convert the original file to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE-utf8.csv when all of it is Windows-1252) and import that instead"
                ), field: at))
            continue
          }
          reader.source = CSVFieldSource(
            fields: view.record(record), columnMap: map, removeFormulaGuards: isRejectsFile)
          do throws(FieldProblem) {
            try RecordDecoder.decode(reader, into: &rows.row)
            if let known = knownSuppliers, supplierField >= 0 {
              let id = FieldReader<CSVFieldSource>.trimmed(view.field(record, supplierField))
              if let last = lastKnown, ByteComparison.equal(last, id) {
                rows.noteSupplier(known: true)
              } else if known.contains(id) {
                lastKnown = id
                rows.noteSupplier(known: true)
              } else {
                rows.noteSupplier(known: false)
              }
            } else {
              rows.noteSupplier(known: false)
            }
          } catch {
            let error = error.with(RecordDecoder.problems(kind, reader.source))
            var supplierID: String?
            if kind == .suppliers, map[0] >= 0 {
              supplierID = String(decoding: view.field(record, map[0]), as: UTF8.self)
            }
            rows.refuse(.init(record: record, problem: error, field: nil, supplierID: supplierID))
          }
        }
      }
    }
    return rows
  }
}
