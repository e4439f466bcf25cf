import SupplierTrustModel

/// One record being assembled: all field bytes back to back plus where each field ends.
///
/// Generators append digits and pre-encoded vocabulary straight into `bytes`, so the hot path
/// allocates nothing once the buffers have grown; the sinks then quote (CSV) or escape (XML).
struct RecordRow {
  var bytes: [UInt8] = []
  var ends: [Int] = []

  init() {
    bytes.reserveCapacity(512)
    ends.reserveCapacity(24)
  }

  var fieldCount: Int { ends.count }

  @inline(__always)
  mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
  }

  @inline(__always)
  func range(_ field: Int) -> Range<Int> {
    (field == 0 ? 0 : ends[field - 1])..<ends[field]
  }

  @inline(__always)
  func isEmpty(_ field: Int) -> Bool { range(field).isEmpty }

  /// Closes the current field (an empty field when nothing was appended since the last one).
  @inline(__always)
  mutating func end() { ends.append(bytes.count) }

  /// Appends `count` empty fields.
  @inline(__always)
  mutating func skip(_ count: Int = 1) {
    for _ in 0..<count { ends.append(bytes.count) }
  }

  @inline(__always)
  mutating func add(_ text: [UInt8]) { bytes.append(contentsOf: text) }

  @inline(__always)
  mutating func add(byte: UInt8) { bytes.append(byte) }

  /// Non-negative decimal integer, zero-padded to `width` digits.
  @inline(__always)
  mutating func add(int value: Int, width: Int = 1) {
    // Digits come out least significant first; writing them reversed and then swapping in place
    // avoids any temporary storage.
    var n = value < 0 ? 0 : value
    let start = bytes.count
    repeat {
      bytes.append(0x30 &+ UInt8(truncatingIfNeeded: n % 10))
      n /= 10
    } while n > 0
    while bytes.count - start < width { bytes.append(0x30) }
    var i = start
    var j = bytes.count - 1
    while i < j {
      bytes.swapAt(i, j)
      i += 1
      j -= 1
    }
  }

  /// `cents` / 100 with exactly two decimals (money).
  @inline(__always)
  mutating func add(cents: Int) {
    add(int: cents / 100)
    bytes.append(0x2E)
    add(int: cents % 100, width: 2)
  }

  /// `tenths` / 10 with one decimal, or a whole number when the decimal is zero and `trim` is set.
  @inline(__always)
  mutating func add(tenths: Int, trim: Bool = false) {
    add(int: tenths / 10)
    if trim && tenths % 10 == 0 { return }
    bytes.append(0x2E)
    add(int: tenths % 10)
  }

  /// `YYYY-MM-DD`.
  @inline(__always)
  mutating func add(day: Day) {
    let c = day.components
    add(int: c.year, width: 4)
    bytes.append(0x2D)
    add(int: c.month, width: 2)
    bytes.append(0x2D)
    add(int: c.day, width: 2)
  }

  /// `YYYY-MM-DDThh:mm:ssZ`.
  @inline(__always)
  mutating func add(day: Day, secondOfDay: Int) {
    add(day: day)
    bytes.append(0x54)
    add(int: secondOfDay / 3600, width: 2)
    bytes.append(0x3A)
    add(int: secondOfDay / 60 % 60, width: 2)
    bytes.append(0x3A)
    add(int: secondOfDay % 60, width: 2)
    bytes.append(0x5A)
  }

  /// A sequential record id such as `RV-00001234`.
  @inline(__always)
  mutating func add(id number: Int, of kind: RecordKind) {
    bytes.append(contentsOf: kind.idPrefix)
    add(int: number, width: kind.idDigits)
  }

  /// The bytes of one field, copied (for rare paths: faults, buffered XML records).
  func copy(_ field: Int) -> [UInt8] { Array(bytes[range(field)]) }

  /// Replaces one field's content; used only to inject faults, so the copy does not matter.
  mutating func replace(_ field: Int, with value: [UInt8]) {
    let old = range(field)
    bytes.replaceSubrange(old, with: value)
    let delta = value.count - old.count
    for i in field..<ends.count { ends[i] += delta }
  }
}
