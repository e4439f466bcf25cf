import Dispatch

// Helpers for the scorer's parallel loops and its number formats.

/// A value one thread writes and another reads after waiting for it.
final class UnsafeSendableBox<T>: @unchecked Sendable {
  var value: T
  init(_ value: T) { self.value = value }
}

/// Lets the parallel loop write disjoint slots of one result array.
extension Array {
  /// Rearranges the elements so that position `k` holds the element that was at `order[k]`.
  ///
  /// `order` must be a permutation of the indices. Each element is moved once, following the
  /// permutation's cycles, with no second array and no copies.
  mutating func permute(into order: [Int]) {
    precondition(order.count == count, "a permutation has one position per element")
    var placed = [Bool](repeating: false, count: count)
    withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for start in buffer.indices where !placed[start] {
        placed[start] = true
        guard order[start] != start else { continue }
        let held = (base + start).move()
        var k = start
        while order[k] != start {
          let next = order[k]
          precondition(!placed[next], "order is not a permutation")
          (base + k).moveInitialize(from: base + next, count: 1)
          placed[next] = true
          k = next
        }
        (base + k).initialize(to: held)
      }
    }
  }
}

struct UnsafeSendableBuffer<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// A pointer to values read (never written) on several threads while its owner keeps them alive.
struct UnsafeSendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafePointer<T>
  init(_ pointer: UnsafePointer<T>) { self.pointer = pointer }
}

/// `body(i, element)` for every element of `array` on every core, in chunks of `stride`, each
/// element read in place: a subscript handed each supplier's evidence over as a copy, its slices
/// and strings retained and released.
func forEachInPlace<T>(_ array: [T], stride: Int, _ body: @Sendable (Int, UnsafePointer<T>) -> Void) {
  array.withUnsafeBufferPointer { all in
    // No element, no buffer (and nothing to do).
    guard let base = all.baseAddress else { return }
    let elements = UnsafeSendablePointer(base)
    let count = all.count
    let chunks = (count + stride - 1) / stride
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      for i in (chunk * stride)..<min(count, (chunk + 1) * stride) { body(i, elements.pointer + i) }
    }
  }
}

/// `body` applied to `0..<count` in chunks of `chunkSize` on every core, the chunks' results in
/// order: for work over 100,000 suppliers whose pieces are then joined (screening, CSV rows).
public func mapChunks<R>(count: Int, chunkSize: Int, _ body: @Sendable (Range<Int>) -> R) -> [R] {
  let size = max(1, chunkSize)
  let chunkCount = (count + size - 1) / size
  return [R](unsafeUninitializedCapacity: chunkCount) { out, initialized in
    let output = UnsafeSendableBuffer(out)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      (output.buffer.baseAddress! + chunk).initialize(
        to: body((chunk * size)..<min(count, (chunk + 1) * size)))
    }
    initialized = chunkCount
  }
}

func format(_ value: Double, _ decimals: Int) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let scaled = (value * scale).rounded()
  let rounded = scaled / scale
  if decimals == 0 { return String(Int(rounded)) }
  // Digits from the integer `scaled` (what the description of `rounded`, padded with zeros,
  // comes to for numbers of this size): explanations and suggestions format hundreds of
  // thousands of numbers, and the general path walks the text by characters.
  // Written as bytes from the last digit back: joining the parts as Strings cost about a
  // thousand instructions a number.
  if decimals <= 6, abs(scaled) < 1e12 {
    let negative = rounded < 0 || (rounded == 0 && rounded.sign == .minus)
    let units = UInt64(abs(scaled))
    var digits = 1
    var rest = units / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    let width = max(digits, decimals + 1)
    let length = (negative ? 1 : 0) + width + 1
    return String(unsafeUninitializedCapacity: length) { out in
      var position = length - 1
      var remaining = units
      for digit in 0..<width {
        if digit == decimals {
          out[position] = UInt8(ascii: ".")
          position -= 1
        }
        out[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
        remaining /= 10
        position -= 1
      }
      if negative { out[0] = UInt8(ascii: "-") }
      return length
    }
  }
  var text = String(rounded)
  if let dot = text.firstIndex(of: ".") {
    let have = text.distance(from: dot, to: text.endIndex) - 1
    if have < decimals { text += String(repeating: "0", count: decimals - have) }
  }
  return text
}

/// `value` rounded to `decimals` places and written with exactly that many (0 ≤ `decimals` ≤ 6),
/// digits written as bytes: for outputs outside this module that write many numbers.
public func fixedDecimals(_ value: Double, _ decimals: Int) -> String { format(value, decimals) }

func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded()))%" }

/// `rate` as a percentage beside whichever of `thresholds` it would show alike with (see
/// ``percent(_:beside:)``), or as a whole percentage.
func percent(_ rate: Double, besideAny thresholds: [Double]) -> String {
  for threshold in thresholds where percent(rate) == percent(threshold) {
    return percent(rate, beside: threshold)
  }
  return percent(rate)
}

/// `rate` as a percentage beside `threshold`: with a decimal when whole percentages would show
/// the two alike though they differ (a flagged 84.5% on time had read "85% on time; threshold
/// 85%": black-box review 104).
func percent(_ rate: Double, beside threshold: Double) -> String {
  guard percent(rate) == percent(threshold), rate != threshold else { return percent(rate) }
  let tenths = (rate * 1000).rounded()
  // Rounded away from the threshold, so that the side it lies on shows (compared in whole tenths:
  // 0.55 * 100 is not 55 in binary).
  let shown = tenths == (threshold * 1000).rounded() ? (rate < threshold ? tenths - 1 : tenths + 1) : tenths
  return format(shown / 10, 1) + "%"
}

extension String {
  /// The text without one full stop at its end, for a clause that more words follow.
  var withoutFinalFullStop: String { hasSuffix(".") ? String(dropLast()) : self }
}

/// Suppliers' positions in evidence order by id (``Scorer/gatherKeepingTexts(_:)``).
struct SupplierIndex: Sendable {
  let numbering: NameNumbering
  /// Every id once (no supplier's id given twice), so that an id's position is its number.
  private let idsAreUnique: Bool

  init(numbering: NameNumbering) {
    self.numbering = numbering
    idsAreUnique = !numbering.hasRepeatedNames
  }

  subscript(id: String) -> Int? { numbering.existingNumber(of: id).map(Int.init) }

  /// The number of `id`, tried first as `hint` and the number after it, then looked up; `hint`
  /// becomes the number found. Records come grouped by supplier, in supplier order more often
  /// than not, and a look-up in the table of 100,000 suppliers is a cache miss: 300,000 of them
  /// (certificates, audits, orders, runs of reviews) took 0.035 s at size L.
  func number(of id: String, near hint: inout Int) -> Int? {
    if idsAreUnique {
      let names = numbering.names
      // By their bytes, as the table compares them: `==` takes canonically equivalent spellings
      // for one id (code review).
      if hint >= 0 && hint < names.count && Self.sameBytes(names[hint], id) { return hint }
      if hint >= -1 && hint + 1 < names.count && Self.sameBytes(names[hint + 1], id) {
        hint += 1
        return hint
      }
    }
    guard let number = self[id] else { return nil }
    hint = number
    return number
  }

  /// Whether `a` and `b` hold the same UTF-8 bytes, compared in place.
  @inline(__always)
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    let compared = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y in ByteComparison.equal(x, y) }
    }
    if let compared, let result = compared { return result }
    return a.utf8.elementsEqual(b.utf8)
  }
}

/// A supplier's reviews by the same account on the same day, as one: burst detection counts
/// distinct buyers, as the reviews component weighs them (`same_reviewer_exponent`: a double
/// submission is not a second buyer). Ten posts of one account on one day had made a burst of
/// "ten new reviewers", discounted two genuine buyers' reviews beside them and warned against the
/// supplier; ten copies of one complaint ranked it above one (black-box review 124).
struct SameReviewerDays: Sendable {
  /// The first review of each account and day (all reviews without a named account), by
  /// position among the supplier's reviews; nil when no account posted twice on a day.
  let representatives: [Int]?
  /// For each of the supplier's reviews, the position of its representative in
  /// ``representatives``.
  let groupOf: [Int]

  /// The groups of the reviews at `positions` of the table's columns.
  init(_ positions: Range<Int>, reviewers: [Int32], days: [Day], blank: [Bool]) {
    var first: [Int64: Int] = [:]
    var representatives: [Int] = []
    var groupOf: [Int] = []
    groupOf.reserveCapacity(positions.count)
    var repeated = false
    for (offset, k) in positions.enumerated() {
      let reviewer = reviewers[k]
      guard reviewer >= 0, !blank[Int(reviewer)] else {
        groupOf.append(representatives.count)
        representatives.append(offset)
        continue
      }
      let key = Int64(reviewer) << 32 | Int64(UInt32(bitPattern: days[k].daysSinceEpoch))
      if let group = first[key] {
        groupOf.append(group)
        repeated = true
      } else {
        first[key] = representatives.count
        groupOf.append(representatives.count)
        representatives.append(offset)
      }
    }
    self.representatives = repeated ? representatives : nil
    self.groupOf = groupOf
  }

  /// `detector`'s bursts among the distinct reviews, each burst's reviews given back as
  /// positions among all of them (an account's repeats of a day with their first).
  func detect<R: BurstEvidence>(with detector: ReviewBurstDetector, _ reviews: [R], isNewReviewer: [Bool])
    -> [ReviewBurst]
  {
    guard let representatives else { return detector.detect(reviews, isNewReviewer: isNewReviewer) }
    var found = detector.detect(
      representatives.map { reviews[$0] }, isNewReviewer: representatives.map { isNewReviewer[$0] })
    for b in found.indices {
      var inBurst = [Bool](repeating: false, count: representatives.count)
      for i in found[b].reviewIndices { inBurst[i] = true }
      let distinct = found[b].reviewIndices.count
      found[b].reviewIndices = groupOf.indices.filter { inBurst[groupOf[$0]] }
      // The detail counts buyers' reviews; the posts discounted beside it are said to be more
      // (black-box review 126 read "15 reviews ... all 20 discounted").
      let posts = found[b].reviewIndices.count
      let counted = "\(found[b].reviewCount) reviews "
      if posts > distinct, found[b].detail.hasPrefix(counted) {
        found[b].detail =
          "\(found[b].reviewCount) reviews (\(posts - distinct) more posts by the same accounts on the same days, counted with them) "
          + found[b].detail.dropFirst(counted.count)
      }
    }
    return found
  }
}
