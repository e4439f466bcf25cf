#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SplitMix64 finaliser: turns correlated seeds (seed, seed + 1, ...) into independent ones.
@inline(__always)
func splitMix64(_ x: UInt64) -> UInt64 {
  var z = x &+ 0x9E37_79B9_7F4A_7C15
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}

/// xoshiro256**: small, fast and the same on every platform, which the byte-identical-output
/// promise needs (the standard library's generators are neither seedable nor stable).
struct Random {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A generator for one stream; `stream` separates e.g. suppliers or the fault injector.
  init(seed: UInt64, stream: UInt64) {
    var x = splitMix64(seed ^ splitMix64(stream &* 0xD1B5_4A32_D192_ED03))
    s0 = splitMix64(x)
    x = x &+ 0x9E37_79B9_7F4A_7C15
    s1 = splitMix64(x)
    x = x &+ 0x9E37_79B9_7F4A_7C15
    s2 = splitMix64(x)
    x = x &+ 0x9E37_79B9_7F4A_7C15
    s3 = splitMix64(x)
  }

  @inline(__always)
  mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// Uniform in [0, 1).
  @inline(__always)
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Uniform in 0..<bound (bound > 0); the multiply-shift bias is far below anything visible.
  @inline(__always)
  mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: next() >> 32) &* UInt64(bound)) >> 32)
  }

  /// Uniform in `range`.
  @inline(__always)
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  @inline(__always)
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  @inline(__always)
  mutating func pick<T>(_ items: [T]) -> T {
    items[below(items.count)]
  }

  /// Standard normal (Box-Muller; one value per call keeps the stream simple).
  mutating func normal() -> Double {
    let u1 = max(unit(), 1e-300)
    let u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  mutating func exponential(mean: Double) -> Double {
    -mean * log(max(unit(), 1e-300))
  }

  mutating func logNormal(median: Double, sigma: Double) -> Double {
    median * exp(sigma * normal())
  }
}

/// A precomputed discrete distribution: picking costs one random number and a short scan.
struct Weighted<T> {
  let items: [T]
  private let cumulative: [Double]

  init(_ pairs: [(T, Double)]) {
    items = pairs.map(\.0)
    var total = 0.0
    var sums: [Double] = []
    for pair in pairs {
      total += pair.1
      sums.append(total)
    }
    cumulative = sums.map { $0 / total }
  }

  @inline(__always)
  func index(_ rng: inout Random) -> Int {
    index(unit: rng.unit())
  }

  /// The item for a given uniform number, for picks that must be a pure function of a key.
  @inline(__always)
  func index(unit u: Double) -> Int {
    var i = 0
    while i < cumulative.count - 1 && u >= cumulative[i] { i += 1 }
    return i
  }

  @inline(__always)
  func pick(_ rng: inout Random) -> T {
    items[index(&rng)]
  }
}

extension Weighted: Sendable where T: Sendable {}
