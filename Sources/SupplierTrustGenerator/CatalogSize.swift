/// The preset catalog sizes: the number of suppliers and the approximate number of buyer reviews.
///
/// Reviews dominate the output, so the review target is what sets the file sizes
/// (L comes to roughly 600 MB of CSV, XL to roughly three times that).
public enum CatalogSize: String, CaseIterable, Sendable {
  case s = "S"
  case m = "M"
  case l = "L"
  case xl = "XL"

  /// How many supplier profiles the catalog holds.
  public var supplierCount: Int {
    switch self {
    case .s: return 1_000
    case .m: return 10_000
    case .l: return 100_000
    case .xl: return 300_000
    }
  }

  /// About how many reviews the catalog holds, all kinds of review included; the exact count
  /// depends on the seed.
  public var targetReviewCount: Int { supplierCount * 40 }
}
