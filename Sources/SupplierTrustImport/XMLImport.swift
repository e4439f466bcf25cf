import Foundation
import SupplierTrustModel
import SupplierTrustStore
import SupplierTrustXML

/// Looks up element and attribute names without making strings: names are compared as bytes.
struct NameTable<Value: Sendable>: Sendable {
  /// Every name's bytes, one after another; entry `i` is `bytes[starts[i]..<starts[i + 1]]`.
  /// One flat array rather than an array per name: looking up walks plain bytes, with no
  /// reference counting per entry (this runs for every element and attribute of the document).
  private let bytes: [UInt8]
  private let starts: [Int]
  private let values: [Value]

  init(_ pairs: [(String, Value)]) {
    var bytes: [UInt8] = []
    var starts = [0]
    for (name, _) in pairs {
      bytes += name.utf8
      starts.append(bytes.count)
    }
    self.bytes = bytes
    self.starts = starts
    values = pairs.map(\.1)
  }

  /// The value of `name`, or of its ASCII lower case: exports name elements `<Review>` or
  /// `Review_ID` as spreadsheets name CSV headers, which match in any case (black-box review 89: a
  /// `<Review>` was dropped with a warning). Run once per distinct name (the callers cache it).
  func lookupIgnoringCase(_ name: UnsafeBufferPointer<UInt8>) -> Value? {
    if let value = lookup(name) { return value }
    guard name.contains(where: { (0x41...0x5A).contains($0) }) else { return nil }
    let lower = name.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    return lower.withUnsafeBufferPointer { lookup($0) }
  }

  func lookup(_ name: UnsafeBufferPointer<UInt8>) -> Value? {
    guard let first = name.first else { return nil }
    return bytes.withUnsafeBufferPointer { table in
      starts.withUnsafeBufferPointer { starts in
        // Length and first byte rule out nearly every entry; names are short, so the rest is
        // compared in place rather than through memcmp.
        for index in 0..<(starts.count - 1) {
          let start = starts[index]
          guard starts[index + 1] - start == name.count, table[start] == first else { continue }
          var offset = 1
          while offset < name.count && table[start + offset] == name[offset] { offset += 1 }
          if offset == name.count { return values[index] }
        }
        return nil
      }
    }
  }
}

/// How a column's value was written in the document.
enum FieldOrigin {
  case attribute, element
}

/// A record being read: its kind, line, and where its values lie in the batch being filled.
///
/// Values are written straight into the batch's bytes as they are read (attributes when the
/// start tag arrives, child elements as they end), so a record's bytes are copied once on this
/// thread. The batch is not handed over while a record or supplier is open.
struct PendingRecord {
  let kind: RecordKind
  let line: Int
  /// Where its field ranges start in the batch's `ranges` (two per column, -1 when absent).
  let rangeStart: Int
  /// One bit per column given as an attribute (no kind has 64 columns), to say how a column given
  /// twice was given first.
  var attributeColumns: UInt64 = 0
  /// The first column given twice: such a record is refused rather than one value picked. Plain
  /// values, not the problem's strings, so that passing a record around copies no references
  /// (this runs for every element of the document).
  var repeated: RepeatedColumn?

  /// 16 bytes, so that records are passed around in registers.
  struct RepeatedColumn {
    var column: Int32
    var earlier: FieldOrigin
    var later: FieldOrigin
    /// The second value, kept in the batch's bytes.
    var valueStart: Int32
    var valueEnd: Int32
  }

  init(kind: RecordKind, line: Int, in batch: XMLBatch) {
    self.kind = kind
    self.line = line
    rangeStart = batch.openRecord(columns: kind.columnCount)
  }

  /// Adds a column's value from an attribute or a child element; a column that already has one
  /// keeps it, and the record is marked to be refused.
  @inline(__always)
  mutating func add(
    _ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, from origin: FieldOrigin, in batch: XMLBatch
  ) {
    // A third value of a column is not kept: the report names the first two.
    guard repeated == nil || !batch.hasField(rangeStart, column) else { return }
    add(column, kept: batch.keep(bytes).lowerBound, count: bytes.count, from: origin, in: batch)
  }

  /// Adds a column's value already kept in the batch's bytes (at `start`, `count` bytes long).
  @inline(__always)
  mutating func add(_ column: Int, kept start: Int, count: Int, from origin: FieldOrigin, in batch: XMLBatch)
  {
    guard batch.hasField(rangeStart, column) else {
      batch.setField(rangeStart, column, kept: start, count: count)
      if origin == .attribute { attributeColumns |= 1 << UInt64(column) }
      return
    }
    guard repeated == nil else { return }
    repeated = RepeatedColumn(
      column: Int32(column), earlier: attributeColumns & (1 << UInt64(column)) != 0 ? .attribute : .element,
      later: origin, valueStart: Int32(truncatingIfNeeded: start),
      valueEnd: Int32(truncatingIfNeeded: start + count))
  }

  /// Why the record is refused when a column was given twice.
  func givenTwice(in batch: XMLBatch) -> FieldProblem? {
    guard let repeated else { return nil }
    let column = Int(repeated.column)
    let name = Columns.names(kind)[column]
    let how: String
    switch (repeated.earlier, repeated.later) {
    case (.attribute, .attribute): how = "as two attributes"
    case (.element, .element): how = "as two <\(name)> elements"
    default: how = "as an attribute and as a <\(name)> element"
    }
    let element = CatalogXMLHandler.elementName(kind)
    return FieldProblem(
      column: name,
      value: String(decoding: batch.bytes[Int(repeated.valueStart)..<Int(repeated.valueEnd)], as: UTF8.self),
      reason: "\(name) is given twice in one <\(element)>, \(how)",
      fix: kind == .suppliers && column == 0
        ? "give the supplier's id once: the id attribute, a supplier_id attribute and a <supplier_id> element are the same column"
        : "keep one value of \(name) and remove the other")
  }
}

extension RecordKind {
  /// The number of contract columns of this kind (worked out once: asked for every record).
  var columnCount: Int { Self.columnCounts[importOrder] }
  private static let columnCounts = allCases.sorted().map { Columns.names($0).count }

  /// The supplier_id column of a kind other than suppliers (whose id is its column 0).
  var supplierIDColumn: Int { Self.supplierIDColumns[importOrder] }
  private static let supplierIDColumns = allCases.sorted().map {
    Columns.names($0).firstIndex(of: "supplier_id") ?? 0
  }
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

    /// Inside an element already warned about or refused, whose text is skipped with it.
    var isIgnored: Bool {
      switch self {
      case .ignored, .misplaced: return true
      default: return false
      }
    }
  }

  let path: String
  /// Decoded records in document order, handed to the importing thread in batches.
  let queue: BoundedQueue<XMLMessage>
  let batchSize: Int
  // The handler's state is used on the reading thread only, by callbacks that never overlap:
  // Swift's dynamic exclusivity checks on millions of accesses a file are left out.
  @exclusivity(unchecked) var batch = XMLBatch()
  @exclusivity(unchecked) var bytesRead = 0
  @exclusivity(unchecked) var stack: [Frame] = []
  @exclusivity(unchecked) var text: [UInt8] = []
  @exclusivity(unchecked) var capturing = false

  @exclusivity(unchecked) var supplier: PendingRecord?
  @exclusivity(unchecked) var nested: [PendingRecord] = []
  @exclusivity(unchecked) var record: PendingRecord?
  @exclusivity(unchecked) var recordNested = false
  /// Each kind's attribute names (the first five, by `RecordKind.importOrder`), then names of
  /// child elements, as columns (-1 for an unknown name); names of records and of lists, as kinds.
  private let caches: [XMLNameCache]
  /// An attribute name's address and its column.
  struct RecentAttribute {
    var address: UnsafePointer<UInt8>?
    var column: Int
  }
  /// Slots per kind: one for each column an attribute may follow, and one for the first.
  static let recentSlots = 64
  /// The last two attribute names seen after each column of each kind (`recentSlots` slots of
  /// two per kind), with the columns the caches gave them. Records of a kind give their
  /// attributes in much the same order, so the name after a given column is nearly always one
  /// of the two seen there last, and one comparison of addresses replaces the cache's look-up
  /// and its comparison of bytes (a tenth of the parsing thread's instructions). An address
  /// stands for its name here without its bytes being read: libxml2 keeps exactly one copy of
  /// each name in the parser's dictionary until the parser is freed, and a handler serves one
  /// parser (the caches themselves confirm every hit against the bytes, as they make no such
  /// assumption about the memory they are handed).
  private let recentAttributes: UnsafeMutablePointer<RecentAttribute>
  let recordElements = XMLNameCache()
  let listElements = XMLNameCache()
  @exclusivity(unchecked) var unknownNames: [String: Int] = [:]
  @exclusivity(unchecked) var firstUnknownLine: [String: Int] = [:]
  /// The kind of record each unknown name was first found in (none at the top level), so that the
  /// file's summary counts its warning under that kind.
  @exclusivity(unchecked) var firstUnknownKind: [String: RecordKind] = [:]
  /// The line of the latest element opened: where text outside any column is said to follow.
  @exclusivity(unchecked) var lastElementLine = 0
  /// The line of the start tag of the field element being read.
  @exclusivity(unchecked) var fieldStartLine = 0

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

  /// Kinds by `RecordKind.importOrder`.
  private static let kindsByImportOrder = RecordKind.allCases.sorted()

  /// The kind of record an element of this name holds, if any.
  @inline(__always)
  private func recordKind(_ name: UnsafeBufferPointer<UInt8>) -> RecordKind? {
    let order = recordElements.value(ofName: name) {
      Self.recordNames.lookupIgnoringCase($0)?.importOrder ?? -1
    }
    return order >= 0 ? Self.kindsByImportOrder[order] : nil
  }

  /// The kind of record a list element of this name holds, if any.
  @inline(__always)
  private func listKind(_ name: UnsafeBufferPointer<UInt8>) -> RecordKind? {
    let order = listElements.value(ofName: name) {
      Self.containerNames.lookupIgnoringCase($0)?.importOrder ?? -1
    }
    return order >= 0 ? Self.kindsByImportOrder[order] : nil
  }

  /// The column a child element of this name gives in a record of `kind`, if any.
  @inline(__always)
  private func elementColumn(_ kind: RecordKind, _ name: UnsafeBufferPointer<UInt8>) -> Int? {
    let column = caches[RecordKind.allCases.count + kind.importOrder].value(ofName: name) {
      Self.columns(kind).lookupIgnoringCase($0) ?? -1
    }
    return column >= 0 ? column : nil
  }

  init(path: String, queue: BoundedQueue<XMLMessage>, batchSize: Int) {
    let kinds = RecordKind.allCases.count
    caches = (0..<(2 * kinds)).map { _ in XMLNameCache() }
    precondition(RecordKind.allCases.allSatisfy { $0.columnCount < Self.recentSlots })
    recentAttributes = .allocate(capacity: kinds * Self.recentSlots * 2)
    recentAttributes.initialize(
      repeating: RecentAttribute(address: nil, column: -1), count: kinds * Self.recentSlots * 2)
    self.path = path
    self.queue = queue
    self.batchSize = max(batchSize, 1)
  }

  deinit { recentAttributes.deallocate() }

  func startElement(name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes, line: Int) throws {
    lastElementLine = line
    guard let top = stack.last else {
      guard String(decoding: name, as: UTF8.self).lowercased() == "suppliercatalog" else {
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
      if let kind = recordKind(name) {
        if case .container(let listed) = top, listed != kind {
          try misplaced(kind, inside: top, attributes: attributes, line: line)
          return
        }
        try beginRecord(kind, attributes: attributes, line: line, insideSupplier: false)
      } else if case .root = top, let kind = listKind(name) {
        stack.append(.container(kind))
      } else {
        noteUnknown(name, line: line)
        stack.append(.ignored)
      }
    case .supplier:
      if let kind = listKind(name), kind != .suppliers {
        stack.append(.container(kind))
      } else if let kind = recordKind(name), kind != .suppliers {
        try beginRecord(kind, attributes: attributes, line: line, insideSupplier: true)
      } else if let column = elementColumn(.suppliers, name) {
        beginField(column)
      } else if let kind = recordKind(name) {
        try misplaced(kind, inside: top, attributes: attributes, line: line)
      } else {
        noteUnknown(name, line: line)
        stack.append(.ignored)
      }
    case .record:
      if let kind = record?.kind, let column = elementColumn(kind, name) {
        beginField(column)
      } else if let kind = recordKind(name) {
        try misplaced(kind, inside: top, attributes: attributes, line: line)
      } else {
        noteUnknown(name, line: line)
        stack.append(.ignored)
      }
    case .field, .ignored, .misplaced:
      if let kind = recordKind(name) {
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
    try refuse(pending, problem, fieldsRead: false)
    stack.append(.misplaced(kind))
  }

  /// A record started by an element: its columns given as attributes (a supplier's `id` is its
  /// supplier_id); columns given as child elements are added as they end.
  func pendingRecord(_ kind: RecordKind, attributes: XMLAttributes, line: Int, reportUnknown: Bool)
    -> PendingRecord
  {
    let batch = self.batch
    var pending = PendingRecord(kind: kind, line: line, in: batch)
    // Every value in one stretch of the input: copied once, each value found at its offset.
    let spanStart = attributes.valueSpan.map { batch.keep($0).lowerBound }
    let recent = recentAttributes + kind.importOrder * Self.recentSlots * 2
    // The column of the attribute before, -1 for none (or an unknown name).
    var previous = -1
    for position in attributes.indices {
      let address = attributes.nameAddress(at: position)
      let column: Int
      let slot = recent + 2 * (previous + 1)
      if slot[0].address == address {
        column = slot[0].column
      } else if slot[1].address == address {
        column = slot[1].column
      } else {
        column = caches[kind.importOrder].value(ofAttribute: position, in: attributes) { name in
          if let column = Self.columns(kind).lookupIgnoringCase(name) { return column }
          let isID =
            name.count == 2 && name[0] | 0x20 == UInt8(ascii: "i") && name[1] | 0x20 == UInt8(ascii: "d")
          return kind == .suppliers && isID ? 0 : -1
        }
        slot[1] = slot[0]
        slot[0] = RecentAttribute(address: address, column: column)
      }
      previous = column
      if column >= 0 {
        if let spanStart {
          let start = spanStart + attributes.valueOffset(at: position)
          pending.add(
            column, kept: start, count: attributes.value(at: position).count, from: .attribute, in: batch)
        } else {
          pending.add(column, attributes.value(at: position), from: .attribute, in: batch)
        }
      } else if reportUnknown {
        noteUnknown(attributes[position].name, line: line, attribute: true, in: kind)
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
    fieldStartLine = lastElementLine
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
    try endRecords()
    // Handed over only between records: an open record's values lie in this batch.
    if batch.count >= batchSize, supplier == nil, record == nil { try flush() }
  }

  private func endRecords() throws {
    guard let top = stack.popLast() else { return }
    switch top {
    case .field(let column):
      capturing = false
      text.withUnsafeBufferPointer { text in
        if case .supplier = stack.last! {
          supplier?.add(column, text, from: .element, in: batch)
          if let supplier { batch.noteFieldLine(supplier.rangeStart, column, fieldStartLine) }
        } else {
          record?.add(column, text, from: .element, in: batch)
          if let record { batch.noteFieldLine(record.rangeStart, column, fieldStartLine) }
        }
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
      guard batch.hasField(finished.rangeStart, 0) else {
        // Without an id nothing can be stored for this supplier; say so in XML terms.
        try refuse(
          finished,
          FieldProblem(
            column: "supplier_id", value: "", reason: "the <supplier> element has no id",
            fix: "add id=\"…\" to the <supplier> element"))
        for record in nested {
          try refuse(
            record,
            FieldProblem(
              column: "supplier_id", value: "",
              reason: "the enclosing <supplier> (line \(finished.line)) has no id",
              fix: "add id=\"…\" to that <supplier> element"))
        }
        nested.removeAll()
        return
      }
      try emit(finished, deferrable: false)
      // Nested records take the enclosing supplier's id; one that names another supplier (as an
      // attribute or a child element) is refused rather than silently moved.
      let outer = batch.field(finished.rangeStart, 0)!
      for record in nested {
        let column = record.kind.supplierIDColumn
        if let own = batch.field(record.rangeStart, column), !own.elementsEqual(outer) {
          let ownText = String(decoding: own, as: UTF8.self)
          let problem = FieldProblem(
            column: "supplier_id", value: ownText,
            reason:
              "supplier_id \(ownText) differs from the enclosing supplier \(String(decoding: outer, as: UTF8.self))",
            fix: "move the record into its supplier's element, or drop its supplier_id")
          try refuse(record, problem)
          continue
        }
        batch.shareField(record.rangeStart, column, with: finished.rangeStart, 0)
        try emit(record, deferrable: false)
      }
      nested.removeAll()
    case .root, .container, .ignored, .misplaced:
      break
    }
  }

  /// The longest value an element may hold, as for a CSV record: libxml2 hands element text over
  /// in pieces, and a 200 MiB value was stored whole (800 MiB took 1.7 GB; black-box review 31).
  static let maximumValueBytes = 64 << 20

  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if capturing {
      guard text.count + bytes.count <= Self.maximumValueBytes else {
        throw FileFailure(
          file: path, line: lastElementLine,
          message: "the value of the element starting at line \(lastElementLine) is longer than 64 MiB",
          fix:
            "shorten it (no catalog value is that long; an end tag left out can make one); nothing from this file was stored"
        )
      }
      text.append(contentsOf: bytes)
    } else if let top = stack.last, !top.isIgnored,
      bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D })
    {
      // Words between elements (`<supplier id="M-1">text here<name>…`) belong to no column:
      // ignored, but said (black-box review 24 found them dropped without a word).
      let key = "text outside any column"
      if unknownNames[key] == nil {
        firstUnknownLine[key] = lastElementLine
        firstUnknownKind[key] = enclosingKind
      }
      unknownNames[key, default: 0] += 1
    }
  }

  /// Adds a finished record to the batch (decoded on the next thread).
  func emit(_ pending: PendingRecord, deferrable: Bool) throws {
    if let problem = pending.givenTwice(in: batch) { return try refuse(pending, problem) }
    batch.append(pending, deferrable: deferrable)
  }

  /// Adds a record refused for its place in the document, or for a column given twice
  /// (`fieldsRead` when its child elements have been read too).
  func refuse(_ pending: PendingRecord, _ problem: FieldProblem, fieldsRead: Bool = true) throws {
    batch.append(pending, refused: problem, fieldsRead: fieldsRead)
  }

  /// Hands the batch over; throws when the importing thread has stopped listening.
  func flush() throws {
    guard batch.count > 0 else { return }
    // Read before the batch is handed over (it is the importing thread's from then on).
    let sizes = batch.sizes
    if !queue.put(.batch(batch, bytesRead: bytesRead)) { throw ImportCancelled() }
    batch = XMLBatch(sizedFor: sizes)
  }

  /// Counts an unknown element or attribute; `kind` is the record it belongs to, when that is not
  /// the innermost record, supplier or list of the elements open.
  func noteUnknown(
    _ name: UnsafeBufferPointer<UInt8>, line: Int, attribute: Bool = false, in kind: RecordKind? = nil
  ) {
    let key =
      (attribute ? "attribute " : "element <") + String(decoding: name, as: UTF8.self)
      + (attribute ? "" : ">")
    if unknownNames[key] == nil {
      firstUnknownLine[key] = line
      firstUnknownKind[key] = kind ?? enclosingKind
    }
    unknownNames[key, default: 0] += 1
  }

  /// The kind of the innermost record, supplier or list open, if any.
  var enclosingKind: RecordKind? {
    for frame in stack.reversed() {
      switch frame {
      case .record: return record?.kind
      case .supplier: return .suppliers
      case .container(let kind), .misplaced(let kind): return kind
      case .root: return nil
      case .field, .ignored: continue
      }
    }
    return nil
  }

  /// The most unknown names that get a warning each; the rest share one (a document of
  /// thousands of made-up attribute names gave a warning apiece; black-box review 99).
  static let unknownNamesListed = 20

  /// One warning per unknown name, in the order first found, with the kind it was found in; past
  /// ``unknownNamesListed``, one for the rest.
  var warnings: [(warning: ImportWarning, kind: RecordKind?)] {
    // By line, and by name within a line: a dictionary's order changes from run to run.
    let keys = unknownNames.keys.sorted { (firstUnknownLine[$0]!, $0) < (firstUnknownLine[$1]!, $1) }
    var found = keys.prefix(Self.unknownNamesListed).map { key in
      let count = unknownNames[key]!
      let warning = ImportWarning(
        file: path, line: firstUnknownLine[key],
        message: (key.hasPrefix("text") ? key : "unknown \(key)")
          + " ignored\(count > 1 ? " (\(count) times)" : "")")
      return (warning: warning, kind: firstUnknownKind[key])
    }
    let rest = keys.dropFirst(Self.unknownNamesListed)
    if let first = rest.first {
      let times = rest.reduce(0) { $0 + unknownNames[$1]! }
      found.append(
        (
          ImportWarning(
            file: path, line: firstUnknownLine[first],
            message:
              "\(rest.count) more unknown name\(rest.count == 1 ? "" : "s") ignored (\(times) time\(times == 1 ? "" : "s")), such as \(first)"
          ),
          nil
        ))
    }
    return found
  }
}

/// Room for elements that grows by doubling, for ``XMLBatch`` (which frees it): a pointer and
/// counts, with none of an array's checks on each append.
struct BatchStorage<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  /// Adds `extra` uninitialized elements; returns where they start.
  @inline(__always)
  mutating func append(_ extra: Int) -> UnsafeMutablePointer<Element> {
    if count + extra > capacity { grow(to: count + extra) }
    let start = base + count
    count += extra
    return start
  }

  private mutating func grow(to needed: Int) {
    var grown = capacity * 2
    while grown < needed { grown *= 2 }
    let storage = UnsafeMutablePointer<Element>.allocate(capacity: grown)
    storage.update(from: base, count: count)
    base.deallocate()
    base = storage
    capacity = grown
  }

  func free() { base.deallocate() }
}

/// Thrown on the reader thread when the importing thread has stopped (strict mode, a store error).
struct ImportCancelled: Error {}

/// Records read from XML, handed to the importing thread together: their values, bytes and
/// field ranges in a few shared arrays, so that a batch of thousands costs a few allocations on
/// the reading thread and frees on the importing one (per-record arrays made malloc's arenas
/// contend between the two threads). A class, filled by the reading thread and only read once
/// handed over (the queue's lock orders the two), so that appending never copies the arrays.
final class XMLBatch: @unchecked Sendable {
  struct Entry: Sendable {
    var kind: RecordKind
    var line: Int
    /// A top-level record, which may name a supplier that comes later in the document.
    var deferrable: Bool
    /// Where its values start in `rows.values` (`kind.storeValueCount` of them), or -1 when refused.
    var valueStart: Int
    /// Where its field ranges start in `ranges` (two per column).
    var rangeStart: Int
    /// Where the rule it broke lies in `problems`, when refused on the reading thread; -1
    /// otherwise. An index, not the problem, so that entries hold no references and appending
    /// one copies a few words (this runs for every record of the document).
    var problemIndex: Int32
  }

  // Filled on one thread, then read on another after the queue hands it over: accesses never
  // overlap, so Swift's dynamic exclusivity checks are left out.
  @exclusivity(unchecked) var entries: [Entry] = []
  /// Every record's field bytes (``StoreValue`` buffer 0), and each field's start and end in
  /// them, in storage of the batch's own: values arrive a few bytes at a time, millions per file,
  /// and appending them to arrays paid uniqueness and capacity checks on each (5 % of the reading
  /// thread's time).
  @exclusivity(unchecked) private var byteStorage: BatchStorage<UInt8>
  @exclusivity(unchecked) private var rangeStorage: BatchStorage<Int32>
  /// Per record and column (at half its range start), the line of the child element that gave
  /// the value, 0 for an attribute or none: a rejected value is pointed at on its own line, as a
  /// CSV field is (black-box reviews 116 and 117 got only the record's start tag).
  @exclusivity(unchecked) private var lineStorage: BatchStorage<Int32>

  /// How much a batch held: the next one is given room for as much up front, as batches of a
  /// document are much alike, rather than growing by doubling (copying each batch's bytes about
  /// once more: 4 % of a check's instructions).
  struct Sizes {
    var entries = 0
    var bytes = 0
    var ranges = 0
  }

  var sizes: Sizes { Sizes(entries: entries.count, bytes: byteStorage.count, ranges: rangeStorage.count) }

  init(sizedFor sizes: Sizes = Sizes()) {
    // A little over the last batch's sizes, as the next may hold a few more records.
    byteStorage = BatchStorage(capacity: max(1 << 16, sizes.bytes + sizes.bytes / 8))
    rangeStorage = BatchStorage(capacity: max(1 << 12, sizes.ranges + sizes.ranges / 8))
    lineStorage = BatchStorage(capacity: max(1 << 11, (sizes.ranges + sizes.ranges / 8) / 2))
    entries.reserveCapacity(sizes.entries + sizes.entries / 8)
  }
  /// Valid while the batch lives, and until bytes are next added.
  var bytes: UnsafeBufferPointer<UInt8> { byteStorage.buffer }
  private var byteCount: Int { byteStorage.count }
  /// Values of the decoded records; their made bytes are buffer 2.
  @exclusivity(unchecked) var rows = RowBuilder()

  var count: Int { entries.count }

  deinit {
    byteStorage.free()
    rangeStorage.free()
    lineStorage.free()
  }

  /// Appends bytes to the storage; returns where they start.
  @inline(__always)
  private func appendBytes(_ value: UnsafeBufferPointer<UInt8>) -> Int {
    let start = byteStorage.count
    guard let source = value.baseAddress else { return start }
    let target = byteStorage.append(value.count)
    // Most values are a few bytes: copied in place rather than through a call to memmove.
    if value.count <= 16 {
      for offset in 0..<value.count { target[offset] = source[offset] }
    } else {
      target.update(from: source, count: value.count)
    }
    return start
  }

  /// Room for a record's field ranges, every column absent; returns where they start.
  func openRecord(columns: Int) -> Int {
    let start = rangeStorage.count
    rangeStorage.append(2 * columns).update(repeating: -1, count: 2 * columns)
    lineStorage.append(columns).update(repeating: 0, count: columns)
    return start
  }

  /// Notes the line of the child element that gave a column its value (the first, as the value
  /// kept is the first).
  func noteFieldLine(_ rangeStart: Int, _ column: Int, _ line: Int) {
    let slot = lineStorage.base + rangeStart / 2 + column
    if slot.pointee == 0 { slot.pointee = Int32(truncatingIfNeeded: line) }
  }

  /// The line of the child element that gave a column its value; nil for an attribute or none.
  func fieldLine(_ rangeStart: Int, _ column: Int) -> Int? {
    let line = lineStorage.base[rangeStart / 2 + column]
    return line > 0 ? Int(line) : nil
  }

  private var ranges: UnsafeMutablePointer<Int32> { rangeStorage.base }

  func hasField(_ rangeStart: Int, _ column: Int) -> Bool { ranges[rangeStart + 2 * column] >= 0 }

  /// Keeps bytes that are no column's value (a value given twice, for its report); returns where.
  func keep(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    let start = appendBytes(value)
    return start..<byteCount
  }

  /// Gives a column bytes already kept (see ``keep(_:)``).
  @inline(__always)
  func setField(_ rangeStart: Int, _ column: Int, kept start: Int, count: Int) {
    ranges[rangeStart + 2 * column] = Int32(truncatingIfNeeded: start)
    ranges[rangeStart + 2 * column + 1] = Int32(truncatingIfNeeded: start + count)
  }

  /// Gives a column the very bytes of another record's column (a nested record's supplier_id is
  /// its supplier's id).
  func shareField(_ rangeStart: Int, _ column: Int, with otherStart: Int, _ otherColumn: Int) {
    ranges[rangeStart + 2 * column] = ranges[otherStart + 2 * otherColumn]
    ranges[rangeStart + 2 * column + 1] = ranges[otherStart + 2 * otherColumn + 1]
  }

  /// The bytes of a column of a record, if present.
  func field(_ rangeStart: Int, _ column: Int) -> UnsafeBufferPointer<UInt8>? {
    let start = ranges[rangeStart + 2 * column]
    guard start >= 0 else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(ranges[rangeStart + 2 * column + 1])])
  }

  /// The rules broken by refused entries.
  @exclusivity(unchecked) private var problems: [FieldProblem] = []

  private func keep(_ problem: FieldProblem) -> Int32 {
    problems.append(problem)
    return Int32(problems.count - 1)
  }

  /// The rule an entry broke, when refused on the reading thread.
  func problem(of entry: Entry) -> FieldProblem? {
    entry.problemIndex >= 0 ? problems[Int(entry.problemIndex)] : nil
  }

  /// Adds a record that was refused before decoding (for its place, or a column given twice),
  /// with its fields' own problems beside that one when its fields are all read (`fieldsRead`).
  /// A misplaced record is refused at its start tag, before its child elements: judged on its
  /// attributes alone it was said to lack a name and country it had (black-box review 31).
  func append(_ pending: PendingRecord, refused problem: FieldProblem, fieldsRead: Bool = true) {
    let source = Source(bytes: bytes, ranges: rangeStorage.buffer, start: pending.rangeStart)
    let fields = fieldsRead ? RecordDecoder.problems(pending.kind, source) : []
    entries.append(
      Entry(
        kind: pending.kind, line: pending.line, deferrable: false, valueStart: -1,
        rangeStart: pending.rangeStart, problemIndex: keep(problem.with([problem] + fields))))
  }

  /// Adds a record to be decoded by ``decode()``.
  func append(_ pending: PendingRecord, deferrable: Bool) {
    entries.append(
      Entry(
        kind: pending.kind, line: pending.line, deferrable: deferrable, valueStart: Self.undecoded,
        rangeStart: pending.rangeStart, problemIndex: -1))
  }

  /// Marks an entry added but not yet decoded.
  static let undecoded = -2

  /// Decodes every record added by ``append(_:deferrable:)``: its values, or the rule it broke.
  func decode() {
    let bytes = self.bytes
    let ranges = rangeStorage.buffer
    var valueCount = 0
    for entry in entries where entry.valueStart == Self.undecoded { valueCount += entry.kind.storeValueCount }
    rows.values.reserveCapacity(rows.values.count + valueCount)
    for index in entries.indices where entries[index].valueStart == Self.undecoded {
      let kind = entries[index].kind
      let source = Source(bytes: bytes, ranges: ranges, start: entries[index].rangeStart)
      let valueStart = rows.values.count
      do throws(FieldProblem) {
        try RecordDecoder.decode(kind, source, into: &rows)
        entries[index].valueStart = valueStart
      } catch {
        entries[index].valueStart = -1
        entries[index].problemIndex = keep(error.with(RecordDecoder.problems(kind, source)))
      }
    }
  }

  /// A record's fields in the batch's bytes (offsets already the batch's own).
  struct Source: FieldSource {
    let bytes: UnsafeBufferPointer<UInt8>
    let ranges: UnsafeBufferPointer<Int32>
    let start: Int

    func field(_ column: Int) -> SourceField? {
      let from = Int(ranges[start + 2 * column])
      guard from >= 0 else { return nil }
      let to = Int(ranges[start + 2 * column + 1])
      return SourceField(bytes: UnsafeBufferPointer(rebasing: bytes[from..<to]), buffer: 0, offset: from)
    }

    func bytes(of value: StoreValue) -> UnsafeBufferPointer<UInt8> { StoreTexts(bytes).bytes(value) }
  }

  /// The raw bytes of a column of an entry, if present.
  func field(_ entry: Entry, _ column: Int) -> UnsafeBufferPointer<UInt8>? { field(entry.rangeStart, column) }

  /// The record's values as written (empty when absent): for reports and rejects files.
  func strings(_ entry: Entry) -> [String] {
    (0..<Columns.names(entry.kind).count).map { column in
      field(entry, column).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
  }

  /// Lends decoded entries' values as store rows.
  func withRows<R>(_ indices: [Int], _ body: ([StoreRow]) throws -> R) rethrows -> R {
    try withValues { values, texts in try body(indices.map { row(entries[$0], values, texts) }) }
  }

  /// Lends a decoded entry's values as a store row.
  func withRow<R>(_ entry: Entry, _ body: (StoreRow) throws -> R) rethrows -> R {
    try withValues { values, texts in try body(row(entry, values, texts)) }
  }

  private func withValues<R>(_ body: (UnsafeBufferPointer<StoreValue>, StoreTexts) throws -> R) rethrows -> R
  {
    do {
      let bytes = self.bytes
      return try rows.extra.withUnsafeBufferPointer { extra in
        try rows.values.withUnsafeBufferPointer { values in
          try body(values, StoreTexts(bytes, .init(start: nil, count: 0), extra))
        }
      }
    }
  }

  private func row(_ entry: Entry, _ values: UnsafeBufferPointer<StoreValue>, _ texts: StoreTexts) -> StoreRow
  {
    StoreRow(
      values: UnsafeBufferPointer(
        rebasing: values[entry.valueStart..<(entry.valueStart + entry.kind.storeValueCount)]),
      texts: texts)
  }
}

/// What the XML reader thread hands over.
enum XMLMessage: Sendable {
  case batch(XMLBatch, bytesRead: Int)
  case finished(warnings: [(warning: ImportWarning, kind: RecordKind?)])
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

  /// Decodes on this thread the records that a third thread reads, hashes and parses, so that
  /// libxml2 and the checks run at once (on one thread they were the slowest stage).
  func run() {
    let parsed = BoundedQueue<XMLMessage>(capacity: 4)
    let parser = ProducerThread(queue: parsed) { self.parse(into: parsed) }
    defer { parser.stop() }
    while true {
      let message = parsed.take()
      if case .batch(let batch, _) = message { batch.decode() }
      guard queue.put(message) else { return }
      if case .batch = message { continue }
      return
    }
  }

  /// Runs on the parsing thread.
  private func parse(into queue: BoundedQueue<XMLMessage>) {
    let handler = CatalogXMLHandler(path: path, queue: queue, batchSize: batchSize)
    let parser = XMLStreamParser(documentName: path, handler: handler)
    do {
      guard let file = FileHandle(forReadingAtPath: path) else {
        throw FileFailure(
          file: path, line: nil, message: "cannot open the file", fix: "check that it exists and is readable")
      }
      defer { try? file.close() }
      // Reading and hashing on a thread of their own take a sixth of the parsing thread's work
      // off it (SHA-256 of 1.2 GB is about a second here).
      let chunks = BoundedQueue<Data>(capacity: 4)
      let hasher = self.hasher
      let reader = ProducerThread(queue: chunks) {
        while true {
          let chunk = file.readData(ofLength: 1 << 20)
          chunk.withUnsafeBytes { hasher.update($0) }
          if !chunks.put(chunk) || chunk.isEmpty { return }
        }
      }
      defer { reader.stop() }
      while true {
        let chunk = chunks.take()
        if chunk.isEmpty { break }
        handler.bytesRead += chunk.count
        try chunk.withUnsafeBytes { raw in try parser.feed(raw) }
      }
      try parser.finish()
      try handler.flush()
      _ = queue.put(.finished(warnings: handler.warnings))
    } catch is ImportCancelled {
      return
    } catch let error as XMLReadError {
      // The records read before the break go first, so that their rejections are reported as
      // the README says (black-box review 94: those of the last batch were missing).
      try? handler.flush()
      _ = queue.put(
        .failed(
          FileFailure(
            file: path, line: error.line == 0 ? nil : error.line,
            column: error.column > 0 ? error.column : nil,
            message: error.message,
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
  /// The ids of the supplier records of an XML document that break no rule of the contract; none
  /// when the document does not parse to its end (nothing of it would be stored).
  func wellFormedSupplierIDs(inXML path: String) -> [String] {
    let queue = BoundedQueue<XMLMessage>(capacity: 4)
    let producer = XMLReadingProducer(
      path: path, hasher: FileHasher(enabled: false), queue: queue, batchSize: options.xmlBatchSize)
    let worker = ProducerThread(queue: queue) { producer.run() }
    defer { worker.stop() }
    var ids: [String] = []
    while true {
      switch queue.take() {
      case .failed: return []
      case .finished: return ids
      case .batch(let batch, _):
        for entry in batch.entries where entry.kind == .suppliers && batch.problem(of: entry) == nil {
          if let id = batch.field(entry, 0) {
            ids.append(String(decoding: FieldReader<CSVFieldSource>.trimmed(id), as: UTF8.self))
          }
        }
      }
    }
  }

  func importXML(_ path: String) {
    let total = max(fileSize(path), 1)
    guard let run = beginFile(path, format: "xml") else { return }
    // libxml2 parses on a reader thread while this thread checks references and stores.
    let queue = BoundedQueue<XMLMessage>(capacity: 4)
    let producer = XMLReadingProducer(
      path: path, hasher: run.hasher, queue: queue, batchSize: options.xmlBatchSize)
    /// Top-level records whose supplier was not known yet: retried at the end of the document.
    var deferred: [(XMLBatch, Int)] = []
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
          warnings = found.map(\.warning)
          for case let kind? in found.map(\.kind) { run.warnings[kind, default: 0] += 1 }
          break consume
        case .batch(let batch, let bytesRead):
          try processXML(batch, in: run, deferred: &deferred)
          if run.strictStop { break consume }
          if reportsProgress { options.onProgress?(path, Double(bytesRead) / Double(total)) }
        }
      }
      if !run.strictStop {
        for (batch, index) in deferred {
          // A record refused for its fields waited to learn whether its supplier ever came.
          if let problem = batch.problem(of: batch.entries[index]) {
            rejectXML(problem, batch, batch.entries[index], in: run, atEnd: true)
          } else {
            try storeXML(batch, batch.entries[index], in: run)
          }
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

  /// Stores a batch's records in document order. Consecutive records of one kind whose supplier
  /// is known are written together (see ``ImportSession/upsert(_:rows:lines:)``); anything else
  /// (a refused record, one waiting for its supplier, another kind) first writes the group, so
  /// that rejects come out in document order.
  func processXML(_ batch: XMLBatch, in run: FileRun, deferred: inout [(XMLBatch, Int)]) throws {
    guard options.strict else { return try processXMLByKind(batch, in: run, deferred: &deferred) }
    var group: [Int] = []
    for index in 0..<batch.count {
      let entry = batch.entries[index]
      if let first = group.first, batch.entries[first].kind != entry.kind {
        try storeXML(batch, group, in: run)
        group.removeAll(keepingCapacity: true)
        if run.strictStop { return }
      }
      let problem: FieldProblem
      switch disposition(of: entry, in: batch) {
      case .store:
        group.append(index)
        continue
      case .wait:
        run.note(entry.kind)
        deferred.append((batch, index))
        continue
      case .refuse(let reason): problem = reason
      }
      if !group.isEmpty {
        try storeXML(batch, group, in: run)
        group.removeAll(keepingCapacity: true)
        if run.strictStop { return }
      }
      run.note(entry.kind)
      rejectXML(problem, batch, entry, in: run)
      if run.strictStop { return }
    }
    if !group.isEmpty { try storeXML(batch, group, in: run) }
  }

  /// The batch's records kind by kind, suppliers first: an XML catalog nests each supplier's
  /// records in it, so in document order the kinds alternate every few records and the store
  /// could group only a supplier's reviews; by kind, a batch's thousands of reviews go in full
  /// groups. Order within a kind is the document's (a repeated key is refused at its later
  /// line), records still find their supplier (stored before them), and rejects are reported in
  /// document order at the end of the batch. (`--strict` keeps document order throughout, so that
  /// it stops at the first rejected record of the document.)
  func processXMLByKind(_ batch: XMLBatch, in run: FileRun, deferred: inout [(XMLBatch, Int)]) throws {
    var rejected: [(index: Int, problem: FieldProblem)] = []
    var waiting: [Int] = []
    // The file's kinds are listed in the order the document shows them.
    for entry in batch.entries { run.note(entry.kind) }
    func refuse(_ index: Int, _ problem: FieldProblem) {
      rejected.append((index, problem))
      // Known at once, so that the supplier's own records can say why it is unknown.
      if batch.entries[index].kind == .suppliers, let id = batch.field(batch.entries[index], 0) {
        rejectedSuppliers[String(decoding: id, as: UTF8.self)] = "\(run.path):\(batch.entries[index].line)"
      }
    }
    var group: [Int] = []
    for kind in RecordKind.allCases.sorted(by: { $0.importOrder < $1.importOrder }) {
      for index in 0..<batch.count where batch.entries[index].kind == kind {
        switch disposition(of: batch.entries[index], in: batch, waitingIfRefused: true) {
        case .store: group.append(index)
        case .wait: waiting.append(index)
        case .refuse(let problem): refuse(index, problem)
        }
      }
      if !group.isEmpty {
        try storeXML(batch, group, in: run) {
          refuse($0, $1)
          return true
        }
        group.removeAll(keepingCapacity: true)
      }
    }
    rejected.sort { $0.index < $1.index }
    for (index, problem) in rejected { rejectXML(problem, batch, batch.entries[index], in: run) }
    deferred.append(contentsOf: waiting.sorted().map { (batch, $0) })
  }

  /// What becomes of a record read from XML, given the suppliers known so far.
  enum XMLDisposition {
    case store
    /// A top-level record whose supplier may come later in the document.
    case wait
    case refuse(FieldProblem)
  }

  ///
  /// With `waitingIfRefused`, a top-level record refused for its fields whose supplier is not
  /// known yet waits too, so that its rejection can say whether the supplier ever came (as a CSV
  /// record's does); `--strict`, which stops at the first rejected record, refuses it at once.
  func disposition(
    of entry: XMLBatch.Entry, in batch: XMLBatch, waitingIfRefused: Bool = false
  ) -> XMLDisposition {
    if let problem = batch.problem(of: entry) {
      if waitingIfRefused, entry.deferrable, entry.kind != .suppliers, problem.column != "supplier_id",
        !problem.others.contains(where: { $0.column == "supplier_id" }),
        let supplier = batch.field(entry, entry.kind.supplierIDColumn).map(
          FieldReader<CSVFieldSource>.trimmed),
        Identifier.isValid(utf8: supplier), !isKnownSupplier(supplier),
        rejectedSuppliers[String(decoding: supplier, as: UTF8.self)] == nil
      {
        return .wait
      }
      return .refuse(problem)
    }
    guard entry.kind != .suppliers else { return .store }
    let known = batch.withRow(entry) {
      isKnownSupplier($0.bytes(RecordDecoder.supplierValueIndex(entry.kind)))
    }
    if known { return .store }
    if entry.deferrable { return .wait }
    return batch.withRow(entry) { referenceProblem(entry.kind, $0) }.map { .refuse($0) } ?? .store
  }

  /// Writes records of one kind whose supplier is known, then refuses those that repeat a key.
  func storeXML(_ batch: XMLBatch, _ group: [Int], in run: FileRun) throws {
    try storeXML(batch, group, in: run) { index, problem in
      rejectXML(problem, batch, batch.entries[index], in: run)
      return !run.strictStop
    }
  }

  /// Writes records of one kind whose supplier is known; hands each that repeats a key to
  /// `refuse`, which says whether to go on.
  func storeXML(
    _ batch: XMLBatch, _ group: [Int], in run: FileRun, refuse: (Int, FieldProblem) -> Bool
  ) throws {
    let kind = batch.entries[group[0]].kind
    run.note(kind)
    let problems: [FieldProblem?] = try batch.withRows(group) { rows in
      let lines = group.map { batch.entries[$0].line }
      let outcomes =
        try run.session?.upsert(kind, rows: rows, lines: lines)
        ?? remember(kind, zip(rows, lines), in: run)
      return rows.indices.map { written(kind, rows[$0], line: lines[$0], outcome: outcomes[$0], in: run) }
    }
    // Counted here and added once: a dictionary update per record hashed the kind every time.
    var accepted = 0
    defer { run.accepted[kind, default: 0] += accepted }
    for (position, index) in group.enumerated() {
      if let problem = problems[position] {
        if !refuse(index, problem) { return }
      } else {
        accepted += 1
      }
    }
  }

  func storeXML(_ batch: XMLBatch, _ entry: XMLBatch.Entry, in run: FileRun) throws {
    run.note(entry.kind)
    let problem = try batch.withRow(entry) { row throws(StoreError) in
      try store(entry.kind, row, line: entry.line, in: run)
    }
    if let problem {
      rejectXML(problem, batch, entry, in: run)
    } else {
      run.accepted[entry.kind, default: 0] += 1
    }
  }

  /// `atEnd`: the whole document has been read, so a supplier not known now never came.
  func rejectXML(
    _ problem: FieldProblem, _ batch: XMLBatch, _ entry: XMLBatch.Entry, in run: FileRun, atEnd: Bool = false
  ) {
    let supplierID =
      entry.kind == .suppliers ? batch.field(entry, 0).map { String(decoding: $0, as: UTF8.self) } : nil
    // The first column of every kind but certificates is its id.
    let id =
      entry.kind == .certifications ? nil : batch.field(entry, 0).map(FieldReader<CSVFieldSource>.trimmed)
    var problem = addingRepeatedID(to: problem, kind: entry.kind, id: id, line: entry.line, in: run)
    // A record refused for its fields whose supplier is already known to be missing says so
    // too (as a CSV record does). A top-level record's supplier may still come later in the
    // document, so for it only a supplier whose own record was refused counts, until the end.
    if entry.kind != .suppliers, problem.column != "supplier_id",
      !problem.others.contains(where: { $0.column == "supplier_id" }),
      let supplier = batch.field(entry, entry.kind.supplierIDColumn).map(FieldReader<CSVFieldSource>.trimmed),
      Identifier.isValid(utf8: supplier),
      !entry.deferrable || atEnd || rejectedSuppliers[String(decoding: supplier, as: UTF8.self)] != nil,
      let unknown = unknownSupplierProblem(supplier)
    {
      problem.others.append(unknown)
    }
    // A value given as a child element is pointed at on its own line (no column: the parser
    // reports none for elements); one given as an attribute is on the record's line.
    let names = Columns.names(entry.kind)
    let place = { (name: String) -> (line: Int, column: Int?)? in
      names.firstIndex(of: name).flatMap { batch.fieldLine(entry.rangeStart, $0) }.map { ($0, nil) }
    }
    reject(
      problem,
      kind: entry.kind, line: entry.line, position: place(problem.column), header: names,
      values: batch.strings(entry), supplierID: supplierID, in: run, positionOf: place)
  }
}
