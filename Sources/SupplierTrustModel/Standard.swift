/// Certificate standards under one spelling each: `ISO 9001:2015`, `iso9001` and `ISO-9001` are all
/// `ISO9001`.
public enum Standard {
  /// Display spellings for standards whose canonical form is not all upper case, and revision
  /// letters dropped where a standard is written with its revision (`AS9100D`): a revision, like
  /// an edition year, does not make another standard.
  static let displayNames: [String: String] = [
    "ROHS": "RoHS", "OEKOTEX100": "OEKO-TEX100", "OEKOTEX": "OEKO-TEX", "OEKOTEXSTANDARD100": "OEKO-TEX100",
    "AS9100C": "AS9100", "AS9100D": "AS9100", "AS9100REVC": "AS9100", "AS9100REVD": "AS9100",
    "EN9100C": "AS9100", "EN9100D": "AS9100", "BRCGSFOODSAFETY": "BRCGS", "FSSC22000V6": "FSSC22000",
    // One standard under its other names: EN 9100 and JIS Q 9100 are AS9100 (one text, three
    // regions); BRC is BRCGS's former name; amfori runs BSCI; "CE marking" is CE.
    "EN9100": "AS9100", "JISQ9100": "AS9100", "BRC": "BRCGS", "BRCFOOD": "BRCGS", "AMFORIBSCI": "BSCI",
    "CEMARKING": "CE", "CEMARK": "CE",
    // China's national standards identical to ISO ones (GB/T 19001-2016 is ISO 9001:2015), as
    // Chinese certificates name them.
    "GBT19001": "ISO9001", "GBT24001": "ISO14001", "GBT45001": "ISO45001", "GBT22000": "ISO22000",
    "GBT22080": "ISO27001", "GBT23331": "ISO50001",
  ]

  /// The canonical name of a key of letters and digits: China's national standard written with
  /// the ISO one it adopts (`GB/T 19001-2016/ISO 9001:2015`) is the ISO one; then the aliases.
  static func canonical(_ key: String) -> String {
    var key = adoptedISO(key)
    // "ISO/IEC" after a national prefix (`BS EN ISO/IEC 27001`) is ISO's too (code review).
    if key.hasPrefix("ISOIEC") { key = "ISO" + key.dropFirst(6) }
    if key.hasPrefix("ISO"),
      let word = systemWords.first(where: { key.hasSuffix($0) && key.count > $0.count + 6 })
    {
      key = String(key.dropLast(word.count))
    }
    let letters = Array(key.utf8)
    if key.hasPrefix("GBT"),
      let iso = (3..<max(3, letters.count - 2)).first(where: {
        letters[$0] == 0x49 && letters[$0 + 1] == 0x53 && letters[$0 + 2] == 0x4F
      })
    {
      var rest = String(decoding: letters[iso...], as: UTF8.self)
      if rest.hasPrefix("ISOIEC") { rest = "ISO" + rest.dropFirst(6) }
      if let name = displayNames[rest] ?? (rest.count > 3 ? rest : nil) { return name }
    }
    return displayNames[key] ?? key
  }

  /// Standards or editions withdrawn, whose certificates all lapsed by a transition's end: a
  /// certificate to one still "valid" today is an old or false one (black-box review 20 saw ISO
  /// 9001:2008, OHSAS 18001 and ISO/TS 16949 credited in 2026). By canonical name, with the
  /// standard that replaced it.
  public static let withdrawn: [String: (successor: String, lapsedOn: Day, replacedBy: String)] = [
    "ISO9001:2008": ("ISO9001", Day(year: 2018, month: 9, day: 15)!, "ISO 9001:2015"),
    "ISO9001:2000": ("ISO9001", Day(year: 2010, month: 11, day: 15)!, "ISO 9001:2008, then 2015"),
    "ISO14001:2004": ("ISO14001", Day(year: 2018, month: 9, day: 15)!, "ISO 14001:2015"),
    "OHSAS18001": ("ISO45001", Day(year: 2021, month: 9, day: 12)!, "ISO 45001"),
    "ISOTS16949": ("IATF16949", Day(year: 2018, month: 9, day: 15)!, "IATF 16949"),
    "ISO13485:2003": ("ISO13485", Day(year: 2019, month: 3, day: 1)!, "ISO 13485:2016"),
    // The 1994 series: ISO 9002 and 9003 were folded into ISO 9001:2000 (certificate review).
    "ISO9001:1994": ("ISO9001", Day(year: 2003, month: 12, day: 15)!, "ISO 9001:2000, then 2008, 2015"),
    "ISO9002": ("ISO9001", Day(year: 2003, month: 12, day: 15)!, "ISO 9001:2000"),
    "ISO9003": ("ISO9001", Day(year: 2003, month: 12, day: 15)!, "ISO 9001:2000"),
  ]

  /// Editions kept apart from their standard's name, by the key of letters and digits with the
  /// year run in (`ISO 9001:2008` is `ISO90012008`).
  static let withdrawnEditionKeys: [String: String] = [
    "ISO90012008": "ISO9001:2008", "ISO90012000": "ISO9001:2000", "ISO140012004": "ISO14001:2004",
    "ISO134852003": "ISO13485:2003", "ISO90011994": "ISO9001:1994", "GBT190011994": "ISO9001:1994",
    // China's adoptions of those editions (GB/T 19001-2008 is ISO 9001:2008).
    "GBT190012008": "ISO9001:2008", "GBT190012000": "ISO9001:2000", "GBT240012004": "ISO14001:2004",
    "GBT280012011": "OHSAS18001", "GBT280012001": "OHSAS18001",
  ]

  /// The withdrawn edition `text` names, if it names one of ``withdrawnEditionKeys`` (with any
  /// separators, and anything after the year such as `+Cor1:2009`).
  static func withdrawnEdition(_ text: some StringProtocol) -> String? {
    var key = ""
    for scalar in text.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
        key.unicodeScalars.append(scalar)
        if key.unicodeScalars.count >= 24 { break }
      }
    }
    key = adoptedISO(key.uppercased())
    for (edition, name) in withdrawnEditionKeys where key.hasPrefix(edition) { return name }
    return nil
  }

  /// National adoptions of European adoptions of ISO standards, letters and digits only: the
  /// national prefix and "EN" dropped (`BSENISO9001` is `ISO9001`; "BS EN ISO 9001:2015" had
  /// become a standard of its own and failed `--require ISO9001`: certificate review).
  static func adoptedISO(_ key: String) -> String {
    for prefix in nationalEN where key.hasPrefix(prefix) && key.dropFirst(prefix.count).hasPrefix("ISO") {
      return String(key.dropFirst(prefix.count))
    }
    return key
  }

  /// "EN" with the prefixes of national standards bodies that adopt EN standards (BS EN, DIN EN,
  /// NF EN, UNE-EN, ...), longest first.
  static let nationalEN: [String] = [
    "ONORMEN", "OENORMEN", "SISTEN", "UNIEN", "UNEEN", "DINEN", "CSNEN", "SFSEN", "STNEN", "MSZEN", "LSTEN",
    "EVSEN", "NENEN", "BSEN", "NFEN", "SSEN", "NSEN", "DSEN", "PNEN", "SNEN", "ISEN", "EN",
  ]

  /// Words naming the kind of management system after its standard ("ISO 9001 QMS"), dropped.
  static let systemWords: [String] = ["OHSMS", "MDQMS", "FSMS", "ENMS", "ISMS", "QMS", "EMS"]

  /// Words that spell out the kind of management system after its standard ("ISO 9001:2015
  /// Quality Management System"), before "Management System(s)" (upper case).
  static let systemNameWords: Set<String> = [
    "QUALITY", "ENVIRONMENTAL", "ENVIRONMENT", "OCCUPATIONAL", "HEALTH", "AND", "SAFETY", "INFORMATION",
    "SECURITY", "ENERGY", "FOOD", "MEDICAL", "DEVICE", "DEVICES", "BUSINESS", "CONTINUITY", "ANTI",
    "BRIBERY", "SUPPLY", "CHAIN", "SOCIAL", "ACCOUNTABILITY", "AUTOMOTIVE", "AEROSPACE",
  ]

  /// The kinds of management system as Chinese certificates spell them after the standard
  /// ("ISO 9001：2015 质量管理体系"): quality, environmental, occupational health and safety,
  /// information security, energy, food safety.
  static let chineseSystemNames: [String] = [
    "质量管理体系", "环境管理体系", "职业健康安全管理体系", "信息安全管理体系", "能源管理体系", "食品安全管理体系",
  ]

  /// How many of `bytes` name the standard without the kind of management system spelled out
  /// after it ("ISO 9001:2015 Quality Management System", "ISO 14001 (Environmental Management
  /// Systems)"); nil when the text does not end so. Only "Management System(s)" with the words
  /// of ``systemNameWords`` before it, after a letter or digit of the standard (an outside test
  /// found such rows refused, where "ISO 9001:2015 QMS" read).
  static func lengthWithoutSystemName(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = bytes.count
    func skip(_ separators: [UInt8]) { while i > 0 && separators.contains(bytes[i - 1]) { i -= 1 } }
    func previousWord() -> String {
      let end = i
      while i > 0 && (0x61...0x7A).contains(bytes[i - 1] | 0x20) { i -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self).uppercased()
    }
    skip([0x20, 0x09])
    let bracketed = i > 0 && bytes[i - 1] == 0x29
    // Most standards end in a digit: no word is read for them (once per certificate row).
    guard i > 1, [0x4D, 0x53].contains(bytes[i - (bracketed ? 2 : 1)] & 0xDF) else { return nil }
    if bracketed { i -= 1 }
    skip([0x20, 0x09])
    guard ["SYSTEM", "SYSTEMS"].contains(previousWord()) else { return nil }
    skip([0x20, 0x09, 0x2D])
    guard previousWord() == "MANAGEMENT" else { return nil }
    while true {
      let before = i
      skip([0x20, 0x09, 0x2D, 0x26])
      let word = previousWord()
      if word.isEmpty || !systemNameWords.contains(word) {
        i = before
        break
      }
    }
    skip([0x20, 0x09])
    if bracketed {
      guard i > 0, bytes[i - 1] == 0x28 else { return nil }
      i -= 1
    }
    skip([0x20, 0x09, 0x2D])
    guard i > 0, (0x30...0x39).contains(bytes[i - 1]) || (0x61...0x7A).contains(bytes[i - 1] | 0x20) else {
      return nil
    }
    return i
  }

  /// `text` without what a certificate's title adds after its kind of system, or nil when it has
  /// none of it: "- Requirements" ("ISO 9001:2015 - Quality management systems - Requirements",
  /// the standard's official title), a trailing "Certificate", the system's acronym in brackets
  /// after its name ("... Management System (QMS)"), dashes between the words of a title
  /// ("Medical devices — Quality management systems") and "OH&S" for occupational health and
  /// safety. Black-box review 135 found such rows refused, one of them as "more than one standard".
  static func withoutTitleWords(_ text: String) -> String? {
    func trimmed(_ value: Substring, _ also: Set<Character> = []) -> String {
      var value = value
      while let first = value.first, first.isWhitespace || also.contains(first) { value.removeFirst() }
      while let last = value.last, last.isWhitespace || also.contains(last) { value.removeLast() }
      return String(value)
    }
    var title = trimmed(Substring(text))
    let original = title
    func dropWord(_ words: [String]) {
      let lower = title.lowercased()
      for word in words where lower.hasSuffix(" " + word) || lower.hasSuffix("-" + word) {
        title = trimmed(title.dropLast(word.count), [" ", "-", "–", "—", ":", ",", "."])
        return
      }
    }
    dropWord(["requirements", "requirement"])
    dropWord(["certificate", "certification", "cert"])
    if title.hasSuffix(")"), let open = title.lastIndex(of: "(") {
      let inner = title[title.index(after: open)..<title.index(before: title.endIndex)].uppercased()
      let before = trimmed(title[..<open])
      if systemWords.contains(inner) || inner == "OH&S" || inner == "OHS",
        before.lowercased().hasSuffix("system") || before.lowercased().hasSuffix("systems")
      {
        title = before
      }
    }
    if title.lowercased().contains("system") {
      title = title.replacing(" — ", with: " ").replacing(" – ", with: " ").replacing("—", with: " ")
        .replacing("–", with: " ")
      for spelling in ["OH&S", "OH & S", "oh&s"] where title.contains(spelling) {
        title = title.replacing(spelling, with: "Occupational Health and Safety")
      }
    }
    return title == original ? nil : title
  }

  /// The kinds of management system a listed standard certifies, for checking the kind spelled
  /// out after it: "ISO 9001:2015 Occupational Health and Safety Management System" names two
  /// standards' worth and had been read as ISO 9001 (black-box review 131). A standard not
  /// listed here lets any kind through.
  static let systemKinds: [String: Set<String>] = [
    "ISO9001": ["QUALITY"], "ISO9001:2008": ["QUALITY"], "ISO9001:2000": ["QUALITY"],
    "ISO9001:1994": ["QUALITY"], "ISO9002": ["QUALITY"], "ISO9003": ["QUALITY"],
    "ISO13485": ["QUALITY", "MEDICAL"], "ISO13485:2003": ["QUALITY", "MEDICAL"],
    "IATF16949": ["QUALITY", "AUTOMOTIVE"], "ISOTS16949": ["QUALITY", "AUTOMOTIVE"],
    "AS9100": ["QUALITY", "AEROSPACE"], "ISO14001": ["ENVIRONMENTAL"], "ISO14001:2004": ["ENVIRONMENTAL"],
    "ISO45001": ["OHS"], "OHSAS18001": ["OHS"], "ISO22000": ["FOOD"], "FSSC22000": ["FOOD"],
    "ISO27001": ["INFORMATION"], "ISO50001": ["ENERGY"], "ISO22301": ["CONTINUITY"],
    "ISO37001": ["BRIBERY"], "ISO28000": ["SUPPLY"], "SA8000": ["SOCIAL"],
  ]

  /// The kinds of management system a spelled-out name (English words, or Chinese) names.
  static func kinds(ofSystemName spelled: String) -> Set<String> {
    let words = Set(spelled.uppercased().split { !$0.isLetter }.map(String.init))
    var kinds: Set<String> = []
    func note(_ kind: String, _ english: [String], _ chinese: String? = nil) {
      if english.contains(where: words.contains) || chinese.map({ spelled.contains($0) }) == true {
        kinds.insert(kind)
      }
    }
    note("QUALITY", ["QUALITY"], "质量")
    note("ENVIRONMENTAL", ["ENVIRONMENTAL", "ENVIRONMENT"], "环境")
    note("OHS", ["OCCUPATIONAL"], "职业健康")
    if words.contains("HEALTH") && !words.contains("FOOD") { kinds.insert("OHS") }
    note("FOOD", ["FOOD"], "食品")
    note("INFORMATION", ["INFORMATION"], "信息安全")
    note("ENERGY", ["ENERGY"], "能源")
    note("MEDICAL", ["MEDICAL"])
    note("CONTINUITY", ["CONTINUITY"])
    note("BRIBERY", ["BRIBERY"])
    note("SUPPLY", ["SUPPLY"])
    note("SOCIAL", ["SOCIAL"])
    note("AUTOMOTIVE", ["AUTOMOTIVE"])
    note("AEROSPACE", ["AEROSPACE"])
    return kinds
  }

  /// Whether the kind of system spelled out after `standard` is one it certifies.
  static func systemName(_ spelled: String, fits standard: String) -> Bool {
    guard let allowed = systemKinds[standard] else { return true }
    return kinds(ofSystemName: spelled).isSubset(of: allowed)
  }

  /// Standards no certificate can be issued to, by canonical name, with why: guidance and
  /// vocabulary that state no requirements, a family's name, a kind of system with no standard,
  /// and numbers that name no standard but imitate ISO 9001. An outside test found "ISO 9000",
  /// "ISO 90001", "ISO 19001" and a bare "QMS" credited as other standards.
  public static let notCertifiable: [String: String] = [
    "ISO9000": "ISO 9000 is the vocabulary of quality management; certificates are issued to ISO 9001",
    "ISO9004": "ISO 9004 is guidance for sustained success; it states no requirements to certify against",
    "ISO19011": "ISO 19011 is guidance for auditing management systems, not a standard to certify against",
    "ISO14004":
      "ISO 14004 is guidance on environmental management systems; certificates are issued to ISO 14001",
    "ISO14000": "ISO 14000 names a family of standards; certificates are issued to ISO 14001",
    "ISO26000": "ISO 26000 is guidance on social responsibility, which ISO states is not for certification",
    "ISO31000": "ISO 31000 is risk-management guidance, not a standard to certify against",
    "ISO90001": "no standard ISO 90001 exists; the number imitates ISO 9001",
    "ISO19001": "no standard ISO 19001 exists; the number imitates ISO 9001",
    "QMS": "\"QMS\" names a kind of system (quality management), not a standard",
    "EMS": "\"EMS\" names a kind of system (environmental management), not a standard",
    "OHSMS": "\"OHSMS\" names a kind of system (occupational health and safety management), not a standard",
  ]

  /// Management-system standards, whose certificates run at most three years: the ISO ones
  /// (ISO/IEC 17021-1) and SA8000, certified on the same three-year cycle (SAAS Procedure 200).
  public static let managementSystems: Set<String> = [
    "ISO9001", "ISO14001", "ISO45001", "ISO13485", "IATF16949", "ISO22000", "ISO27001", "ISO50001",
    "ISO22301", "ISO37001", "ISO28000", "FSSC22000", "AS9100", "ISO9001:2008", "ISO9001:2000",
    "ISO14001:2004", "OHSAS18001", "ISOTS16949", "ISO13485:2003", "SA8000", "ISO9001:1994", "ISO9002",
    "ISO9003",
  ]

  /// The canonical name: letters and digits only, upper case, with an edition year (`:2015`) and
  /// an `ISO/IEC` prefix's `/IEC` dropped. Nil when nothing usable is left.
  public static func normalize(_ text: some StringProtocol) -> String? {
    // Full-width forms, common in Chinese exports ("ISO 9001：2015"), as the ASCII they stand for.
    if text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }) {
      var plain = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0xFF01...0xFF5E: plain.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
        case 0x3000: plain.append(" ")
        default: plain.append(scalar)
        }
      }
      return normalize(String(plain))
    }
    if let plain = withoutTitleWords(String(text)) { return normalize(plain) }
    var spelled = Substring(text)
    while spelled.last?.isWhitespace == true { spelled.removeLast() }
    if let chinese = chineseSystemNames.first(where: { spelled.hasSuffix($0) && spelled.count > $0.count }) {
      guard let standard = normalize(spelled.dropLast(chinese.count)) else { return nil }
      return systemName(chinese, fits: standard) ? standard : nil
    }
    let utf8 = Array(text.utf8)
    if let kept = utf8.withUnsafeBufferPointer(lengthWithoutSystemName) {
      guard let standard = normalize(String(decoding: utf8[..<kept], as: UTF8.self)) else { return nil }
      return systemName(String(decoding: utf8[kept...], as: UTF8.self), fits: standard) ? standard : nil
    }
    guard utf8.withUnsafeBufferPointer(editionIsWellFormed) else { return nil }
    // A list is refused before a withdrawn edition is looked for at its start ("ISO 9001-2008,
    // ISO 14001" had read as ISO 9001:2008; code review).
    if utf8.contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x26 }) { return nil }
    var letters = String.UnicodeScalarView()
    for scalar in text.unicodeScalars
    where ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
      letters.append(scalar)
    }
    guard namesOneStandard(String(letters).uppercased()) else { return nil }
    if let edition = withdrawnEdition(text) { return edition }
    // Drop an edition such as ":2015", ":2015+A1:2018" or "-2015".
    let kept = utf8.withUnsafeBufferPointer { lengthWithoutEdition($0) }
    let trimmed = String(decoding: utf8[..<kept], as: UTF8.self)
    var key = ""
    key.reserveCapacity(trimmed.utf8.count)
    for scalar in trimmed.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
        key.unicodeScalars.append(scalar)
      } else if scalar == " " || scalar == "-" || scalar == "/" || scalar == "_" || scalar == "." {
        continue
      } else {
        return nil
      }
    }
    key = key.uppercased()
    if key.hasPrefix("ISOIEC") { key = "ISO" + key.dropFirst(6) }
    if key.hasPrefix("ENISO") { key = String(key.dropFirst(2)) }
    guard !key.isEmpty, key.count <= 32 else { return nil }
    let name = canonical(key)
    return extendsKnownStandard(name) ? nil : name
  }

  /// Whether `name` is a known management-system standard with letters run on after its number
  /// ("ISO9001BSCI", "ISO9001OHSAS", "ISO9001X" from "ISO 9001 BSCI"): two standards in one, or
  /// one dressed up, had been read as an unknown standard and credited as one (black-box review
  /// 135). AS9100's revision letter ("AS9100D") is its own.
  static func extendsKnownStandard(_ name: String) -> Bool {
    // By bytes: keys are ASCII letters and digits, and this runs once per certificate row
    // (counting characters for every listed standard had been 1.4 % of `score DIR` at size L).
    let bytes = Array(name.utf8)
    for known in managementSystemBytes where bytes.count > known.count {
      guard bytes.starts(with: known) else { continue }
      let first = bytes[known.count]
      guard (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { continue }
      if known == asRevisioned, bytes.count == known.count + 1, (0x41...0x44).contains(first) { continue }
      return true
    }
    return false
  }

  private static let managementSystemBytes = managementSystems.map { Array($0.utf8) }
  private static let asRevisioned = Array("AS9100".utf8)

  /// Whether `text` looks like a list of standards rather than one ("ISO 9001, ISO 14001",
  /// "ISO 9001:2015 / ISO 14001:2015", "ISO9001 and ISO14001"), for messages that say to give
  /// one standard each.
  public static func looksLikeSeveral(_ text: String) -> Bool {
    let upper = text.uppercased()
    if upper.contains(",") || upper.contains(";") || upper.contains("&") || upper.contains(" AND ") {
      return true
    }
    let letters = String(upper.unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
    return !namesOneStandard(letters)
  }

  /// Whether a key (letters and digits, upper case) names one standard: not a second ISO or IATF
  /// one after the first (`ISO9001ISO14001` from "ISO 9001 / ISO 14001"), except where a
  /// national adoption names the ISO standard it adopts (`BSENISO9001`, `GBT190012016ISO9001`).
  /// Such a list had been read as one odd standard, or as its first (black-box review 120).
  static func namesOneStandard(_ key: String) -> Bool {
    // A second standard comes after a first one's number: "ISO" or "IAT(F)" with a digit before
    // it, found by the key's bytes (once per certificate row of a catalog). Without a digit
    // before, the letters are a national body's adoption, listed in `nationalEN` or not (TS EN
    // ISO, KS Q ISO, AS/NZS ISO, IS/ISO; code review).
    var sawDigit = false
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in key.utf8 {
      if sawDigit,
        (previous.0, previous.1, byte) == (0x49, 0x53, 0x4F)
          || (previous.0, previous.1, byte) == (0x49, 0x41, 0x54)
      {
        // China's national standards name the ISO one they adopt after their own number.
        return adoptedISO(key).hasPrefix("GBT")
      }
      if (0x30...0x39).contains(byte) { sawDigit = true }
      previous = (previous.1, byte)
    }
    return true
  }

  /// Whether what follows a colon, if any, is an edition: nothing, or a year (two or four
  /// digits, a DIN month after it: `2015-11`), then any amendments or corrigenda (`+A1:2018`,
  /// `/Amd 1:2024`, `/Amendment 1:2020`, `/AC:2014`, `+Cor1:2009`) and the kind of system
  /// (`QMS`, `(EMS)`), spaces or tabs anywhere between. "ISO 9001:2015, ISO 14001" had been read
  /// as ISO 9001 alone, the second standard dropped without a word (black-box review 120); the
  /// spellings above must still read (code review).
  static func editionIsWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let colon = bytes.firstIndex(of: 0x3A) else { return true }
    var i = colon + 1
    let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
    let isLetter = { (byte: UInt8) in (0x61...0x7A).contains(byte | 0x20) }
    func skipSpaces() { while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 } }
    func digits() -> Int {
      let start = i
      while i < bytes.count && isDigit(bytes[i]) { i += 1 }
      return i - start
    }
    func word() -> String {
      let start = i
      while i < bytes.count && isLetter(bytes[i]) { i += 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self).uppercased()
    }
    func year() -> Bool {
      skipSpaces()
      let start = i
      switch digits() {
      case 2: return true
      case 4:
        return (bytes[start], bytes[start + 1]) == (0x31, 0x39)
          || (bytes[start], bytes[start + 1]) == (0x32, 0x30)
      default: return false
      }
    }
    let systems: Set<String> = ["QMS", "EMS", "OHSMS", "FSMS", "ENMS", "ISMS", "MDQMS"]
    let amendments: Set<String> = ["A", "AMD", "AMENDMENT", "COR", "CORRIGENDUM", "AC"]
    skipSpaces()
    if i == bytes.count { return true }
    guard year() else { return false }
    if i + 3 <= bytes.count, bytes[i] == 0x2D, isDigit(bytes[i + 1]), isDigit(bytes[i + 2]),
      i + 3 == bytes.count || !isDigit(bytes[i + 3])
    {
      i += 3
    }
    while true {
      skipSpaces()
      if i == bytes.count { return true }
      if bytes[i] == 0x28 {
        // "(QMS)"
        i += 1
        skipSpaces()
        guard systems.contains(word()) else { return false }
        skipSpaces()
        guard i < bytes.count, bytes[i] == 0x29 else { return false }
        i += 1
      } else if isLetter(bytes[i]) {
        guard systems.contains(word()) else { return false }
      } else if bytes[i] == 0x2B || bytes[i] == 0x2F {
        i += 1
        skipSpaces()
        guard amendments.contains(word()) else { return false }
        if i < bytes.count, bytes[i] == 0x2E { i += 1 }
        skipSpaces()
        guard digits() <= 3 else { return false }
        skipSpaces()
        if i < bytes.count, bytes[i] == 0x3A {
          i += 1
          guard year() else { return false }
        }
      } else {
        return false
      }
    }
  }

  /// ``normalize(_:)`` for UTF-8 bytes: ASCII spellings are normalised in a small buffer without
  /// intermediate strings (once per certificate record in imports); others take the string route.
  public static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
    // A standard's title written out after it ends in a letter or a bracket; nearly every row
    // ends in a digit and stays on the byte path.
    if let last = bytes.last(where: { $0 != 0x20 && $0 != 0x09 }),
      last == 0x29 || (0x61...0x7A).contains(last | 0x20),
      bytes.count > 12
    {
      let text = String(decoding: bytes, as: UTF8.self)
      if withoutTitleWords(text) != nil { return normalize(text) }
    }
    if let kept = lengthWithoutSystemName(bytes) {
      guard let standard = normalize(utf8: UnsafeBufferPointer(rebasing: bytes[..<kept])) else { return nil }
      let spelled = String(decoding: UnsafeBufferPointer(rebasing: bytes[kept...]), as: UTF8.self)
      return systemName(spelled, fits: standard) ? standard : nil
    }
    guard editionIsWellFormed(bytes) else { return nil }
    // Withdrawn editions are rare: looked for only when a year of theirs is in the text.
    if bytes.count >= 8, Self.mayNameWithdrawnEdition(bytes) {
      return normalize(String(decoding: bytes, as: UTF8.self))
    }
    guard !bytes.contains(where: { $0 >= 0x80 }) else {
      return normalize(String(decoding: bytes, as: UTF8.self))
    }
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
    return withUnsafeMutableBytes(of: &buffer) { key -> String? in
      var count = 0
      for byte in UnsafeBufferPointer(rebasing: bytes[..<lengthWithoutEdition(bytes)]) {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39:
          // Longer than 32 is refused below; stop writing at the buffer's end.
          if count < key.count { key[count] = byte >= 0x61 ? byte - 0x20 : byte }
          count += 1
        case 0x20, 0x2D, 0x2F, 0x5F, 0x2E:
          continue
        default:
          return nil
        }
      }
      var start = 0
      func hasPrefix(_ prefix: StaticString) -> Bool {
        guard count >= prefix.utf8CodeUnitCount else { return false }
        for i in 0..<prefix.utf8CodeUnitCount where key[i] != prefix.utf8Start[i] { return false }
        return true
      }
      if hasPrefix("ISOIEC") {
        // "ISO" followed by what came after "ISOIEC".
        key[3] = 0x49
        key[4] = 0x53
        key[5] = 0x4F
        start = 3
      } else if hasPrefix("ENISO") {
        start = 2
      }
      let length = count - start
      guard length > 0, length <= 32 else { return nil }
      let name = String(decoding: UnsafeRawBufferPointer(rebasing: key[start..<count]), as: UTF8.self)
      guard namesOneStandard(name) else { return nil }
      let standard = canonical(name)
      return extendsKnownStandard(standard) ? nil : standard
    }
  }

  /// Whether `bytes` hold 2000, 2001, 2003, 2004, 2008 or 2011: the years of
  /// ``withdrawnEditionKeys``.
  static func mayNameWithdrawnEdition(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 4 else { return false }
    for i in 0...(bytes.count - 4) {
      if bytes[i] == 0x31 && bytes[i + 1] == 0x39 && bytes[i + 2] == 0x39 && bytes[i + 3] == 0x34 {
        return true
      }
      guard bytes[i] == 0x32 && bytes[i + 1] == 0x30 else { continue }
      switch (bytes[i + 2], bytes[i + 3]) {
      case (0x30, 0x30), (0x30, 0x31), (0x30, 0x33), (0x30, 0x34), (0x30, 0x38), (0x31, 0x31): return true
      default: continue
      }
    }
    return false
  }

  /// How many of `bytes` name the standard without its edition: up to a colon (`:2015`,
  /// `:2015+A1:2018`), or without a year (19xx or 20xx) that follows the standard's number after
  /// `-`, `/`, `.`, `_` or a space (`ISO9001-2015`, `ISO 14001 2015`), which would otherwise run
  /// into the number (`ISO90012015`).
  static func lengthWithoutEdition(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var end = bytes.firstIndex(of: 0x3A) ?? bytes.count
    while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
    guard end >= 7 else { return end }
    func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    let year = end - 4
    let century = (bytes[year], bytes[year + 1])
    guard century == (0x31, 0x39) || century == (0x32, 0x30), isDigit(bytes[year + 2]),
      isDigit(bytes[year + 3]),
      [0x2D, 0x2F, 0x2E, 0x5F, 0x20].contains(bytes[year - 1]), isDigit(bytes[year - 2])
    else { return end }
    var kept = year - 1
    while kept > 0 && bytes[kept - 1] == 0x20 { kept -= 1 }
    return kept
  }

  /// Whether `standard` (canonical) is an ISO management-system standard.
  public static func isManagementSystem(_ standard: String) -> Bool {
    managementSystems.contains(standard)
  }
}
