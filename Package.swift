// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "SupplierTrust",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "supplier-trust", targets: ["SupplierTrustCLI"]),
    .library(name: "SupplierTrustModel", targets: ["SupplierTrustModel"]),
    .library(name: "SupplierTrustImport", targets: ["SupplierTrustImport"]),
    .library(name: "SupplierTrustScoring", targets: ["SupplierTrustScoring"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // Plain value types: records, days, money, rates, identifiers. Only the inline C of CByteScan
    // (a prefetch for the reviewer table).
    .target(name: "SupplierTrustModel", dependencies: ["CByteScan"]),
    // RFC 4180 streaming reader and a spreadsheet-safe writer, over bytes.
    .target(name: "SupplierTrustCSV", dependencies: ["CByteScan"]),
    // The CSV reader's byte scan with SSE2 compares and a prefetch, inline C (Swift has neither a
    // byte-mask operation nor a prefetch), and the XML reader's count of attributes per start tag.
    .target(name: "CByteScan"),
    // libxml2, seen only by SupplierTrustXML.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // Streaming, hardened SAX2 push reader over libxml2.
    .target(name: "SupplierTrustXML", dependencies: ["CLibXML2", "CByteScan"]),
    // The system SQLite library, seen only by SupplierTrustStore.
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // The workspace store: schema, migrations, batched upserts, import log.
    .target(name: "SupplierTrustStore", dependencies: ["SupplierTrustModel", "CSQLite"]),
    // Decoding, validation and the import pipeline from CSV/XML into the store.
    .target(
      name: "SupplierTrustImport",
      dependencies: [
        "SupplierTrustModel", "SupplierTrustCSV", "SupplierTrustXML", "SupplierTrustStore", "CByteScan",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Trust scores, red flags, explanations and Trade Assurance eligibility over a Catalog.
    .target(
      name: "SupplierTrustScoring",
      dependencies: ["SupplierTrustModel", .product(name: "Crypto", package: "swift-crypto")],
      resources: [.copy("Resources")]
    ),
    // Rankings and eligibility as JSON, CSV, Markdown, terminal tables (and the HTML report).
    .target(name: "SupplierTrustReport", dependencies: ["SupplierTrustScoring", "SupplierTrustCSV"]),
    // Deterministic synthetic catalogs for tests and benchmarks.
    .target(name: "SupplierTrustGenerator", dependencies: ["SupplierTrustModel", "SupplierTrustCSV"]),
    // The `supplier-trust` command: a thin layer of subcommands over the libraries.
    .executableTarget(
      name: "SupplierTrustCLI",
      dependencies: [
        "SupplierTrustModel", "SupplierTrustImport", "SupplierTrustStore", "SupplierTrustGenerator",
        "SupplierTrustScoring", "SupplierTrustReport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Stage-by-stage timings of the import path (not part of the product).
    .executableTarget(
      name: "supplier-trust-bench", dependencies: ["SupplierTrustCSV", "SupplierTrustImport", "SupplierTrustModel"]),
    // A seeded random generator the test targets share (they cannot use each other's code).
    .target(name: "SupplierTrustTestSupport", path: "Tests/SupplierTrustTestSupport"),
    .testTarget(name: "SupplierTrustModelTests", dependencies: ["SupplierTrustModel", "SupplierTrustTestSupport"]),
    .testTarget(name: "SupplierTrustCSVTests", dependencies: ["SupplierTrustCSV"]),
    .testTarget(
      name: "SupplierTrustXMLTests", dependencies: ["SupplierTrustXML", "SupplierTrustTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SupplierTrustImportTests",
      dependencies: [
        "SupplierTrustImport", "SupplierTrustStore", "SupplierTrustModel", "CSQLite", "SupplierTrustTestSupport",
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "SupplierTrustScoringTests",
      dependencies: ["SupplierTrustScoring", "SupplierTrustModel", "SupplierTrustTestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "SupplierTrustGeneratorTests", dependencies: ["SupplierTrustGenerator", "SupplierTrustCSV"]),
    .testTarget(
      name: "SupplierTrustReportTests",
      dependencies: ["SupplierTrustReport", "SupplierTrustScoring", "SupplierTrustXML"]
    ),
    .testTarget(
      name: "SupplierTrustCLITests",
      dependencies: ["SupplierTrustCLI", "SupplierTrustStore", "SupplierTrustCSV", "CSQLite"],
      exclude: ["Golden", "Fixtures"]),
  ]
)
