/// Certificate standards under one spelling each: `ISO 9001:2015`, `iso9001` and `ISO-9001` are all
/// `ISO9001`.
public enum Standard {
  /// Display spellings for standards whose canonical form is not all upper case.
  static let displayNames: [String: String] = [
    "ROHS": "RoHS", "OEKOTEX100": "OEKO-TEX100", "OEKOTEX": "OEKO-TEX",
  ]

  /// ISO management-system standards, whose certificates run at most three years (ISO/IEC 17021-1).
  public static let managementSystems: Set<String> = [
    "ISO9001", "ISO14001", "ISO45001", "ISO13485", "IATF16949", "ISO22000", "ISO27001", "ISO50001",
    "ISO22301", "ISO37001", "ISO28000", "FSSC22000", "AS9100",
  ]

  /// The canonical name: letters and digits only, upper case, with an edition year (`:2015`) and
  /// an `ISO/IEC` prefix's `/IEC` dropped. Nil when nothing usable is left.
  public static func normalize(_ text: some StringProtocol) -> String? {
    var trimmed = Substring(text)
    // Drop an edition such as ":2015" or ":2015+A1:2018".
    if let colon = trimmed.firstIndex(of: ":") { trimmed = trimmed[..<colon] }
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
    return displayNames[key] ?? key
  }

  /// Whether `standard` (canonical) is an ISO management-system standard.
  public static func isManagementSystem(_ standard: String) -> Bool {
    managementSystems.contains(standard)
  }
}
