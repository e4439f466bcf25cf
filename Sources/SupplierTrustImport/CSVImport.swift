import SupplierTrustCSV
import SupplierTrustModel
import SupplierTrustStore

/// A CSV record's fields by contract column, through the header's column map.
struct CSVFieldSource: FieldSource {
  let view: CSVBatchView
  let record: Int
  let columnMap: UnsafeBufferPointer<Int>

  @inline(__always)
  func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
    let index = columnMap[column]
    return index < 0 ? nil : view.field(record, index)
  }
}

extension Importer {
  func importCSV(_ path: String, kind: RecordKind) {
    let total = max(fileSize(path), 1)
    guard let run = beginFile(path, format: "csv") else { return }
    run.note(kind)
    var warnings: [ImportWarning] = []
    do {
      let reader = try CSVReader(
        path: path, onRead: { [run] chunk in run.hasher.update(bufferPointer: chunk) })
      guard let rawHeader = try reader.readHeader() else { return }
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
      var accepted = 0
      batches: while let batch = try reader.nextBatch() {
        try columnMap.withUnsafeBufferPointer { map in

          try batch.withView { view in
            for record in 0..<view.count {
              let line = view.line(record)
              var problem: FieldProblem?
              var fieldIndex: Int?
              var supplierID: String?
              if let syntax = batch.syntaxError(ofRecord: record) {
                fieldIndex = syntax.field
                let column = syntax.field.flatMap { $0 < header.count ? header[$0] : nil } ?? ""
                let value =
                  syntax.field.map {
                    String(decoding: view.field(record, min($0, view.fieldCount(record) - 1)), as: UTF8.self)
                  } ?? ""
                problem = FieldProblem(column: column, value: value, reason: syntax.reason, fix: syntax.fix)
              } else if view.fieldCount(record) != header.count {
                let count = view.fieldCount(record)
                let at = min(count, header.count) - (count < header.count ? 0 : 0)
                fieldIndex = min(at, count - 1)
                problem = FieldProblem(
                  column: at < header.count ? header[at] : "",
                  value: "",
                  reason:
                    "the record has \(count) field\(count == 1 ? "" : "s") but the header has \(header.count)",
                  fix: count > header.count
                    ? "quote fields that contain commas, or remove the extra fields"
                    : "add the missing fields (empty is fine) or check for a stray line break")
              } else {
                do {
                  let decoded = try RecordDecoder.decode(
                    kind, CSVFieldSource(view: view, record: record, columnMap: map))
                  supplierID = decoded.supplierID
                  if let refused = try store(decoded, line: line, in: run) {
                    problem = refused
                    fieldIndex = header.firstIndex(of: refused.column)
                  } else {
                    accepted += 1
                  }
                } catch let error as FieldProblem {
                  problem = error
                  fieldIndex = header.firstIndex(of: error.column)
                  if kind == .suppliers, columnMap[0] >= 0 {
                    supplierID = String(decoding: view.field(record, columnMap[0]), as: UTF8.self)
                  }
                } catch let error as StoreError {
                  throw error
                } catch {
                  fatalError("unexpected \(error)")
                }
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
        }
        run.accepted[kind] = accepted
        options.onProgress?(path, Double(reader.bytesRead) / Double(total))
        if run.strictStop { break batches }
      }
      run.accepted[kind] = accepted
    } catch let error as CSVFileError {
      rollback(run)
      report.failures.append(
        FileFailure(
          file: path, line: nil, message: error.description,
          fix: "check that the file is readable; nothing from it was stored"))
      return
    } catch {
      rollback(run)
      report.failures.append(
        FileFailure(
          file: path, line: nil, message: "\(error)",
          fix: "nothing from this file was stored; import it again"))
      return
    }
    finish(run, warnings: warnings)
  }
}
