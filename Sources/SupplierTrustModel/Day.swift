/// A calendar day with no time of day and no time zone, so that "expires 2027-02-28" means the
/// same day wherever the tool runs.
///
/// Stored as the number of days since 1970-01-01 in the proleptic Gregorian calendar, which makes
/// ages and windows plain integer arithmetic.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable, BitwiseCopyable {
  /// Days since 1970-01-01 (negative before it).
  public let daysSinceEpoch: Int32

  /// The day `daysSinceEpoch` days after 1970-01-01 (before it when negative).
  public init(daysSinceEpoch: Int32) {
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// The day `year-month-day`, or nil when no such day exists (2026-02-30, month 13, ...).
  @inlinable
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    // 31 days in months 1, 3, 5, 7, 8, 10 and 12: odd months up to July, even ones after.
    let length = month == 2 ? (leap ? 29 : 28) : 30 + ((month + month >> 3) & 1)
    guard day <= length else { return nil }
    // Days before the year since 1970 (leap days counted up to the year before), before the
    // month ((367m - 362) / 12 counts February as 30 days, hence the 2 or 1 taken off after it),
    // and before the day: a parse of millions of dates, without the general formula's eras.
    let before = year - 1
    let beforeYear = 365 * (year - 1970) + before / 4 - before / 100 + before / 400 - 477
    let beforeMonth = (367 * month - 362) / 12 - (month > 2 ? (leap ? 1 : 2) : 0)
    self.init(daysSinceEpoch: Int32(beforeYear + beforeMonth + day - 1))
  }

  /// The day `year-month-day`, where a day past the end of its month runs on into the next
  /// (2027-02-29 is 2027-03-01), as date arithmetic such as "the same day 3 years later" wants.
  public init(rollingOverYear year: Int, month: Int, day: Int) {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    self.daysSinceEpoch = Int32(era * 146_097 + dayOfEra - 719_468)
  }

  /// Parses `YYYY-MM-DD`, or an ISO 8601 UTC datetime `YYYY-MM-DDThh:mm:ssZ` (optionally with
  /// fractional seconds), whose calendar day is taken.
  public init?(parsing text: some StringProtocol) {
    var copy = String(text)
    guard let day = copy.withUTF8({ Day(utf8: $0) }) else { return nil }
    self = day
  }

  /// Parses the bytes of a date or datetime (see ``init(parsing:)``).
  @inlinable
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    @inline(__always) func digits(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for i in from..<(from + count) {
        let d = Int(bytes[i]) &- 48
        guard d >= 0 && d <= 9 else { return nil }
        value = value * 10 + d
      }
      return value
    }
    // The eight digits at once: each byte less '0' is at most 9 exactly when it is a digit.
    let d = (
      bytes[0] &- 48, bytes[1] &- 48, bytes[2] &- 48, bytes[3] &- 48, bytes[5] &- 48, bytes[6] &- 48,
      bytes[8] &- 48, bytes[9] &- 48
    )
    guard d.0 <= 9, d.1 <= 9, d.2 <= 9, d.3 <= 9, d.4 <= 9, d.5 <= 9, d.6 <= 9, d.7 <= 9 else { return nil }
    let year = Int(d.0) * 1000 + Int(d.1) * 100 + Int(d.2) * 10 + Int(d.3)
    let month = Int(d.4) * 10 + Int(d.5)
    let dayOfMonth = Int(d.6) * 10 + Int(d.7)
    if bytes.count > 10 {
      // hh:mm:ss, optional .fraction, then Z.
      guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
        bytes[16] == UInt8(ascii: ":"), let hour = digits(11, 2), let minute = digits(14, 2),
        let second = digits(17, 2), hour < 24, minute < 60, second < 61,
        bytes[bytes.count - 1] == UInt8(ascii: "Z")
      else { return nil }
      if bytes.count > 20 {
        guard bytes[19] == UInt8(ascii: "."), bytes.count > 21 else { return nil }
        for i in 20..<(bytes.count - 1) where !(48...57).contains(bytes[i]) { return nil }
      }
    }
    guard let day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
    self = day
  }

  /// Year, month and day of month.
  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days.
    let z = Int(daysSinceEpoch) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The calendar year of this day.
  public var year: Int { components.year }

  /// The first day of this day's month.
  public var firstOfMonth: Day {
    let (y, m, _) = components
    return Day(rollingOverYear: y, month: m, day: 1)
  }

  /// The same day `years` later (earlier when negative); February 29 runs on to March 1.
  public func adding(years: Int) -> Day {
    let (y, m, d) = components
    return Day(rollingOverYear: y + years, month: m, day: d)
  }

  /// The day `days` later (earlier when negative).
  public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(days)) }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(until other: Day) -> Int { Int(other.daysSinceEpoch) - Int(daysSinceEpoch) }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = components
    guard (0...9999).contains(y) else { return Self.paddedDescription(y, m, d) }
    // Ten digits and dashes written straight into the string: through padding and
    // interpolation a date cost about 2,700 instructions, and outputs write millions.
    return String(unsafeUninitializedCapacity: 10) { bytes in
      func write(_ value: Int, width: Int, at start: Int) {
        var rest = value
        for offset in stride(from: width - 1, through: 0, by: -1) {
          bytes[start + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      write(y, width: 4, at: 0)
      bytes[4] = UInt8(ascii: "-")
      write(m, width: 2, at: 5)
      bytes[7] = UInt8(ascii: "-")
      write(d, width: 2, at: 8)
      return 10
    }
  }

  /// YYYY-MM-DD for any year (a negative or five-digit one too), padded to four digits.
  static func paddedDescription(_ y: Int, _ m: Int, _ d: Int) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// Earlier days sort first.
  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

  /// The number of days in `month` (1...12) of `year`, February 29 counted in leap years.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Decodes a day from a `YYYY-MM-DD` string (a datetime is accepted too, as ``init(parsing:)`` takes it).
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(parsing: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
    }
    self = day
  }

  /// Encodes the day as its `YYYY-MM-DD` string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
