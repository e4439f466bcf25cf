import Foundation
import SupplierTrustModel
import Testing

@testable import SupplierTrustStore

/// Kept scoring runs: one per as-of day and policy, replaced by a re-run with other scores,
/// renamed and re-dated only by a re-run with the same scores.
@Suite struct ScoreRunTests {
  typealias Row = (supplierID: String, score: Double?, confidence: Double, grade: String)

  func rows(_ count: Int, changing changed: Int? = nil) -> [Row] {
    (0..<count).map { i -> Row in
      let id = String(format: "SUP-%04d", i)
      let bump: Double = i == changed ? 1 : 0
      let score: Double? = i % 7 == 0 ? nil : Double(i % 100) + 0.25 + bump
      return (id, score, Double(i % 10) / 10, i % 2 == 0 ? "A" : "B")
    }
  }

  func kept(_ store: Store) throws -> [String] {
    try store.scoreHistory().flatMap { id, snapshots in
      snapshots.map {
        "\($0.asOf) \($0.policyName) \(id) \($0.score.map { "\($0)" } ?? "-") \($0.confidence) \($0.grade)"
      }
    }.sorted()
  }

  func runCount(_ store: Store) throws -> Int { try rowCount(store, "score_runs") }

  /// A few suppliers' history, read by run and supplier key (schema 9 keeps no index by
  /// supplier, which made every kept run slower to write), is the full history's for them, in
  /// the same order; and the index is gone.
  @Test func aFewSuppliersHistoryIsTheirsInTheFullHistory() throws {
    try withTempDir { dir in
      let store = try Store(path: dir.file("store.sqlite"))
      for (offset, policy) in [(3, "p1"), (1, "p2"), (2, "p1"), (1, "p3")] {
        try store.saveScoreRun(
          asOf: Day(year: 2026, month: 11, day: 20 + offset)!, policyName: policy, policyHash: policy,
          createdAt: "t", scores: rows(120, changing: offset))
      }
      let all = try store.scoreHistory()
      let asked: Set<String> = ["SUP-0001", "SUP-0002", "SUP-0007", "SUP-0119", "NOT-THERE"]
      let some = try store.scoreHistory(of: asked)
      #expect(Set(some.keys) == asked.subtracting(["NOT-THERE"]))
      for (id, snapshots) in some {
        #expect(snapshots == all[id], "\(id)")
        #expect(snapshots.count == 4, "\(id)")
      }
      let index = try store.connection.prepare(
        "SELECT count(*) FROM sqlite_master WHERE name = 'supplier_scores_by_supplier'")
      _ = try index.step()
      #expect(index.int64(0) == 0)
    }
  }

  @Test func aRerunReplacesOrKeepsTheRun() throws {
    try withTempDir { dir in
      let store = try Store(path: dir.file("store.sqlite"))
      let day = Day(year: 2026, month: 11, day: 25)!
      try store.saveScoreRun(asOf: day, policyName: "p1", policyHash: "h", createdAt: "t1", scores: rows(250))
      let first = try kept(store)
      #expect(first.count == 250)
      #expect(first.contains("2026-11-25 p1 SUP-0007 - 0.7 B"))
      #expect(first.contains("2026-11-25 p1 SUP-0101 1.25 0.1 B"))

      // The same scores: the run is renamed, not rewritten.
      try store.saveScoreRun(asOf: day, policyName: "p2", policyHash: "h", createdAt: "t2", scores: rows(250))
      #expect(try runCount(store) == 1)
      #expect(try kept(store) == first.map { $0.replacingOccurrences(of: " p1 ", with: " p2 ") })

      // One score changed, then a supplier fewer: the run is replaced each time.
      try store.saveScoreRun(
        asOf: day, policyName: "p3", policyHash: "h", createdAt: "t3", scores: rows(250, changing: 101))
      #expect(try runCount(store) == 1)
      #expect(try kept(store).contains("2026-11-25 p3 SUP-0101 2.25 0.1 B"))
      try store.saveScoreRun(asOf: day, policyName: "p4", policyHash: "h", createdAt: "t4", scores: rows(249))
      #expect(try runCount(store) == 1)
      #expect(try kept(store).count == 249)
      #expect(try kept(store).contains("2026-11-25 p4 SUP-0101 1.25 0.1 B"))

      // Another day or another policy is another run.
      try store.saveScoreRun(
        asOf: Day(year: 2026, month: 11, day: 26)!, policyName: "p4", policyHash: "h", createdAt: "t5",
        scores: rows(249))
      try store.saveScoreRun(
        asOf: day, policyName: "p5", policyHash: "other", createdAt: "t6", scores: rows(3))
      #expect(try runCount(store) == 3)
      #expect(try kept(store).count == 249 * 2 + 3)
    }
  }
}
