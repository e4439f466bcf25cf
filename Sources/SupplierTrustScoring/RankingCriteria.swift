import Foundation

/// What an order asks of a supplier: the filters of `rank` and `report`.
public struct RankingCriteria: Sendable, Equatable {
  /// Words one of the supplier's categories must hold (see ``CategoryMatch``).
  public var category: String? {
    didSet { categoryMatch = category.map(CategoryMatch.init) }
  }
  private var categoryMatch: CategoryMatch?
  /// Only suppliers from these countries (ISO 3166 alpha-2); all when empty.
  public var countries: Set<String> = []
  /// Suppliers from these countries (ISO 3166 alpha-2) are left out (`--exclude-country`).
  public var excludedCountries: Set<String> = []
  /// Standards (canonical) the supplier must hold a valid certificate for.
  public var requiredStandards: [String] = []
  /// Only suppliers that take part in Trade Assurance.
  public var tradeAssuranceOnly = false
  /// The order value the supplier's Trade Assurance coverage must hold in full.
  public var orderAmount: Money?
  /// Only suppliers whose score is at least this (0...100); a supplier without a score is left out.
  public var minimumScore: Double?
  /// The worst standing kept: `.ok` keeps only suppliers in good standing, `.warned` leaves out
  /// the blocked ones; nil keeps every standing. Ranking orders by score alone, so a warned
  /// supplier can sit above one in good standing (black-box review 35); this keeps it out.
  public var worstStanding: Standing?
  /// Keep at most this many after filtering.
  public var top: Int?

  /// Criteria that keep every supplier: no filter set.
  public init() {}

  /// One filter of an order, as given: what `admits`, `whyNoneMatch` and `reasonsLeftOut` go
  /// through, so that what leaves a supplier out and the words for it cannot drift apart.
  enum Filter {
    case category(CategoryMatch, String)
    case countries(Set<String>)
    case excludedCountries(Set<String>)
    case standard(String)
    case tradeAssurance
    case coverage(Money)
    case minimumScore(Double)
    case standing(Standing)

    /// Whether it asks after what the order is for (what is made, and where), rather than after
    /// trust or protection: a supplier passing these but failing another is a near miss.
    var isAboutTheGoods: Bool {
      switch self {
      case .category, .countries, .excludedCountries: true
      default: false
      }
    }
  }

  /// The filters given, in the order they are described.
  var filters: [Filter] {
    var out: [Filter] = []
    if let categoryMatch, let category { out.append(.category(categoryMatch, category)) }
    if !countries.isEmpty { out.append(.countries(countries)) }
    if !excludedCountries.isEmpty { out.append(.excludedCountries(excludedCountries)) }
    // A standard asked for twice (`--require ISO9001 --require "ISO 9001"`) is one filter: it
    // had been counted, and its reasons given, twice (code review).
    var seen: Set<String> = []
    for standard in requiredStandards where seen.insert(standard).inserted { out.append(.standard(standard)) }
    if tradeAssuranceOnly { out.append(.tradeAssurance) }
    if let orderAmount { out.append(.coverage(orderAmount)) }
    if let minimumScore { out.append(.minimumScore(minimumScore)) }
    if let worstStanding { out.append(.standing(worstStanding)) }
    return out
  }

  static func passes(_ filter: Filter, _ s: SupplierAssessment) -> Bool {
    switch filter {
    case .category(let match, _): s.supplier.categories.contains(where: match.matches)
    case .countries(let countries): countries.contains(s.supplier.country)
    case .excludedCountries(let countries): !countries.contains(s.supplier.country)
    case .standard(let standard): s.validStandards.contains(standard)
    // A stated limit of $0 protects no order: no Trade Assurance, as scoring counts it
    // (black-box review 146).
    case .tradeAssurance:
      s.supplier.tradeAssurance == true && (s.supplier.tradeAssuranceLimit.map { $0.cents > 0 } ?? true)
    case .coverage(let amount):
      s.supplier.tradeAssurance == true && (s.supplier.tradeAssuranceLimit.map { $0 >= amount } ?? false)
    case .minimumScore(let minimum): (s.score.map { $0 >= minimum } ?? false)
    case .standing(let worst): s.standing <= worst
    }
  }

  /// What a supplier must have to pass `filter`, for "no supplier has ..." and the counts.
  static func wanted(_ filter: Filter) -> String {
    switch filter {
    case .category(_, let category): "a category matching \"\(category)\""
    case .countries(let countries): "country \(countries.sorted().joined(separator: " or "))"
    case .excludedCountries(let countries): "not from \(countries.sorted().joined(separator: ", "))"
    case .standard(let standard): "a valid \(standard) certificate"
    case .tradeAssurance: "Trade Assurance"
    case .coverage(let amount): "Trade Assurance covering \(amount.displayed)"
    case .minimumScore(let minimum): "score at least \(JSONValue.format(minimum))"
    case .standing(let worst): standingWords(worst)
    }
  }

  /// Why `s` fails `filter`, naming what it has instead (the certificates' verdicts need the
  /// supplier explained: ``Scorer/score(_:detailing:)``).
  static func whyFails(_ filter: Filter, _ s: SupplierAssessment) -> String {
    let supplier = s.supplier
    switch filter {
    case .category(_, let category):
      return supplier.categories.isEmpty
        ? "states no category (\"\(category)\" asked for)"
        : "no category matching \"\(category)\" (its categories: \(supplier.categories.joined(separator: "; ")))"
    case .countries(let countries):
      let asked = countries.sorted().joined(separator: " or ")
      return supplier.country.isEmpty
        ? "states no country (\(asked) asked for)" : "from \(supplier.country) (\(asked) asked for)"
    case .excludedCountries:
      return "from \(supplier.country), left out by --exclude-country"
    case .standard(let standard):
      // An older edition ("ISO9001:2008") is another standard, but the one to name.
      let held = s.certificates.filter {
        $0.certification.standard == standard || $0.certification.standard.hasPrefix(standard + ":")
      }
      guard !held.isEmpty else { return "no \(standard) certificate" }
      let verdicts = held.map { c in
        let name = c.certification.standard
        let number = c.certification.certificateNumber.map { " \($0)" } ?? " (no number)"
        return c.verdict.isEmpty ? "\(name)\(number)" : "\(name)\(number): \(c.verdict)"
      }
      return "no valid \(standard) certificate (\(verdicts.joined(separator: "; ")))"
    case .tradeAssurance:
      if supplier.tradeAssurance == true { return "its Trade Assurance limit is $0: it covers no order" }
      return supplier.tradeAssurance == false
        ? "does not offer Trade Assurance" : "does not state whether it offers Trade Assurance"
    case .coverage(let amount):
      if supplier.tradeAssurance != true {
        return
          "\(supplier.tradeAssurance == false ? "does not offer Trade Assurance" : "does not state whether it offers Trade Assurance"), so an order of \(amount.displayed) is not covered"
      }
      guard let limit = supplier.tradeAssuranceLimit else {
        return "states no Trade Assurance limit, so cover for \(amount.displayed) is unknown"
      }
      return "Trade Assurance limit \(limit.displayed) is below the order's \(amount.displayed)"
    case .minimumScore(let minimum):
      guard let score = s.score else {
        return "unrated (score at least \(JSONValue.format(minimum)) asked for)"
      }
      // One decimal, as the tables show the score (black-box review 93: "79.0: scores 79").
      return
        "scores \(String(format: "%.1f", (score * 10).rounded() / 10)), under \(JSONValue.format(minimum))"
    case .standing(let worst):
      let reasons = s.standingReasons.isEmpty ? "" : ": " + s.standingReasons.joined(separator: "; ")
      return "standing \(s.standing.rawValue) (\(standingWords(worst)) asked for)\(reasons)"
    }
  }

  /// Whether `s` passes every filter (not `top`).
  public func admits(_ s: SupplierAssessment) -> Bool {
    filters.allSatisfy { Self.passes($0, s) }
  }

  /// Why `s` is left out: one reason per filter it fails, in the filters' order; empty when it
  /// passes.
  public func reasonsLeftOut(_ s: SupplierAssessment) -> [String] {
    let failed = filters.filter { !Self.passes($0, s) }
    // Without Trade Assurance no amount is covered: said once, not once per filter.
    let saidOnce = failed.contains { if case .tradeAssurance = $0 { true } else { false } }
    return failed.filter { filter in
      if saidOnce, case .coverage = filter { return false }
      return true
    }.map { Self.whyFails($0, s) }
  }

  /// The suppliers left out, in words: in how many words a filter's count is said ("30 without
  /// a category matching \"valve\"").
  static func leftOutPhrase(_ filter: Filter) -> String {
    switch filter {
    case .category(_, let category): "without a category matching \"\(category)\""
    case .countries(let countries): "not from \(countries.sorted().joined(separator: " or "))"
    case .excludedCountries(let countries): "from \(countries.sorted().joined(separator: " or "))"
    case .standard(let standard): "without a valid \(standard) certificate"
    case .tradeAssurance: "without Trade Assurance"
    case .coverage(let amount): "whose Trade Assurance does not cover \(amount.displayed)"
    case .minimumScore(let minimum): "scoring under \(JSONValue.format(minimum)) or unrated"
    case .standing(let worst): "not in \(standingWords(worst))"
    }
  }

  /// Which filters each supplier of `ranked` fails, worked out once and on both cores: matching
  /// categories costs microseconds a supplier, and counting who is left out, finding the near
  /// misses and the passing suppliers each went over all of them again (`rank --db` of L with
  /// `--category` took 3.4 s instead of 1.3).
  public func verdicts(_ ranked: [SupplierAssessment]) -> FilterVerdicts {
    let all = filters
    let width = all.count
    let chunks = mapChunks(count: ranked.count, chunkSize: 2048) { range -> [Bool] in
      var failed = [Bool](repeating: false, count: range.count * width)
      // Suppliers share their category names: each matched once (a match splits the name into
      // words, about 2 µs; a catalog of 100,000 names a few hundred).
      var matched: [String: Bool] = [:]
      for i in range {
        for (k, filter) in all.enumerated() {
          let passes: Bool
          if case .category(let match, _) = filter {
            passes = ranked[i].supplier.categories.contains { category in
              if let known = matched[category] { return known }
              let result = match.matches(category)
              matched[category] = result
              return result
            }
          } else {
            passes = Self.passes(filter, ranked[i])
          }
          if !passes { failed[(i - range.lowerBound) * width + k] = true }
        }
      }
      return failed
    }
    return FilterVerdicts(width: width, failed: chunks.flatMap { $0 }, suppliers: ranked.count)
  }

  /// Who the filters leave out of `ranked` and why (nil without filters): how many each filter
  /// leaves out, and the best near misses (``nearMisses(in:verdicts:limit:)``), each with its
  /// reasons. The near misses' reasons name their certificates' verdicts only if they were
  /// explained. `verdicts` are ``verdicts(_:)`` of `ranked`, when already worked out.
  public func leftOut(
    of ranked: [SupplierAssessment], verdicts: FilterVerdicts? = nil, limit: Int = Self.nearMissLimit
  ) -> LeftOut? {
    let all = filters
    guard !all.isEmpty else { return nil }
    let verdicts = verdicts ?? self.verdicts(ranked)
    precondition(verdicts.suppliers == ranked.count, "RankingCriteria: verdicts of another ranking")
    var counts = [Int](repeating: 0, count: all.count)
    var total = 0
    for i in ranked.indices {
      var failed = false
      for k in all.indices where verdicts.fails(i, k) {
        counts[k] += 1
        failed = true
      }
      if failed { total += 1 }
    }
    let misses = allNearMisses(verdicts)
    return LeftOut(
      count: total, total: ranked.count, shownAtMost: top,
      byFilter: zip(all, counts).map { (Self.leftOutPhrase($0), $1) },
      nearMisses: misses.prefix(limit).map { (ranked[$0], reasonsLeftOut(ranked[$0])) },
      nearMissCount: misses.count,
      nearMissesAreInTheGoods: all.contains(where: \.isAboutTheGoods))
  }

  /// How many near misses ``leftOut(of:verdicts:limit:)`` names by default: what a person reads
  /// under a ranking.
  public static let nearMissLimit = 10
  /// How many JSON names: enough for a script looking for one supplier in a category, few
  /// enough that a catalog of 100,000 is not explained in full.
  public static let nearMissLimitForScripts = 100

  /// The positions in `ranked` of the best suppliers, at most `limit`, that pass the filters
  /// about the goods (category, countries) but fail another: those a buyer looks for and
  /// misses. With no filter about the goods, every supplier left out is one.
  public func nearMisses(in ranked: [SupplierAssessment], verdicts: FilterVerdicts? = nil, limit: Int)
    -> [Int]
  {
    Array(allNearMisses(verdicts ?? self.verdicts(ranked)).prefix(limit))
  }

  /// Every near miss (see ``nearMisses(in:verdicts:limit:)``), best first.
  func allNearMisses(_ verdicts: FilterVerdicts) -> [Int] {
    let all = filters
    let goods = all.indices.filter { all[$0].isAboutTheGoods }
    guard goods.count < all.count else { return [] }
    return (0..<verdicts.count).filter { i in
      !goods.contains { verdicts.fails(i, $0) } && all.indices.contains { verdicts.fails(i, $0) }
    }
  }

  /// When no supplier passes: why, in words for the terminal (each filter with how many suppliers
  /// it admits on its own, those admitting none first), or nil when some pass.
  public func whyNoneMatch(_ suppliers: [SupplierAssessment]) -> String? {
    let all = filters
    guard !suppliers.contains(where: { s in all.allSatisfy { Self.passes($0, s) } }) else { return nil }
    guard !suppliers.isEmpty else {
      return
        "the catalog holds no suppliers: import a catalog first (supplier-trust import PATH), or check the paths given"
    }
    let alone = all.map { filter in
      (text: Self.wanted(filter), count: suppliers.filter { Self.passes(filter, $0) }.count)
    }
    let ordered = alone.sorted { ($0.count == 0 ? 0 : 1, $0.count) < ($1.count == 0 ? 0 : 1, $1.count) }
    let parts = ordered.map { "\($0.text): \($0.count) of \(suppliers.count)" }
    let lead =
      ordered.first { $0.count == 0 }.map { "no supplier has \($0.text)" }
      ?? "the filters together exclude everyone"
    return "\(lead) (each filter on its own admits: \(parts.joined(separator: "; ")))"
  }

  /// The positions in `ranked` of the suppliers that pass, at most `top`. What
  /// ``Scorer/score(_:detailing:)`` is told to explain for a ranking.
  public func positions(in ranked: [SupplierAssessment], verdicts: FilterVerdicts? = nil) -> [Int] {
    precondition(
      verdicts.map { $0.suppliers == ranked.count } ?? true, "RankingCriteria: verdicts of another ranking")
    var result: [Int] = []
    let all = filters
    for (position, s) in ranked.enumerated()
    where verdicts.map({ !$0.failsAny(position) }) ?? all.allSatisfy({ Self.passes($0, s) }) {
      if let top, result.count >= top { break }
      result.append(position)
    }
    return result
  }

  /// How many suppliers that pass but fall below `top` show the same score (to one decimal) as
  /// the last one kept: a cut through a tie is said, not made silently (black-box review 28).
  public func tiesLeftOut(of ranked: [SupplierAssessment]) -> (count: Int, score: Double)? {
    guard let top else { return nil }
    var kept = 0
    var last: Double?
    var tied = 0
    let all = filters
    for s in ranked where all.allSatisfy({ Self.passes($0, s) }) {
      let shown = s.score.map { ($0 * 10).rounded() / 10 }
      if kept < top {
        kept += 1
        last = shown
        continue
      }
      guard let last, shown == last else { break }
      tied += 1
    }
    guard tied > 0, let last else { return nil }
    return (tied, last)
  }

  /// The suppliers of `run` that pass, best first, at most `top`.
  public func apply(to run: ScoringRun, verdicts: FilterVerdicts? = nil) -> [SupplierAssessment] {
    positions(in: run.suppliers, verdicts: verdicts).map { run.suppliers[$0] }
  }

  /// The criteria in words, for headings ("category matching \"valve\"", "ISO9001 required", ...).
  public var descriptions: [String] {
    var out: [String] = []
    if let category { out.append("category matching \"\(category)\"") }
    if !countries.isEmpty { out.append("from \(countries.sorted().joined(separator: ", "))") }
    if !excludedCountries.isEmpty {
      out.append("not from \(excludedCountries.sorted().joined(separator: ", "))")
    }
    for standard in requiredStandards { out.append("valid \(standard) required") }
    if tradeAssuranceOnly { out.append("Trade Assurance only") }
    if let orderAmount { out.append("Trade Assurance must cover an order of \(orderAmount.displayed)") }
    if let minimumScore { out.append("score at least \(JSONValue.format(minimumScore))") }
    if let worstStanding { out.append(Self.standingWords(worstStanding)) }
    if let top { out.append("top \(top)") }
    return out
  }

  /// "standing ok", "standing ok or warned" (every standing for `.blocked`).
  static func standingWords(_ worst: Standing) -> String {
    "standing " + Standing.allCases.filter { $0 <= worst }.map(\.rawValue).joined(separator: " or ")
  }
}

/// Whether a category matches what `--category` asks for: its words, in order, at word starts,
/// any case, a plural matching its singular ("fittings" finds "Pipe Fitting"), the last word
/// also as the start of a longer one ("CNC mach" finds "CNC Machining"). A plain substring test
/// had "fitting" finding "Boat Outfitting Services" (black-box review 28). Text in scripts
/// written without spaces (Chinese, Japanese) is matched as a substring.
public struct CategoryMatch: Sendable, Equatable {
  /// The wanted words, lower case, in order.
  public let words: [String]
  let substring: String?

  /// A match for the words of `text`, as `--category` gives it.
  public init(_ text: String) {
    let lower = text.lowercased()
    words = Self.words(text)
    substring = lower.unicodeScalars.contains { $0.value >= 0x2E80 } ? lower : nil
  }

  /// Letters and digits runs, lower case, accents dropped ("Válvulas" is "valvulas": a buyer
  /// typing on an English keyboard found nothing; black-box review 85).
  static func words(_ text: String) -> [String] {
    // Folding only text that holds a non-ASCII byte: 100,000 suppliers' categories are mostly ASCII.
    let plain =
      text.utf8.contains { $0 >= 0x80 }
      ? Self.foldingLetters(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil))
      : text
    return plain.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }

  /// Letters that no accent makes: written as a plain keyboard writes them (black-box review 95:
  /// "kirmizi" missed "Kırmızı"). The report's search folds the same ones.
  static let plainLetters: [Character: String] = [
    "ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ß": "ss", "þ": "th", "ð": "d",
  ]

  static func foldingLetters(_ text: String) -> String {
    guard text.contains(where: { plainLetters[$0] != nil }) else { return text }
    var out = ""
    for character in text { out += plainLetters[character] ?? String(character) }
    return out
  }

  /// A word without a plural ending: "valves" → "valve", "batteries" → "battery", "boxes" → "box".
  static func singular(_ word: String) -> String {
    guard word.count > 3 else { return word }
    if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
    for ending in ["ses", "xes", "zes", "ches", "shes"] where word.hasSuffix(ending) {
      return String(word.dropLast(2))
    }
    if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") {
      return String(word.dropLast())
    }
    return word
  }

  /// Whether `category` holds the wanted words (every category matches when there are none), in
  /// any order, each a word of its own: "led light" finds "LED Panel Lights" and "auto part"
  /// "Auto Spare Parts" (black-box review 120: only the words side by side in the order typed had
  /// matched). A word matches its plural or singular, and the last one typed the start of a
  /// longer word too ("CNC mach" finds "CNC Machining").
  public func matches(_ category: String) -> Bool {
    if let substring { return category.lowercased().contains(substring) }
    guard !words.isEmpty else { return true }
    let have = Self.words(category)
    guard have.count >= words.count else { return false }
    let haveSingular = have.map(Self.singular)
    // Words whole first, then the last one as a start: each word of the category used once
    // ("pipe pipe" needs two).
    var used = [Bool](repeating: false, count: have.count)
    let wanted = words.map(Self.singular)
    var pending: [Int] = []
    for (k, word) in wanted.enumerated() {
      if let at = haveSingular.indices.first(where: { !used[$0] && haveSingular[$0] == word }) {
        used[at] = true
      } else {
        pending.append(k)
      }
    }
    guard pending.count <= 1 else { return false }
    guard let k = pending.first else { return true }
    guard k == words.count - 1 else { return false }
    return have.indices.contains { !used[$0] && have[$0].hasPrefix(words[k]) }
  }
}

/// Who an order's filters leave out of a ranking, and why (``RankingCriteria/leftOut(of:limit:)``):
/// a buyer missing a supplier they expected must not have to guess which filter dropped it
/// (black-box review 54: an expired ISO 9001, a Trade Assurance limit of $10,000 against an order
/// of $25,000 and a certificate without an accreditation body all vanished without a word).
public struct LeftOut: Sendable {
  /// Suppliers failing at least one filter.
  public var count: Int
  /// Suppliers ranked (passing or not).
  public var total: Int
  /// How many of those passing are shown (`top`), if limited.
  public var shownAtMost: Int?
  /// Each filter, as "without a valid ISO9001 certificate", with how many it leaves out (a
  /// supplier may fail several).
  public var byFilter: [(phrase: String, count: Int)]
  /// The best suppliers left out that pass the filters about the goods, best first, each with
  /// one reason per filter it fails.
  public var nearMisses: [(supplier: SupplierAssessment, reasons: [String])]
  /// All the near misses, named or not.
  public var nearMissCount: Int
  /// Whether a category or country filter was given (the near misses are then "in the
  /// category"; otherwise they are simply the best left out).
  public var nearMissesAreInTheGoods: Bool

  /// "37 of 50 suppliers are left out: 30 without a category matching \"valve\", 5 without a
  /// valid ISO9001 certificate (a supplier can fail several)".
  public var summary: String {
    let parts = byFilter.filter { $0.count > 0 }.map { "\($0.count) \($0.phrase)" }
    let passing = total - count
    // Those passing but not shown are not left out by a filter, but the reader must not take
    // the list for all that pass (code review).
    let shown = shownAtMost.flatMap { passing > $0 ? "; \(passing) pass, the best \($0) shown" : nil } ?? ""
    return "\(count) of \(total) supplier\(total == 1 ? "" : "s") \(count == 1 ? "is" : "are") left out"
      + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
      + (parts.count > 1 ? " (a supplier can fail several)" : "") + shown
  }

  /// The heading of the near misses.
  public var nearMissHeading: String {
    nearMissesAreInTheGoods
      ? "The best of those matching what is ordered but left out by another filter:"
      : "The best of those left out:"
  }

  /// What follows the near misses named when there are more ("and 4 more"), or nil; each
  /// output adds where to find them.
  public var moreNearMisses: String? {
    let more = nearMissCount - nearMisses.count
    return more > 0 ? "and \(more) more" : nil
  }
}

/// Which filters of a ``RankingCriteria`` each supplier of a ranking fails
/// (``RankingCriteria/verdicts(_:)``), by position in the ranking and filter.
public struct FilterVerdicts: Sendable {
  let width: Int
  let failed: [Bool]
  /// The suppliers of the ranking judged (checked against the ranking they are used with).
  let suppliers: Int

  /// The suppliers judged.
  public var count: Int { width == 0 ? 0 : failed.count / width }

  /// Whether supplier `position` fails filter `filter`.
  func fails(_ position: Int, _ filter: Int) -> Bool { failed[position * width + filter] }

  /// Whether supplier `position` fails any filter.
  func failsAny(_ position: Int) -> Bool {
    (0..<width).contains { failed[position * width + $0] }
  }
}
