import Testing

@testable import SupplierTrustScoring

/// `Array.permute(into:)` moves elements along cycles through raw memory; a plain `map` is the
/// reference it must agree with, and every element must still be released exactly once.
@Suite struct PermuteTests {
  final class Tracked {
    let value: Int
    let onDeinit: @Sendable () -> Void
    init(_ value: Int, onDeinit: @escaping @Sendable () -> Void) {
      self.value = value
      self.onDeinit = onDeinit
    }
    deinit { onDeinit() }
  }

  final class Counter: @unchecked Sendable { var count = 0 }

  @Test(arguments: [0, 1, 2, 7, 64, 1_000])
  func agreesWithMapAndReleasesEachElementOnce(count: Int) {
    var generator = SystemRandomNumberGenerator()
    let released = Counter()
    do {
      for round in 0..<20 {
        var order = Array(0..<count)
        // Identity, a reversal (many 2-cycles) and random permutations (long cycles).
        if round == 1 { order.reverse() } else if round > 1 { order.shuffle(using: &generator) }
        var items = (0..<count).map { Tracked($0 * 10, onDeinit: { released.count += 1 }) }
        let expected = order.map { items[$0].value }
        items.permute(into: order)
        #expect(items.map(\.value) == expected)
      }
    }
    #expect(released.count == 20 * count)
  }
}
