/// An amount of US dollars held exactly, in cents.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The amount in US cents: `25000.00` dollars is 2,500,000.
  public let cents: Int64

  /// The amount of `cents` US cents.
  public init(cents: Int64) { self.cents = cents }

  /// Parses a plain decimal with no thousands separators (`25000.00`), rounded to the cent (half
  /// up: `10000.005` is `10000.01`).
  public init?(parsing text: some StringProtocol) {
    var copy = String(text)
    guard let money = copy.withUTF8({ Money(utf8: $0) }) else { return nil }
    self = money
  }

  /// The most digits an amount has before its decimal point: under ten trillion dollars, every
  /// amount to the cent comes back from its JSON number (dollars as a double) exactly; from 14
  /// digits some do not, as the gap between neighbouring doubles nears a cent (black-box review 86
  /// found 999999999999999.99, 15 digits, written as 1000000000000000.0). The tests try the
  /// largest.
  public static let maximumWholeDigits = 13
  /// One cent past the largest amount: 10^13 dollars.
  @usableFromInline static let limitCents: Int64 = 1_000_000_000_000_000

  /// ``init(parsing:)`` for UTF-8 bytes: nil when empty, signed, not a plain decimal, or over
  /// ``maximumWholeDigits`` whole digits.
  @inlinable
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard !bytes.isEmpty else { return nil }
    var whole: Int64 = 0
    var fraction: Int64 = 0
    var fractionDigits = 0
    var seenDot = false
    var wholeDigits = 0
    var seenZero = false
    // The first digit past the cents, which rounds them: the contract's money is any plain
    // decimal (black-box review 22 found 10000.005 refused), stored in cents.
    var roundingDigit: Int64 = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard !seenDot else { return nil }
        seenDot = true
        continue
      }
      let d = Int64(byte) &- 48
      guard d >= 0 && d <= 9 else { return nil }
      if seenDot {
        fractionDigits += 1
        guard fractionDigits <= 2 else {
          if fractionDigits == 3 { roundingDigit = d }
          continue
        }
        fraction = fraction * 10 + d
      } else {
        // Leading zeros count for nothing (black-box review 95: 0000000000000000100.00 was "too
        // large").
        if wholeDigits > 0 || d != 0 { wholeDigits += 1 } else { seenZero = true }
        guard wholeDigits <= Self.maximumWholeDigits else { return nil }
        whole = whole * 10 + d
      }
    }
    guard wholeDigits > 0 || fractionDigits > 0 || seenZero else { return nil }
    if fractionDigits == 1 { fraction *= 10 }
    let cents = whole * 100 + fraction + (roundingDigit >= 5 ? 1 : 0)
    // Rounding the cents may not carry past the limit (9999999999999.995 made 14 digits).
    guard cents < Self.limitCents else { return nil }
    self.cents = cents
  }

  /// Dollars as a floating-point number, for arithmetic in scores.
  public var dollars: Double { Double(cents) / 100 }

  /// `25000.00`.
  public var description: String {
    let sign = cents < 0 ? "-" : ""
    let magnitude = cents.magnitude
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// `$25,000`, or `$25,000.50` when there are cents: amounts in sentences meant for people, in
  /// the same style as the tables' `$25,000`.
  public var displayed: String {
    let magnitude = cents.magnitude
    var digits = String(magnitude / 100)
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits = String(digits.dropLast(3))
    }
    groups.insert(digits, at: 0)
    let fraction = magnitude % 100
    let cents = fraction == 0 ? "" : ".\(fraction < 10 ? "0" : "")\(fraction)"
    return (self.cents < 0 ? "-$" : "$") + groups.joined(separator: ",") + cents
  }

  /// Smaller amounts sort first.
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
}

/// A share between 0 and 1.
public enum Rate {
  /// Parses `0.92` or `92%` (also `92 %`) into 0.92; nil when not a number or outside 0..1.
  @inlinable
  public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let last = bytes.last else { return nil }
    if last == UInt8(ascii: "%") {
      var end = bytes.count - 1
      while end > 0 && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
      guard let percent = Numbers.parse(utf8: UnsafeBufferPointer(rebasing: bytes[0..<end])),
        percent >= 0, percent <= 100
      else { return nil }
      return percent / 100
    }
    guard let value = Numbers.parse(utf8: bytes), value >= 0, value <= 1 else { return nil }
    return value
  }

  /// ``parse(utf8:)`` for a string: `0.92` or `92%` as 0.92, nil when not a rate in 0..1.
  public static func parse(_ text: String) -> Double? {
    var copy = text
    return copy.withUTF8 { parse(utf8: $0) }
  }
}

/// Plain decimal numbers (`4.5`, `-3`, `12`), no exponents or separators.
public enum Numbers {
  /// The value of a plain decimal (`4.5`, `-3`, `+12`), or nil when it is not one or has more than 17 digits.
  @inlinable
  public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !bytes.isEmpty else { return nil }
    var index = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      index = 1
    }
    var mantissa: Int64 = 0
    var scale = 0
    var digits = 0
    var seenDot = false
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: ".") {
        guard !seenDot else { return nil }
        seenDot = true
        continue
      }
      let d = Int64(byte) &- 48
      guard d >= 0 && d <= 9 else { return nil }
      digits += 1
      guard digits <= 17 else { return nil }
      mantissa = mantissa * 10 + d
      if seenDot { scale += 1 }
    }
    guard digits > 0 else { return nil }
    var value = Double(mantissa)
    if scale > 0 { value /= powersOfTen[scale] }
    return negative ? -value : value
  }

  @usableFromInline
  static let powersOfTen: [Double] = (0...18).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// Parses a non-negative whole number of at most 18 digits.
  @inlinable
  public static func parseCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value: Int64 = 0
    for byte in bytes {
      let d = Int64(byte) &- 48
      guard d >= 0 && d <= 9 else { return nil }
      value = value * 10 + d
    }
    return value
  }
}

/// The spec's boolean spellings: `true/false`, `yes/no`, `1/0`, `y/n`, in any case.
public enum Flag {
  /// The boolean a spelling stands for, or nil when it is none of the spec's spellings.
  @inlinable
  public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    switch bytes.count {
    case 1:
      switch bytes[0] {
      case UInt8(ascii: "1"), UInt8(ascii: "y"), UInt8(ascii: "Y"): return true
      case UInt8(ascii: "0"), UInt8(ascii: "n"), UInt8(ascii: "N"): return false
      default: return nil
      }
    case 2: return lowercasedEquals(bytes, "no") ? false : nil
    case 3: return lowercasedEquals(bytes, "yes") ? true : nil
    case 4: return lowercasedEquals(bytes, "true") ? true : nil
    case 5: return lowercasedEquals(bytes, "false") ? false : nil
    default: return nil
    }
  }

  /// ``parse(utf8:)`` for a string: the boolean a spelling stands for, or nil.
  public static func parse(_ text: String) -> Bool? {
    var copy = text
    return copy.withUTF8 { parse(utf8: $0) }
  }

  @inlinable
  static func lowercasedEquals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let expected = word.utf8Start
    for i in 0..<bytes.count where bytes[i] | 0x20 != expected[i] { return false }
    return true
  }
}

/// The spec's identifiers: 1 to 64 characters of `A-Z a-z 0-9 . _ -`.
public enum Identifier {
  /// The longest identifier allowed, in characters (all of them ASCII, so also bytes).
  public static let maximumLength = 64

  /// Whether `bytes` is an identifier: checked eight bytes at a time (an id is checked three
  /// times per review, millions of times per import; byte by byte it was a tenth of a check's
  /// instructions).
  @inlinable
  public static func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0, count <= maximumLength, let base = bytes.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    if count < 8 {
      // Padded with a digit, which is allowed.
      var word: UInt64 = 0x3030_3030_3030_3030
      withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
      return allowedInEveryByte(word)
    }
    var offset = 0
    while offset + 8 <= count {
      guard allowedInEveryByte(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) else {
        return false
      }
      offset += 8
    }
    // The last eight bytes again, overlapping the words already checked.
    return offset == count
      || allowedInEveryByte(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
  }

  /// Whether each of the eight bytes of `word` is one of `A-Z a-z 0-9 . _ -`. Per-byte range and
  /// equality tests on ASCII bytes, whose sums never carry into the next byte.
  @inlinable @inline(__always)
  static func allowedInEveryByte(_ word: UInt64) -> Bool {
    let highs: UInt64 = 0x8080_8080_8080_8080
    guard word & highs == 0 else { return false }
    @inline(__always) func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }
    // High bit of each byte set where the byte lies in low...high.
    @inline(__always) func within(_ x: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
      (x &+ repeated(0x80 - low)) & ~(x &+ repeated(0x7F - high)) & highs
    }
    // High bit of each byte set where the byte equals `byte`.
    @inline(__always) func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 {
      let difference = x ^ repeated(byte)
      return ~(((difference & repeated(0x7F)) &+ repeated(0x7F)) | difference) & highs
    }
    let digits = within(word, 0x30, 0x39)
    // Setting bit 5 folds A-Z onto a-z and moves no other byte into that range.
    let letters = within(word | repeated(0x20), 0x61, 0x7A)
    let marks = equal(word, 0x2D) | equal(word, 0x2E) | equal(word, 0x5F)
    return digits | letters | marks == highs
  }

  /// ``isValid(utf8:)`` for a string: whether `text` is 1 to 64 characters of `A-Z a-z 0-9 . _ -`.
  public static func isValid(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { isValid(utf8: $0) }
  }
}

extension String {
  /// Whether every UTF-8 byte of the string satisfies `predicate`, scanned over its contiguous
  /// bytes when it has them (native strings do). The generic walk of `utf8` cost about ten
  /// instructions a byte, and cells, names and review texts are checked by the hundred thousand.
  @inlinable
  public func allUTF8Bytes(_ predicate: (UInt8) -> Bool) -> Bool {
    if let answer = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
      for byte in bytes where !predicate(byte) { return false }
      return true
    }) {
      return answer
    }
    return utf8.allSatisfy(predicate)
  }
}
