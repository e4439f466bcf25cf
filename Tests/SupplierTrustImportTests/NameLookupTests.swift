import Testing

@testable import SupplierTrustImport

/// Attribute names are looked up through a cache keyed by where libxml2 holds them; the cache
/// must never trust an address whose bytes have changed.
@Suite struct NameLookupTests {
  let table = NameTable<Int>([("review_id", 0), ("rating", 1), ("review_date", 2), ("rate", 3)])

  func withName<R>(
    _ text: String, in buffer: UnsafeMutablePointer<UInt8>, _ body: (UnsafePointer<UInt8>) -> R
  ) -> R {
    let bytes = Array(text.utf8) + [0]
    buffer.update(from: bytes, count: bytes.count)
    return body(UnsafePointer(buffer))
  }

  @Test func namesAreFoundAndRecurringAddressesAreReused() {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
    defer { buffer.deallocate() }
    var cache = AttributeNameCache()
    for _ in 0..<3 {
      #expect(withName("rating", in: buffer) { cache.entry($0, in: table) } == 1)
    }
    #expect(withName("review_date", in: buffer) { cache.entry($0, in: table) } == 2)
  }

  @Test func aChangedNameAtAKnownAddressIsLookedUpAgain() {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
    defer { buffer.deallocate() }
    var cache = AttributeNameCache()
    #expect(withName("rating", in: buffer) { cache.entry($0, in: table) } == 1)
    // A prefix of the cached name, a longer name, an unknown one: none may come back as "rating".
    #expect(withName("rate", in: buffer) { cache.entry($0, in: table) } == 3)
    #expect(withName("rating", in: buffer) { cache.entry($0, in: table) } == 1)
    #expect(withName("ratings", in: buffer) { cache.entry($0, in: table) } == nil)
    #expect(withName("rating", in: buffer) { cache.entry($0, in: table) } == 1)
    #expect(withName("colour", in: buffer) { cache.entry($0, in: table) } == nil)
    #expect(withName("", in: buffer) { cache.entry($0, in: table) } == nil)
  }

  @Test func theTableFindsWholeNamesOnly() {
    func find(_ name: String) -> Int? {
      Array(name.utf8).withUnsafeBufferPointer { table.lookup($0) }
    }
    #expect(find("rating") == 1)
    #expect(find("rate") == 3)
    #expect(find("ratin") == nil)
    #expect(find("review_idx") == nil)
    #expect(find("") == nil)
  }
}
