import SupplierTrustScoring

/// The detailed section of one supplier: breakdown, flags with evidence, explanation,
/// certificates, audits, reviews, delivery, Trade Assurance and the trend.
extension HTMLReportRenderer {
  mutating func details() {
    w.open("section", ["id": "details", "aria-labelledby": "details-h"])
    w.element("h2", ["id": "details-h"], text: "Suppliers in detail")
    if detailed.isEmpty {
      w.element("p", text: "No supplier to show in detail.")
    } else {
      w.element(
        "p",
        text:
          "The top \(detailed.count) of the ranking: what the score is made of, the evidence behind every flag "
          + "(file:line of the record, and its id), and what would change the score.")
    }
    var ordersBySupplier: [String: [OrderEligibility]] = [:]
    for order in input.orders { ordersBySupplier[order.supplierID, default: []].append(order) }
    for (i, s) in detailed.enumerated() {
      supplierSection(s, rank: i + 1, orders: ordersBySupplier[s.supplier.id] ?? [])
    }
    w.close("section")
  }

  mutating func supplierSection(_ s: SupplierAssessment, rank: Int, orders: [OrderEligibility]) {
    let supplier = s.supplier
    let anchor = Self.anchor(rank: rank)
    w.open(
      "section", ["id": anchor, "class": "supplier " + s.standing.cssClass, "aria-labelledby": anchor + "-h"])
    let heading = Self.shortName(supplier.name, limit: 200)
    w.element("h3", ["id": anchor + "-h"], text: "\(rank). \(heading)")
    if heading != supplier.name { w.element("p", ["class": "muted"], text: "Full name: " + supplier.name) }
    var facts = [supplier.id, supplier.country]
    if let region = supplier.region { facts.append(region) }
    if let type = supplier.businessType {
      facts.append(type.rawValue.replacingOccurrences(of: "_", with: " "))
    }
    if let year = supplier.yearEstablished { facts.append("established \(year)") }
    if let employees = supplier.employees { facts.append("\(employees) employees") }
    w.element("p", ["class": "muted"], text: facts.joined(separator: " · "))
    if !supplier.categories.isEmpty {
      w.element("p", ["class": "muted"], text: "Categories: " + supplier.categories.joined(separator: "; "))
    }

    w.open("div", ["class": "verdict"])
    w.element("span", ["class": "score"], text: s.score.map { ScoreOutput.fixed($0, 1) } ?? "no score")
    w.element(
      "span", ["class": "b " + s.standing.cssClass],
      text: "grade \(s.grade) · \(s.standing.rawValue): \(s.standing.words)")
    if let interval = s.interval {
      w.element(
        "span",
        text:
          "plausible range \(ScoreOutput.fixed(interval.lowerBound, 1))–\(ScoreOutput.fixed(interval.upperBound, 1))"
      )
    }
    w.element("span", text: "confidence \(Int((s.confidence * 100).rounded()))%")
    w.close("div")
    // Why it is not in good standing, as the JSON's standing_reasons say: a supplier warned for
    // low confidence alone showed "warned" beside "Red flags: none" (black-box review 47).
    if !s.standingReasons.isEmpty {
      w.element(
        "p", ["class": "standing-why"],
        text: "Why \(s.standing.rawValue): " + s.standingReasons.joined(separator: "; "))
    }

    w.open("div", ["class": "grid2"])
    w.open("figure")
    componentBars(s)
    w.element(
      "figcaption",
      text:
        "Each component from 0 to 1, with its weight. A component without evidence counts as neutral, not as 0."
    )
    w.close("figure")
    w.open("figure")
    scoreScale(s)
    w.element(
      "figcaption",
      text:
        "The score over the grade bands; the line is the range the score plausibly lies in given the evidence."
    )
    w.close("figure")
    w.close("div")

    flagsBlock(s)
    explanationBlock(s)
    certificatesBlock(s)
    auditsBlock(s)
    reviewsBlock(s)
    deliveryBlock(s)
    tradeAssuranceBlock(s, orders: orders)
    trendBlock(s)
    w.close("section")
  }

  /// "path:line · id" of each record, at most `limit`, then how many more.
  mutating func evidenceList(_ evidence: [Evidence], limit: Int = 8) {
    guard !evidence.isEmpty else { return }
    w.open("div", ["class": "ev"])
    w.text("Evidence: ")
    for (i, e) in evidence.prefix(limit).enumerated() {
      if i > 0 { w.text(", ") }
      w.element("code", text: e.location)
      if let id = e.recordID { w.text(" " + id) }
    }
    if evidence.count > limit {
      w.text(" and \(evidence.count - limit) more")
    }
    w.close("div")
  }

  mutating func flagsBlock(_ s: SupplierAssessment) {
    w.element("h4", text: "Red flags")
    if s.flags.isEmpty {
      w.element("p", text: "None.")
      return
    }
    w.open("ul", ["class": "flags"])
    for flag in s.flags {
      w.open("li", ["class": flag.severity.rawValue])
      w.element("span", ["class": "f " + flag.severity.rawValue], text: flag.code.rawValue)
      w.text(" \(flag.severity.rawValue): ")
      w.text(flag.detail)
      evidenceList(flag.evidence)
      w.close("li")
    }
    w.close("ul")
  }

  mutating func explanationBlock(_ s: SupplierAssessment) {
    w.element("h4", text: "Why this score")
    if s.factors.isEmpty {
      w.element("p", text: "No evidence to explain.")
    } else {
      w.open("div", ["class": "tablewrap"])
      w.open("table")
      w.element("caption", text: "Points each component adds to or takes from a neutral 50")
      w.raw("<thead><tr>")
      w.element("th", ["scope": "col"], text: "Component")
      w.element("th", ["scope": "col", "class": "num"], text: "Points")
      w.element("th", ["scope": "col"], text: "What the evidence says")
      w.raw("</tr></thead>\n<tbody>\n")
      for factor in s.factors {
        w.raw("<tr>")
        w.element("th", ["scope": "row"], text: Self.componentTitle(factor.component))
        let points = ScoreOutput.rounded(factor.points, 1)
        w.element(
          "td", ["class": "num " + (points > 0 ? "pos" : points < 0 ? "neg" : "")],
          text: (points > 0 ? "+" : points < 0 ? "−" : "") + ScoreOutput.fixed(abs(points), 1))
        w.open("td")
        w.text(factor.text)
        evidenceList(factor.evidence, limit: 5)
        w.close("td")
        w.raw("</tr>\n")
      }
      w.raw("</tbody></table></div>\n")
    }
    w.element("h4", text: "What would change the score")
    if s.suggestions.isEmpty {
      w.element("p", text: "Nothing within reach changes it noticeably.")
    } else {
      w.open("ul", ["class": "plain"])
      for suggestion in s.suggestions { w.element("li", text: suggestion) }
      w.close("ul")
    }
  }

  mutating func certificatesBlock(_ s: SupplierAssessment) {
    w.element("h4", text: "Certificates")
    if s.certificates.isEmpty {
      w.element("p", text: "No certificates on record.")
      return
    }
    w.open("figure")
    certificateTimeline(s.certificates)
    w.open("figcaption")
    w.open("span", ["class": "legend"])
    for (cls, words) in [
      ("ok", "valid"), ("warned", "in date, not fully trusted"), ("suspended", "suspended or withdrawn"),
      ("expired", "expired"),
    ] {
      w.open("span")
      swatch(cls)
      w.text(words)
      w.close("span")
    }
    w.close("span")
    w.text("Dashed bars have no issue or expiry date on record.")
    w.close("figcaption")
    w.close("figure")
    w.open("div", ["class": "tablewrap"])
    w.open("table")
    w.element("caption", text: "Certificates and how each was judged")
    w.raw("<thead><tr>")
    for title in ["Standard", "Number", "Issued by", "Accredited by", "Issued", "Expires", "Verdict"] {
      w.element("th", ["scope": "col"], text: title)
    }
    w.element("th", ["scope": "col", "class": "num"], text: "Worth")
    w.raw("</tr></thead>\n<tbody>\n")
    for c in s.certificates {
      let cert = c.certification
      w.raw("<tr>")
      w.element("th", ["scope": "row"], text: cert.standard)
      w.open("td")
      w.text(cert.certificateNumber ?? "–")
      w.element("span", ["class": "ev"], text: " " + c.evidence.location)
      w.close("td")
      w.element("td", text: cert.certificationBody ?? "not stated")
      w.element("td", text: cert.accreditationBody ?? "not stated")
      w.element("td", ["class": "num"], text: cert.issuedOn?.description ?? "–")
      w.element("td", ["class": "num"], text: cert.expiresOn?.description ?? "–")
      w.element("td", text: c.verdict + (c.renewed ? " (renewed)" : ""))
      w.element("td", ["class": "num"], text: ScoreOutput.fixed(c.value, 2))
      w.raw("</tr>\n")
    }
    w.raw("</tbody></table></div>\n")
  }

  mutating func auditsBlock(_ s: SupplierAssessment) {
    w.element("h4", text: "Audits")
    if s.audits.isEmpty {
      w.element("p", text: "No audits on record.")
      return
    }
    let audits = s.audits.sorted { $0.record.date > $1.record.date }
    w.open("div", ["class": "tablewrap"])
    w.open("table")
    w.element("caption", text: "Audits, newest first (the newest one counts)")
    w.raw("<thead><tr>")
    for title in ["Audit", "Kind", "Auditor", "Date", "Result"] {
      w.element("th", ["scope": "col"], text: title)
    }
    w.element("th", ["scope": "col", "class": "num"], text: "Score")
    w.element("th", ["scope": "col", "class": "num"], text: "Major / minor findings")
    w.element("th", ["scope": "col"], text: "Valid until")
    w.raw("</tr></thead>\n<tbody>\n")
    for sourced in audits {
      let a = sourced.record
      w.raw("<tr>")
      w.element("th", ["scope": "row"], text: a.id)
      w.element("td", text: a.kind.rawValue.replacingOccurrences(of: "_", with: " "))
      w.element("td", text: a.auditor ?? "not stated")
      w.element("td", ["class": "num"], text: a.date.description)
      w.element(
        "td", ["class": a.result == .pass ? "yes" : a.result == .fail ? "no" : nil], text: a.result.rawValue)
      w.element("td", ["class": "num"], text: a.score.map { ScoreOutput.format($0) } ?? "–")
      w.element(
        "td", ["class": "num"],
        text: "\(a.majorFindings.map(String.init) ?? "?") / \(a.minorFindings.map(String.init) ?? "?")")
      w.element("td", text: a.validUntil?.description ?? "–")
      w.raw("</tr>\n")
    }
    w.raw("</tbody></table></div>\n")
  }

  mutating func reviewsBlock(_ s: SupplierAssessment) {
    let r = s.reviews
    w.element("h4", text: "Reviews")
    if r.count == 0 {
      w.element("p", text: "No reviews on record.")
      return
    }
    var figures =
      "\(r.count) review\(r.count == 1 ? "" : "s"), \(r.verified) verified purchase\(r.verified == 1 ? "" : "s")"
    if let mean = r.meanRating { figures += "; plain mean \(ScoreOutput.fixed(mean, 2))★" }
    if let adjusted = r.adjustedRating {
      figures += "; adjusted \(ScoreOutput.fixed(adjusted, 2))★ (recent and verified reviews count more, "
      figures +=
        "few reviews are pulled toward the catalog mean \(ScoreOutput.fixed(run.catalogMeanRating, 2))★)"
    }
    if r.suspicious > 0 { figures += "; \(r.suspicious) in detected bursts, almost ignored" }
    w.element("p", text: figures + ".")
    w.open("div", ["class": "grid2"])
    w.open("figure")
    reviewHistogram(r)
    w.close("figure")
    if !r.monthly.isEmpty {
      w.open("figure")
      monthlyTrend(r)
      if !r.bursts.isEmpty {
        w.open("figcaption")
        w.open("span", ["class": "legend"])
        w.open("span")
        swatch("burst")
        w.text("detected burst of suspicious reviews")
        w.close("span")
        w.close("span")
        w.close("figcaption")
      }
      w.close("figure")
    }
    w.close("div")
    if !r.bursts.isEmpty {
      w.open("ul", ["class": "plain"])
      for burst in r.bursts { w.element("li", text: "Burst: " + burst.detail) }
      w.close("ul")
    }
    let all = input.reviews[s.supplier.id] ?? []
    guard !all.isEmpty else { return }
    // A burst holds every review dated from its first to its last day.
    func inBurst(_ review: Review) -> Bool {
      r.bursts.contains { $0.start <= review.date && review.date <= $0.end }
    }
    let inBursts = all.filter(inBurst).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    let newest = all.filter { !inBurst($0) }.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    if !inBursts.isEmpty {
      w.element("h4", text: "Examples from the burst")
      for review in inBursts.prefix(4) { quote(review) }
      if inBursts.count > 4 {
        w.element("p", ["class": "note"], text: "and \(inBursts.count - 4) more like these.")
      }
    }
    if !newest.isEmpty {
      w.element("h4", text: inBursts.isEmpty ? "Newest reviews" : "Newest reviews outside bursts")
      for review in newest.prefix(4) { quote(review) }
    }
  }

  mutating func quote(_ review: Review) {
    w.open("blockquote")
    w.open("span", ["class": "meta"])
    let stars = String(repeating: "★", count: max(0, min(5, Int(review.rating.rounded()))))
    var meta = "\(stars) \(ScoreOutput.format(review.rating)) · \(review.date) · \(review.id)"
    meta += review.verifiedPurchase == true ? " · verified purchase" : " · not verified"
    if let reviewer = review.reviewerID { meta += " · reviewer \(reviewer)" }
    w.text(meta)
    w.close("span")
    w.text(review.text.map { $0.isEmpty ? "(no text)" : $0 } ?? "(no text)")
    w.close("blockquote")
  }

  mutating func deliveryBlock(_ s: SupplierAssessment) {
    let d = s.delivery
    w.element("h4", text: "Delivery and disputes")
    w.open("dl", ["class": "facts"])
    fact(
      "Your orders", d.orders == 0 ? "none up to \(run.asOf)" : "\(d.orders), of which \(d.due) due to ship")
    fact("Shipped late", d.due == 0 ? "–" : "\(d.late) of \(d.due)")
    fact("Your on-time share", d.ownOnTime.map(Self.percent) ?? "no due orders")
    fact("Platform on-time figure", d.platformOnTime.map(Self.percent) ?? "not stated")
    fact("On-time estimate used", d.onTimeEstimate.map(Self.percent) ?? "no evidence")
    fact("Disputed or refunded", d.withDisputeStatus == 0 ? "–" : "\(d.disputed) of \(d.withDisputeStatus)")
    fact("Dispute rate", d.disputeRate.map(Self.percent) ?? (d.orders == 0 ? "no orders" : "not stated"))
    fact(
      "Refunded to you",
      d.refundedUSD > 0 ? Money(cents: Int64((d.refundedUSD * 100).rounded())).displayed : "nothing")
    w.close("dl")
  }

  mutating func tradeAssuranceBlock(_ s: SupplierAssessment, orders: [OrderEligibility]) {
    let supplier = s.supplier
    w.element("h4", text: "Trade Assurance")
    var text: String
    switch supplier.tradeAssurance {
    case true?:
      text = "Takes part in Trade Assurance"
      text +=
        supplier.tradeAssuranceLimit.map { ", covering orders up to \($0.displayed)." }
        ?? "; the limit is not stated."
    case false?: text = "Does not take part in Trade Assurance: an order is not protected by the platform."
    case nil: text = "Whether the supplier takes part in Trade Assurance is not known."
    }
    if let amount = input.orderAmount {
      if supplier.tradeAssurance == true, let limit = supplier.tradeAssuranceLimit {
        text +=
          limit >= amount
          ? " It covers this order of \(amount.displayed) in full."
          : " It does not cover this order of \(amount.displayed) in full."
      } else {
        text += " It cannot be shown to cover this order of \(amount.displayed)."
      }
    }
    w.element("p", text: text)
    guard !orders.isEmpty else { return }
    w.open("div", ["class": "tablewrap"])
    w.open("table")
    w.element(
      "caption", text: "Your orders with this supplier: protection, claims and disputes as of \(run.asOf)")
    w.raw("<thead><tr>")
    w.element("th", ["scope": "col"], text: "Order")
    w.element("th", ["scope": "col", "class": "num"], text: "Amount")
    w.element("th", ["scope": "col"], text: "Protected")
    w.element("th", ["scope": "col"], text: "Claims")
    w.element("th", ["scope": "col"], text: "Dispute")
    w.raw("</tr></thead>\n<tbody>\n")
    for order in orders {
      w.raw("<tr>")
      w.open("th", ["scope": "row"])
      w.text(order.orderID)
      w.element("span", ["class": "ev"], text: " " + order.evidence.location)
      w.close("th")
      w.element("td", ["class": "num"], text: order.amount.displayed)
      w.open("td")
      if order.protected {
        w.element("span", ["class": "yes"], text: "yes")
        if order.coveredAmount < order.amount { w.text(" up to \(order.coveredAmount.displayed)") }
      } else {
        w.element("span", ["class": "no"], text: "no")
      }
      if !order.reasons.isEmpty { w.text(": " + order.reasons.joined(separator: "; ")) }
      w.close("td")
      w.open("td")
      if order.claims.isEmpty { w.text("–") }
      for (i, claim) in order.claims.enumerated() {
        if i > 0 { w.raw("<br>") }
        w.element(
          "span", ["class": claim.eligible ? "yes" : "no"],
          text: claim.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            + (claim.eligible ? " claim open" : " no claim"))
        w.text(": " + claim.detail)
      }
      w.close("td")
      w.element(
        "td",
        text: order.dispute.map {
          "\($0.status.rawValue.replacingOccurrences(of: "_", with: " "))\($0.openedOn.map { ", opened \($0)" } ?? ""): \($0.stage)"
        } ?? "–")
      w.raw("</tr>\n")
    }
    w.raw("</tbody></table></div>\n")
  }

  mutating func trendBlock(_ s: SupplierAssessment) {
    // A back-dated report must not show scores from after its own day: the store keeps every run's
    // snapshot, later ones included. Its own day is this report's point: a snapshot of that day
    // kept before the store changed showed a fall from B to D that never happened (black-box
    // review 53).
    let history = (input.history[s.supplier.id] ?? []).filter { $0.asOf < run.asOf }
    let others = (input.otherPolicyDays[s.supplier.id] ?? []).filter { $0 < run.asOf }.count
    let otherWords =
      others == 0
      ? ""
      : " \(others) earlier snapshot\(others == 1 ? " was" : "s were") kept under other policies and \(others == 1 ? "is" : "are") not drawn: scores under other weights and thresholds do not compare."
    guard !history.isEmpty else {
      if others > 0 {
        w.element("h4", text: "Score over time")
        w.element("p", text: "No earlier score under this policy." + otherWords)
      }
      return
    }
    w.element("h4", text: "Score over time")
    w.open("figure")
    let current = TrendPoint(asOf: run.asOf, score: s.score, confidence: s.confidence, grade: s.grade)
    trendChart(history, current: current)
    w.element(
      "figcaption",
      text:
        "Scores kept by earlier runs of supplier-trust score on this store under this policy (\(history.count) snapshot\(history.count == 1 ? "" : "s")), and this report's (hollow dot)."
        + otherWords
    )
    w.close("figure")
  }
}
