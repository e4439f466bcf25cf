import SupplierTrustModel

/// Generates the records supplier by supplier and hands them to a sink.
///
/// Every supplier draws from its own random stream (seed, supplier number), so a supplier's
/// content does not depend on how many random numbers its predecessors used.
final class CatalogBuilder {
  let vocabulary = Vocabulary.shared
  let formats = ValueFormats()
  let asOf: Day
  let asOfYear: Int
  let seed: UInt64
  let sink: CatalogSink
  var injector: FaultInjector
  /// The last number used per record kind (ids are sequential).
  var lastNumber = [Int](repeating: 0, count: RecordKind.allCases.count)
  /// Established reviewers are drawn from this many ids; burst accounts get ids above it.
  let reviewerPool: Int
  var burstReviewers = 0
  /// Whether the supplier being written was spoilt: its records are then written as they would
  /// be, and listed as rejected with it.
  var supplierSpoilt = false
  /// Records listed as rejected with their spoilt supplier.
  var rejectedWithSupplier = 0

  init(options: GeneratorOptions, asOf: Day, sink: CatalogSink) {
    self.asOf = asOf
    asOfYear = asOf.year
    seed = options.seed
    self.sink = sink
    injector = FaultInjector(seed: options.seed, rate: options.badRecordRate)
    reviewerPool = max(2_000, options.supplierCount * 8)
  }

  func run(suppliers: Int, reviewCounts: [Int32], progress: ((Double) -> Void)?) throws {
    let step = max(1, suppliers / 100)
    // The record being assembled, reused so that the hot path does not allocate. Passed inout
    // rather than stored in the class: a class property costs a dynamic exclusivity check on
    // every access, which measured as a fifth of the run time.
    var row = RecordRow()
    for index in 0..<suppliers {
      var rng = Random(seed: seed, stream: UInt64(index) &+ 1)
      let traits = SupplierTraits(
        number: index + 1, reviewCount: Int(reviewCounts[index]), asOfYear: asOfYear, vocabulary: vocabulary,
        rng: &rng)
      try emitSupplier(traits, &row, &rng)
      if let progress, (index + 1) % step == 0 { progress(Double(index + 1) / Double(suppliers)) }
    }
  }

  private func emitSupplier(_ traits: SupplierTraits, _ row: inout RecordRow, _ rng: inout Random) throws {
    writeProfile(traits, &row, &rng)
    lastNumber[RecordKind.supplier.rawValue] = traits.number
    let fault = injector.inject(.supplier, into: &row, number: traits.number)
    try sink.beginSupplier(row, fault: fault)
    // A spoilt supplier's records are written all the same and listed as rejected with it (an
    // importer rejects records of a supplier it rejected): leaving them out had shrunk a
    // catalog with half its suppliers spoilt to half its reviews, and made it differ from its
    // clean twin (black-box review 56). Except under a copied id: nested in XML, its records
    // would belong to the supplier whose id it copies, in CSV to none; it stands alone.
    if fault?.kind != .duplicateID {
      supplierSpoilt = fault != nil
      try writeCertifications(traits, &row, &rng)
      try writeAudits(traits, &row, &rng)
      try writeReviews(traits, &row, &rng)
      try writeOrders(traits, &row, &rng)
      supplierSpoilt = false
    }
    try sink.endSupplier()
  }

  /// Starts a child record: its own id (when the kind has one) and the owning supplier's id.
  @inline(__always)
  func beginChild(_ kind: RecordKind, of traits: SupplierTraits, _ row: inout RecordRow) -> Int {
    row.reset()
    lastNumber[kind.rawValue] += 1
    let number = lastNumber[kind.rawValue]
    if kind.idColumn != nil {
      row.add(id: number, of: kind)
      row.end()
    }
    row.add(id: traits.number, of: .supplier)
    row.end()
    return number
  }

  /// Passes the finished child record on, spoilt now and then.
  @inline(__always)
  func emitChild(_ kind: RecordKind, number: Int, _ row: inout RecordRow) throws {
    if supplierSpoilt {
      // Rejected for its supplier; not spoilt again, and never the id a duplicate copies.
      try sink.child(kind, row, fault: Fault(column: kind.supplierColumn, kind: .supplierRejected))
      rejectedWithSupplier += 1
      return
    }
    if let fault = injector.inject(kind, into: &row, number: number) {
      if fault.kind == .unknownSupplier {
        try sink.orphan(kind, row, fault: fault)
      } else {
        try sink.child(kind, row, fault: fault)
      }
    } else {
      try sink.child(kind, row, fault: nil)
    }
  }

  /// A day uniformly in `from...to` (clamped so that `to` never passes the export day).
  @inline(__always)
  func day(from: Day, to: Day, _ rng: inout Random) -> Day {
    let end = min(to, asOf)
    guard end > from else { return min(from, asOf) }
    return from + rng.below(end - from + 1)
  }

  /// The same calendar day `years` later (February 29 rolls to March 1).
  func adding(years: Int, to day: Day) -> Day {
    let c = day.components
    return Day(rollingOverYear: c.year + years, month: c.month, day: c.day)
  }
}
