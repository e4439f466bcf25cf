import Testing

@testable import SupplierTrustCSV

/// Reads all records of `text` (header excluded) with every chunk size given, checking that the
/// chunk boundaries never change the result.
private func records(
  _ text: String, chunkSizes: [Int] = [1, 2, 3, 5, 7, 64, 1 << 20]
) throws -> (header: [String], rows: [[String]], lines: [Int], errors: [Int: CSVSyntaxError]) {
  var results: [(header: [String], rows: [[String]], lines: [Int], errors: [Int: CSVSyntaxError])] = []
  for size in chunkSizes {
    let reader = CSVReader(bytes: Array(text.utf8), chunkSize: size)
    let header = try reader.readHeader() ?? []
    var rows: [[String]] = []
    var lines: [Int] = []
    var errors: [Int: CSVSyntaxError] = [:]
    while let batch = try reader.nextBatch() {
      batch.withView { view in
        for record in 0..<view.count {
          if let error = batch.syntaxError(ofRecord: record) { errors[rows.count] = error }
          rows.append(view.strings(record))
          lines.append(batch.lines[record])
        }
      }
    }
    results.append((header, rows, lines, errors))
  }
  for other in results.dropFirst() {
    #expect(other.header == results[0].header)
    #expect(other.rows == results[0].rows)
    #expect(other.lines == results[0].lines)
    #expect(other.errors == results[0].errors)
  }
  return results[0]
}

@Test func plainRowsWithLF() throws {
  let result = try records("a,b,c\n1,2,3\n4,5,6\n")
  #expect(result.header == ["a", "b", "c"])
  #expect(result.rows == [["1", "2", "3"], ["4", "5", "6"]])
  #expect(result.lines == [2, 3])
}

@Test func crlfLineEndsAndNoFinalNewline() throws {
  let result = try records("a,b\r\n1,2\r\n3,4")
  #expect(result.header == ["a", "b"])
  #expect(result.rows == [["1", "2"], ["3", "4"]])
}

@Test func byteOrderMarkIsSkipped() throws {
  let result = try records("\u{FEFF}supplier_id,name\nS1,Acme\n")
  #expect(result.header == ["supplier_id", "name"])
  #expect(result.rows == [["S1", "Acme"]])
}

@Test func quotedCommasQuotesAndLineBreaks() throws {
  let text =
    "id,name,text\nR1,\"Acme, Inc.\",\"He said \"\"great\"\"\"\nR2,B,\"line one\nline two\r\nline three\"\nR3,C,plain\n"
  let result = try records(text)
  #expect(
    result.rows == [
      ["R1", "Acme, Inc.", "He said \"great\""],
      ["R2", "B", "line one\nline two\r\nline three"],
      ["R3", "C", "plain"],
    ])
  #expect(result.lines == [2, 3, 6])
  #expect(result.errors.isEmpty)
}

@Test func emptyFieldsAndTrailingComma() throws {
  let result = try records("a,b,c\n,,\n1,,\n\"\",x,\n")
  #expect(result.rows == [["", "", ""], ["1", "", ""], ["", "x", ""]])
}

@Test func emptyLinesAreSkippedButCounted() throws {
  let result = try records("a,b\n\n1,2\n\r\n3,4\n\n")
  #expect(result.rows == [["1", "2"], ["3", "4"]])
  #expect(result.lines == [3, 5])
}

@Test func raggedRowsKeepTheirFieldCounts() throws {
  let result = try records("a,b,c\n1,2\n1,2,3,4\n")
  #expect(result.rows == [["1", "2"], ["1", "2", "3", "4"]])
}

@Test func unterminatedQuoteAtEndOfFile() throws {
  let result = try records("a,b\n1,2\n3,\"open\nstill open")
  #expect(result.rows.count == 2)
  #expect(result.lines == [2, 3])
  #expect(result.errors == [1: .unterminatedQuote])
  #expect(result.rows[1] == ["3", "open\nstill open"])
}

@Test func textAfterClosingQuoteIsAnError() throws {
  let result = try records("a,b\n\"x\"y,2\n3,4\n")
  #expect(result.errors == [0: .characterAfterClosingQuote(field: 0)])
  // The field as the file holds it, for the report and the rejects file; nothing dropped.
  #expect(result.rows[0] == ["\"x\"y", "2"])
  #expect(result.rows[1] == ["3", "4"])
  let crlf = try records("a,b\r\n1,\"x\"\"q\" tail\r\n3,4\r\n")
  #expect(crlf.errors == [0: .characterAfterClosingQuote(field: 1)])
  #expect(crlf.rows[0] == ["1", "\"x\"\"q\" tail"])
  #expect(crlf.rows[1] == ["3", "4"])
}

@Test func quoteInsideUnquotedFieldIsAnError() throws {
  let result = try records("a,b\n1,5\" pipe\n")
  #expect(result.errors == [0: .quoteInUnquotedField(field: 1)])
}

@Test func headerOnlyAndEmptyFile() throws {
  #expect(try records("a,b\n").rows.isEmpty)
  let reader = CSVReader(bytes: [])
  #expect(try reader.readHeader() == nil)
  #expect(try reader.nextBatch() == nil)
}

@Test func nonASCIIBytesPassThrough() throws {
  let result = try records("name\nTÜV SÜD\n\"Şahin Tekstil, A.Ş.\"\n")
  #expect(result.rows == [["TÜV SÜD"], ["Şahin Tekstil, A.Ş."]])
}

@Test func fileReaderMatchesInMemoryReader() throws {
  var text = "id,text\n"
  for i in 0..<5000 { text += "R\(i),\"row \(i), with \"\"quotes\"\"\nand a break\"\n" }
  let path = "/tmp/supplier-trust-csv-test-\(getpid()).csv"
  try #require(FileManagerLite.write(text, to: path))
  defer { unlink(path) }
  var hashed = 0
  let reader = try CSVReader(path: path, chunkSize: 4096, onRead: { hashed += $0.count })
  _ = try reader.readHeader()
  var count = 0
  var lastLine = 0
  while let batch = try reader.nextBatch() {
    batch.withView { view in
      for record in 0..<view.count {
        #expect(String(decoding: view.field(record, 0), as: UTF8.self) == "R\(count)")
        count += 1
        lastLine = batch.lines[record]
      }
    }
  }
  #expect(count == 5000)
  #expect(lastLine == 2 + 4999 * 2)
  #expect(hashed == text.utf8.count)
}

#if canImport(Glibc)
  import Glibc
#endif

enum FileManagerLite {
  static func write(_ text: String, to path: String) -> Bool {
    guard let file = fopen(path, "w") else { return false }
    defer { fclose(file) }
    return fputs(text, file) >= 0
  }
}

@Test func aRunawayQuoteIsRefusedOnceTheRecordPassesTheLimit() throws {
  let text = "a,b\n1,2\n3,\"never closed\n" + String(repeating: "4,5\n", count: 500)
  let reader = CSVReader(bytes: Array(text.utf8), chunkSize: 64)
  reader.maximumRecordBytes = 256
  _ = try reader.readHeader()
  var records = 0
  var failure: CSVFileError?
  do {
    while let batch = try reader.nextBatch() { records += batch.count }
  } catch {
    failure = error
  }
  #expect(records == 1)
  #expect(
    failure?.description
      == "cannot read <memory>: the record starting at line 3 is longer than 256 bytes; a quoted field is probably never closed (a quote inside a field is written twice: \"\")"
  )
}

/// A line that long without any quote is said to be a line without its end, not a quote never
/// closed (stress review 142 was told of a quote its record did not have).
@Test func anOverlongLineWithoutQuotesIsSaidToBeOne() throws {
  let text = "a,b\n1,2\n3," + String(repeating: "x", count: 600) + "\n4,5\n"
  let reader = CSVReader(bytes: Array(text.utf8), chunkSize: 64)
  reader.maximumRecordBytes = 256
  _ = try reader.readHeader()
  var failure: CSVFileError?
  do {
    while try reader.nextBatch() != nil {}
  } catch {
    failure = error
  }
  #expect(
    failure?.description
      == "cannot read <memory>: the line 3 is longer than 256 bytes with no line end in it, longer than any catalog record; check that the file's lines end in LF or CRLF"
  )
}

/// A small deterministic generator for the randomised tests below (a 64-bit LCG).
private struct TestRandom {
  var state: UInt64

  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int(state >> 33) % bound
  }

  /// Bytes rich in stops and in bytes one away from them (0x21, 0x23, 0x0B, 0x2B, 0x2D, 0x80,
  /// 0xFF, which trip naive zero-byte tricks, and stops with the high bit set), one in `oneIn`;
  /// the rest ordinary letters, so that runs longer than a word or a block occur.
  mutating func bytes(_ count: Int, stopsOneIn oneIn: Int) -> [UInt8] {
    let alphabet: [UInt8] = [
      0x22, 0x0A, 0x2C, 0x21, 0x23, 0x0B, 0x09, 0x2B, 0x2D, 0x41, 0x61, 0x80, 0xFF, 0x00, 0x0D, 0xAC, 0xA2,
    ]
    return (0..<count).map { _ in next(oneIn) == 0 ? alphabet[next(alphabet.count)] : 0x61 }
  }
}

/// The word-at-a-time scan for the end of a quoted field against a byte-by-byte one (the
/// reference model), on random bytes from an alphabet rich in stops and in bytes one away from
/// them (0x21, 0x23, 0x0B, 0x2B, 0x2D, 0x80, 0xFF, which trip naive zero-byte tricks), from every
/// start.
@Suite struct StopScanTests {
  @Test func wordScanFindsWhatTheByteScanFinds() {
    var random = TestRandom(state: 0x1234_5678)
    for trial in 0..<300 {
      let length = trial % 40
      // Mostly ordinary letters so that runs longer than a word occur.
      let bytes = random.bytes(length, stopsOneIn: 4)
      bytes.withUnsafeBufferPointer { buffer in
        CSVChunkParser.quotedStops.withUnsafeBufferPointer { quoted in
          for start in 0...length {
            let expected = (start..<length).first { [0x22, 0x0A].contains(bytes[$0]) } ?? length
            #expect(CSVChunkParser.skip(buffer, from: start, stops: quoted) == expected)
          }
        }
      }
    }
  }
}

/// The block scanner against a byte-by-byte scan (the reference model): on random bytes of
/// several blocks, from positions that move forward by small steps, jump ahead past whole blocks
/// and go back (as the quoted-field path and a retried record do).
@Suite struct StopScannerTests {
  @Test func blockScanFindsWhatTheByteScanFinds() {
    var random = TestRandom(state: 0x9E37_79B9)
    for trial in 0..<400 {
      let length = trial % 300
      // Sparse stops in some buffers, dense in others, so that empty blocks occur.
      let bytes = random.bytes(length, stopsOneIn: 2 + trial % 40)
      bytes.withUnsafeBufferPointer { buffer in
        CSVChunkParser.unquotedStops.withUnsafeBufferPointer { stops in
          var scanner = StopScanner(buffer, stops: stops)
          var position = 0
          for _ in 0..<200 {
            let expected = (position..<length).first { [0x22, 0x0A, 0x2C].contains(bytes[$0]) } ?? length
            #expect(scanner.next(from: position) == expected, "trial \(trial) from \(position)")
            switch random.next(10) {
            case 0: position = random.next(length + 1)
            case 1: position = min(length, position + 64 + random.next(100))
            default: position = min(length, expected + 1)
            }
          }
        }
      }
    }
  }
}

/// Random documents, valid and broken: every chunk size reads the same records, lines and errors
/// (chunks of a few bytes send each record through the general loop, large ones through the fast
/// path for whole records), and a valid document gives back the fields it was written from.
@Suite struct RandomDocumentTests {
  @Test func chunkSizesAgreeAndValidDocumentsRoundTrip() throws {
    var random = TestRandom(state: 0x5EED)
    let pieces = ["a", "bc", "Ü", " ", "1.5", "x y", ",", "\"", "\n", "\r\n", "\r", "\"\""]
    for trial in 0..<150 {
      let valid = trial % 2 == 0
      var fields: [[String]] = []
      var text = "h1,h2,h3\n"
      for _ in 0..<(1 + random.next(12)) {
        var row: [String] = []
        for _ in 0..<(1 + random.next(5)) {
          var field = ""
          for _ in 0..<random.next(6) { field += pieces[random.next(pieces.count)] }
          row.append(field)
        }
        if valid {
          // Quoted when it must be (and now and then when it need not be).
          let needsQuotes = { (field: String) in
            field.utf8.contains(where: { [0x2C, 0x22, 0x0A, 0x0D].contains($0) })
              || field.isEmpty && row.count == 1
          }
          text +=
            row.map { field in
              needsQuotes(field) || random.next(4) == 0
                ? "\"" + String(field.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\"" : field
            }.joined(separator: ",") + (random.next(3) == 0 ? "\r\n" : "\n")
          fields.append(row)
        } else {
          // Written as they come: stray quotes, bare line breaks and all.
          text += row.joined(separator: ",") + "\n"
        }
      }
      let result = try records(text)
      if valid {
        #expect(result.rows == fields, "trial \(trial): \(text.debugDescription)")
        #expect(result.errors.isEmpty, "trial \(trial)")
      }
    }
  }
}
