import SupplierTrustScoring

/// Inline SVG charts. Each is an `img` to assistive technology, named by its `<title>` and
/// summarised by its `<desc>`; bars and points carry their own `<title>` as a tooltip. Every figure
/// they show is also written out as text or a table next to them.
extension HTMLReportRenderer {
  /// A coordinate with at most one decimal.
  static func n(_ x: Double) -> String { ScoreOutput.format(ScoreOutput.rounded(x, 1)) }

  mutating func svgStart(width: Int, height: Int, title: String, description: String) {
    let titleID = uid("chart-t")
    let descID = uid("chart-d")
    w.open(
      "svg",
      [
        "class": "chart", "viewBox": "0 0 \(width) \(height)", "width": String(width),
        "height": String(height),
        "role": "img", "aria-labelledby": "\(titleID) \(descID)",
      ])
    w.element("title", ["id": titleID], text: title)
    w.element("desc", ["id": descID], text: description)
  }

  mutating func rect(
    _ x: Double, _ y: Double, _ width: Double, _ height: Double, _ cssClass: String?, tip: String?
  ) {
    let attributes: KeyValuePairs<StaticString, String?> = [
      "x": Self.n(x), "y": Self.n(y), "width": Self.n(max(0, width)), "height": Self.n(max(0, height)),
      "class": cssClass,
    ]
    if let tip {
      w.element("rect", attributes) { $0.element("title", text: tip) }
    } else {
      w.svgLeaf("rect", attributes)
    }
  }

  mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cssClass: String) {
    w.svgLeaf(
      "line", ["x1": Self.n(x1), "y1": Self.n(y1), "x2": Self.n(x2), "y2": Self.n(y2), "class": cssClass])
  }

  mutating func label(
    _ x: Double, _ y: Double, _ text: String, anchor: String? = nil, cssClass: String? = nil
  ) {
    w.element("text", ["x": Self.n(x), "y": Self.n(y), "text-anchor": anchor, "class": cssClass], text: text)
  }

  /// Up to five round tick values from 0 to at least `maximum`.
  static func ticks(upTo maximum: Double) -> [Double] {
    guard maximum > 0 else { return [0, 1] }
    var magnitude = 1.0
    while magnitude * 10 <= maximum { magnitude *= 10 }
    while magnitude > maximum { magnitude /= 10 }
    for step in [magnitude / 5, magnitude / 2, magnitude, magnitude * 2, magnitude * 5, magnitude * 10]
    where step >= 1 && (maximum / step).rounded(.up) <= 5 {
      let top = (maximum / step).rounded(.up) * step
      return stride(from: 0.0, through: top + step / 2, by: step).map { $0 }
    }
    return [0, maximum]
  }

  // MARK: - Summary

  /// Histogram of scores in 5-point bins, each bar stacked by the suppliers' own standings: a flag or a
  /// low confidence warns whatever the score, so a grade band's colour would misstate the legend.
  mutating func scoreHistogram(_ suppliers: [SupplierAssessment]) {
    var bins = Array(repeating: 0, count: 20)
    var standings = Array(repeating: [Standing: Int](), count: 20)
    var unscored = 0
    for s in suppliers {
      guard let score = s.score else {
        unscored += 1
        continue
      }
      let bin = min(19, max(0, Int(score / 5)))
      bins[bin] += 1
      standings[bin][s.standing, default: 0] += 1
    }
    let bands = policy.bands.sorted { $0.minimumScore < $1.minimumScore }
    var perBand: [String] = []
    for (i, band) in bands.enumerated().reversed() {
      let upper = i + 1 < bands.count ? bands[i + 1].minimumScore : 100.1
      let count = suppliers.filter { ($0.score ?? -1) >= band.minimumScore && ($0.score ?? -1) < upper }.count
      perBand.append("\(band.grade) (\(ScoreOutput.format(band.minimumScore)) or more): \(count)")
    }
    let byStanding = Standing.allCases.map { standing in
      "\(standing.rawValue) \(standings.reduce(0) { $0 + ($1[standing] ?? 0) })"
    }
    let description =
      "Scores of the \(suppliers.count) suppliers in this report in bins of 5 points. By grade: "
      + perBand.joined(separator: ", ") + ". Scored suppliers by standing: "
      + byStanding.joined(separator: ", ") + (unscored > 0 ? "; \(unscored) without a score." : ".")
    let (width, height) = (600, 230)
    let (left, right, top, bottom) = (40.0, 12.0, 26.0, 36.0)
    let plotWidth = Double(width) - left - right
    let plotHeight = Double(height) - top - bottom
    let ticks = Self.ticks(upTo: Double(bins.max() ?? 0))
    let maxTick = ticks.last ?? 1
    w.open("figure")
    svgStart(width: width, height: height, title: "Score distribution", description: description)
    for t in ticks {
      let y = top + plotHeight - plotHeight * t / maxTick
      line(left, y, left + plotWidth, y, "grid")
      label(left - 6, y + 4, ScoreOutput.format(t), anchor: "end", cssClass: "lbl")
    }
    let binWidth = plotWidth / 20
    for (i, count) in bins.enumerated() where count > 0 {
      let range = "\(i * 5)–\(i * 5 + 5)"
      var below = 0
      for standing in Standing.allCases {
        guard let n = standings[i][standing], n > 0 else { continue }
        let h = plotHeight * Double(n) / maxTick
        let y = top + plotHeight - plotHeight * Double(below) / maxTick - h
        rect(
          left + Double(i) * binWidth + 1, y, binWidth - 2, h, standing.cssClass,
          tip: "score \(range): \(n) \(standing.rawValue) of \(count) supplier\(count == 1 ? "" : "s")")
        below += n
      }
    }
    // Grade thresholds and letters.
    for (i, band) in bands.enumerated() {
      let x0 = left + plotWidth * band.minimumScore / 100
      let x1 = left + plotWidth * (i + 1 < bands.count ? bands[i + 1].minimumScore : 100) / 100
      if band.minimumScore > 0 { line(x0, top - 8, x0, top + plotHeight, "grid") }
      label((x0 + x1) / 2, top - 10, band.grade, anchor: "middle", cssClass: "lbl")
    }
    line(left, top + plotHeight, left + plotWidth, top + plotHeight, "axis")
    for t in stride(from: 0, through: 100, by: 20) {
      label(
        left + plotWidth * Double(t) / 100, top + plotHeight + 16, String(t), anchor: "middle",
        cssClass: "lbl")
    }
    label(left + plotWidth / 2, Double(height) - 4, "score", anchor: "middle", cssClass: "lbl")
    w.close("svg")
    w.open("figcaption")
    legend()
    if unscored > 0 {
      w.text("\(unscored) supplier\(unscored == 1 ? " has" : "s have") no score (no evidence at all).")
    }
    w.close("figcaption")
    w.close("figure")
  }

  /// A small colour sample for a legend (decorative: the words beside it say the same).
  mutating func swatch(_ cssClass: String) {
    w.element("i", ["class": cssClass, "aria-hidden": "true"], text: "")
  }

  mutating func legend() {
    w.open("span", ["class": "legend"])
    for standing in Standing.allCases {
      w.open("span")
      swatch(standing.cssClass)
      w.text("\(standing.rawValue): \(standing.words)")
      w.close("span")
    }
    w.close("span")
  }

  // MARK: - One supplier

  /// One bar per component, 0 to 1; a component without evidence is an outline marked "no evidence".
  mutating func componentBars(_ s: SupplierAssessment) {
    // The weights this run used: a component no supplier has evidence for is left out and the
    // others scale up (black-box review 25 could not rebuild a score from the nominal weights).
    let weights = Dictionary(uniqueKeysWithValues: run.effectiveWeights.map { ($0.name, $0.share) })
    let parts = s.components.all.map { c in
      "\(c.name) " + (c.value.map { ScoreOutput.fixed($0, 2) } ?? "no evidence")
    }
    let (width, rowHeight) = (560, 30)
    let height = rowHeight * 5 + 8
    let (trackX, trackWidth) = (170.0, 320.0)
    svgStart(
      width: width, height: height,
      title: "Score breakdown of \(HTMLReportRenderer.shortName(s.supplier.name))",
      description: "Component values from 0 to 1: " + parts.joined(separator: ", ") + ".")
    for (i, c) in s.components.all.enumerated() {
      let y = Double(i * rowHeight) + 6
      let weight = weights[c.name] ?? 0
      label(0, y + 13, "\(Self.componentTitle(c.name)) (\(Int((weight * 100).rounded()))%)")
      if let value = c.value {
        rect(trackX, y, trackWidth, 18, "track", tip: nil)
        let standing = policy.band(for: value * 100).standing
        rect(
          trackX, y, trackWidth * value, 18, standing.cssClass,
          tip: "\(c.name): \(ScoreOutput.fixed(value, 2))")
        label(trackX + trackWidth + 8, y + 13, ScoreOutput.fixed(value, 2))
      } else {
        let counted =
          weight == 0
          ? "left out: no supplier in this catalog has this evidence"
          : c.name == "reviews"
            ? "counted as the catalog's prior alone gives (\(ScoreOutput.fixed(run.priorReviewValue, 2)))"
            : "counted as neutral (\(ScoreOutput.fixed(policy.missingComponentValue, 2)))"
        rect(trackX, y, trackWidth, 18, "noev", tip: "\(c.name): no evidence, \(counted)")
        // The value it counts at, on the bar itself: "no evidence" beside the points the same
        // component adds in "Why this score" read as a contradiction (black-box review 47).
        let countedAt = c.name == "reviews" ? run.priorReviewValue : policy.missingComponentValue
        label(
          trackX + trackWidth / 2, y + 13,
          weight == 0
            ? "no evidence (left out)" : "no evidence: counted as \(ScoreOutput.fixed(countedAt, 2))",
          anchor: "middle",
          cssClass: "noev-t")
      }
    }
    w.close("svg")
  }

  static func componentTitle(_ name: String) -> String {
    switch name {
    case "reviews": return "Reviews"
    case "certifications": return "Certificates"
    case "audits": return "Audits"
    case "delivery": return "Delivery"
    case "standing": return "Platform standing"
    default: return name
    }
  }

  /// The score on a 0-100 scale over the grade bands, with its plausible range.
  mutating func scoreScale(_ s: SupplierAssessment) {
    let (width, height) = (560, 74)
    let (x0, span) = (14.0, 532.0)
    func x(_ v: Double) -> Double { x0 + span * min(100, max(0, v)) / 100 }
    let description: String
    if let score = s.score, let interval = s.interval {
      description =
        "Score \(ScoreOutput.fixed(score, 1)); with confidence \(Int((s.confidence * 100).rounded()))% it plausibly lies between \(ScoreOutput.fixed(interval.lowerBound, 1)) and \(ScoreOutput.fixed(interval.upperBound, 1))."
    } else {
      description = "No score: there is no evidence about this supplier."
    }
    svgStart(width: width, height: height, title: "Score and confidence interval", description: description)
    let bands = policy.bands.sorted { $0.minimumScore < $1.minimumScore }
    for (i, band) in bands.enumerated() {
      let upper = i + 1 < bands.count ? bands[i + 1].minimumScore : 100
      rect(
        x(band.minimumScore), 6, x(upper) - x(band.minimumScore), 22, "band-" + band.standing.cssClass,
        tip: nil)
      label((x(band.minimumScore) + x(upper)) / 2, 22, band.grade, anchor: "middle", cssClass: "lbl")
    }
    if let score = s.score {
      if let interval = s.interval {
        line(x(interval.lowerBound), 42, x(interval.upperBound), 42, "iv")
      }
      w.element("circle", ["cx": Self.n(x(score)), "cy": "42", "r": "6", "class": "dot"]) {
        $0.element("title", text: "score \(ScoreOutput.fixed(score, 1))")
      }
    } else {
      label(x(50), 46, "no score", anchor: "middle", cssClass: "noev-t")
    }
    for t in stride(from: 0, through: 100, by: 25) {
      label(x(Double(t)), 68, String(t), anchor: "middle", cssClass: "lbl")
    }
    w.close("svg")
  }

  /// Certificates on a time line from issue to expiry, with the as-of day marked.
  mutating func certificateTimeline(_ certificates: [CertificateAssessment]) {
    let asOf = run.asOf
    var low = asOf.adding(days: -365)
    var high = asOf.adding(days: 365)
    for c in certificates {
      if let issued = c.certification.issuedOn { low = min(low, issued) }
      if let expires = c.certification.expiresOn { high = max(high, expires) }
    }
    low = max(low, asOf.adding(years: -12))
    high = min(high, asOf.adding(years: 12))
    let (labelWidth, plotWidth, rowHeight, top) = (200.0, 500.0, 24.0, 8.0)
    let width = 720
    let height = Int(top + rowHeight * Double(certificates.count) + 30)
    let span = Double(max(1, low.days(until: high)))
    func x(_ day: Day) -> Double {
      labelWidth + plotWidth * Double(min(max(0, low.days(until: day)), Int(span))) / span
    }
    let description = certificates.map {
      "\($0.certification.standard) \($0.certification.certificateNumber ?? ""): \($0.verdict)"
    }.joined(separator: "; ")
    svgStart(
      width: width, height: height, title: "Certificate validity",
      description: "Validity from issue to expiry, as of \(asOf): " + description + ".")
    // Year ticks.
    let years = high.year - low.year
    let every = years > 16 ? 4 : years > 8 ? 2 : 1
    var year = low.year + 1
    while year <= high.year {
      if year % every == 0, let day = Day(year: year, month: 1, day: 1) {
        line(x(day), top - 4, x(day), top + rowHeight * Double(certificates.count), "grid")
        label(x(day), Double(height) - 8, String(year), anchor: "middle", cssClass: "lbl")
      }
      year += 1
    }
    for (i, c) in certificates.enumerated() {
      let cert = c.certification
      let y = top + Double(i) * rowHeight
      var name = cert.standard + (cert.certificateNumber.map { " · " + $0 } ?? "")
      if name.count > 30 { name = String(name.prefix(29)) + "…" }
      label(0, y + 15, name)
      let start = cert.issuedOn.map { max($0, low) } ?? low
      let end = cert.expiresOn.map { min($0, high) } ?? high
      let state = Self.timelineState(c, asOf: asOf)
      let open = cert.issuedOn == nil || cert.expiresOn == nil
      let tip =
        "\(cert.standard) \(cert.certificateNumber ?? ""): issued \(cert.issuedOn?.description ?? "unknown"), "
        + "expires \(cert.expiresOn?.description ?? "not stated"); \(c.verdict)"
      rect(x(start), y + 5, max(3, x(end) - x(start)), 14, "tl-\(state)" + (open ? " open" : ""), tip: tip)
    }
    let asOfX = x(asOf)
    line(asOfX, top - 6, asOfX, top + rowHeight * Double(certificates.count) + 2, "asof")
    label(asOfX + 4, Double(height) - 20, "as of \(asOf)", cssClass: "asof-t")
    w.close("svg")
  }

  /// valid, doubtful (in date but not fully trusted), suspended (or withdrawn, cancelled) or expired.
  static func timelineState(_ c: CertificateAssessment, asOf: Day) -> String {
    switch c.certification.status {
    case .suspended?, .withdrawn?, .cancelled?: return "suspended"
    case .expired?: return "expired"
    default: break
    }
    if let expires = c.certification.expiresOn, expires < asOf { return "expired" }
    return c.isValid ? "valid" : "doubtful"
  }

  /// Reviews per star rating (one to five).
  mutating func reviewHistogram(_ reviews: ReviewSummary) {
    let total = max(1, reviews.histogram.reduce(0, +))
    let (width, rowHeight) = (380, 22)
    let height = rowHeight * 5 + 6
    let (trackX, trackWidth) = (44.0, 260.0)
    let parts = (1...5).reversed().map { "\($0) star\($0 == 1 ? "" : "s"): \(reviews.histogram[$0 - 1])" }
    svgStart(
      width: width, height: height, title: "Ratings",
      description: "Reviews by rating, rounded to whole stars: " + parts.joined(separator: ", ") + ".")
    for (row, stars) in (1...5).reversed().enumerated() {
      let count = reviews.histogram[stars - 1]
      let y = Double(row * rowHeight) + 4
      label(0, y + 12, "\(stars) ★")
      rect(trackX, y, trackWidth, 15, "track", tip: nil)
      rect(
        trackX, y, trackWidth * Double(count) / Double(total), 15, "bar",
        tip: "\(stars) star\(stars == 1 ? "" : "s"): \(count) review\(count == 1 ? "" : "s")")
      label(
        trackX + trackWidth + 8, y + 12, "\(count) (\(Int((100 * Double(count) / Double(total)).rounded()))%)"
      )
    }
    w.close("svg")
  }

  static func monthIndex(_ day: Day) -> Int {
    let c = day.components
    return c.year * 12 + c.month - 1
  }

  static func monthLabel(_ index: Int) -> String {
    let month = index % 12 + 1
    return "\(index / 12)-\(month < 10 ? "0" : "")\(month)"
  }

  /// Reviews per month (bars) and their mean rating (dots), with detected bursts shaded.
  mutating func monthlyTrend(_ reviews: ReviewSummary) {
    guard let first = reviews.monthly.first?.month, let last = reviews.monthly.last?.month else { return }
    var firstIndex = Self.monthIndex(first)
    var lastIndex = Self.monthIndex(last)
    for burst in reviews.bursts {
      firstIndex = min(firstIndex, Self.monthIndex(burst.start))
      lastIndex = max(lastIndex, Self.monthIndex(burst.end))
    }
    let months = lastIndex - firstIndex + 1
    let (width, height) = (720, 230)
    let (left, right, top, bottom) = (40.0, 40.0, 26.0, 40.0)
    let plotWidth = Double(width) - left - right
    let plotHeight = Double(height) - top - bottom
    let slot = plotWidth / Double(months)
    let ticks = Self.ticks(upTo: Double(reviews.monthly.map(\.count).max() ?? 1))
    let maxTick = ticks.last ?? 1
    func x(_ day: Day) -> Double {
      let c = day.components
      let daysInMonth = Double(day.firstOfMonth.days(until: day.firstOfMonth.adding(days: 31).firstOfMonth))
      return left + slot * (Double(Self.monthIndex(day) - firstIndex) + Double(c.day - 1) / daysInMonth)
    }
    func yRating(_ r: Double) -> Double { top + plotHeight - plotHeight * (r - 1) / 4 }
    let busiest = reviews.monthly.max { $0.count < $1.count }
    var description =
      "\(reviews.monthly.reduce(0) { $0 + $1.count }) reviews from \(Self.monthLabel(firstIndex)) to \(Self.monthLabel(lastIndex))"
    if let busiest {
      description +=
        "; busiest month \(Self.monthLabel(Self.monthIndex(busiest.month))) with \(busiest.count)"
    }
    if !reviews.bursts.isEmpty {
      description += "; bursts: " + reviews.bursts.map { "\($0.start) to \($0.end)" }.joined(separator: ", ")
    }
    svgStart(width: width, height: height, title: "Reviews per month", description: description + ".")
    for t in ticks {
      let y = top + plotHeight - plotHeight * t / maxTick
      line(left, y, left + plotWidth, y, "grid")
      label(left - 6, y + 4, ScoreOutput.format(t), anchor: "end", cssClass: "lbl")
    }
    for stars in 1...5 {
      label(left + plotWidth + 6, yRating(Double(stars)) + 4, "\(stars)★", cssClass: "lbl")
    }
    for burst in reviews.bursts {
      let x0 = x(burst.start)
      let x1 = max(x0 + 4, x(burst.end.adding(days: 1)))
      rect(x0, top, x1 - x0, plotHeight, "burst", tip: "burst: " + burst.detail)
      label(x0, top - 6, "burst", cssClass: "burst-t")
    }
    // Mean ratings are joined only between neighbouring months: a line across months without
    // reviews would suggest ratings nobody gave.
    var runs: [[(Double, Double)]] = []
    var previous: Int?
    for m in reviews.monthly {
      let i = Self.monthIndex(m.month) - firstIndex
      let h = plotHeight * Double(m.count) / maxTick
      rect(
        left + Double(i) * slot + slot * 0.15, top + plotHeight - h, slot * 0.7, h, "bar",
        tip:
          "\(Self.monthLabel(Self.monthIndex(m.month))): \(m.count) review\(m.count == 1 ? "" : "s"), mean \(ScoreOutput.fixed(m.mean, 1))★"
      )
      let point = (left + (Double(i) + 0.5) * slot, yRating(m.mean))
      if let previous, previous == i - 1 { runs[runs.count - 1].append(point) } else { runs.append([point]) }
      previous = i
    }
    for run in runs where run.count > 1 {
      w.svgLeaf(
        "polyline",
        ["points": run.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " "), "class": "line"])
    }
    for p in runs.joined() {
      w.svgLeaf("circle", ["cx": Self.n(p.0), "cy": Self.n(p.1), "r": "2.8", "class": "dot"])
    }
    line(left, top + plotHeight, left + plotWidth, top + plotHeight, "axis")
    let every = max(1, Int((Double(months) / 8).rounded(.up)))
    for i in stride(from: 0, to: months, by: every) {
      label(
        left + (Double(i) + 0.5) * slot, top + plotHeight + 16, Self.monthLabel(firstIndex + i),
        anchor: "middle", cssClass: "lbl")
    }
    label(
      left, Double(height) - 4, "bars: reviews per month (left axis); dots: mean rating (right axis)",
      cssClass: "lbl")
    w.close("svg")
  }

  /// Past scores of a supplier (and this report's) on a time axis over the grade bands.
  mutating func trendChart(_ history: [TrendPoint], current: TrendPoint) {
    // This report's own run stands for its day: a snapshot of that day kept before the store
    // changed showed a fall from B to D that never happened (black-box review 53).
    var points = history.filter { $0.asOf != current.asOf } + [current]
    points.sort { $0.asOf < $1.asOf }
    let (width, height) = (720, 210)
    let (left, right, top, bottom) = (40.0, 20.0, 12.0, 34.0)
    let plotWidth = Double(width) - left - right
    let plotHeight = Double(height) - top - bottom
    let firstDay = points.first!.asOf
    let lastDay = points.last!.asOf
    let span = Double(max(1, firstDay.days(until: lastDay)))
    func x(_ day: Day) -> Double {
      points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(firstDay.days(until: day)) / span
    }
    func y(_ score: Double) -> Double { top + plotHeight - plotHeight * score / 100 }
    let description = points.map {
      "\($0.asOf): \($0.score.map { ScoreOutput.fixed($0, 1) } ?? "no score") (\($0.grade))"
    }.joined(separator: "; ")
    svgStart(width: width, height: height, title: "Score over time", description: description + ".")
    let bands = policy.bands.sorted { $0.minimumScore < $1.minimumScore }
    for (i, band) in bands.enumerated() {
      let upper = i + 1 < bands.count ? bands[i + 1].minimumScore : 100
      rect(
        left, y(upper), plotWidth, y(band.minimumScore) - y(upper), "band-" + band.standing.cssClass, tip: nil
      )
      label(left - 6, y((band.minimumScore + upper) / 2) + 4, band.grade, anchor: "end", cssClass: "lbl")
    }
    let scored = points.filter { $0.score != nil }
    if scored.count > 1 {
      w.svgLeaf(
        "polyline",
        [
          "points": scored.map { "\(Self.n(x($0.asOf))),\(Self.n(y($0.score!)))" }.joined(separator: " "),
          "class": "line",
        ])
    }
    for p in points {
      let isCurrent = p.asOf == current.asOf
      let tip =
        "\(p.asOf): " + (p.score.map { "score \(ScoreOutput.fixed($0, 1))" } ?? "no score")
        + ", grade \(p.grade), confidence \(Int((p.confidence * 100).rounded()))%"
        + (isCurrent ? " (this report)" : "")
      guard let score = p.score else {
        // No score is no point on the scale: a dashed line across the plot on that day, not a dot
        // at 0 (black-box review 25 read one as a jump from 0).
        w.element(
          "line",
          [
            "x1": Self.n(x(p.asOf)), "y1": Self.n(top), "x2": Self.n(x(p.asOf)),
            "y2": Self.n(top + plotHeight),
            "class": "noscore",
          ]
        ) { $0.element("title", text: tip) }
        continue
      }
      w.element(
        "circle",
        [
          "cx": Self.n(x(p.asOf)), "cy": Self.n(y(score)), "r": isCurrent ? "5" : "4",
          "class": isCurrent ? "dot now" : "dot",
        ]
      ) { $0.element("title", text: tip) }
    }
    line(left, top + plotHeight, left + plotWidth, top + plotHeight, "axis")
    label(
      left, Double(height) - 8, firstDay.description, anchor: points.count == 1 ? nil : "start",
      cssClass: "lbl")
    if points.count > 1 {
      label(left + plotWidth, Double(height) - 8, lastDay.description, anchor: "end", cssClass: "lbl")
    }
    w.close("svg")
  }
}
