import SupplierTrustModel

extension CatalogBuilder {
  private static let statuses = ["valid", "expired", "suspended", "withdrawn"].map(utf8)

  /// The life of one certificate as the profile shows it.
  private enum Lifecycle {
    case current, expired, renewed, suspended, withdrawn
  }

  func writeCertifications(_ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random) throws {
    let manufacturer = traits.type == .manufacturer
    if rng.chance(manufacturer ? 0.8 : traits.type == .tradingCompany ? 0.25 : 0.15) {
      try writeCertificate(standard: 0, traits, &row, &rng)
    }
    for (rank, standard) in traits.industry.extraStandards.enumerated() {
      let base = manufacturer ? (rank == 0 ? 0.5 : 0.3) : 0.1
      if rng.chance(base) { try writeCertificate(standard: standard, traits, &row, &rng) }
    }
  }

  private func writeCertificate(
    standard index: Int, _ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random
  ) throws {
    let standard = vocabulary.standards[index]
    let lookAlike = rng.chance(0.05)
    let body = lookAlike ? rng.pick(vocabulary.lookAlikeBodies) : rng.pick(vocabulary.bodies)
    // Accredited management-system certificates run three years; five is a warning sign.
    let years =
      standard.isManagementSystem ? (rng.chance(lookAlike ? 0.4 : 0.04) ? 5 : 3) : index == 7 ? 1 : 5
    let roll = rng.below(100)
    let lifecycle: Lifecycle =
      roll < 70 ? .current : roll < 84 ? .expired : roll < 96 ? .renewed : roll < 98 ? .suspended : .withdrawn
    // Unique per supplier and standard (a multiplicative permutation of their pair, even, so that
    // a renewal's number + 1 is unique too): random draws let two suppliers share a number, which
    // is what a copied certificate looks like. The draw stays, so the rest of the catalog does
    // not change with the numbering.
    _ = rng.below(9_000_000)
    let number = 10_000_000 + (((traits.number * 16 + index) * 48_271) % 45_000_000) * 2
    let accreditation: [UInt8]? =
      lookAlike
      ? rng.pick(vocabulary.lookAlikeAccreditors)
      : (standard.isManagementSystem ? rng.chance(0.94) : rng.chance(0.4)) ? rng.pick(body.accreditors) : nil
    let spelling = standard.spellings.pick(&rng)
    let scope = rng.chance(0.85) ? rng.pick(traits.industry.scopes) : nil
    let founded = Day(rollingOverYear: traits.established, month: 1, day: 1)
    let span = adding(years: years, to: asOf) - asOf

    var issued: Day
    switch lifecycle {
    case .current, .suspended, .withdrawn:
      issued = asOf - rng.below(span - 20)
    case .expired, .renewed:
      issued = asOf - span - 1 - rng.below(900)
    }
    if issued < founded { issued = founded + rng.below(max(1, asOf - founded)) }
    var expires = adding(years: years, to: issued) - 1
    if expires < asOf && (lifecycle == .current || lifecycle == .suspended || lifecycle == .withdrawn) {
      expires = asOf + 1 + rng.below(300)
    }
    let status: Int =
      switch lifecycle {
      case .current: expires < asOf ? 1 : 0
      case .expired, .renewed: expires < asOf ? 1 : 0
      case .suspended: 2
      case .withdrawn: 3
      }
    // Some product reports carry no end date at all.
    let writesExpiry = standard.isManagementSystem || rng.chance(0.6)
    try emitCertificate(
      traits, spelling: spelling, body: body, accreditation: accreditation, number: number,
      tag: standard.numberTag, issued: issued, expires: writesExpiry ? expires : nil, status: status,
      scope: scope, &row, &rng)
    if lifecycle == .renewed && expires < asOf {
      // The renewal is issued around the old expiry, never in the future.
      let renewedOn = min(asOf, expires - 20 + rng.below(40))
      try emitCertificate(
        traits, spelling: spelling, body: body, accreditation: accreditation, number: number + 1,
        tag: standard.numberTag, issued: renewedOn, expires: adding(years: years, to: renewedOn) - 1,
        status: 0, scope: scope, &row, &rng)
    }
  }

  private func emitCertificate(
    _ traits: SupplierTraits, spelling: [UInt8], body: CertificationBody, accreditation: [UInt8]?,
    number: Int, tag: [UInt8], issued: Day, expires: Day?, status: Int, scope: [UInt8]?,
    _ row: inout RecordRow, _ rng: inout Random
  ) throws {
    let recordNumber = beginChild(.certification, of: traits, &row)
    row.add(spelling)
    row.end()
    row.add(body.numberPrefix)
    row.add(tag)
    row.add(int: number)
    row.end()
    row.add(body.name)
    row.end()
    if let accreditation { row.add(accreditation) }
    row.end()
    row.add(day: issued)
    row.end()
    if let expires { row.add(day: expires) }
    row.end()
    if rng.chance(0.92) { row.add(Self.statuses[status]) }
    row.end()
    if let scope { row.add(scope) }
    row.end()
    try emitChild(.certification, number: recordNumber, &row)
  }
}
