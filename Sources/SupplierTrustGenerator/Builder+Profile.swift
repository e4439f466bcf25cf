extension CatalogBuilder {
  private static let cjkBrands = ["华强", "金源", "恒力", "鸿达", "新和", "永盛"].map(utf8)
  private static let tradingSuffixes = ["Trading Co., Ltd.", "Import & Export Co., Ltd."].map(utf8)

  /// Fills `row` with the supplier's profile in contract column order.
  func writeProfile(_ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random) {
    row.reset()
    row.add(id: traits.number, of: .supplier)
    row.end()
    let regionIndex = rng.below(traits.country.regions.count)
    let region = traits.country.regions[regionIndex]
    writeName(traits, city: rng.pick(region.cities), &row, &rng)
    row.add(traits.country.code)
    row.end()
    if rng.chance(0.9) { row.add(region.region) }
    row.end()
    if traits.typeKnown { row.add(traits.type.spelling) }
    row.end()
    writeCategories(traits.industry, &row, &rng)
    if rng.chance(0.95) { row.add(int: traits.established) }
    row.end()
    if rng.chance(0.9) {
      let median = traits.type == .manufacturer ? 120.0 : 15.0
      row.add(int: max(1, min(30_000, Int(rng.logNormal(median: median, sigma: 1.0)))))
    }
    row.end()
    if rng.chance(0.96) { formats.add(bool: traits.tradeAssurance, to: &row, &rng) }
    row.end()
    if traits.tradeAssurance && rng.chance(0.95) {
      // Coverage limits are heavy-tailed: most a few ten thousand dollars, a few millions.
      let limit = min(5_000_000, max(5_000, Int(rng.logNormal(median: 60_000, sigma: 1.1))))
      formats.add(dollars: limit / 1_000 * 1_000, to: &row, &rng)
    }
    row.end()
    if let since = traits.goldSince { row.add(int: since) }
    row.end()
    if rng.chance(0.93) { formats.add(bool: traits.verified, to: &row, &rng) }
    row.end()
    if rng.chance(0.92) { formats.add(bool: rng.chance(0.93), to: &row, &rng) }
    row.end()
    writeServiceLevels(traits, &row, &rng)
    writeVolume(traits, &row, &rng)
  }

  private func writeName(_ traits: SupplierTraits, city: [UInt8], _ row: inout RecordRow, _ rng: inout Random)
  {
    let country = traits.country
    if !country.prefix.isEmpty && (country.code != utf8("VN") || rng.chance(0.4)) { row.add(country.prefix) }
    row.add(city)
    row.add(byte: 0x20)
    let quoted = rng.chance(0.005)
    if quoted { row.add(byte: 0x22) }
    row.add(rng.pick(vocabulary.nameWords))
    if quoted { row.add(byte: 0x22) }
    row.add(byte: 0x20)
    row.add(rng.pick(traits.industry.words))
    row.add(byte: 0x20)
    let chinese = country.code == utf8("CN")
    if chinese && traits.type == .tradingCompany && rng.chance(0.7) {
      row.add(rng.pick(Self.tradingSuffixes))
    } else {
      row.add(rng.pick(country.suffixes))
    }
    if chinese && rng.chance(0.03) {
      row.add(utf8(" ("))
      row.add(rng.pick(Self.cjkBrands))
      row.add(byte: 0x29)
    }
    row.end()
  }

  private func writeCategories(_ industry: Industry, _ row: inout RecordRow, _ rng: inout Random) {
    defer { row.end() }
    guard rng.chance(0.95) else { return }
    let count = min(industry.categories.count, 1 + rng.below(4))
    let first = rng.below(industry.categories.count)
    for offset in 0..<count {
      if offset > 0 { row.add(byte: 0x3B) }
      row.add(industry.categories[(first + offset) % industry.categories.count])
    }
  }

  /// response_rate, median_response_hours, on_time_delivery_rate, platform_rating.
  private func writeServiceLevels(_ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random) {
    let tier = traits.tier
    if rng.chance(0.95) {
      let base = [960, 900, 820, 650][tier]
      formats.add(rate: base + rng.int(-60...40), to: &row, &rng)
    }
    row.end()
    if rng.chance(0.9) {
      let hours = rng.logNormal(median: [2.5, 5, 10, 20][tier], sigma: 0.8)
      row.add(tenths: max(5, min(720, Int(hours * 10))), trim: true)
    }
    row.end()
    if rng.chance(0.9) {
      let base = [975, 930, 850, 700][tier]
      formats.add(rate: base + rng.int(-50...25), to: &row, &rng)
    }
    row.end()
    if traits.reviewCount > 0 || rng.chance(0.3) {
      let base = [48, 45, 41, 34][tier]
      row.add(tenths: max(10, min(50, base + rng.int(-3...2))))
    }
    row.end()
  }

  /// transactions_12m, revenue_12m_usd.
  private func writeVolume(_ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random) {
    let transactions = Int(rng.logNormal(median: 20 + Double(traits.reviewCount), sigma: 0.9))
    let known = rng.chance(0.9)
    if known { row.add(int: transactions) }
    row.end()
    if known && rng.chance(0.85) {
      let revenue = Double(transactions) * rng.logNormal(median: 2_500, sigma: 0.7)
      formats.add(dollars: Int(revenue), to: &row, &rng)
    }
    row.end()
  }
}
