import Foundation
import SupplierTrustModel
import SupplierTrustStore
import SupplierTrustXML

/// Looks up element and attribute names without making strings: names are compared as bytes.
struct NameTable<Value: Sendable>: Sendable {
  private var entries: [(name: [UInt8], value: Value)] = []

  init(_ pairs: [(String, Value)]) {
    entries = pairs.map { (Array($0.0.utf8), $0.1) }
  }

  func lookup(_ name: UnsafeBufferPointer<UInt8>) -> Value? {
    for entry in entries where entry.name.count == name.count {
      if entry.name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, name.baseAddress!, name.count) == 0 }) {
        return entry.value
      }
    }
    return nil
  }
}

/// One record's values as read from XML, by contract column, in one buffer.
struct XMLRecordFields {
  private var storage: [UInt8] = []
  private var ranges: [Range<Int>?]

  init(count: Int) { ranges = Array(repeating: nil, count: count) }

  mutating func set<Bytes: Collection>(_ column: Int, _ bytes: Bytes) where Bytes.Element == UInt8 {
    let start = storage.count
    storage.append(contentsOf: bytes)
    ranges[column] = start..<storage.count
  }

  func value(_ column: Int) -> [UInt8]? {
    ranges[column].map { Array(storage[$0]) }
  }

  var strings: [String] {
    ranges.map { range in range.map { String(decoding: storage[$0], as: UTF8.self) } ?? "" }
  }

  /// Lends the values to a decoder as byte views, valid only inside `body`.
  func withSource<R>(_ body: (Source) throws -> R) rethrows -> R {
    try storage.withUnsafeBufferPointer { try body(Source(base: $0, ranges: ranges)) }
  }

  struct Source: FieldSource {
    let base: UnsafeBufferPointer<UInt8>
    let ranges: [Range<Int>?]

    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
      ranges[column].map { UnsafeBufferPointer(rebasing: base[$0]) }
    }
  }
}

/// A record waiting to be decoded: its kind, line and values.
struct PendingRecord {
  let kind: RecordKind
  let line: Int
  var fields: XMLRecordFields
}

/// Turns the `supplierCatalog` document's events into records, following the contract's layout:
/// `supplier` elements with profile columns as child elements and nested
/// `certifications/certification` (and audits, reviews, orders) whose columns are attributes or
/// child elements; records of any kind may also stand at top level with their own `supplier_id`.
final class CatalogXMLHandler: XMLStreamHandler {
  enum Frame {
    case root
    /// `suppliers` or a list such as `reviews`: holds records of one kind.
    case container(RecordKind)
    case supplier
    case record
    /// A child element holding one column's text.
    case field(Int)
    case ignored
  }

  let importer: Importer
  let run: Importer.FileRun
  let path: String
  var stack: [Frame] = []
  var text: [UInt8] = []
  var capturing = false

  var supplier: PendingRecord?
  var supplierIDAttribute: [UInt8]?
  var nested: [PendingRecord] = []
  var record: PendingRecord?
  var recordNested = false
  /// Top-level records whose supplier was not known yet: retried at the end of the document.
  var deferred: [PendingRecord] = []
  var unknownNames: [String: Int] = [:]
  var firstUnknownLine: [String: Int] = [:]

  static let recordNames = NameTable<RecordKind>([
    ("supplier", .suppliers), ("certification", .certifications), ("audit", .audits), ("review", .reviews),
    ("order", .orders),
  ])
  static let containerNames = NameTable<RecordKind>([
    ("suppliers", .suppliers), ("certifications", .certifications), ("audits", .audits),
    ("reviews", .reviews),
    ("orders", .orders),
  ])
  static let columnTables: [RecordKind: NameTable<Int>] = Dictionary(
    uniqueKeysWithValues: RecordKind.allCases.map { kind in
      (kind, NameTable(Columns.names(kind).enumerated().map { ($0.element, $0.offset) }))
    })

  init(importer: Importer, run: Importer.FileRun, path: String) {
    self.importer = importer
    self.run = run
    self.path = path
  }

  func startElement(name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes, line: Int) throws {
    guard let top = stack.last else {
      guard String(decoding: name, as: UTF8.self) == "supplierCatalog" else {
        throw FileFailure(
          file: path, line: line,
          message: "the root element is <\(String(decoding: name, as: UTF8.self))>, not <supplierCatalog>",
          fix: "wrap the records in <supplierCatalog> … </supplierCatalog>")
      }
      stack.append(.root)
      return
    }
    switch top {
    case .root, .container:
      if let kind = Self.recordNames.lookup(name) {
        if case .container(let listed) = top, listed != kind {
          noteUnknown(name, line: line)
          stack.append(.ignored)
          return
        }
        try beginRecord(kind, attributes: attributes, line: line, insideSupplier: false)
      } else if case .root = top, let kind = Self.containerNames.lookup(name) {
        stack.append(.container(kind))
      } else {
        noteUnknown(name, line: line)
        stack.append(.ignored)
      }
    case .supplier:
      if let kind = Self.containerNames.lookup(name), kind != .suppliers {
        stack.append(.container(kind))
      } else if let kind = Self.recordNames.lookup(name), kind != .suppliers {
        try beginRecord(kind, attributes: attributes, line: line, insideSupplier: true)
      } else if let column = Self.columnTables[.suppliers]!.lookup(name) {
        beginField(column)
      } else {
        noteUnknown(name, line: line)
        stack.append(.ignored)
      }
    case .record:
      if let kind = record?.kind, let column = Self.columnTables[kind]!.lookup(name) {
        beginField(column)
      } else {
        noteUnknown(name, line: line)
        stack.append(.ignored)
      }
    case .field, .ignored:
      noteUnknown(name, line: line)
      stack.append(.ignored)
    }
  }

  func beginField(_ column: Int) {
    stack.append(.field(column))
    text.removeAll(keepingCapacity: true)
    capturing = true
  }

  func beginRecord(_ kind: RecordKind, attributes: XMLAttributes, line: Int, insideSupplier: Bool) throws {
    let isNested: Bool
    if case .container = stack.last!, stack.count >= 2, case .supplier = stack[stack.count - 2] {
      isNested = true
    } else {
      isNested = insideSupplier
    }
    var pending = PendingRecord(
      kind: kind, line: line, fields: XMLRecordFields(count: Columns.names(kind).count))
    let table = Self.columnTables[kind]!
    for attribute in attributes {
      if let column = table.lookup(attribute.name) {
        pending.fields.set(column, attribute.value)
      } else if kind == .suppliers && String(decoding: attribute.name, as: UTF8.self) == "id" {
        pending.fields.set(0, attribute.value)
      } else {
        noteUnknown(attribute.name, line: line, attribute: true)
      }
    }
    if kind == .suppliers {
      supplier = pending
      nested.removeAll()
      stack.append(.supplier)
      return
    }
    recordNested = isNested && supplier != nil
    record = pending
    stack.append(.record)
  }

  func endElement(name: UnsafeBufferPointer<UInt8>) throws {
    guard let top = stack.popLast() else { return }
    switch top {
    case .field(let column):
      capturing = false
      if case .supplier = stack.last! {
        supplier?.fields.set(column, text)
      } else {
        record?.fields.set(column, text)
      }
    case .record:
      guard let finished = record else { return }
      record = nil
      if recordNested {
        nested.append(finished)
      } else {
        try process(finished, deferIfUnknown: true)
      }
    case .supplier:
      guard let finished = supplier else { return }
      supplier = nil
      try process(finished, deferIfUnknown: false)
      // Nested records take the enclosing supplier's id; one that names another supplier (as an
      // attribute or a child element) is refused rather than silently moved.
      let outer = finished.fields.value(0)
      for var record in nested {
        let column = Columns.names(record.kind).firstIndex(of: "supplier_id")!
        if let own = record.fields.value(column), let outer, own != outer {
          let ownText = String(decoding: own, as: UTF8.self)
          reject(
            FieldProblem(
              column: "supplier_id", value: ownText,
              reason:
                "supplier_id \(ownText) differs from the enclosing supplier \(String(decoding: outer, as: UTF8.self))",
              fix: "move the record into its supplier's element, or drop its supplier_id"), record)
          continue
        }
        if let outer { record.fields.set(column, outer) }
        try process(record, deferIfUnknown: false)
      }
      nested.removeAll()
    case .root, .container, .ignored:
      break
    }
  }

  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if capturing { text.append(contentsOf: bytes) }
  }

  /// Decodes and stores one record, or rejects it.
  func process(_ pending: PendingRecord, deferIfUnknown: Bool) throws {
    if run.strictStop { throw StrictStop() }
    run.note(pending.kind)
    let decoded: DecodedRecord
    do {
      decoded = try pending.fields.withSource { source throws(FieldProblem) in
        try RecordDecoder.decode(pending.kind, source)
      }
    } catch let problem as FieldProblem {
      reject(problem, pending)
      return
    }
    if deferIfUnknown, case .supplier = decoded {
    } else if deferIfUnknown, !importer.knownSuppliers.contains(decoded.supplierID) {
      deferred.append(pending)
      return
    }
    if let problem = try importer.store(decoded, line: pending.line, in: run) {
      reject(problem, pending)
    } else {
      run.accepted[pending.kind, default: 0] += 1
    }
    if run.strictStop { throw StrictStop() }
  }

  func reject(_ problem: FieldProblem, _ pending: PendingRecord) {
    let supplierID =
      pending.kind == .suppliers ? pending.fields.value(0).map { String(decoding: $0, as: UTF8.self) } : nil
    importer.reject(
      problem, kind: pending.kind, line: pending.line, position: nil, header: Columns.names(pending.kind),
      values: pending.fields.strings, supplierID: supplierID, in: run)
  }

  /// Retries the records that named a supplier defined later in the document.
  func finishDocument() throws {
    let waiting = deferred
    deferred.removeAll()
    for record in waiting { try process(record, deferIfUnknown: false) }
  }

  func noteUnknown(_ name: UnsafeBufferPointer<UInt8>, line: Int, attribute: Bool = false) {
    let key =
      (attribute ? "attribute " : "element <") + String(decoding: name, as: UTF8.self)
      + (attribute ? "" : ">")
    if unknownNames[key] == nil { firstUnknownLine[key] = line }
    unknownNames[key, default: 0] += 1
  }

  var warnings: [ImportWarning] {
    unknownNames.keys.sorted { firstUnknownLine[$0]! < firstUnknownLine[$1]! }.map { key in
      let count = unknownNames[key]!
      return ImportWarning(
        file: path, line: firstUnknownLine[key],
        message: "unknown \(key) ignored\(count > 1 ? " (\(count) times)" : "")")
    }
  }
}

/// Thrown from the handler to stop the parser after a rejected record in strict mode.
struct StrictStop: Error {}

extension Importer {
  func importXML(_ path: String) {
    let total = max(fileSize(path), 1)
    guard let run = beginFile(path, format: "xml") else { return }
    let handler = CatalogXMLHandler(importer: self, run: run, path: path)
    let parser = XMLStreamParser(documentName: path, handler: handler)
    do {
      guard let file = FileHandle(forReadingAtPath: path) else {
        throw FileFailure(
          file: path, line: nil, message: "cannot open the file", fix: "check that it exists and is readable")
      }
      defer { try? file.close() }
      var done = 0
      while true {
        let chunk = file.readData(ofLength: 1 << 20)
        if chunk.isEmpty { break }
        done += chunk.count
        try chunk.withUnsafeBytes { raw in
          run.hasher.update(raw)
          try parser.feed(raw)
        }
        options.onProgress?(path, Double(done) / Double(total))
      }
      try parser.finish()
      try handler.finishDocument()
    } catch is StrictStop {
      // The reject is already recorded; `finish` rolls the file back.
    } catch let error as XMLReadError {
      rollback(run)
      report.failures.append(
        FileFailure(
          file: path, line: error.line == 0 ? nil : error.line,
          message: error.message + (error.column > 0 ? " (column \(error.column))" : ""),
          fix: error.fix.isEmpty
            ? "correct the XML; nothing from this file was stored"
            : error.fix + "; nothing from this file was stored"))
      return
    } catch let error as FileFailure {
      rollback(run)
      report.failures.append(error)
      return
    } catch {
      rollback(run)
      report.failures.append(
        FileFailure(
          file: path, line: nil, message: "\(error)",
          fix: "nothing from this file was stored; import it again"))
      return
    }
    finish(run, warnings: handler.warnings)
  }
}
