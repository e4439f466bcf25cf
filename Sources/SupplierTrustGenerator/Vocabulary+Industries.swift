/// A line of business: what the company calls itself, what it lists, and what it certifies.
struct Industry: Sendable {
  let words: [[UInt8]]
  let categories: [[UInt8]]
  /// Standard indices (into `Vocabulary.standards`) beyond ISO 9001, most typical first.
  let extraStandards: [Int]
  let scopes: [[UInt8]]
}

extension Vocabulary {
  static func makeIndustries() -> [Industry] {
    func industry(_ words: [String], _ categories: [String], _ extra: [Int], _ scopes: [String]) -> Industry {
      Industry(
        words: words.map(utf8), categories: categories.map(utf8), extraStandards: extra,
        scopes: scopes.map(utf8))
    }
    // Standard indices: 1 ISO14001, 2 ISO45001, 3 IATF16949, 4 ISO13485, 5 CE, 6 RoHS, 7 BSCI.
    return [
      industry(
        ["Electronics", "Electronic Technology", "Smart Tech", "Digital"],
        [
          "Consumer Electronics", "Phone Accessories", "Power Banks", "Chargers, Adapters & Power Supplies",
          "LED Displays", "Security & Protection", "Audio & Video",
        ], [5, 6, 1],
        [
          "Design and manufacture of consumer electronic products",
          "Manufacture of chargers, adapters and power banks",
          "Production of Bluetooth speakers and earphones",
        ]),
      industry(
        ["Lighting", "Optoelectronics", "Lamp"],
        ["LED Lighting", "Outdoor Lighting", "Commercial Lighting", "Lamps & Shades", "Solar Lights"],
        [5, 6, 1],
        ["Design and manufacture of LED lighting products", "Manufacture of LED panels, tubes and drivers"]),
      industry(
        ["Machinery", "Hardware", "Precision Machinery", "Metal Products"],
        [
          "Industrial Machinery", "Hardware", "Fasteners", "Valves", "Pumps & Parts", "Tools",
          "Packaging Machines", "CNC Machining",
        ], [1, 2, 5],
        [
          "Manufacture of CNC machined parts", "Design, production and service of packaging machinery",
          "Production of fasteners, bolts and nuts",
        ]),
      industry(
        ["Garment", "Textile", "Apparel", "Knitting"],
        [
          "Women's Clothing", "Men's Clothing", "Sportswear", "Fabric", "Home Textiles",
          "Bags, Cases & Boxes",
          "Workwear",
        ], [7, 1],
        ["Manufacture of knitted and woven garments", "Cutting, sewing and finishing of apparel"]),
      industry(
        ["Auto Parts", "Auto Accessories", "Motor Parts"],
        [
          "Auto Parts & Accessories", "Brake Parts", "Car Electronics", "Tires & Accessories", "Engine Parts",
        ],
        [3, 1, 2], ["Manufacture of brake pads and brake discs", "Production of automotive wire harnesses"]),
      industry(
        ["Medical Equipment", "Medical Technology", "Healthcare Products"],
        [
          "Medical Devices", "Medical Consumables", "Personal Protective Equipment", "Health & Medical",
          "Dental Supplies",
        ], [4, 5, 1],
        [
          "Design and manufacture of sterile medical consumables",
          "Production of disposable gloves, masks and gowns",
        ]),
      industry(
        ["Furniture", "Home Products", "Houseware", "Woodcraft"],
        ["Furniture", "Home & Garden", "Kitchen & Tabletop", "Home Decor", "Storage & Organization"], [7, 1],
        ["Manufacture of wooden and upholstered furniture", "Production of kitchenware and household items"]),
      industry(
        ["Packaging", "Plastic Products", "Printing"],
        ["Packaging & Printing", "Plastic Bags", "Paper Boxes", "Bottles & Jars", "Labels, Stickers & Tags"],
        [1],
        ["Printing and production of paper packaging", "Manufacture of plastic bottles, jars and caps"]),
      industry(
        ["Toys", "Baby Products", "Gifts"],
        ["Toys & Hobbies", "Baby Products", "Educational Toys", "Gifts & Crafts", "Party Supplies"], [5, 7],
        ["Manufacture of plastic and plush toys", "Design and production of educational toys"]),
    ]
  }
}
