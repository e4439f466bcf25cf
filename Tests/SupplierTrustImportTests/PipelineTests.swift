import Foundation
import SupplierTrustModel
import SupplierTrustStore
import SupplierTrustTestSupport
import Testing

@testable import SupplierTrustImport

/// The reader thread hands records over in batches; with tiny chunks a small file crosses the
/// queue hundreds of times, which must not change what is stored or reported.
@Suite struct PipelineTests {
  /// 1 500 reviews of SUP-A with a bad rating on every 97th line and a repeated id every 211th.
  static func reviewsCSV() -> (text: String, badLines: [Int]) {
    var text = "review_id,supplier_id,rating,review_date,text\n"
    var bad: [Int] = []
    for index in 0..<1500 {
      let line = index + 2
      let id = line % 211 == 0 ? "R-\(index - 1)" : "R-\(index)"
      let rating = line % 97 == 0 ? "9" : String(1 + index % 5)
      if line % 97 == 0 || line % 211 == 0 { bad.append(line) }
      text +=
        "\(id),SUP-A,\(rating),2026-01-\(String(format: "%02d", 1 + index % 28)),\"text \(index), with a comma\"\n"
    }
    return (text, bad)
  }

  @Test(arguments: [64, 257, 4 << 20])
  func csvBatchesGiveTheSameResultWhateverTheChunkSize(chunkSize: Int) throws {
    try withTempDir { dir in
      let (text, badLines) = Self.reviewsCSV()
      var options = ImportOptions()
      options.csvChunkSize = chunkSize
      let (report, store, _) = try importWithSuppliers(dir, "reviews.csv", text, options: options)
      #expect(report.rejects.map(\.line) == badLines)
      #expect(try store.counts()[.reviews] == 1500 - badLines.count)
      let reviewsSummary = try #require(report.files.first { $0.kind == .reviews })
      #expect(reviewsSummary.accepted == 1500 - badLines.count)
      #expect(reviewsSummary.rejected == badLines.count)
    }
  }

  @Test func strictStopWithManyBatchesInFlightStoresNothing() throws {
    try withTempDir { dir in
      let (text, badLines) = Self.reviewsCSV()
      var options = ImportOptions()
      options.csvChunkSize = 64
      options.strict = true
      let suppliers = try dir.write("base/suppliers.csv", baseSuppliersCSV)
      let target = try dir.write("reviews.csv", text)
      let store = try Store(path: ":memory:")
      let report = try importing([suppliers, target], into: store, options: options)
      #expect(report.rejects.map(\.line) == [badLines[0]])
      #expect(try store.counts()[.reviews] == 0)
      // The stop is the file's failure: nothing of it was stored (black-box review 89).
      let failure = try #require(report.failures.first)
      #expect(report.failures.count == 1 && failure.file == target && failure.line == badLines[0])
      #expect(failure.message.hasPrefix("--strict stopped at the first rejected record ("))
      #expect(failure.message.hasSuffix("; nothing from this file was stored"))
      // A check stores nothing: its stop says so no more (black-box review 105).
      let checked = try Importer(store: nil, options: options).run(paths: [suppliers, target])
      let stop = try #require(checked.failures.first)
      #expect(stop.message.hasPrefix("--strict stopped at the first rejected record ("))
      #expect(!stop.message.contains("stored"))
      #expect(stop.fix == "fix that record and check the file again")
    }
  }

  @Test(arguments: [1, 7, 4096])
  func xmlBatchesGiveTheSameStoreAsOneBatch(batchSize: Int) throws {
    try withTempDir { dir in
      var options = ImportOptions()
      options.xmlBatchSize = batchSize
      let store = try Store(path: ":memory:")
      let report = try importing([Sample.xml], into: store, options: options)
      #expect(report.rejects.isEmpty)
      #expect(try store.counts() == Sample.expectedCounts)
    }
  }
}

/// ``IdentityIndex`` against a plain dictionary as the reference model.
@Suite struct IdentityIndexTests {
  /// The look-up that records nothing.
  static func line(of key: String, in index: IdentityIndex) -> Int? {
    var key = key
    return key.withUTF8 { index.line(of: $0) }
  }

  @Test func agreesWithADictionaryOnRandomKeys() {
    var generator = SplitMix64(seed: 42)
    var index = IdentityIndex(expectedCount: 4)
    var model: [String: Int] = [:]
    for line in 1...20_000 {
      // Few distinct keys so that repeats are common, of mixed lengths and bytes.
      let key = "K-\(Int.random(in: 0..<8_000, using: &generator))" + (line % 3 == 0 ? "-é" : "")
      let expected = model[key]
      #expect(Self.line(of: key, in: index) == expected)
      if expected == nil { model[key] = line }
      #expect(index.insert(key, line: line) == expected)
    }
    #expect(index.count == model.count)
  }

  @Test func mostlyRisingKeysAgreeWithADictionary() {
    // Rising ids (the sorted run) with every tenth one out of order or a repeat: both halves of
    // the index, and look-ups of the run by binary search.
    var generator = SplitMix64(seed: 7)
    var index = IdentityIndex()
    var model: [String: Int] = [:]
    for line in 1...30_000 {
      let number =
        line % 10 == 0
        ? Int.random(in: 0..<(line * 2), using: &generator) : line * 2 + (line % 7 == 0 ? 1 : 0)
      let digits = String(number)
      let key = "RV-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
      let expected = model[key]
      #expect(Self.line(of: key, in: index) == expected)
      if expected == nil { model[key] = line }
      #expect(index.insert(key, line: line) == expected)
    }
    #expect(index.count == model.count)
  }

  /// Ids numbered one after the other on consecutive lines (kept as segments of the run, each
  /// id rebuilt from its segment's first): carries through 9s, a width that grows (99 to 100
  /// starts a segment), lines that skip, gaps, repeats and look-ups inside segments, against a
  /// dictionary; `forEach` gives every id with its line.
  @Test func sequentialIdsAgreeWithADictionary() {
    var generator = SplitMix64(seed: 11)
    var index = IdentityIndex()
    var model: [String: Int] = [:]
    var number = 90
    var line = 1
    for step in 1...6_000 {
      let roll = Int.random(in: 0..<100, using: &generator)
      let key: String
      if roll < 4 {
        // A repeat of an earlier id, most likely inside a segment.
        key = "RV-\(String(format: "%05d", Int.random(in: 90..<max(91, number), using: &generator)))"
      } else {
        // Mostly the next number; now and then a gap; the prefix changes once, and the width
        // grows past 99999 for the last ids (no padding beyond five digits).
        number += roll < 8 ? Int.random(in: 2..<5, using: &generator) : 1
        if step == 3_000 { number = 99_990 }
        key = (step > 5_500 ? "RW-" : "RV-") + String(format: "%05d", number)
      }
      // Lines usually follow each other; a quoted line break now and then skips one.
      line += roll > 96 ? 2 : 1
      let expected = model[key]
      #expect(Self.line(of: key, in: index) == expected, "\(key) before line \(line)")
      if expected == nil { model[key] = line }
      #expect(index.insert(key, line: line) == expected, "\(key) at line \(line)")
    }
    #expect(index.count == model.count)
    for (key, line) in model { #expect(Self.line(of: key, in: index) == line, "\(key)") }
    var seen: [String: Int] = [:]
    index.forEach { key, line in seen[String(decoding: key, as: UTF8.self)] = line }
    #expect(seen == model)
    // A copy taken mid-segment extends on its own.
    var copy = index
    #expect(copy.insert("RW-999999", line: line + 1) == nil)
    #expect(Self.line(of: "RW-999999", in: index) == nil)
    #expect(Self.line(of: "RW-999999", in: copy) == line + 1)
  }

  /// Segments' edges (code review 151): an empty first key, keys of digits only from 0 past 9,
  /// keys longer than 64 bytes ending in digits (the last key's buffer grows), copied, and lines
  /// near the top of Int32.
  @Test func segmentEdgesAgreeWithADictionary() {
    let long = String(repeating: "k", count: 90)
    var keys: [String] = [""]
    keys += (0...12).map { String($0) }
    keys += (7...12).map { long + String($0) }
    keys += (7...12).map { String($0) }
    keys += ["", "5", long + "8", long + "13"]
    for firstLine in [1, Int(Int32.max) - 10] {
      var index = IdentityIndex()
      var model: [String: Int] = [:]
      var copies: [(IdentityIndex, [String: Int])] = []
      for (offset, key) in keys.enumerated() {
        let line = firstLine + offset
        let expected = model[key]
        #expect(
          index.insert(key, line: line) == expected.map { Int(Int32(truncatingIfNeeded: $0)) }, "\(key)")
        if expected == nil { model[key] = line }
        if offset % 7 == 3 { copies.append((index, model)) }
      }
      #expect(index.count == model.count)
      for (copy, copied) in copies {
        for (key, line) in copied {
          #expect(Self.line(of: key, in: copy) == Int(Int32(truncatingIfNeeded: line)), "\(key)")
        }
        #expect(copy.count == copied.count)
      }
      var seen: [String: Int] = [:]
      index.forEach { key, line in seen[String(decoding: key, as: UTF8.self)] = line }
      #expect(seen == model.mapValues { Int(Int32(truncatingIfNeeded: $0)) })
    }
  }

  /// A value type still: a copy and its original go their own ways.
  @Test func aCopyIsIndependentOfItsOriginal() {
    var original = IdentityIndex(expectedCount: 2)
    for (line, key) in ["A", "B", "C"].enumerated() { #expect(original.insert(key, line: line + 1) == nil) }
    var copy = original
    #expect(copy.insert("D", line: 9) == nil)
    #expect(Self.line(of: "D", in: original) == nil)
    #expect(original.insert("D", line: 4) == nil)
    #expect(Self.line(of: "D", in: copy) == 9)
    #expect(Self.line(of: "D", in: original) == 4)
    #expect(Self.line(of: "B", in: copy) == 2)
  }

  @Test func aRisingKeyAfterATableKeyIsStillNew() {
    var index = IdentityIndex()
    #expect(index.insert("B", line: 1) == nil)
    #expect(index.insert("A", line: 2) == nil)  // below the run: into the table
    #expect(index.insert("C", line: 3) == nil)  // above the run
    #expect(index.insert("A", line: 4) == 2)
    #expect(index.insert("B", line: 5) == 1)
    #expect(index.insert("C", line: 6) == 3)
    #expect(index.insert("BB", line: 7) == nil)
    #expect(index.insert("BB", line: 8) == 7)
    #expect(index.count == 4)
  }

  @Test func keysThatShareAHashPrefixAreKeptApart() {
    var index = IdentityIndex()
    #expect(index.insert("", line: 1) == nil)
    #expect(index.insert("a", line: 2) == nil)
    #expect(index.insert("a\u{0}", line: 3) == nil)
    #expect(index.insert("a", line: 4) == 2)
    #expect(index.insert("", line: 5) == 1)
    // Keys longer than 127 bytes take a multi-byte length prefix in the arena.
    let long = String(repeating: "x", count: 300)
    #expect(index.insert(long, line: 6) == nil)
    #expect(index.insert(long + "y", line: 7) == nil)
    #expect(index.insert(long, line: 8) == 6)
  }
}

/// `forEach` hands out every key once with its line, from the rising run and from the table.
@Test func identityIndexForEachGivesEveryKeyOnce() {
  var index = IdentityIndex(expectedCount: 4)
  var expected: [String: Int] = [:]
  var state: UInt64 = 99
  for line in 1...3_000 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    // Rising ids now and then, random ones otherwise, some repeated.
    let key = line % 3 == 0 ? String(format: "R-%06d", line) : "K-\(state >> 52)"
    if index.insert(key, line: line) == nil { expected[key] = line }
  }
  var seen: [String: Int] = [:]
  index.forEach { key, line in
    let text = String(decoding: key, as: UTF8.self)
    #expect(seen[text] == nil, "\(text) twice")
    seen[text] = line
  }
  #expect(seen == expected)
  #expect(seen.count == index.count)
}
