import ArgumentParser
import Foundation
import SupplierTrustGenerator

struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a deterministic synthetic catalog (CSV, or XML with --xml).",
    discussion: """
      Sizes: S ≈ 1k suppliers / 40k reviews, M ≈ 10k / 400k, L ≈ 100k / 4M (about 570 MB of CSV), \
      XL ≈ 300k / 12M. The same size and seed always give the same bytes.

      Examples:
        supplier-trust generate --size S --out bench-data/S
        supplier-trust generate --size L --seed 7 --xml --out bench-data/L-xml
        supplier-trust generate --size S --bad-records 0.01 --out bench-data/S-bad
      """)

  @Option(help: "Catalog size: S, M, L or XL.")
  var size: CatalogSize

  @Option(help: "Seed of the random generator.")
  var seed: UInt64 = 1

  @Flag(help: "Write one catalog.xml instead of five CSV files.")
  var xml = false

  @Option(help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
  var out: String

  @Flag(help: "Replace the catalog files of a folder that already holds some (refused otherwise).")
  var overwrite = false

  @Option(
    help: ArgumentHelp(
      "Share of records made invalid on purpose (0...0.5); they are listed in expected-rejects.csv.",
      valueName: "rate"))
  var badRecords: Double = 0

  func validate() throws {
    guard (0...0.5).contains(badRecords) else {
      throw ValidationError("--bad-records must be between 0 and 0.5 (e.g. 0.01 for 1%).")
    }
  }

  func run() throws {
    // A folder that holds catalog files already: writing over them lost a user's own catalog
    // without a word (black-box review 65), and a CSV catalog written beside an XML one would be
    // read as two.
    let present = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter {
      let lower = $0.lowercased()
      return !$0.hasPrefix(".") && (lower.hasSuffix(".csv") || lower.hasSuffix(".xml"))
    }.sorted()
    if !present.isEmpty && !overwrite {
      let listed = present.prefix(5).joined(separator: ", ") + (present.count > 5 ? ", ..." : "")
      throw CLIError(
        "\(out) already holds catalog files (\(listed)), which generating would replace or mix with\n  fix: pass --out with a new or empty folder, or add --overwrite to replace them"
      )
    }
    // Replaced means all of a generated catalog, in either format: CSV files left beside a new
    // catalog.xml (or the reverse) would be read with it (code review).
    let generatedNames = CatalogGenerator.fileNames
    for name in present where generatedNames.contains(name) {
      try? FileManager.default.removeItem(atPath: (out as NSString).appendingPathComponent(name))
    }
    var options = GeneratorOptions(size: size, outputDirectory: out)
    options.seed = seed
    options.writeXML = xml
    options.badRecordRate = badRecords
    let started = Date()
    let summary: GenerationSummary
    do {
      summary = try CatalogGenerator.generate(options) { share in
        if Terminal.stderrIsTerminal { Terminal.progress("generating: \(Int(share * 100))%") }
      }
    } catch {
      throw CLIError("cannot write the catalog to \(out): \(error)")
    }
    Terminal.clearProgress()
    let others = present.filter { !generatedNames.contains($0) }
    if !others.isEmpty {
      Terminal.error(
        "warning: \(out) also holds \(others.prefix(5).joined(separator: ", "))\(others.count > 5 ? ", ..." : ""), which commands reading the folder read with the catalog"
      )
    }
    var total = 0
    for file in summary.files {
      total += file.bytes
      print("\(file.path)  \(file.kind)  \(file.records) records  \(file.bytes) bytes")
    }
    let seconds = Date().timeIntervalSince(started)
    print(
      "Wrote \(summary.files.count) file(s), \(total) bytes in \(String(format: "%.1f", seconds)) s"
        + (summary.injectedBadRecords > 0
          ? "; \(summary.injectedBadRecords) bad records listed in \(summary.manifestPath ?? "")" : ""))
  }
}

extension CatalogSize: ExpressibleByArgument {
  /// A size from `--size`, in either case (`l` or `L`).
  public init?(argument: String) {
    self.init(rawValue: argument.uppercased())
  }
}
