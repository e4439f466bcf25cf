extension Scorer {
  /// What would change the score or its confidence, each worked out by scoring the supplier again
  /// with the change applied (so the numbers are the model's own, not rules of thumb).
  func suggestions(
    for result: SupplierAssessment, evidence e: SupplierEvidence, suspicious: [Bool], bursts: [ReviewBurst],
    context: Context
  ) -> [String] {
    var out: [String] = []
    func rescored(_ change: (inout SupplierEvidence) -> Void, extraReviews: Int = 0) -> SupplierAssessment {
      var copy = e
      change(&copy)
      let flags = suspicious + Array(repeating: false, count: max(0, copy.reviews.count - suspicious.count))
      return assess(copy, suspicious: flags, bursts: bursts, context: context, explain: false)
    }
    func gain(_ other: SupplierAssessment) -> Double? {
      guard let before = result.score, let after = other.score else { return nil }
      return after - before
    }

    // Certificates: renewing or obtaining the most relevant quality-system certificate.
    let top = policy.certifications.relevance.filter { $0.value >= 1 }.keys.sorted().first ?? "ISO9001"
    let holdsTop = result.validStandards.contains { relevance($0) >= 1 }
    if !holdsTop {
      let lapsed = result.certificates.first { relevance($0.certification.standard) >= 1 }
      let standard = lapsed?.certification.standard ?? top
      var cert = Certification(supplierID: result.supplier.id, standard: standard)
      cert.certificateNumber = "hypothetical"
      cert.certificationBody = "SGS"
      cert.accreditationBody = "UKAS"
      cert.issuedOn = asOf.adding(days: -1)
      cert.expiresOn = asOf.adding(years: 3).adding(days: -2)
      cert.status = .valid
      let other = rescored { $0.certifications.append(Sourced(cert, source: SourceRef(file: -1, line: 0))) }
      if let g = gain(other), g >= 0.5 {
        let verb =
          lapsed.map {
            "renewing \(standard)\($0.certification.certificateNumber.map { " \($0)" } ?? "") (\($0.verdict))"
          }
          ?? "a valid \(standard) certificate from an accredited body"
        out.append("\(verb) would add about \(format(g, 0)) points")
      }
    }
    // Audits: a fresh passed audit when there is none, it failed, or it is stale.
    let auditFlags = result.flags.contains { $0.code == .auditFailed || $0.code == .auditStale }
    if result.components.audits == nil || auditFlags {
      let audit = Audit(
        id: "hypothetical", supplierID: result.supplier.id, kind: .factoryAudit, date: asOf, result: .pass)
      var passed = audit
      passed.auditor = "SGS"
      passed.majorFindings = 0
      passed.minorFindings = 0
      let other = rescored { $0.audits.append(Sourced(passed, source: SourceRef(file: -1, line: 0))) }
      if let g = gain(other), g >= 0.5 {
        out.append(
          "a passed on-site audit by a recognised auditor (e.g. SGS) would add about \(format(g, 0)) points")
      }
    }
    // Delivery: the next orders shipped on time.
    if result.flags.contains(where: { $0.code == .lateShipments }) {
      let n = 5
      let other = rescored { copy in
        for k in 0..<n {
          var o = Order(
            id: "hypothetical-\(k)", supplierID: result.supplier.id, orderDate: asOf.adding(days: -40),
            amount: Money(cents: 100_000))
          o.agreedShipDate = asOf.adding(days: -10)
          o.shippedDate = asOf.adding(days: -11)
          o.dispute = DisputeStatus.none
          copy.orders.append(Sourced(o, source: SourceRef(file: -1, line: 0)))
        }
      }
      if let g = gain(other), g >= 0.5 {
        out.append("shipping the next \(n) orders on time would add about \(format(g, 0)) points")
      }
    }
    // Trade Assurance.
    if result.supplier.tradeAssurance != true {
      let other = rescored { copy in
        copy.supplier.record.tradeAssurance = true
        copy.supplier.record.tradeAssuranceLimit =
          copy.supplier.record.tradeAssuranceLimit ?? Money(cents: 5_000_000)
      }
      if let g = gain(other), g >= 0.5 {
        out.append("joining Trade Assurance (with a $50,000 limit) would add about \(format(g, 0)) points")
      }
    }
    // Confidence: how many more verified reviews at the current level it takes to gain ground.
    if result.confidence < 0.9 {
      let rating = result.reviews.meanRating.map { ($0 * 10).rounded() / 10 } ?? context.meanRating
      for n in [5, 10, 20, 40, 80, 160, 320] {
        let other = rescored { copy in
          for k in 0..<n {
            var r = Review(
              id: "hypothetical-\(k)", supplierID: result.supplier.id, rating: rating, date: asOf)
            r.verifiedPurchase = true
            copy.reviews.append(Sourced(r, source: SourceRef(file: -1, line: 0)))
          }
        }
        if other.confidence >= result.confidence + 0.1 || other.confidence >= 0.8 || n == 320 {
          if other.confidence > result.confidence {
            out.append(
              "about \(n) more verified reviews at \(format(rating, 1))★ would raise confidence from \(format(result.confidence, 2)) to \(format(other.confidence, 2))"
            )
          }
          break
        }
      }
    }
    return out
  }
}
