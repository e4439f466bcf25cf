import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// A catalog's records grouped by supplier and sorted by their own keys, so that input order never
// matters.
extension Scorer {
  /// Groups records by supplier (in supplier id order), each supplier's records sorted by a key
  /// of their own so that input order never matters. Reviews up to the as-of day are handed out
  /// as slices of one array: when the catalog already holds them grouped and in date order (as
  /// the store gives them) that array is the catalog's own, with nothing copied.
  func gather(_ catalog: Catalog) -> (evidence: [SupplierEvidence], reviews: ReviewTable) {
    let (evidence, reviews, texts, _) = gatherKeepingTexts(catalog)
    guard let texts else { return (evidence, reviews) }
    return (evidence, texts.table.reordered(by: texts.positions))
  }

  /// ``gather(_:)``, with the texts of reviews read out of order left where they were: the
  /// returned table then has none, and review `k`'s text is `table.text(at: positions[k])`. Only
  /// burst candidates' texts are read, and copying four million of them into the new order cost
  /// 0.15 s and 300 MB when scoring from files. Without `keepingIdentities`, neither are its ids
  /// and sources then (``ReviewTable/reorderedWithoutIdentities(by:)``): they too are found
  /// through the positions. `asGiven`: the table is the catalog's own, every review kept in the
  /// order it came (as a store hands them over).
  func gatherKeepingTexts(_ catalog: Catalog, keepingIdentities: Bool = true) -> (
    evidence: [SupplierEvidence], reviews: ReviewTable, texts: (table: ReviewTable, positions: [Int])?,
    asGiven: Bool
  ) {
    let gclock = StageTimer(prefix: "gather: ")
    // By id; positions are sorted, not the large records (a store hands them over sorted).
    let suppliers = catalog.suppliers
    var byID = Array(suppliers.indices)
    if !suppliers.indices.dropFirst().allSatisfy({ suppliers[$0 - 1].record.id <= suppliers[$0].record.id }) {
      byID.sort { suppliers[$0].record.id < suppliers[$1].record.id }
    }
    let supplierCount = byID.count
    // Each supplier's evidence begun on another thread while the table of ids is built here
    // (one after the other, they left a core idle for 0.03 s at size L).
    let evidenceBox = UnsafeSendableBox<[SupplierEvidence]>([])
    let evidenceWork = DispatchGroup()
    DispatchQueue.global().async(group: evidenceWork) { [byID] in
      evidenceBox.value = byID.map { SupplierEvidence(supplier: suppliers[$0]) }
    }
    // Each supplier's position by its id's bytes: half a million look-ups (certificates, audits,
    // orders, runs of reviews) each seeded and ran SipHash through a `[String: Int]`. Importing
    // keeps ids unique, so a supplier's number is its position; of a catalog built with an id
    // twice, the first supplier of that id gets its records.
    let numbering = NameNumbering(byID.map { suppliers[$0].record.id })
    let index = SupplierIndex(numbering: numbering)
    // Each kind grouped by supplier in one array, each supplier's records handed out as a slice
    // of it: three arrays to build and free rather than three per supplier.
    // Certificates (the most, with string keys) on another thread while this one does the rest.
    let certificationsBox = UnsafeSendableBox<(records: [Sourced<Certification>], starts: [Int])>(([], []))
    let certificationWork = DispatchGroup()
    DispatchQueue.global().async(group: certificationWork) { [index, count = supplierCount] in
      var hint = -1
      certificationsBox.value = grouped(
        catalog.certifications, into: count, owner: { index.number(of: $0.supplierID, near: &hint) ?? -1 },
        by: \.key)
    }
    var hint = -1
    let audits = grouped(
      catalog.audits, into: supplierCount, owner: { index.number(of: $0.supplierID, near: &hint) ?? -1 },
      Scorer.auditPrecedes)
    hint = -1
    let orders = grouped(
      catalog.orders, into: supplierCount, owner: { index.number(of: $0.supplierID, near: &hint) ?? -1 }
    ) {
      $0.id < $1.id
    }
    evidenceWork.wait()
    // Taken out of the box, not copied: the array is changed in place below.
    var evidence: [SupplierEvidence] = []
    swap(&evidence, &evidenceBox.value)
    for i in evidence.indices {
      evidence[i].audits = audits.records[audits.starts[i]..<audits.starts[i + 1]]
      evidence[i].orders = orders.records[orders.starts[i]..<orders.starts[i + 1]]
    }

    gclock.lap("suppliers, audits, orders")
    // Reviews: the supplier of each run of equal supplier ids, looked up once per run.
    let reviews = catalog.reviews
    let days = reviews.days
    let ids = reviews.ids
    let supplierIDs = reviews.supplierIDs
    var owner = [Int32](repeating: -1, count: reviews.count)
    var counts = [Int](repeating: 0, count: evidence.count)
    var inOrder = true
    let last = asOf.daysSinceEpoch
    // Through buffer pointers, and the ids read only when two dates are equal: 4M reviews make
    // this a pass over memory, and the checks and id loads doubled it. Supplier ids are looked up
    // once per run of them.
    hint = -1
    days.withUnsafeBufferPointer { days in
      owner.withUnsafeMutableBufferPointer { owner in
        for run in supplierIDs.values.indices {
          let runOwner = index.number(of: supplierIDs.values[run], near: &hint).map(Int32.init) ?? -1
          for k in supplierIDs.rows(ofRun: run) where days[k].daysSinceEpoch <= last {
            owner[k] = runOwner
            guard runOwner >= 0 else { continue }
            counts[Int(runOwner)] += 1
            if inOrder, k > 0, owner[k - 1] >= 0 {
              let before = owner[k - 1]
              if before > runOwner {
                inOrder = false
              } else if before == runOwner {
                let (earlier, later) = (days[k - 1].daysSinceEpoch, days[k].daysSinceEpoch)
                if earlier > later || (earlier == later && ids.precedes(k, k - 1)) { inOrder = false }
              }
            }
          }
        }
      }
    }
    gclock.lap("owners")
    var starts = [Int](repeating: 0, count: evidence.count + 1)
    for i in evidence.indices { starts[i + 1] = starts[i] + counts[i] }
    var ordered: ReviewTable
    var texts: (table: ReviewTable, positions: [Int])?
    let kept = starts[evidence.count]
    // Every review kept (so every one has an owner) and each after its predecessor: use as is.
    let asGiven = inOrder && kept == reviews.count
    if asGiven {
      ordered = reviews
    } else {
      // Counting sort by supplier, then each supplier's reviews by date and id.
      var placement = starts
      var permutation = [Int](repeating: 0, count: kept)
      for k in 0..<reviews.count where owner[k] >= 0 {
        permutation[placement[Int(owner[k])]] = k
        placement[Int(owner[k])] += 1
      }
      // Each supplier's reviews by date, on both cores: as one key per review (the day above the
      // position in the file) sorted as plain integers; reviews of one day then in id order byte
      // by byte, as the store orders them, sorted again only where the file did not have them
      // so. A comparison closure over days and ids took a second for the 4 M reviews of L.
      permutation.withUnsafeMutableBufferPointer { all in
        let shared = UnsafeSendableBuffer(all)
        let counts = counts
        let starts = starts
        let suppliers = evidence.count
        DispatchQueue.concurrentPerform(iterations: (suppliers + 1023) / 1024) { chunk in
          var keys: [UInt64] = []
          for i in (chunk * 1024)..<min(suppliers, (chunk + 1) * 1024) where counts[i] > 1 {
            let group = UnsafeMutableBufferPointer(rebasing: shared.buffer[starts[i]..<starts[i + 1]])
            keys.removeAll(keepingCapacity: true)
            for k in group {
              let day = UInt64(UInt32(bitPattern: days[k].daysSinceEpoch) ^ 0x8000_0000)
              keys.append(day << 32 | UInt64(k))
            }
            keys.sort()
            for (slot, key) in keys.enumerated() { group[slot] = Int(key & 0xFFFF_FFFF) }
            var runStart = 0
            while runStart < group.count {
              var runEnd = runStart + 1
              while runEnd < group.count && days[group[runEnd]] == days[group[runStart]] { runEnd += 1 }
              if runEnd - runStart > 1,
                (runStart..<(runEnd - 1)).contains(where: { !ids.precedes(group[$0], group[$0 + 1]) })
              {
                group[runStart..<runEnd].sort { ids.precedes($0, $1) }
              }
              runStart = runEnd
            }
          }
        }
      }
      gclock.lap("sort")
      if reviews.hasTexts {
        texts = (reviews, permutation)
        // Ids and sources too are then found through the positions, by those that cite reviews.
        ordered =
          keepingIdentities || catalog.deferredReviewTexts != nil
          ? reviews.reordered(by: permutation, texts: false)
          : reviews.reorderedWithoutIdentities(by: permutation)
      } else {
        ordered = reviews.reordered(by: permutation)
      }
    }
    gclock.lap("reorder")
    certificationWork.wait()
    gclock.lap("certificates wait")
    let certifications = certificationsBox.value
    for i in evidence.indices {
      evidence[i].reviews = starts[i]..<starts[i + 1]
      evidence[i].certifications =
        certifications.records[certifications.starts[i]..<certifications.starts[i + 1]]
    }
    return (evidence, ordered, texts, asGiven)
  }

  /// ``grouped(_:into:owner:_:)`` with each group sorted by a key made once per record: a
  /// certificate's key is a string built from four fields, and building two per comparison took
  /// a catalog of 1 M certificates (20 a supplier) 2 s to group (stress review 142).
  func grouped<R, Key: Comparable>(
    _ records: [Sourced<R>], into count: Int, owner: (R) -> Int, by key: (R) -> Key
  ) -> (records: [Sourced<R>], starts: [Int]) {
    var keys: [Key?] = Array(repeating: nil, count: records.count)
    return grouped(
      records, into: count, owner: owner,
      sortingGroup: { group in
        for k in group { keys[k] = key(records[k].record) }
        group.sort { keys[$0]! < keys[$1]! }
        for k in group { keys[k] = nil }
      })
  }

  /// `records` of known suppliers, grouped by supplier (in evidence order) and each group sorted
  /// by `areInIncreasingOrder`; group `i` is `records[starts[i]..<starts[i + 1]]`.
  func grouped<R>(
    _ records: [Sourced<R>], into count: Int, owner: (R) -> Int, _ areInIncreasingOrder: (R, R) -> Bool
  ) -> (records: [Sourced<R>], starts: [Int]) {
    grouped(records, into: count, owner: owner) { group in
      group.sort { areInIncreasingOrder(records[$0].record, records[$1].record) }
    }
  }

  /// The grouping of ``grouped(_:into:owner:_:)``, each group of two or more record positions
  /// put in order by `sortingGroup`.
  private func grouped<R>(
    _ records: [Sourced<R>], into count: Int, owner: (R) -> Int,
    sortingGroup: (inout ArraySlice<Int>) -> Void
  ) -> (records: [Sourced<R>], starts: [Int]) {
    var owners = [Int](repeating: -1, count: records.count)
    for k in records.indices { owners[k] = owner(records[k].record) }
    var starts = [Int](repeating: 0, count: count + 1)
    for owner in owners where owner >= 0 { starts[owner + 1] += 1 }
    for i in 0..<count { starts[i + 1] += starts[i] }
    var placement = starts
    var positions = [Int](repeating: 0, count: starts[count])
    for (k, owner) in owners.enumerated() where owner >= 0 {
      positions[placement[owner]] = k
      placement[owner] += 1
    }
    for i in 0..<count where starts[i + 1] - starts[i] > 1 {
      sortingGroup(&positions[starts[i]..<starts[i + 1]])
    }
    // Already grouped and in order (as a store hands them over): the same array, not a copy.
    if positions.count == records.count, positions.indices.allSatisfy({ positions[$0] == $0 }) {
      return (records, starts)
    }
    return (positions.map { records[$0] }, starts)
  }

  /// Whether `catalog` is laid out as a store hands it over: supplier ids ASCII (as imports
  /// require), suppliers in strictly increasing id order (no id twice), and certificates, audits
  /// and orders each grouped by supplier in that order. With reviews found as given by a run of the
  /// same catalog (which checked them), one supplier's evidence can then be found by its id alone
  /// (``evidence(ofSupplierAt:in:)``), as ``gather(_:)`` would group it. Ids are compared as bytes
  /// (ASCII ids sort alike either way): comparing them as strings took 0.1 s for size L.
  func isLaidOutByID(_ catalog: Catalog) -> Bool {
    let suppliers = catalog.suppliers
    for k in suppliers.indices {
      let id = suppliers[k].record.id
      guard id.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
      if k > 0, compareBytes(suppliers[k - 1].record.id, id) >= 0 { return false }
    }
    let certifications = catalog.certifications
    for k in certifications.indices.dropFirst()
    where compareBytes(certifications[k - 1].record.supplierID, certifications[k].record.supplierID) > 0 {
      return false
    }
    let audits = catalog.audits
    for k in audits.indices.dropFirst()
    where compareBytes(audits[k - 1].record.supplierID, audits[k].record.supplierID) > 0 {
      return false
    }
    let orders = catalog.orders
    for k in orders.indices.dropFirst()
    where compareBytes(orders[k - 1].record.supplierID, orders[k].record.supplierID) > 0 {
      return false
    }
    return true
  }

  /// The evidence of `catalog.suppliers[position]` exactly as ``gatherKeepingTexts(_:)`` gathers
  /// it, for a catalog ``isLaidOutByID(_:)`` whose reviews it keeps as given (all up to the as-of
  /// day): each kind's run of the supplier's id, sorted by the same keys.
  func evidence(ofSupplierAt position: Int, in catalog: Catalog) -> SupplierEvidence {
    let supplier = catalog.suppliers[position]
    let id = supplier.record.id
    /// The positions of `id`'s records among records grouped by supplier id.
    func run(_ count: Int, _ owner: (Int) -> String) -> Range<Int> {
      func first(after: Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
          let middle = (low + high) / 2
          let order = compareBytes(owner(middle), id)
          if order < 0 || (after && order == 0) { low = middle + 1 } else { high = middle }
        }
        return low
      }
      return first(after: false)..<first(after: true)
    }
    /// The records of `range` in the order ``grouped(_:into:owner:_:)`` puts them.
    func sorted<R>(_ records: [Sourced<R>], _ range: Range<Int>, _ less: (R, R) -> Bool) -> ArraySlice<
      Sourced<R>
    > {
      var positions = Array(range)
      if positions.count > 1 { positions.sort { less(records[$0].record, records[$1].record) } }
      return ArraySlice(positions.map { records[$0] })
    }
    let certifications = catalog.certifications
    let audits = catalog.audits
    let orders = catalog.orders
    let reviewOwners = catalog.reviews.supplierIDs
    // The run of `id` among the owners' runs (a laid-out catalog's are in id order).
    let ownerRun = run(reviewOwners.values.count) { reviewOwners.values[$0] }
    var e = SupplierEvidence(supplier: supplier)
    e.certifications = sorted(
      certifications, run(certifications.count) { certifications[$0].record.supplierID }
    ) { $0.key < $1.key }
    e.audits = sorted(audits, run(audits.count) { audits[$0].record.supplierID }, Scorer.auditPrecedes)
    e.orders = sorted(orders, run(orders.count) { orders[$0].record.supplierID }) { $0.id < $1.id }
    // Where its rows are, or would be (an empty range at the place a search of the rows finds).
    let startRow =
      ownerRun.lowerBound < reviewOwners.values.count
      ? reviewOwners.rows(ofRun: ownerRun.lowerBound).lowerBound : reviewOwners.count
    e.reviews =
      startRow..<(ownerRun.isEmpty ? startRow : reviewOwners.rows(ofRun: ownerRun.upperBound - 1).upperBound)
    e.doubtfulVerified = doubtfulVerification(e, catalog.reviews)
    var one = [e]
    assignSectors(&one)
    return one[0]
  }

  func location(_ ref: SourceRef, _ context: Context) -> String {
    guard context.explains else { return "" }
    let path = context.locations.indices.contains(Int(ref.file)) ? context.locations[Int(ref.file)] : "?"
    return "\(path):\(ref.line)"
  }
}

/// The order of `a` and `b` by their UTF-8 bytes: negative, zero or positive.
@inline(__always) func compareBytes(_ a: String, _ b: String) -> Int {
  var (a, b) = (a, b)
  return a.withUTF8 { x in
    b.withUTF8 { y in
      let shared = min(x.count, y.count)
      if shared > 0 {
        let order = memcmp(x.baseAddress!, y.baseAddress!, shared)
        if order != 0 { return Int(order) }
      }
      return x.count - y.count
    }
  }
}
