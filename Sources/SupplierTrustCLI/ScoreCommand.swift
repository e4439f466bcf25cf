import ArgumentParser
import Foundation
import SupplierTrustReport
import SupplierTrustScoring
import SupplierTrustStore

struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score every supplier: trust score, grade, confidence, flags and explanation.",
    discussion: """
      Reads the workspace store, or the files given. A run over the store is kept as a snapshot \
      so that reports can show each supplier's trend (one per as-of day and policy), and as a \
      memo that a later `rank` of the same store, policy and day starts from.

      Examples:
        supplier-trust score --as-of 2026-11-25
        supplier-trust score datasets/sample --as-of 2026-11-25 --format json
        supplier-trust score --policy my-policy.json --format csv > scores.csv
      """)

  @OptionGroup var catalog: CatalogOptions

  @Option(help: "Output format: table, json, csv or markdown.")
  var format: OutputFormat = .table

  @ArgumentParser.Flag(
    help:
      "Do not keep this run as a snapshot in the store (the memo a later rank starts from is kept either way)."
  )
  var noSnapshot = false

  func run() throws {
    let clock = StageTimer()
    let policy = try catalog.loadPolicy()
    // Only JSON lists the files read, with their checksums.
    let (data, store, _, _) = try catalog.loadCatalog(hashingFiles: format == .json)
    clock.lap("load \(data.recordCount) records")
    var scorer = Scorer(policy: policy, asOf: catalog.day)
    // Only JSON shows the explanations' words; CSV shows the suggestions; the tables neither.
    scorer.writesExplanations = format == .json
    scorer.suggests = format == .json || format == .csv
    // A `rank` of the same catalog, policy and day later starts from what this run concludes.
    let scoring = MemoizedScoring(scorer: scorer, store: store)
    let (run, memo) = scoring.score(data, detailing: nil)
    try CatalogOptions.requireTextsRead(data)
    clock.lap("score \(run.suppliers.count) suppliers")
    // The snapshot, then the memo, are written while the output is rendered, on a thread of
    // their own: the store is otherwise done with by now, and the writes wait on SQLite and the
    // disk, one core's work (the snapshot before the rendering had cost L's `score` 0.14 s).
    let keeping = DispatchGroup()
    let memoWork = MemoWork(scoring: scoring, memo: memo)
    let snapshotWork = store != nil && !noSnapshot ? SnapshotWork(db: catalog.db, run: run) : nil
    DispatchQueue.global().async(group: keeping) {
      snapshotWork?.keep()
      memoWork.keep()
    }
    // Kept before anything is written: a reader that closes the pipe early (`| head -1`) ends
    // the process with SIGPIPE at the first write, and the snapshot and memo had been lost
    // unsaid (black-box review 114).
    // Said when nothing is ranked; on stderr, before the table (as when the table went through
    // stdout's buffer) and after the other formats.
    let note = RankingCriteria().whyNoneMatch(run.suppliers).map { "note: \($0)" }
    if format == .csv {
      // Written as bytes: a String of every supplier's row would be checked and copied again.
      let pieces = ScoreOutput.csvPieces(RankedList(run: run))
      clock.lap("render")
      keeping.wait()
      clock.lap("snapshot and memo kept")
      for piece in pieces { Terminal.writeOutput(piece) }
    } else if format == .json {
      keeping.wait()
      clock.lap("snapshot and memo kept")
      // Streamed a supplier at a time: the whole document of a large catalog is hundreds of MB.
      ScoreOutput.writeJSON(RankedList(run: run)) { Terminal.writeOutput($0) }
      clock.lap("render and write")
    } else if format == .table {
      // Written as the pieces made on both cores, not joined into one string first.
      let pieces = ScoreOutput.tablePieces(RankedList(run: run), width: Screen.width, colour: Screen.colour)
      clock.lap("render")
      keeping.wait()
      clock.lap("snapshot and memo kept")
      // Both streams in one file read in the order `print` gave them (code review).
      if let note { Terminal.error(note) }
      for piece in pieces { Terminal.writeOutput(piece) }
    } else {
      let text = ScoringPrinter.render(RankedList(run: run), format: format)
      clock.lap("render")
      keeping.wait()
      clock.lap("snapshot and memo kept")
      print(text, terminator: "")
    }
    if format != .table, let note { Terminal.error(note) }
    clock.lap("write")
    fflush(nil)
    // Millions of records need not be freed one by one before the process ends.
    Foundation.exit(0)
  }

}

/// A run to keep as a snapshot, handed to the thread that keeps it. Snapshots need a writable
/// store; the catalog was read through a read-only connection.
final class SnapshotWork: @unchecked Sendable {
  private let db: String
  private let run: ScoringRun

  init(db: String, run: ScoringRun) {
    self.db = db
    self.run = run
  }

  func keep() {
    do {
      let store = try Store(path: db)
      try store.saveScoreRun(
        asOf: run.asOf, policyName: run.policy.name, policyHash: run.policyHash,
        createdAt: ISO8601DateFormatter().string(from: Date()),
        scores: run.suppliers.map { ($0.supplier.id, $0.score, $0.confidence, $0.grade) })
    } catch {
      Terminal.error("warning: the scores were not kept as a snapshot: \(error)")
    }
  }
}

enum ScoringPrinter {
  static func render(_ list: RankedList, format: OutputFormat, orderAmount: Money? = nil) -> String {
    switch format {
    case .json: return ScoreOutput.json(list)
    case .csv: return ScoreOutput.csv(list)
    case .markdown: return ScoreOutput.markdown(list)
    case .table:
      return ScoreOutput.table(list, width: Screen.width, colour: Screen.colour, orderAmount: orderAmount)
    }
  }
}
