import SupplierTrustScoring

/// Plain-text tables for a terminal: aligned columns, truncated to a width, colour only when asked.
public struct TextTable {
  public enum Alignment { case left, right }
  public struct Column {
    var title: String
    var alignment: Alignment
    var minimum: Int
    var flexible: Bool
  }

  var columns: [Column] = []
  var rows: [[(text: String, colour: String?)]] = []

  public init() {}

  mutating func column(
    _ title: String, _ alignment: Alignment = .left, minimum: Int = 0, flexible: Bool = false
  ) {
    columns.append(
      Column(title: title, alignment: alignment, minimum: max(minimum, title.count), flexible: flexible))
  }

  mutating func row(_ cells: [(String, String?)]) {
    rows.append(cells.map { (TextTable.inert($0.0), $0.1) })
  }

  /// Control characters (escape sequences in a supplier's or a policy's name) must never reach the
  /// terminal.
  public static func inert(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : $0 }))
  }

  /// Columns to `width`: fixed columns take what they need, flexible ones share the rest.
  public func render(width: Int, colour: Bool) -> String {
    var widths = columns.indices.map { c in
      max(columns[c].minimum, rows.map { $0[c].text.count }.max() ?? 0)
    }
    let separators = 2 * (columns.count - 1)
    let total = widths.reduce(0, +) + separators
    if total > width {
      var excess = total - width
      // Earlier flexible columns give way first: names truncate before flags do.
      for c in columns.indices where columns[c].flexible && excess > 0 {
        let cut = min(excess, widths[c] - columns[c].minimum)
        widths[c] -= cut
        excess -= cut
      }
    }
    func cell(_ text: String, _ c: Int) -> String {
      var t = text
      if t.count > widths[c] { t = String(t.prefix(max(0, widths[c] - 1))) + "…" }
      let pad = String(repeating: " ", count: widths[c] - t.count)
      return columns[c].alignment == .left ? t + pad : pad + t
    }
    var lines: [String] = []
    let header = columns.indices.map { cell(columns[$0].title, $0) }.joined(separator: "  ")
    lines.append(colour ? "\u{1B}[1m" + header + "\u{1B}[0m" : header)
    lines.append(String(repeating: "─", count: min(width, widths.reduce(0, +) + separators)))
    for row in rows {
      let text = columns.indices.map { c -> String in
        let content = cell(row[c].text, c)
        if colour, let code = row[c].colour { return "\u{1B}[\(code)m" + content + "\u{1B}[0m" }
        return content
      }.joined(separator: "  ")
      lines.append(text.trailingSpaceTrimmed)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  var trailingSpaceTrimmed: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}

extension ScoreOutput {
  /// The ranking for a terminal: rank, supplier, country, score with confidence, grade, Trade
  /// Assurance coverage (for the order amount when one is given) and the most serious flags.
  public static func table(_ list: RankedList, width: Int = 100, colour: Bool, orderAmount: Money? = nil)
    -> String
  {
    var table = TextTable()
    table.column("#", .right)
    table.column("Supplier", minimum: 18, flexible: true)
    table.column("ID")
    table.column("CC")
    table.column("Score", .right)
    table.column("Conf", .right)
    table.column("Grade")
    table.column(orderAmount == nil ? "TA limit" : "TA covers order")
    table.column("Flags", minimum: 24, flexible: true)
    for (i, s) in list.suppliers.enumerated() {
      let gradeColour: String? =
        switch s.standing {
        case .ok: "32"
        case .warned: "33"
        case .blocked: "31"
        }
      var ta: String
      var taColour: String? = nil
      switch s.supplier.tradeAssurance {
      case true?: ta = s.supplier.tradeAssuranceLimit.map { $0.short } ?? "yes"
      case false?: ta = "no"
      case nil: ta = "?"
      }
      if let amount = orderAmount {
        let covered =
          s.supplier.tradeAssurance == true && (s.supplier.tradeAssuranceLimit.map { amount <= $0 } ?? false)
        ta = (covered ? "yes " : "no ") + (s.supplier.tradeAssuranceLimit.map { "(\($0.short))" } ?? "")
        taColour = covered ? "32" : "31"
      }
      let shown = s.flags.prefix(2).map(\.code.rawValue).joined(separator: ", ")
      let flags = shown + (s.flags.count > 2 ? " +\(s.flags.count - 2)" : "")
      let severe =
        s.flags.first.map { $0.severity == .high ? "31" : $0.severity == .medium ? "33" : nil } ?? nil
      table.row([
        (String(i + 1), nil), (s.supplier.name, nil), (s.supplier.id, nil), (s.supplier.country, nil),
        (s.score.map { fixed($0, 1) } ?? "–", nil), (String(Int((s.confidence * 100).rounded())) + "%", nil),
        (s.grade, gradeColour), (ta, taColour), (flags.isEmpty ? "–" : flags, severe),
      ])
    }
    var out =
      "Suppliers as of \(list.run.asOf), policy \(TextTable.inert(list.run.policy.name)) (\(list.run.policyHash.prefix(12)))"
    if !list.criteria.isEmpty { out += "\n" + list.criteria.joined(separator: "; ") }
    out += "\n\n"
    if list.suppliers.isEmpty { return out + "No supplier matches.\n" }
    return out + table.render(width: width, colour: colour)
  }

  /// `value` with exactly `places` decimals.
  static func fixed(_ value: Double, _ places: Int) -> String {
    let text = format(rounded(value, places))
    if places == 0 { return text }
    if let dot = text.firstIndex(of: ".") {
      let have = text.distance(from: dot, to: text.endIndex) - 1
      return text + String(repeating: "0", count: max(0, places - have))
    }
    return text + "." + String(repeating: "0", count: places)
  }
}

extension Money {
  /// `$350k`, `$1.2M`, `$900`: amounts for narrow columns.
  var short: String {
    let dollars = Double(cents) / 100
    if dollars >= 1_000_000 {
      return "$" + ScoreOutput.format(ScoreOutput.rounded(dollars / 1_000_000, 1)) + "M"
    }
    if dollars >= 1_000 {
      return "$" + ScoreOutput.format(ScoreOutput.rounded(dollars / 1_000, dollars < 10_000 ? 1 : 0)) + "k"
    }
    return "$" + ScoreOutput.format(dollars.rounded())
  }
}
