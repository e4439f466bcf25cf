import Foundation
import Testing

@testable import SupplierTrustModel

@Suite struct DayTests {
  @Test(arguments: [
    ("2026-09-14", "2026-09-14"),
    ("2026-09-14T10:22:00Z", "2026-09-14"),
    ("2026-09-14T23:59:59Z", "2026-09-14"),
    ("2026-09-14T10:22:00.5Z", "2026-09-14"),
    ("2026-09-14T10:22:00.123456Z", "2026-09-14"),
    ("2024-02-29", "2024-02-29"),
    ("2000-02-29", "2000-02-29"),
    ("1970-01-01", "1970-01-01"),
    ("0001-01-01", "0001-01-01"),
    ("9999-12-31", "9999-12-31"),
  ])
  func parsesValidDates(text: String, expected: String) throws {
    let day = try #require(Day(parsing: text))
    #expect(day.description == expected)
  }

  @Test(arguments: [
    "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "25/11/2026", "2026-1-5",
    "2026-09-14T10:22:00+02:00", "2026-09-14T10:22:00", "2026-09-14T10:22Z", "2026-09-14T24:00:00Z",
    "2026-09-14T10:60:00Z", "2026-09-14T10:22:00.Z", "2026-09-14T10:22:00.1aZ", "2026-09-14 10:22:00Z",
    "2100-02-29", "1900-02-29", "2023-02-29", "0000-01-01", "", "2026-09-1x", "+026-09-14", "20260914",
    " 2026-09-14",
  ])
  func rejectsInvalidDates(text: String) {
    #expect(Day(parsing: text) == nil, "\(text) should not parse")
  }

  @Test func epochAndComponents() throws {
    #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
    #expect(Day(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
    #expect(Day(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
    let day = try #require(Day(parsing: "2026-11-25"))
    #expect(day.components == (2026, 11, 25))
    #expect(day.year == 2026)
  }

  @Test func daysUntilAndAdding() throws {
    let a = try #require(Day(parsing: "2024-02-28"))
    let b = try #require(Day(parsing: "2024-03-01"))
    #expect(a.days(until: b) == 2)
    #expect(b.days(until: a) == -2)
    #expect(a.adding(days: 1).description == "2024-02-29")
    #expect(a.adding(days: 2) == b)
    #expect(b.adding(days: -2) == a)
    #expect(try #require(Day(parsing: "2026-12-31")).adding(days: 1).description == "2027-01-01")
    #expect(
      try #require(Day(parsing: "2025-01-01")).days(until: try #require(Day(parsing: "2026-01-01"))) == 365)
    #expect(
      try #require(Day(parsing: "2024-01-01")).days(until: try #require(Day(parsing: "2025-01-01"))) == 366)
    #expect(a < b)
  }

  /// Reference model: Foundation's Gregorian calendar in UTC, every 7th day from 1900 to 2100
  /// (plus every day of a few leap-year boundaries).
  @Test func agreesWithFoundationCalendar() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let start = try #require(Day(year: 1900, month: 1, day: 1))
    let end = try #require(Day(year: 2100, month: 12, day: 31))
    var checked = 0
    var offsets = Array(stride(from: 0, through: start.days(until: end), by: 7))
    for extra in ["1900-02-27", "2000-02-27", "2024-02-27", "2100-02-27"] {
      let base = try #require(Day(parsing: extra))
      offsets += (0..<5).map { start.days(until: base) + $0 }
    }
    for offset in offsets {
      let day = start.adding(days: offset)
      let date = Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400)
      let c = calendar.dateComponents([.year, .month, .day], from: date)
      let expected = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
      #expect(day.description == expected)
      // Round trip: parse the description back, and build from components.
      #expect(Day(parsing: expected) == day)
      #expect(Day(year: c.year!, month: c.month!, day: c.day!) == day)
      checked += 1
    }
    #expect(checked > 10_000)
  }

  /// The validating initialiser's direct formula against the general one (Howard Hinnant's,
  /// the reference model) on every day of years around each leap rule and the ends of the range,
  /// and days just outside each month refused.
  @Test func validatedDaysAgreeWithTheGeneralFormula() {
    let years =
      Array(1...5) + [99, 100, 101, 399, 400, 401, 1582, 1600, 1700] + Array(1899...2101)
      + [2400, 9996, 9997, 9998, 9999]
    for year in years {
      for month in 1...12 {
        let length = Day.daysIn(month: month, year: year)
        for day in 1...length {
          #expect(
            Day(year: year, month: month, day: day) == Day(rollingOverYear: year, month: month, day: day),
            "\(year)-\(month)-\(day)")
        }
        #expect(Day(year: year, month: month, day: length + 1) == nil)
        #expect(Day(year: year, month: month, day: 0) == nil)
      }
      #expect(Day(year: year, month: 0, day: 1) == nil)
      #expect(Day(year: year, month: 13, day: 1) == nil)
    }
    #expect(Day(year: 0, month: 1, day: 1) == nil)
    #expect(Day(year: 10000, month: 1, day: 1) == nil)
  }

  @Test func daysInMonth() {
    #expect(Day.daysIn(month: 2, year: 2024) == 29)
    #expect(Day.daysIn(month: 2, year: 2100) == 28)
    #expect(Day.daysIn(month: 2, year: 2000) == 29)
    #expect(Day.daysIn(month: 4, year: 2026) == 30)
    #expect(Day.daysIn(month: 12, year: 2026) == 31)
  }

  @Test func codableUsesISOText() throws {
    let day = try #require(Day(parsing: "2026-09-14"))
    let data = try JSONEncoder().encode([day])
    #expect(String(decoding: data, as: UTF8.self) == "[\"2026-09-14\"]")
    #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Day].self, from: Data("[\"2026-02-30\"]".utf8))
    }
  }
}

/// The fast description writes what padding and interpolation wrote (the reference), for every
/// 97th day of years 1-9999.
@Test func descriptionMatchesThePaddedReference() {
  var day = Day(year: 1, month: 1, day: 1)!
  let last = Day(year: 9999, month: 12, day: 31)!
  while day <= last {
    let (y, m, d) = day.components
    #expect(day.description == Day.paddedDescription(y, m, d))
    day = day.adding(days: 97)
  }
  #expect(Day(year: 2026, month: 1, day: 5)!.description == "2026-01-05")
  #expect(Day(year: 7, month: 12, day: 31)!.description == "0007-12-31")
}
