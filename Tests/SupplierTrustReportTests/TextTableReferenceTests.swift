import Testing

@testable import SupplierTrustReport

/// The table layout, which measures each cell once and writes lines on both cores, against a
/// straightforward reference that measures and joins strings line by line.
@Suite struct TextTableReferenceTests {
  /// The reference: every cell measured where it is used, lines built as strings and joined.
  static func reference(_ table: TextTable, width: Int, colour: Bool) -> String {
    let columns = table.columns
    let rows = table.rows
    let width = max(1, width)
    let natural = columns.indices.map { c in
      max(
        TextTable.width(of: columns[c].title), columns[c].flexible ? 0 : columns[c].minimum,
        rows.map { TextTable.width(of: TextTable.lines($0[c].content, width: .max)[0]) }.max() ?? 0)
    }
    func total(_ shown: [Int], _ widths: (Int) -> Int) -> Int {
      shown.reduce(0) { $0 + widths($1) } + 2 * max(0, shown.count - 1)
    }
    func narrowest(_ c: Int) -> Int { columns[c].flexible ? min(natural[c], columns[c].minimum) : natural[c] }
    var shown = Array(columns.indices)
    let droppable = columns.indices.filter { columns[$0].dropRank != nil }
      .sorted { columns[$0].dropRank! < columns[$1].dropRank! }
    for c in droppable where total(shown, narrowest) > width { shown.removeAll { $0 == c } }
    var widths = natural
    var excess = total(shown, { widths[$0] }) - width
    func shrink(_ c: Int, to floor: Int) {
      let cut = max(0, min(excess, widths[c] - floor))
      widths[c] -= cut
      excess -= cut
    }
    for c in shown where columns[c].flexible { shrink(c, to: min(natural[c], columns[c].preferred)) }
    for c in shown where columns[c].flexible { shrink(c, to: narrowest(c)) }
    for c in shown.reversed() { shrink(c, to: 1) }
    while excess > 0 && shown.count > 1 {
      let c = shown.removeLast()
      excess -= widths[c] + 2
    }
    func line(_ cells: [(text: String, colour: String?)]) -> String {
      var parts: [String] = []
      for (k, c) in shown.enumerated() {
        let text = cells[k].text
        let pad = String(repeating: " ", count: max(0, widths[c] - TextTable.width(of: text)))
        var cell = columns[c].alignment == .right ? pad + text : (k == shown.count - 1 ? text : text + pad)
        if colour, let code = cells[k].colour, !text.isEmpty { cell = "\u{1B}[\(code)m" + cell + "\u{1B}[0m" }
        parts.append(cell)
      }
      var joined = parts.joined(separator: "  ")
      while joined.last == " " { joined.removeLast() }
      return joined
    }
    var lines: [String] = []
    let header = line(shown.map { (TextTable.truncated(columns[$0].title, to: widths[$0]), nil) })
    lines.append(colour ? "\u{1B}[1m" + header + "\u{1B}[0m" : header)
    lines.append(String(repeating: "─", count: min(width, total(shown, { widths[$0] }))))
    for row in rows {
      // Wrapped text that fits is shown as it is (spaces and all).
      let cells = shown.map { c in
        if case .wrapped(let text) = row[c].content, TextTable.width(of: text) <= widths[c] { return [text] }
        return TextTable.lines(row[c].content, width: widths[c])
      }
      for k in 0..<(cells.map(\.count).max() ?? 1) {
        lines.append(
          line(shown.indices.map { (k < cells[$0].count ? cells[$0][k] : "", row[shown[$0]].colour) }))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A deterministic table of `rows` rows: plain, accented, wide and emoji text, lists, wrapped
  /// verdicts, empty cells and colours.
  static func table(rows: Int, seed: UInt64) -> TextTable {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let words = [
      "Acme", "Công", "ty", "华强电子", "Ltd", "Shenzhen", "🙂", "Müller", "GmbH", "x", "cannot", "file",
      "late_shipment", "深圳市", "", "O'Brien", "A-1",
    ]
    func text(_ most: Int) -> String {
      (0..<next(most + 1)).map { _ in words[next(words.count)] }.joined(separator: " ")
    }
    var table = TextTable()
    table.column("#", .right)
    table.column("Supplier", minimum: 6, preferred: 12, flexible: true)
    table.column("ID", dropRank: 2)
    table.column("Verdict", minimum: 8, flexible: true)
    table.column("Score", .right, dropRank: 1)
    table.column("Flags", minimum: 5, preferred: 10, flexible: true)
    let colours: [String?] = [nil, "31", "32", "33"]
    for i in 0..<rows {
      let cells: [(TextTable.Content, String?)] = [
        (.text(String(i + 1)), nil),
        (.text(text(4)), colours[next(colours.count)]),
        (.text("SUP-\(next(100_000))"), nil),
        (.wrapped(text(6)), colours[next(colours.count)]),
        (.text(next(5) == 0 ? "–" : String(next(1000)) + "." + String(next(10))), nil),
        (.list((0..<next(5)).map { _ in words[next(words.count)] }, shown: 2), colours[next(colours.count)]),
      ]
      table.row(cells)
    }
    return table
  }

  /// Rows made on both cores in runs of 4,096 (as `score`'s table of every supplier makes them)
  /// lay out as the same rows added one by one.
  @Test func rowsMadeInRunsLayOutAsRowsAddedOneByOne() {
    let table = Self.table(rows: 9_000, seed: 6)
    let rows = table.rows
    var made = TextTable()
    made.columns = table.columns
    made.rows(count: rows.count) { i, writer in
      for cell in rows[i] { writer.cell(cell.content, colour: cell.colour) }
    }
    #expect(made.runs.count == 3)
    for width in [9, 57, 132] {
      for colour in [false, true] {
        #expect(made.render(width: width, colour: colour) == table.render(width: width, colour: colour))
      }
    }
  }

  @Test func agreesWithTheReferenceAtEveryWidth() {
    // Past 4,096 rows the lines are written in more than one chunk.
    for (rows, seed) in [(0, 1), (1, 2), (7, 3), (300, 4), (9_000, 5)] as [(Int, UInt64)] {
      let table = Self.table(rows: rows, seed: seed)
      for width in [1, 9, 24, 40, 57, 80, 132, 400] {
        for colour in [false, true] {
          let fast = table.render(width: width, colour: colour)
          let slow = Self.reference(table, width: width, colour: colour)
          #expect(fast == slow, "\(rows) rows at \(width) columns, colour \(colour)")
        }
      }
    }
  }
}

/// Strings whose scalars are each a character of their own are measured, cut and cleaned scalar
/// by scalar; every answer must be what walking their Characters gives, for any mix of simple
/// scalars and those that join (combining marks, joiners, jamo, variation selectors, flags) or
/// must go (controls, format characters).
@Suite struct SimpleScalarPathTests {
  static func characterWidth(_ text: String) -> Int { text.reduce(0) { $0 + TextTable.width(of: $1) } }

  static func characterTruncated(_ text: String, to width: Int) -> String {
    if characterWidth(text) <= width { return text }
    guard width > 0 else { return "" }
    var out = ""
    var used = 0
    for ch in text {
      let w = TextTable.width(of: ch)
      if used + w > width - 1 { break }
      out.append(ch)
      used += w
    }
    return out + "…"
  }

  static func scalarInert(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
        || scalar.value == 0x2029
      {
        out.append(" ")
      } else if scalar.properties.generalCategory != .format {
        out.append(scalar)
      }
    }
    return String(out)
  }

  @Test func scalarPathsAnswerAsCharactersDo() {
    let pool: [UInt32] = [
      0x41, 0x20, 0x7E, 0xE9, 0xA0, 0xAD, 0xAE, 0x2FF, 0x300, 0x301, 0x4E2D, 0x6587, 0x3400, 0xAC00, 0xD7A3,
      0x1100, 0x1161, 0x11A8, 0x2026, 0x2013, 0x203C, 0x200B, 0x200D, 0x202E, 0x2028, 0xFE0F, 0x1F600,
      0x1F1E6,
      0x3000, 0x3029, 0x302A, 0x3042, 0x3099, 0x30FC, 0xFF21, 0xFF60, 0xFF9E, 0x0627, 0x064B, 0x0915, 0x093F,
      0x7F, 0x9C, 0x09,
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var simple = 0
    for _ in 0..<20_000 {
      var scalars = String.UnicodeScalarView()
      // Mostly simple scalars, as names are, with a joining or dropped one now and then.
      for _ in 0..<(next() % 9) {
        let value = next() % 4 == 0 ? pool[next() % pool.count] : pool[next() % 17]
        scalars.append(Unicode.Scalar(value)!)
      }
      let text = String(scalars)
      if TextTable.isSimple(text) { simple += 1 }
      #expect(TextTable.width(of: text) == Self.characterWidth(text), "\(Array(text.unicodeScalars))")
      for width in 0...7 {
        #expect(
          TextTable.truncated(text, to: width) == Self.characterTruncated(text, to: width),
          "\(Array(text.unicodeScalars)) to \(width)")
      }
      #expect(TextTable.inert(text) == Self.scalarInert(text), "\(Array(text.unicodeScalars))")
    }
    // Both paths were taken.
    #expect(simple > 2_000 && simple < 19_000)
  }
}
