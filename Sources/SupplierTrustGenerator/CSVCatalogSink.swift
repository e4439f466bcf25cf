import SupplierTrustCSV

/// Writes the five CSV files of the contract, RFC 4180 quoted, LF line ends.
final class CSVCatalogSink: CatalogSink {
  private let files: [OutputFile]
  private let manifest: RejectManifest?

  init(directory: String, manifest: RejectManifest?) throws {
    var files: [OutputFile] = []
    let encoder = CSVEncoder(formulaPolicy: .preserve)
    for kind in RecordKind.allCases {
      let file = try OutputFile(path: directory + "/" + kind.plural + ".csv")
      var header: [UInt8] = []
      encoder.appendRow(kind.columns, to: &header)
      file.buffer.append(header)
      file.line = 2
      files.append(file)
    }
    self.files = files
    self.manifest = manifest
  }

  func beginSupplier(_ row: RecordRow, fault: Fault?) throws {
    try write(.supplier, row, fault: fault)
  }

  func child(_ kind: RecordKind, _ row: RecordRow, fault: Fault?) throws {
    try write(kind, row, fault: fault)
  }

  func orphan(_ kind: RecordKind, _ row: RecordRow, fault: Fault) throws {
    try write(kind, row, fault: fault)
  }

  func endSupplier() throws {}

  func finish() throws -> [GeneratedFile] {
    try files.enumerated().map { index, file in
      try file.close()
      return GeneratedFile(
        path: file.path, kind: RecordKind.allCases[index].plural, records: file.records,
        bytes: file.bytesWritten)
    }
  }

  private func write(_ kind: RecordKind, _ row: RecordRow, fault: Fault?) throws {
    let file = files[kind.rawValue]
    if let fault, let manifest {
      try manifest.add(
        file: kind.plural + ".csv", line: file.line, column: kind.columns[fault.column],
        kind: fault.kind.rawValue)
    }
    file.line += Self.append(row, to: &file.buffer)
    file.records += 1
    try file.flushIfFull()
  }

  /// Appends the row with its LF and returns the number of lines it took.
  static func append(_ row: RecordRow, to sink: inout ByteSink) -> Int {
    var lines = 1
    // Worst case: every byte a doubled quote, every field quoted, plus commas and the LF.
    let maxBytes = row.bytes.count * 2 + row.ends.count * 3 + 1
    sink.write(upTo: maxBytes) { out in
      row.bytes.withUnsafeBufferPointer { bytes in
        row.ends.withUnsafeBufferPointer { ends in
          var written = 0
          var start = 0
          for index in 0..<ends.count {
            let end = ends[index]
            if index > 0 {
              out[written] = 0x2C
              written += 1
            }
            if needsQuotes(bytes, start, end) {
              out[written] = 0x22
              written += 1
              for position in start..<end {
                let byte = bytes[position]
                if byte == 0x22 {
                  out[written] = 0x22
                  written += 1
                } else if byte == 0x0A {
                  lines += 1
                }
                out[written] = byte
                written += 1
              }
              out[written] = 0x22
              written += 1
            } else if end > start {
              (out + written).update(from: bytes.baseAddress! + start, count: end - start)
              written += end - start
            }
            start = end
          }
          out[written] = 0x0A
          return written + 1
        }
      }
    }
    return lines
  }

  @inline(__always)
  private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    // LF, CR, quote and comma are all below 64: one shift tests all four.
    let mask: UInt64 = 1 << 0x0A | 1 << 0x0D | 1 << 0x22 | 1 << 0x2C
    var position = start
    while position < end {
      let byte = bytes[position]
      if byte < 64 && (mask >> byte) & 1 != 0 { return true }
      position += 1
    }
    return false
  }
}
