// Certificates that several suppliers claim (one number, one issuer), and the registry's verdicts
// on a catalog's body names, looked up once per name.
extension Scorer {
  /// A certificate's identity across suppliers: its issuer (the registry's name for a recognised
  /// body, so that "TUV SUD", "tüv süd" and "TÜV SÜD", or "BV" and "Bureau Veritas", are one) and
  /// its number, compared without case, spaces or punctuation; nil when the number is too short
  /// to identify anything (see ``identifies(_:)``).
  func sharedKey(_ c: Certification) -> String? {
    guard let number = c.certificateNumber else { return nil }
    let identity = Self.sharedLetters(number)
    guard Self.identifies(identity, number: number) else { return nil }
    return issuerIdentity(c.certificationBody) + "|" + identity
  }

  /// Whether a number (its letters and digits: `identity`, ``sharedLetters(_:)``) can identify a
  /// certificate: four or more with a digit ("Q-1234"), or a code of capital letters in groups
  /// joined by `-`, `/`, `.` or `_` with six letters or more that is not a placeholder
  /// ("QMS-SGS-CN" copied onto two suppliers is as copied as a number). Words people type where
  /// they have no number ("N/A", "Pending", "See above", "CERT NO.", "认证证书编号") say
  /// nothing about which certificate it is (code review: any six letters had counted).
  static func identifies(_ identity: String, number: String) -> Bool {
    let count = identity.unicodeScalars.count
    if identity.utf8.contains(where: { (0x30...0x39).contains($0) }) { return count >= 4 }
    guard count >= 6, !placeholderNumbers.contains(identity) else { return false }
    var groups = 0
    var inGroup = false
    for byte in number.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        if !inGroup { groups += 1 }
        inGroup = true
      case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"):
        inGroup = false
      default:
        // Lower case, spaces, anything else: words, not a code.
        return false
      }
    }
    return groups >= 2
  }

  /// Upper-cased letters (``sharedLetters(_:)``) that stand in for a certificate number.
  static let placeholderNumbers: Set<String> = [
    "UNKNOWN", "PENDING", "NOTAPPLICABLE", "NOTAVAILABLE", "NOTPROVIDED", "NOTSTATED", "NOTGIVEN",
    "NONUMBER", "NOTKNOWN", "MISSING", "APPLIED", "APPLIEDFOR", "INPROGRESS", "PROCESSING", "AWAITING",
    "WAITING", "SEEATTACHED", "SEEATTACHMENT", "ONREQUEST", "UPONREQUEST", "AVAILABLEONREQUEST",
    "CONFIDENTIAL", "WITHHELD", "REDACTED", "UNDISCLOSED", "TOBECONFIRMED", "TOBEADVISED",
    "TOBEDETERMINED", "NOTAPPLICABLENA", "NONENA", "CERTIFICATE", "CERTIFICATENUMBER", "NUMBER",
  ]

  /// The issuer part of ``sharedKey(_:)``.
  func issuerIdentity(_ name: String?) -> String {
    guard let name else { return "" }
    if case .recognised(let canonical) = registry.certificationBody(name) {
      return NameKey.key(canonical)
    }
    return NameKey.key(name)
  }

  /// The letters and digits of `text`, upper-cased: what identifies an issuer or a number.
  static func sharedLetters(_ text: String) -> String {
    // Nearly every number and issuer is ASCII: a byte loop, no Unicode property look-ups.
    if text.allUTF8Bytes({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      for byte in text.utf8 {
        switch byte {
        case 0x30...0x39, 0x41...0x5A: bytes.append(byte)
        case 0x61...0x7A: bytes.append(byte - 0x20)
        default: continue
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars
    where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
      out.append(scalar)
    }
    return String(out).uppercased()
  }

  /// ``sharedKey(_:)`` hashed (FNV-1a), without making a string for the ASCII numbers nearly
  /// every certificate has: a catalog holds a hundred thousand certificates, and only the few
  /// that share a hash need their keys compared.
  func sharedHash(_ c: Certification) -> UInt64? {
    Self.sharedHash(c, issuer: Self.issuerHash(issuerIdentity(c.certificationBody)))
  }

  /// ``sharedHash(_:)`` with the issuer's verdict taken from `bodies` when it holds it (worked
  /// out once per name): looked up again for every certificate, the registry's resolution had
  /// been a seventh of scoring a catalog of 1 M certificates (stress review 142).
  func sharedHash(_ c: Certification, bodies: BodyVerdicts) -> UInt64? {
    guard let name = c.certificationBody, let verdict = bodies.certification[name] else {
      return sharedHash(c)
    }
    let identity: String
    if case .recognised(let canonical) = verdict {
      identity = NameKey.key(canonical)
    } else {
      identity = NameKey.key(name)
    }
    return Self.sharedHash(c, issuer: Self.issuerHash(identity))
  }

  /// The hash of the issuer part of ``sharedKey(_:)``, `identity` (``issuerIdentity(_:)``; a few
  /// hundred issuers recur across a catalog: worked out once each).
  static func issuerHash(_ identity: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in identity.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return (hash ^ UInt64(UInt8(ascii: "|"))) &* 0x100_0000_01b3
  }

  /// The number part of ``sharedHash(_:)``, given the issuer's hash.
  static func sharedHash(_ c: Certification, issuer: UInt64) -> UInt64? {
    guard let number = c.certificateNumber else { return nil }
    var hash = issuer
    var characters = 0
    var digits = 0
    for byte in number.utf8 {
      switch byte {
      case 0x30...0x39:
        digits += 1
        characters += 1
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      case 0x41...0x5A:
        characters += 1
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      case 0x61...0x7A:
        characters += 1
        hash = (hash ^ UInt64(byte - 0x20)) &* 0x100_0000_01b3
      case 0x80...:
        // Letters beyond ASCII: the general path, from the issuer's hash on.
        let identity = sharedLetters(number)
        guard identifies(identity, number: number) else { return nil }
        return identity.utf8.reduce(issuer) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
      default: continue
      }
    }
    if digits > 0 { return characters >= 4 ? hash : nil }
    // Letters only: rare enough to check the placeholders through the string.
    return characters >= 6 && identifies(sharedLetters(number), number: number) ? hash : nil
  }

  /// Certificates claimed by more than one supplier (see ``Context/sharedCertificates``).
  func sharedCertificates(_ evidence: [SupplierEvidence]) -> [UInt64: (key: String, holders: [String])] {
    // The first holder of each hash as supplier and position: plain integers, so that the table
    // of a hundred thousand certificates holds no strings to copy as it grows.
    var first: [UInt64: (supplier: Int32, position: Int32)] = [:]
    first.reserveCapacity(evidence.reduce(0) { $0 + $1.certifications.count })
    var shared: [UInt64: (key: String, holders: [String])] = [:]
    var issuers: [String: UInt64] = [:]
    // Through pointers: iterating the evidence and reading each certificate had copied both (the
    // evidence's slices and strings retained and released, 1 % of a `score` of L's files).
    evidence.withUnsafeBufferPointer { all in
      for index in all.indices {
        let e = all.baseAddress! + index
        e.pointee.certifications.withUnsafeBufferPointer { held in
          for offset in held.indices {
            let c = held.baseAddress! + offset
            guard c.pointee.record.issuedOn.map({ $0 <= asOf }) ?? true else { continue }
            let body = c.pointee.record.certificationBody ?? ""
            let issuer: UInt64
            if let known = issuers[body] {
              issuer = known
            } else {
              issuer = Self.issuerHash(issuerIdentity(c.pointee.record.certificationBody))
              issuers[body] = issuer
            }
            guard let hash = Self.sharedHash(c.pointee.record, issuer: issuer) else { continue }
            guard let owner = first[hash] else {
              first[hash] = (Int32(index), Int32(offset))
              continue
            }
            guard Int(owner.supplier) != index, let key = sharedKey(c.pointee.record) else { continue }
            let holder = e.pointee.supplier.record.id
            if var entry = shared[hash] {
              guard entry.key == key, entry.holders.last != holder else { continue }
              entry.holders.append(holder)
              shared[hash] = entry
            } else {
              let firstHolder = all[Int(owner.supplier)]
              let firstHeld = firstHolder.certifications[
                firstHolder.certifications.startIndex + Int(owner.position)]
              if sharedKey(firstHeld.record) == key {
                shared[hash] = (key, [firstHolder.supplier.record.id, holder])
              }
            }
          }
        }
      }
    }
    return shared
  }

  struct BodyVerdicts: Sendable {
    var certification: [String: Recognition] = [:]
    var accreditation: [String: Recognition] = [:]
    var auditor: [String: Recognition] = [:]
  }

  func bodyVerdicts(_ catalog: Catalog) -> BodyVerdicts {
    var verdicts = BodyVerdicts()
    for c in catalog.certifications {
      if let name = c.record.certificationBody, verdicts.certification[name] == nil {
        verdicts.certification[name] = registry.certificationBody(name)
      }
      if let name = c.record.accreditationBody, verdicts.accreditation[name] == nil {
        verdicts.accreditation[name] = registry.accreditationBody(name)
      }
    }
    for a in catalog.audits {
      if let name = a.record.auditor, verdicts.auditor[name] == nil {
        verdicts.auditor[name] = registry.auditor(name)
      }
    }
    return verdicts
  }
}
