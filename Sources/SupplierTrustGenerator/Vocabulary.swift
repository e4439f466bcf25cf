/// UTF-8 bytes of a literal, for vocabulary that is appended to records many times over.
@inline(__always)
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The word lists the catalogs are assembled from, encoded once so that records are built by
/// copying bytes rather than by formatting strings.
struct Vocabulary: Sendable {
  static let shared = Vocabulary()

  let countries: Weighted<CountryProfile>
  let industries: [Industry]
  let nameWords: [[UInt8]]
  let standards: [Standard]
  let bodies: [CertificationBody]
  let lookAlikeBodies: [CertificationBody]
  let lookAlikeAccreditors: [[UInt8]]
  let auditors: [[[UInt8]]]
  let reviewerCountries: Weighted<[UInt8]>
  let reviewText: ReviewText

  private init() {
    countries = Self.makeCountries()
    industries = Self.makeIndustries()
    nameWords = [
      "Golden", "Bright", "Sunrise", "Everwin", "Hengli", "Jinyuan", "Huatai", "Topwell", "Greenland",
      "Oriental", "Hongda", "Xinhe", "Rising Star", "Unique", "Fortune", "Kaiyuan", "Lianfa", "Zhongtai",
      "Prime", "Wellday", "Dragon", "Harvest", "Pacific", "Ocean", "Silverline", "Starway", "Yongsheng",
      "Baolong", "Tianli", "Heshun",
    ].map(utf8)
    standards = Self.makeStandards()
    bodies = Self.makeBodies()
    lookAlikeBodies = Self.makeLookAlikeBodies()
    lookAlikeAccreditors = ["IAF-AB", "UAF", "International Accreditation Council", "ACCAB"].map(utf8)
    auditors = Self.makeAuditors()
    reviewerCountries = Weighted(
      [
        ("US", 28), ("GB", 8), ("DE", 7), ("FR", 5), ("AU", 6), ("CA", 6), ("BR", 4), ("MX", 3), ("IN", 3),
        ("AE", 3), ("SA", 3), ("NL", 3), ("IT", 3), ("ES", 3), ("PL", 2), ("ZA", 2), ("NG", 2), ("KR", 2),
        ("JP", 2), ("CL", 1), ("PH", 2), ("TR", 1), ("IL", 1), ("SE", 1), ("RU", 2),
      ].map { (utf8($0.0), Double($0.1)) })
    reviewText = ReviewText()
  }
}

/// A supplier country: its code, provinces with cities, and the company suffixes used there.
struct CountryProfile: Sendable {
  let code: [UInt8]
  /// Written before the name where local custom puts the legal form first (`PT ...`).
  let prefix: [UInt8]
  let regions: [(region: [UInt8], cities: [[UInt8]])]
  let suffixes: [[UInt8]]
}

extension Vocabulary {
  fileprivate static func makeCountries() -> Weighted<CountryProfile> {
    func country(
      _ code: String, _ regions: [(String, [String])], _ suffixes: [String], prefix: String = ""
    ) -> CountryProfile {
      CountryProfile(
        code: utf8(code), prefix: utf8(prefix), regions: regions.map { (utf8($0.0), $0.1.map(utf8)) },
        suffixes: suffixes.map(utf8))
    }
    let chinese = [
      "Co., Ltd.", "Co., Ltd.", "Co., Ltd.", "Industrial Co., Ltd.", "Technology Co., Ltd.",
      "Manufacturing Co., Ltd.", "Trading Co., Ltd.", "Import & Export Co., Ltd.", "Group Co., Ltd.",
    ]
    return Weighted([
      (
        country(
          "CN",
          [
            ("Guangdong", ["Shenzhen", "Guangzhou", "Dongguan", "Foshan", "Zhongshan", "Shantou"]),
            ("Zhejiang", ["Ningbo", "Yiwu", "Hangzhou", "Wenzhou", "Taizhou", "Yongkang"]),
            ("Jiangsu", ["Suzhou", "Wuxi", "Changzhou", "Nantong", "Danyang"]),
            ("Fujian", ["Xiamen", "Quanzhou", "Fuzhou", "Jinjiang"]),
            ("Shandong", ["Qingdao", "Jinan", "Yantai", "Linyi"]),
            ("Hebei", ["Shijiazhuang", "Cangzhou", "Hengshui"]),
            ("Shanghai", ["Shanghai"]),
            ("Henan", ["Zhengzhou", "Xinxiang"]),
          ], chinese), 70
      ),
      (
        country(
          "IN",
          [
            ("Maharashtra", ["Mumbai", "Pune"]), ("Gujarat", ["Ahmedabad", "Rajkot", "Surat"]),
            ("Tamil Nadu", ["Chennai", "Tiruppur"]), ("Delhi", ["New Delhi"]),
          ], ["Pvt. Ltd.", "Private Limited", "Exports", "Industries"]), 7
      ),
      (
        country(
          "VN",
          [
            ("Hồ Chí Minh", ["Ho Chi Minh City", "Thủ Đức"]), ("Bình Dương", ["Thuận An", "Dĩ An"]),
            ("Hà Nội", ["Hanoi"]), ("Đồng Nai", ["Biên Hòa"]),
          ], ["Company Limited", "Co., Ltd", "JSC", "Joint Stock Company"], prefix: "Công Ty TNHH "), 5
      ),
      (
        country(
          "TR",
          [("İstanbul", ["İstanbul"]), ("İzmir", ["İzmir"]), ("Bursa", ["Bursa"]), ("Denizli", ["Denizli"])],
          ["Tekstil San. ve Tic. A.Ş.", "Makina Ltd. Şti.", "A.Ş.", "Sanayi ve Ticaret Ltd. Şti."]), 4
      ),
      (
        country(
          "BD", [("Dhaka", ["Dhaka", "Gazipur"]), ("Chattogram", ["Chittagong"])],
          ["Ltd.", "Apparels Ltd.", "Knit Composite Ltd."]), 2
      ),
      (
        country(
          "PK", [("Punjab", ["Lahore", "Sialkot", "Faisalabad"]), ("Sindh", ["Karachi"])],
          ["(Pvt) Ltd.", "Industries", "Traders"]), 2
      ),
      (
        country(
          "MX", [("Nuevo León", ["Monterrey"]), ("Jalisco", ["Guadalajara"]), ("Querétaro", ["Querétaro"])],
          ["S.A. de C.V.", "S. de R.L. de C.V."]), 2
      ),
      (
        country(
          "TW", [("Taipei", ["Taipei"]), ("Taichung", ["Taichung"]), ("Tainan", ["Tainan"])],
          ["Co., Ltd.", "Enterprise Co., Ltd.", "Industrial Corp."]), 3
      ),
      (
        country(
          "TH", [("Bangkok", ["Bangkok"]), ("Chonburi", ["Chonburi", "Pattaya"])],
          ["Co., Ltd.", "Public Co., Ltd."]),
        1.5
      ),
      (
        country(
          "MY", [("Selangor", ["Shah Alam", "Klang"]), ("Penang", ["George Town"])], ["Sdn. Bhd.", "Berhad"]),
        1.5
      ),
      (
        country(
          "ID", [("Jawa Barat", ["Bandung", "Bekasi"]), ("Jawa Timur", ["Surabaya"])],
          ["Indonesia", "Industri", "Abadi"], prefix: "PT "), 2
      ),
    ])
  }
}
