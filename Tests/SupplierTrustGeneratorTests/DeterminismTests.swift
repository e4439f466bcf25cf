import Foundation
import Testing

@testable import SupplierTrustGenerator

@Suite struct DeterminismTests {
  @Test func sameSeedGivesIdenticalBytesAndOtherSeedDiffers() throws {
    let first = makeTemporaryDirectory("same-a")
    let second = makeTemporaryDirectory("same-b")
    let other = makeTemporaryDirectory("other")
    defer { [first, second, other].forEach(cleanUp) }
    _ = try CatalogGenerator.generate(smallOptions(first, rate: 0.02))
    _ = try CatalogGenerator.generate(smallOptions(second, rate: 0.02))
    _ = try CatalogGenerator.generate(smallOptions(other, seed: 8, rate: 0.02))
    for name in recordFiles.map({ $0 + ".csv" }) + ["expected-rejects.csv"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
      let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
      #expect(a == b, "\(name) differs between two runs with the same seed")
      #expect(!a.isEmpty)
    }
    let reviews = try Data(contentsOf: URL(fileURLWithPath: first + "/reviews.csv"))
    let otherReviews = try Data(contentsOf: URL(fileURLWithPath: other + "/reviews.csv"))
    #expect(reviews != otherReviews)
  }

  @Test func presetsAndOptionValidation() throws {
    #expect(CatalogSize.allCases.map(\.supplierCount) == [1_000, 10_000, 100_000, 300_000])
    #expect(CatalogSize.allCases.map(\.targetReviewCount) == [40_000, 400_000, 4_000_000, 12_000_000])
    #expect(CatalogSize(rawValue: "XL") == .xl)
    let directory = makeTemporaryDirectory("invalid")
    defer { cleanUp(directory) }
    var options = smallOptions(directory)
    options.badRecordRate = 1.5
    #expect(throws: GeneratorError.invalidBadRecordRate(1.5)) { try CatalogGenerator.generate(options) }
    options.badRecordRate = 0
    options.asOf = (2026, 2, 30)
    #expect(throws: GeneratorError.invalidAsOf(year: 2026, month: 2, day: 30)) {
      try CatalogGenerator.generate(options)
    }
  }

  @Test func createsNestedDirectoryAndReportsProgress() throws {
    let root = makeTemporaryDirectory("nested")
    defer { cleanUp(root) }
    let options = smallOptions(root + "/a/b", suppliers: 20)
    var reported: [Double] = []
    let summary = try CatalogGenerator.generate(options) { reported.append($0) }
    #expect(summary.files.count == 5)
    #expect(summary.manifestPath == nil)
    #expect(summary.injectedBadRecords == 0)
    #expect(FileManager.default.fileExists(atPath: root + "/a/b/suppliers.csv"))
    #expect(!FileManager.default.fileExists(atPath: root + "/a/b/expected-rejects.csv"))
    #expect(reported.last == 1)
    #expect(reported == reported.sorted())
  }
}
