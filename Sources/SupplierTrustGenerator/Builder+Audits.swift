import SupplierTrustModel

extension CatalogBuilder {
  private static let kinds = [
    "gold_supplier_onsite", "verified_supplier", "factory_audit", "social_compliance", "quality_inspection",
  ].map(utf8)
  private static let results = ["pass", "conditional", "fail"].map(utf8)

  func writeAudits(_ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random) throws {
    if traits.goldSince != nil && rng.chance(0.8) {
      try writeAudit(kind: 0, recentDays: 365, traits, &row, &rng)
    }
    if traits.verified && rng.chance(0.9) { try writeAudit(kind: 1, recentDays: 730, traits, &row, &rng) }
    if traits.type == .manufacturer && rng.chance(0.3) {
      try writeAudit(kind: 2, recentDays: 1095, traits, &row, &rng)
    }
    let laborIntensive = traits.industry.extraStandards.contains(7)
    if rng.chance(laborIntensive ? 0.4 : 0.08) {
      try writeAudit(kind: 3, recentDays: 1095, traits, &row, &rng)
    }
    if rng.chance(0.15) { try writeAudit(kind: 4, recentDays: 900, traits, &row, &rng) }
  }

  private func writeAudit(
    kind: Int, recentDays: Int, _ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random
  ) throws {
    let number = beginChild(.audit, of: traits, &row)
    row.add(Self.kinds[kind])
    row.end()
    if rng.chance(0.95) { row.add(rng.pick(vocabulary.auditors[kind])) }
    row.end()
    let founded = Day(rollingOverYear: traits.established, month: 1, day: 1)
    var date: Day
    if rng.chance(0.08) {
      // Stale audits from before the pandemic, still shown on the profile.
      date = day(
        from: Day(rollingOverYear: 2018, month: 1, day: 1),
        to: Day(rollingOverYear: 2020, month: 12, day: 31), &rng)
    } else {
      date = asOf - rng.below(recentDays)
    }
    if date < founded { date = day(from: founded, to: asOf, &rng) }
    row.add(day: date)
    row.end()
    let passShare = [0.92, 0.84, 0.7, 0.5][traits.tier]
    let roll = rng.unit()
    let result = roll < passShare ? 0 : roll < passShare + (1 - passShare) * 0.65 ? 1 : 2
    row.add(Self.results[result])
    row.end()
    if rng.chance(0.9) {
      row.add(int: result == 0 ? rng.int(75...100) : result == 1 ? rng.int(55...80) : rng.int(20...60))
    }
    row.end()
    let findingsKnown = rng.chance(0.85)
    if findingsKnown {
      row.add(int: result == 0 ? (rng.chance(0.1) ? 1 : 0) : result == 1 ? rng.int(1...2) : rng.int(2...6))
    }
    row.end()
    if findingsKnown { row.add(int: rng.below(result == 0 ? 6 : 13)) }
    row.end()
    if rng.chance(0.7) { row.add(day: adding(years: 1, to: date)) }
    row.end()
    try emitChild(.audit, number: number, &row)
  }
}
