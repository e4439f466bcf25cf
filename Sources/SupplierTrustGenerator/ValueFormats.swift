/// The accepted spellings of contract values, mixed the way real exports mix them, so that
/// importers meet every form the contract allows.
struct ValueFormats: Sendable {
  private let trueWords: Weighted<[UInt8]>
  private let falseWords: Weighted<[UInt8]>

  init() {
    trueWords = Weighted(
      [("true", 50), ("yes", 25), ("1", 10), ("Y", 5), ("TRUE", 5), ("Yes", 5)].map { (utf8($0.0), $0.1) })
    falseWords = Weighted(
      [("false", 50), ("no", 25), ("0", 10), ("N", 5), ("FALSE", 5), ("No", 5)].map { (utf8($0.0), $0.1) })
  }

  @inline(__always)
  func add(bool value: Bool, to row: inout RecordRow, _ rng: inout Random) {
    row.add(value ? trueWords.pick(&rng) : falseWords.pick(&rng))
  }

  /// A share given in thousandths (0...1000) as `92%`, `92.5%`, `0.92` or `0.925`.
  @inline(__always)
  func add(rate thousandths: Int, to row: inout RecordRow, _ rng: inout Random) {
    let t = min(max(thousandths, 0), 1000)
    let form = rng.below(10)
    if form < 5 {
      row.add(int: t / 10)
      if form == 4 && t % 10 != 0 {
        row.add(byte: 0x2E)
        row.add(int: t % 10)
      }
      row.add(byte: 0x25)
    } else if t == 1000 {
      row.add(byte: 0x31)
    } else {
      row.add(byte: 0x30)
      row.add(byte: 0x2E)
      if form == 9 && t % 10 != 0 {
        row.add(int: t, width: 3)
      } else {
        row.add(int: t / 10, width: 2)
      }
    }
  }

  /// Whole dollars, sometimes with `.00` as accounting exports write them.
  @inline(__always)
  func add(dollars: Int, to row: inout RecordRow, _ rng: inout Random) {
    row.add(int: dollars)
    if rng.below(10) < 3 { row.add(utf8Cents) }
  }

  private let utf8Cents: [UInt8] = [0x2E, 0x30, 0x30]
}
