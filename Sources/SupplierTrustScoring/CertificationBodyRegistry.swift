import Foundation
import SupplierTrustModel

/// Where a body named on a certificate or an audit stands against the shipped lists.
public enum Recognition: Equatable, Sendable {
  /// A known body; `canonical` is the spelling to show a buyer (e.g. "UKAS", "TÜV SÜD").
  case recognised(canonical: String)
  /// A name known to imitate recognised accreditation; `reason` is written for a buyer.
  case lookAlike(name: String, reason: String)
  /// In no list: neither vouched for nor known to be an imitation.
  case unknown

  /// Whether the body counts as recognised. Look-alikes and unknown names do not.
  public var isRecognised: Bool {
    if case .recognised = self { return true }
    return false
  }
}

/// Recognised accreditation bodies (IAF MLA signatories), certification bodies and auditors, and the
/// names that imitate them, looked up by a name as a supplier typed it.
///
/// Matching ignores case, accents (TÜV = TUV = TUEV), spaces and punctuation ("JAS-ANZ" = "jas anz"),
/// text in parentheses ("Bureau Veritas Certification (Beijing)"), a leading label ("Certification body:")
/// and trailing company forms ("Co., Ltd.", "GmbH", "S.r.l.", "B.V."); for certification bodies and
/// auditors also trailing "Certification", "Group" and "Services" and places, in English or the
/// country's own language ("Brasil", "Viet Nam", "do Brasil").
/// It never matches part of a name: a name that merely contains a known body's name is unknown, so an
/// imitation cannot pass by borrowing one. Look-alikes are checked before recognised bodies.
public struct CertificationBodyRegistry: Sendable {
  /// A hash (FNV-1a) of the three files' text: what the registry judged by, for results kept
  /// beyond a run (``Scorer/memoKey(catalogVersion:)``).
  public let fingerprint: UInt64

  /// Loaded once from the shipped TSV files.
  public static let shipped: CertificationBodyRegistry = {
    do {
      return try CertificationBodyRegistry(
        accreditationBodies: resourceText(File.accreditationBodies),
        certificationBodies: resourceText(File.certificationBodies),
        lookAlikes: resourceText(File.lookAlikes))
    } catch {
      // The shipped files are part of the program: a bad line is a bug the tests catch first.
      fatalError("shipped certification-body data is malformed: \(error)")
    }
  }()

  /// A line of a registry file that cannot be used. `description` reads "file:line: what is wrong".
  public struct LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file name, e.g. "certification-bodies.tsv".
    public let file: String
    /// The 1-based line number.
    public let line: Int
    /// What is wrong with the line.
    public let message: String

    /// "file:line: message", as compilers report, so an editor can jump to the line.
    public var description: String { "\(file):\(line): \(message)" }
  }

  /// What a recognised certification body or auditor may be relied on for.
  struct Roles: OptionSet, Sendable {
    let rawValue: UInt8
    static let certification = Roles(rawValue: 1)
    static let audit = Roles(rawValue: 2)
  }

  /// One line of a file: the names it lists and what they resolve to. Kept for the tests that check
  /// every listed name resolves back to its own line.
  struct Entry: Sendable {
    let canonical: String
    let names: [String]
    let roles: Roles
    let file: String
    let line: Int
    /// Where an accreditation body accredits (ISO 3166 codes); empty for certification bodies.
    var economies: [String] = []
  }

  struct LookAlike: Sendable {
    let name: String
    let names: [String]
    let reason: String
    let line: Int
  }

  enum File {
    static let accreditationBodies = "accreditation-bodies.tsv"
    static let certificationBodies = "certification-bodies.tsv"
    static let lookAlikes = "look-alike-bodies.tsv"
  }

  let accreditationEntries: [Entry]
  let bodyEntries: [Entry]
  let lookAlikeEntries: [LookAlike]
  private let accreditationByKey: [String: Entry]
  private let bodyByKey: [String: Entry]
  private let lookAlikeByKey: [String: LookAlike]

  /// Builds from TSV texts (tests use this); throws a located error (file name, line, what is wrong) on a
  /// malformed line.
  public init(accreditationBodies: String, certificationBodies: String, lookAlikes: String) throws {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for text in [accreditationBodies, certificationBodies, lookAlikes] {
      for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      // A separator, so that text moved from one file to the next changes the hash.
      hash = hash &* 0x100_0000_01b3
    }
    fingerprint = hash
    accreditationEntries = try Self.parseAccreditationBodies(accreditationBodies)
    bodyEntries = try Self.parseCertificationBodies(certificationBodies)
    lookAlikeEntries = try Self.parseLookAlikes(lookAlikes)
    accreditationByKey = try Self.index(accreditationEntries)
    bodyByKey = try Self.index(bodyEntries)

    var lookAlikeByKey: [String: LookAlike] = [:]
    for lookAlike in lookAlikeEntries {
      for name in lookAlike.names {
        for key in NameKey.registrationKeys(name) {
          let location = { (message: String) in
            LoadError(file: File.lookAlikes, line: lookAlike.line, message: message)
          }
          if let other = lookAlikeByKey[key], other.line != lookAlike.line {
            throw location("'\(name)' is also a name of '\(other.name)' (line \(other.line))")
          }
          // An imitation listed as recognised would be trusted by one lookup and flagged by another.
          if let body = accreditationByKey[key] ?? bodyByKey[key] {
            throw location(
              "'\(name)' is also the recognised body '\(body.canonical)' in \(body.file):\(body.line)")
          }
          lookAlikeByKey[key] = lookAlike
        }
      }
    }
    self.lookAlikeByKey = lookAlikeByKey
  }

  /// Whether `name` is an accreditation body that signed the IAF MLA for management systems.
  public func accreditationBody(_ name: String) -> Recognition {
    let name = NameKey.withoutLabel(name, NameKey.accreditationLabels)
    if let lookAlike = bracketedLookAlike(name) { return lookAlike }
    var found = resolve(name, in: accreditationByKey, dropping: Self.accreditationSuffixes) { _ in true }
    let listed = Self.listedAccreditationBodies(name)
    if listed.count > 1 {
      // Several bodies ("ANAB / UKAS", "UKAS; ANAB"), or one body's acronym and full name joined
      // by a dash ("Accredia - Ente Italiano di Accreditamento"): recognised when each is (an
      // outside test found such lists refused where "UKAS & IAF" passed); any look-alike among
      // them is the answer, even beside a name read as a whole.
      let answers = listed.map { accreditationBody($0) }
      for answer in answers {
        if case .lookAlike = answer { return answer }
      }
      if case .unknown = found {
        var canonicals: [String] = []
        for answer in answers {
          guard case .recognised(let canonical) = answer else { return .unknown }
          if !canonicals.contains(canonical) { canonicals.append(canonical) }
        }
        return .recognised(canonical: canonicals.joined(separator: ", "))
      }
    }
    if case .unknown = found {
      // Other ways certificates write it (black-box review 27): "Accredited by UKAS", "ANSI
      // ANAB", "RvA C 029", or beside the IAF mark ("CNAS/IAF", "UKAS, IAF").
      for variant in Self.accreditationVariants(name) {
        found = resolve(variant, in: accreditationByKey, dropping: Self.accreditationSuffixes) { _ in true }
        if case .unknown = found { continue }
        break
      }
    }
    // A national body has no branch abroad: "UKAS India" or "CNAS UK" imitates it.
    if case .recognised(let canonical) = found, let entry = accreditationByKey[NameKey.key(canonical)],
      !entry.economies.isEmpty
    {
      // Folded ("México", "Türkiye"), and each two words also run together ("Viet Nam").
      let words = name.split { !$0.isLetter && !$0.isNumber }.map { NameKey.key(String($0)) }
      let places = words + zip(words, words.dropFirst()).map { $0 + $1 }
      let foreign = places.compactMap { Self.placeCountries[$0] }.filter { !entry.economies.contains($0) }
      if let place = foreign.first {
        return .lookAlike(
          name: name,
          reason:
            "\(canonical) accredits in \(entry.economies.joined(separator: ", ")) only and has no branch in \(place): a name borrowed from it"
        )
      }
      // Nor a company: "CNAS B.V.", "UKAS K.K." or "UKAS Inc." borrows the name as "UKAS India"
      // does (black-box reviews 131 and 135 found them counted once company forms were read).
      // A body's own legal name is listed as its alias ("DAkkS GmbH", "UKAS Ltd"). The trailing
      // words, run together, as dotted forms fall apart into letters; never the whole name.
      let listedAsWritten = accreditationByKey[
        NameKey.key(NameKey.withoutLabel(name, NameKey.accreditationLabels))]
      if listedAsWritten == nil {
        for length in 1..<min(words.count, 6) {
          let form = words.suffix(length).joined()
          guard NameKey.companyForms.contains(form) || Self.formCountries[form] != nil else { continue }
          // The body's own acronym after its name ("Swiss Accreditation Service SAS") is no form.
          if accreditationByKey[form]?.canonical == canonical { continue }
          return .lookAlike(
            name: name,
            reason:
              "\(canonical) is an accreditation body of \(entry.economies.joined(separator: ", ")), not a company (\"\(words.suffix(length).joined(separator: " "))\"): a name borrowed from it"
          )
        }
      }
    }
    return found
  }

  /// Company forms of one country's (or a few countries') law, by key, for telling a national
  /// accreditation body's own legal name ("Deutsche Akkreditierungsstelle GmbH") from a borrowed
  /// one ("CNAS B.V."). Forms used across the English-speaking world (Ltd, Inc, LLC, PLC, Co) are
  /// left out.
  static let formCountries: [String: Set<String>] = [
    "bv": ["NL", "BE"], "nv": ["NL", "BE"], "bvba": ["BE"], "cvba": ["BE"], "sprl": ["BE"],
    "kk": ["JP"], "gk": ["JP"], "yk": ["JP"],
    "srl": ["IT", "RO", "MD", "AR"], "srls": ["IT"], "spa": ["IT"], "sapa": ["IT"], "scarl": ["IT"],
    "sl": ["ES"], "slu": ["ES"], "sau": ["ES"], "sll": ["ES"],
    "sarl": ["FR", "LU", "MA", "TN", "CH"], "sas": ["FR"], "sasu": ["FR"], "eurl": ["FR"],
    "gmbh": ["DE", "AT", "CH"], "mbh": ["DE", "AT", "CH"], "ag": ["DE", "AT", "CH"], "kg": ["DE", "AT"],
    "ohg": ["DE"], "ug": ["DE"], "kgaa": ["DE"], "ev": ["DE"],
    "aps": ["DK"], "asa": ["NO"], "oy": ["FI"], "oyj": ["FI"], "kft": ["HU"], "zrt": ["HU"],
    "sro": ["CZ", "SK"], "spzoo": ["PL"], "doo": ["RS", "HR", "SI", "BA", "ME", "MK"],
    "ooo": ["RU", "BY", "UA"], "pao": ["RU"], "zao": ["RU"], "ltda": ["BR", "PT", "CO", "CL"],
    "lda": ["PT"], "eireli": ["BR"], "sadecv": ["MX"], "sapidecv": ["MX"], "srldecv": ["MX"],
    "sderldecv": ["MX"], "sdn": ["MY"], "sdnbhd": ["MY"], "bhd": ["MY"], "berhad": ["MY"], "tbk": ["ID"],
    "pte": ["SG"], "pteltd": ["SG"], "pvt": ["IN", "PK"], "pvtltd": ["IN", "PK"], "pty": ["AU", "ZA"],
    "ptyltd": ["AU", "ZA"], "sae": ["EG"], "fze": ["AE"], "fzco": ["AE"], "fzllc": ["AE"],
    "wll": ["BH", "QA", "KW"],
  ]

  /// The IAF and ILAC marks, written beside an accreditation body's name.
  static let accreditationMarks: Set<String> = [
    "iaf", "ilac", "iaf mla", "mla", "iaf-mla", "ilac mra", "mra",
  ]

  /// The parts of a name that lists bodies ("ANAB / UKAS", "UKAS; ANAB", "UKAS & IAF"), or joins a
  /// body's acronym to its full name with a dash between spaces ("Accredia - Ente Italiano di
  /// Accreditamento"), without the IAF and ILAC marks; a dash within a word ("ANAB-USA") joins.
  static func listedAccreditationBodies(_ name: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var skip = 0
    let characters = Array(name)
    for (index, character) in characters.enumerated() {
      let spacedDash =
        "-–—".contains(character) && index > 0 && index + 1 < characters.count
        && characters[index - 1].isWhitespace && characters[index + 1].isWhitespace
      // " and " between names, read as a list only when the name as a whole is no body's (the
      // caller resolves it first).
      let spacedAnd =
        index > 0 && index + 4 < characters.count && characters[index - 1].isWhitespace
        && String(characters[index..<(index + 3)]).lowercased() == "and" && characters[index + 3].isWhitespace
      if skip > 0 {
        skip -= 1
        continue
      }
      if spacedAnd {
        parts.append(current)
        current = ""
        skip = 3
        continue
      }
      if "/,;&+".contains(character) || spacedDash {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty && !accreditationMarks.contains($0.lowercased())
    }
  }

  /// The name without "accredited by" and the like, the IAF or ILAC mark written beside it, and
  /// a registration number's letter prefix ("RvA C 029").
  static func accreditationVariants(_ name: String) -> [String] {
    var variants: [String] = []
    let parts = listedAccreditationBodies(name)
    if parts.count == 1, parts[0] != name { variants.append(parts[0]) }
    for base in [name] + variants {
      var words = base.split(whereSeparator: \.isWhitespace).map(String.init)
      let lower = words.map { $0.lowercased() }
      if lower.starts(with: ["accredited", "by"]) || lower.starts(with: ["accreditation", "by"]) {
        words.removeFirst(2)
      } else if lower.first == "accredited" || lower.first == "ansi" {
        words.removeFirst()
      }
      // Tried before its trailing words go: "Accredited by IAS Accreditation" names the
      // look-alike "IAS-Accreditation", not IAS.
      let unprefixed = words.joined(separator: " ")
      if !unprefixed.isEmpty, unprefixed != name, !variants.contains(unprefixed),
        words.last.map({ ["accredited", "accreditation", "certified"].contains($0.lowercased()) }) == true
      {
        variants.append(unprefixed)
      }
      while let last = words.last?.lowercased(), ["accredited", "accreditation", "certified"].contains(last) {
        words.removeLast()
      }
      // A registration number with a letter before it: "RvA C 029", "CNAS C 001-M".
      if let numbered = words.firstIndex(where: { $0.contains(where: \.isNumber) }), numbered > 1,
        words[numbered - 1].count <= 2
      {
        words.removeSubrange((numbered - 1)...)
      }
      let variant = words.joined(separator: " ")
      if !variant.isEmpty, variant != name, !variants.contains(variant) { variants.append(variant) }
    }
    return variants
  }

  /// Place words that name one country (ISO 3166), for telling a national accreditation body's
  /// borrowed name ("UKAS India") from its own ("CNAS China"). Regions are left out: "South
  /// Africa" is SANAS's home, not a branch.
  static let placeCountries: [String: String] = [
    "china": "CN", "prc": "CN", "hongkong": "HK", "hk": "HK", "taiwan": "TW", "vietnam": "VN", "india": "IN",
    "indonesia": "ID", "thailand": "TH", "malaysia": "MY", "singapore": "SG", "philippines": "PH",
    "korea": "KR",
    "japan": "JP", "bangladesh": "BD", "pakistan": "PK", "turkey": "TR", "turkiye": "TR", "germany": "DE",
    "deutschland": "DE", "uk": "GB", "usa": "US", "us": "US", "america": "US", "mexico": "MX", "brazil": "BR",
    "greece": "GR", "hellas": "GR", "italia": "IT", "italy": "IT", "france": "FR", "espana": "ES",
    "spain": "ES",
    "portugal": "PT", "polska": "PL", "poland": "PL", "hungary": "HU", "romania": "RO", "netherlands": "NL",
    "nederland": "NL", "belgium": "BE", "switzerland": "CH", "sweden": "SE", "norway": "NO", "denmark": "DK",
    "finland": "FI", "ireland": "IE", "canada": "CA", "australia": "AU", "egypt": "EG", "uae": "AE",
    "dubai": "AE", "israel": "IL", "chile": "CL", "argentina": "AR", "colombia": "CO", "peru": "PE",
    "cambodia": "KH", "myanmar": "MM", "nepal": "NP",
    // As the countries' own languages write them; two words are also read run together ("Viet Nam").
    "brasil": "BR", "thenetherlands": "NL", "unitedkingdom": "GB", "greatbritain": "GB",
    "unitedstates": "US", "srilanka": "LK", "newzealand": "NZ", "southkorea": "KR", "saudiarabia": "SA",
    "osterreich": "AT", "austria": "AT", "schweiz": "CH", "suisse": "CH", "russia": "RU",
  ]

  /// Words an accreditation body's name carries on certificates besides its own: its mark's
  /// scheme ("UKAS Management Systems 0005"), the standard it accredits under ("ANAB ISO/IEC
  /// 17021"), "No." before the number, and its country ("CNAS China", "ANAB-USA"). A black-box
  /// review found these real spellings flagged unaccredited. Business words stay out: no
  /// accreditation body is called "UKAS Certification".
  /// "AB" is no company form here: "UKAS-AB" or "CNAS AB" imitates a body in the style of
  /// "IAF-AB" (an "accreditation body"), and no national accreditation body is a company called
  /// so (certificate review: ten such spellings were read as the real body).
  private static let accreditationSuffixes = NameKey.companyForms.subtracting(["ab"]).union(
    NameKey.placeWords
  ).union([
    "management", "systems", "system", "product", "products", "no", "nr", "number", "iso", "iec",
  ])

  /// Whether `name` oversees certification for `standard` in place of an accreditation body:
  /// IATF 16949 is not accredited through IAF MLA signatories; the International Automotive Task
  /// Force recognises the certification bodies itself, through its oversight offices (IAOB, VDA
  /// QMC, SMMT, ANFIA, IATF France, IATF China), which certificates name where others name UKAS
  /// or CNAS. SA8000 certification bodies are accredited by SAAS (Social Accountability
  /// Accreditation Services) alone. Unknown for any other standard.
  public func schemeOwner(_ name: String, of standard: String) -> Recognition {
    guard let owners = Self.schemeOwners[standard] else { return .unknown }
    let key = NameKey.key(name)
    for (canonical, spellings) in owners where spellings.contains(where: { NameKey.key($0) == key }) {
      return .recognised(canonical: canonical)
    }
    return .unknown
  }

  /// Scheme owners by canonical standard: each office's canonical name and its spellings.
  static let schemeOwners: [String: [(canonical: String, spellings: [String])]] = [
    "IATF16949": [
      (
        "IATF",
        [
          "IATF", "International Automotive Task Force", "IATF Global Oversight", "IATF Oversight",
          "IATF China", "IATF China Oversight", "IATF France",
        ]
      ),
      ("IAOB", ["IAOB", "International Automotive Oversight Bureau", "IATF IAOB"]),
      (
        "VDA QMC", ["VDA QMC", "VDA-QMC", "VDA Qualitäts Management Center", "VDA Quality Management Center"]
      ),
      ("SMMT", ["SMMT", "Society of Motor Manufacturers and Traders", "SMMT IATF"]),
      ("ANFIA", ["ANFIA", "ANFIA IATF"]),
    ],
    "SA8000": [("SAAS", ["SAAS", "Social Accountability Accreditation Services", "SAAS Accreditation"])],
  ]

  /// Whether `name` is a recognised issuer of certificates. An audit-only firm such as Alibaba.com or
  /// QIMA is unknown here: it does not issue accredited certificates.
  public func certificationBody(_ name: String) -> Recognition {
    let name = NameKey.withoutLabel(name, NameKey.certificationLabels)
    if NameKey.isDottedCompanyForm(name) { return .unknown }
    if let lookAlike = bracketedLookAlike(name) { return lookAlike }
    return resolve(name, in: bodyByKey, dropping: Self.bodySuffixes) { $0.roles.contains(.certification) }
  }

  /// A look-alike named in brackets beside a real name ("UKAS [IAF-AB]", "UKAS (via IAF-AB)"): the
  /// bracketed words are otherwise dropped as a branch or place ("(Beijing)"), and the real name
  /// before them was trusted (certificate review). The IAF and ILAC marks themselves pass.
  func bracketedLookAlike(_ name: String) -> Recognition? {
    guard name.contains(where: { "([{".contains($0) }) else { return nil }
    var inside: [String] = []
    var depth = 0
    var current = ""
    for character in name {
      if "([{".contains(character) {
        if depth == 0 { current = "" }
        depth += 1
      } else if ")]}".contains(character) {
        if depth == 1 { inside.append(current) }
        depth = max(0, depth - 1)
      } else if depth > 0 {
        current.append(character)
      }
    }
    if depth > 0 { inside.append(current) }
    // Marks and words that stand in brackets beside real names: the IAF and ILAC marks, the
    // standard a body is accredited to ("(ISO/IEC 17021-1)"), the European co-operation ("(EA
    // MLA)"), the IQNet network, a place's abbreviation ("(Qro)"): listed look-alikes when they
    // claim to accredit, but no sign of one in brackets (code review: each had made a real body
    // a look-alike).
    let passing: Set<String> = [
      "iaf", "ilac", "iafmla", "mla", "ilacmra", "mra", "iso", "iec", "isoiec", "ea", "eamla", "iqnet", "qro",
    ]
    for text in inside {
      let words = text.split { !$0.isLetter && !$0.isNumber }.map { NameKey.key(String($0)) }.filter {
        !$0.isEmpty
      }
      for start in words.indices {
        for end in start..<min(words.count, start + 4) {
          let key = words[start...end].joined()
          // A short key only as the whole bracket: "(UAF)", not "UAF" among other words.
          let whole = start == 0 && end == words.count - 1
          guard whole || key.count >= 5, !passing.contains(key), let lookAlike = lookAlikeByKey[key] else {
            continue
          }
          return .lookAlike(
            name: lookAlike.name, reason: "it names \(lookAlike.name) beside it: " + lookAlike.reason)
        }
      }
    }
    return nil
  }

  /// Whether `name` is a recognised auditor. Certification bodies audit too, so they count.
  public func auditor(_ name: String) -> Recognition {
    let name = NameKey.withoutLabel(name, NameKey.certificationLabels)
    if NameKey.isDottedCompanyForm(name) { return .unknown }
    return resolve(name, in: bodyByKey, dropping: Self.bodySuffixes) {
      !$0.roles.isDisjoint(with: [.audit, .certification])
    }
  }

  private static let bodySuffixes = NameKey.companyForms.union(NameKey.businessWords).union(
    NameKey.placeWords)

  private func resolve(
    _ name: String, in table: [String: Entry], dropping suffixes: Set<String>, accepts: (Entry) -> Bool
  ) -> Recognition {
    let exact = NameKey.key(name)
    if exact.isEmpty { return .unknown }
    // A name listed as written decides; `init` refuses a name listed both as recognised and as a
    // look-alike. Only an unlisted name is shortened, and then any look-alike among the shortened
    // forms wins over a recognised one.
    if let lookAlike = lookAlikeByKey[exact] {
      return .lookAlike(name: lookAlike.name, reason: lookAlike.reason)
    }
    if let entry = table[exact] {
      return accepts(entry) ? .recognised(canonical: entry.canonical) : .unknown
    }
    let candidates = NameKey.lookupKeys(name, dropping: suffixes)
    for key in candidates.dropFirst() {
      if let lookAlike = lookAlikeByKey[key] {
        return .lookAlike(name: lookAlike.name, reason: lookAlike.reason)
      }
    }
    for key in candidates.dropFirst() {
      if let entry = table[key] {
        return accepts(entry) ? .recognised(canonical: entry.canonical) : .unknown
      }
    }
    // Certificates often give the body with its accreditation or registration number ("UKAS
    // 0005", "DAkkS D-ZM-16029-01-00", "CNAS C001-M"): the name before the first word with a
    // digit in it is tried once more.
    if let shortened = Self.withoutNumbers(name) {
      return resolve(shortened, in: table, dropping: suffixes, accepts: accepts)
    }
    return .unknown
  }

  /// `name` cut before its first white-space separated word that holds a digit, when that is
  /// not its first word; nil otherwise.
  static func withoutNumbers(_ name: String) -> String? {
    let words = name.split(whereSeparator: \.isWhitespace)
    guard let numbered = words.firstIndex(where: { $0.contains(where: \.isNumber) }), numbered > 0 else {
      return nil
    }
    return words[..<numbered].joined(separator: " ")
  }

  static func resourceText(_ fileName: String) -> String {
    let base = String(fileName.dropLast(".tsv".count))
    guard let url = Bundle.module.url(forResource: base, withExtension: "tsv", subdirectory: "Resources")
    else {
      fatalError("missing resource Resources/\(fileName) in \(Bundle.module.bundlePath)")
    }
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      fatalError("cannot read \(url.path): \(error)")
    }
  }
}

// MARK: - Reading the files

extension CertificationBodyRegistry {
  /// The data lines of a file with their 1-based numbers and trimmed fields; comments and blank lines
  /// are skipped.
  private static func rows(
    _ text: String, file: String, columns: ClosedRange<Int>, layout: String
  ) throws -> [(line: Int, fields: [String])] {
    var rows: [(line: Int, fields: [String])] = []
    // A Character "\r\n" is one newline, so Windows line endings split like Unix ones.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, line) in lines.enumerated() {
      let content = line.trimmingCharacters(in: .whitespaces)
      if content.isEmpty || content.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard columns.contains(fields.count) else {
        throw LoadError(
          file: file, line: index + 1,
          message: "expected \(columns.upperBound) tab-separated columns (\(layout)), found \(fields.count)")
      }
      rows.append((index + 1, fields))
    }
    return rows
  }

  private static func aliases(_ field: String, file: String, line: Int) throws -> [String] {
    if field.isEmpty { return [] }
    let aliases = field.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if aliases.contains(where: \.isEmpty) {
      throw LoadError(file: file, line: line, message: "empty alias in '\(field)'")
    }
    return aliases
  }

  private static func parseAccreditationBodies(_ text: String) throws -> [Entry] {
    let file = File.accreditationBodies
    // The aliases column may be left off, since editors tend to drop a trailing tab.
    return try rows(text, file: file, columns: 3...4, layout: "acronym, full name, economy, aliases").map {
      line, fields in
      let location = { (message: String) in LoadError(file: file, line: line, message: message) }
      guard !fields[0].isEmpty else { throw location("missing acronym") }
      guard !fields[1].isEmpty else { throw location("missing full name") }
      let capitals: ClosedRange<Unicode.Scalar> = "A"..."Z"
      let economies = fields[2].split(separator: "|", omittingEmptySubsequences: false)
      for economy in economies {
        let code = economy.trimmingCharacters(in: .whitespaces)
        guard code.count == 2, code.unicodeScalars.allSatisfy({ capitals.contains($0) }) else {
          throw location(
            "economy '\(fields[2])' must be two-letter ISO 3166 codes in capitals, separated by |")
        }
      }
      let aliases = fields.count == 4 ? try aliases(fields[3], file: file, line: line) : []
      return Entry(
        canonical: fields[0], names: [fields[0], fields[1]] + aliases, roles: [], file: file, line: line,
        economies: economies.map { $0.trimmingCharacters(in: .whitespaces) })
    }
  }

  private static func parseCertificationBodies(_ text: String) throws -> [Entry] {
    let file = File.certificationBodies
    return try rows(text, file: file, columns: 3...3, layout: "name, aliases, roles").map {
      line, fields in
      let location = { (message: String) in LoadError(file: file, line: line, message: message) }
      guard !fields[0].isEmpty else { throw location("missing name") }
      var roles: Roles = []
      for word in fields[2].split(separator: ",", omittingEmptySubsequences: false) {
        switch word.trimmingCharacters(in: .whitespaces) {
        case "certification": roles.insert(.certification)
        case "audit": roles.insert(.audit)
        case let other:
          throw location("unknown role '\(other)' (expected certification, audit)")
        }
      }
      let aliases = try aliases(fields[1], file: file, line: line)
      return Entry(canonical: fields[0], names: [fields[0]] + aliases, roles: roles, file: file, line: line)
    }
  }

  private static func parseLookAlikes(_ text: String) throws -> [LookAlike] {
    let file = File.lookAlikes
    return try rows(text, file: file, columns: 3...3, layout: "name, aliases, reason").map {
      line, fields in
      let location = { (message: String) in LoadError(file: file, line: line, message: message) }
      guard !fields[0].isEmpty else { throw location("missing name") }
      guard !fields[2].isEmpty else { throw location("missing reason") }
      let aliases = try aliases(fields[1], file: file, line: line)
      return LookAlike(name: fields[0], names: [fields[0]] + aliases, reason: fields[2], line: line)
    }
  }

  /// Every folded name of every entry, refusing a name shared by two entries and names that read as a
  /// placeholder rather than a body.
  private static func index(_ entries: [Entry]) throws -> [String: Entry] {
    var byKey: [String: Entry] = [:]
    for entry in entries {
      for name in entry.names {
        let location = { (message: String) in LoadError(file: entry.file, line: entry.line, message: message)
        }
        let keys = NameKey.registrationKeys(name)
        guard !keys.isEmpty else { throw location("name '\(name)' has no letters or digits") }
        for key in keys {
          if NameKey.placeholders.contains(key) {
            throw location("'\(name)' reads as a placeholder (not applicable, none, unknown), not a name")
          }
          if let other = byKey[key], other.line != entry.line {
            throw location("'\(name)' is also a name of '\(other.canonical)' (line \(other.line))")
          }
          byKey[key] = entry
        }
      }
    }
    return byKey
  }
}

// MARK: - Folding names

/// Folds a name to the key it is filed under: lower case, accents and punctuation removed.
enum NameKey {
  /// Keys that mean "no body" on a certificate; refused as names so that "N/A" never resolves.
  static let placeholders: Set<String> = [
    "na", "nil", "none", "null", "unknown", "notapplicable", "tbd", "tba", "other",
  ]

  /// Company forms, dropped from the end of any name that is not known as written. A dotted form
  /// falls apart into letters ("S.r.l.", "B.V.", "Sp. z o.o.", "S.A. de C.V."): its words are
  /// run together before they are looked up here (``Folded/stages(dropping:)``), so that single
  /// letters need not be listed, and a stray letter after a real name ("SGS S") is no company form
  /// (an outside test found "S.r.l.", "B.V." and "K.K." refused where "S.p.A." passed).
  static let companyForms: Set<String> = [
    "ltd", "limited", "co", "company", "inc", "incorporated", "corp", "corporation", "llc", "llp", "plc",
    "lp", "gmbh", "mbh", "ag", "kg", "ohg", "ug", "kgaa", "ev", "se", "sa", "sas", "sasu", "sarl", "eurl",
    "srl", "srls", "spa", "sapa", "scarl", "snc", "sl", "slu", "sau", "sll", "bv", "nv", "bvba", "cvba",
    "sprl", "as", "asa", "aps", "ab", "publ", "oy", "oyj", "hf", "ehf", "kk", "gk", "yk", "pte", "pvt",
    "private", "public", "holding", "holdings", "kft", "zrt", "nyrt", "bt", "sro", "spzoo", "spj", "doo",
    "dd", "ad", "ead", "eood", "ooo", "oao", "zao", "pao", "pjsc", "jsc", "ou", "uab", "sia", "ae", "epe",
    "ike", "ltda", "lda", "eireli", "cia", "sadecv", "sapidecv", "srldecv", "sderldecv", "sae", "pty",
    "sdn", "bhd", "berhad", "tbk", "pcl", "fze", "fzco", "fzc", "fzllc", "wll", "spc", "opc",
  ]

  /// Words a certification body's trading name often carries ("Bureau Veritas Certification", "Intertek
  /// Group"). Not dropped for accreditation bodies: no accreditation body is called "UKAS Certification",
  /// so such a name is an imitation, not a spelling.
  static let businessWords: Set<String> = [
    "group", "certification", "certifications", "cert", "service", "services", "testing", "inspection",
    "technical", "standards", "and",
  ]

  /// Places a certification body's local company adds to its name ("SGS Hong Kong Ltd", "TÜV SÜD
  /// Asia", "Intertek Testing Services Shenzhen"): dropped from the end like company forms, for
  /// certification bodies only. "International", "Global" and "Worldwide" are not places here:
  /// look-alike bodies favour them.
  static let placeWords: Set<String> = [
    "china", "prc", "hong", "kong", "hongkong", "hk", "macau", "taiwan", "asia", "pacific", "apac", "east",
    "south", "north", "west", "southeast", "beijing", "shanghai", "shenzhen", "guangzhou", "guangdong",
    "ningbo", "hangzhou", "zhejiang", "jiangsu", "suzhou", "xiamen", "fujian", "qingdao", "tianjin",
    "dongguan",
    "foshan", "wuhan", "chengdu", "vietnam", "india", "indonesia", "thailand", "malaysia", "singapore",
    "philippines", "korea", "japan", "bangladesh", "pakistan", "turkey", "turkiye", "germany", "deutschland",
    "uk", "usa", "us", "america", "americas", "europe", "mexico", "brazil",
    // Subsidiaries in Europe and beyond ("TÜV Austria Hellas", "Bureau Veritas Italia": a
    // black-box review found the first unrecognised).
    "hellas", "greece", "italia", "italy", "france", "espana", "spain", "iberica", "portugal", "polska",
    "poland", "czech", "cz", "slovakia", "hungary", "romania", "bulgaria", "croatia", "serbia", "nederland",
    "netherlands", "benelux", "belgium", "schweiz", "suisse", "switzerland", "nordic", "sweden", "norway",
    "denmark", "finland", "ireland", "canada", "australia", "zealand", "africa", "egypt", "uae", "dubai",
    "gulf", "saudi", "arabia", "israel", "middle", "latin", "chile", "argentina", "colombia", "peru",
    "sri", "lanka", "cambodia", "myanmar", "nepal",
    // Countries as their own languages write them, and names of two words run together
    // ("Viet Nam", "Việt Nam"): a trailing run of words is looked up as one (an outside test found
    // "SGS do Brasil" and "... Viet Nam" refused where "Brazil" and "Vietnam" passed).
    "brasil", "iberia", "osterreich", "oesterreich", "austria", "svizzera", "belgique", "belgie",
    "luxembourg", "danmark", "sverige", "norge", "suomi", "eesti", "estonia", "latvija", "latvia",
    "lietuva", "lithuania", "cesko", "ceskarepublika", "czechrepublic", "czechia", "slovensko",
    "slovenija", "slovenia", "hrvatska", "srbija", "magyarorszag", "hungaria", "ellada", "ukraine",
    "ukraina", "russia", "rossiya", "srilanka", "newzealand", "southafrica",
    "southkorea", "saudiarabia", "unitedkingdom", "greatbritain", "unitedstates", "unitedarabemirates",
    "thenetherlands", "thephilippines", "filipinas", "nippon", "nihon", "morocco", "maroc", "tunisia",
    "tunisie", "kenya", "nigeria", "qatar", "kuwait", "oman", "bahrain", "jordan", "ecuador", "uruguay",
    "paraguay", "bolivia", "venezuela", "guatemala", "panama", "costarica", "kazakhstan", "uzbekistan",
    "macao",
  ]

  /// Words that join a place to the name before it ("SGS do Brasil", "BSI Group The Netherlands",
  /// "Bureau Veritas de México"): dropped only with the place after them.
  static let placeConnectors: Set<String> = [
    "the", "of", "in", "de", "do", "da", "del", "di", "du", "des", "von", "y", "e",
  ]

  /// The most words a company form or place is written in ("S.A. de C.V.", "S. de R.L. de C.V.").
  static let longestSuffix = 7

  /// Words that, in brackets after a body's name, deny or qualify it rather than place it: the
  /// status of an accreditation, or a denial ("UKAS (suspended)", "SGS (fake)").
  static let disqualifyingWords: Set<String> = [
    "suspended", "suspension", "withdrawn", "withdrawal", "revoked", "revocation", "cancelled", "canceled",
    "expired", "expiring", "lapsed", "terminated", "fake", "false", "forged", "counterfeit", "invalid",
    "void", "applied", "applying", "application", "pending", "process", "processing", "provisional",
    "draft", "not", "no", "non", "unaccredited", "unrecognised", "unrecognized", "former", "formerly",
    "previously", "ex",
  ]

  /// Labels a certificate list puts before a body's name ("Certification body: SGS"), by key.
  static let certificationLabels: Set<String> = [
    "certificationbody", "certificationbodyname", "certifiedby", "certifier", "issuedby", "issuer",
    "issuingbody", "registrar", "registeredby", "cb", "cbname", "body", "auditor", "auditedby", "auditbody",
    "auditfirm", "name",
  ]
  static let accreditationLabels: Set<String> = [
    "accreditationbody", "accreditationbodyname", "accreditedby", "accreditation", "accreditor", "ab",
    "body", "name",
  ]

  /// `name` without a leading label in `labels` and its colon (ASCII or full-width); `name` itself
  /// otherwise.
  static func withoutLabel(_ name: String, _ labels: Set<String>) -> String {
    guard let colon = name.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return name }
    guard labels.contains(key(String(name[..<colon]))) else { return name }
    let rest = name[name.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return rest.isEmpty ? name : rest
  }

  /// The keys a listed name is filed under: its fold, plus the fold with umlauts written out (ü as ue),
  /// so that "TUEV SUED" finds "TÜV SÜD" without "ue" being folded in every other name.
  static func registrationKeys(_ name: String) -> [String] {
    let plain = Folded(name).text
    guard !plain.isEmpty else { return [] }
    let spelledOut = Folded(name, umlautAsE: true).text
    return spelledOut == plain ? [plain] : [plain, spelledOut]
  }

  /// Whether `name` is a company form alone, written with its dots ("B.V.", "S.A."): a legal form
  /// with the company's name left out, not the acronym a body goes by ("BV" is Bureau Veritas;
  /// black-box review 136 found "B.V." alone counted as it).
  static func isDottedCompanyForm(_ name: String) -> Bool {
    name.contains(".") && companyForms.contains(key(name))
  }

  /// The whole name folded: the key most look-ups find directly, and the first of `lookupKeys`.
  static func key(_ name: String) -> String {
    guard name.allUTF8Bytes({ $0 < 0x80 }) else { return Folded(name).text }
    // The common case, plain ASCII, without splitting the name into words.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(name.utf8.count)
    for byte in name.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 0x20)
      case UInt8(ascii: "&"): bytes += "and".utf8
      default: continue
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The keys to try for a name as typed, most specific first: the whole name with trailing `suffixes`
  /// dropped one at a time, then the same without its parenthesised parts ("(Beijing)", "(Group)").
  /// Empty when the name has no letters or digits.
  static func lookupKeys(_ name: String, dropping suffixes: Set<String>) -> [String] {
    let folded = Folded(name)
    guard !folded.text.isEmpty else { return [] }
    var keys = folded.stages(dropping: suffixes)
    // A bracketed place or group ("(Beijing)") is dropped; a bracketed status or denial ("UKAS
    // (suspended)", "SGS (fake)", "(applied)") is not, and the name is then unknown (black-box
    // review 131 found such names counted in full).
    if folded.hasParentheses, !folded.bracketedWords.contains(where: NameKey.disqualifyingWords.contains) {
      let outside = folded.outsideParentheses()
      if !outside.isEmpty { keys += outside.stages(dropping: suffixes) }
    }
    return keys
  }

  /// A name folded to lower-case letters and digits, remembering where each word ends so that trailing
  /// words can be dropped without folding again.
  struct Folded {
    /// The folded name as UTF-8.
    private var bytes: [UInt8] = []
    /// Offsets in `bytes` where each word ends.
    private var ends: [Int] = []
    /// For each word, whether it stood in parentheses.
    private var bracketed: [Bool] = []

    var hasParentheses: Bool { bracketed.contains(true) }

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var isEmpty: Bool { bytes.isEmpty }

    init(_ name: String, umlautAsE: Bool = false) {
      bytes.reserveCapacity(name.utf8.count)
      var depth = 0
      var previous: Unicode.Scalar?
      var inWord = false
      func endWord() {
        if inWord {
          ends.append(bytes.count)
          bracketed.append(depth > 0)
        }
        inWord = false
      }
      func append<Bytes: Collection<UInt8>>(_ folded: Bytes) {
        if folded.isEmpty { return }
        bytes += folded
        inWord = true
      }
      // Compatibility decomposition splits accents from letters and turns full-width forms (common in
      // Chinese text) into plain ones. It is the costly step, so names within the Latin table skip it;
      // spelling out umlauts needs the decomposed marks, but only runs when the lists are loaded.
      let fromTable = !umlautAsE && name.unicodeScalars.allSatisfy { $0.value < 0x250 }
      let table = fromTable ? NameKey.latinTable : []
      let scalars =
        fromTable ? name.unicodeScalars : name.decomposedStringWithCompatibilityMapping.unicodeScalars
      for scalar in scalars {
        defer { previous = scalar }
        switch scalar {
        case "(", "[", "{":
          endWord()
          depth += 1
        case ")", "]", "}":
          endWord()
          depth = max(0, depth - 1)
        case "&":
          endWord()
          append("and".utf8)
          endWord()
        case "\u{308}" where umlautAsE && previous.map(NameKey.vowelsTakingUmlaut.contains) == true:
          append("e".utf8)
        case _ where scalar.isASCII:
          // Letters and digits lower-cased by hand: the bulk of every name.
          switch scalar.value {
          case 0x61...0x7A, 0x30...0x39:
            bytes.append(UInt8(scalar.value))
            inWord = true
          case 0x41...0x5A:
            bytes.append(UInt8(scalar.value + 0x20))
            inWord = true
          default: endWord()
          }
        case _ where fromTable:
          let folded = table[Int(scalar.value)]
          if folded.isEmpty { endWord() } else { append(folded) }
        default:
          guard let folded = NameKey.fold(scalar) else {
            endWord()
            continue
          }
          append(folded.utf8)
        }
      }
      endWord()
    }

    /// The words that stood in parentheses.
    var bracketedWords: [String] {
      var words: [String] = []
      var start = 0
      for (end, inside) in zip(ends, bracketed) {
        if inside { words.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
        start = end
      }
      return words
    }

    /// The same name without the words that stood in parentheses.
    func outsideParentheses() -> Folded {
      var outside = Folded("")
      var start = 0
      for (end, inside) in zip(ends, bracketed) {
        if !inside {
          outside.bytes += bytes[start..<end]
          outside.ends.append(outside.bytes.count)
          outside.bracketed.append(false)
        }
        start = end
      }
      return outside
    }

    /// The text, then the text with each trailing word in `suffixes` dropped in turn; the first word
    /// always stays.
    /// A company form or place may be written in several words, looked up run together: "S.r.l."
    /// as "srl", "Viet Nam" as "vietnam", the longest such run first. A word joining a place to
    /// the name ("do Brasil", "The Netherlands") goes with the place.
    func stages(dropping suffixes: Set<String>) -> [String] {
      var keys = [text]
      var count = ends.count
      var droppedPlace = false
      while count > 1 {
        var taken = 0
        var unit = ""
        for length in stride(from: min(NameKey.longestSuffix, count - 1), through: 1, by: -1) {
          let start = ends[count - length - 1]
          let run = String(decoding: bytes[start..<ends[count - 1]], as: UTF8.self)
          if suffixes.contains(run) {
            (taken, unit) = (length, run)
            break
          }
        }
        if taken == 0, droppedPlace {
          let lastWord = String(decoding: bytes[ends[count - 2]..<ends[count - 1]], as: UTF8.self)
          if NameKey.placeConnectors.contains(lastWord) { taken = 1 }
        }
        guard taken > 0 else { break }
        droppedPlace = NameKey.placeWords.contains(unit)
        count -= taken
        keys.append(String(decoding: bytes[..<ends[count - 1]], as: UTF8.self))
      }
      return keys
    }
  }

  fileprivate static let vowelsTakingUmlaut: Set<Unicode.Scalar> = ["a", "o", "u", "A", "O", "U"]

  /// Letters that compatibility decomposition leaves alone but readers treat as plain Latin.
  private static let latinFolds: [Unicode.Scalar: String] = [
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "þ": "th",
  ]

  /// How each scalar below U+0250 (ASCII, Latin-1 and Latin Extended) folds, so that most names skip
  /// decomposition; "" marks a separator. Built once from the general rule in `fold`.
  fileprivate static let latinTable: [[UInt8]] = (0..<0x250).map { value in
    guard let scalar = Unicode.Scalar(value) else { return [] }
    let decomposed = String(Character(scalar)).decomposedStringWithCompatibilityMapping.unicodeScalars
    return Array(decomposed.map { fold($0) ?? "" }.joined().utf8)
  }

  /// A decomposed scalar as key text: lower case, accents and other marks dropped as "", nil for a
  /// separator (space, punctuation, symbol).
  fileprivate static func fold(_ scalar: Unicode.Scalar) -> String? {
    let properties = scalar.properties
    if properties.generalCategory.isMark { return "" }
    guard properties.isAlphabetic || properties.numericType != nil else { return nil }
    var folded = ""
    for lower in properties.lowercaseMapping.unicodeScalars where !lower.properties.generalCategory.isMark {
      if let latin = latinFolds[lower] { folded += latin } else { folded.unicodeScalars.append(lower) }
    }
    return folded
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isMark: Bool {
    switch self {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }
}
