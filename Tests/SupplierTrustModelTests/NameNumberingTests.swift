import Testing

@testable import SupplierTrustModel

/// The byte-keyed numbering agrees with a dictionary (the reference model) over names that share
/// their first 16 bytes, differ only in length, are empty or long, and arrive in any order.
@Suite struct NameNumberingTests {
  static func names() -> [String] {
    var names = ["", "a", "a\u{0}", "BYR-00000001", "BYR-00000001 ", "ü-é"]
    for n in 0..<3000 { names.append("BYR-\(n * 7919 % 5003)") }
    // Same first 16 bytes, different tails: the slot's head alone cannot tell them apart.
    for n in 0..<300 { names.append("0123456789abcdef-\(n % 97)") }
    for n in 0..<50 { names.append(String(repeating: "x", count: n)) }
    return names
  }

  @Test func numbersByFirstAppearanceLikeADictionary() {
    var numbering = NameNumbering()
    var model: [String: Int32] = [:]
    var order: [String] = []
    for name in Self.names() {
      let expected: Int32
      if let known = model[name] {
        expected = known
      } else {
        expected = Int32(order.count)
        model[name] = expected
        order.append(name)
      }
      #expect(numbering.number(of: name) == expected, "\(name)")
    }
    #expect(numbering.names == order)
    #expect(numbering.count == order.count)
  }

  /// A look-up that adds nothing (scoring's supplier index) finds what a dictionary finds.
  @Test func existingNumbersAreFoundAndNothingIsAdded() {
    #expect(NameNumbering().existingNumber(of: "anything") == nil)
    let names = Array(Set(Self.names().dropFirst(3000))).sorted()
    let numbering = NameNumbering(names)
    var model: [String: Int32] = [:]
    for (k, name) in names.enumerated() { model[name] = Int32(k) }
    for name in Self.names() + ["missing", "0123456789abcdef-999", "BYR-99999"] {
      #expect(numbering.existingNumber(of: name) == model[name], "\(name)")
    }
    #expect(numbering.count == names.count)
  }

  @Test func rebuiltFromNamesFindsTheSameNumbers() {
    var first = NameNumbering()
    for name in Self.names() { _ = first.number(of: name) }
    var rebuilt = NameNumbering(first.names)
    for (number, name) in first.names.enumerated() { #expect(rebuilt.number(of: name) == Int32(number)) }
    #expect(rebuilt.count == first.count)
  }

  @Test func aRepeatedNameInARebuildKeepsItsPlaceAndItsFirstNumber() {
    var numbering = NameNumbering(["a", "b", "a", "c"])
    #expect(numbering.names == ["a", "b", "a", "c"])
    #expect(numbering.number(of: "a") == 0)
    #expect(numbering.number(of: "c") == 3)
    #expect(numbering.number(of: "d") == 4)
  }

  /// Groups of every size, including names repeated within a group and across groups and a
  /// first group large enough to grow the table several times over.
  @Test func numberedInGroupsAsOneAtATime() {
    for groupSize in [1, 3, 8, 9, 512, 5000] {
      var oneByOne = NameNumbering()
      var grouped = NameNumbering()
      let names = Self.names()
      var start = 0
      while start < names.count {
        let group = names[start..<min(names.count, start + groupSize)]
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        for name in group {
          bytes.append(contentsOf: Array(name.utf8))
          ends.append(Int32(bytes.count))
        }
        var got: [Int32] = []
        var positions: [Int] = []
        bytes.withUnsafeBufferPointer { bytes in
          ends.withUnsafeBufferPointer { ends in
            grouped.numberGroup(bytes, ends: ends) { k, number in
              positions.append(k)
              got.append(number)
            }
          }
        }
        #expect(positions == Array(0..<group.count))
        #expect(got == group.map { oneByOne.number(of: $0) }, "group of \(groupSize) at \(start)")
        start += groupSize
      }
      #expect(grouped.names == oneByOne.names)
    }
  }

  @Test func hashesDifferForKeysThatDifferOnlyInTrailingZeroBytes() {
    let a: [UInt8] = [1, 2, 3]
    let b: [UInt8] = [1, 2, 3, 0]
    let hashes = [a, b].map { key in key.withUnsafeBufferPointer { ByteHash.hash($0) } }
    #expect(hashes[0] != hashes[1])
    #expect(hashes.allSatisfy { $0 != 0 })
  }
}

/// Word-at-a-time comparison against `Array`'s lexicographic order (the reference model), on keys
/// that share long prefixes and differ in bytes with the high bit set.
@Test func byteComparisonOrdersLikeLexicographicBytes() {
  var state: UInt64 = 42
  func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int(state >> 33) % bound
  }
  let alphabet: [UInt8] = [0x00, 0x30, 0x31, 0x7F, 0x80, 0xFF]
  for _ in 0..<3000 {
    let prefix = (0..<next(20)).map { _ in alphabet[next(alphabet.count)] }
    let a = prefix + (0..<next(4)).map { _ in alphabet[next(alphabet.count)] }
    let b = prefix + (0..<next(4)).map { _ in alphabet[next(alphabet.count)] }
    let expected = a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        #expect(ByteComparison.order(a, b) == expected)
        #expect(ByteComparison.equal(a, b) == (expected == 0))
      }
    }
  }
}
