import Foundation
import Testing

/// `rank` after `score` starts from the memo the scoring run kept in the store; what it prints
/// must be what a run from scratch prints. The oracle runs on a copy of the same store made before
/// any memo was kept (a fresh copy for every run, as each run keeps one).
@Suite struct ScoringMemoCommandTests {
  /// A store of the sample catalog, and a pristine copy of it to make scratch copies from.
  static func stores() throws -> (folder: URL, memoized: String, pristine: String) {
    let folder = try CommandRunner.temporaryDirectory()
    let memoized = folder.appendingPathComponent("memo.sqlite").path
    let imported = try CommandRunner.run(["import", "datasets/sample", "--db", memoized, "--no-reject-files"])
    #expect(imported.status == 0, "\(imported.stderr)")
    // A first load migrates and snapshots the store (and keeps a memo for a day no test asks about).
    _ = try CommandRunner.run(["rank", "--db", memoized, "--as-of", "2001-01-01", "--top", "1"])
    let pristine = folder.appendingPathComponent("pristine.sqlite").path
    try FileManager.default.copyItem(atPath: memoized, toPath: pristine)
    return (folder, memoized, pristine)
  }

  /// A copy of `pristine` named as the memoized store, in a folder of its own: the outputs name it.
  static func scratch(_ pristine: String, in folder: URL) throws -> String {
    let place = folder.appendingPathComponent("scratch")
    try? FileManager.default.removeItem(at: place)
    try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
    let path = place.appendingPathComponent("memo.sqlite").path
    try FileManager.default.copyItem(atPath: pristine, toPath: path)
    return path
  }

  /// Whether the run's stage timings say it started from a memo.
  static func usedMemo(_ result: CommandResult) -> Bool {
    result.stderr.contains("memo: used")
  }

  static let timings = ["SUPPLIER_TRUST_TIMINGS": "1"]

  /// Today, and a back-test that leaves later reviews out (the memo's run then gathered them
  /// afresh, and so does the run from it).
  @Test(arguments: ["2026-11-25", "2025-06-30"])
  func rankAfterScorePrintsWhatAFreshRankPrints(asOf: String) throws {
    let (folder, memoized, pristine) = try Self.stores()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scored = try CommandRunner.run(
      ["score", "--db", memoized, "--as-of", asOf, "--format", "csv", "--no-snapshot"])
    #expect(scored.status == 0)
    let orders: [[String]] = [
      [],
      ["--top", "5"],
      ["--require", "ISO9001", "--trade-assurance", "--order-amount", "25000"],
      ["--category", "valve", "--exclude-country", "IN", "--top", "3"],
      ["--min-score", "70", "--min-standing", "ok"],
      ["--country", "VN", "--require", "ISO14001"],
    ]
    for order in orders {
      for format in ["table", "json", "csv", "markdown"] {
        let arguments = ["rank", "--as-of", asOf, "--format", format] + order
        let again = try CommandRunner.run(arguments + ["--db", memoized], environment: Self.timings)
        let fresh = try Self.scratch(pristine, in: folder)
        let scratch = try CommandRunner.run(arguments + ["--db", fresh], environment: Self.timings)
        #expect(Self.usedMemo(again), "\(order) \(format)")
        // Today every review counts and the store's catalog is laid out by supplier: only the
        // suppliers shown are looked up. A back-test leaves reviews out: all are gathered.
        let lookedUp = again.stderr.contains("scoring: laid out by id")
        #expect(lookedUp == (asOf == "2026-11-25"), "\(order) \(format)")
        #expect(!Self.usedMemo(scratch), "\(order) \(format)")
        #expect(again.status == scratch.status)
        // The store's path is part of what JSON says about its sources; nothing else may differ.
        #expect(
          again.stdout == scratch.stdout.replacingOccurrences(of: fresh, with: memoized),
          "\(order) \(format)")
        let notes = { (text: String) in
          text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.contains(" s  ") }
        }
        #expect(notes(again.stderr) == notes(scratch.stderr), "\(order) \(format)")
      }
    }
  }

  @Test func anotherDayPolicyOrImportScoresAfresh() throws {
    let (folder, memoized, _) = try Self.stores()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rank = { (extra: [String]) in
      try CommandRunner.run(["rank", "--db", memoized, "--top", "3"] + extra, environment: Self.timings)
    }
    #expect(try !Self.usedMemo(rank(["--as-of", "2026-11-25"])))
    #expect(try Self.usedMemo(rank(["--as-of", "2026-11-25"])))
    #expect(try !Self.usedMemo(rank(["--as-of", "2026-11-24"])))
    // Another policy: the default with one weight changed.
    let policy = folder.appendingPathComponent("policy.json")
    let shipped = try String(
      contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("policies/default.json"),
      encoding: .utf8)
    let changed = shipped.replacingOccurrences(of: "\"reviews\": 0.3", with: "\"reviews\": 0.31")
    #expect(changed != shipped)
    try changed.write(to: policy, atomically: true, encoding: .utf8)
    #expect(try !Self.usedMemo(rank(["--as-of", "2026-11-25", "--policy", policy.path])))
    #expect(try Self.usedMemo(rank(["--as-of", "2026-11-25", "--policy", policy.path])))
    // An import changes the catalog: every memo goes.
    let reviews = folder.appendingPathComponent("more/reviews.csv")
    try FileManager.default.createDirectory(
      at: reviews.deletingLastPathComponent(), withIntermediateDirectories: true)
    let sample = try String(
      contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("datasets/sample/reviews.csv"),
      encoding: .utf8)
    let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
    try (lines.prefix(2).joined(separator: "\n") + "\n").write(to: reviews, atomically: true, encoding: .utf8)
    #expect(
      try CommandRunner.run(["import", reviews.path, "--db", memoized, "--no-reject-files"]).status == 0)
    #expect(try !Self.usedMemo(rank(["--as-of", "2026-11-25"])))
    #expect(try !Self.usedMemo(rank(["--as-of", "2026-11-25", "--policy", policy.path])))
  }
}
