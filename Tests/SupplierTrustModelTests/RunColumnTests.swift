import SupplierTrustTestSupport
import Testing

@testable import SupplierTrustModel

/// A column kept as runs reads, gathers and edits exactly as a plain array of its values (the
/// reference model) does, and keeps its invariant: runs side by side never hold equal values.
@Suite struct RunColumnTests {
  /// A generator of values that come in runs of random lengths, some values coming back later.
  struct Values: RandomNumberGenerator {
    var random: SplitMix64
    init(state: UInt64) { random = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { random.next() }

    mutating func column(_ count: Int, distinct: Int) -> [String] {
      var out: [String] = []
      while out.count < count {
        let value = "S-\(Int.random(in: 0..<distinct, using: &self))"
        out.append(contentsOf: repeatElement(value, count: Int.random(in: 1...6, using: &self)))
      }
      return Array(out.prefix(count))
    }
  }

  static func expectInvariant(_ column: RunColumn<String>, sourceLocation: SourceLocation = #_sourceLocation)
  {
    #expect(column.values.count == column.ends.count, sourceLocation: sourceLocation)
    for run in column.values.indices.dropFirst() {
      #expect(
        column.values[run - 1] != column.values[run], "runs \(run - 1) and \(run)",
        sourceLocation: sourceLocation)
      #expect(column.ends[run - 1] < column.ends[run], sourceLocation: sourceLocation)
    }
    #expect(column.ends.first.map { $0 > 0 } ?? true, sourceLocation: sourceLocation)
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func readsAsTheArrayItWasBuiltFrom(seed: UInt64) {
    var random = Values(state: seed)
    let model = random.column(Int.random(in: 0...400, using: &random), distinct: 5)
    let column = RunColumn(model)
    Self.expectInvariant(column)
    #expect(Array(column) == model)
    #expect(column.count == model.count)
    for k in model.indices {
      #expect(column[k] == model[k])
      #expect(column.rows(ofRun: column.run(containing: k)).contains(k))
    }
    // The same runs, given as values and lengths.
    let runs = column.values.indices.map { (value: column.values[$0], count: column.rows(ofRun: $0).count) }
    #expect(RunColumn(runs: runs) == column)
  }

  @Test(arguments: [11, 12, 13, 14])
  func gathersAsTheArrayDoes(seed: UInt64) {
    var random = Values(state: seed)
    let model = random.column(300, distinct: 4)
    let column = RunColumn(model)
    // Grouped by value (as reordering reviews by supplier does), shuffled, and with repeats.
    let grouped = model.indices.sorted { (model[$0], $0) < (model[$1], $1) }
    let shuffled = model.indices.shuffled(using: &random)
    let repeated = (0..<500).map { _ in Int.random(in: model.indices, using: &random) }
    for positions in [grouped, shuffled, repeated, [], Array(model.indices)] {
      let gathered = column.gathered(at: positions)
      Self.expectInvariant(gathered)
      #expect(Array(gathered) == positions.map { model[$0] })
    }
  }

  /// Thousands of short runs (reviews listed by date, not grouped by supplier) are gathered by
  /// an index of rows: the same values as the array.
  @Test func gathersManyShortRunsAsTheArrayDoes() {
    var random = Values(state: 31)
    let model = (0..<6000).map { k in "S-\((k / Int.random(in: 1...2, using: &random)) % 997)" }
    let column = RunColumn(model)
    #expect(column.values.count > 1024)
    for positions in [
      model.indices.shuffled(using: &random), model.indices.sorted { (model[$0], $0) < (model[$1], $1) },
    ] {
      let gathered = column.gathered(at: positions)
      Self.expectInvariant(gathered)
      #expect(Array(gathered) == positions.map { model[$0] })
    }
  }

  @Test(arguments: [21, 22, 23])
  func editsAsTheArrayDoes(seed: UInt64) {
    var random = Values(state: seed)
    var model = random.column(120, distinct: 3)
    var column = RunColumn(model)
    for step in 0..<400 {
      switch Int.random(in: 0..<4, using: &random) {
      case 0:
        let k = Int.random(in: model.indices, using: &random)
        let value = "S-\(Int.random(in: 0..<3, using: &random))"
        model[k] = value
        column.set(value, at: k)
      case 1:
        let value = "S-\(Int.random(in: 0..<3, using: &random))"
        let count = Int.random(in: 0...3, using: &random)
        model.append(contentsOf: repeatElement(value, count: count))
        column.append(value, count: count)
      case 2:
        let lower = Int.random(in: 0...model.count, using: &random)
        let upper = Int.random(in: lower...min(model.count, lower + 5), using: &random)
        let new = random.column(Int.random(in: 0...4, using: &random), distinct: 3)
        model.replaceSubrange(lower..<upper, with: new)
        column.replaceSubrange(lower..<upper, with: new)
      default:
        let other = random.column(Int.random(in: 0...10, using: &random), distinct: 3)
        model.append(contentsOf: other)
        column.append(contentsOf: RunColumn(other))
      }
      Self.expectInvariant(column)
      #expect(Array(column) == model, "step \(step)")
      if model.isEmpty { model = ["S-0"]; column = ["S-0"] }
    }
  }

  @Test func refusesRunsThatAreNotPositive() {
    #expect(RunColumn(runs: [(value: "S-1", count: 2), (value: "S-2", count: 0)]) == nil)
    #expect(RunColumn(runs: [(value: "S-1", count: -1)]) == nil)
    // Equal neighbours given as two runs become one.
    let merged = RunColumn(runs: [(value: "S-1", count: 2), (value: "S-1", count: 3)])
    #expect(merged?.values == ["S-1"])
    #expect(merged?.ends == [5])
  }
}
