import SupplierTrustCSV

/// A data file being written: a local buffer in front of a `CSVFileWriter`, plus the physical line
/// the next byte lands on, which the bad-record manifest needs.
final class OutputFile {
  let path: String
  private let writer: CSVFileWriter
  /// Bytes not yet handed to the writer; the sinks append to it in place.
  var buffer = ByteSink(flushMark: 1 << 18)
  /// The 1-based line the next byte is written on.
  var line = 1
  private(set) var bytesWritten = 0
  var records = 0

  init(path: String) throws {
    self.path = path
    do {
      writer = try CSVFileWriter(path: path, encoder: CSVEncoder(formulaPolicy: .preserve))
    } catch {
      throw GeneratorError.cannotWrite(path: path, errno: error.errno)
    }
  }

  /// Hands the buffer to the writer once it is big enough for the copy to be worth it.
  @inline(__always)
  func flushIfFull() throws {
    if buffer.isFull { try drain() }
  }

  private func drain() throws {
    bytesWritten += buffer.count
    do {
      try writer.writeRaw(buffer.take())
    } catch {
      throw GeneratorError.cannotWrite(path: path, errno: error.errno)
    }
  }

  /// Writes everything out; the file is complete on disk afterwards.
  func close() throws {
    try drain()
    do {
      try writer.flush()
    } catch {
      throw GeneratorError.cannotWrite(path: path, errno: error.errno)
    }
  }
}

/// `expected-rejects.csv`: one row per record made invalid on purpose.
final class RejectManifest {
  let path: String
  private let writer: CSVFileWriter
  private(set) var count = 0

  init(path: String) throws {
    self.path = path
    do {
      writer = try CSVFileWriter(path: path, encoder: CSVEncoder(formulaPolicy: .preserve))
      try writer.writeRow(["file", "line", "column", "kind"])
    } catch {
      throw GeneratorError.cannotWrite(path: path, errno: error.errno)
    }
  }

  func add(file: String, line: Int, column: String, kind: String) throws {
    count += 1
    do {
      try writer.writeRow([file, String(line), column, kind])
    } catch {
      throw GeneratorError.cannotWrite(path: path, errno: error.errno)
    }
  }

  func close() throws {
    do {
      try writer.flush()
    } catch {
      throw GeneratorError.cannotWrite(path: path, errno: error.errno)
    }
  }
}
