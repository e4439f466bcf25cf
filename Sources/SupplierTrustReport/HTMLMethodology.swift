import SupplierTrustScoring

/// "How to read this report": what the score, its components, grades, flags and Trade Assurance
/// mean, with the numbers of the policy the run used, and every policy setting with its reason.
extension HTMLReportRenderer {
  mutating func methodology() {
    let p = policy
    w.open("section", ["id": "methodology", "aria-labelledby": "methodology-h"])
    w.element("h2", ["id": "methodology-h"], text: "How to read this report")
    w.element(
      "p",
      text:
        "Every supplier is scored from the evidence in the data sources, as of \(run.asOf), with the scoring policy "
        + "\(p.name). The same data, day and policy always give the same scores; the policy hash identifies the "
        + "exact numbers used.")

    w.element("h3", text: "The score")
    let aggregation =
      p.aggregation == .weightedMean
      ? "the weighted mean of the five components"
      : "the weakest of the five components (weakest link; suppliers with the same weakest one are ordered by "
        + "the weighted mean of all five)"
    w.element(
      "p",
      text:
        "The score runs from 0 to 100, higher is more trustworthy. It is 100 × \(aggregation). A component without "
        + "any evidence counts as neutral (\(ScoreOutput.format(policy.missingComponentValue))) — never as 0 or as full marks — and the "
        + "chart of a supplier shows it as “no evidence”; the missing evidence lowers the confidence instead. "
        + "No reviews count as the catalog's prior alone gives (\(ScoreOutput.fixed(run.priorReviewValue, 2)) in this "
        + "run): its mean rating less the uncertainty of knowing nothing else. A component no supplier in the "
        + "catalog has evidence for is left out of every score, and the other weights scale up (the table gives the "
        + "weights this run used). A supplier with no evidence at all has no score.")
    // In its own scrolling box, as the other tables: at 320 px it widened the page (code review).
    w.open("div", ["class": "tablewrap"])
    w.open("table")
    w.element("caption", text: "The five components and their weights in this policy")
    w.raw("<thead><tr>")
    w.element("th", ["scope": "col"], text: "Component")
    w.element("th", ["scope": "col", "class": "num"], text: "Weight")
    w.element("th", ["scope": "col"], text: "What it measures")
    w.raw("</tr></thead>\n<tbody>\n")
    for (name, share) in run.effectiveWeights {
      w.raw("<tr>")
      w.element("th", ["scope": "row"], text: Self.componentTitle(name))
      w.element(
        "td", ["class": "num"],
        text: run.componentAverages.all.first { $0.name == name }?.value == nil
          ? "left out (no evidence in the catalog)" : "\(Int((100 * share).rounded()))%")
      w.element("td", text: componentMeaning(name))
      w.raw("</tr>\n")
    }
    w.raw("</tbody></table></div>\n")

    w.element("h3", text: "Confidence and the plausible range")
    w.element(
      "p",
      text:
        "Confidence (0 to 100%) says how much evidence stands behind the score: it grows with the number and "
        + "recency of reviews (half-way at \(ScoreOutput.format(p.confidence.reviewsHalf)) weighted reviews), your own "
        + "orders (half-way at \(ScoreOutput.format(p.confidence.ordersHalf))), a fresh audit, complete certificates and "
        + "a complete profile. The plausible range is the score ± \(ScoreOutput.format(p.confidence.intervalAtZero)) "
        + "points × (1 − confidence): a high score with a wide range is a promise, not a track record.")

    w.element("h3", text: "Grades and standing")
    w.open("div", ["class": "tablewrap"])
    w.open("table")
    w.element("caption", text: "Grade bands of this policy")
    w.raw("<thead><tr>")
    w.element("th", ["scope": "col"], text: "Grade")
    w.element("th", ["scope": "col", "class": "num"], text: "Score from")
    w.element("th", ["scope": "col"], text: "Standing")
    w.raw("</tr></thead>\n<tbody>\n")
    for band in p.bands.sorted(by: { $0.minimumScore > $1.minimumScore }) {
      w.raw("<tr>")
      w.element("th", ["scope": "row"], text: band.grade)
      w.element("td", ["class": "num"], text: ScoreOutput.format(band.minimumScore))
      w.open("td")
      w.element("span", ["class": "b " + band.standing.cssClass], text: band.standing.rawValue)
      w.text(" " + band.standing.words)
      w.close("td")
      w.raw("</tr>\n")
    }
    w.raw("</tbody></table></div>\n")
    if !p.flagStanding.isEmpty {
      let rules = p.flagStanding.sorted { $0.key < $1.key }.map {
        "\($0.key) → at least \($0.value.rawValue)"
      }
      w.element(
        "p",
        text: "Some flags set the standing whatever the score: " + rules.joined(separator: "; ") + ".")
    }

    w.element("h3", text: "Red flags")
    w.element(
      "p",
      text:
        "A flag names a specific problem and the records behind it (file:line in the data sources, and the record's id), "
        + "so it can be checked. Severity: high flags need attention before ordering; medium ones deserve a question to the "
        + "supplier; low ones are notes.")
    w.open("ul", ["class": "plain"])
    for code in FlagCode.allCases {
      w.open("li")
      w.element("code", text: code.rawValue)
      w.text(": " + Self.meaning(of: code, policy: p))
      w.close("li")
    }
    w.close("ul")

    w.element("h3", text: "Trade Assurance")
    let ta = p.tradeAssurance
    w.element(
      "p",
      text:
        "An order is protected when it was placed through Trade Assurance, paid by a platform payment method (card, "
        + "PayPal, Apple Pay, Google Pay, Afterpay, bank transfer into escrow)"
        + (ta.limitMode == .cap
          ? "; an amount above the supplier's coverage limit is covered up to that limit"
          : " and its amount is within the supplier's coverage limit")
        + ". Claims for late shipment or failed inspection can be filed until \(ta.claimWindowDays) days after "
        + "delivery. In a dispute the supplier must answer within \(ta.supplierReplyDays) days; from day "
        + "\(ta.buyerEscalationFromDay) you may ask the platform to mediate, and on day \(ta.automaticEscalationDay) it "
        + "takes over.")

    w.element("h3", text: "Every policy setting")
    w.element(
      "p",
      text:
        "The values this report used, the shipped default where it differs, and why the default is what it is. "
        + "A policy file (--policy) may change any of them.")
    policyTable()
    w.close("section")
  }

  func componentMeaning(_ name: String) -> String {
    let p = policy
    switch name {
    case "reviews":
      return
        "Buyer reviews. Each review's weight halves every \(ScoreOutput.format(p.reviews.halfLifeDays)) days; unverified "
        + "reviews count \(ScoreOutput.format(p.reviews.unverifiedWeight)) of a verified one (and verified ones beyond "
        + "what the supplier's transactions can back count in part), reviews inside a detected burst "
        + "\(ScoreOutput.format(p.reviews.suspiciousWeight)) (a burst that lowered the rating keeps the "
        + "\(max(0, p.burst.minimumReviews - 1)) of its reviews that pull it down most), and a burst that inflated the rating costs "
        + "\(ScoreOutput.format(p.reviews.burstPenalty)) of the component. The rating is pulled toward the catalog's average "
        + "with \(ScoreOutput.format(p.reviews.priorStrength)) reviews' weight, so a handful of five-star reviews cannot "
        + "beat hundreds of good ones; that pull counts as neutral, not as good, so a first bad review never scores "
        + "above none."
    case "certifications":
      return
        "Certificates such as ISO 9001: worth most when valid, in date, from a recognised certification body under a "
        + "recognised accreditation body; little from unrecognised bodies; nothing when expired. A suspended, withdrawn "
        + "or look-alike certificate, or one valid impossibly long, counts against the supplier. A renewal covers an "
        + "expired certificate, and a valid certificate never scores below having none. Quality-management standards "
        + "matter most to a buyer of goods."
    case "audits":
      return
        "On-site audits: the newest audit's result, less for major and minor findings, fading half-way back to neutral "
        + "every \(ScoreOutput.format(p.audits.halfLifeDays)) days; older than \(p.audits.staleAfterDays) days, or past the date it "
        + "was valid until, it is stale."
    case "delivery":
      return
        "On-time shipment and disputes: your own orders count most, the platform's self-reported on-time figure "
        + "counts little; on-time makes \(Self.percent(p.delivery.onTimeShare)) of the component, disputes and "
        + "refunds or failed inspections the rest. On-time delivery at the late threshold counts as neutral, below it "
        + "as bad."
    case "standing":
      return
        "Platform standing: Trade Assurance and its limit, Gold Supplier years, third-party verification, verified "
        + "business licence, response rate and years in business; a field left empty counts as neutral. Cheap to "
        + "obtain, so it counts least."
    default: return ""
    }
  }

  mutating func policyTable() {
    var used: [String: String] = [:]
    if case .object(let root) = PolicyFile.json(for: policy) {
      for (key, value) in root {
        used[key] = Self.compact(value.rendered())
        if case .object(let inner) = value {
          for (innerKey, innerValue) in inner {
            used[key + "." + innerKey] = Self.compact(innerValue.rendered())
          }
        }
      }
    }
    w.open("div", ["class": "tablewrap"])
    w.open("table", ["class": "policy"])
    w.element("caption", text: "Policy \(policy.name), sha256 \(run.policyHash)")
    w.raw("<thead><tr>")
    w.element("th", ["scope": "col"], text: "Setting")
    w.element("th", ["scope": "col"], text: "Value used")
    w.element("th", ["scope": "col"], text: "Why")
    w.raw("</tr></thead>\n<tbody>\n")
    for entry in PolicyFile.documentation {
      let value = used[entry.key] ?? Self.compact(entry.value)
      let standard = Self.compact(entry.value)
      w.raw("<tr>")
      w.element("th", ["scope": "row"]) { $0.element("code", text: entry.key) }
      w.open("td")
      w.element("code", text: value)
      if value != standard {
        w.raw("<br>")
        w.element("span", ["class": "note"], text: "default: " + standard)
      }
      w.close("td")
      w.element("td", text: entry.why)
      w.raw("</tr>\n")
    }
    w.raw("</tbody></table></div>\n")
  }

  /// Pretty-printed JSON on one line.
  static func compact(_ json: String) -> String {
    var out = ""
    var lastWasSpace = false
    for ch in json {
      if ch == "\n" || ch == " " {
        if !lastWasSpace && !out.isEmpty && out.last != "[" && out.last != "{" { out.append(" ") }
        lastWasSpace = true
        continue
      }
      if lastWasSpace && (ch == "]" || ch == "}") && out.last == " " { out.removeLast() }
      lastWasSpace = false
      out.append(ch)
    }
    return out
  }
}
