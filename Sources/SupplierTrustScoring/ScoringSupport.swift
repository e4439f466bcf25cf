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

  subscript(id: String) -> Int? { numbering.existingNumber(of: id).map(Int.init) }
}
