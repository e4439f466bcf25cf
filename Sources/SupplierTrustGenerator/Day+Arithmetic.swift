import SupplierTrustModel

/// The generator's date arithmetic over the model's calendar day.
extension Day {
  init(ordinal: Int) { self.init(daysSinceEpoch: Int32(ordinal)) }

  var ordinal: Int { Int(daysSinceEpoch) }

  /// Whether the components name a real day (e.g. not February 30).
  static func isValid(year: Int, month: Int, day: Int) -> Bool {
    Day(year: year, month: month, day: day) != nil
  }

  static func + (day: Day, offset: Int) -> Day { Day(ordinal: day.ordinal + offset) }

  static func - (day: Day, offset: Int) -> Day { Day(ordinal: day.ordinal - offset) }

  static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }
}
