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

  /// Lends the values' buffer (``StoreValue`` buffer 0 of a record read from XML).
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try storage.withUnsafeBufferPointer(body)
  }

  struct Source: FieldSource {
    let base: UnsafeBufferPointer<UInt8>
    let ranges: [Range<Int>?]

    func field(_ column: Int) -> SourceField? {
      ranges[column].map {
        SourceField(bytes: UnsafeBufferPointer(rebasing: base[$0]), buffer: 0, offset: $0.lowerBound)
      }
    }

    func bytes(of value: StoreValue) -> UnsafeBufferPointer<UInt8> { StoreTexts(base).bytes(value) }
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
    /// A record element that was rejected for its place; everything inside it is skipped.
    case misplaced(RecordKind)
  }

  let path: String
  /// Decoded records in document order, handed to the importing thread in batches.
  let queue: BoundedQueue<XMLMessage>
  let batchSize: Int
  var outbox: [XMLOutcome] = []
  var bytesRead = 0
  var stack: [Frame] = []
  var text: [UInt8] = []
  var capturing = false

  var supplier: PendingRecord?
  var supplierIDAttribute: [UInt8]?
  var nested: [PendingRecord] = []
  var record: PendingRecord?
  var recordNested = false
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
  /// Column names of each kind, in `RecordKind.allCases` order (an array: looked up per element).
  static let columnTables: [NameTable<Int>] = RecordKind.allCases.map { kind in
    NameTable(Columns.names(kind).enumerated().map { ($0.element, $0.offset) })
  }

  static func columns(_ kind: RecordKind) -> NameTable<Int> {
    switch kind {
    case .suppliers: return columnTables[0]
    case .certifications: return columnTables[1]
    case .audits: return columnTables[2]
    case .reviews: return columnTables[3]
    case .orders: return columnTables[4]
    }
  }

  init(path: String, queue: BoundedQueue<XMLMessage>, batchSize: Int) {
    self.path = path
    self.queue = queue
    self.batchSize = max(batchSize, 1)
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
          try misplaced(kind, inside: top, attributes: attributes, line: line)
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
      } else if let column = Self.columns(.suppliers).lookup(name) {
        beginField(column)
      } else if let kind = Self.recordNames.lookup(name) {
        try misplaced(kind, inside: top, attributes: attributes, line: line)
      } else {
        noteUnknown(name, line: line)
        stack.append(.ignored)
      }
    case .record:
      if let kind = record?.kind, let column = Self.columns(kind).lookup(name) {
        beginField(column)
      } else if let kind = Self.recordNames.lookup(name) {
        try misplaced(kind, inside: top, attributes: attributes, line: line)
      } else {
        noteUnknown(name, line: line)
        stack.append(.ignored)
      }
    case .field, .ignored, .misplaced:
      if let kind = Self.recordNames.lookup(name) {
        try misplaced(kind, inside: top, attributes: attributes, line: line)
      } else {
        if case .misplaced(let outer) = top {
          stack.append(.misplaced(outer))
        } else {
          noteUnknown(name, line: line)
          stack.append(.ignored)
        }
      }
    }
  }

  /// A record element where the catalog layout has no place for it (a supplier inside a
  /// supplier, a review in <certifications>, anything inside an unknown element): rejected with
  /// its line rather than dropped, and so is every record inside it.
  func misplaced(_ kind: RecordKind, inside parent: Frame, attributes: XMLAttributes, line: Int) throws {
    let pending = pendingRecord(kind, attributes: attributes, line: line, reportUnknown: false)
    let element = Self.elementName(kind)
    let place: String
    switch parent {
    case .root: place = "<supplierCatalog>"
    case .container(let listed): place = "<\(listed.rawValue)>"
    case .supplier: place = "<supplier>"
    case .record: place = record.map { "<\(Self.elementName($0.kind))>" } ?? "another record"
    case .field: place = "a field element"
    case .ignored: place = "an unknown element"
    case .misplaced(let outer): place = "a misplaced <\(Self.elementName(outer))>"
    }
    let problem = FieldProblem(
      column: "", value: "", reason: "a <\(element)> element cannot stand inside \(place)",
      fix: kind == .suppliers
        ? "put <supplier> elements directly in <supplierCatalog> (or in <suppliers>)"
        : "put <\(element)> in a <supplier>'s <\(kind.rawValue)> list or at the top level of <supplierCatalog> with its supplier_id"
    )
    try send(XMLOutcome(pending: pending, result: .failure(problem), deferrable: false))
    stack.append(.misplaced(kind))
  }

  /// A record started by an element: its columns given as attributes (a supplier's `id` is its
  /// supplier_id); columns given as child elements are added as they end.
  func pendingRecord(_ kind: RecordKind, attributes: XMLAttributes, line: Int, reportUnknown: Bool)
    -> PendingRecord
  {
    var pending = PendingRecord(
      kind: kind, line: line, fields: XMLRecordFields(count: Columns.names(kind).count))
    let table = Self.columns(kind)
    for attribute in attributes {
      if let column = table.lookup(attribute.name) {
        pending.fields.set(column, attribute.value)
      } else if kind == .suppliers && attribute.name.elementsEqual("id".utf8) {
        pending.fields.set(0, attribute.value)
      } else if reportUnknown {
        noteUnknown(attribute.name, line: line, attribute: true)
      }
    }
    return pending
  }

  static func elementName(_ kind: RecordKind) -> String {
    switch kind {
    case .suppliers: return "supplier"
    case .certifications: return "certification"
    case .audits: return "audit"
    case .reviews: return "review"
    case .orders: return "order"
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
    let pending = pendingRecord(kind, attributes: attributes, line: line, reportUnknown: true)
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
        try emit(finished, deferrable: true)
      }
    case .supplier:
      guard let finished = supplier else { return }
      supplier = nil
      guard finished.fields.value(0) != nil else {
        // Without an id nothing can be stored for this supplier; say so in XML terms.
        try send(
          XMLOutcome(
            pending: finished,
            result: .failure(
              FieldProblem(
                column: "supplier_id", value: "", reason: "the <supplier> element has no id",
                fix: "add id=\"…\" to the <supplier> element")), deferrable: false))
        for record in nested {
          try send(
            XMLOutcome(
              pending: record,
              result: .failure(
                FieldProblem(
                  column: "supplier_id", value: "",
                  reason: "the enclosing <supplier> (line \(finished.line)) has no id",
                  fix: "add id=\"…\" to that <supplier> element")), deferrable: false))
        }
        nested.removeAll()
        return
      }
      try emit(finished, deferrable: false)
      // Nested records take the enclosing supplier's id; one that names another supplier (as an
      // attribute or a child element) is refused rather than silently moved.
      let outer = finished.fields.value(0)
      for var record in nested {
        let column = Columns.names(record.kind).firstIndex(of: "supplier_id")!
        if let own = record.fields.value(column), let outer, own != outer {
          let ownText = String(decoding: own, as: UTF8.self)
          let problem = FieldProblem(
            column: "supplier_id", value: ownText,
            reason:
              "supplier_id \(ownText) differs from the enclosing supplier \(String(decoding: outer, as: UTF8.self))",
            fix: "move the record into its supplier's element, or drop its supplier_id")
          try send(XMLOutcome(pending: record, result: .failure(problem), deferrable: false))
          continue
        }
        if let outer { record.fields.set(column, outer) }
        try emit(record, deferrable: false)
      }
      nested.removeAll()
    case .root, .container, .ignored, .misplaced:
      break
    }
  }

  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if capturing { text.append(contentsOf: bytes) }
  }

  /// Decodes a finished record (on this, the reader's thread) and queues it.
  func emit(_ pending: PendingRecord, deferrable: Bool) throws {
    var row = RowBuilder()
    row.values.reserveCapacity(pending.kind.storeValueCount)
    let problem: FieldProblem? = pending.fields.withSource { source in
      do throws(FieldProblem) {
        try RecordDecoder.decode(pending.kind, source, into: &row)
        return nil
      } catch {
        return error
      }
    }
    let result: Result<RowBuilder, FieldProblem> = problem.map { .failure($0) } ?? .success(row)
    try send(XMLOutcome(pending: pending, result: result, deferrable: deferrable))
  }

  func send(_ outcome: XMLOutcome) throws {
    outbox.append(outcome)
    if outbox.count >= batchSize { try flush() }
  }

  /// Hands the queued outcomes over; throws when the importing thread has stopped listening.
  func flush() throws {
    guard !outbox.isEmpty else { return }
    if !queue.put(.outcomes(outbox, bytesRead: bytesRead)) { throw ImportCancelled() }
    outbox.removeAll(keepingCapacity: true)
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

/// Thrown on the reader thread when the importing thread has stopped (strict mode, a store error).
struct ImportCancelled: Error {}

/// One record read from XML: decoded, or the rule it broke.
struct XMLOutcome: Sendable {
  var pending: PendingRecord
  /// The record's values (their texts point into `pending`'s fields and the builder's bytes).
  var result: Result<RowBuilder, FieldProblem>
  /// A top-level record, which may name a supplier that comes later in the document.
  var deferrable: Bool
}

/// What the XML reader thread hands over.
enum XMLMessage: Sendable {
  case outcomes([XMLOutcome], bytesRead: Int)
  case finished(warnings: [ImportWarning])
  case failed(FileFailure)
}

/// Runs on the reader thread: reads the file in chunks, hashes it, feeds libxml2.
final class XMLReadingProducer: @unchecked Sendable {
  // Used only on the reader thread once started; the hasher is read by the importing thread
  // after `.finished` (the queue's lock orders the two).
  let path: String
  let hasher: FileHasher
  let queue: BoundedQueue<XMLMessage>
  let batchSize: Int

  init(path: String, hasher: FileHasher, queue: BoundedQueue<XMLMessage>, batchSize: Int) {
    self.path = path
    self.hasher = hasher
    self.queue = queue
    self.batchSize = batchSize
  }

  func run() {
    let handler = CatalogXMLHandler(path: path, queue: queue, batchSize: batchSize)
    let parser = XMLStreamParser(documentName: path, handler: handler)
    do {
      guard let file = FileHandle(forReadingAtPath: path) else {
        throw FileFailure(
          file: path, line: nil, message: "cannot open the file", fix: "check that it exists and is readable")
      }
      defer { try? file.close() }
      while true {
        let chunk = file.readData(ofLength: 1 << 20)
        if chunk.isEmpty { break }
        handler.bytesRead += chunk.count
        try chunk.withUnsafeBytes { raw in
          hasher.update(raw)
          try parser.feed(raw)
        }
      }
      try parser.finish()
      try handler.flush()
      _ = queue.put(.finished(warnings: handler.warnings))
    } catch is ImportCancelled {
      return
    } catch let error as XMLReadError {
      _ = queue.put(
        .failed(
          FileFailure(
            file: path, line: error.line == 0 ? nil : error.line,
            message: error.message + (error.column > 0 ? " (column \(error.column))" : ""),
            fix: error.fix.isEmpty
              ? "correct the XML; nothing from this file was stored"
              : error.fix + "; nothing from this file was stored")))
    } catch let error as FileFailure {
      _ = queue.put(.failed(error))
    } catch {
      _ = queue.put(
        .failed(
          FileFailure(
            file: path, line: nil, message: "\(error)",
            fix: "nothing from this file was stored; import it again")))
    }
  }
}

extension Importer {
  func importXML(_ path: String) {
    let total = max(fileSize(path), 1)
    guard let run = beginFile(path, format: "xml") else { return }
    // libxml2 parses on a reader thread while this thread checks references and stores.
    let queue = BoundedQueue<XMLMessage>(capacity: 4)
    let producer = XMLReadingProducer(
      path: path, hasher: run.hasher, queue: queue, batchSize: options.xmlBatchSize)
    /// Top-level records whose supplier was not known yet: retried at the end of the document.
    var deferred: [(PendingRecord, RowBuilder)] = []
    var warnings: [ImportWarning] = []
    do {
      let worker = ProducerThread(queue: queue) { producer.run() }
      // Runs before the catch blocks and `finish`: the reader thread is done with the hasher.
      defer { worker.stop() }
      consume: while true {
        switch queue.take() {
        case .failed(let failure):
          throw failure
        case .finished(let found):
          warnings = found
          break consume
        case .outcomes(let outcomes, let bytesRead):
          for outcome in outcomes {
            try processXML(outcome, in: run, deferred: &deferred)
            if run.strictStop { break consume }
          }
          options.onProgress?(path, Double(bytesRead) / Double(total))
        }
      }
      if !run.strictStop {
        for (pending, row) in deferred {
          try storeXML(row, pending, in: run)
          if run.strictStop { break }
        }
      }
    } catch let failure as FileFailure {
      abandon(run, failure)
      return
    } catch {
      abandon(
        run,
        FileFailure(
          file: path, line: nil, message: "\(error)",
          fix: "nothing from this file was stored; import it again"))
      return
    }
    if run.kindsSeen.isEmpty {
      warnings.append(ImportWarning(file: path, line: nil, message: "the document holds no records"))
    }
    finish(run, warnings: warnings)
  }

  func processXML(_ outcome: XMLOutcome, in run: FileRun, deferred: inout [(PendingRecord, RowBuilder)])
    throws
  {
    let pending = outcome.pending
    switch outcome.result {
    case .failure(let problem):
      rejectXML(problem, pending, in: run)
    case .success(let row):
      if outcome.deferrable, pending.kind != .suppliers,
        !Self.withStoreRow(
          row, pending, { isKnownSupplier($0.bytes(RecordDecoder.supplierValueIndex(pending.kind))) })
      {
        run.note(pending.kind)
        deferred.append((pending, row))
        return
      }
      try storeXML(row, pending, in: run)
    }
  }

  /// Lends a record read from XML as store values.
  static func withStoreRow<R>(_ row: RowBuilder, _ pending: PendingRecord, _ body: (StoreRow) throws -> R)
    rethrows -> R
  {
    try pending.fields.withBytes { bytes in
      try row.extra.withUnsafeBufferPointer { extra in
        try row.values.withUnsafeBufferPointer { values in
          try body(StoreRow(values: values, texts: StoreTexts(bytes, .init(start: nil, count: 0), extra)))
        }
      }
    }
  }

  func storeXML(_ row: RowBuilder, _ pending: PendingRecord, in run: FileRun) throws {
    run.note(pending.kind)
    let problem = try Self.withStoreRow(row, pending) { stored throws(StoreError) in
      try store(pending.kind, stored, line: pending.line, in: run)
    }
    if let problem {
      rejectXML(problem, pending, in: run)
    } else {
      run.accepted[pending.kind, default: 0] += 1
    }
  }

  func rejectXML(_ problem: FieldProblem, _ pending: PendingRecord, in run: FileRun) {
    let supplierID =
      pending.kind == .suppliers ? pending.fields.value(0).map { String(decoding: $0, as: UTF8.self) } : nil
    reject(
      problem, kind: pending.kind, line: pending.line, position: nil, header: Columns.names(pending.kind),
      values: pending.fields.strings, supplierID: supplierID, in: run)
  }
}
