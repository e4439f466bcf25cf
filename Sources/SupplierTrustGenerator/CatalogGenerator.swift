import SupplierTrustModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes deterministic synthetic supplier catalogs in the input contract's formats, for tests and
/// benchmarks.
///
/// The same options always give byte-identical files. Records are generated and written supplier
/// by supplier, so memory stays small whatever the size.
public enum CatalogGenerator {
  /// The name of the XML catalog file.
  static let xmlFileName = "catalog.xml"
  /// The name of the list of records made invalid on purpose.
  static let manifestFileName = "expected-rejects.csv"

  /// Every file name a generation may write, in either format: what `--overwrite` replaces.
  public static let fileNames: Set<String> = Set(
    RecordKind.allCases.map { $0.plural + ".csv" } + [xmlFileName, manifestFileName])

  /// Generates a catalog into `options.outputDirectory` (created when missing).
  ///
  /// Writes `suppliers.csv`, `certifications.csv`, `audits.csv`, `reviews.csv` and `orders.csv`, or
  /// one `catalog.xml` when `options.writeXML` is set. With `options.badRecordRate > 0` it also
  /// writes `expected-rejects.csv` (`file,line,column,kind`): one row per record made invalid on
  /// purpose, giving the physical line where the record starts and the contract column at fault.
  ///
  /// - Parameter progress: called now and then with the share of suppliers done (0...1), on the
  ///   calling thread.
  /// - Throws: ``GeneratorError`` for invalid options or when a file cannot be written.
  public static func generate(
    _ options: GeneratorOptions, progress: ((Double) -> Void)? = nil
  ) throws -> GenerationSummary {
    let rate = options.badRecordRate
    guard rate >= 0 && rate <= 1 else { throw GeneratorError.invalidBadRecordRate(rate) }
    let (year, month, dayOfMonth) = options.asOf
    guard (2000...2100).contains(year) && Day.isValid(year: year, month: month, day: dayOfMonth) else {
      throw GeneratorError.invalidAsOf(year: year, month: month, day: dayOfMonth)
    }
    let directory = options.outputDirectory.isEmpty ? "." : options.outputDirectory
    try makeDirectory(directory)

    let manifestPath = directory + "/" + manifestFileName
    let manifest = rate > 0 ? try RejectManifest(path: manifestPath) : nil
    // A manifest left by an earlier run into this folder would describe rows that are now fine.
    if manifest == nil { unlink(manifestPath) }
    let sink: CatalogSink =
      options.writeXML
      ? try XMLCatalogSink(directory: directory, manifest: manifest)
      : try CSVCatalogSink(directory: directory, manifest: manifest)
    let suppliers = options.supplierCount
    let counts = ReviewVolume.counts(
      suppliers: suppliers, target: options.targetReviewCount, seed: options.seed)
    let builder = CatalogBuilder(
      options: options, asOf: Day(rollingOverYear: year, month: month, day: dayOfMonth), sink: sink)
    try builder.run(suppliers: suppliers, reviewCounts: counts, progress: progress)
    let files = try sink.finish()
    try manifest?.close()
    progress?(1)
    return GenerationSummary(
      files: files, injectedBadRecords: builder.injector.injected + builder.rejectedWithSupplier,
      manifestPath: manifest?.path)
  }

  /// `mkdir -p`.
  private static func makeDirectory(_ path: String) throws {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component + "/"
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw GeneratorError.cannotCreateDirectory(path: path, errno: errno)
      }
    }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
      throw GeneratorError.cannotCreateDirectory(path: path, errno: ENOTDIR)
    }
  }
}
