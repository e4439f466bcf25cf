import SupplierTrustModel
import Testing

@testable import SupplierTrustScoring

/// The "what would a valid certificate add" suggestion is worked out from the certifications
/// component's own tally; scoring the certificates again with the fresh one added (and the one
/// it replaces taken away; a lapsed one it renews stays, superseded) is the oracle.
@Suite struct CertificateSuggestionTests {
  /// Random catalogs with certificates of every kind of problem.
  static func catalog(seed: UInt64) -> TestCatalog {
    var t = TestCatalog.random(seed: seed)
    var rng = SeededRandom(seed: seed &+ 99)
    let ids = t.catalog.suppliers.map(\.record.id)
    for id in ids where Int.random(in: 0...2, using: &rng) == 0 {
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        t.certificate(
          id, ["ISO9001", "ISO14001", "IATF16949", "CE", "BSCI"].randomElement(using: &rng)!,
          body: ["SGS", "TÜV SÜD", "Unknown Certs Ltd", nil].randomElement(using: &rng)!,
          accreditation: ["UKAS", "CNAS", "IAF-AB", "Global Accreditation Forum", nil].randomElement(
            using: &rng)!,
          issuedDaysAgo: Int.random(in: 10...1500, using: &rng),
          expiresInDays: Int.random(in: -400...2000, using: &rng),
          status: [.valid, .valid, .expired, .suspended, .withdrawn, nil].randomElement(using: &rng)!)
      }
    }
    return t
  }

  @Test(arguments: Array(UInt64(1)...8)) func theSuggestionMatchesRescoringWithTheCertificateAdded(
    seed: UInt64
  ) {
    let t = Self.catalog(seed: seed)
    let scorer = Scorer(asOf: t.asOf)
    let (evidence, _) = scorer.gather(t.catalog)
    var context = Scorer.Context(meanRating: 4, ratingSpread: 1, locations: [])
    context.explains = false
    context.suggests = true
    var quiet = context
    quiet.suggests = false
    var suggested = 0
    var replaced = 0
    var replacedAway = 0
    for e in evidence {
      var flags: [TrustFlag] = []
      let outcome = scorer.certificationComponent(e, context: context, flags: &flags)
      let hasRelevant = outcome.validStandards.contains { scorer.relevance($0) >= 1 }
      guard let fresh = outcome.withFreshCertificate else {
        #expect(hasRelevant, "\(e.supplier.record.id)")
        continue
      }
      #expect(!hasRelevant)
      suggested += 1
      var cert = Certification(supplierID: e.supplier.record.id, standard: fresh.standard)
      cert.certificateNumber = "hypothetical"
      cert.certificationBody = "SGS"
      cert.accreditationBody = "UKAS"
      cert.issuedOn = t.asOf.adding(days: -1)
      cert.expiresOn = t.asOf.adding(years: 3).adding(days: -2)
      cert.status = .valid
      // A replaced certificate goes (black-box review 14: the points were those of adding a
      // valid one beside it, about half the gain of replacing it).
      var changed = e
      if let replacing = fresh.replacing, !fresh.renews {
        let held = e.certifications.indices.filter {
          e.certifications[$0].record.issuedOn.map { $0 <= t.asOf } ?? true
        }
        var kept = Array(e.certifications)
        kept.remove(at: held[replacing] - e.certifications.startIndex)
        changed.certifications = ArraySlice(kept)
        replacedAway += 1
      }
      let rescored = scorer.certificationComponent(
        changed, context: quiet, flags: &flags, adding: Sourced(cert, source: SourceRef(file: -1, line: 0)))
      #expect(rescored.value == fresh.value, "\(e.supplier.record.id)")
      #expect(rescored.confidence == fresh.confidence, "\(e.supplier.record.id)")
      // The certificate it would renew or replace, worded as the full explanation words it.
      if let replacing = fresh.replacing {
        var worded = quiet
        worded.explains = true
        let explained = scorer.certificationComponent(e, context: worded, flags: &flags).assessments[
          replacing]
        #expect(fresh.replacedVerdict == explained.verdict, "\(e.supplier.record.id)")
        #expect(fresh.replacedNumber == explained.certification.certificateNumber, "\(e.supplier.record.id)")
        replaced += 1
      }
    }
    #expect(suggested >= 5)
    #expect(replaced >= 2)
    #expect(replacedAway >= 1)
  }
}
