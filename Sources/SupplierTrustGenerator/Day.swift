/// A calendar day as a count of days since 1970-01-01, so that date arithmetic is integer
/// arithmetic and formatting needs no Foundation.
struct Day: Comparable, Hashable, Sendable {
  var ordinal: Int

  init(ordinal: Int) {
    self.ordinal = ordinal
  }

  /// Days from civil (H. Hinnant's algorithm, proleptic Gregorian).
  init(year: Int, month: Int, day: Int) {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    ordinal = era * 146_097 + doe - 719_468
  }

  /// Whether the components name a real day (e.g. not February 30).
  static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    let probe = Day(year: year, month: month, day: day)
    let back = probe.components
    return back.year == year && back.month == month && back.day == day
  }

  var components: (year: Int, month: Int, day: Int) {
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  var year: Int { components.year }

  static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

  static func + (day: Day, offset: Int) -> Day { Day(ordinal: day.ordinal + offset) }

  static func - (day: Day, offset: Int) -> Day { Day(ordinal: day.ordinal - offset) }

  static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }
}
