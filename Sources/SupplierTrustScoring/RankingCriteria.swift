/// What an order asks of a supplier: the filters of `rank` and `report`.
public struct RankingCriteria: Sendable, Equatable {
  /// Text that one of the supplier's categories must contain (any case).
  public var category: String?
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
  /// Keep at most this many after filtering.
  public var top: Int?

  public init() {}

  /// Whether `s` passes every filter (not `top`).
  public func admits(_ s: SupplierAssessment) -> Bool {
    if let category {
      let needle = category.lowercased()
      guard s.supplier.categories.contains(where: { $0.lowercased().contains(needle) }) else { return false }
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
    if let category { single("category contains \"\(category)\"") { $0.category = category } }
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

  /// The suppliers of `run` that pass, best first, at most `top`.
  public func apply(to run: ScoringRun) -> [SupplierAssessment] {
    positions(in: run.suppliers).map { run.suppliers[$0] }
  }

  /// The criteria in words, for headings ("category contains \"valve\"", "ISO9001 required", ...).
  public var descriptions: [String] {
    var out: [String] = []
    if let category { out.append("category contains \"\(category)\"") }
    if !countries.isEmpty { out.append("from \(countries.sorted().joined(separator: ", "))") }
    if !excludedCountries.isEmpty {
      out.append("not from \(excludedCountries.sorted().joined(separator: ", "))")
    }
    for standard in requiredStandards { out.append("valid \(standard) required") }
    if tradeAssuranceOnly { out.append("Trade Assurance only") }
    if let orderAmount { out.append("Trade Assurance must cover an order of \(orderAmount.displayed)") }
    if let minimumScore { out.append("score at least \(JSONValue.format(minimumScore))") }
    if let top { out.append("top \(top)") }
    return out
  }
}
