/// What an order asks of a supplier: the filters of `rank` and `report`.
public struct RankingCriteria: Sendable, Equatable {
  /// Words one of the supplier's categories must hold (see ``CategoryMatch``).
  public var category: String? {
    didSet { categoryMatch = category.map(CategoryMatch.init) }
  }
  private var categoryMatch: CategoryMatch?
  /// Only suppliers from these countries (ISO 3166 alpha-2); all when empty.
  public var countries: Set<String> = []
  public var excludedCountries: Set<String> = []
  /// Standards (canonical) the supplier must hold a valid certificate for.
  public var requiredStandards: [String] = []
  /// Only suppliers that take part in Trade Assurance.
  public var tradeAssuranceOnly = false
  /// The order value the supplier's Trade Assurance coverage must hold in full.
  public var orderAmount: Money?
  public var minimumScore: Double?
  /// The worst standing kept: `.ok` keeps only suppliers in good standing, `.warned` leaves out
  /// the blocked ones; nil keeps every standing. Ranking orders by score alone, so a warned
  /// supplier can sit above one in good standing (black-box review 35); this keeps it out.
  public var worstStanding: Standing?
  /// Keep at most this many after filtering.
  public var top: Int?

  public init() {}

  /// Whether `s` passes every filter (not `top`).
  public func admits(_ s: SupplierAssessment) -> Bool {
    if let categoryMatch {
      guard s.supplier.categories.contains(where: categoryMatch.matches) else { return false }
    }
    if !countries.isEmpty, !countries.contains(s.supplier.country) { return false }
    if excludedCountries.contains(s.supplier.country) { return false }
    for standard in requiredStandards where !s.validStandards.contains(standard) { return false }
    if tradeAssuranceOnly || orderAmount != nil, s.supplier.tradeAssurance != true { return false }
    if let orderAmount {
      guard let limit = s.supplier.tradeAssuranceLimit, limit >= orderAmount else { return false }
    }
    if let minimumScore {
      guard let score = s.score, score >= minimumScore else { return false }
    }
    if let worstStanding, s.standing > worstStanding { return false }
    return true
  }

  /// When no supplier passes: why, in words for the terminal (each filter with how many suppliers
  /// it admits on its own, those admitting none first), or nil when some pass.
  public func whyNoneMatch(_ suppliers: [SupplierAssessment]) -> String? {
    guard !suppliers.contains(where: admits) else { return nil }
    guard !suppliers.isEmpty else {
      return
        "the catalog holds no suppliers: import a catalog first (supplier-trust import PATH), or check the paths given"
    }
    var alone: [(text: String, count: Int)] = []
    func single(_ text: String, _ configure: (inout RankingCriteria) -> Void) {
      var only = RankingCriteria()
      configure(&only)
      alone.append((text, suppliers.filter(only.admits).count))
    }
    if let category { single("a category matching \"\(category)\"") { $0.category = category } }
    if !countries.isEmpty {
      single("country \(countries.sorted().joined(separator: " or "))") { $0.countries = countries }
    }
    if !excludedCountries.isEmpty {
      single("not from \(excludedCountries.sorted().joined(separator: ", "))") {
        $0.excludedCountries = excludedCountries
      }
    }
    for standard in requiredStandards {
      single("a valid \(standard) certificate") { $0.requiredStandards = [standard] }
    }
    if tradeAssuranceOnly { single("Trade Assurance") { $0.tradeAssuranceOnly = true } }
    if let orderAmount {
      single("Trade Assurance covering \(orderAmount.displayed)") { $0.orderAmount = orderAmount }
    }
    if let minimumScore {
      single("score at least \(JSONValue.format(minimumScore))") { $0.minimumScore = minimumScore }
    }
    if let worstStanding {
      single(Self.standingWords(worstStanding)) { $0.worstStanding = worstStanding }
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
  public func positions(in ranked: [SupplierAssessment]) -> [Int] {
    var result: [Int] = []
    for (position, s) in ranked.enumerated() where admits(s) {
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
    for s in ranked where admits(s) {
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
  public func apply(to run: ScoringRun) -> [SupplierAssessment] {
    positions(in: run.suppliers).map { run.suppliers[$0] }
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
  public let words: [String]
  let substring: String?

  public init(_ text: String) {
    let lower = text.lowercased()
    words = Self.words(lower)
    substring = lower.unicodeScalars.contains { $0.value >= 0x2E80 } ? lower : nil
  }

  /// Letters and digits runs, lower case.
  static func words(_ text: String) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
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

  public func matches(_ category: String) -> Bool {
    if let substring { return category.lowercased().contains(substring) }
    guard !words.isEmpty else { return true }
    let have = Self.words(category)
    guard have.count >= words.count else { return false }
    let wanted = words.map(Self.singular)
    for start in 0...(have.count - words.count) {
      var all = true
      for (k, word) in wanted.enumerated() {
        let candidate = have[start + k]
        let last = k == words.count - 1
        if Self.singular(candidate) == word || (last && candidate.hasPrefix(words[k])) { continue }
        all = false
        break
      }
      if all { return true }
    }
    return false
  }
}
