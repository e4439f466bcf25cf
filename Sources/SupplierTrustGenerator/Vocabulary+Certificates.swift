/// A certification standard and the ways suppliers spell it on their profiles.
struct Standard: Sendable {
  let spellings: Weighted<[UInt8]>
  /// Management-system standards are issued by accredited bodies for three years; product marks
  /// (CE, RoHS) and audit programmes (BSCI) come as test reports or audit letters.
  let isManagementSystem: Bool
  /// For the certificate number, so that renewals of different standards never collide.
  let numberTag: [UInt8]
}

/// Who issues certificates, who accredits them, and how their numbers look.
struct CertificationBody: Sendable {
  let name: [UInt8]
  let accreditors: [[UInt8]]
  let numberPrefix: [UInt8]
}

extension Vocabulary {
  static func makeStandards() -> [Standard] {
    func standard(_ spellings: [(String, Double)], system: Bool, tag: String) -> Standard {
      Standard(
        spellings: Weighted(spellings.map { (utf8($0.0), $0.1) }), isManagementSystem: system,
        numberTag: utf8(tag))
    }
    return [
      standard([("ISO9001", 55), ("ISO 9001:2015", 30), ("ISO 9001", 15)], system: true, tag: "Q"),
      standard([("ISO14001", 60), ("ISO 14001:2015", 40)], system: true, tag: "E"),
      standard([("ISO45001", 60), ("ISO 45001:2018", 40)], system: true, tag: "S"),
      standard([("IATF16949", 60), ("IATF 16949:2016", 40)], system: true, tag: "A"),
      standard([("ISO13485", 60), ("ISO 13485:2016", 40)], system: true, tag: "M"),
      standard([("CE", 1)], system: false, tag: "CE"),
      standard([("RoHS", 1)], system: false, tag: "R"),
      standard([("BSCI", 1)], system: false, tag: "B"),
    ]
  }

  static func makeBodies() -> [CertificationBody] {
    func body(_ name: String, _ accreditors: [String], _ prefix: String) -> CertificationBody {
      CertificationBody(name: utf8(name), accreditors: accreditors.map(utf8), numberPrefix: utf8(prefix))
    }
    return [
      body("SGS", ["CNAS", "UKAS"], "CN"),
      body("TÜV SÜD", ["DAkkS"], "12 100 "),
      body("TÜV Rheinland", ["DAkkS", "CNAS"], "01 100 "),
      body("Bureau Veritas", ["UKAS", "CNAS"], "BV-"),
      body("Intertek", ["UKAS", "ANAB"], "ITS-"),
      body("DNV", ["ANAB", "RvA"], "C"),
      body("LRQA", ["UKAS", "ANAB"], "LRQ "),
      body("China Quality Certification Centre", ["CNAS"], "CQC"),
      body("SAI Global", ["JAS-ANZ"], "SAI-"),
      body("NQA", ["UKAS"], "NQA-"),
    ]
  }

  /// Issuers whose "accreditation" comes from bodies outside the IAF: common on marketplaces.
  static func makeLookAlikeBodies() -> [CertificationBody] {
    [
      CertificationBody(
        name: utf8("Global Quality Certification Ltd"), accreditors: [], numberPrefix: utf8("GQC-")),
      CertificationBody(name: utf8("EuroCert Services"), accreditors: [], numberPrefix: utf8("ECS")),
      CertificationBody(name: utf8("ICAS Assessment Ltd."), accreditors: [], numberPrefix: utf8("ICAS/")),
    ]
  }

  /// Auditors per audit kind, in the order of `AuditKind`.
  static func makeAuditors() -> [[[UInt8]]] {
    [
      ["Alibaba.com"],
      ["SGS", "TÜV Rheinland", "Bureau Veritas", "Intertek"],
      ["SGS", "Bureau Veritas", "Intertek", "TÜV SÜD", "QIMA"],
      ["amfori", "Intertek", "SGS", "Bureau Veritas"],
      ["QIMA", "SGS", "V-Trust", "Intertek"],
    ].map { $0.map(utf8) }
  }
}
