/// A column of values that come in runs of equal ones, kept as one value and one end per run.
///
/// A catalog's reviews come grouped by supplier: files list them so more often than not, and a
/// store hands them over so. As one `String` per review, the supplier ids of size L's 4M reviews
/// took 64 MB, written when the files were read and again when scoring reordered them, and the
/// fresh pages cost the kernel more than the copies; as runs they are about 100,000 values and
/// ends. Reading row `k` finds its run by binary search (``run(containing:)``); a pass over
/// every row goes run by run (``rows(ofRun:)``).
///
/// Two runs side by side never hold equal values, so equal columns are equal run by run.
public struct RunColumn<Value: Equatable & Sendable>: Sendable, Equatable {
  /// The value of each run, in order.
  public private(set) var values: [Value] = []
  /// One past the last row of each run, strictly increasing.
  public private(set) var ends: [Int] = []

  /// Makes an empty column.
  public init() {}

  /// A column holding `elements` in order.
  public init(_ elements: some Sequence<Value>) {
    for element in elements { append(element) }
  }

  /// A column of runs given as values and lengths, or nil when a length is not positive.
  public init?(runs: some Sequence<(value: Value, count: Int)>) {
    for (value, count) in runs {
      guard count > 0 else { return nil }
      append(value, count: count)
    }
  }

  /// Appends `value` as the next row.
  public mutating func append(_ value: Value) { append(value, count: 1) }

  /// Appends `count` rows of `value`.
  public mutating func append(_ value: Value, count: Int) {
    guard count > 0 else { return }
    if let last = values.last, last == value {
      ends[ends.count - 1] += count
    } else {
      values.append(value)
      ends.append(self.count + count)
    }
  }

  /// Appends every row of `other`, in order.
  public mutating func append(contentsOf other: RunColumn) {
    for run in other.values.indices { append(other.values[run], count: other.rows(ofRun: run).count) }
  }

  /// The run that holds row `k` (`0 ..< count`).
  public func run(containing k: Int) -> Int {
    precondition(k >= 0 && k < count, "RunColumn: row \(k) out of 0..<\(count)")
    var (low, high) = (0, ends.count - 1)
    while low < high {
      let middle = (low + high) / 2
      if ends[middle] > k { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The rows of run `run`.
  public func rows(ofRun run: Int) -> Range<Int> { (run == 0 ? 0 : ends[run - 1])..<ends[run] }

  /// The values at `positions`, in that order (`positions.map { self[$0] }`). Positions that go
  /// through the rows run by run (as reordering a catalog's reviews by supplier does) cost no
  /// search: each is looked for in the run of the one before, and its neighbours, first.
  public func gathered(at positions: [Int]) -> RunColumn {
    var out = RunColumn()
    // Runs of a few rows each (reviews listed by date rather than by supplier): each row's run
    // from an index of rows, not a search per position (code review).
    if values.count > 1024 && values.count * 8 > count {
      var runOf = [Int32](repeating: 0, count: count)
      for run in values.indices {
        for k in rows(ofRun: run) { runOf[k] = Int32(truncatingIfNeeded: run) }
      }
      for position in positions { out.append(values[Int(runOf[position])]) }
      return out
    }
    var current = -1
    var currentRows = 0..<0
    // The run of the row appended last: a row of the same run lengthens the last one without
    // comparing values (4 M supplier ids compared took 0.02 s of one core at size L).
    var appended = -1
    for position in positions {
      if !currentRows.contains(position) {
        if current + 1 < ends.count, rows(ofRun: current + 1).contains(position) {
          current += 1
        } else {
          current = run(containing: position)
        }
        currentRows = rows(ofRun: current)
      }
      if current == appended {
        out.ends[out.ends.count - 1] += 1
      } else {
        out.append(values[current])
        appended = current
      }
    }
    return out
  }

  /// Replaces the rows of `range` with `new` (rebuilding the column: rare edits only).
  public mutating func replaceSubrange(_ range: Range<Int>, with new: some Collection<Value>) {
    var all = Array(self)
    all.replaceSubrange(range, with: new)
    self = RunColumn(all)
  }

  /// Sets row `k` to `value`, rebuilding only its run and the runs beside it (which keeps runs
  /// next to each other different: the runs beyond them are untouched).
  public mutating func set(_ value: Value, at k: Int) {
    let run = run(containing: k)
    guard values[run] != value else { return }
    let (first, last) = (Swift.max(0, run - 1), Swift.min(ends.count - 1, run + 1))
    let lower = rows(ofRun: first).lowerBound
    var region = RunColumn()
    for r in first...last {
      let rows = rows(ofRun: r)
      if r == run {
        region.append(values[r], count: k - rows.lowerBound)
        region.append(value)
        region.append(values[r], count: rows.upperBound - k - 1)
      } else {
        region.append(values[r], count: rows.count)
      }
    }
    values.replaceSubrange(first...last, with: region.values)
    ends.replaceSubrange(first...last, with: region.ends.map { $0 + lower })
  }
}

extension RunColumn: RandomAccessCollection {
  /// The first row: always 0.
  public var startIndex: Int { 0 }
  /// One past the last row.
  public var endIndex: Int { ends.last ?? 0 }

  /// The value of row `k`, found by binary search over the runs.
  public subscript(k: Int) -> Value { values[run(containing: k)] }
}

extension RunColumn: ExpressibleByArrayLiteral {
  /// A column holding the values listed, in order.
  public init(arrayLiteral elements: Value...) { self.init(elements) }
}
