import Foundation
import Testing

@Suite struct ReportTests {
  private func read(_ url: URL) throws -> String {
    String(decoding: try Data(contentsOf: url), as: UTF8.self)
  }

  @Test func reportingTheSampleWritesOneSelfContainedFile() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("nested/folder/report.html")
    let result = try CommandRunner.run([
      "report", "datasets/sample", "--as-of", "2026-11-25", "--out", out.path,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == out.path)
    #expect(lines.count == 2)
    #expect(
      lines.last?.hasPrefix("30 of 30 suppliers (10 in detail) as of 2026-11-25, policy default") == true)
    let html = try read(out)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    for n in 1...30 {
      let id = "SUP-" + String(10_000 + n).dropFirst()
      let listed = html.contains(">\(id)</span>")
      #expect(listed, "\(id) missing from the table")
    }
    #expect(html.components(separatedBy: "<section id=\"supplier-").count - 1 == 10)
    // SUP-0025's name holds HTML: it shows as text.
    #expect(html.contains("&lt;b&gt;BEST&lt;/b&gt; Factory Direct Store"))
    #expect(!html.contains("<b>BEST"))
    #expect(html.components(separatedBy: "<script").count == 3)
    #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
    // No temporary file is left beside it.
    let left = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
    #expect(left == ["report.html"])
  }

  /// `--out` writes over nothing but a report (or an empty file): given the store's name it had
  /// turned the store into a web page, given a catalog file it had replaced it (black-box review
  /// 65).
  @Test func theReportReplacesOnlyAnEarlierReport() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sample = FileManager.default.currentDirectoryPath + "/datasets/sample"
    #expect(try CommandRunner.run(["import", "--db", "s.sqlite", sample], in: dir).status == 0)
    let store = try Data(contentsOf: dir.appendingPathComponent("s.sqlite"))
    for victim in ["s.sqlite", "suppliers.csv"] {
      let path = dir.appendingPathComponent(victim)
      if victim == "suppliers.csv" {
        try FileManager.default.copyItem(atPath: sample + "/suppliers.csv", toPath: path.path)
      }
      let before = try Data(contentsOf: path)
      let result = try CommandRunner.run(["report", "--db", "s.sqlite", "--out", victim], in: dir)
      #expect(result.status == 1)
      #expect(
        result.stderr
          == "error: cannot write the report to \(victim): the file exists and is not a trust report, so it would be lost\n  fix: pass --out with another file name, or move \(victim) away first\n"
      )
      #expect(try Data(contentsOf: path) == before)
    }
    #expect(try Data(contentsOf: dir.appendingPathComponent("s.sqlite")) == store)
    // A pipe is refused without being read (reading it would wait for a writer), and a folder
    // before any scoring (code review).
    #expect(mkfifo(dir.appendingPathComponent("pipe").path, 0o600) == 0)
    let piped = try CommandRunner.run(["report", "--db", "s.sqlite", "--out", "pipe"], in: dir)
    #expect(piped.status == 1)
    #expect(
      piped.stderr
        == "error: cannot write the report to pipe: it is not a regular file (a device, pipe or socket)\n  fix: pass --out with a file name\n"
    )
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("folder"), withIntermediateDirectories: true)
    let folder = try CommandRunner.run(["report", "--db", "s.sqlite", "--out", "folder"], in: dir)
    #expect(folder.status == 1)
    #expect(folder.stderr.hasPrefix("error: cannot write the report to folder: it is a folder\n"))
    // An earlier report, or an empty file made for it, is replaced.
    try Data().write(to: dir.appendingPathComponent("r.html"))
    for _ in 1...2 {
      #expect(try CommandRunner.run(["report", "--db", "s.sqlite", "--out", "r.html"], in: dir).status == 0)
    }
    #expect(try read(dir.appendingPathComponent("r.html")).hasPrefix("<!DOCTYPE html>"))
  }

  /// SOURCE_DATE_EPOCH pins the generation time; one that is not a number is said, not passed
  /// over (black-box review 37).
  @Test func sourceDateEpochPinsTheDateOrIsWarnedAbout() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("r.html")
    let arguments = ["report", "datasets/sample", "--as-of", "2026-11-25", "--top", "1", "--out", out.path]
    let pinned = try CommandRunner.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1764028800"])
    #expect(pinned.status == 0)
    #expect(pinned.stderr.isEmpty)
    #expect(try read(out).contains("2025-11-25T00:00:00Z"))
    let bad = try CommandRunner.run(arguments, environment: ["SOURCE_DATE_EPOCH": "abc"])
    #expect(bad.status == 0)
    #expect(
      bad.stderr
        == "warning: SOURCE_DATE_EPOCH=abc is not a number of seconds since 1970 up to the year 9999; the report says the current time\n"
    )
  }

  @Test func topIsTheNumberOfDetailedSuppliersAndFiltersApplyToTheTable() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("tr.html")
    let result = try CommandRunner.run([
      "report", "datasets/sample", "--as-of", "2026-11-25", "--country", "TR", "--top", "1", "--out",
      out.path,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("2 of 30 suppliers (1 in detail)"))
    let html = try read(out)
    #expect(html.contains(">SUP-0010</span>") && html.contains(">SUP-0026</span>"))
    #expect(!html.contains(">SUP-0001</span>"))
    #expect(html.components(separatedBy: "<section id=\"supplier-").count - 1 == 1)
    #expect(html.contains("2 suppliers for: from TR"))
    // Who the country filter left out is said; with no other filter there are no near misses.
    #expect(html.contains("<p id=\"left-out\">28 of 30 suppliers are left out: 28 not from TR.</p>"))
    #expect(!html.contains("class=\"left-out\""))
  }

  /// A supplier matching what is ordered but failing another filter is named with why
  /// (black-box review 54).
  @Test func theNearMissesAreListedWithTheirReasons() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("tr.html")
    let result = try CommandRunner.run([
      "report", "datasets/sample", "--as-of", "2026-11-25", "--require", "ISO9001", "--order-amount", "25000",
      "--out", out.path,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let html = try read(out)
    #expect(html.contains("<ul class=\"left-out\">"))
    #expect(
      html.contains(
        "<li>Foshan Golden Lotus Furniture Co., Ltd. (SUP-0006), 80.9: Trade Assurance limit $20,000 is below the order&#39;s $25,000</li>"
      ))
  }

  @Test func theDefaultPathIsUnderReportsAndTheStoreGivesTrends() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = dir.appendingPathComponent("store.sqlite").path
    let sample = CommandRunner.repositoryRoot.appendingPathComponent("datasets/sample").path
    #expect(try CommandRunner.run(["import", "--db", db, sample], in: dir).status == 0)
    for day in ["2026-05-01", "2026-08-01"] {
      let scored = try CommandRunner.run(["score", "--db", db, "--as-of", day, "--format", "csv"], in: dir)
      #expect(scored.status == 0, "stderr: \(scored.stderr)")
    }
    let result = try CommandRunner.run(
      ["report", "--db", db, "--as-of", "2026-11-25", "--top", "3"], in: dir)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.hasPrefix("reports/trust-report.html\n"))
    let html = try read(dir.appendingPathComponent("reports/trust-report.html"))
    #expect(html.components(separatedBy: "<title id=\"chart-t-").count > 1)
    #expect(html.components(separatedBy: ">Score over time</title>").count - 1 == 3)
    #expect(html.contains("2026-05-01: "))
    // The reviews shown have their texts, fetched from the store (black-box review 45): as many
    // "(no text)" as in the report read from the files.
    let fromFiles = try CommandRunner.run(
      ["report", sample, "--as-of", "2026-11-25", "--top", "3", "--out", "files.html"], in: dir)
    #expect(fromFiles.status == 0, "stderr: \(fromFiles.stderr)")
    let filesHTML = try read(dir.appendingPathComponent("files.html"))
    let missing = html.components(separatedBy: "(no text)").count
    #expect(missing == filesHTML.components(separatedBy: "(no text)").count)
    #expect(html.components(separatedBy: "<blockquote>").count > missing, "the sample's reviews have texts")
  }

  @Test func badUsageExitsWithOne() throws {
    let zero = try CommandRunner.run(["report", "datasets/sample", "--top", "0", "--out", "/tmp/never.html"])
    #expect(zero.status == 1)
    #expect(zero.stderr.contains("--top"))
    let folder = try CommandRunner.run(["report", "datasets/sample", "--out", "reports/"])
    #expect(folder.status == 1)
    let help = try CommandRunner.run(["report", "--help"])
    #expect(help.stdout.contains("--top") && help.stdout.contains("detailed section"))
  }
}
