#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What to generate and where.
public struct GeneratorOptions: Sendable {
  /// The preset that sets the number of suppliers and reviews.
  public var size: CatalogSize
  /// Same seed and options give byte-identical files.
  public var seed: UInt64 = 1
  /// Write one `catalog.xml` instead of the five CSV files.
  public var writeXML = false
  /// Created when missing; existing files of the same names are overwritten.
  public var outputDirectory: String
  /// The share (0...1) of records made invalid on purpose, each listed in `expected-rejects.csv`.
  public var badRecordRate: Double = 0
  /// The day the catalog is exported: no event in it lies later.
  public var asOf: (year: Int, month: Int, day: Int) = (2026, 11, 25)

  /// Overrides the preset's supplier count (the review target scales along), so that tests can
  /// run on catalogs smaller than S.
  var supplierCountOverride: Int?

  /// Options for a catalog of `size` written to `outputDirectory`, with the default seed,
  /// CSV output, no bad records and 2026-11-25 as the export day.
  public init(size: CatalogSize, outputDirectory: String) {
    self.size = size
    self.outputDirectory = outputDirectory
  }

  var supplierCount: Int { supplierCountOverride ?? size.supplierCount }

  var targetReviewCount: Int {
    guard let override = supplierCountOverride else { return size.targetReviewCount }
    return size.targetReviewCount / size.supplierCount * override
  }
}

/// One data file that was written.
public struct GeneratedFile: Sendable {
  /// The full path of the file.
  public let path: String
  /// `suppliers`, `certifications`, `audits`, `reviews`, `orders`, or `catalog` for the XML file.
  public let kind: String
  /// Data records in the file (the CSV header not counted; for XML every record of every kind).
  public let records: Int
  /// The file's size.
  public let bytes: Int
}

/// What ``CatalogGenerator/generate(_:progress:)`` wrote.
public struct GenerationSummary: Sendable {
  /// The data files, in the order suppliers, certifications, audits, reviews, orders (CSV) or
  /// the single catalog (XML).
  public let files: [GeneratedFile]
  /// How many records were made invalid on purpose.
  public let injectedBadRecords: Int
  /// The path of `expected-rejects.csv`, written only when `badRecordRate > 0`.
  public let manifestPath: String?
}

/// Why a catalog could not be generated.
public enum GeneratorError: Error, Equatable, CustomStringConvertible, Sendable {
  /// `badRecordRate` outside 0...1.
  case invalidBadRecordRate(Double)
  /// `asOf` is not a calendar day between 2000 and 2100.
  case invalidAsOf(year: Int, month: Int, day: Int)
  /// The output directory could not be created.
  case cannotCreateDirectory(path: String, errno: Int32)
  /// A file could not be written.
  case cannotWrite(path: String, errno: Int32)

  /// The problem in words for the user, with what to do about it when that is clear (another folder, free space).
  public var description: String {
    switch self {
    case .invalidBadRecordRate(let rate):
      return "bad-record rate \(rate) is outside 0...1"
    case .invalidAsOf(let year, let month, let day):
      return "as-of day \(year)-\(month)-\(day) is not a valid day between 2000 and 2100"
    case .cannotCreateDirectory(let path, let errno):
      // In words, with what to do: "errno 20" said neither (black-box review 36).
      let why = String(cString: strerror(errno))
      let fix =
        errno == ENOTDIR || errno == EEXIST
        ? "; --out names a folder to create or fill, and this is a file (or lies under one): give a folder path"
        : errno == EACCES ? "; choose a folder you may write to" : ""
      return "cannot create the folder \(path) (\(why))\(fix)"
    case .cannotWrite(let path, let errno):
      let why = String(cString: strerror(errno))
      let fix = errno == ENOSPC ? "; free some space or choose another folder" : ""
      return "cannot write \(path) (\(why))\(fix)"
    }
  }
}
