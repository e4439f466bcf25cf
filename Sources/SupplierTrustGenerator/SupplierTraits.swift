/// The contract's business types, most common first.
enum BusinessType: Int, CaseIterable, Sendable {
  case manufacturer, tradingCompany, agent, distributor, other

  var spelling: [UInt8] {
    switch self {
    case .manufacturer: return utf8("manufacturer")
    case .tradingCompany: return utf8("trading_company")
    case .agent: return utf8("agent")
    case .distributor: return utf8("distributor")
    case .other: return utf8("other")
    }
  }
}

/// The hidden facts about one supplier that its profile and all its records follow, so that
/// reviews, certificates, audits and orders tell a consistent story.
struct SupplierTraits {
  let number: Int
  let country: CountryProfile
  let industry: Industry
  let type: BusinessType
  /// Whether the business type column is written (it is optional and sometimes unknown).
  let typeKnown: Bool
  let established: Int
  let tradeAssurance: Bool
  let goldSince: Int?
  let verified: Bool
  /// 0 excellent ... 3 poor: drives ratings, audit results, delivery and disputes.
  let tier: Int
  let reviewCount: Int
  let plantedBurst: Bool
  let genuineSpike: Bool
  let orderCount: Int

  init(number: Int, reviewCount: Int, asOfYear: Int, vocabulary: Vocabulary, rng: inout Random) {
    self.number = number
    country = vocabulary.countries.pick(&rng)
    industry = rng.pick(vocabulary.industries)
    let typeRoll = rng.below(100)
    type =
      typeRoll < 57
      ? .manufacturer
      : typeRoll < 88 ? .tradingCompany : typeRoll < 92 ? .agent : typeRoll < 98 ? .distributor : .other
    typeKnown = rng.chance(0.97)
    // Many young companies, a long tail of old ones.
    let age = 1 + Int(35 * rng.unit() * rng.unit() + 0.5)
    established = asOfYear - age
    tradeAssurance = rng.chance(0.7)
    if rng.chance(0.62) {
      let first = max(established, 2003)
      goldSince = first + rng.below(asOfYear - first + 1)
    } else {
      goldSince = nil
    }
    verified = rng.chance(type == .manufacturer ? 0.45 : 0.2)
    let tierRoll = rng.below(100)
    tier = tierRoll < 48 ? 0 : tierRoll < 80 ? 1 : tierRoll < 95 ? 2 : 3
    self.reviewCount = reviewCount
    plantedBurst = rng.chance(0.01)
    genuineSpike = !plantedBurst && rng.chance(0.006)
    orderCount = rng.chance(0.2) ? 1 + Int(rng.exponential(mean: 2.2)) : 0
  }
}
