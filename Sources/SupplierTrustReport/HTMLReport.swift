import SupplierTrustScoring

/// One past scoring of a supplier, for the trend chart of the report.
public struct TrendPoint: Sendable, Equatable {
  /// The day of the past scoring run.
  public var asOf: Day
  /// The trust score then, 0...100; nil when the supplier had no evidence at all.
  public var score: Double?
  /// The score's confidence then, 0...1.
  public var confidence: Double
  /// The grade letter then, or `unrated` when there was no score.
  public var grade: String

  /// Makes a point of the trend chart from one stored scoring.
  public init(asOf: Day, score: Double?, confidence: Double, grade: String) {
    self.asOf = asOf
    self.score = score
    self.confidence = confidence
    self.grade = grade
  }
}

/// Everything the HTML trust report shows.
public struct HTMLReportInput: Sendable {
  /// The run and the suppliers passing the filters, best first, with the criteria in words.
  public var list: RankedList
  /// How many of the top suppliers get a detailed section.
  public var detailCount: Int
  /// Past snapshots by supplier id (may be empty).
  public var history: [String: [TrendPoint]]
  /// Eligibility of the buyer's orders (for the detailed suppliers).
  public var orders: [OrderEligibility]
  /// The order being planned, for "Trade Assurance covers this order".
  public var orderAmount: Money?
  /// ISO 8601 timestamp of the report.
  public var generatedAt: String
  /// Reviews of the detailed suppliers by supplier id, to quote the newest ones and examples from
  /// detected bursts (may be empty: the report then shows figures only).
  public var reviews: [String: [Review]]
  /// Days of past snapshots kept under other policies, by supplier id: not drawn (scores under
  /// other weights do not compare), but said, so that a trend shorter than the store's history
  /// is explained (black-box review 53).
  public var otherPolicyDays: [String: [Day]]

  /// Makes the report's input: `list` and `generatedAt` are required; the rest may stay empty or at defaults.
  public init(
    list: RankedList, detailCount: Int = 10, history: [String: [TrendPoint]] = [:],
    orders: [OrderEligibility] = [], orderAmount: Money? = nil, generatedAt: String,
    reviews: [String: [Review]] = [:], otherPolicyDays: [String: [Day]] = [:]
  ) {
    self.list = list
    self.detailCount = detailCount
    self.history = history
    self.otherPolicyDays = otherPolicyDays
    self.orders = orders
    self.orderAmount = orderAmount
    self.generatedAt = generatedAt
    self.reviews = reviews
  }
}

/// The self-contained HTML trust report: summary, the ranked table (sortable and filterable when
/// JavaScript runs), a section per top supplier and the methodology. One file: inline CSS, inline
/// SVG charts and one inline script; it requests nothing (its Content-Security-Policy forbids it).
/// Every string from the input is escaped.
public enum HTMLReport {
  /// The tag every report carries in its head, by which `report --out` knows a file it may replace.
  public static let generatorTag: StaticString = "<meta name=\"generator\" content=\"supplier-trust\">"

  /// The whole report as one HTML document.
  public static func render(_ input: HTMLReportInput) -> String {
    var renderer = HTMLReportRenderer(input: input)
    renderer.document()
    return renderer.w.string
  }
}

/// Colour class and words of a standing.
extension Standing {
  var cssClass: String { rawValue }
  var words: String {
    switch self {
    case .ok: return "ok to order"
    case .warned: return "look closer"
    case .blocked: return "do not order"
    }
  }
}

struct HTMLReportRenderer {
  let input: HTMLReportInput
  var w: HTMLWriter
  private var nextID = 0

  init(input: HTMLReportInput) {
    self.input = input
    w = HTMLWriter(capacity: 32_768 + input.list.suppliers.count * 640)
  }

  var run: ScoringRun { input.list.run }
  var policy: Policy { run.policy }
  var detailed: ArraySlice<SupplierAssessment> { input.list.suppliers.prefix(max(0, input.detailCount)) }

  /// A document-unique id for chart titles and headings.
  mutating func uid(_ prefix: String) -> String {
    nextID += 1
    return "\(prefix)-\(nextID)"
  }

  /// `name` cut to `limit` characters with an ellipsis: a name of thousands of characters filled
  /// eighty lines of the ranking and squeezed its other columns (black-box review 28). The whole
  /// name stays in a tooltip and in the supplier's section.
  static func shortName(_ name: String, limit: Int = 120) -> String {
    guard name.count > limit else { return name }
    return String(name.prefix(limit - 1)) + "…"
  }

  /// The anchor of the detailed section of the supplier ranked `rank`.
  static func anchor(rank: Int) -> String { "supplier-\(rank)" }

  mutating func document() {
    w.raw("<!DOCTYPE html>\n")
    w.open("html", ["lang": "en"])
    w.raw("\n<head>\n")
    w.void("meta", ["charset": "utf-8"])
    w.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    // Nothing may be fetched: no script, style, image, font or connection from anywhere.
    w.void(
      "meta",
      [
        "http-equiv": "Content-Security-Policy",
        "content":
          "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
      ])
    w.raw(HTMLReport.generatorTag)
    // An empty data: icon keeps browsers from asking for /favicon.ico.
    w.void("link", ["rel": "icon", "href": "data:,"])
    // Two reports open in tabs are told apart by their catalog and size (black-box review 63),
    // and a filtered one by how many it lists (review 67).
    let folder = Self.catalogFolder(run.shownSources.map(\.path)).map { "\($0), " } ?? ""
    let listed = input.list.suppliers.count
    let count =
      (listed < run.suppliers.count ? "\(listed) of " : "")
      + "\(run.suppliers.count) supplier\(run.suppliers.count == 1 ? "" : "s")"
    w.element("title", text: "Supplier trust report: \(folder)\(count) as of \(run.asOf)")
    w.raw("\n<script>")
    w.raw(HTMLAssets.headScript)
    w.raw("</script>")
    w.raw("\n<style>\n")
    w.raw(HTMLAssets.css)
    w.raw("</style>\n</head>\n<body>\n")
    w.element("a", ["class": "skip", "href": "#ranking-section"], text: "Skip to the ranking")
    header()
    w.raw("<main class=\"wrap\">\n")
    summary()
    rankingTable()
    details()
    methodology()
    w.raw("</main>\n")
    w.open("footer", ["class": "wrap"])
    w.element(
      "p",
      text:
        "Generated by supplier-trust on \(input.generatedAt) from the data sources listed above, as of \(run.asOf), "
        + "with policy \(policy.name) (sha256 \(run.policyHash)). Scores summarise evidence; they are not a guarantee."
    )
    w.close("footer")
    w.raw("\n<script>\n")
    w.raw(HTMLAssets.script)
    w.raw("</script>\n</body>\n</html>\n")
  }

  // MARK: - Header and summary

  mutating func header() {
    let list = input.list
    w.open("header", ["class": "top"])
    w.open("div", ["class": "wrap"])
    w.element("p", ["class": "kicker"], text: "Supplier trust report")
    w.element("h1", text: "Which suppliers to trust, as of \(run.asOf)")
    var lede =
      "\(list.suppliers.count) of \(run.suppliers.count) scored suppliers "
      + (list.criteria.isEmpty ? "(no filters), " : "match this order, ")
      + (detailed.count == 1
        ? "best first. The top one is explained in detail."
        : "best first. The top \(detailed.count) are explained in detail.")
    if list.suppliers.isEmpty {
      lede = "No supplier of the \(run.suppliers.count) scored passes the filters."
    }
    w.element("p", ["class": "lede"], text: lede)
    // Whoever the report is forwarded to never sees the warning the command printed: records of
    // files read for this report and left out are said where it begins (black-box review 28). A
    // store's imports reported theirs when they ran, and a fixed rejects file may have brought
    // them in since.
    let readNow = run.shownSources.filter { $0.importedAt == nil && $0.rejected > 0 }
    let rejected = readNow.reduce(0) { $0 + $1.rejected }
    if rejected > 0 {
      w.element(
        "p", ["class": "notice"],
        text:
          "\(rejected) record\(rejected == 1 ? " was" : "s were") rejected when the files were read and \(rejected == 1 ? "is" : "are") left out of every score (\(readNow.map(\.path).joined(separator: ", "))); supplier-trust check lists each with its line and reason."
      )
    }
    w.open("dl", ["class": "facts"])
    fact("As of", run.asOf.description)
    fact(
      "Order criteria", list.criteria.isEmpty ? "none: every supplier" : list.criteria.joined(separator: "; ")
    )
    if let amount = input.orderAmount { fact("Order amount", amount.displayed + " (US dollars)") }
    w.element("dt", text: "Policy")
    w.open("dd")
    w.text(policy.name + " ")
    w.element("code", ["title": "SHA-256 of the complete policy"], text: run.policyHash)
    w.close("dd")
    fact("Generated", input.generatedAt)
    w.close("dl")
    w.close("div")
    w.close("header")
    w.open("nav", ["class": "toc wrap", "aria-label": "Contents"])
    w.open("ol")
    for (target, title) in [
      ("summary", "Summary"), ("ranking-section", "Ranking"), ("details", "Suppliers in detail"),
      ("methodology", "How to read this report"),
    ] {
      w.open("li")
      w.element("a", ["href": "#" + target], text: title)
      w.close("li")
    }
    w.close("ol")
    w.close("nav")
  }

  mutating func fact(_ term: String, _ value: String) {
    w.element("dt", text: term)
    w.element("dd", text: value)
  }

  mutating func summary() {
    let suppliers = input.list.suppliers
    w.open("section", ["id": "summary", "aria-labelledby": "summary-h"])
    w.element("h2", ["id": "summary-h"], text: "Summary")
    var counts: [Standing: Int] = [:]
    for s in suppliers { counts[s.standing, default: 0] += 1 }
    let scores = suppliers.compactMap(\.score).sorted()
    w.open("div", ["class": "cards"])
    card(String(suppliers.count), "suppliers in this report", nil)
    for standing in Standing.allCases {
      card(String(counts[standing] ?? 0), "\(standing.rawValue): \(standing.words)", standing.cssClass)
    }
    if !scores.isEmpty {
      let median =
        scores.count % 2 == 1
        ? scores[scores.count / 2] : (scores[scores.count / 2 - 1] + scores[scores.count / 2]) / 2
      // Halfway between two scores shown to one decimal, the median is rounded up as written
      // (65.95 is 65.9499… in binary and showed as 65.9; black-box review 28).
      card(ScoreOutput.fixed(median + 1e-9, 1), "median score", nil)
    }
    // Low-severity flags (few reviews, a certificate expiring) are notes, not red flags.
    let withFlags = suppliers.filter { $0.flags.contains { $0.severity != .low } }.count
    card(String(withFlags), "with a red flag (medium or high)", nil)
    w.close("div")
    shortlist(suppliers)

    w.open("div", ["class": "grid2"])
    w.open("div")
    w.element("h3", text: "Score distribution")
    scoreHistogram(suppliers)
    dataSources()
    w.close("div")
    w.open("div")
    w.element("h3", text: "Red flags")
    flagsOverview(suppliers)
    w.close("div")
    w.close("div")
    w.close("section")
  }

  /// The name of the folder every source file lies in (`sample` for `datasets/sample/*.csv`), or
  /// nil when they lie in different folders, in the working directory, or there are none.
  static func catalogFolder(_ paths: [String]) -> String? {
    let folders = Set(
      paths.map { path -> Substring in
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path[..<slash]
      })
    guard folders.count == 1, let folder = folders.first, !folder.isEmpty else { return nil }
    let name = folder.split(separator: "/").last.map(String.init) ?? ""
    return name.isEmpty || name == "." || name == ".." ? nil : name
  }

  mutating func dataSources() {
    w.element("h3", text: "Data sources")
    w.open("div", ["class": "tablewrap"])
    w.open("table", ["class": "sources"])
    w.element(
      "caption",
      text: "The files every score was computed from; evidence below points into them as file:line.")
    w.raw("<thead><tr>")
    w.element("th", ["scope": "col"], text: "File and SHA-256")
    w.element("th", ["scope": "col", "class": "num"], text: "Records")
    w.element("th", ["scope": "col", "class": "num"], text: "Rejected")
    w.raw("</tr></thead>\n<tbody>\n")
    for source in run.shownSources {
      w.raw("<tr>")
      w.open("th", ["scope": "row"])
      w.element("code", text: source.path)
      w.element("span", ["class": "hash"], text: source.sha256 ?? "no checksum recorded")
      w.close("th")
      w.element("td", ["class": "num"], text: String(source.records))
      w.element("td", ["class": "num"], text: String(source.rejected))
      w.raw("</tr>\n")
    }
    if run.sources.isEmpty {
      w.raw("<tr>")
      w.element("td", ["colspan": "3"], text: "No source files recorded.")
      w.raw("</tr>\n")
    }
    w.raw("</tbody></table></div>\n")
  }

  mutating func card(_ value: String, _ label: String, _ cssClass: String?) {
    w.open("div", ["class": cssClass.map { "card " + $0 } ?? "card"])
    w.element("div", ["class": "v"], text: value)
    w.element("div", ["class": "k"], text: label)
    w.close("div")
  }

  /// Who to look at first, before any chart: the best suppliers in good standing, or, when none
  /// is, the best there is with what holds it back (black-box review 28: the first screen named no
  /// supplier).
  mutating func shortlist(_ suppliers: [SupplierAssessment]) {
    guard !suppliers.isEmpty else { return }
    let ok = suppliers.enumerated().filter { $0.element.standing == .ok && $0.element.score != nil }.prefix(3)
    let shown = ok.isEmpty ? Array(suppliers.enumerated().prefix(1)) : Array(ok)
    w.element(
      "h3",
      text: ok.isEmpty
        ? "No supplier is in good standing; the best ranked"
        : "Best candidates in good standing")
    w.open("ol", ["class": "shortlist"])
    for (position, s) in shown {
      w.open("li")
      let name = Self.shortName(s.supplier.name) + " (" + s.supplier.id + ")"
      if position < detailed.count {
        w.element("a", ["href": "#" + Self.anchor(rank: position + 1)], text: name)
      } else {
        w.text(name)
      }
      var facts = [
        "rank \(position + 1)", "score " + (s.score.map { ScoreOutput.fixed($0, 1) } ?? "none"),
        "\(s.grade) \(s.standing.rawValue)", "confidence " + ScoreOutput.fixed(s.confidence, 2),
      ]
      let serious = s.flags.filter { $0.severity != .low }.map(\.code.rawValue)
      if !serious.isEmpty { facts.append("flags: " + serious.joined(separator: ", ")) }
      w.text(": " + facts.joined(separator: ", "))
      w.close("li")
    }
    w.close("ol")
  }

  mutating func flagsOverview(_ suppliers: [SupplierAssessment]) {
    var counts: [FlagCode: Int] = [:]
    // The first few suppliers with each flag, best ranked first, by rank.
    var first: [FlagCode: [Int]] = [:]
    for (position, s) in suppliers.enumerated() {
      for code in Set(s.flags.map(\.code)) {
        counts[code, default: 0] += 1
        if first[code, default: []].count < 3 { first[code, default: []].append(position) }
      }
    }
    // In its own scrolling box, as the other tables: its columns had widened the whole page at
    // 1024 and 390 px (black-box review 47).
    w.open("div", ["class": "tablewrap"])
    w.open("table", ["class": "flagcounts"])
    w.element("caption", text: "Suppliers in this report with each flag")
    w.raw("<thead><tr>")
    w.element("th", ["scope": "col"], text: "Flag")
    w.element("th", ["scope": "col", "class": "num"], text: "Suppliers")
    w.element("th", ["scope": "col"], text: "Meaning")
    w.element("th", ["scope": "col"], text: "Best ranked with it")
    w.raw("</tr></thead>\n<tbody>\n")
    for code in FlagCode.allCases {
      let count = counts[code] ?? 0
      w.open("tr", ["class": count == 0 ? "muted" : nil])
      w.element("th", ["scope": "row"]) { $0.element("code", text: code.rawValue) }
      w.element("td", ["class": "num"], text: String(count))
      w.element("td", text: HTMLReportRenderer.meaning(of: code, policy: policy))
      w.open("td")
      let positions = first[code] ?? []
      for (k, position) in positions.enumerated() {
        if k > 0 { w.text(" ") }
        let id = suppliers[position].supplier.id
        // Kept on one line with its comma: "SUP-" / "0014" broke at the hyphen (black-box review
        // 93), and a comma alone began the next line.
        w.open("span", ["class": "nb"])
        if position < detailed.count {
          w.element("a", ["href": "#" + Self.anchor(rank: position + 1)], text: id)
        } else {
          w.text(id)
        }
        if k < positions.count - 1 { w.text(",") }
        w.close("span")
      }
      if count > 3 { w.text(" and \(count - 3) more") }
      w.close("td")
      w.raw("</tr>\n")
    }
    w.raw("</tbody></table>\n")
    w.close("div")
  }

  /// What a flag code means, with the policy's numbers.
  static func meaning(of code: FlagCode, policy: Policy) -> String {
    switch code {
    case .reviewBurst:
      return
        "An unusual cluster of reviews: at least \(policy.burst.minimumReviews) within \(policy.burst.windowDays) days, mostly from new reviewers, with near-identical texts or one rating (unverified), or with repeated templates and ratings within one star (verified purchases can be bought too); or a campaign of new, unverified accounts giving one rating kept up for months (\(2 * policy.burst.minimumReviews) or more within \(policy.burst.campaignWindowDays) days). The flag's detail names the rule."
    case .certExpired:
      return "A certificate is past its expiry date or marked expired, with no valid renewal."
    case .certExpiring:
      return "A certificate expires within \(policy.certifications.expiringWithinDays) days."
    case .certUnaccredited: return "A certificate's issuer or accreditation body is not recognised."
    case .certInvalidPeriod:
      return
        "A certificate's validity is longer than its standard allows (\(policy.certifications.maximumValidityYears) years for ISO management systems)."
    case .certSuspended: return "A certificate is suspended, withdrawn or cancelled."
    case .certShared:
      return
        "Another supplier claims a certificate with the same number from the same issuer: one of them is not its holder, so it counts as unverified."
    case .auditFailed: return "The latest audit failed."
    case .auditStale:
      return
        "The latest audit is older than \(policy.audits.staleAfterDays) days, or the date it was valid until has passed."
    case .lateShipments:
      return "On-time delivery is below \(percent(policy.delivery.lateThreshold))."
    case .disputeHistory:
      return "Disputes or refunds on more than \(percent(policy.delivery.disputeThreshold)) of orders."
    case .fewReviews:
      return
        "Fewer than \(ScoreOutput.format(policy.reviews.fewReviewsBelow)) trustworthy reviews (after weighting): too little to rate with confidence."
    case .verifiedUnbacked:
      return
        "More reviews marked as verified purchases (complaints aside) in the last year than the platform's transactions can back (\(ScoreOutput.format(policy.reviews.verifiedPerTransaction)) per transaction, and \(ScoreOutput.format(policy.reviews.verifiedTransactionsSlack)) over them): the claim is not to be trusted, and those reviews count only in part."
    }
  }

  static func percent(_ share: Double) -> String {
    ScoreOutput.format(ScoreOutput.rounded(share * 100, 1)) + "%"
  }

  // MARK: - The ranked table

  mutating func rankingTable() {
    let suppliers = input.list.suppliers
    let detailedCount = detailed.count
    w.open("section", ["id": "ranking-section", "aria-labelledby": "ranking-h"])
    w.element("h2", ["id": "ranking-h"], text: "Ranking")
    w.element(
      "p",
      text:
        "Every supplier that passes the order's criteria, best first by the score before rounding (ties: the higher mean of the components under weakest_link, higher confidence, then supplier id). "
        + "The score is 0 to 100 with the range it plausibly lies in; the coloured edge shows the standing. "
        + "A flag marked !! is of high severity, ! of medium, unmarked of low. "
        + (detailedCount > 0 ? "Names of the top \(detailedCount) link to their detailed section." : "")
        + (suppliers.count > HTMLAssets.rowCap
          ? " In a browser the table shows the first \(HTMLAssets.rowCap) rows of the current order, so that "
            + "sorting and filtering stay quick; “Show all” lists the rest, and printing prints every row."
          : ""))

    // Filters: hidden until the script shows them, so that without JavaScript no dead control shows.
    var countries: [String: Int] = [:]
    for s in suppliers { countries[s.supplier.country, default: 0] += 1 }
    w.open("form", ["id": "controls", "class": "controls", "hidden": "", "aria-label": "Filter the ranking"])
    w.open("label")
    w.text("Search name, id or flag")
    w.void("input", ["type": "search", "name": "q", "autocomplete": "off"])
    w.close("label")
    w.open("label")
    w.text("Country")
    w.open("select", ["name": "cc"])
    w.element("option", ["value": ""], text: "All countries")
    for (code, count) in countries.sorted(by: { $0.key < $1.key }) {
      w.element("option", ["value": code], text: "\(code) (\(count))")
    }
    w.close("select")
    w.close("label")
    w.open("label", ["class": "check"])
    w.void("input", ["type": "checkbox", "name": "ta"])
    w.text("Trade Assurance only")
    w.close("label")
    w.open("label")
    w.text("Minimum score")
    w.void(
      "input",
      ["type": "number", "name": "min", "min": "0", "max": "100", "step": "1", "inputmode": "numeric"])
    w.close("label")
    w.element("button", ["type": "reset"], text: "Clear")
    w.close("form")
    w.element(
      "p", ["id": "table-status", "class": "status", "role": "status", "aria-live": "polite"],
      text: "\(suppliers.count) suppliers in rank order.")

    if suppliers.count > HTMLAssets.rowCap {
      w.element(
        "button", ["type": "button", "id": "show-all", "hidden": ""],
        text: "Show all \(suppliers.count) suppliers (slower to sort)")
    }
    w.open("div", ["class": "tablewrap"])
    w.open("table", ["id": "ranking"])
    w.element(
      "caption",
      text: input.list.criteria.isEmpty
        ? "All \(suppliers.count) suppliers; rank 1 is the most trustworthy"
        : "\(suppliers.count) suppliers for: " + input.list.criteria.joined(separator: "; "))
    w.raw("<thead><tr>")
    w.element(
      "th", ["scope": "col", "class": "num", "data-key": "rank", "data-type": "number"], text: "Rank")
    w.element("th", ["scope": "col", "data-type": "text"], text: "Supplier")
    w.element("th", ["scope": "col", "data-type": "text"], text: "Country")
    w.element(
      "th", ["scope": "col", "class": "num", "data-key": "score", "data-type": "number"], text: "Score")
    w.element(
      "th", ["scope": "col", "class": "num", "data-key": "conf", "data-type": "number"], text: "Confidence")
    w.element("th", ["scope": "col", "data-type": "text"], text: "Grade")
    w.element(
      "th", ["scope": "col", "data-key": "lim", "data-type": "number"],
      text: input.orderAmount == nil ? "Trade Assurance" : "Trade Assurance for this order")
    w.element("th", ["scope": "col", "data-key": "flags", "data-type": "number"], text: "Flags")
    w.raw("</tr></thead>\n<tbody>\n")
    for (i, s) in suppliers.enumerated() {
      tableRow(s, rank: i + 1, detailed: i < detailedCount)
    }
    w.raw("</tbody></table></div>\n")
    if suppliers.isEmpty { w.element("p", text: "No supplier matches the criteria.") }
    if let leftOut = input.list.leftOut, leftOut.count > 0 {
      w.element("p", ["id": "left-out"], text: leftOut.summary + ".")
      if !leftOut.nearMisses.isEmpty {
        w.element("p", text: leftOut.nearMissHeading)
        w.open("ul", ["class": "left-out"])
        for miss in leftOut.nearMisses {
          let s = miss.supplier
          w.element(
            "li",
            text:
              "\(s.supplier.name) (\(s.supplier.id)), \(s.score.map { ScoreOutput.fixed($0, 1) } ?? "unrated"): "
              + miss.reasons.joined(separator: "; "))
        }
        w.close("ul")
        if let more = leftOut.moreNearMisses {
          // `report` has no JSON output: `rank` with the same filters has (black-box review 58).
          w.element(
            "p",
            text: more
              + " (supplier-trust rank with the same filters and --format json names the best \(RankingCriteria.nearMissLimitForScripts) with their reasons)"
          )
        }
      }
    }
    w.close("section")
  }

  mutating func tableRow(_ s: SupplierAssessment, rank: Int, detailed: Bool) {
    let supplier = s.supplier
    // Flags sort by seriousness: a high flag outweighs any number of low ones.
    let flagWeight = s.flags.reduce(0) {
      $0 + ($1.severity == .high ? 10_000 : $1.severity == .medium ? 100 : 1)
    }
    let limit: String
    switch supplier.tradeAssurance {
    case true?: limit = supplier.tradeAssuranceLimit.map { ScoreOutput.format($0.dollars) } ?? "0"
    case false?: limit = "-1"
    case nil: limit = ""
    }
    w.open(
      "tr",
      [
        "class": rank > HTMLAssets.rowCap ? s.standing.cssClass + " cap" : s.standing.cssClass,
        "data-score": s.score.map { ScoreOutput.format(ScoreOutput.rounded($0, 1)) },
        "data-conf": ScoreOutput.format(ScoreOutput.rounded(s.confidence, 2)), "data-lim": limit,
        "data-flags": String(flagWeight), "data-cc": supplier.country,
        "data-ta": supplier.tradeAssurance == true ? "1" : "0",
      ])
    w.element("td", ["class": "num"], text: String(rank))
    w.open("td")
    let name = Self.shortName(supplier.name)
    let whole = name == supplier.name ? nil : supplier.name
    if detailed {
      w.element("a", ["href": "#" + HTMLReportRenderer.anchor(rank: rank), "title": whole], text: name)
    } else if let whole {
      w.element("span", ["title": whole], text: name)
    } else {
      w.text(name)
    }
    w.element("span", ["class": "sid"], text: supplier.id)
    w.close("td")
    w.element("td", text: supplier.country)
    // Few nodes per row: a 10,000-row table is laid out again on every sort.
    w.open("td", ["class": "num sc"])
    if let score = s.score {
      w.text(ScoreOutput.fixed(score, 1))
      if let interval = s.interval {
        w.element(
          "span", ["class": "iv"],
          text: " (\(ScoreOutput.fixed(interval.lowerBound, 0))–\(ScoreOutput.fixed(interval.upperBound, 0)))"
        )
      }
    } else {
      w.element("span", ["class": "unk"], text: "no score")
    }
    w.close("td")
    w.element("td", ["class": "num"], text: "\(Int((s.confidence * 100).rounded()))%")
    w.open("td")
    w.element("span", ["class": "b " + s.standing.cssClass], text: "\(s.grade) · \(s.standing.rawValue)")
    w.close("td")
    w.open("td")
    tradeAssuranceCell(supplier)
    w.close("td")
    w.open("td")
    if s.flags.isEmpty {
      w.element("span", ["class": "unk"], text: "none")
    } else {
      for flag in s.flags {
        // A code breaks after its underscores in a narrow column, not mid-word (printed on A4,
        // `cert_unaccredite` / `d`: black-box review 67).
        // The severity not by colour alone (black-box review 93): marks after the code (CSS, so
        // that the chip's text stays the code) and the word on hover.
        w.open(
          "span", ["class": "f " + flag.severity.rawValue, "title": flag.severity.rawValue + " severity"])
        for (k, part) in flag.code.rawValue.split(separator: "_").enumerated() {
          if k > 0 {
            w.text("_")
            w.raw("<wbr>")
          }
          w.text(String(part))
        }
        w.close("span")
      }
    }
    w.close("td")
    w.raw("</tr>\n")
  }

  mutating func tradeAssuranceCell(_ supplier: Supplier) {
    switch (supplier.tradeAssurance, input.orderAmount) {
    case (true?, let amount?):
      if let limit = supplier.tradeAssuranceLimit {
        if limit >= amount {
          w.element("span", ["class": "yes"], text: "covers it")
          w.text(" (up to \(limit.short))")
        } else {
          w.element("span", ["class": "no"], text: "not in full")
          w.text(" (up to \(limit.short))")
        }
      } else {
        w.element("span", ["class": "unk"], text: "limit unknown")
      }
    case (true?, nil):
      w.text(supplier.tradeAssuranceLimit.map { "up to \($0.short)" } ?? "yes, limit unknown")
    case (false?, _):
      w.element("span", ["class": "no"], text: "not offered")
    case (nil, _):
      w.element("span", ["class": "unk"], text: "unknown")
      // A stated limit is shown, though participation is not confirmed (review 28).
      if let limit = supplier.tradeAssuranceLimit { w.text(" (limit \(limit.short) stated)") }
    }
  }
}
