/// ISO 3166-1 alpha-2 country codes.
public enum Country {
  /// The officially assigned codes (ISO 3166-1, 2024), plus `XK` (Kosovo), which trade data uses.
  public static let codes: Set<String> = Set(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
    EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
    LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
    NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

  /// Assigned codes as a 26×26 table of letter pairs, for lookups that make no string.
  static let assigned: [Bool] = {
    var table = Array(repeating: false, count: 26 * 26)
    for code in codes {
      let letters = Array(code.utf8)
      table[Int(letters[0] - 65) * 26 + Int(letters[1] - 65)] = true
    }
    return table
  }()

  /// The upper-case code for two bytes such as `cn`, or nil when they are not an assigned code.
  public static func code(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let (first, second) = upperCaseCode(utf8: bytes) else { return nil }
    return String(decoding: [first, second], as: UTF8.self)
  }

  /// The upper-case letters of an assigned code given in either case, with no string made (a
  /// review has a country, millions of times per import).
  public static func upperCaseCode(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, UInt8)? {
    guard bytes.count == 2 else { return nil }
    let first = bytes[0] & 0xDF
    let second = bytes[1] & 0xDF
    guard (65...90).contains(first), (65...90).contains(second),
      bytes[0] & 0x80 == 0, bytes[1] & 0x80 == 0,
      assigned[Int(first - 65) * 26 + Int(second - 65)]
    else { return nil }
    return (first, second)
  }

  /// The upper-case code for `text` (`cn` → `CN`), or nil when it is not an assigned code.
  public static func normalize(_ text: some StringProtocol) -> String? {
    let upper = text.uppercased()
    return codes.contains(upper) ? upper : nil
  }
}
