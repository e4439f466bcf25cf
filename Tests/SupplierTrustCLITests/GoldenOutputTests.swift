import Foundation
import Testing

/// The machine-readable outputs of `rank` on the sample, compared with files kept in
/// `Tests/SupplierTrustCLITests/Golden`. After an intended change, regenerate them with
/// `UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` and review the diff.
@Suite struct GoldenOutputTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")

  func check(_ name: String, _ arguments: [String]) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let file = Self.folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
      try result.stdout.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(
      result.stdout == expected, "\(name) differs; regenerate with UPDATE_GOLDEN=1 if the change is intended")
  }

  static let order = [
    "rank", "datasets/sample", "--as-of", "2026-11-25", "--require", "ISO9001", "--trade-assurance",
    "--order-amount",
    "25000", "--exclude-country", "IN", "--top", "5",
  ]

  @Test func rankAsMarkdown() throws { try check("rank.md", Self.order + ["--format", "markdown"]) }
  @Test func rankAsCSV() throws { try check("rank.csv", Self.order + ["--format", "csv"]) }
  @Test func rankAsJSON() throws { try check("rank.json", Self.order + ["--format", "json"]) }
  @Test func eligibilityAsMarkdown() throws {
    try check(
      "eligibility.md", ["eligibility", "datasets/sample", "--as-of", "2026-11-25", "--format", "markdown"])
  }
  @Test func eligibilityAsJSON() throws {
    try check(
      "eligibility.json", ["eligibility", "datasets/sample", "--as-of", "2026-11-25", "--format", "json"])
  }
}

@Suite struct SpreadsheetSafetyTests {
  @Test func csvCellsThatWouldRunAsFormulasAreNeutralised() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // (A leading tab or carriage return cannot reach a name: imported values are trimmed. The
    // encoder's own tests cover those characters.)
    let names = ["=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1,2)", "-2+3", "@cmd", "Plain Co", "-12.5"]
    var suppliers = "supplier_id,name,country\n"
    for (i, name) in names.enumerated() {
      let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      suppliers += "S\(i),\(quoted),CN\n"
    }
    try suppliers.write(to: dir.appendingPathComponent("suppliers.csv"), atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["rank", ".", "--as-of", "2026-11-25", "--format", "csv"], in: dir)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    for dangerous in names.prefix(4) {
      let cell = "\"'" + dangerous.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      #expect(result.stdout.contains(cell), "\(dangerous) not neutralised")
    }
    #expect(result.stdout.contains(",Plain Co,"))
    #expect(result.stdout.contains(",-12.5,"), "a plain negative number is data, not a formula")
  }
}
