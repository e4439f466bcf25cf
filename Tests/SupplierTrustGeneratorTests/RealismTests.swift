import Foundation
import Testing

@testable import SupplierTrustGenerator

@Suite struct RealismTests {
  @Test func distributionsLookLikeAMarketplace() throws {
    let directory = makeTemporaryDirectory("realism")
    defer { cleanUp(directory) }
    _ = try CatalogGenerator.generate(smallOptions(directory, suppliers: 400, seed: 21))
    let files = try readAll(directory)
    let suppliers = files["suppliers"]!
    let countries = suppliers.records.map { $0.fields[suppliers.column("country")] }
    let chinese = Double(countries.filter { $0 == "CN" }.count) / Double(countries.count)
    #expect(chinese > 0.6 && chinese < 0.8)
    #expect(suppliers.records.contains { $0.fields[1].contains(",") })
    #expect(suppliers.records.contains { $0.fields[1].unicodeScalars.contains { !$0.isASCII } })

    let reviews = files["reviews"]!
    let ratings = reviews.records.compactMap { Double($0.fields[reviews.column("rating")]) }
    let mean = ratings.reduce(0, +) / Double(ratings.count)
    #expect(mean > 3.8 && mean < 4.7)
    let verified = reviews.records.filter {
      ["true", "yes", "1", "y"].contains($0.fields[reviews.column("verified_purchase")].lowercased())
    }
    let share = Double(verified.count) / Double(reviews.records.count)
    #expect(share > 0.5 && share < 0.7)
    #expect(reviews.records.contains { $0.fields[reviews.column("review_date")].hasSuffix("Z") })

    // Heavy tail: the busiest supplier has many times the median number of reviews.
    var perSupplier: [String: Int] = [:]
    for record in reviews.records { perSupplier[record.fields[1], default: 0] += 1 }
    let sorted = perSupplier.values.sorted()
    #expect(sorted.last! > 10 * sorted[sorted.count / 2])

    // Reviewers recur across suppliers.
    var suppliersPerReviewer: [String: Set<String>] = [:]
    for record in reviews.records {
      suppliersPerReviewer[record.fields[reviews.column("reviewer_id")], default: []].insert(record.fields[1])
    }
    #expect(suppliersPerReviewer.values.contains { $0.count >= 3 })
  }

  @Test func plantedBurstsComeFromSingleUseAccounts() throws {
    let directory = makeTemporaryDirectory("burst")
    defer { cleanUp(directory) }
    // Enough suppliers for a few of the ~1 % planted bursts.
    _ = try CatalogGenerator.generate(smallOptions(directory, suppliers: 600, seed: 2))
    let reviews = try ReadCSV(path: directory + "/reviews.csv")
    let reviewer = reviews.column("reviewer_id")
    let pool = 600 * 8  // established reviewers' ids lie below max(2_000, suppliers * 8)
    let burst = reviews.records.filter { Int($0.fields[reviewer].dropFirst(4))! >= pool }
    #expect(burst.count >= 20)
    #expect(burst.allSatisfy { $0.fields[reviews.column("rating")] == "5" })
    #expect(Set(burst.map { $0.fields[reviewer] }).count == burst.count)
    let bySupplier = Dictionary(grouping: burst) { $0.fields[1] }
    for (_, records) in bySupplier {
      let days = Set(records.map { $0.fields[reviews.column("review_date")].prefix(10) })
      #expect(records.count >= 20 && records.count <= 80)
      #expect(days.count <= 3)
    }
  }
}
