import SupplierTrustScoring
import SupplierTrustXML
import Testing

@testable import SupplierTrustReport

@Suite struct HTMLReportTests {
  /// A catalog whose every text field tries to break out of its place in the page.
  static func hostile() -> ReportFixture {
    var f = ReportFixture(path: "data/evil\"<x>.csv")
    let evil = f.supplier("SUP-0001", name: "<script>alert(1)</script>") {
      $0.categories = ["<img src=x onerror=alert(4)>", "Valves"]
      $0.region = "\"><b onmouseover=alert(5)>"
    }
    f.review(evil, text: "</blockquote><script>alert(2)</script>")
    f.review(evil, text: "\"><svg onload=alert(3)>")
    f.review(evil, text: "&lt;already escaped&gt; & <b>bold</b> \u{1}bell")
    f.certificate(evil, body: "<b>Bold Certs</b>", accreditation: "<i>UKAS</i>")
    f.audit(evil)
    f.order(evil)
    f.burst(evil, text: "<script>alert(6)</script> great quality fast shipping highly recommend")
    let plain = f.supplier("SUP-0002", name: "Plain & Simple Co.")
    f.review(plain)
    return f
  }

  @Test func hostileTextShowsAsTextAndRunsNothing() throws {
    let input = Self.hostile().input()
    let html = HTMLReport.render(input)
    let doc = HTMLCheck.parse(html)
    #expect(doc.errors.isEmpty, "\(doc.errors)")
    // The report's own two scripts only: one line in the head, the table's at the end of the body.
    let scripts = doc.elements(named: "script")
    #expect(scripts.count == 2)
    #expect(scripts.allSatisfy { doc.nodes[$0].attribute("src") == nil })
    #expect(scripts.map { doc.nodes[doc.nodes[$0].parent!].name } == ["head", "body"])
    #expect(doc.textContent(of: scripts[0]) == "document.documentElement.className = \"js\";")
    #expect(doc.textContent(of: scripts[1]).hasPrefix("\n(function () {\n  \"use strict\";"))
    for tag in ["img", "b", "i", "iframe", "object", "embed"] where tag != "i" {
      #expect(doc.all(tag).isEmpty, "a <\(tag)> came from the data")
    }
    // Legend swatches are the only <i> elements, and they are empty.
    for i in doc.elements(named: "i") { #expect(doc.textContent(of: i).isEmpty) }
    #expect(!doc.all("svg").contains { $0.attribute("onload") != nil })
    for node in doc.nodes where node.kind == .element {
      for attribute in node.attributes {
        #expect(
          !attribute.name.lowercased().hasPrefix("on"), "event handler \(attribute.name) on <\(node.name)>")
      }
    }
    // The texts show as themselves.
    let h3 = doc.elements(named: "h3").map { doc.textContent(of: $0) }
    #expect(h3.contains { $0.hasSuffix(". <script>alert(1)</script>") })
    let cells = doc.elements(named: "td").map { doc.textContent(of: $0) }
    #expect(cells.contains { $0.contains("<script>alert(1)</script>") && $0.contains("SUP-0001") })
    let quotes = doc.elements(named: "blockquote").map { doc.textContent(of: $0) }
    #expect(quotes.contains { $0.hasSuffix("</blockquote><script>alert(2)</script>") })
    #expect(quotes.contains { $0.hasSuffix("\"><svg onload=alert(3)>") })
    #expect(quotes.contains { $0.hasSuffix("&lt;already escaped&gt; & <b>bold</b>  bell") })
    #expect(quotes.contains { $0.contains("<script>alert(6)</script> great quality") })
    #expect(cells.contains { $0 == "<b>Bold Certs</b>" })
    #expect(cells.contains { $0 == "<i>UKAS</i>" })
    let paragraphs = doc.elements(named: "p").map { doc.textContent(of: $0) }
    #expect(paragraphs.contains { $0.contains("<img src=x onerror=alert(4)>") })
    #expect(paragraphs.contains { $0.contains("\"><b onmouseover=alert(5)>") })
    let code = doc.elements(named: "code").map { doc.textContent(of: $0) }
    #expect(code.contains("data/evil\"<x>.csv"))
    // Control characters never reach the page.
    #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
  }

  @Test func everyRankedSupplierIsInTheTableInRankOrder() throws {
    let input = ReportFixture.ordinary(count: 45).input(detailCount: 3)
    let doc = HTMLCheck.parse(HTMLReport.render(input))
    #expect(doc.errors.isEmpty, "\(doc.errors)")
    let table = try #require(doc.element(id: "ranking"))
    let rows = doc.elements(named: "tr").filter { doc.ancestors(of: $0).contains(table) }
      .filter { doc.nodes[$0].attribute("data-conf") != nil }
    #expect(rows.count == input.list.suppliers.count)
    #expect(rows.count == 45)
    let ids = doc.elements(named: "span").filter { doc.nodes[$0].attribute("class") == "sid" }
      .map { doc.textContent(of: $0) }
    #expect(ids == input.list.suppliers.map(\.supplier.id))
    let ranks = rows.map { doc.textContent(of: doc.children(of: $0)[0]) }
    #expect(ranks == (1...45).map(String.init))
    // Sort keys the script reads.
    for (row, s) in zip(rows, input.list.suppliers) {
      let node = doc.nodes[row]
      #expect(node.attribute("data-cc") == s.supplier.country)
      #expect(node.attribute("data-score").flatMap(Double.init) == s.score.map { ScoreOutput.rounded($0, 1) })
      #expect(node.attribute("class") == s.standing.rawValue)
    }
    // Three detailed sections, and the top three names link to them (from the ranking, and from
    // the shortlist and the flag overview where they appear there); every link lands.
    let sections = doc.all("section").filter { ($0.attribute("class") ?? "").hasPrefix("supplier") }
    #expect(sections.count == 3)
    let links = doc.all("a").compactMap { $0.attribute("href") }.filter { $0.hasPrefix("#supplier-") }
    #expect(Set(links) == ["#supplier-1", "#supplier-2", "#supplier-3"])
    for link in links { #expect(doc.element(id: String(link.dropFirst())) != nil) }
    let shortlist = try #require(
      doc.elements(named: "ol").first { doc.nodes[$0].attribute("class") == "shortlist" })
    let named = doc.children(of: shortlist).map { doc.textContent(of: $0) }
    let good = input.list.suppliers.filter { $0.standing == .ok && $0.score != nil }.prefix(3)
    #expect(named.count == max(1, good.count))
    for (text, s) in zip(named, good) {
      #expect(text.hasPrefix(s.supplier.name + " (" + s.supplier.id + ")"))
    }
  }

  @Test func largeTablesShowTheFirstRowsAndTheRestOnRequest() throws {
    let input = ReportFixture.ordinary(count: HTMLAssets.rowCap + 20).input(detailCount: 1)
    let doc = HTMLCheck.parse(HTMLReport.render(input))
    let rows = doc.all("tr").filter { $0.attribute("data-conf") != nil }
    #expect(rows.count == HTMLAssets.rowCap + 20)
    let capped = rows.map { ($0.attribute("class") ?? "").hasSuffix(" cap") }
    #expect(capped == rows.indices.map { $0 >= HTMLAssets.rowCap })
    let button = try #require(doc.element(id: "show-all"))
    #expect(doc.nodes[button].attribute("hidden") == "")
    let script = try #require(doc.elements(named: "script").last)
    #expect(doc.textContent(of: script).contains("var limit = \(HTMLAssets.rowCap);"))
    // A small table has neither.
    let small = HTMLCheck.parse(HTMLReport.render(ReportFixture.ordinary(count: 5).input()))
    #expect(small.element(id: "show-all") == nil)
    #expect(!small.all("tr").contains { ($0.attribute("class") ?? "").contains("cap") })
  }

  @Test func nothingIsFetchedFromOutside() throws {
    let html = HTMLReport.render(Self.hostile().input())
    let doc = HTMLCheck.parse(html)
    for node in doc.nodes where node.kind == .element {
      for name in ["src", "href", "xlink:href", "srcset", "action", "poster", "data"] {
        guard let value = node.attribute(name) else { continue }
        #expect(value.hasPrefix("#") || value.hasPrefix("data:"), "<\(node.name) \(name)=\(value)>")
      }
    }
    #expect(doc.all("link").allSatisfy { $0.attribute("rel") == "icon" && $0.attribute("href") == "data:," })
    #expect(doc.all("script").allSatisfy { $0.attribute("src") == nil })
    #expect(doc.all("iframe").isEmpty && doc.all("img").isEmpty)
    let style = try #require(doc.elements(named: "style").first)
    let css = doc.textContent(of: style)
    #expect(!css.contains("url(") && !css.contains("@import") && !css.contains("@font-face"))
    let csp = doc.all("meta").first { $0.attribute("http-equiv") == "Content-Security-Policy" }
    #expect(csp?.attribute("content")?.hasPrefix("default-src 'none'") == true)
  }

  @Test func markupIsAccessible() throws {
    let input = Self.hostile().input()
    let doc = HTMLCheck.parse(HTMLReport.render(input))
    #expect(doc.all("html").first?.attribute("lang") == "en")
    // Every table has a caption first, and every header cell a scope.
    for table in doc.elements(named: "table") {
      let first = try #require(doc.children(of: table).first)
      #expect(doc.nodes[first].name == "caption")
      #expect(!doc.textContent(of: first).isEmpty)
    }
    for th in doc.all("th") { #expect(th.attribute("scope") == "col" || th.attribute("scope") == "row") }
    // Charts are images named by their title and desc.
    let svgs = doc.elements(named: "svg")
    #expect(svgs.count >= 6)
    for svg in svgs {
      let node = doc.nodes[svg]
      #expect(node.attribute("role") == "img")
      let labels = (node.attribute("aria-labelledby") ?? "").split(separator: " ").map(String.init)
      #expect(labels.count == 2)
      for label in labels {
        let target = try #require(doc.element(id: label))
        #expect(doc.ancestors(of: target).contains(svg))
        #expect(!doc.textContent(of: target).isEmpty)
      }
    }
    // Headings do not skip a level.
    var level = 0
    for node in doc.nodes
    where node.kind == .element && ["h1", "h2", "h3", "h4", "h5", "h6"].contains(node.name) {
      let next = Int(node.name.dropFirst())!
      #expect(next <= level + 1, "\(node.name) after h\(level)")
      level = next
    }
    #expect(doc.all("h1").count == 1)
    // Ids are unique.
    let ids = doc.nodes.compactMap { $0.kind == .element ? $0.attribute("id") : nil }
    #expect(Set(ids).count == ids.count)
    // The parser knew every tag but HTML5 and SVG ones.
    #expect(doc.unknownTags.subtracting(html5AndSVGTags).isEmpty, "\(doc.unknownTags)")
  }

  /// Black-box review 63: two reports had the same tab title, a screen reader read a score and its
  /// interval as one number ("94.889–100"), and on paper the ranking lost its Flags column and its
  /// header after the first page.
  @Test func reportsScoresAndPrintedPagesReadApart() throws {
    #expect(
      HTMLReportRenderer.catalogFolder(["datasets/sample/suppliers.csv", "datasets/sample/reviews.csv"])
        == "sample")
    #expect(HTMLReportRenderer.catalogFolder(["a/x.csv", "b/y.csv"]) == nil)
    #expect(HTMLReportRenderer.catalogFolder(["x.csv", "y.csv"]) == nil)
    #expect(HTMLReportRenderer.catalogFolder([]) == nil)
    let doc = HTMLCheck.parse(HTMLReport.render(ReportFixture.ordinary(count: 12).input()))
    let title = try #require(doc.elements(named: "title").first)
    #expect(doc.textContent(of: title).hasPrefix("Supplier trust report: data, 12 suppliers as of "))
    // A filtered report says how many of them it lists.
    var filtered = ReportFixture.ordinary(count: 12).input()
    filtered.list.suppliers = Array(filtered.list.suppliers.prefix(5))
    let narrowed = HTMLCheck.parse(HTMLReport.render(filtered))
    let narrowedTitle = try #require(narrowed.elements(named: "title").first)
    #expect(
      narrowed.textContent(of: narrowedTitle).hasPrefix(
        "Supplier trust report: data, 5 of 12 suppliers as of "))
    let scores = doc.elements(named: "td").filter { (doc.nodes[$0].attribute("class") ?? "").contains("sc") }
    #expect(scores.count == 12)
    for cell in scores {
      let text = doc.textContent(of: cell)
      #expect(
        text.wholeMatch(of: /\d+\.\d \(\d+–\d+\)/) != nil || text == "no score", "\(text)")
    }
    let css = "\(HTMLAssets.css)"
    let print = try #require(css.range(of: "@media print{")).upperBound
    for rule in [
      ".tablewrap{overflow:visible}", "button.sort{display:contents}", "#table-status[data-print]",
    ] {
      #expect(css[print...].contains(rule), "\(rule)")
    }
    #expect(!css.contains("#f0b400"))
    // Flag codes break after their underscores, never mid-word, and read whole (black-box review
    // 67: `cert_unaccredite` / `d` on paper).
    let html = HTMLReport.render(ReportFixture.ordinary(count: 12).input())
    let chips = HTMLCheck.parse(html).all("span").filter { ($0.attribute("class") ?? "").hasPrefix("f ") }
    #expect(!chips.isEmpty)
    #expect(html.contains("cert_<wbr>expired</span>"))
    let parsed = HTMLCheck.parse(html)
    let codes = Set(FlagCode.allCases.map(\.rawValue))
    for chip in parsed.elements(named: "span")
    where (parsed.nodes[chip].attribute("class") ?? "").hasPrefix("f ") {
      #expect(codes.contains(parsed.textContent(of: chip)), "\(parsed.textContent(of: chip))")
    }
    #expect(css[print...].contains("#ranking td:nth-child(8){overflow-wrap:normal}"))
  }

  @Test func missingComponentsShowAsNoEvidenceNotZero() throws {
    var f = ReportFixture()
    let id = f.supplier("SUP-0009") { $0.tradeAssurance = nil }
    f.review(id)
    let input = f.input()
    let s = try #require(input.list.suppliers.first)
    #expect(s.components.certifications == nil && s.components.audits == nil)
    let doc = HTMLCheck.parse(HTMLReport.render(input))
    let breakdown = try #require(
      doc.elements(named: "svg").first { doc.textContent(of: $0).hasPrefix("Score breakdown") })
    let texts = doc.elements(named: "text").filter { doc.ancestors(of: $0).contains(breakdown) }
      .map { doc.textContent(of: $0) }
    // No supplier of this catalog has certificates, audits or orders: those are left out, and the
    // weights shown are those the score used (reviews 0.3 and standing 0.15 of 0.45).
    #expect(texts.filter { $0 == "no evidence (left out)" }.count == 3)
    #expect(texts.contains("Reviews (67%)") && texts.contains("Platform standing (33%)"))
    #expect(texts.contains("Audits (0%)"))
    #expect(!texts.contains("0.00"))
    let desc = doc.textContent(
      of: try #require(doc.elements(named: "desc").first { doc.ancestors(of: $0).contains(breakdown) }))
    #expect(desc.contains("certifications no evidence"))
  }

  /// A component without evidence that still counts (another supplier has that evidence) shows
  /// on its bar what it counts as: "no evidence" beside the points it adds read as a
  /// contradiction (black-box review 47).
  @Test func aComponentWithoutEvidenceShowsWhatItCountsAs() throws {
    var f = ReportFixture()
    let audited = f.supplier("SUP-0001") { $0.tradeAssurance = true }
    f.review(audited)
    f.audit(audited)
    let bare = f.supplier("SUP-0002") { $0.tradeAssurance = true }
    f.review(bare)
    let html = HTMLReport.render(f.input())
    #expect(html.contains(">no evidence: counted as 0.50<"), "the audits bar of SUP-0002")
  }

  /// A supplier not in good standing says why beside its grade, as the JSON's standing_reasons
  /// do (one warned for low confidence alone showed "warned" beside "Red flags: none"), and the
  /// flag summary table scrolls in its own box (black-box review 47).
  @Test func aStandingSaysWhyAndTheFlagTableScrollsInItsBox() throws {
    var f = ReportFixture()
    let id = f.supplier("SUP-0009") { $0.tradeAssurance = nil }
    f.review(id)
    let input = f.input()
    let s = try #require(input.list.suppliers.first)
    #expect(s.standing != .ok && !s.standingReasons.isEmpty, "\(s.standing) \(s.standingReasons)")
    let html = HTMLReport.render(input)
    #expect(html.contains("Why \(s.standing.rawValue): " + s.standingReasons.joined(separator: "; ")))
    #expect(html.contains("<div class=\"tablewrap\"><table class=\"flagcounts\">"))
  }

  @Test func detailedSectionsShowTheirEvidence() throws {
    let input = Self.hostile().input()
    let html = HTMLReport.render(input)
    let doc = HTMLCheck.parse(html)
    let s = try #require(input.list.suppliers.first { $0.supplier.id == "SUP-0001" })
    #expect(s.flags.contains { $0.code == .reviewBurst })
    let section = try #require(
      doc.element(id: "supplier-\(input.list.suppliers.firstIndex { $0.supplier.id == "SUP-0001" }! + 1)"))
    let text = doc.textContent(of: section)
    #expect(text.contains("review_burst"))
    #expect(text.contains("data/evil\"<x>.csv:"))
    #expect(text.contains("Examples from the burst"))
    #expect(text.contains("Reviews per month"))
    #expect(text.contains("Certificate validity"))
    #expect(text.contains("O-1"))
    // The burst is shaded in the monthly chart.
    let rects = doc.all("rect").filter { $0.attribute("class") == "burst" }
    #expect(rects.count == s.reviews.bursts.count)
    #expect(!text.contains("Score over time"))
  }

  @Test func theTrendShowsWhereThereIsHistory() throws {
    let f = ReportFixture.ordinary(count: 6)
    let top = f.input().list.suppliers[0].supplier.id
    let history = [
      top: [
        TrendPoint(asOf: Day(year: 2026, month: 5, day: 1)!, score: 61, confidence: 0.4, grade: "C"),
        TrendPoint(asOf: Day(year: 2026, month: 8, day: 1)!, score: nil, confidence: 0, grade: "E"),
      ]
    ]
    let doc = HTMLCheck.parse(HTMLReport.render(f.input(detailCount: 3, history: history)))
    let trends = doc.elements(named: "svg").filter { doc.textContent(of: $0).hasPrefix("Score over time") }
    #expect(trends.count == 1)
    let trend = try #require(trends.first)
    #expect(doc.ancestors(of: trend).contains(try #require(doc.element(id: "supplier-1"))))
    // Two runs with a score are dots; the unscored one is a dashed line, not a dot at 0.
    let dots = doc.elements(named: "circle").filter { doc.ancestors(of: $0).contains(trend) }
    #expect(dots.count == 2)
    let gaps = doc.elements(named: "line").filter {
      doc.ancestors(of: $0).contains(trend) && doc.nodes[$0].attribute("class") == "noscore"
    }
    #expect(gaps.count == 1)
    #expect(doc.textContent(of: trend).contains("2026-08-01: no score"))
  }

  @Test func criteriaAndOrderCoverageAreShown() throws {
    var criteria = RankingCriteria()
    criteria.countries = ["VN"]
    criteria.orderAmount = Money(cents: 2_000_000)
    let input = ReportFixture.ordinary(count: 20).input(detailCount: 2, criteria: criteria)
    #expect(!input.list.suppliers.isEmpty)
    let doc = HTMLCheck.parse(HTMLReport.render(input))
    let caption = doc.textContent(
      of: try #require(
        doc.elements(named: "caption").first { doc.textContent(of: $0).contains("suppliers for") }))
    #expect(caption.contains("from VN"))
    #expect(caption.contains("Trade Assurance must cover an order of $20,000"))
    let headers = doc.elements(named: "th").map { doc.textContent(of: $0) }
    #expect(headers.contains("Trade Assurance for this order"))
    let covered = doc.elements(named: "span").filter { doc.textContent(of: $0) == "covers it" }
    #expect(covered.count == input.list.suppliers.count)
  }

  @Test func anEmptyListStillMakesAReport() throws {
    var criteria = RankingCriteria()
    criteria.countries = ["ZZ"]
    let input = ReportFixture.ordinary(count: 4).input(criteria: criteria)
    let doc = HTMLCheck.parse(HTMLReport.render(input))
    #expect(doc.errors.isEmpty)
    #expect(
      doc.elements(named: "p").map { doc.textContent(of: $0) }.contains("No supplier matches the criteria."))
  }

  /// A name of thousands of characters is cut in the ranking, the shortlist and the heading, and
  /// kept whole in a tooltip and in its section.
  @Test func aVeryLongNameIsCutWhereItWouldCrowdTheLayout() throws {
    var f = ReportFixture.ordinary(count: 3)
    let long = String(repeating: "Precision Hardware ", count: 160)
    f.catalog.suppliers[0].record.name = long
    let doc = HTMLCheck.parse(HTMLReport.render(f.input()))
    #expect(doc.errors.isEmpty)
    let cut = HTMLReportRenderer.shortName(long)
    #expect(cut.count == 120 && cut.hasSuffix("…"))
    let links = doc.elements(named: "a").filter { doc.nodes[$0].attribute("title") == long }
    #expect(!links.isEmpty)
    for link in links { #expect(doc.textContent(of: link) == cut) }
    #expect(doc.elements(named: "h3").allSatisfy { doc.textContent(of: $0).count < 220 })
    #expect(doc.elements(named: "p").contains { doc.textContent(of: $0) == "Full name: " + long })
  }

  /// Records rejected when the files were read are said where the report begins and counted per
  /// file; a store's import counts are listed but not announced (a rejects file imported since
  /// may hold them).
  @Test func recordsLeftOutAreSaidAtTheTop() throws {
    var f = ReportFixture.ordinary(count: 3)
    f.catalog.sources[0].rejected = 2
    let doc = HTMLCheck.parse(HTMLReport.render(f.input()))
    #expect(doc.errors.isEmpty)
    let notices = doc.elements(named: "p").filter { doc.nodes[$0].attribute("class") == "notice" }
    #expect(
      notices.map { doc.textContent(of: $0) } == [
        "2 records were rejected when the files were read and are left out of every score (data/reviews.csv); supplier-trust check lists each with its line and reason."
      ])
    let table = try #require(
      doc.elements(named: "table").first { doc.nodes[$0].attribute("class") == "sources" })
    #expect(doc.textContent(of: table).contains("Rejected"))
    f.catalog.sources[0].importedAt = "2026-11-20T10:00:00Z"
    let stored = HTMLCheck.parse(HTMLReport.render(f.input()))
    #expect(!stored.elements(named: "p").contains { stored.nodes[$0].attribute("class") == "notice" })
  }

  /// A right-to-left override in a name reversed the report's own words after it; embeddings,
  /// overrides and isolates are dropped, while marks, joiners (emoji sequences) and right-to-left
  /// letters stay.
  @Test func bidirectionalControlsCannotReorderTheReport() {
    #expect(HTMLWriter.escaped("Acme \u{202E}DETIMIL\u{202C} Trading") == "Acme DETIMIL Trading")
    #expect(
      HTMLWriter.escaped("\u{202A}a\u{202B}b\u{202D}c\u{2066}d\u{2067}e\u{2068}f\u{2069}<") == "abcdef&lt;")
    for kept in ["\u{200E}x\u{200F}", "👩\u{200D}💻", "שלום Ltd", "—…", "\u{2065}\u{206A}\u{2029}"] {
      #expect(HTMLWriter.escaped(kept) == kept)
    }
    // Cut off at the end of the text, a three-byte lead stays as it was.
    #expect(HTMLWriter.escaped("a\u{2030}") == "a\u{2030}")
  }

  @Test func theWriterEscapesTextAndAttributes() {
    #expect(HTMLWriter.escaped("a<b>&\"c'd") == "a&lt;b&gt;&amp;&quot;c&#39;d")
    #expect(HTMLWriter.escaped("&amp;") == "&amp;amp;")
    #expect(HTMLWriter.escaped("x\u{0}y\u{7}z\u{85}w\tv\n") == "x y z w\tv\n")
    #expect(HTMLWriter.escaped("Şahin Công ty ★") == "Şahin Công ty ★")
    var w = HTMLWriter()
    w.element("td", ["title": "\"><script>", "class": nil, "hidden": ""], text: "</td>")
    #expect(w.string == "<td title=\"&quot;&gt;&lt;script&gt;\" hidden>&lt;/td&gt;</td>")
  }
}

extension HTMLReportTests {
  @Test func histogramBarsFollowEachSuppliersStanding() throws {
    var f = TextOutputTests.crowded()
    let strong = f.supplier("SUP-0103", name: "Strong But Audited Co.")
    for k in 0..<30 { f.review(strong, rating: 5, daysAgo: 5 + 10 * k) }
    f.certificate(strong)
    f.audit(strong, result: .fail, daysAgo: 30)
    for _ in 0..<6 { f.order(strong) }
    let input = f.input()
    let suppliers = input.list.suppliers.filter { $0.score != nil }
    // Warned suppliers in the ok grade bands are what a band-coloured bar misstated.
    let policy = input.list.run.policy
    #expect(suppliers.contains { $0.standing != policy.band(for: $0.score!).standing })
    let doc = HTMLCheck.parse(HTMLReport.render(input))
    let chart = try #require(
      doc.elements(named: "svg").first { doc.textContent(of: $0).hasPrefix("Score distribution") })
    var drawn: [String: Int] = [:]
    for bar in doc.elements(named: "rect") where doc.ancestors(of: bar).contains(chart) {
      guard let standing = doc.nodes[bar].attribute("class") else { continue }
      let tip = try #require(
        doc.children(of: bar).first.map { doc.textContent(of: $0) }, "bar without a title")
      // "score 60–65: 2 warned of 3 suppliers"
      let words = tip.split(separator: " ")
      #expect(words.count >= 4 && words[3] == standing, "\(tip)")
      drawn[standing, default: 0] += Int(words[2]) ?? -1000
    }
    for standing in Standing.allCases {
      #expect(
        drawn[standing.rawValue, default: 0] == suppliers.filter { $0.standing == standing }.count,
        "\(standing)")
    }
  }
}

extension HTMLReportTests {
  @Test func theTrendShowsNoSnapshotAfterTheReportsDay() throws {
    let f = ReportFixture.ordinary(count: 6)
    let top = f.input().list.suppliers[0].supplier.id
    func point(_ month: Int, _ year: Int = 2026) -> TrendPoint {
      TrendPoint(asOf: Day(year: year, month: month, day: 1)!, score: 70, confidence: 0.5, grade: "B")
    }
    let later = Day(year: 2027, month: 2, day: 1)!
    let history = [top: [point(5), point(8), point(12), point(2, 2027)]]
    let doc = HTMLCheck.parse(HTMLReport.render(f.input(detailCount: 3, history: history)))
    let trend = try #require(
      doc.elements(named: "svg").first { doc.textContent(of: $0).hasPrefix("Score over time") })
    let text = doc.textContent(of: trend)
    #expect(text.contains("2026-08-01"))
    #expect(!text.contains("2026-12-01") && !text.contains(later.description), "\(text)")
    // Two kept snapshots and this report's own point.
    #expect(doc.elements(named: "circle").filter { doc.ancestors(of: $0).contains(trend) }.count == 3)
    let caption = try #require(
      doc.ancestors(of: trend).compactMap { figure in
        doc.children(of: figure).first { doc.nodes[$0].name == "figcaption" }
      }.first)
    #expect(doc.textContent(of: caption).contains("(2 snapshots)"))

    // A snapshot of the report's own day, kept before the store changed, is not this report's
    // point: the report's own score is.
    let asOf = f.input().list.run.asOf
    let own = f.input().list.suppliers[0]
    let stale = TrendPoint(asOf: asOf, score: 12.5, confidence: 0.9, grade: "E")
    let withStale = HTMLCheck.parse(
      HTMLReport.render(f.input(detailCount: 3, history: [top: [point(5), stale]])))
    let staleTrend = try #require(
      withStale.elements(named: "svg").first { withStale.textContent(of: $0).hasPrefix("Score over time") })
    let staleText = withStale.textContent(of: staleTrend)
    #expect(!staleText.contains("12.5"), "\(staleText)")
    #expect(
      staleText.contains("\(asOf): score \(ScoreOutput.fixed(own.score!, 1)), grade \(own.grade)"),
      "\(staleText)")
    #expect(
      withStale.elements(named: "circle").filter { withStale.ancestors(of: $0).contains(staleTrend) }.count
        == 2)

    // Snapshots under other policies are not drawn, but said.
    var withOthers = f.input(detailCount: 3, history: [top: [point(5)]])
    withOthers.otherPolicyDays = [
      top: [Day(year: 2026, month: 6, day: 1)!, Day(year: 2026, month: 7, day: 1)!]
    ]
    let othersHTML = HTMLReport.render(withOthers)
    #expect(
      othersHTML.contains(
        "2 earlier snapshots were kept under other policies and are not drawn: scores under other weights and thresholds do not compare."
      ))
    var onlyOthers = f.input(detailCount: 3)
    onlyOthers.otherPolicyDays = [top: [Day(year: 2026, month: 6, day: 1)!]]
    #expect(
      HTMLReport.render(onlyOthers).contains(
        "<p>No earlier score under this policy. 1 earlier snapshot was kept under other policies and is not drawn: scores under other weights and thresholds do not compare.</p>"
      ))

    let onlyLater = [top: [point(12), point(2, 2027)]]
    let none = HTMLReport.render(f.input(detailCount: 3, history: onlyLater))
    #expect(!none.contains("Score over time"))
  }
}

extension HTMLReportTests {
  @Test func theLegendDefinesAStaleAuditAsTheScorerRaisesIt() {
    // The scorer raises audit_stale for an old audit and for one whose valid_until has passed.
    let meaning = HTMLReportRenderer.meaning(of: .auditStale, policy: .default)
    #expect(meaning.contains("older than \(Policy.default.audits.staleAfterDays) days"))
    #expect(meaning.contains("valid until has passed"))
  }
}

extension HTMLReportTests {
  @Test func oneStarIsSingular() {
    var f = ReportFixture()
    let id = f.supplier("SUP-0001")
    f.review(id, rating: 1)
    f.review(id, rating: 5)
    let html = HTMLReport.render(f.input())
    #expect(html.contains("1 star: 1 review"))
    #expect(html.contains("5 stars: 1"))
    #expect(!html.contains("1 stars"))
  }
}
