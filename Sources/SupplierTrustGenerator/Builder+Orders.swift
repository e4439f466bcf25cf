import SupplierTrustModel

extension CatalogBuilder {
  private static let methods = Weighted(
    [
      ("credit_card", 22), ("debit_card", 5), ("paypal", 8), ("apple_pay", 3), ("google_pay", 2),
      ("afterpay", 2),
      ("bank_transfer", 48), ("western_union", 4), ("cash", 1.5), ("other", 2),
    ].map { (utf8($0.0), $0.1) })
  /// Payment outside the platform forfeits Trade Assurance.
  private static let offPlatform: Set<[UInt8]> = [utf8("western_union"), utf8("cash"), utf8("other")]
  private static let inspections = ["pass", "fail", "not_inspected"].map(utf8)
  private static let disputes = ["none", "open", "refunded", "partially_refunded", "rejected", "withdrawn"]
    .map(
      utf8)

  /// The buyer's own orders with this supplier, oldest first.
  func writeOrders(_ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random) throws {
    guard traits.orderCount > 0 else { return }
    let founded = Day(rollingOverYear: traits.established, month: 1, day: 1)
    var dates = (0..<traits.orderCount).map { _ in asOf - rng.below(min(730, asOf - founded)) }
    dates.sort()
    for orderDate in dates { try writeOrder(traits, orderDate: orderDate, &row, &rng) }
  }

  private func writeOrder(
    _ traits: SupplierTraits, orderDate: Day, _ row: inout RecordRow, _ rng: inout Random
  ) throws {
    let number = beginChild(.order, of: traits, &row)
    row.add(day: orderDate)
    row.end()
    let cents = min(50_000_000, max(5_000, Int(rng.logNormal(median: 4_000, sigma: 1.2) * 100)))
    row.add(cents: cents)
    row.end()
    let method = Self.methods.pick(&rng)
    if rng.chance(0.95) { row.add(method) }
    row.end()
    if rng.chance(0.95) {
      let protected = traits.tradeAssurance && !Self.offPlatform.contains(method) && rng.chance(0.85)
      formats.add(bool: protected, to: &row, &rng)
    }
    row.end()

    // Delivery: poorer suppliers ship late or not at all more often.
    let agreed = orderDate + rng.int(7...45)
    let hasAgreed = rng.chance(0.93)
    if hasAgreed { row.add(day: agreed) }
    row.end()
    var shipped: Day?
    let roll = rng.unit()
    let lateShare = [0.06, 0.12, 0.25, 0.4][traits.tier]
    let missingShare = [0.02, 0.04, 0.08, 0.15][traits.tier]
    if agreed <= asOf {
      if roll < missingShare {
        shipped = nil
      } else if roll < missingShare + lateShare {
        let late = agreed + rng.int(1...30)
        shipped = late <= asOf ? late : nil
      } else {
        shipped = orderDate + rng.below(agreed - orderDate + 1)
      }
    } else if roll < 0.4 {
      let early = orderDate + rng.below(agreed - orderDate + 1)
      shipped = early <= asOf ? early : nil
    }
    if let shipped { row.add(day: shipped) }
    row.end()
    var delivered: Day?
    if let shipped, rng.chance(0.92) {
      let arrival = shipped + rng.int(5...35)
      if arrival <= asOf { delivered = arrival }
    }
    if let delivered { row.add(day: delivered) }
    row.end()
    let inspectionRoll = rng.below(100)
    let failed = inspectionRoll < [4, 7, 14, 25][traits.tier]
    if inspectionRoll < 95 {
      row.add(Self.inspections[failed ? 1 : inspectionRoll < 45 ? 0 : 2])
    }
    row.end()
    try writeDispute(
      orderDate: orderDate, cents: cents, after: delivered ?? shipped ?? agreed,
      troubled: failed || shipped == nil || (shipped ?? agreed) > agreed, tier: traits.tier, &row, &rng)
    try emitChild(.order, number: number, &row)
  }

  /// dispute, dispute_opened_on, dispute_closed_on, refund_usd.
  private func writeDispute(
    orderDate: Day, cents: Int, after trigger: Day, troubled: Bool, tier: Int, _ row: inout RecordRow,
    _ rng: inout Random
  ) throws {
    let share = troubled ? 0.55 : [0.05, 0.1, 0.18, 0.3][tier]
    // A dispute needs a few days of history behind it.
    guard asOf - orderDate >= 3, rng.chance(share) else {
      if rng.chance(0.9) { row.add(Self.disputes[0]) }
      row.skip(4)
      return
    }
    let kind = 1 + rng.below(5)
    row.add(Self.disputes[kind])
    row.end()
    let earliest = max(orderDate + 1, min(trigger, asOf))
    let opened = day(from: earliest, to: earliest + 20, &rng)
    row.add(day: opened)
    row.end()
    if kind != 1 {
      row.add(day: day(from: opened, to: opened + rng.int(3...45), &rng))
    }
    row.end()
    if kind == 2 {
      row.add(cents: cents)
    } else if kind == 3 {
      row.add(cents: max(100, min(cents - 100, cents * rng.int(10...90) / 100)))
    }
    row.end()
  }
}
