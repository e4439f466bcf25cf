import ArgumentParser
import Foundation
import SupplierTrustImport
import SupplierTrustReport
import SupplierTrustScoring
import SupplierTrustStore

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the HTML trust report: summary, ranking, the top suppliers in detail, methodology.",
    discussion: """
      Scores every supplier as `score` does and writes one self-contained HTML file (inline styles, \
      charts and script; it loads nothing from anywhere) that a buyer can open, print or forward.

      The filters are those of `rank`, with one difference: here --top N is how many of the best \
      suppliers get a detailed section (10 by default). The ranked table always lists every \
      supplier that passes the other filters; in a browser it sorts by any column and filters by \
      text, country, Trade Assurance and minimum score.

      Reading the workspace store, each detailed supplier also shows its score over time, from the \
      snapshots that `score` keeps (those made with the same policy).

      Examples:
        supplier-trust report --as-of 2026-11-25
        supplier-trust report datasets/sample --out reports/sample.html
        supplier-trust report --require ISO9001 --top 5 --out shortlist.html
      """)

  @OptionGroup var catalog: CatalogOptions
  @OptionGroup var filters: RankFilters

  @Option(help: ArgumentHelp("The HTML file to write (folders are created).", valueName: "file"))
  var out: String = "reports/trust-report.html"

  func validate() throws {
    if out.isEmpty || out.hasSuffix("/") {
      throw ValidationError("--out must name a file, such as reports/trust-report.html.")
    }
  }

  /// Now, or SOURCE_DATE_EPOCH when set (reproducible builds' convention), so that the same
  /// inputs can give the same file.
  static func generatedAt() -> String {
    // Years 1970-9999 only: a larger value printed "Generated 3170843-11-07" (black-box review 25).
    // Empty is unset, as most tools read it.
    let given = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { $0.isEmpty ? nil : $0 }
    let epoch = given.flatMap(Int64.init).flatMap { (0...253_402_300_799).contains($0) ? $0 : nil }
    // Said rather than passed over: a build script that meant to pin the date gets today's
    // (black-box review 37).
    if let given, epoch == nil {
      Terminal.error(
        "warning: SOURCE_DATE_EPOCH=\(given.terminalSafe) is not a number of seconds since 1970 up to the year 9999; the report says the current time"
      )
    }
    let date = epoch.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
    return ISO8601DateFormatter().string(from: date)
  }

  /// Refuses an `--out` the report may not be written over: anything but a missing file, an empty
  /// one, or a report written by this command (its generator tag in the first 8 KiB). `--out`
  /// given the store's name had turned the store into a web page, and `--out s/suppliers.csv` a
  /// catalog file (black-box review 65). A file that cannot be read to tell is refused too (an
  /// unreadable store in a writable folder would otherwise be replaced), and only regular files
  /// are read: a pipe or a terminal would block the check (code review).
  static func checkReplaceable(_ out: String) throws {
    var info = stat()
    guard stat(out, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return }
      throw CLIError(
        "cannot write the report to \(out): cannot check what is there (\(String(cString: strerror(code))))\n  fix: pass --out with another file name"
      )
    }
    if info.st_mode & S_IFMT == S_IFDIR {
      throw CLIError(
        "cannot write the report to \(out): it is a folder\n  fix: pass --out with a file name, e.g. \(URL(fileURLWithPath: out).appendingPathComponent("trust-report.html").path)"
      )
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw CLIError(
        "cannot write the report to \(out): it is not a regular file (a device, pipe or socket)\n  fix: pass --out with a file name"
      )
    }
    guard info.st_size > 0 else { return }
    let fd = open(out, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else {
      throw CLIError(
        "cannot write the report to \(out): cannot read it to tell whether it is an earlier report (\(String(cString: strerror(errno))))\n  fix: pass --out with another file name, or move \(out) away first"
      )
    }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: 8192)
    let count = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8192) }
    guard count > 0,
      String(decoding: head.prefix(count), as: UTF8.self).contains("\(HTMLReport.generatorTag)")
    else {
      throw CLIError(
        "cannot write the report to \(out): the file exists and is not a trust report, so it would be lost\n  fix: pass --out with another file name, or move \(out) away first"
      )
    }
  }

  func run() throws {
    let clock = StageTimer()
    // Before the catalog is read: refused at once, not after a minute of scoring (and checked
    // again just before writing, for a file made there meanwhile).
    try Self.checkReplaceable(out)
    let policy = try catalog.loadPolicy()
    let (data, store, _, _) = try catalog.loadCatalog()
    clock.lap("load \(data.recordCount) records")
    for warning in try filters.unknownStandardProblems(data, policy: policy) { Terminal.error(warning) }
    let asOf = catalog.day
    // In a report --top is the number of detailed sections; the table keeps every match (its
    // rows show numbers and flag codes, so only the detailed suppliers are explained).
    var criteria = filters.criteria
    let detailCount = criteria.top ?? 10
    criteria.top = nil
    // Which filters each supplier fails, worked out once (see RankCommand).
    var verdicts: FilterVerdicts?
    let run = Scorer(policy: policy, asOf: asOf).score(data) { ranked in
      let judged = criteria.verdicts(ranked)
      verdicts = judged
      return Array(criteria.positions(in: ranked, verdicts: judged).prefix(detailCount))
        + criteria.nearMisses(in: ranked, verdicts: judged, limit: RankingCriteria.nearMissLimit)
    }
    try CatalogOptions.requireTextsRead(data)
    clock.lap("score \(run.suppliers.count) suppliers")
    let suppliers = criteria.apply(to: run, verdicts: verdicts)
    if let why = criteria.whyNoneMatch(run.suppliers) { Terminal.error("note: \(why)") }
    let list = RankedList(
      run: run, suppliers: suppliers, criteria: criteria.descriptions,
      leftOut: criteria.leftOut(of: run.suppliers, verdicts: verdicts))
    let detailedIDs = Set(suppliers.prefix(detailCount).map(\.supplier.id))

    var history: [String: [TrendPoint]] = [:]
    var otherPolicyDays: [String: [Day]] = [:]
    if let store {
      do {
        for (id, snapshots) in try store.scoreHistory(of: detailedIDs) {
          let points =
            snapshots
            .filter { $0.policyHash == run.policyHash }
            .map { TrendPoint(asOf: $0.asOf, score: $0.score, confidence: $0.confidence, grade: $0.grade) }
          if !points.isEmpty { history[id] = points }
          let others = snapshots.filter { $0.policyHash != run.policyHash }.map(\.asOf)
          if !others.isEmpty { otherPolicyDays[id] = others }
        }
      } catch {
        Terminal.error("warning: past scores could not be read, so the report shows no trends: \(error)")
      }
    }
    let orders = EligibilityChecker(policy: policy.tradeAssurance, asOf: asOf).check(data)
      .filter { detailedIDs.contains($0.supplierID) }
    var reviews: [String: [Review]] = [:]
    // Columns first: only the detailed suppliers' reviews are built as values.
    let reviewSuppliers = data.reviews.supplierIDs
    let reviewDays = data.reviews.days
    // Run by run: a supplier id looked up per run, not per review.
    let shown = reviewSuppliers.values.indices.flatMap { run in
      detailedIDs.contains(reviewSuppliers.values[run])
        ? reviewSuppliers.rows(ofRun: run).filter { reviewDays[$0] <= asOf } : []
    }
    // A catalog from the store holds no texts: they are fetched (black-box review 45 found every
    // review of a report from the store shown as "(no text)"). One from files reads them together
    // (a run per read where they were left in their files) and checks them again: they are read
    // after scoring, and the report must not show them missing.
    let texts: [String?]
    if let deferred = data.deferredReviewTexts {
      let ids = shown.map { data.reviews.ids[$0] }
      let fetched = deferred.texts(of: ids.sorted())
      texts = ids.map { fetched[$0] }
    } else {
      texts = data.reviews.texts(at: shown)
      try CatalogOptions.requireTextsRead(data)
    }
    for (k, text) in zip(shown, texts) {
      reviews[reviewSuppliers[k], default: []].append(data.reviews.review(at: k, text: text))
    }
    clock.lap("history, eligibility and reviews")

    let input = HTMLReportInput(
      list: list, detailCount: detailCount, history: history, orders: orders,
      orderAmount: criteria.orderAmount,
      generatedAt: Self.generatedAt(), reviews: reviews, otherPolicyDays: otherPolicyDays)
    let html = HTMLReport.render(input)
    clock.lap("render \(html.utf8.count) bytes")

    let url = URL(fileURLWithPath: out)
    try Self.checkReplaceable(out)
    let folder = url.deletingLastPathComponent().path
    let made = Importer.makeDirectories(folder)
    guard made == 0 else {
      let fix =
        made == ENOTDIR
        ? "a file stands where a folder of the path should be; pass --out with another path"
        : "check that the folder is writable, or pass --out with another path"
      throw CLIError(
        "cannot write the report to \(out): cannot make the folder \(folder) (\(String(cString: strerror(made))))\n  fix: \(fix)"
      )
    }
    do {
      try Data(html.utf8).write(to: url, options: .atomic)
    } catch {
      throw CLIError(
        "cannot write the report to \(out): \(error.localizedDescription)\n  fix: check that the folder is writable, or pass --out with another path"
      )
    }
    clock.lap("write")

    var standings: [Standing: Int] = [:]
    for s in suppliers { standings[s.standing, default: 0] += 1 }
    let flagged = suppliers.filter { !$0.flags.isEmpty }.count
    print(out)
    print(
      "\(suppliers.count) of \(run.suppliers.count) suppliers (\(min(detailCount, suppliers.count)) in detail) as of \(asOf), policy \(TextTable.inert(policy.name)) (\(run.policyHash.prefix(12))): "
        + "\(standings[.ok] ?? 0) ok, \(standings[.warned] ?? 0) warned, \(standings[.blocked] ?? 0) blocked; \(flagged) with flags"
    )
  }
}
