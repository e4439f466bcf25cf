// The certifications component: each certificate's status, dates, issuer and accreditation,
// weighed by the standard's relevance to the supplier's sectors.
extension Scorer {
  struct CertificationOutcome {
    var value: Double?
    var confidence: Double
    var factor: Factor?
    var assessments: [CertificateAssessment]
    var validStandards: Set<String>
    /// The component with a fresh, valid certificate of the most relevant standard added (for
    /// the suggestions; nil unless the context suggests and no relevant standard is valid).
    var withFreshCertificate: CertificateSuggestion?
    /// The component with each other certificate that has a fault of its own (lapsed without
    /// renewal, suspended, from a look-alike or unrecognised body, valid too long) renewed or
    /// replaced by a valid one (for the suggestions; empty unless the context suggests).
    var repairs: [CertificateSuggestion] = []
  }

  /// How the certificate's issuer and accreditation body are recognised (nil: not stated); an
  /// accreditation body in no list may be the scheme owner of its standard (IATF for IATF 16949).
  func bodyRecognition(_ c: Certification, context: Context) -> (
    issuer: Recognition?, accreditor: Recognition?
  ) {
    let issuer = c.certificationBody.map {
      context.bodies.certification[$0] ?? registry.certificationBody($0)
    }
    let accreditor = c.accreditationBody.map { name -> Recognition in
      let general = context.bodies.accreditation[name] ?? registry.accreditationBody(name)
      guard case .unknown = general else { return general }
      return registry.schemeOwner(name, of: c.standard)
    }
    return (issuer, accreditor)
  }

  /// What a fresh, valid certificate would make of a supplier's certifications component.
  struct CertificateSuggestion: Sendable {
    var standard: String
    /// Position among the certificates held as of the day of the one it would renew or replace.
    var replacing: Int?
    /// That certificate's number and verdict, in the explanation's words.
    var replacedNumber: String?
    var replacedVerdict: String?
    /// Whether the fresh certificate renews the one at `replacing` (it lapsed: it stays on record,
    /// superseded) rather than replacing it (suspended, from a look-alike or unrecognised body,
    /// valid too long: it goes, with what it took off).
    var renews = false
    /// Whether its own issuer, renewing it, would be the recognised, accredited body the fresh
    /// certificate is worked out for; otherwise the suggestion names one in its place.
    var renewableAsIs = true
    var value: Double
    var confidence: Double
  }

  /// The certifications component from its parts: each standard's best certificate value, the
  /// penalties, and how completely the certificates state their bodies and expiry.
  private func certificationValue(
    best: [(standard: String, value: Double, expiry: Day?)], penalty: Double, undocumented: Double,
    sectors: UInt64
  ) -> (value: Double, confidence: Double) {
    let p = policy.certifications
    // The most relevant standard earns most of the credit and the others the rest, so that a
    // second and third standard still count (capping the sum at 1 let ISO 9001 alone tie ISO 9001
    // with ISO 14001 and ISO 45001).
    let contributions = best.map { relevance($0.standard, sectors: sectors) * $0.value }.sorted(by: >)
    let share = p.otherStandardsShare
    let credit =
      (1 - share) * min(1, contributions.first ?? 0) + share * min(1, contributions.dropFirst().reduce(0, +))
    // Certificates start from where having none stands (the policy's value for a missing
    // component), so that a valid certificate of any standard can only add to it.
    let baseline = policy.missingComponentValue
    return (
      min(1, max(0, baseline + (1 - baseline) * credit - penalty)),
      min(1, 0.5 + 0.5 * (1 - undocumented))
    )
  }

  /// A status that takes a certificate out of force, in words that do not put another word in the
  /// record's mouth: the record keeps only what its status is read as, and "revoked", "void" or
  /// "pending" had been reported as "is withdrawn" or "is suspended" (outside certificate test).
  static func statusInWords(_ status: CertificateStatus) -> String {
    switch status {
    case .withdrawn:
      return
        "its status is withdrawn or a word read as it (revoked, terminated, void, invalid, not valid, inactive)"
    case .suspended:
      return "its status is suspended or a word read as it (on hold, pending, draft)"
    default:
      return "its status is \(status.rawValue)"
    }
  }

  /// A certificate's stated dates for a flag's detail ("; issued 2021-02-15, expires 2027-02-14"),
  /// or "" when it states none.
  static func datesInWords(_ c: Certification) -> String {
    let dates = [c.issuedOn.map { "issued \($0)" }, c.expiresOn.map { "expires \($0)" }].compactMap { $0 }
    return dates.isEmpty ? "" : "; " + dates.joined(separator: ", ")
  }

  /// The standard a supplier without a valid relevant certificate is advised to certify: that of
  /// the first relevant certificate it holds as of the day (to renew or replace it, with its
  /// position), or the policy's most relevant standard (ISO 9001 unless ranked otherwise).
  func suggestedStandard(_ e: SupplierEvidence) -> (standard: String, replacing: Int?) {
    var position = 0
    for sourced in e.certifications where sourced.record.issuedOn.map({ $0 <= asOf }) ?? true {
      if relevance(sourced.record.standard, sectors: e.sectors) >= 1 {
        return (sourced.record.standard, position)
      }
      position += 1
    }
    return (mostRelevantStandard, nil)
  }

  /// A management-system certificate's stated validity beyond the policy's cycle and an early
  /// recertification's grace: its dates and the days past the cycle, or nil when within it.
  static func excessValidity(_ c: Certification, _ p: Policy.Certifications) -> (
    issued: Day, expires: Day, excess: Int
  )? {
    guard let issued = c.issuedOn, let expires = c.expiresOn else { return nil }
    let limit = issued.adding(years: p.maximumValidityYears)
    guard expires > limit.adding(days: p.earlyRecertificationDays) else { return nil }
    return (issued, expires, Int(expires.daysSinceEpoch - limit.daysSinceEpoch))
  }

  /// What is wrong with a certificate's issuer and accreditation body: look-alikes, and for a
  /// management system unknown bodies (product marks are issued outside IAF accreditation: an
  /// unknown issuer or accreditation of one is noted apart, as one not stated).
  struct BodyProblems {
    var texts: [String] = []
    var count = 0
    var lookAlike = false
    var unrecognisedForMark: (issuer: Bool, accreditation: Bool) = (false, false)
    /// What is wrong with each body, in the verdict's words ("" for nothing).
    var issuer = ""
    var accreditation = ""

    /// The certificate's verdict for them: which body, and how ("accreditation body not
    /// recognised", not "not from a recognised body" of SGS accredited by an unlisted body:
    /// black-box review 146).
    var verdict: String { [issuer, accreditation].filter { !$0.isEmpty }.joined(separator: ", ") }
  }

  func bodyProblems(_ c: Certification, managementSystem: Bool, context: Context, explains: Bool)
    -> BodyProblems
  {
    let (issuer, accreditor) = bodyRecognition(c, context: context)
    var found = BodyProblems()
    for pass in 0..<2 {
      let isIssuer = pass == 0
      let role = isIssuer ? "issuer" : "accreditation body"
      let name = isIssuer ? c.certificationBody : c.accreditationBody
      guard let name, let recognition = isIssuer ? issuer : accreditor else { continue }
      switch recognition {
      case .recognised: break
      case .lookAlike(_, let reason):
        found.count += 1
        found.lookAlike = true
        if isIssuer {
          found.issuer = "issued by a look-alike body"
        } else {
          found.accreditation = "accredited by a look-alike body"
        }
        if explains {
          found.texts.append("\(role) \(name) is a look-alike, not a recognised body: \(reason)")
        }
      case .unknown:
        // Product marks (CE, RoHS, GS) and private schemes are issued by test labs and scheme
        // owners outside IAF accreditation; only management systems must name an accredited
        // body. A mark's unknown issuer or accreditation still vouches for nothing: it counts
        // as one not stated, and an unknown issuer does not meet `--require` (black-box
        // review 27 found any text in accreditation_body worth full credit).
        guard managementSystem else {
          if isIssuer {
            found.unrecognisedForMark.issuer = true
          } else {
            found.unrecognisedForMark.accreditation = true
          }
          continue
        }
        found.count += 1
        if isIssuer {
          found.issuer = "issuer not recognised"
        } else {
          found.accreditation = "accreditation body not recognised"
        }
        if explains {
          found.texts.append(
            "\(role) \(name) is not a recognised \(role == "issuer" ? "certification body" : "IAF MLA accreditation body")"
          )
        }
      }
    }
    return found
  }

  /// - Parameter extra: one more certificate, after the supplier's own (a suggestion's
  ///   hypothetical one), without copying the evidence to add it.
  func certificationComponent(
    _ e: SupplierEvidence, context: Context, flags: inout [TrustFlag],
    adding extra: Sourced<Certification>? = nil
  ) -> CertificationOutcome {
    let p = policy.certifications
    let explains = context.explains
    /// What the rest of the component needs of each certificate; the full assessment (with its
    /// words and evidence) is kept only when explaining.
    struct Verdict {
      var standard: String
      var expiresOn: Day?
      var value: Double
      var isValid: Bool
      /// Expired (by date or status): a renewal of the same standard supersedes it.
      var lapsed: Bool
      /// Suspended, withdrawn or cancelled, from a look-alike body, or valid impossibly long.
      var problem: Bool
      /// A management-system certificate from a body that is not recognised (nor a look-alike).
      var unrecognised = false
      /// Lapsed, and from a look-alike body or valid impossibly long: its faults count as a
      /// problem's do unless a valid renewal supersedes it.
      var lapsedProblem = false
      /// Lapsed, and a management-system certificate from an unrecognised body (not a look-alike).
      var lapsedUnrecognised = false
      /// Renewed by its own issuer, it would come from recognised bodies (worked out only for the
      /// lapsed certificate a suggestion would renew).
      var renewableAsIs = true
      /// Whether it can stand as a renewal of a lapsed certificate of its standard: in force
      /// (value above 0), no problem, and naming its issuer. A five-year "renewal", or one naming
      /// no issuer, had cleared `cert_expired` and its penalty (certificate review); one whose
      /// accreditation body is not stated, as certificate lists often leave it, still renews.
      var renews = true
      /// Faults of a suspended, withdrawn or cancelled certificate beside its status (a look-alike
      /// body, an impossible validity), each costing what a problem does.
      var faultsBesideStatus = 0
    }
    var verdicts: [Verdict] = []
    var assessments: [CertificateAssessment] = []
    var pending: [(TrustFlag, String)] = []  // flags that a renewal may cancel, with their standard
    // How much of what would vouch for the certificates is missing: the product over them of the
    // share of body, accreditation and expiry each leaves unstated. Confidence grows with each
    // certificate that states any (the mean made a CE mark without issuer lower it, and with it
    // a supplier's standing; black-box review 23).
    var undocumented = 1.0
    // The standard a suggestion would certify, and the certificate it would renew or replace:
    // that one's verdict is put in words even when nothing else is.
    let suggested = context.suggests && extra == nil ? suggestedStandard(e) : nil
    var replaced: (number: String?, verdict: String)?
    let own = e.certifications
    for k in 0..<(own.count + (extra == nil ? 0 : 1)) {
      let sourced = k < own.count ? own[own.startIndex + k] : extra!
      let c = sourced.record
      if let issued = c.issuedOn, issued > asOf { continue }
      let words = explains || verdicts.count == suggested?.replacing
      let evidence =
        explains ? [Evidence(location: location(sourced.source, context), recordID: c.certificateNumber)] : []
      let label = explains ? "\(c.standard)\(c.certificateNumber.map { " \($0)" } ?? "")" : ""
      let managementSystem = Standard.isManagementSystem(c.standard)
      var value = 1.0
      var verdict = "valid"
      var lapsed = false
      var lapsedProblem = false
      var lapsedUnrecognised = false
      var problem = false
      var unrecognised = false
      var faultsBesideStatus = 0
      // Whether the certificate counts as a valid one for `--require`: in date, not withdrawn,
      // and nothing suggests it is not genuine.
      var genuine = true
      // The status counts among what vouches for a certificate: left empty it is unknown, not
      // "valid" (the dates still decide the value; black-box review 35 found an empty status
      // counted exactly as a stated one).
      var fieldsKnown = 0.0
      if c.certificationBody != nil { fieldsKnown += 1 }
      if c.accreditationBody != nil { fieldsKnown += 1 }
      if c.expiresOn != nil { fieldsKnown += 1 }
      if c.status != nil { fieldsKnown += 1 }
      undocumented *= 1 - fieldsKnown / 4
      // A management-system certificate that states no expiry still runs out one cycle after issue.
      let impliedExpiry: Day? =
        c.expiresOn == nil && managementSystem ? c.issuedOn?.adding(years: p.maximumValidityYears) : nil
      // A withdrawn standard or edition (ISO 9001:2008, OHSAS 18001): every certificate to it
      // lapsed by its transition's end, whatever it states.
      let withdrawn = Standard.withdrawn[c.standard].flatMap { $0.lapsedOn < asOf ? $0 : nil }
      let notInForce = c.status.map { $0 == .suspended || $0 == .withdrawn || $0 == .cancelled } ?? false
      if let status = c.status, notInForce {
        value = 0
        problem = true
        verdict = status.rawValue
        flags.append(
          TrustFlag(
            code: .certSuspended, severity: .high,
            detail: explains
              ? "\(label)\(c.certificationBody.map { " (issued by \($0))" } ?? "") is not in force: "
                + Self.statusInWords(status) + Self.datesInWords(c)
              : "",
            evidence: evidence))
      } else if c.status == .expired || withdrawn != nil
        || ((c.expiresOn ?? impliedExpiry).map { $0 < asOf } ?? false)
      {
        value = 0
        lapsed = true
        // Marked expired before the expiry it states: the mark decides, and the date is not
        // called the day it expired.
        let markedEarly = c.status == .expired && (c.expiresOn.map { $0 >= asOf } ?? false)
        if words, let withdrawn {
          verdict = "lapsed \(withdrawn.lapsedOn) with its standard"
        } else if words {
          verdict =
            markedEarly
            ? "marked expired"
            : c.expiresOn.map { "expired \($0)" } ?? impliedExpiry.map { "expired by \($0)" }
              ?? "marked expired"
        }
        let detail: String
        if !explains {
          detail = ""
        } else if let withdrawn {
          detail =
            "\(label) is to a withdrawn standard: its certificates lapsed by \(withdrawn.lapsedOn) (replaced by \(withdrawn.replacedBy))"
            + Self.datesInWords(c)
        } else if markedEarly, let expires = c.expiresOn {
          detail = "\(label) is marked expired (it states an expiry of \(expires))"
        } else if let expires = c.expiresOn {
          detail = "\(label) expired \(expires)" + (c.issuedOn.map { " (issued \($0))" } ?? "")
        } else if c.status != .expired, let issued = c.issuedOn, let implied = impliedExpiry {
          detail =
            "\(label) was issued \(issued) and states no expiry; a management-system certificate runs at most \(p.maximumValidityYears) years, so it lapsed by \(implied)"
        } else {
          detail = "\(label) is marked expired" + Self.datesInWords(c)
        }
        pending.append(
          (TrustFlag(code: .certExpired, severity: .medium, detail: detail, evidence: evidence), c.standard))
        // Issued to an edition after its certificates had lapsed: no accredited body issues one,
        // so it is no honest lapse but a sign of a forgery (black-box review 42).
        if let withdrawn, let issued = c.issuedOn, issued > withdrawn.lapsedOn {
          // A problem, not a lapse: no renewal supersedes it, and it costs what a suspended
          // certificate does (not that and a lapse's too: code review).
          problem = true
          lapsed = false
          genuine = false
          if words { verdict = "issued \(issued), after its standard lapsed \(withdrawn.lapsedOn)" }
          flags.append(
            TrustFlag(
              code: .certInvalidPeriod, severity: .medium,
              detail: explains
                ? "\(label) was issued \(issued), after certificates to its standard had lapsed (\(withdrawn.lapsedOn), replaced by \(withdrawn.replacedBy)): no accredited body issues one"
                : "",
              evidence: evidence))
        }
      } else if let expires = c.expiresOn ?? impliedExpiry,
        expires.daysSinceEpoch - asOf.daysSinceEpoch <= Int32(p.expiringWithinDays)
      {
        // The lapse worked out from the issue day counts as a stated expiry does (black-box
        // review 20 found the worked-out date flagged once past, but not while near).
        if words {
          verdict = c.expiresOn == nil ? "valid, lapses by \(expires)" : "valid, expires \(expires)"
        }
        // A renewal on file (the same standard at full value) outweighs this in `best` below.
        value = min(value, p.expiringValue)
        let days = expires.daysSinceEpoch - asOf.daysSinceEpoch
        let detail =
          c.expiresOn == nil
          ? "\(label) was issued \(c.issuedOn.map { "\($0)" } ?? "") and states no expiry; a management-system certificate runs at most \(p.maximumValidityYears) years, so it lapses by \(expires) (in \(days) day\(days == 1 ? "" : "s"))"
          : "\(label) expires \(expires) (in \(days) day\(days == 1 ? "" : "s"))"
            + (c.issuedOn.map { "; issued \($0)" } ?? "")
        pending.append(
          (
            TrustFlag(
              code: .certExpiring, severity: .low, detail: explains ? detail : "", evidence: evidence),
            c.standard
          ))
      }
      // Valid longer than a management system's cycle allows: stated so, or, with no issue day,
      // an expiry more than a cycle away (it cannot have been issued for at most one; black-box
      // review 20 found such certificates counted as fully valid). Words only for rare cases.
      // A certificate not in force is judged so too: its status says it was once genuine, its
      // dates may say otherwise (black-box review 144 found a suspended five-year ISO 9001
      // flagged only as suspended, above the same certificate expired).
      let tooLong: String? = {
        guard value > 0 || notInForce, managementSystem else { return nil }
        if c.issuedOn == nil, let expires = c.expiresOn, expires > asOf.adding(years: p.maximumValidityYears)
        {
          return
            "\(label) states no issue date and is valid to \(expires), more than the \(p.maximumValidityYears) years a management-system certificate runs at most after \(asOf)"
        }
        guard let (issued, expires, excess) = Self.excessValidity(c, p) else { return nil }
        return
          "\(label) is valid \(issued) to \(expires), \(excess) day\(excess == 1 ? "" : "s") past the \(p.maximumValidityYears) years a management-system certificate runs at most (more than an early recertification's \(p.earlyRecertificationDays) days)"
      }()
      if let tooLong, notInForce {
        faultsBesideStatus += 1
        if words { verdict += ", validity too long" }
        flags.append(
          TrustFlag(
            code: .certInvalidPeriod, severity: .medium, detail: explains ? tooLong : "", evidence: evidence))
      } else if let tooLong {
        value = min(value, p.invalidPeriodValue)
        // With its dates, as the flag gives them (black-box review 91 read only "validity too long").
        let dates = [c.issuedOn.map { "issued \($0)" }, c.expiresOn.map { "expires \($0)" }].compactMap { $0 }
        verdict = "validity too long" + (words && !dates.isEmpty ? " (\(dates.joined(separator: ", ")))" : "")
        genuine = false
        problem = true
        flags.append(
          TrustFlag(
            code: .certInvalidPeriod, severity: .medium, detail: explains ? tooLong : "", evidence: evidence))
      }
      // A standard nobody certifies to (ISO 9000, ISO 19011, "ISO 90001"): no credit, whoever
      // issued it, and not valid for `--require`; no penalty, as the standard itself says nothing
      // of the supplier's system.
      if value > 0, let reason = Standard.notCertifiable[c.standard] {
        value = 0
        genuine = false
        if words { verdict = "not a certifiable standard: \(reason)" }
      }
      // Nor does its status hide who issued it: a look-alike body costs what it costs a valid
      // certificate, an unrecognised one too (black-box review 144: a suspended certificate from
      // a look-alike body had scored above the same one expired).
      if notInForce {
        let found = bodyProblems(c, managementSystem: managementSystem, context: context, explains: explains)
        if found.count > 0 {
          if found.lookAlike { faultsBesideStatus += 1 } else { unrecognised = true }
          if words {
            verdict += ", " + found.verdict
          }
          flags.append(
            TrustFlag(
              code: .certUnaccredited, severity: found.lookAlike ? .high : .medium,
              detail: explains
                ? "\(label): " + found.texts.joined(separator: "; ").withoutFinalFullStop
                  + Self.datesInWords(c)
                : "",
              evidence: evidence))
        }
      }
      if value > 0 {
        let found = bodyProblems(c, managementSystem: managementSystem, context: context, explains: explains)
        let (problems, problemCount, lookAlike) = (found.texts, found.count, found.lookAlike)
        let severity: Severity = lookAlike ? .high : .medium
        let unrecognisedForMark = found.unrecognisedForMark
        if problemCount > 0 {
          // A look-alike body sells the appearance of accreditation: no credit, and a penalty.
          // An unknown one may be genuine but cannot be checked: a little credit.
          value = lookAlike ? 0 : min(value, p.unaccreditedValue)
          if lookAlike { problem = true } else { unrecognised = true }
          verdict = found.verdict
          genuine = false
          flags.append(
            TrustFlag(
              code: .certUnaccredited, severity: severity,
              detail: explains
                ? "\(label): " + problems.joined(separator: "; ").withoutFinalFullStop + Self.datesInWords(c)
                : "",
              evidence: evidence))
        } else if c.certificationBody == nil || c.accreditationBody == nil || unrecognisedForMark.issuer
          || unrecognisedForMark.accreditation
        {
          value = min(value, p.unknownBodyValue)
          // Valid means issued by an accredited body: what names no issuer (or, for a management
          // system, no accreditation) cannot be shown to be, so `--require` does not count it.
          if c.certificationBody == nil || unrecognisedForMark.issuer || managementSystem { genuine = false }
          if words {
            verdict +=
              (c.certificationBody == nil
                ? ", issuer not stated"
                : unrecognisedForMark.issuer
                  ? ", issuer not recognised"
                  : c.accreditationBody == nil
                    ? ", accreditation body not stated" : ", accreditation body not recognised")
              + (genuine ? "" : " (unverifiable: not counted when the standard is required)")
          }
        }
      }
      // A lapsed certificate's own faults still tell who presented it: one from a look-alike
      // body, or valid impossibly long, is flagged so too, unless a valid renewal of
      // its standard supersedes it (the value is 0 already; the flags describe the evidence, as
      // spec/outputs.md defines them: black-box reviews 52 and 56 found an expired 5-year ISO
      // 9001 from a look-alike body flagged only as expired).
      if lapsed {
        if managementSystem, let (issued, expires, excess) = Self.excessValidity(c, p) {
          lapsedProblem = true
          pending.append(
            (
              TrustFlag(
                code: .certInvalidPeriod, severity: .medium,
                detail: !explains
                  ? ""
                  : "\(label) was valid \(issued) to \(expires), \(excess) day\(excess == 1 ? "" : "s") past the \(p.maximumValidityYears) years a management-system certificate runs at most (it has expired since)",
                evidence: evidence), c.standard
            ))
        }
        // Look-alike bodies only: they sell the look of accreditation, and having bought it says
        // something however long ago; a merely unlisted body of a certificate long lapsed does
        // not warn against the supplier for ever (code review).
        let found = bodyProblems(c, managementSystem: managementSystem, context: context, explains: explains)
        lapsedUnrecognised = !found.lookAlike && found.count > 0
        if found.lookAlike {
          lapsedProblem = true
          pending.append(
            (
              TrustFlag(
                code: .certUnaccredited, severity: .high,
                detail: explains
                  ? "\(label): " + found.texts.joined(separator: "; ").withoutFinalFullStop
                    + (c.issuedOn.map { "; issued \($0)" } ?? "")
                    + (c.expiresOn.map { "; expired \($0)" } ?? "; lapsed")
                  : "",
                evidence: evidence), c.standard
            ))
        }
      }
      // A management-system certificate stating neither issue nor expiry day cannot be shown to
      // be in date: some credit, as for an unnamed body, but not a valid one for `--require`
      // (black-box review 20 found it counted in full).
      if value > 0, managementSystem, c.issuedOn == nil, c.expiresOn == nil {
        value = min(value, p.unknownBodyValue)
        genuine = false
        if words { verdict += ", dates not stated (unverifiable: not counted when the standard is required)" }
      }
      // The same certificate (issuer and number) claimed by another supplier: one of them is not
      // its holder, and nothing here says which.
      if !context.sharedCertificates.isEmpty, let hash = sharedHash(c, bodies: context.bodies),
        let entry = context.sharedCertificates[hash], sharedKey(c) == entry.key
      {
        let others = entry.holders.filter { $0 != e.supplier.record.id }
        // Unverifiable, as a certificate from an unrecognised body is: no credit, and the same
        // small penalty, so that it never ranks above holding no certificate (at least one of
        // the suppliers is not its holder).
        value = 0
        genuine = false
        unrecognised = true
        if words { verdict += ", number also claimed by \(others.prefix(3).joined(separator: ", "))" }
        flags.append(
          TrustFlag(
            code: .certShared, severity: .medium,
            detail: !explains
              ? ""
              : "\(label)\(c.certificationBody.map { " (\($0))" } ?? "") is also claimed by "
                + others.prefix(3).joined(separator: ", ")
                + (others.count > 3
                  ? " and \(others.count - 3) more supplier\(others.count == 4 ? "" : "s")" : "")
                + Self.datesInWords(c),
            evidence: evidence))
      }
      // Whether renewing the certificate to be suggested, with its own issuer, gives a certificate
      // from recognised bodies (the suggestion is worked out for one): a lapsed certificate's
      // bodies are not looked at above, and "renewing" one from a look-alike or unaccredited body
      // promised points that a renewal from the same body takes away (black-box review 48).
      var renewableAsIs = true
      if lapsed, verdicts.count == suggested?.replacing {
        let (issuer, accreditor) = bodyRecognition(c, context: context)
        renewableAsIs = issuer?.isRecognised == true && accreditor?.isRecognised == true
      }
      verdicts.append(
        Verdict(
          standard: c.standard, expiresOn: c.expiresOn, value: value, isValid: genuine && value > 0,
          lapsed: lapsed, problem: problem, unrecognised: unrecognised, lapsedProblem: lapsedProblem,
          lapsedUnrecognised: lapsedUnrecognised, renewableAsIs: renewableAsIs,
          renews: value > 0 && !problem && !unrecognised
            && !(c.certificationBody ?? "").allSatisfy(\.isWhitespace), faultsBesideStatus: faultsBesideStatus
        ))
      if words, !explains { replaced = (c.certificateNumber, verdict) }
      if explains {
        assessments.append(
          CertificateAssessment(
            certification: c, evidence: evidence[0], value: value, verdict: verdict, renewed: false,
            isValid: genuine && value > 0))
      }
    }
    /// The verdicts of `standard`, and of its successor when it is a withdrawn edition (ISO
    /// 9001:2008 is renewed by ISO 9001).
    func verdictsOf(_ standard: String) -> LazyFilterSequence<[Verdict]> {
      let successor = Standard.withdrawn[standard]?.successor
      return verdicts.lazy.filter { $0.standard == standard || $0.standard == successor }
    }
    /// Whether a valid certificate (as `--require` counts one) of `standard`, or of its successor,
    /// supersedes a lapsed one's own faults: a renewal from a body nobody can check does not.
    func validlyRenewed(_ standard: String) -> Bool { verdictsOf(standard).contains { $0.isValid } }
    /// Whether a certificate of `standard` (or its successor) stands as its renewal (``Verdict/renews``).
    func isRenewed(_ standard: String) -> Bool { verdictsOf(standard).contains { $0.renews } }
    /// A fresh certificate of the suggested standard: value 1, every field known, a renewal of
    /// any lapsed one of that standard. The same tally as below with it added.
    func freshCertificate(
      best: [(standard: String, value: Double, expiry: Day?)],
      penalties: [(owner: Int, lapsed: String?, amount: Double)]
    ) -> CertificateSuggestion? {
      guard let (standard, replacing) = suggested else { return nil }
      return fresh(standard, replacing: replacing, best: best, penalties: penalties)
    }
    /// A fresh certificate of `standard` renewing or replacing the one at `replacing` (if any).
    func fresh(
      _ standard: String, replacing: Int?, best: [(standard: String, value: Double, expiry: Day?)],
      penalties: [(owner: Int, lapsed: String?, amount: Double)]
    ) -> CertificateSuggestion {
      var withIt = best
      if let i = withIt.firstIndex(where: { $0.standard == standard }) {
        withIt[i].value = 1
      } else {
        withIt.append((standard, 1, nil))
      }
      // A lapsed certificate is renewed and stays on record, superseded; any other is replaced:
      // it goes, and what it took off with it.
      let renews =
        replacing.map { verdicts[$0].lapsed && !verdicts[$0].problem && !verdicts[$0].unrecognised } ?? false
      let gone = renews ? nil : replacing
      let penalty = penalties.reduce(0) { $0 + ($1.lapsed == standard || $1.owner == gone ? 0 : $1.amount) }
      let (value, confidence) = certificationValue(
        best: withIt, penalty: penalty,
        undocumented: 0, sectors: e.sectors)
      // Worded as the full explanation words it (a lapsed one superseded by a renewal says so).
      var verdict: (number: String?, verdict: String)?
      if let replacing {
        verdict =
          explains
          ? (assessments[replacing].certification.certificateNumber, assessments[replacing].verdict)
          : replaced
        // As the full explanation decides it: by a certificate that stands as a renewal, not any
        // of the standard in force (black-box review 95: the CSV said "superseded" where the
        // JSON did not).
        let lapsedStandard = verdicts[replacing].standard
        if !explains, verdicts[replacing].value == 0, verdicts[replacing].lapsed, isRenewed(lapsedStandard) {
          verdict?.verdict +=
            verdicts[replacing].lapsedProblem && !validlyRenewed(lapsedStandard)
            ? ", superseded by a renewal; its body or validity still counts against it"
            : ", superseded by a renewal"
        }
      }
      return CertificateSuggestion(
        standard: standard, replacing: replacing, replacedNumber: verdict?.number,
        replacedVerdict: verdict?.verdict, renews: renews,
        renewableAsIs: replacing.map { verdicts[$0].renewableAsIs } ?? true,
        value: value, confidence: confidence)
    }
    guard !verdicts.isEmpty else {
      return CertificationOutcome(
        value: nil, confidence: 0, factor: nil, assessments: [], validStandards: [],
        withFreshCertificate: freshCertificate(best: [], penalties: []))
    }
    // A currently valid certificate of the same standard covers an expired or expiring one.
    // (Suppliers hold a handful of certificates: pairs in an array, not dictionaries.)
    var best: [(standard: String, value: Double, expiry: Day?)] = []
    for v in verdicts where v.value > 0 {
      if let i = best.firstIndex(where: { $0.standard == v.standard }) {
        best[i].value = max(best[i].value, v.value)
        if let expires = v.expiresOn { best[i].expiry = max(best[i].expiry ?? expires, expires) }
      } else {
        best.append((v.standard, v.value, v.expiresOn))
      }
    }
    for i in assessments.indices where verdicts[i].value == 0 && verdicts[i].lapsed {
      if isRenewed(verdicts[i].standard) {
        assessments[i].renewed = true
        // A look-alike body or an impossible validity goes only with a renewal that is valid as
        // `--require` counts one; said, since its penalty and flag stay (black-box review 95).
        assessments[i].verdict +=
          verdicts[i].lapsedProblem && !validlyRenewed(verdicts[i].standard)
          ? ", superseded by a renewal; its body or validity still counts against it"
          : ", superseded by a renewal"
      }
    }
    /// The latest expiry among the certificates that stand as renewals of `standard`: one with a
    /// problem had hidden a valid certificate's coming expiry (code review).
    func renewingExpiry(_ standard: String) -> Day? {
      verdictsOf(standard).filter(\.renews).compactMap(\.expiresOn).max()
    }
    for (flag, standard) in pending {
      if flag.code == .certExpired, isRenewed(standard) { continue }
      // A lapsed certificate's own faults go with a valid renewal only (code review).
      if flag.code == .certUnaccredited || flag.code == .certInvalidPeriod, validlyRenewed(standard) {
        continue
      }
      if flag.code == .certExpiring, let later = renewingExpiry(standard),
        later.daysSinceEpoch - asOf.daysSinceEpoch > Int32(p.expiringWithinDays)
      {
        continue
      }
      var flag = flag
      if flag.code == .certExpired, relevance(standard, sectors: e.sectors) >= 1 { flag.severity = .high }
      flags.append(flag)
    }
    var validStandards = Set<String>()
    // A withdrawn edition not yet lapsed on the as-of day is its standard (ISO 9001:2008 in 2017).
    for v in verdicts where v.isValid {
      validStandards.insert(Standard.withdrawn[v.standard]?.successor ?? v.standard)
    }
    // Penalties for what speaks against the supplier: each problem certificate, each one from a
    // body nobody can check, and each lapsed one that no renewal replaces (by its relevance).
    // Kept in order (with the standard of each lapsed one), so that the suggestion's sum, which
    // drops those a fresh certificate renews, adds up exactly as a rescoring would.
    var penalties: [(owner: Int, lapsed: String?, amount: Double)] = []
    for (index, v) in verdicts.enumerated() {
      if v.problem { penalties.append((index, nil, p.problemPenalty)) }
      for _ in 0..<v.faultsBesideStatus { penalties.append((index, nil, p.problemPenalty)) }
      // As its flags are raised: a look-alike body or an impossible validity says as much once the
      // certificate has lapsed (black-box review 87 found an expired certificate from a look-alike
      // body worth more than the same one in date). Renewing validly drops it with the flags.
      if v.lapsedProblem, !validlyRenewed(v.standard) {
        penalties.append((index, v.standard, p.problemPenalty))
      }
      if v.unrecognised { penalties.append((index, nil, p.unrecognisedPenalty)) }
      if v.lapsed, !isRenewed(v.standard) {
        var amount = p.lapsedPenalty * relevance(v.standard, sectors: e.sectors)
        // Unverifiable in date, unverifiable lapsed: letting it lapse must not gain what the
        // unrecognised body had cost (black-box review 85 found a lapsed ISO 14001 from an unlisted
        // issuer 2.3 points above the same certificate in date).
        if v.lapsedUnrecognised { amount = max(amount, p.unrecognisedPenalty) }
        penalties.append((index, v.standard, amount))
      }
    }
    let (value, confidence) = certificationValue(
      best: best, penalty: penalties.reduce(0) { $0 + $1.amount }, undocumented: undocumented,
      sectors: e.sectors)
    let freshOne =
      validStandards.contains(where: { relevance($0, sectors: e.sectors) >= 1 })
      ? nil : freshCertificate(best: best, penalties: penalties)
    // Each other faulty certificate renewed or replaced, by the same tally: rescoring the
    // certificates for each took a fifth of a score's suggestions at size L.
    var repairs: [CertificateSuggestion] = []
    if context.suggests && extra == nil {
      // Each faulty certificate but those of the standard suggested apart; the suggestions keep
      // one per standard, the one that gains most (code review: two lapsed ISO 14001 had each
      // claimed the whole gain of one renewal; review 112: the first of a standard had hidden a
      // look-alike one that gained more).
      let suggestedFamily = freshOne.map { Standard.withdrawn[$0.standard]?.successor ?? $0.standard }
      for (index, v) in verdicts.enumerated()
      where v.problem || v.unrecognised || (v.lapsedProblem && !validlyRenewed(v.standard))
        || (v.lapsed && !isRenewed(v.standard))
      {
        guard (Standard.withdrawn[v.standard]?.successor ?? v.standard) != suggestedFamily else { continue }
        var repair = fresh(v.standard, replacing: index, best: best, penalties: penalties)
        // Worded by the suggestion from the certificate itself: the verdict here is the
        // suggested certificate's (code review).
        repair.replacedNumber = nil
        repair.replacedVerdict = nil
        repairs.append(repair)
      }
    }
    guard explains else {
      return CertificationOutcome(
        value: value, confidence: confidence, factor: nil, assessments: [], validStandards: validStandards,
        withFreshCertificate: freshOne, repairs: repairs)
    }
    // The evidence is the certificates the words name, in the same order (black-box review 14
    // found the valid renewal the text relied on left out for one the text never mentioned).
    let shown = assessments.sorted {
      relevance($0.certification.standard, sectors: e.sectors)
        > relevance($1.certification.standard, sectors: e.sectors)
    }
    .prefix(4)
    let described = shown.map { "\($0.certification.standard) \($0.verdict)" }.joined(separator: "; ")
    return CertificationOutcome(
      value: value, confidence: confidence,
      factor: Factor(
        component: "certifications", points: 0, text: described,
        evidence: shown.map(\.evidence)), assessments: assessments,
      validStandards: validStandards, withFreshCertificate: freshOne, repairs: repairs)
  }

  /// A standard's relevance to a supplier of the given sectors (see ``SupplierEvidence/sectors``):
  /// the policy's relevance, raised to that of any of the supplier's sectors that lists it.
  func relevance(_ standard: String, sectors: UInt64 = 0) -> Double {
    // A standard that neither the policy nor the withdrawn list names is "other" in every sector.
    guard let entry = relevanceTable[standard] else { return policy.certifications.otherRelevance }
    var relevance = entry.base
    var mask = sectors
    while mask != 0 {
      let sector = mask.trailingZeroBitCount
      mask &= mask - 1
      if sector < entry.sectors.count, let raised = entry.sectors[sector] {
        relevance = max(relevance, raised)
      }
    }
    return relevance
  }

  /// ``relevance(_:sectors:)`` as the policy states it, looked up afresh: the reference the
  /// precomputed table is tested against.
  func relevanceFromPolicy(_ standard: String, sectors: UInt64 = 0) -> Double {
    let standard = Standard.withdrawn[standard]?.successor ?? standard
    var relevance = policy.certifications.relevance[standard] ?? policy.certifications.otherRelevance
    var mask = sectors
    while mask != 0 {
      let sector = mask.trailingZeroBitCount
      mask &= mask - 1
      if let raised = policy.certifications.sectors[sector].relevance[standard] {
        relevance = max(relevance, raised)
      }
    }
    return relevance
  }

  /// Sets each supplier's sectors, matching each distinct category once (a few hundred names
  /// recur across a large catalog's suppliers).
  func assignSectors(_ evidence: inout [SupplierEvidence]) {
    let sectors = policy.certifications.sectors.prefix(64)
    guard !sectors.isEmpty else { return }
    var known: [String: UInt64] = [:]
    for i in evidence.indices {
      var mask: UInt64 = 0
      for category in evidence[i].supplier.record.categories {
        if let bits = known[category] {
          mask |= bits
          continue
        }
        var bits: UInt64 = 0
        for (index, sector) in sectors.enumerated() where sector.matches([category]) { bits |= 1 << index }
        known[category] = bits
        mask |= bits
      }
      evidence[i].sectors = mask
    }
  }
}
