import SupplierTrustModel
import SupplierTrustScoring
import SupplierTrustStore

/// Scoring runs of the workspace store that start from, or leave behind, a ``ScoringMemo``: a
/// `rank` after a `score` (or another `rank`) of the same catalog, policy and as-of day takes every
/// supplier's numbers from the memo and works out only the suppliers it shows.
struct MemoizedScoring {
  let scorer: Scorer
  /// The store the catalog was read from; nil for files (nothing is kept for them).
  let store: Store?

  /// The memo's key, when the store has a catalog and the program can be told apart from others.
  private var key: (version: String, key: String)? {
    guard let store, let version = store.loadedCatalogVersion,
      let key = scorer.memoKey(catalogVersion: version)
    else { return nil }
    return (version, key)
  }

  /// Whether a memo made now could be kept (a read-only store keeps none: none is made).
  private var keepsMemos: Bool { key != nil && store?.isWritable == true }

  /// A run of `catalog` from its memo in the store, or nil when there is none that fits.
  func reuse(_ catalog: Catalog, detailing: @escaping ([SupplierAssessment]) -> [Int]) -> ScoringRun? {
    let clock = StageTimer(prefix: "memo: ")
    guard let store, let key, let bytes = store.scoringMemo(key: key.key) else { return nil }
    clock.lap("read \(bytes.count / 1_000_000) MB")
    guard let memo = ScoringMemo(decoding: bytes) else {
      clock.lap("damaged: scoring from scratch")
      return nil
    }
    clock.lap("decoded")
    let run = scorer.score(catalog, reusing: memo, detailing: detailing)
    // Said apart, so that the timings tell a run that used a memo from one that tried.
    clock.lap(run == nil ? "did not fit: scoring from scratch" : "used")
    return run
  }

  /// Scores `catalog` afresh; the memo to ``keep(_:)`` afterwards comes with it for a store.
  func score(_ catalog: Catalog, detailing: (([SupplierAssessment]) -> [Int])?) -> (
    run: ScoringRun, memo: ScoringMemo?
  ) {
    guard keepsMemos else { return (scorer.score(catalog, detailing: detailing), nil) }
    let (run, memo) = scorer.scoreKeepingMemo(catalog, detailing: detailing)
    return (run, memo)
  }

  /// Keeps `memo` in the store. A store that cannot be written (read-only, full) is simply scored
  /// in full next time too, as its catalog snapshot is.
  func keep(_ memo: ScoringMemo?) {
    guard let memo, let store, let key else { return }
    try? store.keepScoringMemo(memo.encoded(), key: key.key, catalogVersion: key.version)
  }
}

/// A memo to keep, handed to the thread that keeps it; the store is used by that thread alone
/// until the caller waits for it.
final class MemoWork: @unchecked Sendable {
  private let scoring: MemoizedScoring
  private let memo: ScoringMemo?

  init(scoring: MemoizedScoring, memo: ScoringMemo?) {
    self.scoring = scoring
    self.memo = memo
  }

  func keep() { scoring.keep(memo) }
}
