import SupplierTrustModel
import Testing

@testable import SupplierTrustImport

/// The SSE2 identifier check against the model's (the reference): ids of every length from 0 to
/// 70, valid ones and ones with a single bad byte at every position, the bad bytes chosen next to
/// the allowed ranges (`/ : @ [ \` {`), control and high bytes, and high bytes whose low seven
/// bits are a letter or digit.
@Test func identifierCheckAgreesWithTheModel() {
  var state: UInt64 = 11
  func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int(state >> 33) % bound
  }
  let allowed = Array("ABCXYZabcxyz0189.-_".utf8)
  let disallowed: [UInt8] = [
    0x00, 0x09, 0x20, 0x2C, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7F, 0x80, 0xB0, 0xC1, 0xE1, 0xFF, 0x2B,
    0x5E,
  ]
  var checked = 0
  var valid = 0
  for length in 0...70 {
    for trial in 0..<60 {
      var bytes = (0..<length).map { _ in allowed[next(allowed.count)] }
      // One bad byte in most trials, at a position that moves through the id.
      if length > 0 && trial % 3 != 0 { bytes[trial % length] = disallowed[next(disallowed.count)] }
      // Between spaces, as fields lie in a larger buffer: the check must look at the given bytes only.
      let padded = [UInt8](repeating: 0x20, count: 20) + bytes + [UInt8](repeating: 0x20, count: 20)
      padded.withUnsafeBufferPointer { buffer in
        let field = UnsafeBufferPointer(rebasing: buffer[20..<(20 + length)])
        let expected = Identifier.isValid(utf8: field)
        #expect(IdentifierCheck.isValid(field) == expected, "\(bytes) of length \(length)")
        checked += 1
        if expected { valid += 1 }
      }
    }
  }
  // Both kinds of answer were asked for at every length.
  #expect(valid > 1000 && checked - valid > 2000)
}

/// The text check (ASCII, no carriage return) against a byte-by-byte reference: every length from
/// 0 to 70, clean and with one bad byte (a carriage return, a high byte, 0x8D whose low bits are a
/// carriage return) at every position, inside a buffer whose neighbours are bad, so that the check
/// must read the given bytes only.
@Test func textCheckAgreesWithAByteByByteReference() {
  func reference(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D && $0 != 0 } }
  let plain = Array("The parcel came quickly, well packed; 5/5!".utf8)
  var checked = 0
  for length in 0...70 {
    let clean = (0..<length).map { plain[$0 % plain.count] }
    var cases = [clean]
    for position in 0..<length {
      for bad: UInt8 in [0x0D, 0x80, 0x8D, 0xC3, 0xFF, 0x0C, 0x0E, 0x00, 0x01] {
        var bytes = clean
        bytes[position] = bad
        cases.append(bytes)
      }
    }
    for bytes in cases {
      let padded = [UInt8](repeating: 0x0D, count: 17) + bytes + [UInt8](repeating: 0xFF, count: 17)
      padded.withUnsafeBufferPointer { buffer in
        let field = UnsafeBufferPointer(rebasing: buffer[17..<(17 + bytes.count)])
        #expect(UTF8Check.isASCIIWithoutCR(field) == reference(bytes), "\(bytes)")
      }
      checked += 1
    }
  }
  #expect(checked > 10_000)
}
