import Foundation
import SupplierTrustCSV
import SupplierTrustModel
import SupplierTrustStore

/// A CSV record's fields by contract column, through the header's column map.
struct CSVFieldSource: FieldSource {
  let view: CSVBatchView
  let record: Int
  let columnMap: UnsafeBufferPointer<Int>
  /// A rejects file written by this tool: its formula-like cells carry a guard apostrophe
  /// (so that opening it in a spreadsheet runs nothing), removed here so values come back exact.
  let removeFormulaGuards: Bool

  @inline(__always)
  func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
    let index = columnMap[column]
    guard index >= 0 else { return nil }
    let field = view.field(record, index)
    return removeFormulaGuards ? CSVEncoder.removingFormulaGuard(field) : field
  }
}

extension Importer {
  func importCSV(_ path: String, kind: RecordKind) {
    let total = max(fileSize(path), 1)
    guard let run = beginFile(path, format: "csv") else { return }
    run.note(kind)
    var warnings: [ImportWarning] = []
    do {
      let hasher = run.hasher
      let reader = try CSVReader(
        path: path, chunkSize: options.csvChunkSize, onRead: { chunk in hasher.update(chunk) })
      guard let rawHeader = try reader.readHeader() else {
        // Emptied since it was planned: nothing to read, and say so.
        abandon(
          run,
          FileFailure(
            file: path, line: nil, message: "the file is empty", fix: "add a header row and records"))
        return
      }
      let header = rawHeader.map(Columns.normalizeHeader)
      let names = Columns.names(kind)
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
              "unknown column\(unknown.count > 1 ? "s" : "") ignored: \(unknown.map { rawHeader[$0.offset] }.joined(separator: ", "))"
          ))
      }
      var repeated = Set<String>()
      for (index, name) in header.enumerated()
      where header.firstIndex(of: name) != index && names.contains(name) {
        repeated.insert(name)
      }
      for name in repeated.sorted() {
        warnings.append(
          ImportWarning(
            file: path, line: reader.headerLine, message: "column \(name) appears twice; the first is used"))
      }
      // A reader thread parses and decodes while this thread checks references and writes to the
      // store, so the two cores work at once; outcomes arrive in file order.
      let queue = BoundedQueue<DecodedCSVBatch>(capacity: 4)
      let producer = CSVDecodingProducer(
        reader: reader, kind: kind, header: header, columnMap: columnMap, queue: queue)
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
        case .records(let batch, let outcomes):
          try batch.withView { view in
            for (record, outcome) in outcomes.enumerated() {
              let line = view.line(record)
              var problem: FieldProblem?
              var fieldIndex: Int?
              var supplierID: String?
              switch outcome {
              case .decoded(let decodedRecord):
                supplierID = decodedRecord.supplierID
                if let refused = try store(decodedRecord, line: line, in: run) {
                  problem = refused
                  fieldIndex = header.firstIndex(of: refused.column)
                } else {
                  accepted += 1
                }
              case .refused(let refused, let index, let id):
                problem = refused
                fieldIndex = index ?? header.firstIndex(of: refused.column)
                supplierID = id
              }
              if let problem {
                let position = fieldIndex.map { view.position(record, $0) }
                reject(
                  problem, kind: kind, line: line, position: position, header: rawHeader,
                  values: view.strings(record), supplierID: supplierID, in: run)
                if run.strictStop { return }
              }
            }
          }
          run.accepted[kind] = accepted
          options.onProgress?(path, Double(decoded.bytesRead) / Double(total))
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
    finish(run, warnings: warnings)
  }
}

/// What the reader thread hands over: decoded records with the batch they came from (kept for
/// reporting a rejected record's values and position), or the end of the file.
struct DecodedCSVBatch: Sendable {
  enum Content: Sendable {
    case records(CSVBatch, [RecordOutcome])
    case finished
    case failed(CSVFileError)
  }
  var content: Content
  var bytesRead: Int
}

/// A record decoded on the reader thread, or the rule it broke there.
enum RecordOutcome: Sendable {
  case decoded(DecodedRecord)
  /// The problem, the header index of the field at fault when it is not the problem's column, and
  /// the supplier id of a rejected supplier record.
  case refused(FieldProblem, Int?, String?)
}

/// Runs on the reader thread: reads batches, decodes every record, hashes the file.
final class CSVDecodingProducer: @unchecked Sendable {
  // The reader is handed over to this object before its thread starts and is used only there.
  private let reader: CSVReader
  private let kind: RecordKind
  private let header: [String]
  private let columnMap: [Int]
  private let queue: BoundedQueue<DecodedCSVBatch>

  init(
    reader: CSVReader, kind: RecordKind, header: [String], columnMap: [Int],
    queue: BoundedQueue<DecodedCSVBatch>
  ) {
    self.reader = reader
    self.kind = kind
    self.header = header
    self.columnMap = columnMap
    self.queue = queue
  }

  func run() {
    do {
      while let batch = try reader.nextBatch() {
        let outcomes = decode(batch)
        if !queue.put(DecodedCSVBatch(content: .records(batch, outcomes), bytesRead: reader.bytesRead)) {
          return
        }
      }
      _ = queue.put(DecodedCSVBatch(content: .finished, bytesRead: reader.bytesRead))
    } catch {
      _ = queue.put(DecodedCSVBatch(content: .failed(error), bytesRead: reader.bytesRead))
    }
  }

  func decode(_ batch: CSVBatch) -> [RecordOutcome] {
    var outcomes: [RecordOutcome] = []
    outcomes.reserveCapacity(batch.count)
    let header = self.header
    let headerCount = header.count
    let isRejectsFile = header.contains("reject_reason")
    let kind = self.kind
    columnMap.withUnsafeBufferPointer { map in
      batch.withView { view in
        for record in 0..<view.count {
          if let syntax = batch.syntaxError(ofRecord: record) {
            let count = view.fieldCount(record)
            let value =
              syntax.field.map { String(decoding: view.field(record, min($0, count - 1)), as: UTF8.self) }
              ?? ""
            let column = syntax.field.flatMap { $0 < headerCount ? header[$0] : nil } ?? ""
            outcomes.append(
              .refused(
                FieldProblem(column: column, value: value, reason: syntax.reason, fix: syntax.fix),
                syntax.field, nil))
            continue
          }
          let count = view.fieldCount(record)
          if count != headerCount {
            let at = min(count, headerCount)
            outcomes.append(
              .refused(
                // Too few: the first missing column. Too many: the first extra field's value.
                FieldProblem(
                  column: at < headerCount ? header[at] : "",
                  value: count > headerCount
                    ? String(decoding: view.field(record, headerCount), as: UTF8.self) : "",
                  reason:
                    "the record has \(count) field\(count == 1 ? "" : "s") but the header has \(headerCount)",
                  fix: count > headerCount
                    ? "quote fields that contain commas, or remove the extra fields"
                    : "add the missing fields (empty is fine) or check for a stray line break"),
                min(at, count - 1), nil))
            continue
          }
          do throws(FieldProblem) {
            let decoded = try RecordDecoder.decode(
              kind,
              CSVFieldSource(
                view: view, record: record, columnMap: map, removeFormulaGuards: isRejectsFile))
            outcomes.append(.decoded(decoded))
          } catch {
            var supplierID: String?
            if kind == .suppliers, map[0] >= 0 {
              supplierID = String(decoding: view.field(record, map[0]), as: UTF8.self)
            }
            outcomes.append(.refused(error, nil, supplierID))
          }
        }
      }
    }
    return outcomes
  }
}
