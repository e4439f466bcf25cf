/// Writes one `catalog.xml`: suppliers with their records nested, one record start tag per line
/// so that the manifest can point at it.
final class XMLCatalogSink: CatalogSink {
  private let file: OutputFile
  private let manifest: RejectManifest?
  private let fileName = CatalogGenerator.xmlFileName
  private var openContainer: RecordKind?
  private var orphans: [(kind: RecordKind, row: RecordRow, fault: Fault)] = []
  /// Pre-encoded markup: `<name>` / `</name>` per supplier column, ` name="` per record column,
  /// `<element` and container tags per kind.
  private let openTags: [[UInt8]]
  private let closeTags: [[UInt8]]
  private let attributes: [[[UInt8]]]
  private let elementStarts: [[UInt8]]
  private let containerOpen: [[UInt8]]
  private let containerClose: [[UInt8]]

  init(directory: String, manifest: RejectManifest?) throws {
    file = try OutputFile(path: directory + "/catalog.xml")
    self.manifest = manifest
    let supplierColumns = RecordKind.supplier.columns
    openTags = supplierColumns.map { utf8("    <\($0)>") }
    closeTags = supplierColumns.map { utf8("</\($0)>\n") }
    attributes = RecordKind.allCases.map { $0.columns.map { utf8(" \($0)=\"") } }
    elementStarts = RecordKind.allCases.map { utf8("<\($0.element)") }
    containerOpen = RecordKind.allCases.map { utf8("    <\($0.plural)>\n") }
    containerClose = RecordKind.allCases.map { utf8("    </\($0.plural)>\n") }
    file.buffer.append(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<supplierCatalog>\n"))
    file.line = 3
  }

  func beginSupplier(_ row: RecordRow, fault: Fault?) throws {
    try note(fault, .supplier)
    file.records += 1
    file.buffer.append(utf8("  <supplier id=\""))
    Self.appendEscaped(row, 0, to: &file.buffer)
    file.buffer.append(utf8("\">\n"))
    file.line += 1
    // Profile values never hold line breaks, so each child element is exactly one line.
    for column in 1..<row.fieldCount where !row.isEmpty(column) {
      file.buffer.append(openTags[column])
      Self.appendEscaped(row, column, to: &file.buffer)
      file.buffer.append(closeTags[column])
      file.line += 1
    }
  }

  func child(_ kind: RecordKind, _ row: RecordRow, fault: Fault?) throws {
    if openContainer != kind {
      closeContainer()
      openContainer = kind
      file.buffer.append(containerOpen[kind.rawValue])
      file.line += 1
    }
    try note(fault, kind)
    writeRecord(kind, row, indent: 6, skipping: kind.supplierColumn)
    try file.flushIfFull()
  }

  func orphan(_ kind: RecordKind, _ row: RecordRow, fault: Fault) throws {
    orphans.append((kind, row, fault))
  }

  func endSupplier() throws {
    closeContainer()
    file.buffer.append(utf8("  </supplier>\n"))
    file.line += 1
    for orphan in orphans {
      try note(orphan.fault, orphan.kind)
      writeRecord(orphan.kind, orphan.row, indent: 2, skipping: nil)
    }
    orphans.removeAll()
    try file.flushIfFull()
  }

  func finish() throws -> [GeneratedFile] {
    file.buffer.append(utf8("</supplierCatalog>\n"))
    try file.close()
    return [GeneratedFile(path: file.path, kind: "catalog", records: file.records, bytes: file.bytesWritten)]
  }

  private func note(_ fault: Fault?, _ kind: RecordKind) throws {
    guard let fault, let manifest else { return }
    try manifest.add(
      file: fileName, line: file.line, column: kind.columns[fault.column], kind: fault.kind.rawValue)
  }

  private func closeContainer() {
    guard let open = openContainer else { return }
    file.buffer.append(containerClose[open.rawValue])
    file.line += 1
    openContainer = nil
  }

  /// `<kind a="..." b="..."/>` and LF, omitting empty fields (empty means unknown in both forms).
  private func writeRecord(_ kind: RecordKind, _ row: RecordRow, indent: Int, skipping skipped: Int?) {
    file.records += 1
    file.line += 1
    Self.appendRecord(
      row, indent: indent, start: elementStarts[kind.rawValue], attributes: attributes[kind.rawValue],
      skipping: skipped ?? -1, to: &file.buffer)
  }

  private static func appendRecord(
    _ row: RecordRow, indent: Int, start: [UInt8], attributes: [[UInt8]], skipping skipped: Int,
    to sink: inout ByteSink
  ) {
    // Escaping grows a byte to at most 6 (`&quot;`); names are short.
    let maxBytes = indent + start.count + row.bytes.count * 6 + row.fieldCount * 40 + 4
    sink.write(upTo: maxBytes) { out in
      var written = 0
      for _ in 0..<indent {
        out[written] = 0x20
        written += 1
      }
      written += copy(start, to: out + written)
      for column in 0..<row.fieldCount where column != skipped && !row.isEmpty(column) {
        written += copy(attributes[column], to: out + written)
        written += escape(row, column, to: out + written)
        out[written] = 0x22
        written += 1
      }
      out[written] = 0x2F
      out[written + 1] = 0x3E
      out[written + 2] = 0x0A
      return written + 3
    }
  }

  private static func appendEscaped(_ row: RecordRow, _ column: Int, to sink: inout ByteSink) {
    sink.write(upTo: row.range(column).count * 6) { escape(row, column, to: $0) }
  }

  @inline(__always)
  private static func copy(_ bytes: [UInt8], to out: UnsafeMutablePointer<UInt8>) -> Int {
    bytes.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: $0.count) }
    return bytes.count
  }

  /// Escapes markup characters, quotes and line breaks (which attribute-value normalisation would
  /// otherwise turn into spaces); the same escaping is also valid in element content.
  private static func escape(_ row: RecordRow, _ column: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
    let range = row.range(column)
    return row.bytes.withUnsafeBufferPointer { bytes in
      var written = 0
      @inline(__always) func put(_ text: StaticString) {
        text.withUTF8Buffer { text in
          for byte in text {
            out[written] = byte
            written += 1
          }
        }
      }
      for index in range {
        let byte = bytes[index]
        switch byte {
        case 0x26: put("&amp;")
        case 0x3C: put("&lt;")
        case 0x3E: put("&gt;")
        case 0x22: put("&quot;")
        case 0x0A: put("&#10;")
        case 0x0D: put("&#13;")
        case 0x09: put("&#9;")
        default:
          out[written] = byte
          written += 1
        }
      }
      return written
    }
  }
}
