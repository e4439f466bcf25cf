import Testing

@testable import SupplierTrustCSV

@Test func quotesOnlyWhenNeeded() {
  let encoder = CSVEncoder(formulaPolicy: .preserve)
  #expect(
    encoder.row(["a", "b c", "x,y", "say \"hi\"", "two\nlines"])
      == "a,b c,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"")
}

@Test func formulaCellsAreNeutralised() {
  let encoder = CSVEncoder(formulaPolicy: .neutralize)
  #expect(encoder.row(["=HYPERLINK(\"http://x\")"]) == "\"'=HYPERLINK(\"\"http://x\"\")\"")
  #expect(
    encoder.row(["+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
      == "\"'+1+2\",\"'-2+3\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\"")
  #expect(encoder.row(["-12.5", "+3", "Acme"]) == "-12.5,+3,Acme")
}

@Test func preservePolicyKeepsFormulasVerbatim() {
  #expect(CSVEncoder(formulaPolicy: .preserve).row(["=1+1"]) == "=1+1")
}

@Test func roundTripThroughReader() throws {
  let encoder = CSVEncoder(formulaPolicy: .preserve)
  let rows = [["id", "text"], ["1", "a,\"b\"\nc"], ["2", ""]]
  var bytes: [UInt8] = []
  for row in rows { encoder.appendRow(row, to: &bytes) }
  let reader = CSVReader(bytes: bytes)
  #expect(try reader.readHeader() == rows[0])
  let batch = try #require(try reader.nextBatch())
  batch.withView { view in
    #expect(view.strings(0) == rows[1])
    #expect(view.strings(1) == rows[2])
  }
}

@Test func stringRowFastPathMatchesTheGenericPath() {
  let encoder = CSVEncoder(formulaPolicy: .neutralize)
  let fields = [
    "=1+1", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "-12.5", "a,b", "say \"hi\"", "two\nlines", "", "Şahin",
  ]
  var fast: [UInt8] = []
  encoder.appendRow(fields, to: &fast)
  var generic: [UInt8] = []
  encoder.appendRow(fields.map { Substring($0) }, to: &generic)
  #expect(fast == generic)
  #expect(String(decoding: fast, as: UTF8.self).hasPrefix("\"'=1+1\",\"'+1+2\""))
}

@Test func reversibleGuardsRoundTripEveryCell() throws {
  let encoder = CSVEncoder(formulaPolicy: .neutralizeReversibly)
  let cells = ["=x", "'=x", "'x", "''", "'", "-1", "'-1", "+1+2", "@x", "plain text", "", "Şahin"]
  #expect(
    encoder.row(cells)
      == #""'=x","''=x","''x","'''","''",-1,"''-1","'+1+2","'@x",plain text,,Şahin"#)
  var bytes: [UInt8] = []
  encoder.appendRow(cells.indices.map(String.init), to: &bytes)
  encoder.appendRow(cells, to: &bytes)
  let reader = CSVReader(bytes: bytes)
  _ = try reader.readHeader()
  let batch = try #require(try reader.nextBatch())
  let readBack = batch.withView { view in
    (0..<view.fieldCount(0)).map { index in
      String(decoding: CSVEncoder.removingFormulaGuard(view.field(0, index)), as: UTF8.self)
    }
  }
  #expect(readBack == cells)
}

@Test func onlyAGuardApostropheIsRemoved() {
  func removing(_ text: String) -> String {
    var text = text
    return text.withUTF8 { String(decoding: CSVEncoder.removingFormulaGuard($0), as: UTF8.self) }
  }
  // A guard precedes a formula-like cell or another apostrophe; anything else is the cell's own.
  #expect(removing("'=x") == "=x")
  #expect(removing("''x") == "'x")
  #expect(removing("''") == "'")
  #expect(removing("'x") == "'x")
  #expect(removing("'-1") == "'-1")
  #expect(removing("'") == "'")
  #expect(removing("x'") == "x'")
}

@Test func neutralizeLeavesApostrophesAsTheyAre() {
  // Outputs that are not read back (rankings, eligibility) keep their cells as they were.
  #expect(CSVEncoder(formulaPolicy: .neutralize).row(["'x", "''"]) == "'x,''")
}

/// Reports for people: control characters from the data (ESC, NUL, C1) become U+FFFD, so that
/// `cat` on an export cannot drive the terminal; tab and line breaks stay (quoted). Files read
/// back (rejects) keep every byte.
@Test func controlCharactersInReportsBecomeReplacementCharacters() {
  let report = CSVEncoder(formulaPolicy: .neutralize)
  let rejects = CSVEncoder(formulaPolicy: .neutralizeReversibly)
  #expect(
    report.row(["a\u{1B}[31mred", "nul\u{0}x", "c1\u{85}z", "tab\tok"])
      == "a\u{FFFD}[31mred,nul\u{FFFD}x,c1\u{FFFD}z,tab\tok")
  #expect(report.row(["line\nbreak", "\u{7F}"]) == "\"line\nbreak\",\u{FFFD}")
  #expect(report.row(["é ü 中文 \u{A0}"]) == "é ü 中文 \u{A0}")
  // Bidirectional overrides and isolates, which make a name read backwards in a spreadsheet
  // (black-box review 37); other characters led by E2 (dashes, quotes, the euro) stay.
  #expect(
    report.row(["Acme\u{202E}dlrow", "\u{202A}a\u{202D}\u{2066}b\u{2069}", "— ’ € \u{202F}\u{2060}"])
      == "Acme\u{FFFD}dlrow,\u{FFFD}a\u{FFFD}\u{FFFD}b\u{FFFD},— ’ € \u{202F}\u{2060}")
  #expect(rejects.row(["a\u{202E}b"]) == "a\u{202E}b")
  #expect(rejects.row(["a\u{1B}b"]) == "a\u{1B}b")
  #expect(CSVEncoder(formulaPolicy: .preserve).row(["a\u{0}b"]) == "a\u{0}b")
}

/// The vector scan of a cell gives the byte-by-byte path's output (the
/// reference) for every policy, over cells of every length 0-40 built from the bytes that
/// matter (controls, DEL, C1 lead bytes, comma, quote, formula starters, apostrophe, multibyte
/// UTF-8) placed at every position.
@Test func theFastPathForPlainCellsWritesWhatTheCheckedPathWrites() {
  let special: [UInt8] = [
    0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x22, 0x27, 0x2B, 0x2C, 0x2D, 0x3D, 0x40, 0x7E, 0x7F, 0x80,
    0x9F, 0xC2, 0xC3, 0xE2, 0xFF,
  ]
  let policies: [CSVEncoder.FormulaPolicy] = [.preserve, .neutralize, .neutralizeReversibly]
  for policy in policies {
    let encoder = CSVEncoder(formulaPolicy: policy)
    func check(_ cell: [UInt8]) {
      cell.withUnsafeBufferPointer { bytes in
        var fast: [UInt8] = []
        var checked: [UInt8] = []
        encoder.appendField(bytes: bytes, to: &fast)
        encoder.appendCheckedField(bytes: bytes, to: &checked)
        #expect(fast == checked, "\(policy) \(cell)")
      }
    }
    for length in 0...40 {
      let plain = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
      check(plain)
      for position in 0..<length {
        for byte in special {
          var cell = plain
          cell[position] = byte
          check(cell)
        }
      }
    }
    // A C1 control as two bytes.
    check(Array("ab".utf8) + [0xC2, 0x85] + Array("cdefghijklmnopqrstu".utf8))
    // A right-to-left override and an isolate as three bytes, and a dash that shares their lead.
    check(Array("ab".utf8) + [0xE2, 0x80, 0xAE] + Array("cdefghijklmnopqrstu".utf8))
    check(Array("abcdefghijklmnopqrstu".utf8) + [0xE2, 0x81, 0xA9])
    check(Array("abcdefghijklmnopqrstu".utf8) + [0xE2, 0x80, 0x94])
    // Three-byte characters at every position of a longer cell, so that the lead byte falls on
    // the last lane of a 16-byte load with what follows it in the next.
    for sequence: [UInt8] in [
      [0xE2, 0x80, 0xAE], [0xE2, 0x81, 0xA6], [0xE2, 0x80, 0x94], [0xE2, 0x98, 0x85],
    ] {
      for position in 0...37 {
        var cell = Array(repeating: UInt8(ascii: "x"), count: 40)
        cell.replaceSubrange(position..<(position + 3), with: sequence)
        check(cell)
      }
    }
  }
}
