import Testing

@testable import SupplierTrustImport

/// The byte-keyed set against `Set<String>` (the reference model): random inserts, removals
/// (which shift later entries of a probe run back) and lookups over ids that share prefixes, in
/// a table that grows several times.
@Test func byteKeySetAgreesWithASetOfStrings() {
  var state: UInt64 = 7
  func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int(state >> 33) % bound
  }
  let keys = [""] + (0..<3000).map { "SUP-\($0 * 7)" } + (0..<50).map { "ü-\($0)" }
  var set = ByteKeySet(["SUP-0", "seed"])
  var model: Set<String> = ["SUP-0", "seed"]
  for step in 0..<40000 {
    let key = keys[next(keys.count)]
    switch next(3) {
    case 0:
      #expect(set.insert(key) == model.insert(key).inserted, "step \(step): insert \(key)")
    case 1:
      set.remove(key)
      model.remove(key)
    default:
      #expect(set.contains(key) == model.contains(key), "step \(step): contains \(key)")
    }
    #expect(set.count == model.count)
  }
  for key in keys { #expect(set.contains(key) == model.contains(key)) }
}
