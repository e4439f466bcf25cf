import Testing

@testable import SupplierTrustScoring

/// `--category`: whole words in any order, plurals matching singulars, the last word also as the
/// start of a longer one; never the inside of another word.
@Suite struct CategoryMatchTests {
  @Test(arguments: [
    ("fitting", "Brass Fittings", true), ("fittings", "Pipe Fitting", true),
    ("FITTING", "pipe-fittings", true),
    ("pipe fittings", "Pipe  Fitting", true), ("valve", "Valves, Fittings", true),
    ("CNC mach", "CNC Machining", true),
    ("battery", "Lithium Batteries", true), ("box", "Gift Boxes", true), ("glass", "Glass", true),
    ("çelik", "Çelik Boru", true), ("电子", "消费电子产品", true),
    // Accents either side (black-box review 85: "valvula" missed "Válvulas").
    ("valvula", "Válvulas", true), ("válvula", "Valvulas", true), ("celik", "Çelik Boru", true),
    ("kirmizi", "Kırmızı Boya", true), ("strassenbau", "Straßenbau", true), ("ost", "Øst Pipe", true),
    ("fitting", "Boat Outfitting Services", false), ("ware", "Hardware", false),
    ("pipe", "Brass Fittings", false), ("fittings", "", false),
    // Words in any order, each a word of its own (black-box review 120: "led light" missed "LED
    // Panel Lights").
    ("brass fitting", "Fittings Brass", true), ("led light", "LED Panel Lights", true),
    ("auto part", "Auto Spare Parts", true), ("valve ball", "Ball Valves", true),
    ("pipe pipe", "Pipe Fittings", false), ("led lamp", "LED Panel Lights", false),
    ("mach cnc", "CNC Machining", false),
  ])
  func matchesWordsNotInsidesOfWords(asked: String, category: String, expected: Bool) {
    #expect(CategoryMatch(asked).matches(category) == expected)
  }

  @Test func theCriteriaUseTheWordsAndSayHowTheyMatch() {
    var criteria = RankingCriteria()
    criteria.category = "fitting"
    #expect(criteria.descriptions == ["category matching \"fitting\""])
    #expect(CategoryMatch("  ;; ").words.isEmpty)
  }
}
