import ArgumentParser
import Foundation
import SupplierTrustReport
import SupplierTrustScoring

/// The filters of `rank` and `report`: what the order asks of a supplier.
struct RankFilters: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Only suppliers with a category holding these words, in any order (any case and accents; plurals too), e.g. valve or \"CNC machining\".",
      valueName: "text"))
  var category: String?

  @Option(help: ArgumentHelp("Only suppliers from this country (ISO code; repeatable).", valueName: "cc"))
  var country: [String] = []

  @Option(help: ArgumentHelp("Leave out suppliers from this country (repeatable).", valueName: "cc"))
  var excludeCountry: [String] = []

  @Option(
    help: ArgumentHelp(
      "A valid certificate of this standard is required: in date, from a recognised issuer and, for a management system, a named recognised accreditation body (repeatable, e.g. ISO9001).",
      valueName: "standard"))
  var require: [String] = []

  @ArgumentParser.Flag(help: "Only suppliers that offer Trade Assurance.")
  var tradeAssurance = false

  // Numbers are taken as they come (`.unconditional`), so that `--top -1` is refused for its value
  // rather than read as a missing value followed by an unknown option `-1`.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The order value in USD; the supplier's Trade Assurance coverage must hold all of it.", valueName: "usd"
    ))
  var orderAmount: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Only suppliers scoring at least this (0-100).", valueName: "n"))
  var minScore: Double?

  @Option(
    help: ArgumentHelp(
      "Only suppliers in this standing or better: ok (good standing only), or warned (leaves out blocked ones).",
      valueName: "standing"))
  var minStanding: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "rank: show at most this many suppliers (default: all that pass); report: this many in detail (default 10).",
      valueName: "n"))
  var top: Int?

  func validate() throws {
    if let category, CategoryMatch(category).words.isEmpty {
      throw ValidationError("--category needs a word of a category, e.g. --category valve.")
    }
    for (option, codes) in [("--country", country), ("--exclude-country", excludeCountry)] {
      for code in codes where Country.normalize(code) == nil {
        throw ValidationError(Self.countryProblem(option, code))
      }
    }
    for standard in require where Standard.normalize(standard) == nil {
      if Standard.looksLikeSeveral(standard) {
        throw ValidationError(
          "--require \(standard) names more than one standard; give each its own --require, e.g. --require ISO9001 --require ISO14001."
        )
      }
      throw ValidationError(
        "--require \(standard) is not a standard name; use one such as ISO9001 or \"ISO 14001\".")
    }
    // An order is paid in cents: 20000.004 had been read as $20,000 and kept a supplier whose
    // limit it passes (black-box review 120). Data files round to the cent, as documented; an
    // amount typed for a decision is refused instead.
    if let orderAmount, let point = orderAmount.firstIndex(of: "."),
      orderAmount[orderAmount.index(after: point)...].reversed().drop(while: { $0 == "0" }).count > 2
    {
      throw ValidationError(
        "--order-amount \(orderAmount) has more than two decimals; give the amount in dollars and cents, e.g. 25000.50."
      )
    }
    if let orderAmount, Money(parsing: orderAmount) == nil || Money(parsing: orderAmount)!.cents <= 0 {
      throw ValidationError(
        "--order-amount must be a positive amount in US dollars without separators, under ten trillion (at most \(Money.maximumWholeDigits) digits before the point), e.g. 25000."
      )
    }
    if let minScore, !(0...100).contains(minScore) {
      throw ValidationError("--min-score must be between 0 and 100.")
    }
    if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
    if let minStanding,
      Standing(rawValue: minStanding.lowercased()) == nil || minStanding.lowercased() == "blocked"
    {
      throw ValidationError(
        "--min-standing \(minStanding) is not a standing; use ok (good standing only) or warned (leaves out blocked ones)."
      )
    }
  }

  /// What is wrong with `code` given to `option`, and what to write instead.
  static func countryProblem(_ option: String, _ code: String) -> String {
    let trimmed = code.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return "\(option) needs a country code; use two letters such as CN, VN or TR." }
    let parts = trimmed.split(whereSeparator: { ",; ".contains($0) }).map(String.init)
    if parts.count > 1, parts.allSatisfy({ Country.normalize($0) != nil }) {
      return
        "\(option) \(code): give one country per option, e.g. \(parts.map { "\(option) \($0)" }.joined(separator: " "))."
    }
    // Codes people write for these countries that ISO 3166-1 spells otherwise.
    let usual = ["UK": "GB", "EL": "GR", "KS": "XK"]
    let hint =
      usual[trimmed.uppercased()].map { "; did you mean \($0)?" } ?? "; use two letters such as CN, VN or TR."
    return "\(option) \(code) is not an ISO 3166-1 alpha-2 country code\(hint)"
  }

  /// For each required standard that no certificate of the catalog names at all, a warning with
  /// the closest standard the catalog holds: `--require ISO9010` had quietly matched nothing
  /// (black-box review 25).
  /// Required standards no certificate of the catalog is for: a warning each when the standard is
  /// one the tool or the policy knows (nobody qualifies, rightly), and an error otherwise, which a
  /// script can tell from an empty ranking (black-box review 120: `--require FOO123` and
  /// `--require 9001` exited 0 with an empty list).
  func unknownStandardProblems(_ catalog: Catalog, policy: Policy) throws -> [String] {
    let held = Set(catalog.certifications.map(\.record.standard))
    var known = Standard.managementSystems.union(policy.certifications.relevance.keys)
    for sector in policy.certifications.sectors { known.formUnion(sector.relevance.keys) }
    known.formUnion(["CE", "RoHS", "BSCI", "SA8000", "SEDEX", "SMETA", "WRAP", "GOTS", "FSC", "REACH", "UL"])
    var warnings: [String] = []
    for standard in criteria.requiredStandards where !held.contains(standard) {
      // A withdrawn edition is named with what replaced it; a standard held under a longer or
      // shorter name (FSC and FSC-COC, OEKO-TEX and OEKO-TEX100) is offered; a slip is guessed
      // only for a name the policy does not know (black-box review 123: ISO 22000, which it
      // knows, was offered ISO28000).
      let letters = { (name: String) in name.filter { $0.isLetter || $0.isNumber }.uppercased() }
      // Withdrawn editions are not offered (ISO9001:2008 for ISO9001; code review).
      let prefixed = held.sorted().first { name in
        guard Standard.withdrawn[name] == nil else { return false }
        let (a, b) = (letters(name), letters(standard))
        return a.count >= 3 && b.count >= 3 && (a.hasPrefix(b) || b.hasPrefix(a))
      }
      var hint = ""
      if let withdrawn = Standard.withdrawn[standard] {
        hint = "; it was withdrawn (replaced by \(withdrawn.replacedBy)): require \(withdrawn.successor)"
      } else if let prefixed {
        hint = "; did you mean \(prefixed)?"
      } else if !known.contains(standard) {
        // In name order among equals, so that the hint is the same from run to run. A number
        // alone is an ISO standard's (`9001`).
        let candidates = (held.sorted() + known.subtracting(held).sorted()).filter { $0 != standard }
        let asISO = standard.allSatisfy(\.isNumber) ? "ISO" + standard : standard
        let closest = candidates.min { Self.distance($0, asISO) < Self.distance($1, asISO) }
        // One slip only (a letter added, dropped, changed, or two swapped): two changes took
        // ISO14001 for a misspelt ISO9001 (black-box review 37).
        hint = closest.flatMap { Self.distance($0, asISO) <= 1 ? "; did you mean \($0)?" : nil } ?? ""
      }
      if known.contains(standard) || prefixed != nil {
        warnings.append(
          "warning: --require \(standard): no certificate in the catalog is for this standard\(hint)")
      } else {
        // The warnings already found are said first (code review: they were lost).
        for warning in warnings { Terminal.error(warning) }
        throw CLIError(
          "--require \(standard): no certificate in the catalog is for this standard, and it is none the policy knows\(hint)\n  fix: check the spelling (one standard per --require, e.g. ISO9001); a standard of your own that nobody holds leaves no supplier"
        )
      }
    }
    return warnings
  }

  /// Edit distance between two short names, two neighbours swapped counting as one edit
  /// (optimal string alignment): ISO9010 is one slip from ISO9001.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        table[i][j] = min(
          table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }

  var criteria: RankingCriteria {
    var c = RankingCriteria()
    // Trimmed as input values are: "furniture " matched nothing (black-box review 25).
    c.category = category.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    c.countries = Set(country.compactMap { Country.normalize($0) })
    c.excludedCountries = Set(excludeCountry.compactMap { Country.normalize($0) })
    // Once each: `--require ISO9001 --require "ISO 9001"` is one criterion (black-box review 146
    // saw it listed twice).
    var seen = Set<String>()
    c.requiredStandards = require.compactMap { Standard.normalize($0) }.filter { seen.insert($0).inserted }
    c.tradeAssuranceOnly = tradeAssurance
    c.orderAmount = orderAmount.flatMap(Money.init(parsing:))
    c.minimumScore = minScore
    c.worstStanding = minStanding.flatMap { Standing(rawValue: $0.lowercased()) }
    c.top = top
    return c
  }
}

struct RankCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: "Rank suppliers for an order: filters, then best first.",
    discussion: """
      Scores every supplier as `score` does, keeps those that pass the filters, and lists them \
      best first by the score before rounding (so two shown alike may be apart by a few \
      hundredths); ties: the higher mean of the components (under weakest_link), higher \
      confidence, then supplier id (character by character: I-10 before I-2). Under the ranking: how many suppliers each filter left out, \
      and the best of those matching what is ordered but failing another filter, with why. After \
      a `score` or `rank` of the same store, policy and as-of day, the run starts from the memo it \
      kept and works out only the suppliers shown (the same output, in half the time).

      Examples:
        supplier-trust rank --require ISO9001 --trade-assurance --order-amount 25000
        supplier-trust rank datasets/sample --category valve --country CN --top 5
        supplier-trust rank --format csv --min-score 70 > shortlist.csv
      """)

  @OptionGroup var catalog: CatalogOptions
  @OptionGroup var filters: RankFilters

  @Option(help: "Output format: table, json, csv or markdown.")
  var format: OutputFormat = .table

  func run() throws {
    let clock = StageTimer()
    let policy = try catalog.loadPolicy()
    // Only JSON lists the files read, with their checksums.
    let (data, store, _, _) = try catalog.loadCatalog(hashingFiles: format == .json)
    clock.lap("load \(data.recordCount) records")
    for warning in try filters.unknownStandardProblems(data, policy: policy) { Terminal.error(warning) }
    // Explanations only for the suppliers listed: --top 100 of 100,000 need not write words
    // about the other 99,900.
    let criteria = filters.criteria
    // The best of those left out are explained too: why they are left out names their
    // certificates' verdicts.
    let named = format == .json ? RankingCriteria.nearMissLimitForScripts : RankingCriteria.nearMissLimit
    // Which filters each supplier fails, worked out once for the ranking, the near misses and
    // who is left out (the ranking handed to `detailing` is the run's, in the same order).
    var verdicts: FilterVerdicts?
    let detailing = { (ranked: [SupplierAssessment]) -> [Int] in
      let judged = criteria.verdicts(ranked)
      verdicts = judged
      return criteria.positions(in: ranked, verdicts: judged)
        + criteria.nearMisses(in: ranked, verdicts: judged, limit: named)
    }
    // After a `score` (or another `rank`) of the same catalog, policy and day, only the suppliers
    // shown are worked out again.
    let scoring = MemoizedScoring(scorer: Scorer(policy: policy, asOf: catalog.day), store: store)
    var memo: ScoringMemo?
    let run: ScoringRun
    if let reused = scoring.reuse(data, detailing: detailing) {
      run = reused
    } else {
      (run, memo) = scoring.score(data, detailing: detailing)
    }
    try CatalogOptions.requireTextsRead(data)
    clock.lap("score \(run.suppliers.count) suppliers")
    let leftOut = criteria.leftOut(of: run.suppliers, verdicts: verdicts, limit: named)
    let list = RankedList(
      run: run, suppliers: criteria.apply(to: run, verdicts: verdicts), criteria: criteria.descriptions,
      leftOut: leftOut)
    if format == .json {
      ScoreOutput.writeJSON(list) { Terminal.writeOutput($0) }
    } else {
      print(ScoringPrinter.render(list, format: format, orderAmount: criteria.orderAmount), terminator: "")
    }
    clock.lap("rank and render \(list.suppliers.count)")
    // CSV is data for scripts: who was left out goes beside it, in words.
    // (When none passes, the note below says which filter left none.)
    if format == .csv, let leftOut, leftOut.count > 0, !list.suppliers.isEmpty {
      Terminal.error("note: \(leftOut.summary)")
    }
    // The policy is named in every row; a file of no rows names it here (black-box review 53).
    if format == .csv, list.suppliers.isEmpty {
      Terminal.error(Terminal.emptyCSVNote(asOf: run.asOf, policy: policy))
    }
    if let why = criteria.whyNoneMatch(run.suppliers) { Terminal.error("note: \(why)") }
    if let (count, score) = criteria.tiesLeftOut(of: run.suppliers), let top = criteria.top {
      Terminal.error(
        "note: \(count) more supplier\(count == 1 ? " scores" : "s score") \(ScoreOutput.fixed(score, 1)) as the last one shown does (the order among them is by the unrounded score, \(policy.aggregation == .weakestLink ? "the mean of the components, " : "")confidence, then id); --top \(top + count) lists \(count == 1 ? "it" : "them")"
      )
    }
    // Kept once the ranking is out: the next run of this catalog, policy and day starts from it.
    fflush(nil)
    scoring.keep(memo)
    clock.lap("memo kept")
    // Millions of records need not be freed one by one before the process ends.
    Foundation.exit(0)
  }
}
